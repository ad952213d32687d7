"""Exempt means exempt: the canary in every Part Two field never reaches the wrong reader."""

from __future__ import annotations

from collections import deque
from urllib.parse import urldefrag

import pytest
from django.urls import reverse

from minutebook.portal.templatetags.portal import meeting_url

from .conftest import client_for
from .factories import CANARY
from .helpers import links, text

SKIP = ("/admin/", "/accounts/", "/static/", "/media/")


def crawl(client, start: str = "/", limit: int = 500) -> dict[str, str]:
    """Every page reachable from ``start`` by following the site's own links: url -> HTML."""
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = response.content.decode()
        for href in links(response):
            href = urldefrag(href)[0]
            if href.startswith("?"):
                href = url.split("?")[0] + href
            if href.startswith("/") and not href.startswith(SKIP) and href not in seen:
                queue.append(href)
    return seen


@pytest.mark.parametrize("viewer", [None, "other_member", "not_in_group"])
def test_the_canary_never_reaches_the_public_or_other_members(shire, users, viewer):
    client = client_for(users[viewer] if viewer else None)
    pages = crawl(client)
    # The crawl must have reached the pages that hold exempt items, or it proves nothing.
    assert meeting_url(shire.march) in pages
    assert "/decisions/" in pages
    assert any(url.startswith("/people/") for url in pages)
    assert any(url.startswith("/committees/") for url in pages)
    leaks = [url for url, body in pages.items() if CANARY in body]
    assert leaks == []
    # The public is still told what was discussed in private, and why.
    meeting = text(client.get(meeting_url(shire.march)))
    # agenda, report, declaration, minute
    assert meeting.count("Residential Care Contract Award") == 4
    assert meeting.count("This item is exempt: Schedule 12A paragraph 3.") == 3
    filtered = client.get(reverse("portal:decisions"), {"committee": shire.ssc.pk})
    assert CANARY not in filtered.content.decode()
    assert "49. Residential Care Contract Award" in text(filtered)


@pytest.mark.parametrize("viewer", ["member", "clerk", "staff"])
def test_members_of_the_committee_and_clerks_read_the_exempt_papers(shire, users, viewer):
    client = client_for(users[viewer])
    page = text(client.get(meeting_url(shire.march)))
    for fragment in (
        f"Members questioned the {CANARY} bid.",  # minute narrative
        f"That the contract be awarded to {CANARY} Ltd.",  # resolution and recommendation
        f"The preferred bidder is {CANARY} Ltd.",  # report body
        f"Officer {CANARY}",  # contact officer
        f"Bid scores {CANARY}",  # appendix of the exempt report
        f"Holds shares in {CANARY} Ltd.",  # declaration on the exempt item
        f"Report of the Director of Care {CANARY}",  # agenda item's report line
    ):
        assert fragment in page, fragment
    assert page.count(f"That the contract be awarded to {CANARY} Ltd.") == 2
    # They are warned the text is not for publication.
    assert page.count("Not for publication.") == 3
    assert CANARY in client.get(reverse("portal:decisions")).content.decode()
    assert CANARY in client.get("/").content.decode()


def test_a_member_reads_nothing_exempt_of_a_committee_they_never_sat_on(shire, users):
    client = client_for(users["other_member"])
    page = text(client.get(meeting_url(shire.march)))
    assert CANARY not in page
    assert "Not for publication." not in page
