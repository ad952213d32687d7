"""Line cleanup for the minutes reader: one plain-text line per source line.

Converter traces are removed with :mod:`text` (markdown, HTML, page markers); on top of that
the minutes reader blanks what a reader's eye skips in printed minutes: bare page numbers at
the foot of a page, running headers and footers repeated on many pages, and the "action"
column some clerks print at the right of a paragraph ("... agreed.      Clerk").
Line numbers never change, so warnings can cite the source line.
"""

from __future__ import annotations

import re
from collections import Counter

from minutebook.parsing import dates, text

_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_WIDE_GAP = re.compile(r"(?:\t|\s{4,})")


def prepare_lines(lines: list[str]) -> list[str]:
    """Cleaned lines, same count as ``lines``; skipped furniture becomes ""."""
    raw = [line.replace(text.FORM_FEED, "") for line in lines]
    footers = text.running_headers(lines) | _repeated_footers(raw)
    drop = footers | _page_tops(lines, footers)
    edges = _page_edges(lines, raw, footers)
    out: list[str] = []
    for i, line in enumerate(raw):
        cleaned = text.clean_line(_drop_action_column(line))
        plain = text.clean_text(cleaned)
        page_number = bool(_BARE_NUMBER.match(plain)) and (
            _ends_page(lines, i, drop) or i == 0 or text.FORM_FEED in lines[i]
        )
        furniture = plain in drop and (edges is None or (i in edges and plain in edges[i]))
        if page_number or text.is_page_marker(plain) or text.is_rule(plain) or furniture:
            cleaned = ""
        out.append(cleaned)
    return out


def _page_edges(
    lines: list[str], raw: list[str], footers: set[str], depth: int = 3
) -> dict[int, str] | None:
    """Lines at a page edge (the first and last ``depth`` non-blank lines of a page, counted
    with and without footers and page numbers) whose text is printed at the edge of two or
    more pages: index -> text. None when the text has no page breaks.

    A header or footer is skipped only where it is printed, at page edges: a motion quoted
    again and again ("(1) Endorse the ...") is still read where the resolution repeats it
    mid-page or at the end of the document.
    """
    if not any(text.FORM_FEED in line for line in lines[1:]):
        return None
    at_edge: dict[int, str] = {}
    start = 0
    for page in text.split_pages(lines):
        filled = [start + k for k, line in enumerate(page) if not text.is_blank(line)]
        content = [i for i in filled if not _is_furniture(text.clean_text(raw[i]), footers)]
        for i in filled[:depth] + filled[-depth:] + content[:depth] + content[-depth:]:
            at_edge[i] = text.clean_text(text.clean_line(raw[i]))
        start += len(page)
    counts = Counter(at_edge.values())
    return {i: t for i, t in at_edge.items() if counts[t] >= 2}


def _is_furniture(plain: str, footers: set[str]) -> bool:
    return plain in footers or bool(_BARE_NUMBER.match(plain))


def _ends_page(lines: list[str], index: int, drop: set[str]) -> bool:
    """A bare number is a page number when a blank line, a new page, a footer or the end follows."""
    if index + 1 >= len(lines):
        return True
    following = lines[index + 1]
    if text.FORM_FEED in following or text.is_blank(following):
        return True
    return text.clean_text(following) in drop


def _page_tops(lines: list[str], footers: set[str]) -> set[str]:
    """Lines printed at the top of two or more pages (a running header such as the committee).

    The top is what comes after the page number and any footer that a PDF's reading order
    puts first on the page ("All minutes are draft ..." / "2" / "AUDIT COMMITTEE").
    """
    counts: Counter[str] = Counter()
    for page in text.split_pages(lines)[1:]:
        texts = [text.clean_text(x) for x in page if not text.is_blank(x)]
        tops = [t for t in texts if not _is_furniture(t, footers)][:2]
        counts.update(set(tops))
    return {
        t
        for t, n in counts.items()
        if n >= 2
        and (not re.match(r"^\d", t) or dates.is_date_line(t))
        and not re.search(r"resolved|agreed", t, re.I)
    }


def _repeated_footers(lines: list[str]) -> set[str]:
    """Long lines printed identically three or more times (page footers, notices)."""
    counts = Counter(text.clean_text(line) for line in lines)
    return {
        t
        for t, n in counts.items()
        if n >= 3 and len(t.split()) >= 6 and not re.search(r"resolved|agreed", t, re.I)
    }


def _drop_action_column(line: str) -> str:
    """ "It was agreed ... money.            Clerk" -> the sentence without the action cell."""
    if "\t" not in line and "    " not in line.strip():
        return line  # no cell gap: most lines, and the split below is the cost
    parts = _WIDE_GAP.split(line.strip())
    parts = [p for p in parts if p.strip()]
    if len(parts) < 2:
        return line
    head, tail = parts[0].strip(), parts[-1].strip()
    if len(head) >= 40 and head[-1] in ".)" and len(tail.split()) <= 4:
        return " ".join(p.strip() for p in parts[:-1])
    return line
