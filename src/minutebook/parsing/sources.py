"""Bytes to lines: decode text files, extract PDF text.

Every reader works on ``list[str]``: one entry per printed line, with a form feed ("\\f") at the
start of the first line of every page after the first where the source marks pages (PDFs, and
text made by pdftotext). Wide horizontal gaps inside a PDF line (table columns, "Date:<gap>4 May")
become tabs, as the text converters of the seeds print table cells.
"""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.parsing.errors import DocumentError

MAX_BYTES = 200 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
PDF_SUFFIXES = frozenset({".pdf"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# C0 and C1 control characters other than tab, newline, vertical tab, form feed, carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\x0b|\u2028|\u2029|\x85")
_MAX_CONTROL_RATIO = 0.01
# A gap wider than this many ems between two characters on a line separates table cells.
_CELL_GAP_EMS = 1.6
# A vertical gap wider than this many ems between two lines is a paragraph break.
_PARAGRAPH_GAP_EMS = 0.45
# A first cell that is only an item number ("1.", "(a)", "12") is joined to its title.
_NUMBER_CELL = re.compile(r"\(?[0-9]{1,3}[a-z]?[.)]?|\(?[a-z][.)]")
_MIN_TEXT_CHARS = 20


def read_lines(path: str | Path) -> list[str]:
    """The lines of a .txt/.md/.pdf document. Raises DocumentError if it cannot be read."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF-") or suffix in PDF_SUFFIXES:
        return pdf_lines(data)
    if suffix not in TEXT_SUFFIXES:
        kinds = ", ".join(sorted(TEXT_SUFFIXES | PDF_SUFFIXES))
        raise DocumentError(
            f"unsupported file type {suffix or '(none)'!r}; expected one of {kinds}"
        )
    return text_lines(data)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
                f"{MAX_BYTES // (1024 * 1024)} MB)"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read the file ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError("the file is empty")
    return data


# ---------------------------------------------------------------------------------------------
# Text files


def decode_text(data: bytes) -> str:
    """Decode a text file: BOM-marked UTF-8/16/32, then UTF-8, then cp1252 when it looks like text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise DocumentError(f"the file is not valid {encoding.upper()} text") from exc
    if b"\x00" in data:
        raise DocumentError("the file is binary, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError as exc:
        raise DocumentError("the file is binary or in an unknown text encoding") from exc


def _checked(text: str) -> str:
    """``text`` unless it holds too many control characters to be a document."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DocumentError("the file is empty")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) * _MAX_CONTROL_RATIO):
        raise DocumentError("the file is binary, not text (too many control characters)")
    return text


def split_lines(text: str) -> list[str]:
    """Split on line breaks only (form feeds stay inside lines); no trailing empty line."""
    text = _CONTROL.sub("", text.replace("\x00", ""))
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip(" ") for line in lines]


def text_lines(data: bytes) -> list[str]:
    """Lines of a text or markdown file."""
    return split_lines(decode_text(data))


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_lines(data: bytes) -> list[str]:
    """Lines of a PDF's text layer, pages joined with form feeds."""
    pages = pdf_pages(data)
    if sum(len("".join(p.split())) for p in pages) < _MIN_TEXT_CHARS:
        raise DocumentError("the PDF has no text layer (scanned images?) — run OCR first")
    lines: list[str] = []
    for number, page in enumerate(pages):
        page_lines = split_lines(page) or [""]
        if number:
            page_lines[0] = "\f" + page_lines[0]
        lines.extend(page_lines)
    return lines


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page of a PDF, in reading order, with tabs between table cells."""
    import pypdfium2 as pdfium  # imported here: text files need no PDF engine

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(_open_error(getattr(exc, "err_code", None))) from exc
    try:
        if len(pdf) == 0:
            raise DocumentError("the PDF has no pages")
        return [_page_text(pdf, index) for index in range(len(pdf))]
    except pdfium.PdfiumError as exc:
        raise DocumentError("the PDF is damaged and its text cannot be read") from exc
    finally:
        pdf.close()


def _open_error(code: int | None) -> str:
    if code == 4:
        return "the PDF is encrypted and needs a password"
    if code == 5:
        return "the PDF is encrypted with an unsupported security scheme"
    if code == 2:
        return "the PDF cannot be opened (file access error)"
    return "the PDF is damaged or not a PDF (it cannot be opened)"


def _page_text(pdf: object, index: int) -> str:
    page = pdf[index]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        # pdfium marks a hyphen that ends a line inside a word as U+FFFE; NULs are junk.
        text = textpage.get_text_range().replace("\ufffe", "-").replace("\x00", "")
        if len(text) != textpage.count_chars():
            return text  # characters do not map to boxes: keep pdfium's text as it is
        return _with_cell_tabs(text, textpage)
    finally:
        textpage.close()
        page.close()


def _with_cell_tabs(text: str, textpage: object) -> str:
    """Page text with tabs at wide gaps inside a line and blank lines at wide gaps between."""
    lines = [_line_cells(chars, textpage) for chars in _line_spans(text)]
    out: list[str] = []
    prev: _Line | None = None
    for line in lines:
        if prev is not None and line.box and prev.box:
            gap = prev.box[1] - line.box[2]
            if gap > _PARAGRAPH_GAP_EMS * min(prev.box[0], line.box[0]):
                out.append("")
        out.append(line.text)
        if line.box:
            prev = line
    return "\n".join(out)


class _Line:
    """One line of a PDF page: its text and (em, bottom, top) of its characters, if any."""

    def __init__(self, text: str, box: tuple[float, float, float] | None) -> None:
        self.text = text
        self.box = box


def _line_spans(text: str) -> list[list[tuple[int, str]]]:
    """Characters of the page text with their indexes, split into lines."""
    spans: list[list[tuple[int, str]]] = [[]]
    for i, ch in enumerate(text):
        if ch == "\n":
            spans.append([])
        elif ch != "\r":
            spans[-1].append((i, ch))
    return spans


def _line_cells(chars: list[tuple[int, str]], textpage: object) -> _Line:
    out: list[str] = []
    prev_right: float | None = None
    ems: list[float] = []
    bottoms: list[float] = []
    tops: list[float] = []
    for i, ch in chars:
        if ch.isspace():
            out.append(ch)
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)  # type: ignore[attr-defined]
        em = max(top - bottom, 1.0)
        if prev_right is not None and left - prev_right > _CELL_GAP_EMS * em:
            while out and out[-1] in " \t":
                out.pop()
            out.append(" " if _NUMBER_CELL.fullmatch("".join(out).strip()) else "\t")
        out.append(ch)
        prev_right = right
        ems.append(em)
        bottoms.append(bottom)
        tops.append(top)
    if not ems:
        return _Line("".join(out), None)
    return _Line("".join(out), (sorted(ems)[len(ems) // 2], min(bottoms), max(tops)))
