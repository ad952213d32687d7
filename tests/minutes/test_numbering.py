import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from minutebook.committees.models import Committee
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.minutes.numbering import add_minute_item, next_minute_number


def minutes_for(committee, day):
    return Minutes.objects.create(meeting=Meeting.objects.create(committee=committee, date=day))


def test_numbers_continue_through_the_municipal_year(committee):
    january = minutes_for(committee, dt.date(2019, 1, 22))
    for title in ["Declarations of Interest", "Minutes of the previous meeting", "Work Programme"]:
        add_minute_item(january, title)
    march = minutes_for(committee, dt.date(2019, 3, 4))
    first = add_minute_item(march, "Declarations of Interest")
    assert (first.number, first.number_label, first.order) == (4, "4", 1)


def test_numbers_restart_after_the_annual_meeting_in_may(committee):
    march = minutes_for(committee, dt.date(2019, 3, 4))
    add_minute_item(march, "Declarations of Interest")
    add_minute_item(march, "Prevent")
    before_annual_meeting = minutes_for(committee, dt.date(2019, 5, 20))
    assert next_minute_number(before_annual_meeting) == 3
    after = minutes_for(committee, dt.date(2019, 6, 10))
    assert add_minute_item(after, "Declarations of Interest").number == 1


def test_numbers_restart_each_meeting_where_the_committee_says_so(council):
    parish = Committee.objects.create(
        council=council, name="Audit Committee", minute_numbering=Committee.MinuteNumbering.MEETING
    )
    one = minutes_for(parish, dt.date(2009, 9, 24))
    add_minute_item(one, "Declarations of Interest")
    two = minutes_for(parish, dt.date(2009, 10, 22))
    assert add_minute_item(two, "Declarations of Interest").number == 1


def test_database_refuses_a_repeated_number_in_a_committee_year(committee):
    a = minutes_for(committee, dt.date(2019, 1, 22))
    b = minutes_for(committee, dt.date(2019, 3, 4))
    MinuteItem.objects.create(minutes=a, number_label="52", title="Exempt minutes")
    with pytest.raises(IntegrityError), transaction.atomic():
        MinuteItem.objects.create(minutes=b, number_label="52", title="Something else")


def test_printed_labels_that_are_not_integers_are_kept(committee):
    m = minutes_for(committee, dt.date(2020, 7, 1))
    item = MinuteItem.objects.create(
        minutes=m, number_label="107/20", title="Openness and Transparency Notice"
    )
    assert (item.number, item.number_label) == (None, "107/20")


def test_confirmed_minutes_must_name_the_confirming_meeting(committee):
    m = minutes_for(committee, dt.date(2019, 1, 22))
    m.status = Minutes.Status.CONFIRMED
    with pytest.raises(IntegrityError):
        m.save()
