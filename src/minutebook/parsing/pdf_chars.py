"""A PDF page's characters read from pdfium: their boxes, grouped into lines, fragments and
words; and the page's horizontal rules.

pdfium gives a page's text, one character per character box. A line of that text is cut into
*fragments* at wide gaps (table cells, "Date:<gap>4 May"), which become tabs in the line's text
the way the seeds' text converters print table cells; each fragment keeps its box, its size
(an em: the median height of its characters) and its *words*, the runs of characters without a
space. :mod:`pdf_layout` rebuilds table rows from the fragments.

Asking pdfium for a character's box costs a call from Python, and the calls were most of the
time a PDF took to read. So a page is first read from the boxes of the first and last character
of each word only (:func:`_read_sampled`), which give the same lines and fragments wherever
pdfium's text rectangles show that no glyph between the ends reaches beyond its font's box;
other lines, and lines with a gap between words wide enough to be a cell gap, are read
character by character (a page's all at once), and so is a whole page whose first words show
glyphs beyond the font's box or whose text does not read left to right. A line's words, which
only table cells are made from, are read from every character of the line when first asked
for. The calls go through prototypes without argument types, with pointer objects made once
(:class:`_Slots`): converting nothing, a call costs a third less.
"""

from __future__ import annotations

import ctypes
import functools
import re
import struct
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, filterfalse, repeat
from operator import add, gt, le, mul, ne, sub
from typing import NamedTuple

# A gap wider than this many ems between two characters on a line separates table cells.
CELL_GAP_EMS = 1.6
# A first cell that is only an item number ("1.", "(a)", "12") is joined to its title.
NUMBER_CELL = re.compile(r"\(?[0-9]{1,3}[a-z]?[.)]?|\(?[a-z][.)]")
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
# Words (runs of characters that are not spaces) of pdfium's text.
_WORD = re.compile(r"\S+")
# A word lies inside a text rectangle, a tight box, give or take this many ems (side bearings).
_RECT_SLACK_EMS = 0.3
# Words of a page read first, to see whether reading words by their ends pays (it does not in
# a font whose glyphs reach beyond its ascent or descent: few lines can be shown plain).
_HEAD_WORDS = 64
# A text rectangle as pdfium writes it: left, top, right, bottom.
_RECT = struct.Struct("4d")


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
    # its words, a function that makes them, or None: read from ``_page`` when asked (only
    # tables need them, and most pages have none)
    _words: list[Word] | Callable[[], list[Word]] | None = field(default=None, repr=False)
    # the page read from its words' ends that it is the whole of a line of
    _page: _Sampled | None = field(default=None, repr=False)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def words(self) -> list[Word]:
        words = self._words
        if words is None:
            words = self._words = self._page.line_words(self.line)  # type: ignore[union-attr]
        elif callable(words):
            words = self._words = words()
        return words

    @property
    def token_words(self) -> list[Word]:
        """Its runs of characters between spaces, as words: its words, but where a gap inside
        a word splits it (pdfium puts a space at any gap wider than about a fifth of an em).
        Cheaper on a line read from its words' ends: from their boxes."""
        return self.words if self._page is None else self._page.token_words(self.line)


@dataclass(eq=False)
class PdfLine:
    """One line of pdfium's text: the text (tabs at wide gaps) and its fragments."""

    text: str
    fragments: list[Fragment] = field(default_factory=list)

    @property
    def box(self) -> tuple[float, float, float] | None:
        """(median em, bottom, top) of its characters, None for a line without any."""
        if len(self.fragments) == 1:
            only = self.fragments[0]
            return only.em, only.bottom, only.top
        if not self.fragments:
            return None
        ems = sorted(f.em for f in self.fragments)
        return (
            ems[len(ems) // 2],
            min(f.bottom for f in self.fragments),
            max(f.top for f in self.fragments),
        )


class PageLines(NamedTuple):
    """A page's lines read with their character boxes."""

    lines: list[PdfLine]
    turned: bool  # the text was turned to read left to right (a page printed turned)
    exact: bool  # every character's box was read, not only the ends of each word


class Handle:
    """A pdfium page or text page by its pointer, held in ``raw`` as pypdfium2's ``PdfPage``
    and ``PdfTextPage`` hold it (None once closed): what :func:`read_page` and
    :func:`page_rules` read, without pypdfium2's wrappers."""

    __slots__ = ("raw",)

    def __init__(self, raw: object) -> None:
        self.raw = raw


def read_page(text: str, textpage: object, exact: bool = False) -> PageLines:
    """The page's lines with their fragments, read from the ends of each word unless the page
    needs every character's box (``exact`` asks for every box).

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``
    (a pypdfium2 ``PdfTextPage`` or a :class:`Handle`).
    """
    if not exact:
        lines = _read_sampled(text, textpage)
        if lines is not None:
            return PageLines(lines, False, False)
    boxes = _char_boxes(text, textpage)
    turned = _upright(text, boxes)
    return PageLines(_read_lines(text, boxes), turned, True)


@dataclass(eq=False)
class _Boxes:
    """The loose boxes of a page's characters that have one (not spaces), in text order."""

    at: list[int]  # index of each character in the page text
    left: list[float]
    bottom: list[float]
    right: list[float]
    top: list[float]


# Pointers and handles, passed to pdfium as plain integers.
_PTR = ctypes.c_void_p


@functools.cache
def _pdfium(name: str, result: type, *arguments: type) -> Callable[..., int]:
    """A pdfium function taking plain integers for its handles and pointers: about half the
    call cost of pypdfium2's checked binding. It keeps the GIL (a Python-API prototype), which
    saves a tenth more on calls this short."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(result, *arguments)(address)


@functools.cache
def _bare(name: str, result: type = ctypes.c_int) -> Callable[..., int]:
    """A pdfium function without argument types, for the calls made once a character or a
    line: Python integers go to it as C ints, and handles and pointers must be ``c_void_p``
    objects made beforehand (:class:`_Slots`). Converting nothing saves a third of the call."""
    import pypdfium2.raw as pdfium_c

    address = ctypes.cast(getattr(pdfium_c, name), ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(result)(address)


class _Slots(threading.local):
    """Buffers for pdfium to write boxes into, and a pointer object to each slot, kept from
    page to page (making a pointer object costs about as much as a call); one set a thread."""

    def __init__(self) -> None:
        self.boxes = (ctypes.c_float * 0)()
        self.pointers: list[ctypes.c_void_p] = []
        self.floats = memoryview(b"").cast("f")
        self.rect = (ctypes.c_double * 4)()  # left, top, right, bottom
        base = ctypes.addressof(self.rect)
        self.rect_pointers = tuple(ctypes.c_void_p(base + 8 * k) for k in range(4))

    def box_slots(self, n: int) -> tuple[ctypes.Array[ctypes.c_float], list[ctypes.c_void_p]]:
        """A buffer of at least ``n`` FS_RECTF (left, top, right, bottom) and their pointers."""
        if n > len(self.pointers):
            size = max(n, 2 * len(self.pointers), 1024)
            self.boxes = (ctypes.c_float * (4 * size))()
            base = ctypes.addressof(self.boxes)
            self.pointers = [ctypes.c_void_p(a) for a in range(base, base + 16 * size, 16)]
            # read back through a memoryview: its lists are made faster than the array's
            self.floats = memoryview(self.boxes).cast("B").cast("f")
        return self.boxes, self.pointers


_SLOTS = _Slots()
# Characters whose boxes are asked for at once, at most, through the slots kept (a pointer
# object a character: a page of more has a buffer of its own).
_MAX_SLOTS = 1 << 16


def _handle(wrapper: object) -> int:
    """The pdfium handle of a pypdfium2 object (a page, a text page) as an integer."""
    return ctypes.cast(wrapper.raw, ctypes.c_void_p).value  # type: ignore[attr-defined]


def _fetch(
    handle: int, indices: list[int]
) -> tuple[list[int], list[float], list[float], list[float], list[float]]:
    """Whether pdfium has a box for each of these characters, and their loose boxes (left,
    bottom, right, top), fetched into one buffer."""
    n = len(indices)
    if n > _MAX_SLOTS:  # a page of very many characters: its own buffer, integer pointers
        buffer = (ctypes.c_float * (4 * n))()
        base = ctypes.addressof(buffer)
        box = _pdfium("FPDFText_GetLooseCharBox", ctypes.c_int, _PTR, ctypes.c_int, _PTR)
        found = list(map(box, repeat(handle, n), indices, range(base, base + 16 * n, 16)))
        floats = memoryview(buffer).cast("B").cast("f")
    else:
        _, pointers = _SLOTS.box_slots(n)
        box = _bare("FPDFText_GetLooseCharBox")
        found = list(map(box, repeat(ctypes.c_void_p(handle), n), indices, pointers))
        floats = _SLOTS.floats[: 4 * n]  # n FS_RECTF: left, top, right, bottom
    return (
        found,
        floats[0::4].tolist(),
        floats[3::4].tolist(),
        floats[2::4].tolist(),
        floats[1::4].tolist(),
    )


def _char_boxes(text: str, textpage: object) -> _Boxes:
    """Loose box of every character of the page but spaces."""
    at = list(filterfalse(list(map(str.isspace, text)).__getitem__, range(len(text))))
    found, left, bottom, right, top = _fetch(_handle(textpage), at)
    if not all(found):  # a character pdfium has no box for is read like a space
        at, left, bottom, right, top = (
            list(compress(values, found)) for values in (at, left, bottom, right, top)
        )
    return _Boxes(at, left, bottom, right, top)


def page_rules(page: object) -> list[Rule]:
    """The horizontal lines of a page: thin path objects, and the top and bottom edges of
    small boxes (cell borders and shading), collinear pieces joined."""
    get_bounds = _pdfium("FPDFPageObj_GetBounds", ctypes.c_int, _PTR, _PTR, _PTR, _PTR, _PTR)
    count_segments = _pdfium("FPDFPath_CountSegments", ctypes.c_int, _PTR)
    bounds = (ctypes.c_float * 4)()  # left, bottom, right, top
    base = ctypes.addressof(bounds)
    out = (base, base + 4, base + 8, base + 12)
    pieces: list[tuple[float, float, float]] = []
    for obj in _path_objects(_handle(page)):
        if not get_bounds(obj, *out):
            raise RuntimeError("a path object of the page has no bounds")
        x0, y0, x1, y1 = bounds
        if x1 - x0 < _MIN_RULE:
            continue
        if y1 - y0 <= _RULE_THICKNESS:
            pieces.append(((y0 + y1) / 2, x0, x1))
        elif 0 < count_segments(obj) <= _BOX_SEGMENTS:
            pieces += [(y0, x0, x1), (y1, x0, x1)]
    rules: list[Rule] = []
    for y, x0, x1 in sorted(pieces, key=lambda p: (round(p[0]), p[1])):
        last = rules[-1] if rules else None
        if last and abs(last.y - y) <= _RULE_THICKNESS and x0 <= last.x1 + _RULE_JOIN:
            rules[-1] = Rule(last.y, last.x0, max(last.x1, x1))
        else:
            rules.append(Rule(y, x0, x1))
    return rules


# Form XObjects nested deeper than this are not looked into for rules.
_FORM_DEPTH = 2


def _path_objects(parent: int, form: bool = False, level: int = 0) -> Iterator[int]:
    """The path objects of a page (or of a form XObject on it), in drawing order, with those
    of the forms it draws: pdfium's raw calls, without a wrapper object for each."""
    import pypdfium2.raw as pdfium_c

    if form:
        count = _pdfium("FPDFFormObj_CountObjects", ctypes.c_int, _PTR)
        get = _pdfium("FPDFFormObj_GetObject", _PTR, _PTR, ctypes.c_ulong)
    else:
        count = _pdfium("FPDFPage_CountObjects", ctypes.c_int, _PTR)
        get = _pdfium("FPDFPage_GetObject", _PTR, _PTR, ctypes.c_int)
    kind_of = _pdfium("FPDFPageObj_GetType", ctypes.c_int, _PTR)
    total = count(parent)
    if total < 0:
        raise RuntimeError("cannot count the objects of the page")
    for index in range(total):
        obj = get(parent, index)
        if not obj:
            raise RuntimeError("cannot read an object of the page")
        kind = kind_of(obj)
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
        if at[k] - at[k - 1] > 1 and "\n" in text[at[k - 1] : at[k]]:
            continue  # neighbours on one line only
        dx = (left[k] + right[k] - left[k - 1] - right[k - 1]) / 2
        dy = (bottom[k] + top[k] - bottom[k - 1] - top[k - 1]) / 2
        across = abs(dx) >= abs(dy)
        vote = ("+x" if dx > 0 else "-x") if across else ("+y" if dy > 0 else "-y")
        votes[vote] += 1
        if votes[vote] >= _DIRECTION_VOTES:  # only the vote just cast can have reached it
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


def _read_sampled(text: str, textpage: object) -> list[PdfLine] | None:
    """The page's lines read from the boxes of the first and last character of each word;
    None when the page is better read character by character.

    pdfium's loose box of a character is the box of its font's ascent and descent from its
    origin to its advance, widened to the glyph's own (tight) box where the glyph reaches
    beyond. Characters of one text object share the font, size and baseline, and pdfium's
    text rectangles are the tight boxes of a range of characters joined, one for each text
    object. So where a line's rectangles lie strictly inside the loose boxes of the ends of
    their words, above and below, no glyph of the line reaches beyond its font's box: all
    characters of a word share the bottom and top of its ends, and the line's extent and
    median height follow from the ends of its words (:meth:`_Sampled.read`,
    :meth:`_Sampled.objects`). Lines where that is not shown, and lines with a gap between
    words wide enough to be a cell gap, are read character by character, exactly as
    :func:`_read_lines` reads them.

    A gap *inside* a word is not seen: pdfium puts a space at any gap wider than about a fifth
    of an em, so such a gap is narrower than a cell gap and could only split the word; a
    line's words are read from every character (:func:`_line_words`).
    """
    page = _Sampled.fetch(text, textpage)
    return None if page is None else page.read()


class _Sampled:
    """The words of a page and the loose boxes of their first and last characters: word k's
    are at 2k and 2k + 1 of ``left``, ``bottom``, ``right`` and ``top``."""

    __slots__ = (
        "bottom",
        "handle",
        "left",
        "lengths",
        "right",
        "spans",
        "starts",
        "text",
        "textpage",
        "tokens",
        "top",
    )

    def __init__(
        self,
        textpage: object,
        text: str,
        tokens: list[str],
        starts: list[int],
        lengths: list[int],
        boxes: list[list[float]],
    ) -> None:
        self.textpage = textpage
        self.handle = _handle(textpage)
        self.text = text
        self.tokens = tokens
        self.starts = starts
        self.lengths = lengths
        self.left, self.bottom, self.right, self.top = boxes
        # each line's start and end in the page text, and its words (first, last + 1)
        self.spans: list[tuple[int, int, int, int]] = []

    @classmethod
    def fetch(cls, text: str, textpage: object) -> _Sampled | None:
        """The page's words with the boxes of their ends; None when it is better read
        character by character: a character without a box, a word among the first whose one
        end reaches lower or higher than the other (glyphs beyond the font's box: few lines
        would show plain), or text that does not read left to right."""
        handle = _handle(textpage)
        tokens = text.split()
        starts = list(map(re.Match.start, _WORD.finditer(text)))
        lengths = list(map(len, tokens))
        stops = list(map(add, starts, lengths))
        # the first words show most pages that do not pay: the rest are read only then
        head = _DIRECTION_VOTES // 2  # _left_to_right's words
        found, *boxes = _fetch(handle, _ends_index(starts[:head], stops[:head]))
        if not all(found) or _one_sided(*boxes, _HEAD_WORDS):
            return None
        if not _left_to_right(text, starts, stops, *boxes):
            return None
        if len(starts) > head:
            found, *more = _fetch(handle, _ends_index(starts[head:], stops[head:]))
            if not all(found):
                return None
            for values, added in zip(boxes, more, strict=True):
                values += added
        return cls(textpage, text, tokens, starts, lengths, boxes)

    def careful(self) -> list[int]:
        """Text positions of words after a gap wide enough to be a cell gap, as
        :func:`_read_lines` finds them: their lines are read character by character."""
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        gaps = map(sub, left[2::2], right[1:-1:2])  # before words 1 to n - 1
        limits = map(mul, map(sub, top[2::2], bottom[2::2]), repeat(CELL_GAP_EMS))
        wide = compress(count(1), map(gt, gaps, limits))  # the em at least 1 below
        starts = self.starts
        return [
            starts[k]
            for k in wide
            if left[2 * k] - right[2 * k - 1] > CELL_GAP_EMS * max(top[2 * k] - bottom[2 * k], 1.0)
        ]

    def read(self) -> list[PdfLine]:
        """The page's lines (see :func:`_read_sampled`).

        A line of one text object is read here, inline (most lines are), when its one
        rectangle lies strictly inside the loose boxes of its words' ends, above and below,
        and around them give or take _RECT_SLACK_EMS; a line of several, by
        :meth:`objects`; the rest, character by character, all at once at the end."""
        careful = self.careful()
        careful.append(len(self.text))  # past the last line
        starts, spans, lengths = self.starts, self.spans, self.lengths
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        handle = ctypes.c_void_p(self.handle)
        count_rects, get_rect = _bare("FPDFText_CountRects"), _bare("FPDFText_GetRect")
        rect = _SLOTS.rect
        out0, out1, out2, out3 = _SLOTS.rect_pointers
        lines: list[PdfLine | None] = []
        retry: list[tuple[int, int, str]] = []  # lines read character by character
        start = first = hit = 0
        for number, chars in enumerate(self.text.split("\n")):
            end = start + len(chars)
            last = bisect_left(starts, end, first)  # the line's words: first to last - 1
            spans.append((start, end, first, last))
            line = None
            if first == last:
                line = PdfLine(chars.replace("\r", ""))
            else:
                while careful[hit] < start:
                    hit += 1
                n = 0 if careful[hit] < end else count_rects(handle, start, end - start)
                if n == 1:  # most lines: one text object
                    get_rect(handle, 0, out0, out1, out2, out3)
                    rx0, ry1, rx1, ry0 = _RECT.unpack(rect)
                    a, b = 2 * first, 2 * last
                    lows, highs = bottom[a:b], top[a:b]
                    y0, y1 = lows[0], highs[0]
                    if lows.count(y0) == b - a and highs.count(y1) == b - a:
                        em = high = y1 - y0  # the ends share a bottom and top (as shown below)
                    else:
                        y0, y1 = min(lows), max(highs)
                        heights = list(map(sub, highs[0::2], lows[0::2]))
                        em, high = min(heights), max(heights)
                    if ry0 > y0 and ry1 < y1:
                        x0, x1 = min(left[a:b]), max(right[a:b])
                        slack = _RECT_SLACK_EMS * high
                        if rx0 - slack <= x0 and x1 <= rx1 + slack:
                            if em != high:  # the median height of the line's characters
                                em = _weighted_median(heights, lengths[first:last])
                            text = chars.replace("\r", "")
                            fragment = Fragment(
                                text.strip(), x0, x1, y0, y1, max(em, 1.0), number, None, self
                            )
                            line = PdfLine(text, [fragment])
                elif n > 1:
                    line = self.objects(number, chars, self._rects(n))
            if line is None:
                retry.append((number, start, chars))
            lines.append(line)  # None: read below
            start, first = end + 1, last
        if retry:  # every character's box, asked for once for all these lines
            at = [s + k for _, s, text in retry for k, ch in enumerate(text) if not ch.isspace()]
            found, *values = _fetch(self.handle, at)
            if not all(found):  # a character pdfium has no box for is read like a space
                at, *values = (list(compress(v, found)) for v in (at, *values))
            read = _read_lines(self.text, _Boxes(at, *values), retry)
            for (number, _, _), line in zip(retry, read, strict=True):
                lines[number] = line
        return lines  # type: ignore[return-value]

    def _rects(self, n: int) -> list[tuple[float, float, float, float]]:
        """The ``n`` text rectangles pdfium counted last (left, bottom, right, top)."""
        handle = ctypes.c_void_p(self.handle)
        get_rect, rect, out = _bare("FPDFText_GetRect"), _SLOTS.rect, _SLOTS.rect_pointers
        rects = []
        for k in range(n):
            if not get_rect(handle, k, *out):
                raise RuntimeError("pdfium has no rectangle it counted")
            x0, y1, x1, y0 = _RECT.unpack(rect)
            rects.append((x0, y0, x1, y1))
        return rects

    def objects(
        self, number: int, chars: str, rects: list[tuple[float, float, float, float]]
    ) -> PdfLine | None:
        """Line ``number`` (``chars``) of several text objects (``rects``, their
        rectangles) as one fragment, or None when the rectangles do not show that no glyph
        reaches beyond the loose boxes of its words' ends.

        Each word must lie inside one rectangle (a word split between objects, as around a
        subscript, does not) and each rectangle must hold a word; a rectangle strictly inside
        the loose boxes of its words' ends, above and below, shows that no glyph of that
        object reaches beyond the font's ascent or descent, so every character in it has the
        loose bottom and top of its words' ends."""
        _, _, first, last = self.spans[number]
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        members: list[list[int]] = [[] for _ in rects]
        sides = [(x0, x1, n) for n, (x0, _, x1, _) in enumerate(rects)]
        for k in range(first, last):
            start, end = left[2 * k], right[2 * k + 1]
            slack = _RECT_SLACK_EMS * (top[2 * k] - bottom[2 * k])
            inside = -1
            for x0, x1, n in sides:
                if x0 - slack <= start and end <= x1 + slack:
                    if inside >= 0:
                        return None  # in two rectangles
                    inside = n
            if inside < 0:
                return None
            members[inside].append(k)
        for (_, y0, _, y1), ks in zip(rects, members, strict=True):
            if not ks:
                return None
            a, b = 2 * ks[0], 2 * ks[-1] + 2
            if b - a == 2 * len(ks):  # the object's words follow one another (most do)
                low, high = min(bottom[a:b]), max(top[a:b])
            else:
                low = min(min(bottom[2 * k], bottom[2 * k + 1]) for k in ks)
                high = max(max(top[2 * k], top[2 * k + 1]) for k in ks)
            if not (y0 > low and y1 < high):
                return None
        a, b = 2 * first, 2 * last
        heights = list(map(sub, top[a:b:2], bottom[a:b:2]))
        em = min(heights)
        if em != max(heights):  # the median height of the line's characters
            em = _weighted_median(heights, self.lengths[first:last])
        text = chars.replace("\r", "")
        x0, y0, x1, y1 = min(left[a:b]), min(bottom[a:b]), max(right[a:b]), max(top[a:b])
        fragment = Fragment(text.strip(), x0, x1, y0, y1, max(em, 1.0), number, None, self)
        return PdfLine(text, [fragment])

    def token_words(self, number: int) -> list[Word]:
        """Words of line ``number``, from the boxes of their ends."""
        _, _, first, last = self.spans[number]
        lefts = self.left[2 * first : 2 * last : 2]
        rights = self.right[2 * first + 1 : 2 * last : 2]
        return list(map(Word, self.tokens[first:last], lefts, rights))

    def line_words(self, number: int) -> list[Word]:
        """Words of line ``number``, read from every character."""
        start, end, _, _ = self.spans[number]
        return _line_words(self.textpage, number, self.text[start:end], start)


def _one_sided(
    left: list[float], bottom: list[float], right: list[float], top: list[float], words: int
) -> bool:
    """True when one end of one of the first ``words`` words reaches lower or higher than
    the other, and not both (a glyph beyond the font's ascent or descent)."""
    n = 2 * words
    lows, highs = bottom[0:n:2], top[0:n:2]
    low_differs = list(map(ne, lows, bottom[1:n:2]))
    high_differs = list(map(ne, highs, top[1:n:2]))
    return any(map(ne, low_differs, high_differs))


def _left_to_right(
    text: str,
    starts: list[int],
    stops: list[int],
    left: list[float],
    bottom: list[float],
    right: list[float],
    top: list[float],
) -> bool:
    """True when each word end sampled at the top of the page (in text order) is to the
    right of the one before on its line: the text reads left to right, as :func:`_upright`
    would find from every character. A word whose ends differ in bottom or top (hyphenated
    over a line end, which pdfium joins) is left out: its line is read character by
    character."""
    m = min(len(left), _DIRECTION_VOTES)  # more text than _upright's votes take
    across = list(map(add, left[:m], right[:m]))  # twice the centres
    up = list(map(add, bottom[:m], top[:m]))
    dx = list(map(sub, across[1:], across[:-1]))
    # a step is forward when it goes right (dx > 0) at least as far as up or down: steps on
    # one baseline (most) when they go right; the others are looked at one by one
    back = set(compress(count(1), map(le, dx, repeat(0.0))))
    moved = compress(count(1), map(ne, up[1:], up[:-1]))
    back.update(k for k in moved if not dx[k - 1] >= abs(up[k] - up[k - 1]))
    for k in back:
        word, last = divmod(k, 2)  # sample k is the first (0) or last (1) of a word
        if last and (
            stops[word] - starts[word] == 1 or bottom[k] != bottom[k - 1] or top[k] != top[k - 1]
        ):
            continue  # a one-letter word's first and last character are the same
        if not last and "\n" in text[stops[word - 1] : starts[word]]:
            continue  # the first word of a line after the last of the line before
        return False
    return True


def _ends_index(starts: list[int], stops: list[int]) -> list[int]:
    """Text positions of the first and last character of each word, in turn."""
    index = [0] * (2 * len(starts))
    index[0::2] = starts
    index[1::2] = map((-1).__add__, stops)
    return index


def _weighted_median(values: list[float], weights: list[int]) -> float:
    """The median of ``values`` each repeated ``weights`` times (the upper one of an even
    count, as ``sorted(all)[len(all) // 2]``)."""
    k = sum(weights) // 2
    for value, weight in sorted(zip(values, weights, strict=True)):
        if k < weight:
            return value
        k -= weight
    raise ValueError("no weights")


def _line_words(textpage: object, number: int, chars: str, start: int) -> list[Word]:
    """The words of line ``number`` (``chars``, from index ``start`` of the page text), read
    from every character as :func:`_read_lines` reads them: a gap inside a word splits it."""
    if textpage.raw is None:  # type: ignore[attr-defined]
        raise RuntimeError("the text page was closed before the line's words were read")
    handle = _handle(textpage)
    return [
        w
        for f in _read_line(number, 0, chars, _line_boxes(handle, chars, start)).fragments
        for w in f.words
    ]


def _line_boxes(
    handle: int, chars: str, start: int
) -> list[tuple[float, float, float, float] | None]:
    """The loose boxes (left, bottom, right, top) of a line's characters that are not spaces
    (``chars``, from index ``start`` of the page text), None for the rest."""
    at = [k for k, ch in enumerate(chars) if not ch.isspace()]
    found, left, bottom, right, top = _fetch(handle, [start + k for k in at])
    boxes: list[tuple[float, float, float, float] | None] = [None] * len(chars)
    for k, ok, box in zip(at, found, zip(left, bottom, right, top, strict=True), strict=True):
        if ok:
            boxes[k] = box
    return boxes


def _read_lines(
    text: str, boxes: _Boxes, pieces: Iterable[tuple[int, int, str]] | None = None
) -> list[PdfLine]:
    """The page's pdfium lines read with their boxes (see :func:`_read_line`); or only the
    lines ``pieces`` (number, start in the page text, characters; in text order), whose
    characters' boxes ``boxes`` holds.

    Most lines are plain text: no gap wider than a word gap between characters except at
    spaces. Such a line is one fragment whose words are its space-separated tokens, read from
    slices of the boxes; the rest go through the character-by-character reading.
    """
    if pieces is None:
        pieces = _pieces(text)
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
    first = 0
    for number, start, chars in pieces:
        end = start + len(chars)
        first = bisect_left(at, start, first)
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
            words = functools.partial(_exact_words, tokens, ends, left, right)
            heights = list(map(sub, top[first:last], bottom[first:last]))
            em = min(heights)  # the median when more than half are the lowest (most lines)
            if heights.count(em) <= (last - first) // 2:
                em = sorted(heights)[(last - first) // 2]
            em = max(em, 1.0)
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
    return lines


def _pieces(text: str) -> Iterator[tuple[int, int, str]]:
    """The page's lines: number, start in the page text, characters."""
    start = 0
    for number, chars in enumerate(text.split("\n")):
        yield number, start, chars
        start += len(chars) + 1


def _exact_words(
    tokens: list[str], ends: list[int], left: list[float], right: list[float]
) -> list[Word]:
    """A plain line's words: token n is the boxed characters ends[n] + 1 to ends[n + 1]."""
    firsts = map((1).__add__, ends)
    return list(map(Word, tokens, map(left.__getitem__, firsts), map(right.__getitem__, ends[1:])))


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
            if NUMBER_CELL.fullmatch("".join(out).strip()):
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
