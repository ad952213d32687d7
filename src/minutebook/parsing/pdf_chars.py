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
pdfium's text rectangles show that every character of a word shares the box of its ends; other
lines, and lines with a gap between words wide enough to be a cell gap, are read character by
character, and so is a page whose text does not read left to right. A line's words, which only
table cells are made from, are read from every character of the line when first asked for.
"""

from __future__ import annotations

import ctypes
import functools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, count, filterfalse, islice, repeat
from operator import add, and_, ge, gt, mul, ne, not_, or_, sub
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
# Words of a page read first, to see whether reading words by their ends pays (it does not in
# a font whose glyphs reach beyond its ascent or descent: few lines can be shown plain).
_HEAD_WORDS = 64
# A word lies inside a text rectangle, a tight box, give or take this many ems (side bearings).
_RECT_SLACK_EMS = 0.3


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
    # its words, or a function that makes them: only tables need them, and most pages have none
    _words: list[Word] | Callable[[], list[Word]] = field(repr=False)
    # a cheaper function making its tokens, where there is one (see token_words)
    _tokens: Callable[[], list[Word]] | None = field(default=None, repr=False)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def words(self) -> list[Word]:
        if callable(self._words):
            self._words = self._words()
        return self._words

    @property
    def token_words(self) -> list[Word]:
        """Its runs of characters between spaces, as words: its words, but where a gap inside
        a word splits it (pdfium puts a space at any gap wider than about a fifth of an em).
        Cheaper on a line read from its words' ends: from their boxes."""
        return self.words if self._tokens is None else self._tokens()


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


def read_page(text: str, textpage: object, exact: bool = False) -> PageLines:
    """The page's lines with their fragments, read from the ends of each word unless the page
    needs every character's box (``exact`` asks for every box).

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``.
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


def _handle(wrapper: object) -> int:
    """The pdfium handle of a pypdfium2 object (a page, a text page) as an integer."""
    return ctypes.cast(wrapper.raw, ctypes.c_void_p).value  # type: ignore[attr-defined]


def _fetch(
    handle: int, indices: list[int]
) -> tuple[list[int], list[float], list[float], list[float], list[float]]:
    """Whether pdfium has a box for each of these characters, and their loose boxes (left,
    bottom, right, top), fetched into one buffer."""
    n = len(indices)
    buffer = (ctypes.c_float * (4 * n))()  # n FS_RECTF: left, top, right, bottom
    base = ctypes.addressof(buffer)
    box = _pdfium("FPDFText_GetLooseCharBox", ctypes.c_int, _PTR, ctypes.c_int, _PTR)
    found = list(map(box, repeat(handle, n), indices, range(base, base + 16 * n, 16)))
    floats = buffer[:]
    return found, floats[0::4], floats[3::4], floats[2::4], floats[1::4]


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


def _read_sampled(text: str, textpage: object) -> list[PdfLine] | None:
    """The page's lines read from the boxes of the first and last character of each word;
    None when the page is better read character by character.

    pdfium's loose box of a character is the box of its font's ascent and descent from its
    origin to its advance, widened to the glyph's own (tight) box where the glyph reaches
    beyond. Characters of one text object share the font, size and baseline. So where no
    glyph of a line reaches beyond its font's box (:meth:`_WordEnds.line` checks that with
    the tight boxes of the line's text objects), all characters of a word share the bottom
    and top of its ends, and the line's extent and median height follow from the ends of its
    words. A line where that is not shown, or with a gap between words wide enough to be a
    cell gap, is read character by character, exactly as :func:`_read_lines` reads it.

    A gap *inside* a word is not seen: pdfium puts a space at any gap wider than about a fifth
    of an em, so such a gap is narrower than a cell gap and could only split the word; a
    line's words are read from every character (:func:`_line_words`).
    """
    ends = _WordEnds.fetch(text, textpage)
    if ends is None:
        return None
    handle = _handle(textpage)
    careful = ends.careful()
    rects = _TextRects(handle)
    lines: list[PdfLine] = []
    start = first = 0
    for number, chars in enumerate(text.split("\n")):
        end = start + len(chars)
        last = bisect_left(ends.starts, end, first)  # the line's words: first to last - 1
        hit = bisect_left(careful, start)
        line = None
        if first == last:
            line = PdfLine(chars.replace("\r", ""))
        elif hit == len(careful) or careful[hit] >= end:
            line = ends.line(number, chars, start, first, last, rects(start, len(chars)))
        if line is None:
            line = _read_line(number, 0, chars, _line_boxes(handle, chars, start))
        lines.append(line)
        start, first = end + 1, last
    return lines


@dataclass(eq=False)
class _WordEnds:
    """The words of a page and the loose boxes of their first and last characters: word k's
    are at 2k and 2k + 1 of ``left``, ``bottom``, ``right`` and ``top``."""

    textpage: object
    tokens: list[str]
    starts: list[int]  # index in the page text of each word's first character
    lengths: list[int]
    left: list[float]
    bottom: list[float]
    right: list[float]
    top: list[float]
    uneven: list[int]  # words whose ends differ in bottom or top

    @classmethod
    def fetch(cls, text: str, textpage: object) -> _WordEnds | None:
        """The page's words with the boxes of their ends; None when it is better read
        character by character: a character without a box, a word one of whose ends reaches
        lower or higher than the other (glyphs beyond the font's box: few lines would show
        plain), or text that does not read left to right."""
        handle = _handle(textpage)
        # the first words show most pages that do not pay: the rest are read only then
        head = list(islice(_WORD.finditer(text), _HEAD_WORDS))
        boxes = _fetch(handle, _ends_index([m.start() for m in head], [m.end() for m in head]))
        if _uneven(*boxes) is None:
            return None
        tokens = text.split()
        starts = list(map(re.Match.start, _WORD.finditer(text)))
        lengths = list(map(len, tokens))
        if len(head) < len(tokens):
            rest = starts[len(head) :]
            more = _fetch(handle, _ends_index(rest, list(map(add, rest, lengths[len(head) :]))))
            for values, added in zip(boxes, more, strict=True):
                values += added
        uneven = _uneven(*boxes)
        if uneven is None:
            return None
        ends = cls(textpage, tokens, starts, lengths, *boxes[1:], uneven)
        return ends if ends._left_to_right(text) else None

    def _left_to_right(self, text: str) -> bool:
        """True when each word end sampled at the top of the page (in text order) is to the
        right of the one before on its line: the text reads left to right, as
        :func:`_upright` would find from every character. A word whose ends are on different
        baselines (hyphenated over a line end, which pdfium joins) is left out: its line is
        read character by character."""
        m = min(len(self.left), _DIRECTION_VOTES)  # more text than _upright's votes take
        across = list(map(add, self.left[:m], self.right[:m]))  # twice the centres
        up = list(map(add, self.bottom[:m], self.top[:m]))
        dx, dy = list(map(sub, across[1:], across[:-1])), list(map(sub, up[1:], up[:-1]))
        forward = map(and_, map(gt, dx, repeat(0.0)), map(ge, dx, map(abs, dy)))
        starts, lengths, uneven = self.starts, self.lengths, set(self.uneven)
        for k in compress(count(1), map(not_, forward)):
            word, last = divmod(k, 2)  # sample k is the first (0) or last (1) of a word
            if last and (lengths[word] == 1 or word in uneven):
                continue  # a one-letter word's first and last character are the same
            if not last and "\n" in text[starts[word - 1] + lengths[word - 1] : starts[word]]:
                continue  # the first word of a line after the last of the line before
            return False
        return True

    def careful(self) -> list[int]:
        """Text positions of words after a gap wide enough to be a cell gap (as
        :func:`_read_lines` finds them), and of words whose ends differ in size or baseline
        (a superscript "th"): their lines are read character by character."""
        heights = list(map(sub, self.top[0:-1:2], self.bottom[0:-1:2]))
        gaps = list(map(sub, self.left[2::2], self.right[1:-1:2]))  # before words 1 to n - 1
        wide = compress(count(1), map(gt, gaps, map(mul, heights[1:], repeat(CELL_GAP_EMS))))
        starts = self.starts
        careful = [starts[k] for k in wide if gaps[k - 1] > CELL_GAP_EMS * max(heights[k], 1.0)]
        return sorted(careful + [starts[k] for k in self.uneven])

    def line(
        self,
        number: int,
        chars: str,
        start: int,
        first: int,
        last: int,
        rects: list[tuple[float, float, float, float]],
    ) -> PdfLine | None:
        """Line ``number`` (``chars``, from index ``start`` of the page text; words ``first``
        to ``last`` - 1) as one fragment, or
        None when the text rectangles of the line (``rects``, the tight boxes of its text
        objects) do not show that no glyph reaches beyond the loose boxes of its words' ends.

        Each word must lie inside one rectangle (a word split between objects, as around a
        subscript, does not) and each rectangle must hold a word; a rectangle strictly inside
        the loose boxes of its words' ends, above and below, shows that no glyph of that
        object reaches beyond the font's ascent or descent, so every character in it has the
        loose bottom and top of its words' ends."""
        ends = slice(2 * first, 2 * last)
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        x0, y0, x1, y1 = min(left[ends]), min(bottom[ends]), max(right[ends]), max(top[ends])
        heights = list(map(sub, top[2 * first : 2 * last : 2], bottom[2 * first : 2 * last : 2]))
        em, high = min(heights), max(heights)
        if len(rects) == 1:  # most lines: one text object
            rx0, ry0, rx1, ry1 = rects[0]
            slack = _RECT_SLACK_EMS * high
            if not (ry0 > y0 and ry1 < y1 and rx0 - slack <= x0 and x1 <= rx1 + slack):
                return None
        elif not self._plain_objects(rects, first, last):
            return None
        if em != high:  # the median height of the line's characters
            em = _weighted_median(heights, self.lengths[first:last])
        text = chars.replace("\r", "")
        words = functools.partial(_line_words, self.textpage, number, chars, start)
        tokens = functools.partial(self._token_words, first, last)
        fragment = Fragment(text.strip(), x0, x1, y0, y1, max(em, 1.0), number, words, tokens)
        return PdfLine(text, [fragment])

    def _plain_objects(
        self, rects: list[tuple[float, float, float, float]], first: int, last: int
    ) -> bool:
        """:meth:`line`'s test for a line of several text objects."""
        left, bottom, right, top = self.left, self.bottom, self.right, self.top
        members: list[list[int]] = [[] for _ in rects]
        for k in range(first, last):
            slack = _RECT_SLACK_EMS * (top[2 * k] - bottom[2 * k])
            inside = [
                n
                for n, (x0, _, x1, _) in enumerate(rects)
                if x0 - slack <= left[2 * k] and right[2 * k + 1] <= x1 + slack
            ]
            if len(inside) != 1:
                return False
            members[inside[0]].append(k)
        for (_, y0, _, y1), ks in zip(rects, members, strict=True):
            if not ks:
                return False
            low = min(min(bottom[2 * k], bottom[2 * k + 1]) for k in ks)
            high = max(max(top[2 * k], top[2 * k + 1]) for k in ks)
            if not (y0 > low and y1 < high):
                return False
        return True

    def _token_words(self, first: int, last: int) -> list[Word]:
        """Words ``first`` to ``last`` - 1, from the boxes of their ends."""
        lefts = self.left[2 * first : 2 * last : 2]
        rights = self.right[2 * first + 1 : 2 * last : 2]
        return list(map(Word, self.tokens[first:last], lefts, rights))


class _TextRects:
    """pdfium's rectangles of a range of a page's characters (left, bottom, right, top): the
    tight boxes of the characters joined, one rectangle per text object."""

    def __init__(self, handle: int) -> None:
        self.handle = handle
        self.count = _pdfium("FPDFText_CountRects", ctypes.c_int, _PTR, ctypes.c_int, ctypes.c_int)
        self.get = _pdfium(
            "FPDFText_GetRect", ctypes.c_int, _PTR, ctypes.c_int, _PTR, _PTR, _PTR, _PTR
        )
        self.values = (ctypes.c_double * 4)()  # left, top, right, bottom
        base = ctypes.addressof(self.values)
        self.out = (base, base + 8, base + 16, base + 24)

    def __call__(self, start: int, count: int) -> list[tuple[float, float, float, float]]:
        rects = []
        for n in range(self.count(self.handle, start, count)):
            if not self.get(self.handle, n, *self.out):
                raise RuntimeError("pdfium has no rectangle it counted")
            x0, y1, x1, y0 = self.values
            rects.append((x0, y0, x1, y1))
        return rects


def _ends_index(starts: list[int], stops: list[int]) -> list[int]:
    """Text positions of the first and last character of each word, in turn."""
    index = [0] * (2 * len(starts))
    index[0::2] = starts
    index[1::2] = map((-1).__add__, stops)
    return index


def _uneven(
    found: list[int], left: list[float], bottom: list[float], right: list[float], top: list[float]
) -> list[int] | None:
    """The words (by their ends' boxes) whose two ends differ in bottom or top; None when a
    character has no box, or when one end of a word reaches lower or higher than the other
    and not both (a glyph beyond the font's ascent or descent)."""
    if not all(found):
        return None
    lows, highs = bottom[0::2], top[0::2]
    uneven = list(
        compress(count(), map(or_, map(ne, lows, bottom[1::2]), map(ne, highs, top[1::2])))
    )
    if any(bottom[2 * k] == bottom[2 * k + 1] or top[2 * k] == top[2 * k + 1] for k in uneven):
        return None
    return uneven


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
            words = functools.partial(_exact_words, tokens, ends, left, right)
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
