"""UK dates and times as printed in council documents, to ISO strings.

``parse_date("Monday, 4 March 2019") == "2019-03-04"``; ``parse_time("10.00 am") == "10:00"``.
Every function is pure and returns None (never raises) when the text holds no valid value.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "Monday, 4 March 2019", "4th March, 2019", "04 Mar 2019", "4 MARCH 2019"
_DMY = re.compile(
    rf"\b(?:{_WEEKDAY})?{_DAY}(?:\s+of)?[\s\-]+(?P<month>{MONTH_PATTERN})(?![a-z])[\s,\-]+{_YEAR}\b",
    re.IGNORECASE,
)
# "March 4, 2019", "Monday March 4th 2019"
_MDY = re.compile(
    rf"\b(?:{_WEEKDAY})?(?P<month>{MONTH_PATTERN})(?![a-z])\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE
)
# "04/03/2019", "4.3.19", "04-03-2019" (day first, as in the UK)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<day>[0-3]?\d)(?P<sep>[./-])(?P<month>[01]?\d)(?P=sep)"
    r"(?P<year>(?:19|20)?\d\d)(?![\d./-]*\d)"
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

# "10.00 am", "10am", "2.30p.m.", "10:00", "19:15", "12 noon", "midday"
_TIME_12 = re.compile(
    r"(?<![\d.:])(?P<hour>[01]?\d)(?:[.:](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s*m\b\.?",
    re.IGNORECASE,
)
_TIME_24 = re.compile(r"(?<![\d.:])(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?![\d.:]|\s*[ap]\.?m)")
_NOON = re.compile(r"\b(?:12(?:\.00|:00)?\s*)?(?:noon|midday)\b", re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    """A date found in a string: the ISO value and where it was printed."""

    iso: str
    start: int
    end: int


def month_number(name: str) -> int | None:
    """1-12 for an English month name or abbreviation ("Sept", "march."), else None."""
    key = name.strip().rstrip(".").lower()
    if key in MONTHS:
        return MONTHS[key]
    names = "january february march april may june july august september october november december"
    for number, full in enumerate(names.split(), start=1):
        if len(key) >= 3 and full.startswith(key):
            return number
    return None


def iso_date(year: int, month: int, day: int) -> str | None:
    """ISO string of a calendar date, None when the day does not exist (31 June)."""
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _candidates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    for rx in (_DMY, _MDY):
        for m in rx.finditer(text):
            month = month_number(m.group("month"))
            iso = iso_date(int(m.group("year")), month, int(m.group("day"))) if month else None
            if iso:
                found.append(DateMatch(iso, m.start(), m.end()))
    for m in _NUMERIC.finditer(text):
        iso = iso_date(_full_year(m.group("year")), int(m.group("month")), int(m.group("day")))
        if iso:
            found.append(DateMatch(iso, m.start(), m.end()))
    for m in _ISO.finditer(text):
        iso = iso_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if iso:
            found.append(DateMatch(iso, m.start(), m.end()))
    return found


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (day, month and year) in ``text``, in reading order, no overlaps."""
    result: list[DateMatch] = []
    for cand in sorted(_candidates(text), key=lambda d: (d.start, -d.end)):
        if result and cand.start < result[-1].end:
            continue
        result.append(cand)
    return result


def find_date(text: str) -> DateMatch | None:
    """The first full date in ``text`` with its position, or None."""
    dates = find_dates(text)
    return dates[0] if dates else None


def parse_date(text: str) -> str | None:
    """ISO date of the first full date printed in ``text`` ("4th March 2019" -> "2019-03-04")."""
    match = find_date(text)
    return match.iso if match else None


def is_date_line(text: str) -> bool:
    """True when ``text`` is a date and nothing else (weekday and punctuation allowed)."""
    match = find_date(text)
    if match is None:
        return False
    rest = (text[: match.start] + text[match.end :]).strip(" \t,.;:-\u2013()")
    return not rest


def _hhmm(hour: int, minute: int) -> str | None:
    if 0 <= hour <= 23 and 0 <= minute <= 59:
        return f"{hour:02d}:{minute:02d}"
    return None


def parse_time(text: str) -> str | None:
    """24-hour "HH:MM" of the first time printed in ``text`` ("2.30 pm" -> "14:30")."""
    candidates: list[tuple[int, str]] = []
    m = _TIME_12.search(text)
    if m:
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        if 1 <= hour <= 12:
            hour = hour % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            value = _hhmm(hour, minute)
            if value:
                candidates.append((m.start(), value))
    m = _TIME_24.search(text)
    if m:
        value = _hhmm(int(m.group("hour")), int(m.group("minute")))
        if value:
            candidates.append((m.start(), value))
    m = _NOON.search(text)
    if m:
        candidates.append((m.start(), "12:00"))
    return min(candidates)[1] if candidates else None


def iso_to_date(iso: str) -> _dt.date:
    """``datetime.date`` for an ISO string produced by this module."""
    return _dt.date.fromisoformat(iso)
