"""The portal's template filters: UK dates and the Schedule 12A notice."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.portal.templatetags import portal

from . import factories as f


@pytest.mark.parametrize(
    ("day", "time", "expected"),
    [
        (dt.date(2019, 3, 4), dt.time(10, 0), "Monday 4 March 2019, 10.00 am"),
        (dt.date(2019, 5, 28), dt.time(14, 30), "Tuesday 28 May 2019, 2.30 pm"),
        (dt.date(2019, 1, 22), dt.time(12, 0), "Tuesday 22 January 2019, 12.00 pm"),
        (dt.date(2019, 1, 22), dt.time(0, 5), "Tuesday 22 January 2019, 12.05 am"),
        (dt.date(2024, 12, 1), None, "Sunday 1 December 2024"),
        (None, dt.time(10, 0), ""),
    ],
)
def test_uk_datetime(day, time, expected):
    assert portal.uk_datetime(day, time) == expected


def test_short_date_year_label_and_percent():
    assert portal.uk_short_date(dt.date(2021, 5, 20)) == "20 May 2021"
    assert portal.year_label(2018) == "2018-19"
    assert portal.year_label(1999) == "1999-00"
    assert portal.percent(0.875) == "88%"
    assert portal.percent(None) == "No meetings"


def test_page_range():
    class Item:
        def __init__(self, start, end):
            self.start_page, self.end_page = start, end

    assert portal.page_range(Item(9, 22)) == "Pages 9 - 22"
    assert portal.page_range(Item(9, None)) == "Page 9"
    assert portal.page_range(Item(9, 9)) == "Page 9"
    assert portal.page_range(Item(None, None)) == ""


def test_exempt_notice_names_the_paragraphs(db):
    council = f.council()
    meeting = f.meeting(f.committee(council, "Cabinet"), "2019-03-04")
    one = f.agenda_item(meeting, "6", "Contract", 1, exempt_paragraphs=(3,))
    two = f.agenda_item(meeting, "7", "Staffing", 2, exempt_paragraphs=(4, 1))
    three = f.agenda_item(meeting, "8", "Land", 3, exempt_paragraphs=(1, 3, 5))
    bare = f.agenda_item(meeting, "9", "Unstated", 4, part=2)
    assert portal.exempt_notice(one) == "This item is exempt: Schedule 12A paragraph 3"
    assert portal.exempt_notice(two) == "This item is exempt: Schedule 12A paragraphs 1 and 4"
    assert portal.exempt_notice(three) == "This item is exempt: Schedule 12A paragraphs 1, 3 and 5"
    assert portal.exempt_notice(bare) == (
        "This item is exempt under Schedule 12A to the Local Government Act 1972"
    )


def test_http_url_drops_other_schemes():
    assert portal.http_url("https://shire.public-i.tv/x") == "https://shire.public-i.tv/x"
    assert portal.http_url(" JavaScript:alert(1)") == ""
    assert portal.http_url("") == ""
