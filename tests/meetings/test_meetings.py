import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from minutebook.meetings.models import AgendaItem, Attendance, ExemptionParagraph, Meeting


@pytest.fixture
def meeting(committee):
    return Meeting.objects.create(
        committee=committee, date=dt.date(2019, 3, 4), start_time=dt.time(10)
    )


def test_meeting_knows_its_municipal_year(committee):
    march = Meeting.objects.create(committee=committee, date=dt.date(2019, 3, 4))
    june = Meeting.objects.create(committee=committee, date=dt.date(2019, 6, 4))
    assert (march.municipal_year, june.municipal_year) == (2018, 2019)


def test_schedule_12a_paragraphs_are_seeded_for_england_and_wales(db):
    numbers = set(ExemptionParagraph.objects.values_list("number", flat=True))
    assert {1, 2, 3, 4, 5, 6, 7} <= numbers
    assert {12, 18} <= numbers
    assert "legal professional privilege" in ExemptionParagraph.objects.get(number=5).description


def test_an_invented_paragraph_is_refused(db):
    with pytest.raises(IntegrityError):
        ExemptionParagraph.objects.create(number=9, description="not in the Act")


@pytest.mark.parametrize("part", [0, 3])
def test_part_is_one_or_two(meeting, part):
    with pytest.raises(IntegrityError):
        AgendaItem.objects.create(meeting=meeting, number="1", title="Apologies", part=part)


def test_page_range_must_run_forwards(meeting):
    AgendaItem.objects.create(
        meeting=meeting, number="3", title="Minutes", start_page=1, end_page=8
    )
    with pytest.raises(IntegrityError):
        AgendaItem.objects.create(
            meeting=meeting, number="4", title="Report", start_page=22, end_page=9
        )


def test_sub_items_hang_off_their_item(meeting):
    item = AgendaItem.objects.create(
        meeting=meeting, number="7", title="Children's Centre Visits", start_page=67, end_page=86
    )
    AgendaItem.objects.create(
        meeting=meeting, parent=item, number="a", title="0-19 Health Visiting Contract", order=1
    )
    assert [s.title for s in item.subitems.all()] == ["0-19 Health Visiting Contract"]
    assert item.pages == (67, 86)


def test_exempt_item_carries_its_paragraphs(meeting):
    item = AgendaItem.objects.create(meeting=meeting, number="11", title="Exempt minutes", part=2)
    item.exempt_paragraphs.set([4, 5])
    assert item.is_exempt
    assert sorted(item.exempt_paragraphs.values_list("number", flat=True)) == [4, 5]


def test_one_chair_per_meeting_and_the_chair_is_present(meeting, make_person):
    Attendance.objects.create(
        meeting=meeting, person=make_person("John Francis"), status="present", is_chair=True
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            meeting=meeting, person=make_person("Ann Beech"), status="present", is_chair=True
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(
            meeting=meeting, person=make_person("Syed Hussain"), status="apologies", is_chair=True
        )


def test_a_person_is_recorded_once_per_meeting(meeting, make_person):
    ann = make_person("Ann Beech")
    Attendance.objects.create(meeting=meeting, person=ann, status="present")
    with pytest.raises(IntegrityError):
        Attendance.objects.create(meeting=meeting, person=ann, status="apologies")
