"""Work programme tables printed without tabs, the way other converters print them.

``pdftotext -layout`` keeps a table's columns by position: every cell is wrapped over several
physical lines at its column's place, the cells of one row sit side by side, and a page break
drops blank lines and a footer ("Page 57") into the middle of a row. Columns are usually two or
more spaces apart, but where text is tight a single space separates them, and the converter
places each cell paragraph on its own, so a column's left edge drifts by a few characters from
row to row. A simpler converter turns each tab into a run of spaces instead: one row a line,
cells separated by spaces, nothing aligned.

A table is found by its header row ("Date of meeting   Item   Details   Action/Outcome"), whose
cells name the columns and fix their places. Below it, a cell is read by position (the column
whose left edge is nearest), a row starts where cells start together (the tables are top
aligned: every cell of a row begins on the row's first line, so a column gaining text after an
empty line opens the next row), and a page break leaves the decision to the caller, which
knows whether a row can stand on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from minutebook.parsing import text

_CHUNK = re.compile(r"\S+(?: \S+)*")
_WORD = re.compile(r"\S+")
_GAP = re.compile(r"\S {2,}\S")
# Words a wrapped header cell continues with ("Date of" / "meeting", "Lead" / "Officer").
_HEADER_WORD = re.compile(
    r"^(?:(?-i:[a-z][a-z'-]{2,})|of|by|to|&|/|date|meeting|items?|topics?|subject|officers?|lead"
    r"|members?|cabinet|portfolio|holders?|outcomes?|actions?|details|purpose|reports?"
    r"|authors?|contacts?|comments|notes|status|area|work|timescale|responsible|required)$",
    re.IGNORECASE,
)
_NOT_HEADER_WORD = re.compile(r"^(?:tbc|tba|tbd|n/a|none)$", re.IGNORECASE)
_MAX_HEADER_LINES = 3
_RECENT = 3  # lines above whose cell edges a line may carry on
_MAX_DRIFT = 6  # how far a cell's left edge may stray from its column's


@dataclass(frozen=True)
class Chunk:
    """Text between gaps of two or more spaces, with the place it starts on its line."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class LayoutHeader:
    """A header row printed by position: the columns' names and left edges."""

    line: int
    body: int  # the first line below the header (after its wrapped lines)
    names: list[str]
    starts: list[int]
    ends: list[int]


@dataclass
class LayoutRow:
    """One table row: its first line, its cells, and whether a page break came before it."""

    line: int
    cells: list[str]
    after_break: bool = False


@dataclass
class _Line:
    """A table line: its index and its chunks, each placed in a column."""

    index: int
    chunks: list[Chunk]
    after_break: bool
    page: int
    opens: bool = False  # the first line of a row
    columns: list[int] = field(default_factory=list)


def _plain(raw: str) -> str:
    """The line with form feeds dropped and no-break spaces as spaces (places unchanged)."""
    return raw.replace(text.FORM_FEED, "").replace("\u00a0", " ").rstrip()


def chunks(raw: str) -> list[Chunk]:
    """Runs of text separated by two or more spaces, each with its starting place."""
    return [Chunk(m.start(), m.group()) for m in _CHUNK.finditer(_plain(raw))]


# --- header --------------------------------------------------------------------------------


def _header_words(found: list[Chunk]) -> bool:
    words = [w for c in found for w in c.text.split()]
    return bool(words) and all(
        _HEADER_WORD.match(w.strip("()/:,")) and not _NOT_HEADER_WORD.match(w) for w in words
    )


def _column_at(x: int, starts: list[int]) -> int:
    """The column a piece of text starting at ``x`` belongs to (the last edge at or before it,
    allowing for drift)."""
    column = 0
    for k, start in enumerate(starts):
        if start - 2 <= x:
            column = k
    return column


def header_at(lines: list[str], i: int) -> LayoutHeader | None:
    """The header row starting at line ``i`` when the line looks like one: two or more short
    cells two spaces apart. The caller decides whether the names make a work programme."""
    raw = lines[i]
    if "\t" in raw or not _GAP.search(raw):
        return None
    found = chunks(raw)
    if len(found) < 2 or any(len(c.text) > 40 or len(c.text.split()) > 5 for c in found):
        return None
    names = [c.text for c in found]
    starts = [c.start for c in found]
    body = i + 1
    while body < len(lines) and body <= i + _MAX_HEADER_LINES:
        more = chunks(lines[body])
        if not more or "\t" in lines[body] or not _header_words(more):
            break
        if any(_crossings(chunk, starts) for chunk in more):
            break  # a header cell's wrapped words stay inside its column
        for chunk in more:
            k = _column_at(chunk.start, starts)
            names[k] = f"{names[k]} {chunk.text}"
        body += 1
    return LayoutHeader(i, body, names, starts, [c.end for c in found])


def _skip_header_lines(lines: list[str], i: int, end: int) -> int:
    """The line after a repeated header's wrapped lines ("meeting" under "Date of")."""
    while i < end and chunks(lines[i]) and _header_words(chunks(lines[i])):
        i += 1
    return i


# --- the table's extent ------------------------------------------------------------------


def _crossings(chunk: Chunk, starts: list[int]) -> int:
    """How many column edges a chunk runs across (cell text stays inside its column)."""
    return sum(1 for s in starts[1:] if chunk.start < s - _MAX_DRIFT and chunk.end > s + 1)


def _ends_table(
    found: list[Chunk], starts: list[int], blank: bool, page_break: bool, spaced: bool
) -> bool:
    """True when a line cannot be part of the table: prose running across the columns, or a
    lone heading after a blank line (wider than a column, or at the left edge). After a page
    break a lone line may be the tail of a split row, its cells placed anywhere. With
    spaced cells a row is one line, so a lone text at the left edge is no row."""
    if spaced:
        return len(found) == 1 and found[0].start <= starts[0]
    if any(_crossings(c, starts) >= 2 for c in found):
        # Prose runs across the columns from the left margin, or after a gap. A row line
        # whose cells one space apart ran together does too, but keeps a later cell apart
        # at its column or starts inside the table.
        alone = len(found) == 1 and found[0].start <= starts[0] + 1
        if blank or page_break or alone:
            return True
    if len(found) != 1 or not blank or page_break:
        return False
    return _crossings(found[0], starts) > 0 or _column_at(found[0].start, starts) == 0


def _table_lines(
    lines: list[str],
    clean: list[str],
    header: LayoutHeader,
    end: int,
    opens_table: Callable[[int], bool],
    furniture: set[str],
    spaced: bool,
) -> tuple[list[_Line], int]:
    """The table's content lines below its header, with page furniture left out, and the
    line the table stops at."""
    found: list[_Line] = []
    first = [c.text for c in chunks(lines[header.line])]
    page_break = blank = False
    page = 0
    i = header.body
    while i < end:
        raw = lines[i]
        if "\t" in raw:
            break
        page_break = page_break or text.FORM_FEED in raw
        if not clean[i] or clean[i] in furniture:
            if text.is_blank(raw.replace(text.FORM_FEED, "")):
                blank = True
            else:
                page_break = True  # a page number or running header
            i += 1
            continue
        here = chunks(raw)
        if [c.text for c in here] == first:  # the header again, at the top of a new page
            page_break = True
            i = _skip_header_lines(lines, i + 1, end)
            continue
        if opens_table(i):
            break
        gap = bool(found) and (blank or page_break)
        if (found or blank) and _ends_table(here, header.starts, blank, page_break, spaced):
            break
        page += page_break
        found.append(_Line(i, here, gap, page))
        page_break = blank = False
        i += 1
    return found, i


# --- rows and cells by position -----------------------------------------------------------
#
# The converter places each cell by the text left of it, not by the page, so one column's
# left edge moves from row to row and page to page (a row without a date starts its item at
# the page's edge). Only the order of a row's cells and the lines of one cell keeping one
# edge can be trusted: a line continues the row above when each of its pieces of text
# continues a cell of the line above (same edge, or indented inside it); any other piece is a
# cell starting, which opens a new row, whose cells take their columns in order.

_DATE_LIKE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\btb[acd]\b"
    r"|to be (?:confirmed|agreed|arranged)|ongoing|spring|summer|autumn|winter|quarter",
    re.IGNORECASE,
)


def _continued(chunk: Chunk, above: list[Chunk]) -> int | None:
    """Index of the chunk of the line above that ``chunk`` carries on (the same left edge),
    or None when it starts a new cell. Text starting inside a cell of the line above starts
    a new cell too: the next row's cells often sit a little right of this row's."""
    for n, other in enumerate(above):
        if abs(chunk.start - other.start) <= 1:
            return n
    return None


def _word_starts(line: _Line) -> set[int]:
    return {c.start + m.start() for c in line.chunks for m in _WORD.finditer(c.text)}


def _mark_openers(body: list[_Line]) -> None:
    """Mark the lines that start a cell: a chunk starting where no text of the lines just
    above starts. Words count as well as chunks, since one space may separate two cells and
    the converter then places the second cell a little off its edge."""
    for n, line in enumerate(body):
        if not n or line.after_break:
            line.opens = True
            continue
        recent: set[int] = set()
        for above in body[max(0, n - _RECENT) : n]:
            if above.page == line.page:
                recent |= _word_starts(above)
        line.opens = any(not {c.start - 1, c.start, c.start + 1} & recent for c in line.chunks)


def _split_aligned(chunk: Chunk, edges: set[int]) -> list[Chunk]:
    """Split a chunk where one space separates two cells: at a word starting where a cell of
    the line above or below (in the same row) starts."""
    pieces: list[Chunk] = []
    begin = 0
    for word in _WORD.finditer(chunk.text):
        x = chunk.start + word.start()
        if word.start() and {x - 1, x, x + 1} & edges:
            pieces.append(Chunk(chunk.start + begin, chunk.text[begin : word.start()].rstrip()))
            begin = word.start()
    pieces.append(Chunk(chunk.start + begin, chunk.text[begin:]))
    return pieces


def _split_at_edge(chunk: Chunk, edge: int) -> list[Chunk]:
    """Split a chunk running past the next cell's edge: the converter ran two cells together
    and counted the second one's place from the first, so it sits left of its column. The
    cut is the last space that keeps the first part clear of the edge."""
    cuts = [m.start() for m in re.finditer(" ", chunk.text) if chunk.start + m.start() < edge]
    if chunk.end <= edge or not cuts:
        return [chunk]
    cut = cuts[-1]
    return [
        Chunk(chunk.start, chunk.text[:cut]),
        Chunk(chunk.start + cut + 1, chunk.text[cut + 1 :]),
    ]


def _split_merged(body: list[_Line]) -> None:
    """Split the chunks holding two cells, using the cell edges of the row's other lines."""
    edges = [{c.start for c in line.chunks} for line in body]
    for n, line in enumerate(body):
        near: set[int] = set()
        if n and not line.opens:
            near |= edges[n - 1]
        if n + 1 < len(body) and not body[n + 1].opens:
            near |= edges[n + 1]
        line.chunks = [p for c in line.chunks for p in _split_aligned(c, near - {c.start})]


def _date_pages(body: list[_Line], width: int) -> dict[int, int]:
    """For each page, the left edge of the date column when its rows print one: some row
    starts right of the page's edge (no date), some row fills every column, or most rows
    open with a date-like text."""
    firsts: dict[int, list[Chunk]] = {}
    full: set[int] = set()
    for line in body:
        if line.opens and line.chunks:
            firsts.setdefault(line.page, []).append(line.chunks[0])
            if len(line.chunks) >= width:
                full.add(line.page)
    result = {}
    for page, found in firsts.items():
        edge = min(c.start for c in found)
        at_edge = [c for c in found if c.start <= edge + 1]
        dated = sum(1 for c in at_edge if _DATE_LIKE.search(c.text))
        if len(at_edge) < len(found) or 2 * dated > len(at_edge) or page in full:
            result[page] = edge
    return result


def _matched(line: _Line, edges: dict[int, int]) -> list[int] | None:
    """Columns of a line whose every chunk starts on a known cell edge, else None."""
    columns = []
    for chunk in line.chunks:
        k = next((k for k, x in edges.items() if abs(chunk.start - x) <= 1), None)
        if k is None or (columns and k <= columns[-1]):
            return None
        columns.append(k)
    return columns


def _in_order(line: _Line, width: int, date_edge: int | None) -> list[int]:
    """Columns of a row's first line taken in order; the first is the date column only where
    the page prints dates at that edge (key: a row without a date starts at its item)."""
    first = 0 if date_edge is not None and line.chunks[0].start <= date_edge + 1 else 1
    return [min(first + k, width - 1) for k in range(len(line.chunks))]


def _skip_to_known(columns: list[int], line: _Line, here: dict[int, int], width: int) -> None:
    """Move a chunk taken in order on to a later column when it starts on that column's edge
    (seen on this page) and far from its own: a cell before it ran into its neighbour, which
    leaves an empty column in between."""
    for n, chunk in enumerate(line.chunks):
        k = columns[n]
        if n == 0 or k not in here or abs(chunk.start - here[k]) <= _MAX_DRIFT:
            continue
        later = [j for j in range(k + 1, width - (len(columns) - n - 1)) if j in here]
        near = [j for j in later if abs(chunk.start - here[j]) <= 2]
        if near:
            shift = near[0] - k
            for m in range(n, len(columns)):
                columns[m] = min(columns[m] + shift, width - 1)


def _known_column(chunk: Chunk, known: dict[int, int], placed: list[tuple[Chunk, int]]) -> int:
    """The column of a chunk starting under no text of the line above: the one whose edge it
    starts on, else the column of the chunk before it on the line."""
    k = next((k for k, x in known.items() if abs(chunk.start - x) <= 1), None)
    if k is not None:
        return k
    return placed[-1][1] if placed else 0


def _assign_columns(
    body: list[_Line], width: int, date_edges: dict[int, int] | None, header: list[int]
) -> None:
    """Give every chunk its column: on a row's first line by the cell edges seen so far when
    they all match (a row after a page break may carry on the one above), else in order;
    below it, the column of the cell it carries on. A chunk running past the next cell's
    edge is split there."""
    # The last edge seen of each column, for matching: at first the header's, on its page.
    known: dict[int, int] = dict(enumerate(header))
    edges: dict[int, int] = {}  # the edges of the row being read, for splitting
    page_of: dict[int, int] = dict.fromkeys(known, 0)  # the page each known edge was seen on
    for n, line in enumerate(body):
        if line.opens:
            matched = _matched(line, known)
            if matched is None:
                edge = date_edges.get(line.page) if date_edges is not None else 0
                matched = _in_order(line, width, edge)
                here = {k: x for k, x in known.items() if page_of.get(k) == line.page}
                _skip_to_known(matched, line, here, width)
            # A chunk running past the edge the next column kept in the rows above on this
            # page holds two cells one space apart, the second counted from the first.
            # Where the next column is taken, the chunk must cross that edge well (the
            # later cells then move one column on, if there is room).
            opened: list[tuple[Chunk, int]] = []
            shift = 0
            for n_chunk, (chunk, k) in enumerate(zip(line.chunks, matched, strict=True)):
                k = min(k + shift, width - 1)
                same = k + 1 < width and page_of.get(k + 1) == line.page
                nxt = known.get(k + 1) if same else None
                if nxt is not None and k + 1 in matched:
                    crossing = chunk.start < nxt - _MAX_DRIFT and chunk.end > nxt + _MAX_DRIFT
                    room = matched[-1] + shift + 1 < width and n_chunk + 1 < len(matched)
                    nxt = nxt if crossing and room else None
                pieces = _split_at_edge(chunk, nxt) if nxt is not None else [chunk]
                if len(pieces) > 1 and k + 1 in matched:
                    shift += 1
                opened.extend((piece, k + j) for j, piece in enumerate(pieces))
            line.chunks = [c for c, _ in opened]
            line.columns = [k for _, k in opened]
            edges = {k: c.start for c, k in opened}
            known.update(edges)
            page_of.update((k, line.page) for k in edges)
            continue
        above = body[n - 1]
        placed: list[tuple[Chunk, int]] = []
        for chunk in line.chunks:
            found = _continued(chunk, above.chunks)
            k = above.columns[found] if found is not None else _known_column(chunk, known, placed)
            k = max(k, placed[-1][1] + 1) if placed and chunk.start > placed[-1][0].end else k
            k = min(k, width - 1)
            pieces = _split_at_edge(chunk, edges[k + 1]) if k + 1 in edges else [chunk]
            placed.extend((piece, min(k + j, width - 1)) for j, piece in enumerate(pieces))
        line.chunks = [c for c, _ in placed]
        line.columns = [k for _, k in placed]
        # A column gaining text after an empty line opens a row (cells are top aligned),
        # unless the text starts in lowercase: the rest of a cell whose first line ran into
        # the cell beside it. The first column's cell has no cell left of it ("tbc").
        gained = set(line.columns) - set(above.columns)
        line.opens = any(
            k in gained and (k == 0 or not c.text[:1].islower())
            for c, k in zip(line.chunks, line.columns, strict=True)
        )


def aligned(lines: list[str], start: int, end: int, sample: int = 30) -> bool:
    """True when the text from ``start`` keeps to columns (layout output): the cells after a
    line's first start where cells of other lines start. False for one row a line with cells
    merely spaced apart, whose cells start anywhere."""
    rows = [chunks(line) for line in lines[start:end] if line.strip()][:sample]
    edges = [{c.start for c in row} for row in rows]
    later = [(n, c.start) for n, row in enumerate(rows) for c in row[1:]]
    if not later:
        return True
    hits = sum(
        1
        for n, x in later
        if any({x - 1, x, x + 1} & other for m, other in enumerate(edges) if m != n)
    )
    return hits >= 0.5 * len(later)


# --- rows ----------------------------------------------------------------------------------


@dataclass
class _Building:
    line: int
    parts: list[list[str]]
    after_break: bool


def _grid_rows(body: list[_Line], width: int, key: tuple[int | None, int]) -> list[LayoutRow]:
    building: list[_Building] = []
    before: set[int] = set()
    for line in body:
        here = set(line.columns)
        if line.opens or not building:
            # A row opened while a column carries on text of the line above may be the rest
            # of the row above (a paragraph break inside a cell): the caller decides, as it
            # does after a page break.
            doubtful = bool(here & before) and key[0] not in here
            building.append(
                _Building(line.index, [[] for _ in range(width)], line.after_break or doubtful)
            )
        for chunk, k in zip(line.chunks, line.columns, strict=True):
            building[-1].parts[k].append(chunk.text)
        before = here
    return [
        LayoutRow(b.line, [text.join_wrapped(p) for p in b.parts], b.after_break) for b in building
    ]


def _spaced_rows(body: list[_Line], left: int) -> list[LayoutRow]:
    """One row a line, cells in order; a line indented from the table's left edge ``left``
    (its header's first cell) has an empty first cell."""
    rows = []
    for line in body:
        cells = [c.text for c in line.chunks]
        if line.chunks and line.chunks[0].start > left:
            cells.insert(0, "")
        rows.append(LayoutRow(line.index, [text.clean_text(c) for c in cells], line.after_break))
    return rows


def read_rows(
    lines: list[str],
    clean: list[str],
    header: LayoutHeader,
    end: int,
    key: tuple[int | None, int],
    opens_table: Callable[[int], bool],
    furniture: set[str],
) -> tuple[list[LayoutRow], int]:
    """The rows of the table under ``header`` and the line after it. ``key`` holds the date
    and item columns; ``opens_table`` tells a line that starts another table."""
    spaced = not aligned(lines, header.body, end)
    body, stop = _table_lines(lines, clean, header, end, opens_table, furniture, spaced)
    if not body:
        return [], stop
    if spaced:
        return _spaced_rows(body, header.starts[0]), stop
    width = len(header.starts)
    _mark_openers(body)
    _split_merged(body)
    if key[0] == 0:
        # Which pages print dates at their edge is judged from the rows' first lines, and
        # only placing the cells finds every first line: place them twice.
        split = [(line.chunks, line.opens) for line in body]
        _assign_columns(body, width, _date_pages(body, width), header.starts)
        dated = _date_pages(body, width)
        for line, (found, opens) in zip(body, split, strict=True):
            line.chunks, line.opens = found, opens
        _assign_columns(body, width, dated, header.starts)
    else:
        _assign_columns(body, width, None, header.starts)
    return _grid_rows(body, width, key), stop
