"""Bytes to lines: decode text files, extract PDF text.

Every reader works on ``list[str]``: one entry per printed line, with a form feed ("\\f") at the
start of the first line of every page after the first where the source marks pages (PDFs, and
text made by pdftotext). Wide horizontal gaps inside a PDF line (table columns, "Date:<gap>4 May")
become tabs, as the text converters of the seeds print table cells, and a table row whose cells
wrap over several lines is rebuilt as one line of tab-separated cells (see :mod:`pdf_layout`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from minutebook.parsing import pdf_chars, pdf_layout, pdf_ruled
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
    if _text_chars(pages) < _MIN_TEXT_CHARS:
        raise DocumentError("the PDF has no text layer (scanned images?) — run OCR first")
    lines: list[str] = []
    for number, page in enumerate(pages):
        page_lines = split_lines(page) or [""]
        if number:
            page_lines[0] = "\f" + page_lines[0]
        lines.extend(page_lines)
    return lines


def _text_chars(pages: list[str]) -> int:
    """How many characters of the pages are not spaces: at least _MIN_TEXT_CHARS, or all
    (pages past the first that have that many are not counted)."""
    total = 0
    for page in pages:
        total += len("".join(page.split()))
        if total >= _MIN_TEXT_CHARS:
            break
    return total


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
    """Page ``index``'s text (:func:`pdf_layout.page_text`), read through pdfium's own calls:
    pypdfium2's page and text page objects cost more than the calls they make."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    raw_page = pdfium_c.FPDF_LoadPage(pdf.raw, index)  # type: ignore[attr-defined]
    if not raw_page:
        raise pdfium.PdfiumError("Failed to load page.")
    raw_textpage = pdfium_c.FPDFText_LoadPage(raw_page)
    page, textpage = pdf_chars.Handle(raw_page), pdf_chars.Handle(raw_textpage)
    try:
        if not raw_textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        # pdfium marks a hyphen that ends a line inside a word as U+FFFE; NULs are junk.
        count = pdfium_c.FPDFText_CountChars(raw_textpage)
        if count == -1:
            raise pdfium.PdfiumError("Failed to get character count.")
        text = _text_range(raw_textpage, count).replace("\ufffe", "-").replace("\x00", "")
        if len(text) != count:
            return text  # characters do not map to boxes: keep pdfium's text as it is
        # character boxes are in the page's own (unturned) space: its width there
        turned = pdfium_c.FPDFPage_GetRotation(raw_page) in (1, 3)  # 90 or 270 degrees
        width = (pdfium_c.FPDF_GetPageHeightF if turned else pdfium_c.FPDF_GetPageWidthF)(raw_page)
        rules = functools.partial(_page_rules, page)  # read only where they can matter
        verticals = functools.partial(_vertical_rules, page)
        return pdf_layout.page_text(text, textpage, width, rules, verticals)
    finally:
        page.raw = textpage.raw = None  # closed: a fragment's words can no longer be read
        if raw_textpage:
            pdfium_c.FPDFText_ClosePage(raw_textpage)
        pdfium_c.FPDF_ClosePage(raw_page)


def _page_rules(page: object) -> list[pdf_layout.Rule]:
    try:
        return pdf_layout.page_rules(page)
    except Exception:  # rules only help; a page whose drawing cannot be read keeps its text
        return []


def _vertical_rules(page: object) -> list[pdf_ruled.VRule]:
    try:
        return pdf_ruled.vertical_rules(page)
    except Exception:  # rules only help; a page whose drawing cannot be read keeps its text
        return []


def _text_range(textpage: object, count: int) -> str:
    """All the text of a pdfium text page of ``count`` characters, as pypdfium2's
    ``PdfTextPage.get_text_range()`` reads it (characters pdfium leaves out of its text at
    either end are left out of the range asked for)."""
    import ctypes
    from codecs import decode

    import pypdfium2.raw as pdfium_c

    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    first, last = 0, count - 1
    while first <= last and text_index(textpage, first) == -1:
        first += 1
    while first <= last and text_index(textpage, last) == -1:
        last -= 1
    if first > last:
        return ""
    size = text_index(textpage, last) + 2 - text_index(textpage, first)  # with the NUL
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(textpage, first, last + 1 - first, buffer)
    return decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")
