"""Publishing: versions kept, changes said, ranges written back, status moved on."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.files.base import ContentFile

from minutebook.documents.models import PublishedDocument
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import Minutes
from minutebook.publishing.packs import publish_agenda, publish_minutes
from minutebook.publishing.pdf import read_manifest

from . import factories as f
from .factories import CANARY
from .helpers import page_texts

Kind = PublishedDocument.Kind


def _latest(meeting, kind, audience):
    return PublishedDocument.objects.filter(meeting=meeting, kind=kind, audience=audience).order_by(
        "-version"
    )[0]


def test_publish_stores_both_packs_and_front_sheets_and_writes_ranges(scenario):
    clerk = User.objects.create_user("clerk", is_staff=True)
    created = publish_agenda(scenario.meeting, clerk)
    assert {(d.kind, d.audience, d.version) for d in created} == {
        (Kind.AGENDA_PACK, "public", 1),
        (Kind.AGENDA_PACK, "members", 1),
        (Kind.FRONT_SHEET, "public", 1),
        (Kind.FRONT_SHEET, "members", 1),
    }
    pack = _latest(scenario.meeting, Kind.AGENDA_PACK, "public")
    data = pack.file.read()
    assert pack.page_count == len(page_texts(data))
    assert len(pack.sha256) == 64
    assert pack.published_by == clerk
    assert pack.changes == "First publication."
    # The ranges the pack prints are the ranges the items now carry.
    manifest = read_manifest(data)
    for entry in manifest["items"]:
        item = AgendaItem.objects.get(pk=entry["id"])
        assert (list(item.pages) if item.pages else None) == entry["pages"]
    meeting = Meeting.objects.get(pk=scenario.meeting.pk)
    assert meeting.status == Meeting.Status.AGENDA_PUBLISHED
    assert meeting.agenda_published_on is not None


def test_publishing_again_keeps_v1_and_says_what_changed(scenario):
    publish_agenda(scenario.meeting, None)
    v1 = _latest(scenario.meeting, Kind.AGENDA_PACK, "public")
    v1_bytes = v1.file.read()

    prevent = scenario.items["prevent"]
    prevent.title = "Prevent Duty: Delivery Plan"
    prevent.save()
    scenario.reports["prevent"].file.save("v2.pdf", ContentFile(f.uploaded_pdf("Prevent", 9)))
    publish_agenda(scenario.meeting, None)

    versions = PublishedDocument.objects.filter(
        meeting=scenario.meeting, kind=Kind.AGENDA_PACK, audience="public"
    ).order_by("version")
    assert [d.version for d in versions] == [1, 2]
    old, new = versions
    with old.file.open("rb") as handle:
        assert handle.read() == v1_bytes  # v1 is untouched
    assert old.sha256 != new.sha256
    assert "Item 5 retitled: Prevent Duty: Delivery Plan (was: Prevent)" in new.changes
    assert "Item 5: Report: Prevent revised" in new.changes
    assert "Item 5 now pages 6 - 14 (was pages 6 - 12)" in new.changes
    assert "Item 6 now pages" in new.changes  # later items moved on

    # A clerk's own words are kept as written.
    publish_agenda(scenario.meeting, None, changes="Supplement: revised Prevent report.")
    assert _latest(scenario.meeting, Kind.AGENDA_PACK, "members").changes == (
        "Supplement: revised Prevent report."
    )
    assert _latest(scenario.meeting, Kind.FRONT_SHEET, "members").version == 3


def test_republishing_without_changes_says_so(scenario):
    publish_agenda(scenario.meeting, None)
    publish_agenda(scenario.meeting, None)
    assert "without changes" in _latest(scenario.meeting, Kind.AGENDA_PACK, "public").changes


def test_public_changes_do_not_describe_exempt_papers(scenario):
    publish_agenda(scenario.meeting, None)
    report = scenario.reports["property"]
    report.body += " Revised offer."
    report.save()
    publish_agenda(scenario.meeting, None)
    public = _latest(scenario.meeting, Kind.AGENDA_PACK, "public").changes
    members = _latest(scenario.meeting, Kind.AGENDA_PACK, "members").changes
    assert "Report: Disposal of County Farm Land revised" in members
    assert "Disposal of County Farm Land revised" not in public


def test_publish_minutes_keeps_exempt_items_to_the_members_version(scenario):
    previous = scenario.previous
    created = publish_minutes(previous, None)
    assert {(d.audience, d.version) for d in created} == {("public", 1), ("members", 1)}
    public = "\n".join(page_texts(_latest(previous, Kind.MINUTES, "public").file.read()))
    members = "\n".join(page_texts(_latest(previous, Kind.MINUTES, "members").file.read()))
    assert CANARY not in public
    assert CANARY in members
    assert "49. Exempt Minutes of the meeting held on 11 December 2018" in public
    assert "DRAFT MINUTES" in public.upper()
    assert Meeting.objects.get(pk=previous.pk).status == Meeting.Status.MINUTES_DRAFTED

    minutes = Minutes.objects.get(meeting=previous)
    minutes.status = Minutes.Status.CONFIRMED
    minutes.confirmed_at = scenario.meeting
    minutes.save()
    publish_minutes(previous, None)
    latest = _latest(previous, Kind.MINUTES, "public")
    assert latest.version == 2
    assert "DRAFT" not in "\n".join(page_texts(latest.file.read())).upper()
    assert Meeting.objects.get(pk=previous.pk).status == Meeting.Status.MINUTES_CONFIRMED
