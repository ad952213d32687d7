"""Reading one work programme cell: the item's title, its people, and the meeting date.

An Item cell runs the title and its labelled segments together, because the converter loses
the cell's line breaks: "Missing Children Cabinet Member: Mark Sutton Lead Officer: Mick
Harrison & Liz Mellor". A Date cell holds a day ("8 June 2018 10.00 am"), a day without a year
("Extra meeting 23 April"), or no single day at all ("tbc", "June and July 2018").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.parsing import dates, names, text

_CABINET = r"cabinet\s+members?|portfolio\s+holders?|lead\s+members?|cabinet\s+leads?"
_OFFICER = r"lead\s+officers?|contact\s+officers?|officers?"
_OTHER = (
    r"independent\s+chair(?:man|person)?|police\s+and\s+crime\s+commissioner|pcc"
    r"|chief\s+constable|chair(?:man)?"
)
_SEPARATOR = r"(?:\s*:|\s+[-\u2013\u2014](?=\s)|\s*$)"
# A role label is a known role followed by ":" or a dash (or closing the cell); a
# "... Membership" list needs no separator ("APMG Membership Keith Flunder (Chair) ...").
_LABEL = re.compile(
    rf"(?<![\w'\u2019])(?:(?P<cabinet>{_CABINET})|(?P<officer>{_OFFICER})|(?P<other>{_OTHER})){_SEPARATOR}"
    r"|(?<![\w'\u2019])(?P<membership>(?:[A-Z][\w&]*\s+)?Membership)\b",
    re.IGNORECASE,
)
_NAME_SPLIT = re.compile(r"\s*(?:/|&|\?|,|;|\band\b)\s*", re.IGNORECASE)
_LONG_NOTE = re.compile(r"\s*\(([^()]*)\)\s*$")
_TRAILING_PUNCT = " \t.,;:\u2013\u2014-"


@dataclass
class ItemCell:
    """An Item cell split into its title and the people its labels name."""

    title: str
    cabinet_members: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)


def _labels(cell: str) -> list[re.Match[str]]:
    return list(_LABEL.finditer(cell))


def split_people(value: str) -> list[str]:
    """Names in a labelled value: "Mick Harrison/Helen Riley & Jo Smith" -> three names."""
    people = []
    for piece in _NAME_SPLIT.split(value):
        name = names.clean_name(piece)
        if name and names.is_plausible_name(name) and name not in people:
            people.append(name)
    return people


def _strip_note(title: str) -> str:
    """Drop a long trailing bracketed annotation: "X (previously taken to ... meeting)" -> "X"."""
    match = _LONG_NOTE.search(title)
    if match and len(match.group(1).split()) >= 4 and match.start() > 0:
        return title[: match.start()]
    return title


def read_item_cell(cell: str) -> ItemCell:
    """Title, cabinet members and officers of an Item cell."""
    cell = text.clean_text(cell)
    labels = _labels(cell)
    if not labels:
        return ItemCell(title=_strip_note(cell).strip())
    result = ItemCell(title=_strip_note(cell[: labels[0].start()].rstrip(_TRAILING_PUNCT)))
    for here, after in zip(labels, [*labels[1:], None], strict=True):
        value = cell[here.end() : after.start() if after else len(cell)]
        value = value.strip(_TRAILING_PUNCT)
        if here.group("cabinet"):
            result.cabinet_members.extend(split_people(value))
        elif here.group("officer"):
            result.officers.extend(split_people(value))
    result.title = result.title.strip()
    return result


def ends_in_label(cell: str) -> bool:
    """True when the cell's last segment is a labelled name (it may continue on the next row)."""
    labels = _labels(text.clean_text(cell))
    return bool(labels) and not labels[-1].group("membership")


def has_own_title(cell: str) -> bool:
    """True when the cell holds something besides labelled segments."""
    return bool(read_item_cell(cell).title)


# --- dates -------------------------------------------------------------------------------

_DAY_MONTH = re.compile(
    rf"(?<![\d\w])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month>{dates.MONTH_PATTERN})(?![a-z])"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"(?:\d\s*[-\u2013/&]|\band|\bto|\bor)\s*$", re.IGNORECASE)
_FRAGMENT = re.compile(
    r"^\s*(?:(?:19|20)\d\d\b|\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DayMonth:
    """A day printed in a date cell, with its year when the cell prints one."""

    day: int
    month: int
    year: int | None


def single_day(date_text: str) -> DayMonth | None:
    """The one day a date cell names, or None ("tbc", "June and July 2018", a list of days).

    The first day printed counts ("Inquiry Day 30 January 2018 + follow-on meetings on ...")
    unless another day follows it directly ("12 January 31 January 21 March") or it closes a
    range ("12 - 14 March").
    """
    found = list(_DAY_MONTH.finditer(date_text))
    if not found:
        return None
    first = found[0]
    if _RANGE_BEFORE.search(date_text[: first.start()]):
        return None
    if len(found) > 1 and not date_text[first.end() : found[1].start()].strip(" ,;&+-\u2013"):
        return None
    month = dates.month_number(first.group("month"))
    if month is None:
        return None
    year = int(first.group("year")) if first.group("year") else None
    return DayMonth(int(first.group("day")), month, year)


def is_date_fragment(date_text: str) -> bool:
    """True for the tail of a date cell split over a page: "2018", "10.00 am", "2018 10.00am"."""
    return bool(date_text) and bool(_FRAGMENT.match(date_text)) and not _DAY_MONTH.search(date_text)


def municipal_start_year(heading: str) -> int | None:
    """First year of a municipal year printed as "2018-19", "2018/19" or "2018-2019"."""
    match = re.search(r"\b((?:19|20)\d\d)\s*[-/\u2013]\s*((?:19|20)?\d\d)\b", heading)
    if not match:
        return None
    start, end = int(match.group(1)), int(match.group(2)[-2:])
    return start if (start + 1) % 100 == end else None


def resolve_year(day: DayMonth, calendar: list[str], start_year: int | None) -> str | None:
    """ISO date of a day without a year, from a calendar of meetings or the municipal year."""
    if day.year is not None:
        return dates.iso_date(day.year, day.month, day.day)
    for iso in calendar:
        cal = dates.iso_to_date(iso)
        if (cal.month, cal.day) == (day.month, day.day):
            return iso
    if start_year is None:
        return None
    year = start_year if day.month >= 5 else start_year + 1
    return dates.iso_date(year, day.month, day.day)
