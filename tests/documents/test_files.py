"""Uploaded papers are reachable only through the access-checked view."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile

from minutebook.committees.models import Committee, Membership
from minutebook.documents.models import PublishedDocument, SourceDocument
from minutebook.reports.models import Appendix, Report

CANARY = b"CONFIDENTIAL-CANARY-12A"


@pytest.fixture
def papers(meeting_with_exempt_business):
    meeting = meeting_with_exempt_business
    exempt = Report.objects.get(part=2)
    exempt.file.save("contract-award.pdf", ContentFile(b"%PDF-1.4 " + CANARY))
    public = Report.objects.create(meeting=meeting, title="Prevent", part=1)
    public.file.save("prevent.pdf", ContentFile(b"%PDF-1.4 Prevent duty"))
    appendix = Appendix.objects.create(report=public, title="Appendix A - Exempt costs", part=2)
    appendix.file.save("costs.pdf", ContentFile(b"%PDF-1.4 " + CANARY))
    members_pack = PublishedDocument.objects.create(
        meeting=meeting, kind="agenda_pack", audience="members"
    )
    members_pack.file.save("members.pdf", ContentFile(b"%PDF-1.4 " + CANARY))
    public_pack = PublishedDocument.objects.create(
        meeting=meeting, kind="agenda_pack", audience="public"
    )
    public_pack.file.save("public.pdf", ContentFile(b"%PDF-1.4 public pack"))
    source = SourceDocument.objects.create(sha256="a" * 64, original_name="pack.pdf")
    source.file.save("pack.pdf", ContentFile(b"%PDF-1.4 " + CANARY))
    return {
        "exempt": exempt,
        "public": public,
        "appendix": appendix,
        "members_pack": members_pack,
        "public_pack": public_pack,
        "source": source,
        "meeting": meeting,
    }


def urls(p):
    return {
        "public": f"/files/reports/{p['public'].pk}/",
        "public_pack": f"/files/published/{p['public_pack'].pk}/",
        "exempt": f"/files/reports/{p['exempt'].pk}/",
        "appendix": f"/files/appendices/{p['appendix'].pk}/",
        "members_pack": f"/files/published/{p['members_pack'].pk}/",
        "source": f"/files/sources/{p['source'].pk}/",
    }


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_files_are_not_under_media_root(papers, settings):
    path = papers["exempt"].file.path
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_the_public_gets_public_papers_and_nothing_exempt(client, papers):
    u = urls(papers)
    assert body(client.get(u["public"])) == b"%PDF-1.4 Prevent duty"
    assert body(client.get(u["public_pack"])) == b"%PDF-1.4 public pack"
    for name in ["exempt", "appendix", "members_pack", "source"]:
        response = client.get(u[name])
        assert response.status_code == 404, name


def test_a_member_of_the_committee_gets_exempt_papers_but_not_sources(client, papers, make_person):
    meeting = papers["meeting"]
    user = User.objects.create_user("ann", password="pw")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    person = make_person("Ann Member", user=user)
    Membership.objects.create(
        committee=meeting.committee, person=person, municipal_year=meeting.municipal_year
    )
    client.force_login(user)
    u = urls(papers)
    for name in ["exempt", "appendix", "members_pack"]:
        assert CANARY in body(client.get(u[name])), name
    assert client.get(u["source"]).status_code == 404


def test_a_member_of_another_committee_is_refused(client, papers, make_person, council):
    user = User.objects.create_user("bob", password="pw")
    user.groups.add(Group.objects.get_or_create(name="Members")[0])
    other = Committee.objects.create(council=council, name="Audit Committee")
    Membership.objects.create(
        committee=other, person=make_person("Bob Other", user=user), municipal_year=2018
    )
    client.force_login(user)
    assert client.get(urls(papers)["exempt"]).status_code == 404


def test_a_clerk_gets_everything(admin_client, papers):
    for name, url in urls(papers).items():
        assert admin_client.get(url).status_code == 200, name


def test_missing_file_is_404(client, meeting_with_exempt_business):
    report = Report.objects.create(
        meeting=meeting_with_exempt_business, title="No upload", meeting_date=dt.date(2019, 3, 4)
    )
    assert client.get(f"/files/reports/{report.pk}/").status_code == 404
