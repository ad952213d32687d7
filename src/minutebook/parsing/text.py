"""Line cleanup shared by every reader.

Converters leave traces in the text: markdown (``**bold**``, ``### heading``, ``[text](url)``),
HTML fragments (``<p>``, ``<a href>``, ``&amp;``), page markers ("Page 35") and running headers
landing mid-text, table cells joined by tabs. These helpers remove the traces without changing
the number of lines, so a reader's "line N" warnings stay true to the source.
"""

from __future__ import annotations

import html
import re
from collections import Counter

FORM_FEED = "\f"

_SPACES = re.compile(
    r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]{2,}|[\u00a0\u2000-\u200b\u202f\u205f\u3000]"
)
_DOUBLE_SPACES = re.compile(r"  +")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\ufeff\u00ad]")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_HEADING_CLOSE = re.compile(r"\s+#+\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_STAR_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_UNDERSCORE_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAG = re.compile(r"</?(?:p|br|li|tr|div|h[1-6]|table|ul|ol)\b[^<>]*>", re.IGNORECASE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HRULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")
_RULE_STARTS = frozenset("-*_=|:")
# Text wrapped wider than this many characters a line is not a converter's page width.
_MAX_WRAP = 130
# A line at least this share of the wrap width is full: its text may go on to the next line.
_FULL_LINE = 0.85
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:[|\t]\s*:?-{2,}:?\s*)*\|?\s*$")
# A line holding none of these characters carries no markdown.
_MARKUP_CHARS = re.compile(r"[#*_\]<\\]")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪●◦○■□➢►\u2013]|\d+\\?\.(?=\s+[-*+•]))\s+")

_PAGE_MARKER = re.compile(
    r"^\s*(?:-\s*\d{1,4}\s*-|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s+of\s+\d{1,4})\s*$",
    re.IGNORECASE,
)
_TRAILING_PAGE = re.compile(r"\s+Page\s+\d{1,4}\s*$")


def normalize_space(text: str) -> str:
    """Collapse runs of spaces (non-breaking and zero-width included) to one; keep tabs."""
    if text.isascii():
        return _DOUBLE_SPACES.sub(" ", text) if "  " in text else text
    text = _ZERO_WIDTH.sub("", text)
    return _SPACES.sub(" ", text)


def is_blank(line: str) -> bool:
    """True for empty lines and lines holding only whitespace (non-breaking spaces included)."""
    if not line.strip():  # str.strip() takes non-breaking spaces too
        return True
    return not line.isascii() and not normalize_space(line).strip()  # zero-width spaces


def strip_html(text: str) -> str:
    """Remove HTML tags (block tags become spaces) and decode entities such as ``&amp;``."""
    if "<" not in text:
        return html.unescape(text) if "&" in text else text
    text = _BLOCK_TAG.sub(" ", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def strip_markdown(text: str) -> str:
    """Remove markdown markup from one line: headings, emphasis, links, images, escapes."""
    if not _MARKUP_CHARS.search(text):
        return text  # most lines of a converted PDF: nothing to do
    if "#" in text and _HEADING.match(text):
        text = _HEADING_CLOSE.sub("", _HEADING.sub("", text))
    if "](" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "*" in text or "_" in text:
        for _ in range(2):  # nested "***x***"
            text = _EMPHASIS.sub(r"\2", text)
        text = _STAR_ITALIC.sub(r"\1", text)
        text = _UNDERSCORE_ITALIC.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def is_heading(line: str) -> bool:
    """True when the line is a markdown heading (``# ...`` to ``###### ...``)."""
    return bool(_HEADING.match(line))


# Every reader cleans the same lines: remember results for the document being parsed.
# :func:`forget_cleaned` empties the memo (document.parse_lines calls it at the start of each
# parse, so every parse pays its own way); it is also capped so that it cannot grow unbounded.
_MEMO_LIMIT = 200_000
_clean_memo: dict[str, str] = {}
_text_memo: dict[str, str] = {}
_headers_memo: dict[tuple[int, tuple[str, ...]], frozenset[str]] = {}


def forget_cleaned() -> None:
    """Empty the memo of cleaned lines (results never depend on it, only speed does)."""
    _clean_memo.clear()
    _text_memo.clear()
    _headers_memo.clear()


def clean_line(line: str) -> str:
    """One line as plain text: markup removed, spaces collapsed, ends stripped; tabs kept."""
    done = _clean_memo.get(line)
    if done is None:
        text = strip_markdown(strip_html(line))
        if "\t" in text:
            done = "\t".join([normalize_space(c).strip() for c in text.split("\t")]).strip("\t ")
        else:
            done = normalize_space(text).strip()
        if len(_clean_memo) >= _MEMO_LIMIT:
            _clean_memo.clear()
        _clean_memo[line] = done
    return done


def clean_text(text: str) -> str:
    """Plain single-spaced text: markup removed and tabs turned into spaces."""
    done = _text_memo.get(text)
    if done is None:
        done = normalize_space(clean_line(text).replace("\t", " ")).strip()
        if len(_text_memo) >= _MEMO_LIMIT:
            _text_memo.clear()
        _text_memo[text] = done
    return done


def split_cells(line: str) -> list[str]:
    """Tab-separated table cells of a line, each cleaned; empty cells kept as ""."""
    return [clean_text(cell) for cell in line.split("\t")]


def has_cells(line: str) -> bool:
    """True when the line is a flattened table row (at least one tab between text)."""
    return "\t" in line.strip("\t \u00a0")


def strip_bullet(text: str) -> str:
    """Text without a leading list marker ("- ", "• ", "* ")."""
    return _BULLET.sub("", text, count=1)


def is_rule(line: str) -> bool:
    """True for horizontal rules and markdown table separator rows ("---", "|--|--|")."""
    if line.lstrip()[:1] not in _RULE_STARTS:  # most lines: no pattern needs trying
        return False
    return bool(_HRULE.match(line) or _TABLE_RULE.match(line))


def is_page_marker(line: str) -> bool:
    """True when the line is only a page number marker: "Page 35", "- 3 -", "2 of 9"."""
    return bool(_PAGE_MARKER.match(clean_text(line)))


def strip_page_marker(text: str) -> str:
    """Text without a trailing "Page N" that a converter glued on ("10.00am Page 92")."""
    return _TRAILING_PAGE.sub("", text)


def page_number(line: str) -> int | None:
    """The number of a page marker line ("Page 35" -> 35), else None."""
    if not is_page_marker(line):
        return None
    match = re.search(r"\d+", line)
    return int(match.group()) if match else None


def page_starts(lines: list[str]) -> list[int]:
    """Index of each line that starts a new page (the lines holding a form feed), 0 first."""
    return [0] + [i for i, line in enumerate(lines) if FORM_FEED in line and i > 0]


def split_pages(lines: list[str]) -> list[list[str]]:
    """Lines grouped by page; a line holding a form feed opens a new page (feed removed).

    The total number of lines is unchanged, so page-relative positions map back to lines.
    """
    pages: list[list[str]] = [[]]
    for line in lines:
        if FORM_FEED in line and pages[-1]:
            pages.append([])
        pages[-1].append(line.replace(FORM_FEED, ""))
    return pages


def running_headers(lines: list[str], min_pages: int = 3) -> set[str]:
    """Cleaned texts that recur at the top or bottom of at least ``min_pages`` pages."""
    key = (min_pages, tuple(lines))  # the front sheet and minutes readers both ask
    found = _headers_memo.get(key)
    if found is None:
        found = _running_headers(lines, min_pages)
        _headers_memo.clear()
        _headers_memo[key] = found
    return set(found)


def _running_headers(lines: list[str], min_pages: int) -> frozenset[str]:
    pages = split_pages(lines)
    if len(pages) < min_pages:
        return frozenset()
    counts: Counter[str] = Counter()
    for page in pages:
        edge = set(_edge_texts(page) + _edge_texts(page[::-1]))
        counts.update(t for t in edge if t and not _PAGE_MARKER.match(t))
    return frozenset(text for text, n in counts.items() if n >= min_pages)


def _edge_texts(page: list[str], depth: int = 3) -> list[str]:
    """The cleaned texts of the first ``depth`` non-blank lines of ``page``."""
    texts: list[str] = []
    for line in page:
        if not is_blank(line):
            texts.append(clean_text(line))
            if len(texts) == depth:
                break
    return texts


def clean_lines(lines: list[str], drop: set[str] | None = None) -> list[str]:
    """Every line cleaned; page markers and texts in ``drop`` become "" (count unchanged).

    Form feeds are removed from the text; use :func:`split_pages` on the raw lines for pages.
    """
    out: list[str] = []
    for line in lines:
        text = clean_line(line.replace(FORM_FEED, "") if FORM_FEED in line else line)
        plain = clean_text(text)
        if _PAGE_MARKER.match(plain) or is_rule(text) or (drop and plain in drop):
            text = ""
        out.append(text)
    return out


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped line fragments with single spaces; "Stoke-on-" + "Trent" stays joined."""
    text = ""
    for part in (clean_text(p) for p in parts):
        if not part:
            continue
        if re.search(r"[A-Za-z]-$", text):
            text += part
        else:
            text = f"{text} {part}" if text else part
    return text


def paragraphs(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines, each line stripped."""
    paras: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paras.append(current)
            current = []
    if current:
        paras.append(current)
    return paras


def wrap_width(lines: list[str]) -> int | None:
    """The width at which a converter wrapped the text into lines, if it did.

    Converters that keep paragraphs on one line (the seeds' markdown) give lines of every
    length; pdftotext and PDF readers fill most prose lines to nearly the same width. The
    longest tenth of the lines then starts near that width.
    """
    lengths = sorted(len(x.strip()) for x in lines if x.strip() and "\t" not in x)
    if len(lengths) < 20:
        return None
    width = lengths[len(lengths) * 9 // 10]
    return width if 40 <= width <= _MAX_WRAP else None


def fills_line(line: str, width: int | None) -> bool:
    """True when ``line`` reaches the wrap width, so its text may go on to the next line."""
    return width is not None and len(line.strip()) >= width * _FULL_LINE


def starts_anew(previous: str, line: str) -> bool:
    """True when ``line`` cannot be the wrapped end of ``previous``: its first word would have
    fitted on ``previous``, for the column is at least as wide as ``line`` itself.

    "9. Exclusion of the Public" over "The Chairman to move: That the public be excluded ..."
    is two things; "3. Minutes of the meeting held on 22" over "January 2019" is one line
    of text wrapped. Table rows (tabs) are left alone: their cells have their own widths.
    """
    if "\t" in previous or "\t" in line:
        return False
    previous, line = previous.strip(), line.strip()
    first_word = line.split(" ", 1)[0]
    return len(previous) + 1 + len(first_word) <= len(line)


_LAYOUT_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def layout_cells(line: str) -> str:
    """A ``pdftotext -layout`` line with column gaps (3+ spaces inside the text) as tabs."""
    return _LAYOUT_GAP.sub("\t", line.strip(" "))


_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")


def pipe_row_as_tabs(line: str) -> str:
    """A markdown pipe-table row ("| 8 June | Item |") as tab-separated cells; other lines as
    they are. Escaped pipes ("\\|") stay inside their cell."""
    match = _PIPE_ROW.match(line)
    if not match or "\t" in line:
        return line
    cells = re.split(r"(?<!\\)\|", match.group(1))
    return "\t".join(cell.strip().replace("\\|", "|") for cell in cells)
