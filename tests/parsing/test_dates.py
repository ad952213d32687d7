"""UK date and time parsing on hand-written snippets."""

import pytest

from minutebook.parsing.dates import (
    find_dates,
    is_date_line,
    month_number,
    parse_date,
    parse_time,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Monday, 4 March 2019", "2019-03-04"),
        ("4th March 2019", "2019-03-04"),
        ("Tuesday 28th May, 2019", "2019-05-28"),
        ("Safe and Strong Communities Select Committee - Monday 04 March 2019", "2019-03-04"),
        ("24 SEPTEMBER 2009", "2009-09-24"),
        ("1 Sept 2020", "2020-09-01"),
        ("March 4, 2019", "2019-03-04"),
        ("held on 04/03/2019 at", "2019-03-04"),
        ("11.11.20", "2020-11-11"),
        ("2025-01-30", "2025-01-30"),
        ("Wednesday 1st July 2020 at 7pm", "2020-07-01"),
    ],
)
def test_parse_date_uk_forms(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["", "Pages 9 - 22", "31 February 2019", "March 2019", "tbc", "Minute 107/20", "10.00 am"],
)
def test_parse_date_none_without_a_full_valid_date(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_reading_order() -> None:
    found = find_dates("Inquiry Day 30 January 2018 + follow-on meeting on 13 March 2018")
    assert [d.iso for d in found] == ["2018-01-30", "2018-03-13"]
    assert found[0].start == len("Inquiry Day ")


def test_is_date_line() -> None:
    assert is_date_line("22 February 2019")
    assert is_date_line("Monday, 4 March 2019")
    assert not is_date_line("Minutes of the meeting held on 22 January 2019")


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("10.00 am", "10:00"),
        ("2.00 pm", "14:00"),
        ("7pm", "19:00"),
        ("7.30 p.m.", "19:30"),
        ("12.00 pm", "12:00"),
        ("12.15 am", "00:15"),
        ("Time: 19:15", "19:15"),
        ("12 noon", "12:00"),
        ("4 March 2019 10.00am Page 92", "10:00"),
    ],
)
def test_parse_time(text: str, hhmm: str) -> None:
    assert parse_time(text) == hhmm


@pytest.mark.parametrize("text", ["", "Pages 9 - 22", "25:00", "4.3.2019", "Item 4.1"])
def test_parse_time_none(text: str) -> None:
    assert parse_time(text) is None


def test_month_number() -> None:
    assert month_number("Sept") == 9
    assert month_number("march.") == 3
    assert month_number("Mayor") is None
