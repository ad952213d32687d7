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

import ctypes
import functools
import logging
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, filterfalse, pairwise, repeat
from operator import sub
from typing import NamedTuple

logger = logging.getLogger(__name__)

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
# A table's text starts within this many ems of the rule above it and ends as near the rule below.
_BAND_SLACK_EMS = 2.0
# Points by which a rule may overlap the loose box of the text it is under or over.
_RULE_TOLERANCE = 1.0
# Lines thinner than this (points) and at least _MIN_RULE long are rules; segments of one rule
# (a border drawn cell by cell) are joined across gaps up to _RULE_JOIN.
_RULE_THICKNESS = 2.0
_MIN_RULE = 10.0
_RULE_JOIN = 2.0
# A path of at most this many segments is a box (a cell's border or shading): its top and
# bottom edges are rules.
_BOX_SEGMENTS = 6
# A table row next to a table joins it only across a vertical gap of at most this many ems.
_NEIGHBOUR_GAP_EMS = 3.0
# A line ending in a hyphenated word, or the next starting with a dot ("j.smith@kent" /
# ".gov.uk"), continues the same word.
_HYPHENATED = re.compile(r"[A-Za-z]-$")
# Pairs of neighbouring characters that settle which way a page's text reads.
_DIRECTION_VOTES = 200
# Characters further apart than this many ems (with no space between them) are two words.
_WORD_GAP_EMS = 0.2


@dataclass(frozen=True)
class Rule:
    """A horizontal line drawn on the page (a table border): height and horizontal extent."""

    y: float
    x0: float
    x1: float


class Word(NamedTuple):
    """A run of characters without a space, and its horizontal extent (a tuple: a page has
    thousands, made twice as fast as a frozen dataclass)."""

    text: str
    x0: float
    x1: float


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
    words: list[Word]

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
    def x0(self) -> float:
        return min(run.x0 for run in self.runs)

    @property
    def x1(self) -> float:
        return max(run.x1 for run in self.runs)

    @property
    def loose_top(self) -> float:
        return max(f.top for f in self.fragments)

    @property
    def loose_bottom(self) -> float:
        return min(f.bottom for f in self.fragments)

    @property
    def fragments(self) -> list[Fragment]:
        return [f for run in self.runs for f in run.fragments]


# ---------------------------------------------------------------------------------------------
# Characters to lines and fragments


def page_text(
    text: str,
    textpage: object,
    width: float | None = None,
    rules: list[Rule] | None = None,
) -> str:
    """The page's text with table rows rebuilt, tabs between cells and blank paragraph gaps.

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``;
    ``width`` the page's width (the right margin is taken to mirror the left one); ``rules``
    its horizontal lines (:func:`page_rules`), which mark the rows of a ruled table.
    """
    boxes = _char_boxes(text, textpage)
    if _upright(text, boxes):
        width, rules = None, None  # the page's frame is not the frame of the turned text
    lines = _read_lines(text, boxes)
    try:
        tables = _tables(lines, width, rules or [])
    except Exception:  # a layout heuristic must never cost the page its text
        logger.exception("table rebuild failed; keeping pdfium's reading order")
        tables = {}
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


@dataclass(eq=False)
class _Boxes:
    """The loose boxes of a page's characters that have one (not spaces), in text order."""

    at: list[int]  # index of each character in the page text
    left: list[float]
    bottom: list[float]
    right: list[float]
    top: list[float]


@functools.cache
def _loose_char_box() -> Callable[[int, int, int], int]:
    """pdfium's FPDFText_GetLooseCharBox taking plain integers (text page handle, character
    index, address of an FS_RECTF): about half the call cost of the checked binding."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    prototype = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    return prototype(address)


def _char_boxes(text: str, textpage: object) -> _Boxes:
    """Loose box of every character of the page but spaces, fetched into one buffer."""
    at = list(filterfalse(list(map(str.isspace, text)).__getitem__, range(len(text))))
    n = len(at)
    buffer = (ctypes.c_float * (4 * n))()  # n FS_RECTF: left, top, right, bottom
    base = ctypes.addressof(buffer)
    handle = ctypes.cast(textpage.raw, ctypes.c_void_p).value  # type: ignore[attr-defined]
    found = list(map(_loose_char_box(), repeat(handle, n), at, range(base, base + 16 * n, 16)))
    floats = buffer[:]
    left, top, right, bottom = floats[0::4], floats[1::4], floats[2::4], floats[3::4]
    if not all(found):  # a character pdfium has no box for is read like a space
        at, left, bottom, right, top = (
            list(compress(values, found)) for values in (at, left, bottom, right, top)
        )
    return _Boxes(at, left, bottom, right, top)


def page_rules(page: object) -> list[Rule]:
    """The horizontal lines of a page: thin path objects, and the top and bottom edges of
    small boxes (cell borders and shading), collinear pieces joined."""
    import pypdfium2.raw as pdfium_c

    pieces: list[tuple[float, float, float]] = []
    for obj in _path_objects(page.raw):  # type: ignore[attr-defined]
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *_BOUNDS):
            raise RuntimeError("a path object of the page has no bounds")
        x0, y0, x1, y1 = (value.value for value in _BOUNDS)
        if x1 - x0 < _MIN_RULE:
            continue
        if y1 - y0 <= _RULE_THICKNESS:
            pieces.append(((y0 + y1) / 2, x0, x1))
        elif 0 < pdfium_c.FPDFPath_CountSegments(obj) <= _BOX_SEGMENTS:
            pieces += [(y0, x0, x1), (y1, x0, x1)]
    rules: list[Rule] = []
    for y, x0, x1 in sorted(pieces, key=lambda p: (round(p[0]), p[1])):
        last = rules[-1] if rules else None
        if last and abs(last.y - y) <= _RULE_THICKNESS and x0 <= last.x1 + _RULE_JOIN:
            rules[-1] = Rule(last.y, last.x0, max(last.x1, x1))
        else:
            rules.append(Rule(y, x0, x1))
    return rules


# Out-parameters of FPDFPageObj_GetBounds: left, bottom, right, top.
_BOUNDS = tuple(ctypes.c_float() for _ in range(4))
# Form XObjects nested deeper than this are not looked into for rules.
_FORM_DEPTH = 2


def _path_objects(parent: object, form: bool = False, level: int = 0) -> Iterator[object]:
    """The raw path objects of a page (or of a form XObject on it), in drawing order, with
    those of the forms it draws: pdfium's raw calls, without a wrapper object for each."""
    import pypdfium2.raw as pdfium_c

    if form:
        count, get = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
    else:
        count, get = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    total = count(parent)
    if total < 0:
        raise RuntimeError("cannot count the objects of the page")
    for index in range(total):
        obj = get(parent, index)
        if not obj:
            raise RuntimeError("cannot read an object of the page")
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < _FORM_DEPTH:
            yield from _path_objects(obj, True, level + 1)


def _upright(text: str, boxes: _Boxes) -> bool:
    """Turn the boxes so that text reads left to right (a landscape page printed turned, or
    text drawn rotated); True when they were turned."""
    votes = {"+x": 0, "-x": 0, "+y": 0, "-y": 0}
    at, left, bottom, right, top = boxes.at, boxes.left, boxes.bottom, boxes.right, boxes.top
    for k in range(1, len(at)):
        if "\n" in text[at[k - 1] : at[k]]:
            continue  # neighbours on one line only
        dx = (left[k] + right[k] - left[k - 1] - right[k - 1]) / 2
        dy = (bottom[k] + top[k] - bottom[k - 1] - top[k - 1]) / 2
        if abs(dx) >= abs(dy):
            votes["+x" if dx > 0 else "-x"] += 1
        else:
            votes["+y" if dy > 0 else "-y"] += 1
        if max(votes.values()) >= _DIRECTION_VOTES:
            break  # a clear majority: enough of the page read
    direction = max(votes, key=lambda k: votes[k])
    if direction == "+x" or votes[direction] <= votes["+x"]:
        return False
    # boxes are (left, bottom, right, top); each turn maps them to the upright page
    turn = {
        "+y": lambda x0, y0, x1, y1: (y0, -x1, y1, -x0),
        "-y": lambda x0, y0, x1, y1: (-y1, x0, -y0, x1),
        "-x": lambda x0, y0, x1, y1: (-x1, -y1, -x0, -y0),
    }[direction]
    if at:
        turned = [turn(*box) for box in zip(left, bottom, right, top, strict=True)]
        boxes.left, boxes.bottom, boxes.right, boxes.top = (
            list(v) for v in zip(*turned, strict=True)
        )
    return True


def _read_lines(text: str, boxes: _Boxes) -> list[PdfLine]:
    """The page's pdfium lines read with their boxes (see :func:`_read_line`).

    Most lines are plain text: no gap wider than a word gap between characters except at
    spaces. Such a line is one fragment whose words are its space-separated tokens, read from
    slices of the boxes; the rest go through the character-by-character reading.
    """
    at, left, bottom, right, top = boxes.at, boxes.left, boxes.bottom, boxes.right, boxes.top
    # text positions of characters after a gap that a space does not account for (a gap
    # between words with no space, or a cell gap): their lines need the careful reading
    # (gaps wider than a word gap are wider than _WORD_GAP_EMS points: boxes are an em high
    # or more; that cheap test leaves about one pair of characters a word to look at)
    careful = []
    gaps = list(map(sub, left[1:], right))
    for k in compress(count(1), map(_WORD_GAP_EMS.__lt__, gaps)):
        gap, em = gaps[k - 1], max(top[k] - bottom[k], 1.0)
        if gap > _WORD_GAP_EMS * em and (at[k] - at[k - 1] == 1 or gap > CELL_GAP_EMS * em):
            careful.append(at[k])
    lines: list[PdfLine] = []
    start = first = 0
    for number, chars in enumerate(text.split("\n")):
        end = start + len(chars)
        last = bisect_left(at, end, first)  # the line's boxed characters: at[first:last]
        tokens = chars.split()
        hit = bisect_left(careful, start)
        if (hit < len(careful) and careful[hit] < end) or last - first != sum(map(len, tokens)):
            line_boxes: list[tuple[float, float, float, float] | None] = [None] * len(chars)
            for k in range(first, last):
                line_boxes[at[k] - start] = (left[k], bottom[k], right[k], top[k])
            lines.append(_read_line(number, 0, chars, line_boxes))
        elif first == last:
            lines.append(PdfLine(chars.replace("\r", "")))
        else:
            # token n is the boxed characters ends[n] + 1 to ends[n + 1]
            ends = list(accumulate(map(len, tokens), initial=first - 1))
            firsts, lasts = map((1).__add__, ends), ends[1:]
            words = list(
                map(Word, tokens, map(left.__getitem__, firsts), map(right.__getitem__, lasts))
            )
            heights = sorted(map(sub, top[first:last], bottom[first:last]))
            em = max(heights[(last - first) // 2], 1.0)
            line_text = chars.replace("\r", "")
            fragment = Fragment(
                line_text.strip(),
                min(left[first:last]),
                max(right[first:last]),
                min(bottom[first:last]),
                max(top[first:last]),
                em,
                number,
                words,
            )
            lines.append(PdfLine(line_text, [fragment]))
        start, first = end + 1, last
    return lines


def _read_line(
    number: int,
    at: int,
    chars: str,
    boxes: list[tuple[float, float, float, float] | None],
) -> PdfLine:
    """One pdfium line (``chars``, from index ``at`` of the page text): its text with tabs at
    wide gaps, and its fragments with their boxes and words."""
    out: list[str] = []
    fragments: list[Fragment] = []
    start = 0  # index in ``out`` where the open fragment's text starts
    x0 = x1 = bottom = top = 0.0  # box of the open fragment
    ems: list[float] = []  # character heights of the open fragment; empty: none open
    words: list[Word] = []  # finished words of the open fragment
    word: list[str] = []  # characters of the open word
    wx0 = wx1 = 0.0
    prev_right: float | None = None

    def end_word() -> None:
        if word:
            words.append(Word("".join(word), wx0, wx1))
            word.clear()

    def close() -> None:
        end_word()
        text = "".join(out[start:]).strip()
        if text and words:
            em = sorted(ems)[len(ems) // 2]
            fragments.append(Fragment(text, x0, x1, bottom, top, em, number, list(words)))

    for i, ch in enumerate(chars, at):
        box = boxes[i]
        if box is None:
            if ch != "\r":
                out.append(ch)
            if ch.isspace():
                end_word()
            continue
        left, low, right, high = box
        em = max(high - low, 1.0)
        if prev_right is not None and left - prev_right > CELL_GAP_EMS * em:
            while out and out[-1] in " \t":
                out.pop()
            if _NUMBER_CELL.fullmatch("".join(out).strip()):
                out.append(" ")
                if word:  # the item number and its title are one word for the columns
                    word.append(" ")
                elif words:
                    item = words.pop()
                    word[:], wx0 = [*item.text, " "], item.x0
            else:
                close()
                out.append("\t")
                start, ems, words = len(out), [], []
        elif prev_right is not None and left - prev_right > _WORD_GAP_EMS * em:
            end_word()  # a gap with no space character in the text
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
        if not word:
            wx0 = left
        word.append(ch)
        wx1 = right
        out.append(ch)
        ems.append(em)
        prev_right = right
    if ems:
        close()
    return PdfLine("".join(out), fragments)


# ---------------------------------------------------------------------------------------------
# Tables


def _tables(
    lines: list[PdfLine], width: float | None = None, rules: list[Rule] | None = None
) -> dict[int, tuple[list[str], tuple[float, float, float], set[int]]]:
    """Rebuilt tables by the index of their first line: (row texts, box, lines replaced)."""
    fragments = [f for line in lines for f in line.fragments]
    if len(fragments) < 3:
        return {}
    groups = _banded(_groups(_runs(fragments)), rules or [])
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
        columns = _columns([g for g in table if g.row])
        rows = [text for g in table for text in _row_texts(g, columns, right_margin)]
        frags = [f for g in table for f in g.fragments]
        ems = sorted(f.em for f in frags)
        box = (ems[len(ems) // 2], min(f.bottom for f in frags), max(f.top for f in frags))
        tables[min(used)] = (rows, box, used)
    return tables


def _runs(fragments: list[Fragment]) -> list[_Run]:
    """Fragments in pdfium's order grouped into runs of stacked lines, top line first.

    A fragment continues the run of the fragment before it when it is the next line down
    (no paragraph gap between them), in about the same size, overlapping it horizontally.
    pdfium reads some pages (those printed turned) bottom line first: a run may also climb,
    one line at a time, but not change direction.
    """
    runs: list[_Run] = []
    climbing = False
    for frag in fragments:
        if runs:
            run = runs[-1].fragments
            last = run[-1]
            em = min(frag.em, last.em)
            down, up = _stacked(last, frag, em), _stacked(frag, last, em)
            if (
                frag.line != last.line
                and max(frag.em, last.em) <= _SAME_SIZE * em
                and frag.x0 < last.x1
                and frag.x1 > last.x0
                and (
                    (down and (len(run) == 1 or not climbing))
                    or (up and (len(run) == 1 or climbing))
                )
            ):
                climbing = up
                run.append(frag)
                continue
        runs.append(_Run([frag]))
    for run in runs:
        run.fragments.sort(key=lambda f: -f.middle)
    return runs


def _stacked(upper: Fragment, lower: Fragment, em: float) -> bool:
    """True when ``lower`` is the line printed next below ``upper`` (no paragraph gap)."""
    return (
        upper.middle - lower.middle >= _MIN_PITCH_EMS * em
        and upper.bottom - lower.top <= PARAGRAPH_GAP_EMS * em
    )


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


def _banded(groups: list[_Group], rules: list[Rule]) -> list[_Group]:
    """Consecutive groups between the same two horizontal rules, with no rule between them,
    merged: the rows of a ruled table, whose cells may hold several paragraphs."""
    if not rules or len(groups) < 2:
        return groups
    bands = [_band(g, rules) for g in groups]
    out: list[_Group] = []
    n = 0
    while n < len(groups):
        end = n
        while end + 1 < len(groups) and bands[end + 1] is not None and bands[end + 1] == bands[n]:
            end += 1
        if end > n:
            merged = _Group(
                [run for g in groups[n : end + 1] for run in g.runs],
                groups[n].top,
                min(g.bottom for g in groups[n : end + 1]),
                groups[n].em,
            )
            above, below = bands[n]  # type: ignore[misc]
            slack = _BAND_SLACK_EMS * merged.em
            near = above - merged.loose_top <= slack and merged.loose_bottom - below <= slack
            if near and _is_band_row(merged.runs):
                merged.row = True
                out.append(merged)
                n = end + 1
                continue
        out.extend(groups[n : end + 1])
        n = end + 1
    return out


def _band(group: _Group, rules: list[Rule]) -> tuple[float, float] | None:
    """Heights of the nearest rules above and below ``group`` that span it, if both exist."""
    x0, x1, tol = group.x0, group.x1, group.em
    spanning = [r for r in rules if r.x0 <= x0 + tol and r.x1 >= x1 - tol]
    above = [r.y for r in spanning if r.y >= group.loose_top - _RULE_TOLERANCE]
    below = [r.y for r in spanning if r.y <= group.loose_bottom + _RULE_TOLERANCE]
    if not above or not below:
        return None
    return min(above), max(below)


def _is_band_row(runs: list[_Run]) -> bool:
    """Runs between two rules in two or more columns (clusters overlapping horizontally), one
    over several lines, drawn cell by cell: a table row whose cells may hold paragraphs.

    Lines drawn across the columns in turn ("Date: 4 March" / "Venue: Oak Room" in a box)
    are not: their columns interleave in pdfium's order."""
    clusters: list[list[float]] = []
    members: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: r.x0):
        if clusters and run.x0 < clusters[-1][1]:
            clusters[-1][1] = max(clusters[-1][1], run.x1)
            members[-1].append(run)
        else:
            clusters.append([run.x0, run.x1])
            members.append([run])
    if len(clusters) < 2 or all(sum(len(r.fragments) for r in m) < 2 for m in members):
        return False
    column = {id(run): n for n, m in enumerate(members) for run in m}
    order = [column[id(r)] for r in sorted(runs, key=lambda r: min(f.line for f in r.fragments))]
    changes = sum(1 for a, b in pairwise(order) if a != b)
    return changes == len(set(order)) - 1  # each column's runs come one after another


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
        columns = _columns(groups[start : end + 1])
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


def _columns(groups: list[_Group]) -> list[float]:
    """Where the columns of a table start: the left edges of its cells (runs), except an edge
    that text of another cell runs across (centred text, a cell wider than the rest).

    Two cells printed close together on one line stay apart: a fragment may cross a column
    edge at a gap of its own at least half an em wide.
    """
    runs = [run for g in groups for run in g.runs]
    lefts = sorted((run.x0, run.fragments[0].em) for run in runs)
    starts: list[float] = []
    for x, em in lefts:
        if not starts or x - starts[-1] > _COLUMN_GAP_EMS * em:
            starts.append(x)
    fragments = [f for g in groups for f in g.fragments]
    return [x for n, x in enumerate(starts) if n == 0 or not any(_crosses(f, x) for f in fragments)]


def _crosses(frag: Fragment, x: float) -> bool:
    """True when running text of ``frag`` crosses position ``x`` (no gap of its own there)."""
    slack = _COLUMN_GAP_EMS * frag.em
    if not frag.x0 < x - slack < frag.x1:
        return False
    return not any(
        a.x1 <= x <= b.x0 + slack and b.x0 - a.x1 >= slack for a, b in pairwise(frag.words)
    )


def _fits(group: _Group, beside: _Group, columns: list[float]) -> bool:
    """True when ``group`` (next to ``beside``) is a row of the table with these columns:
    none of its text runs across a column edge, and it fills more than the first column or
    wraps inside it."""
    gap = max(beside.bottom - group.top, group.bottom - beside.top)
    if gap > _NEIGHBOUR_GAP_EMS * group.em:
        return False
    if any(f.em > _SAME_SIZE * beside.em for f in group.fragments):
        return False  # a heading in a larger size above the table
    used: set[int] = set()
    for frag in group.fragments:
        if any(_crosses(frag, x) for x in columns[1:]):
            return False
        used.update(_column_at(w.x0, columns, frag.em) for w in frag.words)
    if group.row or len(used) > 1 or 0 not in used:
        return True
    # only the first column: a cell wrapped over lines (a heading above the table is not)
    return any(len(run.fragments) > 1 for run in group.runs)


def _column_at(x: float, columns: list[float], em: float) -> int:
    """The column of text starting at ``x``: the last column starting at or before it."""
    slack = _COLUMN_GAP_EMS * em
    return max(0, sum(1 for start in columns if start <= x + slack) - 1)


def _row_texts(group: _Group, columns: list[float], right_margin: float) -> list[str]:
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


def _cells(fragments: list[Fragment], columns: list[float]) -> str:
    """One row's words put into their columns; a cell's lines top to bottom."""
    cells: list[list[tuple[float, float, str]]] = [[] for _ in columns]
    for frag in fragments:
        pieces: dict[int, list[Word]] = {}
        for word in frag.words:
            pieces.setdefault(_column_at(word.x0, columns, frag.em), []).append(word)
        for column, words in pieces.items():
            text = " ".join(w.text for w in words)
            cells[column].append((-frag.middle, words[0].x0, text))
    return "\t".join(_join_cell([t for *_, t in sorted(c)]) for c in cells)


def _join_cell(lines: list[str]) -> str:
    """A cell's lines joined with spaces; a word hyphenated over a line end stays joined."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _HYPHENATED.search(text) or line.startswith("."):
            text += line
        else:
            text = f"{text} {line}"
    return text


def _aligned_lists(group: _Group, columns: list[float], right_margin: float) -> bool:
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
        first = run.fragments[0]
        column = _column_at(first.x0, columns, first.em)
        limit = columns[column + 1] if column + 1 < len(columns) else right_margin
        for upper, lower in pairwise(run.fragments):
            word = lower.words[0].x1 - lower.x0
            if upper.x1 + 0.3 * upper.em + word > limit - upper.em:
                return False
    return True
