"""A PDF page's text rebuilt from character positions.

pdfium reads a page in content-stream order. Most generators draw a table cell by cell, so a
row whose cells wrap over several lines reaches us as the first cell's lines, then the second
cell's lines, and so on: the row structure is lost. This module puts it back.

The page is cut into *fragments* (:mod:`pdf_chars`): runs of characters on one printed line
with no wide gap inside. Consecutive fragments (in pdfium's order) that sit one below the
other in the same horizontal span form a *run*, the lines of one text block. Runs whose
vertical extents overlap form a *group*. A group of two or more side-by-side runs (disjoint
horizontally), at least one of them over several lines, is a table row drawn cell by cell: it
is emitted as one line of tab-separated cells, each cell's lines joined with spaces.
Neighbouring groups whose fragments fall into the same columns belong to the same table and
are emitted the same way. A fragment that pdfium made of a one-line cell and the first line
of the wrapped cell beside it is cut where that cell's other lines start (:func:`_cut_cells`).

Tables ruled into cells (vertical rules between the cells) are read from their rules first
(:mod:`pdf_ruled`); their lines are left out here.

Everything else keeps pdfium's reading order, with tabs at wide gaps inside a line (the way the
seeds' text converters print table cells) and a blank line at wide vertical gaps.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter

from minutebook.parsing import pdf_ruled
from minutebook.parsing.pdf_chars import (
    CELL_GAP_EMS,
    NUMBER_CELL,
    Fragment,
    PageLines,
    PdfLine,
    Rule,
    Word,
    page_rules,
    read_page,
)
from minutebook.parsing.pdf_ruled import VRule

__all__ = ["CELL_GAP_EMS", "PARAGRAPH_GAP_EMS", "PdfLine", "Rule", "page_rules", "page_text"]

logger = logging.getLogger(__name__)

# A vertical gap wider than this many ems between two lines is a paragraph break.
PARAGRAPH_GAP_EMS = 0.45
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
# A table row next to a table joins it only across a vertical gap of at most this many ems.
_NEIGHBOUR_GAP_EMS = 3.0
# A line ending in a hyphenated word, or the next starting with a dot ("j.smith@kent" /
# ".gov.uk"), continues the same word.
_HYPHENATED = re.compile(r"[A-Za-z]-$")
# Lines of one cell start within this many ems of each other (left-aligned: the same origin).
_EDGE_EMS = 0.1
# An item number ("1.2", "(iv)", "b.)"), a bullet or a label ("Present:") before a gap starts a
# paragraph with a hanging indent, not a cell of its own.
_HANGING = re.compile(
    rf"{NUMBER_CELL.pattern}|\(?(\d{{1,3}}(\.\d{{1,3}})*|[A-Za-z]|[ivxlcIVXLC]{{1,6}})[.)]{{0,2}}"
    r"|[^\w\s]{1,2}|.*:"
)


@dataclass(eq=False)
class _Cell(Fragment):
    """One of the two cells of a fragment that pdfium printed as one line (:func:`_cut_cells`)."""

    whole: Fragment = field(kw_only=True)


def _whole(fragment: Fragment) -> Fragment:
    return fragment.whole if isinstance(fragment, _Cell) else fragment


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
# The page


def page_text(
    text: str,
    textpage: object,
    width: float | None = None,
    rules: Rules | None = None,
    verticals: VRules | None = None,
) -> str:
    """The page's text with table rows rebuilt, tabs between cells and blank paragraph gaps.

    ``text`` is pdfium's text of the page, one character per character box of ``textpage``;
    ``width`` the page's width (the right margin is taken to mirror the left one); ``rules``
    its horizontal lines (:func:`page_rules`), which mark the rows of a ruled table, and
    ``verticals`` its vertical ones, which with them rule a table into cells (:mod:`pdf_ruled`).
    Either may be a function reading them, called at most once and only where they can matter.
    """
    page = read_page(text, textpage)
    rules = _once(rules) if callable(rules) else rules
    ruled: _Tables = {}
    if rules and verticals and not page.turned:
        found = verticals() if callable(verticals) else verticals
        horizontal = (rules() if callable(rules) else rules) if found else []
        ruled = pdf_ruled.ruled_tables(page, text, textpage, horizontal, found)
    if ruled:  # tables ruled into cells: their lines are theirs
        page = pdf_ruled.without(page, ruled)
    try:
        tables = _page_tables(page, width, rules or [])
    except Exception:  # a layout heuristic must never cost the page its text
        logger.exception("table rebuild failed; keeping pdfium's reading order")
        tables = {}
    tables.update(ruled)
    lines = page.lines
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
            texts = [line.text]
            fragments = line.fragments
            if len(fragments) == 1:  # most lines (PdfLine.box, inlined)
                only = fragments[0]
                box = only.em, only.bottom, only.top
            else:
                box = line.box
        if prev is not None and box is not None:
            gap = prev[1] - box[2]
            if gap > PARAGRAPH_GAP_EMS * min(prev[0], box[0]):
                out.append("")
        out.extend(texts)
        if box is not None:
            prev = box
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Tables


_Tables = dict[int, tuple[list[str], tuple[float, float, float], set[int]]]
# A page's rules, or a function reading them.
Rules = list[Rule] | Callable[[], list[Rule]]
VRules = list[VRule] | Callable[[], list[VRule]]


def _once(read: Callable[[], list[Rule]]) -> Callable[[], list[Rule]]:
    """``read``, its result kept: ruled cells and ruled rows may both ask for a page's rules."""
    kept: list[list[Rule]] = []

    def once() -> list[Rule]:
        if not kept:
            kept.append(read())
        return kept[0]

    return once


def _page_tables(page: PageLines, width: float | None, rules: Rules) -> _Tables:
    """The page's rebuilt tables."""
    groups = _row_groups(page, rules)
    if groups is None:
        return {}
    # the page's frame is not the frame of text that was turned
    return _tables(page.lines, groups, None if page.turned else width)


def _row_groups(page: PageLines, rules: Rules) -> list[_Group] | None:
    """The page's groups, top first, if any is a table row.

    Rules are read only where rows between them can be table rows (:func:`_banded`): runs
    in two columns. Runs that all overlap horizontally share a point, so any of them are
    one column (:func:`_is_band_row`)."""
    fragments = _cut_cells([f for line in page.lines for f in line.fragments])
    if len(fragments) < 3:
        return None
    runs = _runs(fragments)
    groups = _groups(runs)
    apart = max(run.x0 for run in runs) >= min(run.x1 for run in runs)
    if not page.turned and len(groups) > 1 and rules and apart:
        groups = _banded(groups, rules() if callable(rules) else rules)
    return groups if any(g.row for g in groups) else None


def _tables(lines: list[PdfLine], groups: list[_Group], width: float | None) -> _Tables:
    """Rebuilt tables by the index of their first line: (row texts, box, lines replaced)."""
    fragments = [f for line in lines for f in line.fragments]
    right_margin = max(f.x1 for f in fragments)
    if width is not None:
        right_margin = max(right_margin, width - min(f.x0 for f in fragments))
    tables: _Tables = {}
    for table in _table_groups(groups):
        used = {f.line for g in table for f in g.fragments}
        frags = list({id(w): w for g in table for w in map(_whole, g.fragments)}.values())
        inside = set(map(id, frags))
        if any(id(f) not in inside for n in used for f in lines[n].fragments):
            continue  # a line shared with text outside the table: leave the page as it is
        columns = _columns([g for g in table if g.row])
        rows = [text for g in table for text in _row_texts(g, columns, right_margin)]
        ems = sorted(f.em for f in frags)
        box = (ems[len(ems) // 2], min(f.bottom for f in frags), max(f.top for f in frags))
        tables[min(used)] = (rows, box, used)
    return tables


def _cut_cells(fragments: list[Fragment]) -> list[Fragment]:
    """The fragments, with those that hold two cells cut in two.

    pdfium joins text on one baseline into one line. A table row whose first cell is a single
    line and whose next cell wraps, drawn cell by cell, reaches us as the first cell and the
    next cell's first line on one line (when the gap between them is narrower than a cell
    gap), then the next cell's other lines. Those lines show where the next cell starts: a
    fragment is cut at its first gap of at least half an em when the word after it starts
    where the fragment's next line in pdfium's order, stacked right below it, starts. An item
    number, a bullet or a label before the gap is a paragraph with a hanging indent: not cut.
    """
    out: list[Fragment] = []
    for frag, below in pairwise(fragments):
        # most lines: the next one starts where this one does (_cells_of's first test)
        cells = _cells_of(frag, below) if frag.x0 < below.x0 < frag.x1 else None
        if cells is None:
            out.append(frag)
        else:
            out += cells
    out += fragments[-1:]
    return out


def _cells_of(frag: Fragment, below: Fragment) -> tuple[_Cell, _Cell] | None:
    """``frag`` cut where ``below``, its next line, shows a cell's left edge (see
    :func:`_cut_cells`), or None."""
    if not frag.x0 < below.x0 < frag.x1:
        return None  # most lines: the next one starts where this one does
    em = min(frag.em, below.em)
    if not (
        below.line == frag.line + 1
        and frag.x0 + _COLUMN_GAP_EMS * em < below.x0
        and max(frag.em, below.em) <= _SAME_SIZE * em
        and _stacked(frag, below, em)
    ):
        return None
    # tokens first, cheap on most lines; the words read from every character decide
    if _cut_at(frag.token_words, below.x0, em) is None:
        return None
    words = frag.words
    k = _cut_at(words, below.x0, em)
    if k is None:
        return None
    head, tail = words[:k], words[k:]
    box = frag.bottom, frag.top, frag.em, frag.line
    return (
        _Cell(" ".join(w.text for w in head), frag.x0, head[-1].x1, *box, head, whole=frag),
        _Cell(" ".join(w.text for w in tail), tail[0].x0, frag.x1, *box, tail, whole=frag),
    )


def _cut_at(words: list[Word], edge: float, em: float) -> int | None:
    """The word before which to cut a line (:func:`_cut_cells`), the next line starting at
    ``edge``: after the first gap of at least half an em, if that word starts at ``edge`` and
    what comes before it is not an item number, a bullet or a label."""
    for k in range(1, len(words)):
        if " " in words[k - 1].text:
            return None  # an item number joined to its title across a cell gap
        start = words[k].x0
        if start - words[k - 1].x1 < _COLUMN_GAP_EMS * em:
            continue
        if abs(start - edge) > _EDGE_EMS * em:
            return None  # the first wide gap is not where the next line starts
        if _HANGING.fullmatch(" ".join(w.text for w in words[:k])):
            return None
        return k
    return None


def _runs(fragments: list[Fragment]) -> list[_Run]:
    """Fragments in pdfium's order grouped into runs of stacked lines, top line first.

    A fragment continues the run of the fragment before it when it is the next line down
    (no paragraph gap between them), in about the same size, overlapping it horizontally.
    pdfium reads some pages (those printed turned) bottom line first: a run may also climb,
    one line at a time, but not change direction.
    """
    runs: list[_Run] = []
    climbing = False
    run: list[Fragment] = []
    last_middle = 0.0  # the middle of the run's last fragment
    # _stacked inlined, middles worked out once: most of the page's fragments come here
    for frag in fragments:
        middle = (frag.top + frag.bottom) / 2
        if run:
            last = run[-1]
            em = min(frag.em, last.em)
            down = (
                last_middle - middle >= _MIN_PITCH_EMS * em
                and last.bottom - frag.top <= PARAGRAPH_GAP_EMS * em
            )
            up = (
                middle - last_middle >= _MIN_PITCH_EMS * em
                and frag.bottom - last.top <= PARAGRAPH_GAP_EMS * em
            )
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
                last_middle = middle
                continue
        run = [frag]
        runs.append(_Run(run))
        last_middle = middle
    for each in runs:
        if len(each.fragments) > 1:
            each.fragments.sort(key=lambda f: -f.middle)
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
    spans = sorted(((-run.top, run) for run in runs), key=itemgetter(0))  # stable: by top only
    for minus_top, run in spans:
        em, top, bottom = run.fragments[0].em, -minus_top, run.bottom
        if groups and top > groups[-1].bottom + _ROW_OVERLAP_EMS * em:
            group = groups[-1]
            group.runs.append(run)
            group.bottom = min(group.bottom, bottom)
        else:
            groups.append(_Group([run], top, bottom, em))
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
