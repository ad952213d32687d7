"""Bytes to lines: decode text files, extract PDF text.

Every reader works on ``list[str]``: one entry per printed line, with a form feed ("\\f") at the
start of the first line of every page after the first where the source marks pages (PDFs, and
text made by pdftotext). Wide horizontal gaps inside a PDF line (table columns, "Date:<gap>4 May")
become tabs, as the text converters of the seeds print table cells, and a table row whose cells
wrap over several lines is rebuilt as one line of tab-separated cells (see :mod:`pdf_layout`).
"""

from __future__ import annotations

import re
from pathlib import Path

from minutebook.parsing import pdf_layout, pdf_ruled
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
        # character boxes are in the page's own (unturned) space: its width there
        turned = page.get_rotation() in (90, 270)
        width = page.get_height() if turned else page.get_width()
        try:
            rules = pdf_layout.page_rules(page)
            verticals = pdf_ruled.vertical_rules(page) if rules else []
        except Exception:  # rules only help; a page whose drawing cannot be read keeps its text
            rules, verticals = [], []
        return pdf_layout.page_text(text, textpage, width, rules, verticals)
    finally:
        textpage.close()
        page.close()
