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
