"""Dates for the demo council: municipal years, meeting days and how papers print dates.

Nothing here reads the clock. The reference date ("today") is always passed in: the
municipal years are chosen so that the last one contains meetings after it.
"""

from __future__ import annotations

import datetime as dt

# How the papers print a date (4 March 2019): the workspace's wording, one definition.
from minutebook.meetings.services import long_date as long_date

# How far ahead of the reference date the demo's last municipal year may start. With ten
# weeks, a reference date in late March already includes the coming May's annual meeting
# and June's meetings, so the demo always has upcoming meetings to show.
LOOKAHEAD = dt.timedelta(days=70)
# How far ahead the agenda of an upcoming meeting is already out. The law asks for five clear
# working days; the council publishes a little earlier, so a meeting up to two weeks ahead of
# the reference date has its full agenda (and one further ahead has only its standard items).
AGENDA_WINDOW = dt.timedelta(days=14)


def annual_meeting_date(start_year: int) -> dt.date:
    """The annual council meeting opening a municipal year: the Thursday on or after 16 May."""
    day = dt.date(start_year, 5, 16)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


def last_start_year(today: dt.date) -> int:
    """The start year of the demo's last municipal year for a reference date."""
    horizon = today + LOOKAHEAD
    year = horizon.year
    return year if annual_meeting_date(year) <= horizon else year - 1


def municipal_years(today: dt.date, count: int) -> list[tuple[int, dt.date, dt.date]]:
    """(start year, starts_on, ends_on) for ``count`` years ending with the one for ``today``."""
    last = last_start_year(today)
    years = []
    for start in range(last - count + 1, last + 1):
        starts_on = annual_meeting_date(start)
        ends_on = annual_meeting_date(start + 1) - dt.timedelta(days=1)
        years.append((start, starts_on, ends_on))
    return years


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``th (1-based) ``weekday`` (Monday 0) of a month."""
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def month_in_year(start_year: int, month: int) -> int:
    """The calendar year of ``month`` inside the municipal year starting in May ``start_year``."""
    return start_year if month >= 5 else start_year + 1


def working_days_before(day: dt.date, n: int) -> dt.date:
    while n:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def working_day_on_or_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def financial_year(day: dt.date) -> int:
    """The start year of the financial year (April to March) containing ``day``."""
    return day.year if day.month >= 4 else day.year - 1


def fy_label(start: int) -> str:
    """2024 -> "2024/25"."""
    return f"{start}/{(start + 1) % 100:02d}"


def last_quarter(day: dt.date) -> tuple[int, int]:
    """(quarter, financial year) of the last complete quarter before ``day``."""
    fy = financial_year(day)
    quarter = (day.month - 4) % 12 // 3  # 0 in April-June: the previous year's outturn
    return (4, fy - 1) if quarter == 0 else (quarter, fy)


def clock(time: dt.time) -> str:
    """10.00 am, 2.00 pm: how the papers print a time."""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"
