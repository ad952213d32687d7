"""A PDF page's text rebuilt from character positions.

pdfium reads a page in content-stream order. Most generators draw a table cell by cell, so a
row whose cells wrap over several lines reaches us as the first cell's lines, then the second
cell's lines, and so on: the row structure is lost. This module puts it back.

The page is cut into *fragments*: runs of characters on one printed line with no wide gap
inside. Consecutive fragments (in pdfium's order) that sit one below the other in the same
horizontal span form a *run*, the lines of one text block. Runs whose vertical extents overlap
form a *group*. A group of two or more side-by-side runs (disjoint horizontally), at least one
of them over several lines, is a table row drawn cell by cell: it is emitted as one line of
tab-separated cells, each cell's lines joined with spaces. Neighbouring groups whose fragments
fall into the same columns belong to the same table and are emitted the same way.

Everything else keeps pdfium's reading order, with tabs at wide gaps inside a line (the way the
seeds' text converters print table cells) and a blank line at wide vertical gaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

# A gap wider than this many ems between two characters on a line separates table cells.
CELL_GAP_EMS = 1.6
# A vertical gap wider than this many ems between two lines is a paragraph break.
PARAGRAPH_GAP_EMS = 0.45
# A first cell that is only an item number ("1.", "(a)", "12") is joined to its title.
_NUMBER_CELL = re.compile(r"\(?[0-9]{1,3}[a-z]?[.)]?|\(?[a-z][.)]")
# The next line of a text block is at least this many ems lower (centre to centre).
_MIN_PITCH_EMS = 0.6
# Lines of one text block are printed in sizes within this ratio of each other.
_SAME_SIZE = 1.3
# Runs whose cores overlap vertically by more than this many ems are on the same row.
_ROW_OVERLAP_EMS = 0.1
# Gaps narrower than this many ems between fragments of a table do not separate columns.
_COLUMN_GAP_EMS = 0.5
# A table row next to a table joins it only across a vertical gap of at most this many ems.
_NEIGHBOUR_GAP_EMS = 3.0
# A line ending in a hyphenated word, or the next starting with a dot ("j.smith@kent" /
# ".gov.uk"), continues the same word.
_HYPHENATED = re.compile(r"[A-Za-z]-$")


@dataclass(eq=False)
class Fragment:
    """Characters on one printed line with no wide gap inside, and their box."""

    text: str
    x0: float
    x1: float
    bottom: float
    top: float
    em: float
    line: int  # index of the pdfium line it came from
    word_x1: float  # right edge of its first word

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(eq=False)
class PdfLine:
    """One line of pdfium's text: the text (tabs at wide gaps) and its fragments."""

    text: str
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def box(self) -> tuple[float, float, float] | None:
        """(median em, bottom, top) of its characters, None for a line without any."""
        if not self.fragments:
            return None
        ems = sorted(f.em for f in self.fragments)
        return (
            ems[len(ems) // 2],
            min(f.bottom for f in self.fragments),
            max(f.top for f in self.fragments),
        )


@dataclass(eq=False)
class _Run:
    """Fragments stacked one below the other: the lines of one text block or table cell."""

    fragments: list[Fragment]

    @property
    def x0(self) -> float:
        return min(f.x0 for f in self.fragments)

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.fragments)

    # The core of a line is the middle 70% of an em around its centre: loose character boxes
    # of large or unusual fonts reach into the lines above and below.
    @property
    def top(self) -> float:
        return max(f.middle + 0.35 * f.em for f in self.fragments)

    @property
    def bottom(self) -> float:
        return min(f.middle - 0.35 * f.em for f in self.fragments)


@dataclass(eq=False)
class _Group:
    """Runs whose vertical extents overlap: one printed row of a page."""

    runs: list[_Run]
    top: float
    bottom: float
    em: float
    row: bool = False  # a table row drawn cell by cell

    @property
    def fragments(self) -> list[Fragment]:
        return [f for run in self.runs for f in run.fragments]


# ---------------------------------------------------------------------------------------------
# Characters to lines and fragments


def page_text(text: str, textpage: object, width: float | None = None) -> str:
    """The page's text with table rows rebuilt, tabs between cells and blank paragraph gaps.

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``;
    ``width`` the page's width (the right margin is taken to mirror the left one).
    """
    boxes = _char_boxes(text, textpage)
    lines = [_read_line(n, at, chars, boxes) for n, (at, chars) in enumerate(_line_spans(text))]
    tables = _tables(lines, width)
    out: list[str] = []
    prev: tuple[float, float, float] | None = None
    done: set[int] = set()
    for n, line in enumerate(lines):
        if n in done:
            continue
        table = tables.get(n)
        if table is not None:
            texts, box, used = table
            done |= used
        else:
            texts, box = [line.text], line.box
        if prev is not None and box is not None:
            gap = prev[1] - box[2]
            if gap > PARAGRAPH_GAP_EMS * min(prev[0], box[0]):
                out.append("")
        out.extend(texts)
        if box is not None:
            prev = box
    return "\n".join(out)


def _char_boxes(text: str, textpage: object) -> list[tuple[float, float, float, float] | None]:
    """Loose box (left, bottom, right, top) of every character of the page; None for spaces."""
    import pypdfium2.raw as pdfium_c

    get_box = pdfium_c.FPDFText_GetLooseCharBox
    raw = textpage.raw  # type: ignore[attr-defined]
    rect = pdfium_c.FS_RECTF()
    boxes: list[tuple[float, float, float, float] | None] = []
    for i, ch in enumerate(text):
        if ch.isspace() or not get_box(raw, i, rect):
            boxes.append(None)
        else:
            boxes.append((rect.left, rect.bottom, rect.right, rect.top))
    return boxes


def _line_spans(text: str) -> list[tuple[int, str]]:
    """The lines of the page text, each with the index of its first character."""
    spans: list[tuple[int, str]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, line))
        start += len(line) + 1
    return spans


def _read_line(
    number: int,
    at: int,
    chars: str,
    boxes: list[tuple[float, float, float, float] | None],
) -> PdfLine:
    """One pdfium line (``chars``, from index ``at`` of the page text): its text with tabs at
    wide gaps, and its fragments with their boxes."""
    out: list[str] = []
    fragments: list[Fragment] = []
    start = 0  # index in ``out`` where the open fragment's text starts
    x0 = x1 = bottom = top = 0.0  # box of the open fragment
    ems: list[float] = []  # character heights of the open fragment; empty: none open
    word_x1: float | None = None
    prev_right: float | None = None

    def close() -> None:
        text = "".join(out[start:]).strip()
        if text:
            em = sorted(ems)[len(ems) // 2]
            word = x1 if word_x1 is None else word_x1
            fragments.append(Fragment(text, x0, x1, bottom, top, em, number, word))

    for i, ch in enumerate(chars, at):
        box = boxes[i]
        if box is None:
            if ch != "\r":
                out.append(ch)
            if ems and word_x1 is None and ch.isspace():
                word_x1 = prev_right
            continue
        left, low, right, high = box
        em = max(high - low, 1.0)
        if prev_right is not None and left - prev_right > CELL_GAP_EMS * em:
            while out and out[-1] in " \t":
                out.pop()
            if _NUMBER_CELL.fullmatch("".join(out).strip()):
                out.append(" ")
            else:
                close()
                out.append("\t")
                start, ems, word_x1 = len(out), [], None
        if not ems:
            x0, x1, bottom, top = left, right, low, high
        else:
            if left < x0:
                x0 = left
            if right > x1:
                x1 = right
            if low < bottom:
                bottom = low
            if high > top:
                top = high
        out.append(ch)
        ems.append(em)
        prev_right = right
    if ems:
        close()
    return PdfLine("".join(out), fragments)


# ---------------------------------------------------------------------------------------------
# Tables


def _tables(
    lines: list[PdfLine], width: float | None = None
) -> dict[int, tuple[list[str], tuple[float, float, float], set[int]]]:
    """Rebuilt tables by the index of their first line: (row texts, box, lines replaced)."""
    fragments = [f for line in lines for f in line.fragments]
    if len(fragments) < 3:
        return {}
    groups = _groups(_runs(fragments))
    if not any(g.row for g in groups):
        return {}
    right_margin = max(f.x1 for f in fragments)
    if width is not None:
        right_margin = max(right_margin, width - min(f.x0 for f in fragments))
    tables: dict[int, tuple[list[str], tuple[float, float, float], set[int]]] = {}
    for table in _table_groups(groups):
        used = {f.line for g in table for f in g.fragments}
        inside = {id(f) for g in table for f in g.fragments}
        if any(id(f) not in inside for n in used for f in lines[n].fragments):
            continue  # a line shared with text outside the table: leave the page as it is
        columns = _columns([f for g in table if g.row for f in g.fragments])
        rows = [text for g in table for text in _row_texts(g, columns, right_margin)]
        frags = [f for g in table for f in g.fragments]
        ems = sorted(f.em for f in frags)
        box = (ems[len(ems) // 2], min(f.bottom for f in frags), max(f.top for f in frags))
        tables[min(used)] = (rows, box, used)
    return tables


def _runs(fragments: list[Fragment]) -> list[_Run]:
    """Fragments in pdfium's order grouped into runs of stacked lines.

    A fragment continues the run of the fragment before it when it is the next line down
    (no paragraph gap between them), in about the same size, overlapping it horizontally.
    """
    runs: list[_Run] = []
    for frag in fragments:
        if runs:
            last = runs[-1].fragments[-1]
            em = min(frag.em, last.em)
            if (
                frag.line != last.line
                and max(frag.em, last.em) <= _SAME_SIZE * em
                and last.middle - frag.middle >= _MIN_PITCH_EMS * em
                and last.bottom - frag.top <= PARAGRAPH_GAP_EMS * em
                and frag.x0 < last.x1
                and frag.x1 > last.x0
            ):
                runs[-1].fragments.append(frag)
                continue
        runs.append(_Run([frag]))
    return runs


def _groups(runs: list[_Run]) -> list[_Group]:
    """Runs grouped by vertical overlap, top of the page first; table rows marked."""
    groups: list[_Group] = []
    for run in sorted(runs, key=lambda r: -r.top):
        em = run.fragments[0].em
        if groups and run.top > groups[-1].bottom + _ROW_OVERLAP_EMS * em:
            group = groups[-1]
            group.runs.append(run)
            group.bottom = min(group.bottom, run.bottom)
        else:
            groups.append(_Group([run], run.top, run.bottom, em))
    for group in groups:
        group.row = _is_row(group.runs)
    return groups


def _is_row(runs: list[_Run]) -> bool:
    """Side-by-side runs (none overlapping another horizontally), one over several lines."""
    if len(runs) < 2 or all(len(r.fragments) == 1 for r in runs):
        return False
    spans = sorted((r.x0, r.x1) for r in runs)
    return all(a[1] <= b[0] for a, b in pairwise(spans))


def _table_groups(groups: list[_Group]) -> list[list[_Group]]:
    """Consecutive table rows, with neighbouring rows whose cells fall into their columns."""
    tables: list[list[_Group]] = []
    n = floor = 0
    while n < len(groups):
        if not groups[n].row:
            n += 1
            continue
        start = n
        while n + 1 < len(groups) and groups[n + 1].row:
            n += 1
        end = n
        columns = _columns([f for g in groups[start : end + 1] for f in g.fragments])
        while start > floor and _fits(groups[start - 1], groups[start], columns):
            start -= 1
        while end + 1 < len(groups) and _fits(groups[end + 1], groups[end], columns):
            end += 1
            while end + 1 < len(groups) and groups[end + 1].row:
                end += 1
        if len(columns) > 1:
            tables.append(groups[start : end + 1])
        n = floor = end + 1
    return tables


def _columns(fragments: list[Fragment]) -> list[tuple[float, float]]:
    """Column spans of a table: the horizontal extents of its fragments, merged."""
    spans = sorted((f.x0, f.x1, f.em) for f in fragments)
    columns: list[list[float]] = []
    for x0, x1, em in spans:
        if columns and x0 - columns[-1][1] < _COLUMN_GAP_EMS * em:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return [(c[0], c[1]) for c in columns]


def _fits(group: _Group, beside: _Group, columns: list[tuple[float, float]]) -> bool:
    """True when ``group`` (next to ``beside``) is a row of the table with these columns."""
    gap = max(beside.bottom - group.top, group.bottom - beside.top)
    if gap > _NEIGHBOUR_GAP_EMS * group.em:
        return False
    used: set[int] = set()
    for frag in group.fragments:
        column = _column_of(frag, columns)
        if column is None:
            return False
        used.add(column)
    return group.row or len(used) > 1 or (len(used) == 1 and 0 not in used)


def _column_of(frag: Fragment, columns: list[tuple[float, float]]) -> int | None:
    """The column a fragment lies in (between the middles of the gutters on either side),
    None when it crosses a gutter."""
    for n in range(len(columns)):
        left = (columns[n - 1][1] + columns[n][0]) / 2 if n else float("-inf")
        right = (columns[n][1] + columns[n + 1][0]) / 2 if n + 1 < len(columns) else float("inf")
        if left <= frag.x0 and frag.x1 <= right:
            return n
    return None


def _row_texts(group: _Group, columns: list[tuple[float, float]], right_margin: float) -> list[str]:
    """A table row as tab-separated cells; cells printed as aligned lists give one row a line."""
    if _aligned_lists(group, columns, right_margin):
        lines: list[list[Fragment]] = []
        for frag in sorted(group.fragments, key=lambda f: -f.middle):
            if lines and lines[-1][0].middle - frag.middle < _MIN_PITCH_EMS * frag.em:
                lines[-1].append(frag)
            else:
                lines.append([frag])
        return [_cells(line, columns) for line in lines]
    return [_cells(group.fragments, columns)]


def _cells(fragments: list[Fragment], columns: list[tuple[float, float]]) -> str:
    cells: list[list[Fragment]] = [[] for _ in columns]
    for frag in fragments:
        cells[_nearest_column(frag, columns)].append(frag)
    return "\t".join(_join_cell(sorted(c, key=lambda f: (-f.middle, f.x0))) for c in cells)


def _nearest_column(frag: Fragment, columns: list[tuple[float, float]]) -> int:
    column = _column_of(frag, columns)
    if column is not None:
        return column
    return max(
        range(len(columns)),
        key=lambda n: min(frag.x1, columns[n][1]) - max(frag.x0, columns[n][0]),
    )


def _join_cell(fragments: list[Fragment]) -> str:
    """A cell's lines joined with spaces; a word hyphenated over a line end stays joined."""
    text = ""
    for frag in fragments:
        if not text:
            text = frag.text
        elif _HYPHENATED.search(text) or frag.text.startswith("."):
            text += frag.text
        else:
            text = f"{text} {frag.text}"
    return text


def _aligned_lists(group: _Group, columns: list[tuple[float, float]], right_margin: float) -> bool:
    """True when every cell of the row is a list of short lines, one entry a line.

    Two columns of names printed side by side look like one row whose cells run over several
    lines. They are lists when no line break is a wrap (the next line's first word would have
    fitted on the line above) and the cells hold about as many lines each.
    """
    runs = group.runs
    if len(runs) < 2 or any(len(r.fragments) < 2 for r in runs):
        return False
    counts = [len(r.fragments) for r in runs]
    if max(counts) - min(counts) > 1:
        return False
    for run in runs:
        column = _nearest_column(run.fragments[0], columns)
        limit = columns[column + 1][0] if column + 1 < len(columns) else right_margin
        for upper, lower in pairwise(run.fragments):
            word = lower.word_x1 - lower.x0
            if upper.x1 + 0.3 * upper.em + word > limit - upper.em:
                return False
    return True
