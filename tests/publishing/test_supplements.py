"""Supplementary agendas: publishing again binds only the new and revised papers."""

from __future__ import annotations

from django.core.files.base import ContentFile

from minutebook.documents.models import PublishedDocument
from minutebook.publishing.packs import publish_agenda
from minutebook.publishing.pdf import read_manifest

from . import factories as f
from .factories import CANARY
from .helpers import page_texts

Kind = PublishedDocument.Kind


def _supplements(meeting):
    return PublishedDocument.objects.filter(meeting=meeting, kind=Kind.SUPPLEMENT)


def test_a_first_publication_and_an_unchanged_republication_have_no_supplement(scenario):
    publish_agenda(scenario.meeting, None)
    publish_agenda(scenario.meeting, None)
    assert not _supplements(scenario.meeting).exists()


def test_a_revised_report_goes_out_as_a_supplement_numbered_from_page_one(scenario):
    publish_agenda(scenario.meeting, None)
    scenario.reports["prevent"].file.save("v2.pdf", ContentFile(f.uploaded_pdf("Prevent", 9)))
    created = publish_agenda(scenario.meeting, None)

    supplements = {d.audience: d for d in created if d.kind == Kind.SUPPLEMENT}
    assert set(supplements) == {"public", "members"}
    public = supplements["public"]
    assert public.version == 2
    data = public.file.read()
    pages = page_texts(data)
    assert "Supplementary Agenda" in pages[0]
    assert "Prevent" in pages[0] and "(Pages 1 - 9)" in pages[0]
    # The cover, then the nine pages of the revised report and nothing else.
    assert len(pages) == public.page_count == 1 + 9
    assert "Page 1" in pages[1] and "Page 9" in pages[-1]
    manifest = read_manifest(data)
    assert [p["key"] for p in manifest["papers"]] == [f"report:{scenario.reports['prevent'].pk}"]
    assert supplements["members"].page_count == public.page_count
    assert "Item 5: Report: Prevent revised" in public.changes


def test_a_revised_exempt_report_is_restricted_in_the_public_supplement(scenario):
    publish_agenda(scenario.meeting, None)
    report = scenario.reports["property"]
    report.body += " Revised offer."
    report.save()
    publish_agenda(scenario.meeting, None)

    public = _supplements(scenario.meeting).get(audience="public")
    members = _supplements(scenario.meeting).get(audience="members")
    public_text = "\n".join(page_texts(public.file.read()))
    members_text = "\n".join(page_texts(members.file.read()))
    assert CANARY in members_text
    assert CANARY not in public_text
    assert "Document is Restricted" in public_text
    assert "Disposal of County Farm Land" in public_text  # a Part Two title is public
    assert public.page_count == members.page_count
