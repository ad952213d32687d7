"""minutebook.wording: the one home of letters and date wording, and the places that use it."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook import wording
from minutebook.demo import builder
from minutebook.meetings import services as meetings
from minutebook.minutes import services as minutes

# --- letters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "a"),
        (1, "b"),
        (25, "z"),
        (26, "aa"),
        (27, "ab"),
        (51, "az"),
        (52, "ba"),
        (701, "zz"),
        (702, "aaa"),
    ],
)
def test_letters_run_on_past_z_like_spreadsheet_columns(index, expected):
    assert wording.letter(index) == expected


def test_letters_never_repeat():
    labels = [wording.letter(n) for n in range(2000)]
    assert len(set(labels)) == len(labels)


def test_there_is_no_letter_before_a():
    with pytest.raises(ValueError):
        wording.letter(-1)


EXPECTED_28 = [*"abcdefghijklmnopqrstuvwxyz", "aa", "ab"]


def test_resolved_clauses_typed_by_the_clerk_letter_on_past_z():
    typed = "\n".join(f"clause {n} be noted;" for n in range(28))
    clauses = minutes.parse_resolutions(typed)
    assert [label for label, _ in clauses] == EXPECTED_28
    assert clauses[27] == ("ab", "clause 27 be noted;")


def test_agenda_sub_items_letter_on_past_z(committee):
    meeting = meetings.create_meeting(committee, dt.date(2019, 3, 4))
    parent = meetings.add_item(meeting, "Budget consultation")
    for n in range(28):
        meetings.add_item(meeting, f"Area {n}", parent=parent)
    children = parent.subitems.order_by("order")
    assert [c.number for c in children] == EXPECTED_28
    assert children.last().title == "Area 27"


def test_the_demo_letters_its_clauses_the_same_way():
    rows = builder.clauses([f"clause {n}" for n in range(28)])
    assert [label for label, _ in rows] == EXPECTED_28
    assert rows[-1] == ("ab", "clause 27.")


# --- dates --------------------------------------------------------------------------------

MONDAY = dt.date(2019, 3, 4)


def test_the_date_wordings():
    assert wording.long_date(MONDAY) == "4 March 2019"
    assert wording.full_date(MONDAY) == "Monday 4 March 2019"
    assert wording.front_sheet_date(MONDAY) == "Monday, 4 March 2019"
    assert wording.running_header_date(MONDAY) == "Monday 04 March 2019"
    # Two-digit days are never padded or cut, except where the header pads the single ones.
    assert wording.full_date(dt.date(2019, 1, 22)) == "Tuesday 22 January 2019"
    assert wording.running_header_date(dt.date(2019, 1, 22)) == "Tuesday 22 January 2019"


def test_the_old_homes_of_the_date_wording_hand_on_the_one_function():
    from minutebook.publishing import render

    assert meetings.full_date is wording.full_date
    assert meetings.long_date is wording.long_date
    assert render.plain_date is wording.long_date


def test_printed_papers_keep_their_own_date_styles(meeting_with_exempt_business):
    from minutebook.publishing import render
    from minutebook.reports.models import Report

    meeting = meeting_with_exempt_business
    assert render.front_sheet_context(meeting)["fs"]["date_text"] == "Monday, 4 March 2019"
    assert render.minutes_context(meeting)["mn"]["date_text"] == "4 March 2019"
    report = Report.objects.get(meeting=meeting)
    header = render.report_context(report, meeting, "members")["rp"]["meeting_text"]
    assert header == "Monday 04 March 2019"


def test_a_report_without_a_report_of_line_names_its_cabinet_member_as_papers_print_it(
    meeting_with_exempt_business, make_person
):
    from minutebook.publishing import render
    from minutebook.reports.models import Report

    meeting = meeting_with_exempt_business
    gill = make_person("Gill Heath", honorific_prefix="Cllr")
    report = Report.objects.create(meeting=meeting, title="Prevent", cabinet_member=gill)
    assert (
        render.report_context(report, meeting)["rp"]["report_line"] == "Report of Cllr Gill Heath"
    )
    gill.post_nominals = "MBE"
    gill.save()
    report.refresh_from_db()
    line = render.report_context(report, meeting)["rp"]["report_line"]
    assert line == "Report of Cllr Gill Heath, MBE"
