"""Tables ruled into cells: rows and cells read from the table's rules, not from gaps.

A table whose cells are bordered (Word, ModernGov, LibreOffice, a browser printing HTML) is
drawn with a vertical rule between every two cells of a row and a horizontal rule between rows.
With tight cell padding the gap between two cells' text is narrower than a cell gap, and pdfium
joins text of several cells on one baseline into one line, so gaps and reading order
(:mod:`pdf_layout`) cannot tell the cells apart; the rules can.

The rules that touch one another make a *grid*: its horizontal rules and the ends of its
vertical ones cut it into bands (rows), its vertical rules into columns. A slot (band x column)
joins the slot beside it where no vertical rule separates them in that band (a cell spanning
columns) and the slot below where no horizontal rule separates them in that column (a cell
spanning rows). Every character is put into the cell its box's centre falls in (a word whose
ends are in one cell, whole: :meth:`_Grid.read`); a cell's text is its characters in reading
order, its lines top to bottom joined with spaces. Each band is one
line of tab-separated cells (an empty field under a cell spanning rows). A row that a page break
cuts has no rule at the cut: the ends of the vertical rules bound it, and it stays a row of its
own on each page, as the seeds' text prints it.

Only grids with a vertical rule inside them (two columns or more) are tables: a box around
paragraphs ("Date: 4 May" / "Venue: Oak Room") keeps its lines. A grid of one band whose cells
are all blank across some paragraph gap is ruled into columns only: its rows are not ruled
apart, and it is left to :mod:`pdf_layout` as well. A page without vertical rules costs nothing
here.
"""

from __future__ import annotations

import ctypes
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from minutebook.parsing.pdf_chars import (
    Fragment,
    PageLines,
    PdfLine,
    Rule,
    _fetch,
    _handle,
    _path_objects,
    _pdfium,
)

logger = logging.getLogger(__name__)

# Paths thinner than this (points) and at least _MIN_RULE long are rules; pieces of one rule
# (a border drawn cell by cell) are joined across gaps up to _RULE_JOIN (as in pdf_chars).
_RULE_THICKNESS = 2.0
_MIN_RULE = 10.0
_RULE_JOIN = 2.0
# A piece of a vertical border at least this long (a row of small text is under _MIN_RULE).
_MIN_PIECE = 4.0
# A path of at most this many segments is a box; its sides are rules when it is stroked.
_BOX_SEGMENTS = 6
# Rules this close (points) are one edge of the grid (a border drawn twice, a stroke's width).
_SNAP = 2.5
# A vertical gap wider than this many character heights between lines is a paragraph break.
_PARAGRAPH_GAP = 0.45
# Characters whose centres are this many of their heights apart vertically are on two lines.
_LINE_PITCH = 0.4
# A gap wider than this many character heights, with no space in the text, separates words.
_WORD_GAP = 0.2
# Words of pdfium's text: runs of characters between spaces.
_TOKEN = re.compile(r"\S+")
# A cell's line ending in a hyphenated word continues that word on the next line, and so does
# one ending in a slash ("Action/" / "Outcome": lines break after a slash, not after "/ ").
_JOINED = re.compile(r"[A-Za-z]-$|\w/$")


class _Pieces:
    """Cells' pieces of text, made from characters or words added in reading order: a piece
    grows while they stay in one cell on one baseline."""

    def __init__(self, count: int) -> None:
        self.cells: list[list[_Piece]] = [[] for _ in range(count)]
        self.text: list[str] = []
        self.open: tuple[int, float, float, float] | None = None  # cell, centre, height, left

    def add(
        self, cell: int, middle: float, height: float, x0: float, x1: float, text: str, space: bool
    ) -> None:
        """Text in ``cell`` with its box; ``space``: a space or a word gap before it."""
        at = self.open
        if (
            at is not None
            and at[0] == cell
            and abs(middle - at[1]) < _LINE_PITCH * max(height, at[2])
        ):
            if space:
                self.text.append(" ")
        else:
            self.close()
            self.open = (cell, middle, height, x0)
        self.text.append(text)

    def close(self) -> None:
        """Ends the open piece (at the end of a pdfium line)."""
        if self.open is not None:
            cell, middle, height, x0 = self.open
            self.cells[cell].append(_Piece(middle, height, x0, "".join(self.text)))
        self.text, self.open = [], None


class _Piece(NamedTuple):
    """Characters of a pdfium line in one cell on one baseline: centre height, character
    height, left edge and text."""

    middle: float
    height: float
    x0: float
    text: str


@dataclass(frozen=True)
class VRule:
    """A vertical line drawn on the page (a cell border): position and vertical extent."""

    x: float
    y0: float
    y1: float


def vertical_rules(page: object) -> list[VRule]:
    """The vertical lines of a page: thin path objects and the sides of small stroked boxes
    (cell borders), collinear pieces joined."""
    get_bounds = _pdfium("FPDFPageObj_GetBounds", ctypes.c_int, *[ctypes.c_void_p] * 5)
    count_segments = _pdfium("FPDFPath_CountSegments", ctypes.c_int, ctypes.c_void_p)
    draw_mode = _pdfium("FPDFPath_GetDrawMode", ctypes.c_int, *[ctypes.c_void_p] * 3)
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top
    base = ctypes.addressof(bounds)
    out = (base, base + 4, base + 8, base + 12)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    modes = (ctypes.addressof(fill), ctypes.addressof(stroke))
    pieces: list[tuple[float, float, float]] = []
    for obj in _path_objects(_handle(page)):
        if not get_bounds(obj, *out):
            raise RuntimeError("a path object of the page has no bounds")
        x0, y0, x1, y1 = bounds
        if y1 - y0 < _MIN_PIECE:
            continue
        if x1 - x0 <= _RULE_THICKNESS:
            pieces.append(((x0 + x1) / 2, y0, y1))
        elif (
            y1 - y0 >= _MIN_RULE
            and 0 < count_segments(obj) <= _BOX_SEGMENTS
            and draw_mode(obj, *modes)
            and stroke.value
        ):
            pieces += [(x0, y0, y1), (x1, y0, y1)]
    # pieces within a rule's thickness of the one before are at one position
    lines: list[list[tuple[float, float, float]]] = []
    for piece in sorted(pieces):
        if lines and piece[0] - lines[-1][-1][0] <= _RULE_THICKNESS:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    rules: list[VRule] = []
    for line in lines:
        x = line[0][0]
        start = len(rules)
        for _, y0, y1 in sorted(line, key=lambda p: p[1]):
            last = rules[-1] if len(rules) > start else None
            if last and y0 <= last.y1 + _RULE_JOIN:
                rules[-1] = VRule(x, last.y0, max(last.y1, y1))
            else:
                rules.append(VRule(x, y0, y1))
    return [r for r in rules if r.y1 - r.y0 >= _MIN_RULE]


# Rebuilt tables by the index of their first line: (row texts, (em, bottom, top), lines used),
# as pdf_layout's.
Tables = dict[int, tuple[list[str], tuple[float, float, float], set[int]]]


def ruled_tables(
    page: PageLines, text: str, textpage: object, rules: list[Rule], verticals: list[VRule]
) -> Tables:
    """The page's tables ruled into cells, each as one line of tab-separated cells a row.

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``;
    ``rules`` and ``verticals`` its horizontal and vertical lines. A table sharing a pdfium
    line with text outside it is left to :mod:`pdf_layout`.
    """
    if page.turned or not rules or not verticals:
        return {}
    try:
        return _ruled_tables(page, text, textpage, rules, verticals)
    except Exception:  # a layout heuristic must never cost the page its other tables
        logger.exception("ruled table rebuild failed; leaving the page to pdf_layout")
        return {}


def _ruled_tables(
    page: PageLines, text: str, textpage: object, rules: list[Rule], verticals: list[VRule]
) -> Tables:
    grids = [g for g in map(_Grid.make, _connected(rules, verticals)) if g is not None]
    if not grids:
        return {}
    starts = [0]
    for chars in text.split("\n"):
        starts.append(starts[-1] + len(chars) + 1)
    lines = text.split("\n")
    handle = _handle(textpage)
    tables: Tables = {}
    taken: set[int] = set()
    for grid in grids:
        used = [
            n
            for n, line in enumerate(page.lines)
            if n not in taken and any(grid.overlaps(f) for f in line.fragments)
        ]
        if not used:
            continue
        cells = grid.read(used, lines, starts, handle)
        if cells is None or (len(grid.levels) == 2 and _blank_across(cells)):
            continue
        rows = grid.rows(cells)
        if not rows:
            continue
        taken.update(used)
        fragments = [f for n in used for f in page.lines[n].fragments]
        ems = sorted(f.em for f in fragments)
        box = (
            ems[len(ems) // 2],
            min(f.bottom for f in fragments),
            max(f.top for f in fragments),
        )
        tables[min(used)] = (rows, box, set(used))
    return tables


def _blank_across(cells: list[list[_Piece]]) -> bool:
    """True when a paragraph gap runs across all the cells: rows that are not ruled apart (a
    table ruled into columns only), which a grid of one band cannot tell apart."""
    spans = sorted(
        ((p.middle + p.height / 2, p.middle - p.height / 2, p.height) for c in cells for p in c),
        reverse=True,
    )
    low = spans[0][1] if spans else 0.0
    for top, bottom, height in spans[1:]:
        if low - top > _PARAGRAPH_GAP * height:
            return True
        low = min(low, bottom)
    return False


def without(page: PageLines, tables: Tables) -> PageLines:
    """The page with the lines of these tables emptied of fragments (left to the tables)."""
    used = set().union(*(t[2] for t in tables.values()))
    lines = [PdfLine(line.text, []) if n in used else line for n, line in enumerate(page.lines)]
    return page._replace(lines=lines)


def _connected(rules: list[Rule], verticals: list[VRule]) -> list[tuple[list[Rule], list[VRule]]]:
    """The rules in sets that touch one another (each set with a vertical rule)."""
    parent = list(range(len(rules) + len(verticals)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for v, up in enumerate(verticals, len(rules)):
        for h, rule in enumerate(rules):
            if (
                rule.x0 - _SNAP <= up.x <= rule.x1 + _SNAP
                and up.y0 - _SNAP <= rule.y <= up.y1 + _SNAP
            ):
                parent[find(h)] = find(v)
    sets: dict[int, tuple[list[Rule], list[VRule]]] = {}
    for v, up in enumerate(verticals, len(rules)):
        sets.setdefault(find(v), ([], []))[1].append(up)
    for h, rule in enumerate(rules):
        if find(h) in sets:
            sets[find(h)][0].append(rule)
    return [s for s in sets.values() if s[0]]


def _snapped(values: list[float]) -> list[float]:
    """Sorted values with those within _SNAP of the one before dropped."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


@dataclass(eq=False)
class _Grid:
    """The rules of one table: its bands (between ``levels``, top first) and columns (between
    ``edges``, left first), and which slots each cell of the table takes."""

    levels: list[float]  # heights of the row boundaries, descending
    edges: list[float]  # positions of the column boundaries, ascending
    cell: list[list[int]]  # the cell of each slot: cell[band][column]
    count: int  # number of cells
    rising: list[float] = field(init=False)  # the levels, ascending

    def __post_init__(self) -> None:
        self.rising = self.levels[::-1]

    @classmethod
    def make(cls, rules_set: tuple[list[Rule], list[VRule]]) -> _Grid | None:
        rules, verticals = rules_set
        left = min(min(r.x0 for r in rules), min(v.x for v in verticals))
        right = max(max(r.x1 for r in rules), max(v.x for v in verticals))
        top = max(max(r.y for r in rules), max(v.y1 for v in verticals))
        bottom = min(min(r.y for r in rules), min(v.y0 for v in verticals))
        inner = [v.x for v in verticals if left + _SNAP < v.x < right - _SNAP]
        if not inner:
            return None  # a box, not a table: no rule between two columns
        edges = _snapped([left, right, *inner])
        levels = _snapped([top, bottom, *(r.y for r in rules)])[::-1]
        bands, columns = len(levels) - 1, len(edges) - 1
        if bands < 1:
            return None
        parent = list(range(bands * columns))

        def find(k: int) -> int:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for b in range(bands):
            middle = (levels[b] + levels[b + 1]) / 2
            for c in range(1, columns):
                x = edges[c]
                if not any(abs(v.x - x) <= _SNAP and v.y0 <= middle <= v.y1 for v in verticals):
                    parent[find(b * columns + c)] = find(b * columns + c - 1)
        for b in range(1, bands):
            y = levels[b]
            for c in range(columns):
                middle = (edges[c] + edges[c + 1]) / 2
                if not any(abs(r.y - y) <= _SNAP and r.x0 <= middle <= r.x1 for r in rules):
                    parent[find(b * columns + c)] = find((b - 1) * columns + c)
        numbers: dict[int, int] = {}
        cell = [
            [numbers.setdefault(find(b * columns + c), len(numbers)) for c in range(columns)]
            for b in range(bands)
        ]
        return cls(levels, edges, cell, len(numbers))

    def overlaps(self, frag: Fragment) -> bool:
        """True when the fragment reaches into the grid."""
        return (
            self.levels[-1] < frag.middle < self.levels[0]
            and frag.x0 < self.edges[-1]
            and frag.x1 > self.edges[0]
        )

    def _cell_at(self, x0: float, y0: float, x1: float, y1: float) -> int | None:
        """The cell a character's box (its centre) is in, or None outside the grid."""
        x, y = (x0 + x1) / 2, (y0 + y1) / 2
        if not (self.edges[0] < x < self.edges[-1] and self.rising[0] < y < self.rising[-1]):
            return None
        band = len(self.rising) - 1 - bisect_right(self.rising, y)
        return self.cell[band][bisect_right(self.edges, x) - 1]

    def read(
        self, used: list[int], lines: list[str], starts: list[int], handle: int
    ) -> list[list[_Piece]] | None:
        """Each cell's pieces of text; None when a line has characters outside the grid.

        A word (characters between spaces) whose first and last characters are in one cell on
        one baseline is in that cell whole: only the boxes of words' ends are read, as
        :mod:`pdf_chars` reads a page. Other words (a word running over a rule, where no space
        separates two cells) are read character by character."""
        tokens = [
            (n, starts[n] + m.start(), m.group()) for n in used for m in _TOKEN.finditer(lines[n])
        ]
        ends = [k for _, at, word in tokens for k in (at, at + len(word) - 1)]
        found, left, bottom, right, top = _fetch(handle, ends)
        pieces = _Pieces(self.count)
        line = -1
        for k, (n, at, word) in enumerate(tokens):
            if n != line:
                pieces.close()
                line = n
            a, b = 2 * k, 2 * k + 1
            if found[a] and found[b]:
                first = self._cell_at(left[a], bottom[a], right[a], top[a])
                middle, height = (bottom[a] + top[a]) / 2, max(top[a] - bottom[a], 1.0)
                low, high = (bottom[b] + top[b]) / 2, max(top[b] - bottom[b], 1.0)
                if (
                    first is not None
                    and first == self._cell_at(left[b], bottom[b], right[b], top[b])
                    and abs(middle - low) < _LINE_PITCH * max(height, high)
                ):
                    pieces.add(first, middle, max(height, high), left[a], right[b], word, True)
                    continue
            if not self._read_chars(pieces, handle, at, word):
                return None
        pieces.close()
        return pieces.cells

    def _read_chars(self, pieces: _Pieces, handle: int, at: int, word: str) -> bool:
        """Word ``word`` (from index ``at`` of the page text) added character by character;
        False when a character is outside the grid."""
        found, left, bottom, right, top = _fetch(handle, list(range(at, at + len(word))))
        space = True  # a word starts after a space
        prev_right = 0.0
        for ch, ok, x0, y0, x1, y1 in zip(word, found, left, bottom, right, top, strict=True):
            if not ok:
                continue  # a character pdfium has no box for
            cell = self._cell_at(x0, y0, x1, y1)
            if cell is None:
                return False
            height = max(y1 - y0, 1.0)
            space = space or x0 - prev_right > _WORD_GAP * height
            pieces.add(cell, (y0 + y1) / 2, height, x0, x1, ch, space)
            space, prev_right = False, x1
        return True

    def rows(self, cells: list[list[_Piece]]) -> list[str]:
        """The table's rows: a line of tab-separated cells a band that starts a cell holding
        text; an empty field where a cell from a band above spans this one."""
        texts = [_cell_text(pieces) for pieces in cells]
        first: dict[int, int] = {}
        for b, band in enumerate(self.cell):
            for c in band:
                first.setdefault(c, b)
        rows = []
        for b, band in enumerate(self.cell):
            fields = [
                texts[c] if first[c] == b else ""
                for k, c in enumerate(band)
                if k == 0 or band[k - 1] != c
            ]
            if any(fields):
                rows.append("\t".join(fields))
        return rows


def _cell_text(pieces: list[_Piece]) -> str:
    """A cell's pieces in reading order: lines top to bottom (pieces on one line left to right),
    joined with spaces; a word hyphenated or cut after a slash over a line end stays joined."""
    lines: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-p.middle, p.x0)):
        first = lines[-1][0] if lines else None
        if first and first.middle - piece.middle < _LINE_PITCH * max(piece.height, first.height):
            lines[-1].append(piece)
        else:
            lines.append([piece])
    out = ""
    for line in lines:
        text = " ".join(" ".join(p.text.split()) for p in sorted(line, key=lambda p: p.x0))
        if not text:
            continue
        if not out:
            out = text
        elif _JOINED.search(out) or text.startswith("."):
            out += text
        else:
            out = f"{out} {text}"
    return out
