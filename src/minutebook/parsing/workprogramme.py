"""Work programme reader: the scrutiny work programme tables.

A programme opens with a heading ("WORK PROGRAMME", "Work Programme 2018-19") and holds one
or more tab-separated tables, each with a header row naming its columns ("Date of meeting /
Item / Details / Action/Outcome", "Item / Details", "Timescale / Area of Work / ..."). Every
table of items is read: the main table, standing items, briefing notes, working groups and
related work. A calendar of meetings (dates only) is not a table of items, but its dates give
the year of a row that prints only a day and a month.

Page breaks split table rows: the converter emits the rest of a row as a new row after a blank
line (or a "Page 92" marker). A row after a break continues the row above when it cannot
stand on its own: no item of its own, a date cell holding only the tail of a date ("2018",
"10.00 am"), or a name finishing the labelled name the row above ends with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.parsing import dates, text
from minutebook.parsing import workprogramme_cells as cells
from minutebook.parsing import workprogramme_layout as layout
from minutebook.parsing.contract import WorkProgramme, WorkProgrammeRow

_YEAR_RANGE = r"(?:19|20)\d\d\s*[-/\u2013]\s*(?:19|20)?\d\d"
_HEADING = re.compile(
    rf"^(?:(?P<prefix>[A-Z][\w&',\u2019 -]{{0,80}}?)\s+)?(?:draft\s+)?work\s+programme"
    rf"(?:\s*[-\u2013:]?\s*(?:for\s+)?(?P<year>{_YEAR_RANGE}))?\s*:?$",
    re.IGNORECASE,
)
_TRAILING_YEAR = re.compile(rf"(?P<year>{_YEAR_RANGE})\s*$")
_LIST_LABEL = re.compile(r"^\s*(?:[-*\u2022]|\(?\d+[.)]|\(?[a-z][.)]|appendix\b)", re.IGNORECASE)
_DATE_HEADER = re.compile(r"\b(?:date|timescale|when|meeting|month)\b", re.IGNORECASE)
_ITEM_HEADER = re.compile(
    r"\b(?:items?|area\s+of\s+work|topic|subject|title|issue|business|report)\b", re.IGNORECASE
)
_CABINET_HEADER = re.compile(r"\b(?:cabinet\s+member|portfolio|lead\s+member)", re.IGNORECASE)
_OFFICER_HEADER = re.compile(r"\b(?:officer|contact|author)", re.IGNORECASE)
# Words naming any column of a work programme table; a header printed by position (no tabs)
# must be mostly these, so that a line of prose with wide spaces is not taken for one.
_ANY_HEADER = re.compile(
    r"\b(?:date|timescale|when|meeting|month|items?|area\s+of\s+work|topic|subject|title|issue"
    r"|business|report|cabinet|portfolio|member|officer|contact|author|details?|outcome|action"
    r"|purpose|reason|notes?|comments?|status|method|lead|responsible|description)\b",
    re.IGNORECASE,
)
# A header cell is capitalised and no sentence: "Date of meeting", "Lead Officer(s)". Nor a
# phrase cut off by its column ("The final report and", "The Cabinet Member for").
_HEADER_CELL = re.compile(r"^[A-Z].*[^.,;:]$|^[A-Z]$")
_CUT_PHRASE = re.compile(r"^(?:the|an?)\s|\s(?:and|the|an?|for|with|or)$", re.IGNORECASE)
# The tail of a date cell: a time of day, maybe after the year ("10.00 am", "2019 2.00 pm").
_TIME_TAIL = re.compile(
    r"^(?:(?:19|20)\d\d\s+)?(?:\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_RECOMMENDATIONS = re.compile(r"^recommendations?\b", re.IGNORECASE)
_REPORT_START = re.compile(r"^local\s+members'?\u2019?\s*interests?\b", re.IGNORECASE)


@dataclass
class Columns:
    """Where a table keeps its date, item and people (indexes into the row's cells)."""

    item: int
    date: int | None = None
    cabinet: int | None = None
    officer: int | None = None


@dataclass
class RawRow:
    """One table row as printed (cells cleaned), before page-split rows are merged."""

    line: int
    cells: list[str]
    after_break: bool = False


@dataclass
class Programme:
    """A programme being read: its heading, municipal year and the lines it spans."""

    start: int
    title: str | None
    year: str | None
    end: int = 0
    tables: list[tuple[Columns, list[RawRow]]] = field(default_factory=list)


def read_work_programmes(lines: list[str], warnings: list[str]) -> list[WorkProgramme]:
    lines = [text.pipe_row_as_tabs(line) for line in lines]
    clean = text.clean_lines(lines)
    programmes = _find_programmes(lines, clean)
    result = []
    for prog in programmes:
        calendar = _calendar_dates(lines[prog.start : prog.end], clean[prog.start : prog.end])
        rows = _programme_rows(prog, lines, clean, calendar, warnings)
        if rows:
            result.append(WorkProgramme(title=_title(prog), rows=rows))
    return result


# --- programmes ----------------------------------------------------------------------------


def _heading(raw: str, clean: str) -> re.Match[str] | None:
    """A work programme heading line (not a list item, agenda item or minute title)."""
    if not clean or len(clean) > 120 or "programme" not in clean.lower():
        return None  # most lines: the pattern below cannot match them
    if _is_row(raw) or _LIST_LABEL.match(clean):
        return None
    return _HEADING.match(text.clean_text(clean))


def _is_report_title(clean: list[str], i: int) -> bool:
    """True when a report's recommendations follow the line: it titles a report, say "Work
    Programme 2019-20" as a report to the committee, not the programme itself."""
    near = [line for line in clean[i + 1 : i + 10] if line][:3]
    return any(_RECOMMENDATIONS.match(text.clean_text(line)) for line in near)


def _year_near(clean: list[str], start: int) -> str | None:
    """The municipal year printed just under a bare "WORK PROGRAMME" heading."""
    seen = 0
    for line in clean[start + 1 :]:
        if not line:
            continue
        match = _TRAILING_YEAR.search(text.clean_text(line))
        if match and len(line) < 120:
            return match.group("year")
        seen += 1
        if seen >= 3:
            return None
    return None


def _same_year(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    return cells.municipal_start_year(a) == cells.municipal_start_year(b)


def _find_programmes(lines: list[str], clean: list[str]) -> list[Programme]:
    programmes: list[Programme] = []
    for i, (raw, line) in enumerate(zip(lines, clean, strict=True)):
        match = _heading(raw, line)
        if match is None or _is_report_title(clean, i):
            continue
        year = match.group("year") or _year_near(clean, i)
        title = text.clean_text(line) if match.group("year") else None
        current = programmes[-1] if programmes else None
        if current and (_same_year(current.year, year) or not _has_table(current, lines, i)):
            current.year = current.year or year
            current.title = current.title or title
            continue
        programmes.append(Programme(start=i, title=title, year=year))
    for k, prog in enumerate(programmes):
        prog.end = programmes[k + 1].start if k + 1 < len(programmes) else len(lines)
    return programmes


def _has_table(prog: Programme, lines: list[str], end: int) -> bool:
    return any(_columns(lines[i]) or _layout_header(lines, i) for i in range(prog.start, end))


def _title(prog: Programme) -> str | None:
    if prog.title:
        return prog.title
    return f"Work Programme {prog.year}" if prog.year else "Work Programme"


# --- tables --------------------------------------------------------------------------------


def _is_row(raw: str) -> bool:
    """A flattened table row: a tab anywhere (leading and trailing empty cells count)."""
    return "\t" in raw and not text.is_blank(raw)


def _columns(raw: str) -> Columns | None:
    """The columns of a table header row, or None when the line is not one."""
    if not _is_row(raw):
        return None
    return _columns_named(text.split_cells(raw))


def _columns_named(heads: list[str]) -> Columns | None:
    """The columns of a header row with these cells, or None when they do not name a table of
    items."""
    if any(len(h) > 40 for h in heads) or any(dates.find_date(h) for h in heads):
        return None
    date = next((i for i, h in enumerate(heads) if _DATE_HEADER.search(h)), None)
    item = next(
        (i for i, h in enumerate(heads) if i != date and _ITEM_HEADER.search(h)),
        None,
    )
    if item is None:
        return None
    cabinet = next((i for i, h in enumerate(heads) if _CABINET_HEADER.search(h)), None)
    officer = next(
        (i for i, h in enumerate(heads) if i not in (cabinet, date) and _OFFICER_HEADER.search(h)),
        None,
    )
    return Columns(item=item, date=date, cabinet=cabinet, officer=officer)


def _layout_header(lines: list[str], i: int) -> tuple[layout.LayoutHeader, Columns] | None:
    """A header row printed by position at line ``i``, with its columns."""
    header = layout.header_at(lines, i)
    if header is None:
        return None
    names = header.names
    named = sum(1 for name in names if _ANY_HEADER.search(name))
    if named < max(2, len(names) - 1) or not all(_HEADER_CELL.match(name) for name in names):
        return None
    if any(_CUT_PHRASE.search(name) for name in names):
        return None
    columns = _columns_named([text.clean_text(name) for name in header.names])
    if columns is None:
        header = _split_date_item(header, lines[i])
        columns = _columns_named([text.clean_text(name) for name in header.names])
    return (header, columns) if columns else None


def _split_date_item(header: layout.LayoutHeader, raw: str) -> layout.LayoutHeader:
    """The header with a first cell naming the date and the item one space apart ("Date
    Item") split in two, the item's column starting where its word does."""
    words = header.names[0].split()
    if len(words) != 2 or not _DATE_HEADER.fullmatch(words[0]):
        return header
    if not _ITEM_HEADER.fullmatch(words[1]) or raw[header.starts[0] :].split()[:2] != words:
        return header
    second = raw.index(words[1], header.starts[0] + len(words[0]))
    return layout.LayoutHeader(
        header.line,
        header.body,
        [*words, *header.names[1:]],
        [header.starts[0], second, *header.starts[1:]],
        [header.starts[0] + len(words[0]), second + len(words[1]), *header.ends[1:]],
    )


def _next_row_line(lines: list[str], clean: list[str], i: int, end: int) -> int | None:
    for j in range(i + 1, min(end, i + 4)):
        if clean[j]:
            return j if _is_row(lines[j]) and _columns(lines[j]) is None else None
    return None


def _read_table(
    lines: list[str], clean: list[str], start: int, end: int
) -> tuple[list[RawRow], int]:
    """Rows of the table whose header is at ``start``; returns them and the line after."""
    header = text.split_cells(lines[start])
    rows: list[RawRow] = []
    pending_break = False
    i = start + 1
    while i < end:
        raw, line = lines[i], clean[i]
        if "\f" in raw:
            pending_break = True
        if not line or text.is_rule(raw):
            pending_break = pending_break or not line
        elif _is_row(raw):
            row = text.split_cells(raw)
            if row == header:  # header repeated at the top of a new page
                pending_break = True
            elif any(row):
                rows.append(RawRow(line=i, cells=row, after_break=pending_break))
                pending_break = False
        elif _next_row_line(lines, clean, i, end) is not None and len(line) < 100:
            pending_break = True  # page furniture (a running header) inside the table
        else:
            break
        i += 1
    return rows, i


def _read_layout_table(
    lines: list[str],
    clean: list[str],
    found: tuple[layout.LayoutHeader, Columns],
    end: int,
    furniture: set[str],
) -> tuple[list[RawRow], int]:
    """Rows of a table printed by position (see workprogramme_layout)."""
    header, columns = found
    rows, stop = layout.read_rows(
        lines,
        clean,
        header,
        end,
        key=(columns.date, columns.item),
        opens_table=lambda j: _layout_header(lines, j) is not None,
        furniture=furniture,
    )
    return [RawRow(row.line, row.cells, row.after_break) for row in rows], stop


def _programme_tables(prog: Programme, lines: list[str], clean: list[str]) -> None:
    furniture: set[str] | None = None
    i = prog.start
    while i < prog.end:
        if i > prog.start and _REPORT_START.match(clean[i]):
            break
        columns = _columns(lines[i])
        if columns is not None:
            rows, i = _read_table(lines, clean, i, prog.end)
            prog.tables.append((columns, rows))
            continue
        found = _layout_header(lines, i)
        if found is None:
            i += 1
            continue
        if furniture is None:  # running headers and footers, worked out once
            furniture = text.running_headers(lines)
        rows, i = _read_layout_table(lines, clean, found, prog.end, furniture)
        prog.tables.append((found[1], rows))


# --- rows ----------------------------------------------------------------------------------


def _cell(row: RawRow, index: int | None) -> str:
    if index is None or index >= len(row.cells):
        return ""
    return row.cells[index]


def _continues(prev: RawRow | None, row: RawRow, cols: Columns) -> bool:
    """True when ``row`` is the rest of ``prev`` carried over a page break."""
    if prev is None:
        return False
    item, date = _cell(row, cols.item), text.strip_page_marker(_cell(row, cols.date))
    if not item and not date:
        return True
    if item[:1].islower():
        return True  # no item starts in lowercase: the rest of a cell (and of its date)
    if _TIME_TAIL.match(date):
        return True  # no row's date is a time of day alone: the rest of a date cell
    above = _cell(prev, cols.date)
    if _YEAR.fullmatch(date) and above and not _YEAR.search(above):
        return True  # the year of the date above ("22 August" / "2018")
    if not row.after_break:
        return False
    if date:
        return cells.is_date_fragment(date)
    if not cells.has_own_title(item):
        return True
    others = [c for k, c in enumerate(row.cells) if k not in (cols.item, cols.date) and c]
    short_name = len(item.split()) <= 4 and item[:1].isupper()
    if short_name and others and all(c[:1].islower() for c in others):
        return True  # a name and sentences carried on over the page break
    return not others and short_name and cells.ends_in_label(_cell(prev, cols.item))


def _merge(prev: RawRow, row: RawRow) -> None:
    width = max(len(prev.cells), len(row.cells))
    prev.cells += [""] * (width - len(prev.cells))
    for k, value in enumerate(row.cells):
        prev.cells[k] = text.join_wrapped([prev.cells[k], value])


def _merged_rows(rows: list[RawRow], cols: Columns) -> list[RawRow]:
    merged: list[RawRow] = []
    for row in rows:
        if _continues(merged[-1] if merged else None, row, cols):
            _merge(merged[-1], row)
        else:
            merged.append(RawRow(line=row.line, cells=list(row.cells), after_break=row.after_break))
    return merged


def _programme_rows(
    prog: Programme,
    lines: list[str],
    clean: list[str],
    calendar: list[str],
    warnings: list[str],
) -> list[WorkProgrammeRow]:
    _programme_tables(prog, lines, clean)
    start_year = cells.municipal_start_year(prog.year) if prog.year else None
    result: list[WorkProgrammeRow] = []
    for cols, rows in prog.tables:
        previous: WorkProgrammeRow | None = None
        for row in _merged_rows(rows, cols):
            built = _build_row(row, cols, previous, calendar, start_year)
            if built is None:
                warnings.append(f"line {row.line + 1}: work programme row without an item")
                continue
            result.append(built)
            previous = built
    return result


def _build_row(
    row: RawRow,
    cols: Columns,
    previous: WorkProgrammeRow | None,
    calendar: list[str],
    start_year: int | None,
) -> WorkProgrammeRow | None:
    item = cells.read_item_cell(_cell(row, cols.item))
    if not item.title:
        return None
    cabinet = item.cabinet_members or cells.split_people(_cell(row, cols.cabinet))
    officers = item.officers or cells.split_people(_cell(row, cols.officer))
    date_text: str | None = text.strip_page_marker(_cell(row, cols.date)).strip() or None
    date = None
    if cols.date is not None and date_text is None and previous is not None:
        date_text, date = previous.date_text, previous.date
    elif date_text:
        date = _row_date(date_text, calendar, start_year, previous)
    return WorkProgrammeRow(
        date=date, date_text=date_text, item=item.title, cabinet_members=cabinet, officers=officers
    )


def _row_date(
    date_text: str,
    calendar: list[str],
    start_year: int | None,
    previous: WorkProgrammeRow | None,
) -> str | None:
    """ISO date of a date cell naming one day; a day without a year and nothing else to date
    it follows the dated row above (rows run in date order)."""
    day = cells.single_day(date_text)
    if day is None:
        return None
    date = cells.resolve_year(day, calendar, start_year)
    if date is None and previous is not None and previous.date:
        before = dates.iso_to_date(previous.date)
        year = before.year + (1 if day.month < before.month else 0)
        date = cells.resolve_year(cells.DayMonth(day.day, day.month, year), [], None)
    return date


def _calendar_dates(lines: list[str], clean: list[str]) -> list[str]:
    """Full dates printed at the start of short lines outside item tables (meeting calendars)."""
    found = []
    for raw, line in zip(lines, clean, strict=True):
        first = text.split_cells(raw)[0] if line else ""
        if not first or len(first) > 60:
            continue
        match = dates.find_date(first)
        if match and match.start == 0 and match.iso not in found:
            found.append(match.iso)
    return found
