"""Agenda packs: page ranges right for the pack as assembled, exempt papers kept apart."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from django.core.files.base import ContentFile

from minutebook.meetings.models import AgendaItem
from minutebook.publishing.packs import (
    MEMBERS,
    PUBLIC,
    PublishingError,
    build_agenda_pack,
    build_agenda_packs,
)
from minutebook.publishing.render import report_html

from . import factories as f
from .conftest import LONG_BODY
from .factories import CANARY
from .helpers import footer_number, page_texts, squash

ISSUED = dt.date(2019, 2, 22)


@pytest.fixture
def packs(scenario):
    return build_agenda_packs(scenario.meeting, issued_on=ISSUED)


def _front_ranges(text: str) -> dict[str, tuple[int, int]]:
    """Item number -> the range the front sheet prints against it."""
    found = {}
    for number, start, end in re.findall(
        r"^(\d+)\.\s.*?\(Pages? (\d+)(?: - (\d+))?\)", text, re.MULTILINE
    ):
        found[number] = (int(start), int(end or start))
    return found


@pytest.mark.parametrize("audience", [PUBLIC, MEMBERS])
def test_every_paper_starts_on_the_page_the_front_sheet_says(packs, scenario, audience):
    pack = packs[audience]
    texts = page_texts(pack.pdf.pdf)
    assert len(texts) == pack.pdf.pages == pack.front_pages + sum(p.pages for p in pack.papers)

    # The front sheet prints the ranges the papers really occupy.
    front = "\n".join(texts[: pack.front_pages])
    printed = _front_ranges(front)
    items = scenario.items
    for key in ("minutes", "dhr", "prevent", "yos", "wp"):
        assert printed[items[key].number] == pack.ranges[items[key].pk], key
    if audience == MEMBERS:
        assert printed["9"] == pack.ranges[items["property"].pk]
    else:  # a Part Two item's range stays with the exempt papers
        assert "9" not in printed

    # Each paper's title is on its start page, and nowhere is it shifted.
    for paper in pack.papers:
        text = squash(texts[pack.sheet_index(paper.start)])
        if audience == PUBLIC and paper.item.part == 2:
            assert "Document is Restricted" in text
        else:
            assert squash(paper.title) in text, (paper.label, paper.start)

    # "Page N" on every numbered sheet, counting from the first paper.
    for index, text in enumerate(texts):
        expected = index - pack.front_pages + 1 if index >= pack.front_pages else None
        assert footer_number(text) == expected, index


def test_uploaded_pdfs_count_their_real_pages(packs, scenario):
    ranges = packs[MEMBERS].ranges
    items = scenario.items
    prevent = ranges[items["prevent"].pk]
    assert prevent[1] - prevent[0] + 1 == 7  # the uploaded 7-page report
    # The DHR item is the written report plus its uploaded 3-page appendix.
    report = next(
        p for p in packs[MEMBERS].papers if p.key.startswith("report:") and p.item == items["dhr"]
    )
    dhr = ranges[items["dhr"].pk]
    assert dhr[1] - dhr[0] + 1 == report.pages + 3
    # Ranges run on without gaps or overlaps, in agenda order.
    ordered = [ranges[items[k].pk] for k in ("minutes", "dhr", "prevent", "yos", "wp", "property")]
    assert ordered[0][0] == 1
    for before, after in itertools.pairwise(ordered):
        assert after[0] == before[1] + 1
    # A sub-item's papers sit inside its parent's range.
    sub = ranges[items["yos_a"].pk]
    assert ranges[items["yos"].pk][0] <= sub[0] <= sub[1] == ranges[items["yos"].pk][1]
    # Items without papers have no range.
    assert items["apologies"].pk not in ranges


def test_replacing_an_upload_with_a_longer_one_moves_every_later_range(scenario):
    before = build_agenda_pack(scenario.meeting, MEMBERS).ranges
    report = scenario.reports["prevent"]
    report.file.save("longer.pdf", ContentFile(f.uploaded_pdf("Prevent", 3 + 7)))
    after = build_agenda_pack(scenario.meeting, MEMBERS).ranges
    items = scenario.items
    assert after[items["prevent"].pk] == (
        before[items["prevent"].pk][0],
        before[items["prevent"].pk][1] + 3,
    )
    assert after[items["wp"].pk] == tuple(n + 3 for n in before[items["wp"].pk])


def test_public_pack_has_no_exempt_text_and_members_pack_has_it(packs, scenario):
    public = "\n".join(page_texts(packs[PUBLIC].pdf.pdf))
    members = "\n".join(page_texts(packs[MEMBERS].pdf.pdf))
    assert CANARY not in public
    assert CANARY in members
    assert f"MINUTES-{CANARY}" in members  # exempt minute text of the previous meeting
    # The item's title and grounds stay public.
    assert "Disposal of County Farm Land" in public
    assert "Exempt: Schedule 12A paragraph 3" in public
    # The same numbering for everyone in the room.
    assert packs[PUBLIC].pdf.pages == packs[MEMBERS].pdf.pages
    assert packs[PUBLIC].ranges == packs[MEMBERS].ranges
    # Nor in the embedded HTML, the front sheet, or the metadata.
    assert CANARY not in packs[PUBLIC].html
    assert CANARY.encode() not in packs[PUBLIC].pdf.pdf
    assert CANARY not in str(packs[PUBLIC].manifest)


def test_exempt_appendix_of_a_public_report_is_restricted_in_the_public_pack(scenario):
    report = scenario.reports["dhr"]
    f.appendix(
        report,
        "Appendix B - Named cases",
        2,
        upload=f.uploaded_pdf(f"Appendix B {CANARY}", 2),
        part=2,
    )
    packs = build_agenda_packs(scenario.meeting)
    public = "\n".join(page_texts(packs[PUBLIC].pdf.pdf))
    assert CANARY not in public
    assert "Appendix B - Named cases" in public  # listed by title, as the report lists it
    assert CANARY in "\n".join(page_texts(packs[MEMBERS].pdf.pdf))


def test_numbered_front_sheet_settles_and_pages_count_from_it(scenario):
    # A long agenda makes the front sheet run over several pages.
    for n in range(20):
        f.item(scenario.meeting, str(30 + n), f"Further business item {n}", 30 + n)
    council = scenario.meeting.committee.council
    council.number_front_sheet = True  # the council's own setting, as publishing reads it
    council.save()
    pack = build_agenda_pack(scenario.meeting, MEMBERS)
    texts = page_texts(pack.pdf.pdf)
    assert pack.front_pages >= 2
    assert [footer_number(t) for t in texts] == list(range(1, len(texts) + 1))
    first = min(start for start, _ in pack.ranges.values())
    assert first == pack.front_pages + 1
    for paper in pack.papers:
        assert squash(paper.title) in squash(texts[pack.sheet_index(paper.start)])


def test_unreadable_upload_names_the_report(scenario):
    report = scenario.reports["prevent"]
    report.file.save("broken.pdf", ContentFile(b"%PDF-1.4 this is not really a pdf"))
    with pytest.raises(PublishingError, match="Prevent"):
        build_agenda_packs(scenario.meeting)


def test_a_sixty_page_pack_numbers_both_audiences_alike(scenario):
    """Speed is measured by bench/publish.py; this checks a long pack comes out whole."""
    for n in range(14):
        item = f.item(scenario.meeting, str(20 + n), f"Extra report {n}", 20 + n)
        f.report(item, f"Extra report {n}", body=LONG_BODY)
    packs = build_agenda_packs(scenario.meeting)
    assert packs[PUBLIC].pdf.pages >= 55
    assert packs[PUBLIC].pdf.pages == packs[MEMBERS].pdf.pages


def test_standard_items_without_papers_print_no_range(packs, scenario):
    front = "\n".join(page_texts(packs[PUBLIC].front_sheet.pdf))
    assert re.search(r"^1\.\s+Apologies\s*$", front, re.MULTILINE)
    assert "The Chairman to move" in front
    assert "Committee Membership" in front
    assert "John Francis (Chairman)" in front
    assert "John Tradewell" in front and "22 February 2019" in front
    assert AgendaItem.objects.get(pk=scenario.items["apologies"].pk).pages is None


def test_a_report_prints_who_it_is_from_as_the_agenda_does(scenario):
    report = scenario.reports["dhr"]
    assert "Report of Cllr Gill Heath, Cabinet Member for Communities" in report_html(
        report, scenario.meeting
    )
    report.report_of = "Director of Health and Care"
    assert "Report of the Director of Health and Care" in report_html(report, scenario.meeting)
    report.report_of = "Report of the Director of Health and Care"
    html = report_html(report, scenario.meeting)
    assert "Report of the Director of Health and Care" in html
    assert "Report of Report of" not in html


def test_the_front_sheet_names_the_committees_contact_officer(scenario):
    from minutebook.people.models import Person

    committee = scenario.meeting.committee
    assert "Tel:" not in "\n".join(page_texts(build_agenda_pack(scenario.meeting).front_sheet.pdf))
    committee.contact_officer = Person.objects.create(
        council=committee.council,
        name="Tina Gould",
        kind="officer",
        job_title="Scrutiny and Support Manager",
        phone="(01785) 276148",
    )
    committee.save()
    front = squash("\n".join(page_texts(build_agenda_pack(scenario.meeting).front_sheet.pdf)))
    assert "Scrutiny and Support Manager: Tina Gould Tel: (01785) 276148" in front
