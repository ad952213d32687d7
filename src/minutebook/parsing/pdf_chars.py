"""A PDF page's characters read from pdfium: their boxes, grouped into lines, fragments and
words; and the page's horizontal rules.

pdfium gives a page's text, one character per character box. A line of that text is cut into
*fragments* at wide gaps (table cells, "Date:<gap>4 May"), which become tabs in the line's text
the way the seeds' text converters print table cells; each fragment keeps its box, its size
(an em: the median height of its characters) and its *words*, the runs of characters without a
space. :mod:`pdf_layout` rebuilds table rows from the fragments.
"""

from __future__ import annotations

import ctypes
import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, filterfalse, repeat
from operator import sub
from typing import NamedTuple

# A gap wider than this many ems between two characters on a line separates table cells.
CELL_GAP_EMS = 1.6
# A first cell that is only an item number ("1.", "(a)", "12") is joined to its title.
_NUMBER_CELL = re.compile(r"\(?[0-9]{1,3}[a-z]?[.)]?|\(?[a-z][.)]")
# Lines thinner than this (points) and at least _MIN_RULE long are rules; segments of one rule
# (a border drawn cell by cell) are joined across gaps up to _RULE_JOIN.
_RULE_THICKNESS = 2.0
_MIN_RULE = 10.0
_RULE_JOIN = 2.0
# A path of at most this many segments is a box (a cell's border or shading): its top and
# bottom edges are rules.
_BOX_SEGMENTS = 6
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


def read_page(text: str, textpage: object) -> tuple[list[PdfLine], bool]:
    """The page's lines read with their character boxes, and whether its text was turned to
    read left to right (a landscape page printed turned, or text drawn rotated).

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``.
    """
    boxes = _char_boxes(text, textpage)
    turned = _upright(text, boxes)
    return _read_lines(text, boxes), turned


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
