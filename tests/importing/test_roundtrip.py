"""Every expected contract object loads into an empty database and exports back unchanged,
and loading all of them twice changes nothing the second time."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.importing.loader import export_loaded, load_document
from minutebook.meetings.models import Meeting
from minutebook.people.models import NameVariant, Person

from .conftest import EXPECTED, expected, row_counts


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name)
def test_export_of_a_loaded_document_equals_the_input(staffordshire, path):
    data = expected(path.name)
    result = load_document(data, staffordshire, near_misses=False)
    assert result.meetings_created >= 1
    assert export_loaded(result) == data


def test_a_near_miss_spelling_exports_as_the_one_person_it_was_matched_to(staffordshire):
    """With near misses on, 000's "Tilly Flannigan" is Tilly Flanagan: one person, two
    variants; the row keeps the spelling it printed, so the export is still exact."""
    data = expected("000.json")
    out = export_loaded(load_document(data, staffordshire))
    person = Person.objects.get(name="Tilly Flanagan")
    assert set(person.name_variants.values_list("text", flat=True)) == {
        "Tilly Flanagan",
        "Tilly Flannigan",
    }
    assert not Person.objects.filter(name="Tilly Flannigan").exists()
    row = data["work_programme"]["rows"][50]
    assert row["officers"] == ["Tilly Flannigan", "Divya Patel"]
    assert out == data


def test_loading_everything_twice_changes_nothing(staffordshire):
    documents = [expected(p.name) for p in EXPECTED]
    first = [load_document(d, staffordshire) for d in documents]
    counts = row_counts()
    exported = [export_loaded(r) for r in first]

    second = [load_document(d, staffordshire) for d in documents]

    assert row_counts() == counts
    assert [export_loaded(r) for r in second] == exported
    assert all(not r.created for r in second), [r.created for r in second]
    assert Meeting.objects.filter(date=dt.date(2019, 3, 4)).count() == 1
    # Counts that could go wrong in either direction, from the documents themselves.
    assert counts["meetings.Meeting"] == 3  # 22 Jan, 4 Mar and 28 May 2019
    assert counts["minutes.Minutes"] == 2
    assert counts["minutes.MinuteItem"] == 9 + 8
    assert counts["scrutiny.WorkProgramme"] == 2
    assert counts["scrutiny.WorkProgrammeItem"] == 52 + 22
    assert counts["committees.Committee"] == 1
    assert NameVariant.objects.filter(text="Tilly Flannigan").count() == 1


def test_the_4_march_minutes_from_two_documents_are_one_meeting(staffordshire):
    load_document(expected("000.json"), staffordshire)  # the agenda for 4 March
    load_document(expected("003.json"), staffordshire)  # its minutes, on their own
    result = load_document(expected("001.json"), staffordshire)  # the same minutes again

    meeting = Meeting.objects.get(date=dt.date(2019, 3, 4))
    assert meeting.status == Meeting.Status.MINUTES_DRAFTED
    assert meeting.agenda_items.filter(parent=None).count() == 9
    assert list(meeting.minutes.items.values_list("number", flat=True)) == list(range(53, 61))
    assert meeting.chair.name == "John Francis"
    assert result.matched["meeting"] == 1 and result.created["meeting"] == 1
    # Minute 55 is agenda item 4 of the same meeting, printed in another document.
    minute = meeting.minutes.items.get(number=55)
    assert minute.agenda_item is not None and minute.agenda_item.number == "4"


def test_an_unnumbered_part_two_agenda_item_round_trips_and_loads_once(staffordshire):
    """Front sheets sometimes print Part Two titles without numbers: matched by title."""
    data = expected("000.json")
    data["meeting"]["agenda"].append(
        {
            "number": None,
            "title": "Exempt contract award",
            "pages": None,
            "part": 2,
            "report_of": None,
            "subitems": [],
        }
    )
    data["meeting"]["exempt_items"] = ["Exempt contract award"]
    first = load_document(data, staffordshire)
    assert export_loaded(first) == data
    counts = row_counts()
    load_document(data, staffordshire)
    assert row_counts() == counts
