"""People are matched across documents by name variants, never merged on a surname alone."""

from __future__ import annotations

import pytest

from minutebook.importing.loader import load_document
from minutebook.importing.matching import is_near_miss, split_printed_name
from minutebook.meetings.models import Attendance
from minutebook.people.models import NameVariant, Person

from .documents import minutes_doc


def names_of_people() -> list[str]:
    return sorted(Person.objects.values_list("name", flat=True))


def test_titles_and_post_nominals_find_the_same_person(staffordshire):
    load_document(minutes_doc("2019-01-22", present=["Kath Perry", "Gill Heath"]), staffordshire)
    result = load_document(
        minutes_doc("2019-03-04", present=["Cllr Kath Perry, MBE", "Councillor Gill Heath"]),
        staffordshire,
    )
    assert names_of_people() == ["Gill Heath", "Kath Perry"]
    assert len(result.people_matched) == 2 and not result.people_created
    kath = Person.objects.get(name="Kath Perry")
    assert kath.attendances.count() == 2


def test_post_nominals_are_kept_apart_from_a_new_persons_name(staffordshire):
    load_document(minutes_doc(present=["Kath Perry, MBE"]), staffordshire)
    kath = Person.objects.get()
    assert (kath.name, kath.post_nominals) == ("Kath Perry", "MBE")


def test_a_near_miss_spelling_in_a_later_document_is_the_same_person(staffordshire):
    load_document(minutes_doc("2019-01-22", present=["Tilly Flanagan"]), staffordshire)
    result = load_document(minutes_doc("2019-03-04", present=["Tilly Flannigan"]), staffordshire)
    assert names_of_people() == ["Tilly Flanagan"]
    assert any("near-miss" in w for w in result.warnings)
    variant = NameVariant.objects.get(key="tilly flannigan")
    assert (variant.person.name, variant.text) == ("Tilly Flanagan", "Tilly Flannigan")
    # The third time the spelling is known: an exact variant match, no warning.
    again = load_document(minutes_doc("2019-05-28", present=["Tilly Flannigan"]), staffordshire)
    assert not again.warnings and names_of_people() == ["Tilly Flanagan"]


def test_two_people_with_one_surname_are_not_merged(staffordshire):
    load_document(minutes_doc("2019-01-22", present=["Alan White"]), staffordshire)
    load_document(minutes_doc("2019-03-04", present=["Philip White", "Mike Sutton"]), staffordshire)
    load_document(minutes_doc("2019-05-28", present=["Mark Sutton"]), staffordshire)
    assert names_of_people() == ["Alan White", "Mark Sutton", "Mike Sutton", "Philip White"]


def test_a_near_miss_that_fits_two_people_merges_with_neither(staffordshire):
    for name in ["Tilly Flanagan", "Tilly Flanigan"]:  # two people a clerk has kept apart
        Person.objects.create(council=staffordshire, name=name)
    result = load_document(minutes_doc(present=["Tilly Flannigan"]), staffordshire)
    assert names_of_people() == ["Tilly Flanagan", "Tilly Flanigan", "Tilly Flannigan"]
    assert any("close to 2 people" in w for w in result.warnings)


def test_near_misses_can_be_switched_off(staffordshire):
    load_document(minutes_doc("2019-01-22", present=["Tilly Flanagan"]), staffordshire)
    load_document(
        minutes_doc("2019-03-04", present=["Tilly Flannigan"]), staffordshire, near_misses=False
    )
    assert names_of_people() == ["Tilly Flanagan", "Tilly Flannigan"]


def test_people_of_another_council_are_never_matched(staffordshire, db):
    from minutebook.councils.models import Council

    other = Council.objects.create(name="Norfolk County Council")
    load_document(minutes_doc(present=["Ann Beech"]), other)
    load_document(minutes_doc(present=["Ann Beech"]), staffordshire)
    assert Person.objects.filter(name="Ann Beech").count() == 2


def test_attendance_keeps_printed_order_and_flags_the_chair(staffordshire):
    doc = minutes_doc(
        present=["John Francis", "Ann Beech", "Mike Davies"],
        also=["Gill Heath"],
        apologies=["Paul Snape", "Trevor Johnson"],
        chair="John Francis",
    )
    load_document(doc, staffordshire)
    rows = Attendance.objects.order_by("status", "order")
    listed = [(a.status, a.person.name, a.is_chair) for a in rows]
    assert listed == [
        ("apologies", "Paul Snape", False),
        ("apologies", "Trevor Johnson", False),
        ("in_attendance", "Gill Heath", False),
        ("present", "John Francis", True),
        ("present", "Ann Beech", False),
        ("present", "Mike Davies", False),
    ]


def test_a_new_chair_in_a_reprint_moves_the_chair_flag(staffordshire):
    load_document(
        minutes_doc(present=["John Francis", "Ann Beech"], chair="John Francis"), staffordshire
    )
    load_document(
        minutes_doc(present=["John Francis", "Ann Beech"], chair="Ann Beech"), staffordshire
    )
    assert list(
        Attendance.objects.filter(is_chair=True).values_list("person__name", flat=True)
    ) == ["Ann Beech"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("tilly flanagan", "tilly flannigan", True),
        ("jon soros", "john soros", True),
        ("g heath", "gill heath", True),
        ("alan white", "philip white", False),
        ("mark sutton", "mike sutton", False),
        ("mike davies", "mick davies", False),
        ("ann beech", "ann leech", False),  # surname initial differs
        ("heath", "gill heath", False),  # a surname alone is never enough
    ],
)
def test_near_miss_rule(a, b, same):
    assert is_near_miss(a, b) is same


def test_split_printed_name():
    assert split_printed_name("Cllr Kath Perry, MBE") == ("Kath Perry", "MBE")
    assert split_printed_name("Conor Wileman (Vice-Chairman)") == ("Conor Wileman", "")


def test_two_names_side_by_side_in_one_list_are_two_people(staffordshire):
    """Kent prints "Mrs P T Cole, Mr P Cole" in one attendance list: a husband and wife."""
    load_document(minutes_doc(present=["P T Cole", "P Cole", "N Baker"]), staffordshire)
    assert names_of_people() == ["N Baker", "P Cole", "P T Cole"]
    # Later, "Paul Cole" could be either of them, so he is neither.
    result = load_document(minutes_doc("2019-05-28", present=["Paul Cole"]), staffordshire)
    assert "Paul Cole" in names_of_people()
    assert any("close to 2 people" in w for w in result.warnings)


def test_initials_match_one_person_across_documents(staffordshire):
    load_document(minutes_doc("2019-01-22", present=["Paul Bartlett"]), staffordshire)
    result = load_document(minutes_doc("2019-03-04", present=["P Bartlett"]), staffordshire)
    assert names_of_people() == ["Paul Bartlett"]
    assert result.warnings == ["'P Bartlett' taken as 'Paul Bartlett' (initials)"]
