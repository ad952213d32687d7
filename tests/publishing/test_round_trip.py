"""Round trip: the text of a published pack, read by the parser, gives the meeting back.

What the parser reads today is asserted; what it does not read yet is an xfail with the
reason, so the day it starts working the test says so (strict).
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.parsing import parse_lines
from minutebook.parsing.sources import pdf_lines
from minutebook.publishing.packs import PUBLIC, build_agenda_packs

from .conftest import MEMBERS


@pytest.fixture
def parsed(scenario):
    pack = build_agenda_packs(scenario.meeting, issued_on=dt.date(2019, 2, 22))[PUBLIC]
    return scenario, pack, parse_lines(pdf_lines(pack.pdf.pdf), source="pack.pdf")


def test_front_sheet_comes_back(parsed):
    scenario, pack, doc = parsed
    meeting = doc.meeting
    assert meeting is not None
    assert meeting.committee == scenario.committee.name
    assert meeting.date == "2019-03-04"
    assert meeting.time == "10:00"
    assert meeting.venue == "Oak Room, County Buildings, Stafford"
    assert meeting.published == "2019-02-22"
    expected = [
        (i.number, i.title, pack.ranges.get(i.pk) if i.part == 1 else None, i.part)
        for i in sorted(scenario.meeting.agenda_items.filter(parent=None), key=lambda i: i.order)
    ]
    got = [(a.number, a.title, a.pages, a.part) for a in meeting.agenda]
    assert got == expected
    assert [s.title for a in meeting.agenda for s in a.subitems] == ["Youth Justice Plan 2019-20"]
    assert meeting.exempt_items == ["Disposal of County Farm Land"]
    reports_of = {a.number: a.report_of for a in meeting.agenda}
    assert reports_of["4"] == "Cabinet Member for Communities"


def test_membership_comes_back(parsed):
    _, _, doc = parsed
    got = {(m.name, m.role or "") for m in doc.meeting.membership}
    assert got == {(name, title) for name, _, title in MEMBERS}


def test_previous_minutes_attendance_comes_back(parsed):
    _, _, doc = parsed
    minutes = doc.minutes[0]
    assert minutes.chair == "John Francis"
    assert minutes.apologies == ["Syed Hussain"]
    assert minutes.also_in_attendance == ["Gill Heath", "Mark Sutton"]
    assert [i.number for i in minutes.items[:2]] == [44, 45]


def test_previous_minutes_items_and_date_come_back(parsed):
    _, _, doc = parsed
    minutes = doc.minutes[0]
    assert minutes.date == "2019-01-22"
    assert [i.number for i in minutes.items] == [44, 45, 46, 47, 48, 49]
    assert minutes.items[2].resolutions == [
        "The progress detailed in the report be welcomed;",
        "transition be included on the work programme; and",
        "the video clip be shared with Members.",
    ]
    assert minutes.items[-1].part == 2
    assert minutes.items[-1].exempt_paragraphs == [4, 5]


def test_reports_and_work_programme_come_back(parsed):
    _, _, doc = parsed
    titles = [r.title for r in doc.reports]
    assert "Domestic Homicide Reviews and Emerging Themes" in titles
    dhr = next(r for r in doc.reports if r.title.startswith("Domestic Homicide"))
    assert dhr.report_of == "Cllr Gill Heath, Cabinet Member for Communities"
    assert dhr.contact_officers[0].email == "julie.long@example.gov.uk"
    assert doc.work_programmes, "no work programme read"
    topics = [row.item for p in doc.work_programmes for row in p.rows]
    assert "Prevent Strategy" in topics
