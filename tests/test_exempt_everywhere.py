"""Exempt means exempt: on the whole demo council, nobody signed in ever sees Part Two text.

Signs in as nobody and crawls every page reachable from the home page, every endpoint in the
API's OpenAPI document (every object of each), the feeds and calendars, a search for the
canary, and every published document and uploaded paper, looking for the marker that the
demo writes only into exempt report and minute text. A member of the committee, and a
clerk, do see it, so the crawl is known to reach the places where it would leak.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlparse

import pypdfium2
import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from minutebook import access
from minutebook.committees.models import Committee
from minutebook.councils.models import Council
from minutebook.demo.accounts import ensure_demo_accounts
from minutebook.demo.builder import build_demo_council
from minutebook.demo.papers import publish_demo_papers
from minutebook.documents.models import PublishedDocument
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, Report

CANARY = "CONFIDENTIAL-CANARY-12A"
# Places a crawler must not wander: sign-in forms, the clerk's workspace, the admin, logout.
NOT_PUBLIC = ("/admin/", "/manage/", "/accounts/", "/scrutiny/manage/")
HREF = re.compile(r"""href=["']([^"'#]+)""")
TAG = re.compile(r"<[^>]+>")
MAX_PAGES = 3000


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        pdf = pypdfium2.PdfDocument(io.BytesIO(content))
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    html = content.decode("utf-8", errors="replace")
    # Highlighting wraps hits in <mark>, which would split the marker: check visible text too.
    return html + "\n" + TAG.sub("", html)


def crawl(client: Client, start: list[str]) -> tuple[dict[str, str], list[str]]:
    """Breadth-first over internal links: {url: text} of every 200 response, and the PDFs read."""
    seen, pages, pdfs, queue = set(start), {}, [], deque(start)
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        text = text_of(response)
        pages[url] = text
        if response.get("Content-Type", "").startswith("application/pdf"):
            pdfs.append(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        for href in HREF.findall(text):
            link = urldefrag(urljoin(url, href.replace("&amp;", "&")))[0]
            parsed = urlparse(link)
            if parsed.netloc not in ("", "testserver") or parsed.path.startswith(NOT_PUBLIC):
                continue
            local = parsed.path + (f"?{parsed.query}" if parsed.query else "")
            if local not in seen:
                seen.add(local)
                queue.append(local)
    return pages, pdfs


def api_urls(client: Client) -> list[str]:
    spec = client.get("/api/openapi.json").json()
    ids = {
        "council_id": Council.objects.values_list("pk", flat=True),
        "committee_id": Committee.objects.values_list("pk", flat=True),
        "person_id": Person.objects.values_list("pk", flat=True),
        "meeting_id": Meeting.objects.values_list("pk", flat=True),
    }
    urls = []
    for path in spec["paths"]:
        params = re.findall(r"{(\w+)}", path)
        if not params:
            urls += [f"{path}?page_size=200&page={n}" for n in range(1, 6)]
            continue
        (param,) = params
        urls += [path.replace("{" + param + "}", str(pk)) for pk in ids[param]]
    return urls


def file_urls() -> list[str]:
    return (
        [f"/files/published/{pk}/" for pk in PublishedDocument.objects.values_list("pk", flat=True)]
        + [
            f"/files/reports/{pk}/"
            for pk in Report.objects.exclude(file="").values_list("pk", flat=True)
        ]
        + [
            f"/files/appendices/{pk}/"
            for pk in Appendix.objects.exclude(file="").values_list("pk", flat=True)
        ]
    )


def fixed_urls() -> list[str]:
    committees = list(Committee.objects.values_list("pk", flat=True))
    urls = [
        "/",
        "/feeds/meetings.ics",
        "/feeds/agendas.atom",
        "/feeds/minutes.atom",
        "/feeds/decisions.atom",
    ]
    for pk in committees:
        urls += [
            f"/feeds/committees/{pk}/{name}"
            for name in ("meetings.ics", "agendas.atom", "minutes.atom", "decisions.atom")
        ]
    # Words that match the marker's tokens, so a leak would show, without the page echoing the
    # marker itself back in its search box.
    for query in ["confidential canary 12a", '"confidential canary"', "canary", "confidential"]:
        urls += [f"/search/?q={query}", f"/search/timeline/?q={query}"]
    urls += [
        "/api/openapi.json",
        "/scrutiny/recommendations/",
        "/scrutiny/recommendations/overdue/",
    ]
    urls += [f"/scrutiny/committees/{pk}/work-programme/" for pk in committees]
    return urls


@pytest.fixture
def demo(db):
    result = build_demo_council(seed=2019, years=2, today=dt.date(2026, 11, 25))
    ensure_demo_accounts(result.member, result.clerk)
    publish_demo_papers(result.today, per_kind=3)  # real PDFs, public and members' versions
    return result


def test_nobody_signed_in_ever_sees_exempt_text(client, demo):
    assert (
        Report.objects.filter(part=2, summary__contains=CANARY).exists()
        or Report.objects.filter(part=2, body__contains=CANARY).exists()
    ), "the demo must put the canary in exempt reports for this test to mean anything"
    from minutebook.search.models import SearchEntry

    assert (
        SearchEntry.objects.filter(title__icontains="exempt").exists()
        or SearchEntry.objects.count() > 500
    )
    pages, pdfs = crawl(client, fixed_urls() + api_urls(client) + file_urls())
    leaks = [url for url, text in pages.items() if CANARY in text]
    assert leaks == []
    # The crawl really covered the public surfaces.
    kinds = {url.split("/")[1] for url in pages}
    assert {
        "meetings",
        "committees",
        "people",
        "decisions",
        "api",
        "feeds",
        "scrutiny",
        "search",
    } <= kinds
    assert sum(url.startswith("/scrutiny/recommendations/") for url in pages) > 5
    assert len(pdfs) >= 6, "the crawl must read the published public PDFs"
    assert sum(url.startswith("/meetings/") for url in pages) >= Meeting.objects.count() * 0.9


def test_a_member_of_the_committee_and_a_clerk_do_see_it(client, demo):
    member = get_user_model().objects.get(username="member")
    exempt = Report.objects.filter(part=2).select_related("meeting__committee")
    entitled = [
        r
        for r in exempt
        if access.can_see_exempt(member, r.meeting.committee, r.meeting.municipal_year)
    ]
    assert entitled, "the demo member should sit on a committee with Part Two business"
    meeting_url = f"/meetings/{entitled[0].meeting_id}/"
    assert CANARY not in client.get(meeting_url).content.decode()
    client.force_login(member)
    assert CANARY in client.get(meeting_url).content.decode()
    client.force_login(get_user_model().objects.get(username="clerk"))
    assert CANARY in client.get(meeting_url).content.decode()


def test_a_clerk_of_another_council_sees_none_of_it_in_the_admin_or_workspace(client, demo):
    """Staff of a neighbouring council sharing the installation: every admin list, every
    exempt record's change page and the workspace come back without the council's rows."""
    from django.contrib import admin
    from django.contrib.auth.models import Group, Permission

    from minutebook.councils.admin_scope import CouncilScoped

    neighbour = Council.objects.create(name="Neighbouring Borough Council")
    clerk = get_user_model().objects.create_user("nina", password="pw", is_staff=True)
    clerk.groups.add(Group.objects.get_or_create(name=access.CLERKS_GROUP)[0])
    clerk.user_permissions.set(Permission.objects.all())
    Person.objects.create(council=neighbour, name="Nina Neighbour", kind="officer", user=clerk)
    client.force_login(clerk)

    scoped = [a for a in admin.site._registry.values() if isinstance(a, CouncilScoped)]
    assert len(scoped) >= 25, "every project admin is scoped to the clerk's councils"
    for model_admin in scoped:
        opts = model_admin.model._meta
        page = client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
        assert page.status_code == 200, opts.label
        assert CANARY not in page.content.decode(), opts.label
    for report in Report.objects.filter(part=2)[:5]:
        page = client.get(f"/admin/reports/report/{report.pk}/change/", follow=True)
        assert CANARY not in page.content.decode()
        assert client.get(f"/manage/meetings/{report.meeting_id}/").status_code == 404
        assert CANARY not in client.get(f"/meetings/{report.meeting_id}/").content.decode()
    # A clerk of the demo council sees every one of its rows: the paths above are real.
    from django.test import RequestFactory

    own = get_user_model().objects.create_user("owen", is_staff=True)
    own.groups.add(Group.objects.get(name=access.CLERKS_GROUP))
    Person.objects.create(council=demo.council, name="Owen Own", kind="officer", user=own)
    request = RequestFactory().get("/admin/")
    request.user = own
    for model_admin in scoped:
        model = model_admin.model
        rows = model_admin.get_queryset(request)
        expected = model.objects.exclude(**{model_admin.council_path: neighbour.pk})
        if model is Report:  # reports attached to no meeting belong to no council
            expected = expected.exclude(meeting__isnull=True)
        assert rows.count() == expected.distinct().count(), model._meta.label
