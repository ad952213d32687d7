"""PDF plumbing: HTML to PDF with WeasyPrint, page counts, and assembly with pypdf.

Everything here works on bytes, so a part is rendered once and assembled into as many packs
(public, members') as needed. Page numbers are stamped on at assembly ("Page N", bottom
centre), the same way for rendered and uploaded parts, because a part's start page is only
known once everything before it has been counted.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.template.loader import render_to_string
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.errors import PdfReadError
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

MANIFEST_KEY = "/MinutebookManifest"
# Helvetica advance widths (per 1000 em) for the characters a footer uses.
_HELVETICA_WIDTHS = {"P": 667, "a": 556, "g": 556, "e": 556, " ": 278} | dict.fromkeys(
    "0123456789", 556
)
_FOOTER_SIZE = 10.0
_FOOTER_BASELINE = 22.0  # points above the bottom edge


class PublishingError(Exception):
    """A pack or minutes could not be built; the message says which paper and why."""


@dataclass(frozen=True)
class Rendered:
    """A PDF and how many pages it has."""

    pdf: bytes
    pages: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


class _NoFetching:
    """A WeasyPrint URL fetcher that fetches nothing: papers are self-contained.

    Report text is the council's, but nothing typed into a report should make the server
    open a URL or read a local file while rendering.
    """

    def fetch(self, url: str, headers: object = None) -> object:
        raise ValueError(f"external resources are not loaded when publishing: {url[:80]}")

    def __call__(self, url: str) -> object:  # older fetcher protocol
        return self.fetch(url)


def html_to_pdf(html: str) -> Rendered:
    """Lay out ``html`` with WeasyPrint (print media) and return the PDF with its page count."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=None, url_fetcher=_NoFetching()).render()
    return Rendered(document.write_pdf(), len(document.pages))


def notice_pages(lines: Iterable[str]) -> Rendered:
    """One A4 page per entry, each with that text centred: restricted or blank pages."""
    texts = list(lines)
    html = render_to_string("publishing/notice_pages.html", {"texts": texts})
    rendered = html_to_pdf(html)
    if rendered.pages != len(texts):  # a notice too long for one page would shift numbering
        raise PublishingError("a notice page overflowed onto a second page")
    return rendered


def read_pdf(data: bytes, what: str) -> PdfReader:
    """Open an uploaded PDF, or say in plain words which paper is unreadable."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PublishingError(f"{what} is a password-protected PDF; upload it unprotected")
        if len(reader.pages) == 0:
            raise PublishingError(f"{what} has no pages")
        return reader
    except PublishingError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise PublishingError(f"{what} is not a readable PDF ({exc})") from exc


def page_count(data: bytes, what: str = "the file") -> int:
    return len(read_pdf(data, what).pages)


@dataclass(frozen=True)
class Piece:
    """A run of pages for assembly; ``numbered`` pieces get "Page N" stamped on."""

    pdf: bytes
    numbered: bool
    what: str


def assemble(
    pieces: list[Piece],
    first_number: int = 1,
    title: str = "",
    manifest: dict | None = None,
    attachments: dict[str, str] | None = None,
) -> Rendered:
    """Join ``pieces`` into one PDF, stamping "Page N" on numbered pages from ``first_number``.

    Page labels are set so a PDF viewer shows the printed page number, not the sheet index:
    the complaint this exists to answer is "the page numbers in the app and the PDF disagree".
    """
    writer = PdfWriter()
    numbered_from: int | None = None
    for piece in pieces:
        start = len(writer.pages)
        writer.append(read_pdf(piece.pdf, piece.what))
        if piece.numbered and numbered_from is None:
            numbered_from = start
        if not piece.numbered and numbered_from is not None:
            raise PublishingError("unnumbered pages can only come before the numbered ones")
    total = len(writer.pages)
    if numbered_from is not None:
        number = first_number
        for page in writer.pages[numbered_from:]:
            _stamp(page, f"Page {number}")
            number += 1
        if numbered_from > 0:
            writer.set_page_label(0, numbered_from - 1, prefix="Agenda ")
        writer.set_page_label(
            numbered_from, total - 1, style=PageLabelStyle.DECIMAL, start=first_number
        )
    metadata = {"/Producer": "Minutebook"}
    if title:
        metadata["/Title"] = title
    if manifest is not None:
        metadata[MANIFEST_KEY] = json.dumps(manifest, sort_keys=True)
    writer.add_metadata(metadata)
    for name, text in (attachments or {}).items():
        writer.add_attachment(name, text.encode())
    out = io.BytesIO()
    writer.write(out)
    return Rendered(out.getvalue(), total)


def _text_width(text: str, size: float) -> float:
    return sum(_HELVETICA_WIDTHS.get(c, 556) for c in text) * size / 1000


def _stamp(page: PageObject, text: str) -> None:
    """Draw ``text`` at the bottom centre of the visible page, over what is there."""
    if page.get("/Rotate", 0):
        page.transfer_rotation_to_content()
    box = page.cropbox
    x = float(box.left) + (float(box.width) - _text_width(text, _FOOTER_SIZE)) / 2
    y = float(box.bottom) + _FOOTER_BASELINE
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    overlay = PageObject.create_blank_page(width=box.right, height=box.top)
    overlay[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/MBPageNo"): font})}
    )
    stream = DecodedStreamObject()
    safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream.set_data(
        f"q 0 g BT /MBPageNo {_FOOTER_SIZE:g} Tf {x:.2f} {y:.2f} Td ({safe}) Tj ET Q".encode()
    )
    overlay[NameObject("/Contents")] = stream
    page.merge_page(overlay)


def read_manifest(data: bytes) -> dict | None:
    """The manifest a published PDF carries (agenda titles, pages, part hashes), if any."""
    try:
        reader = PdfReader(io.BytesIO(data))
        raw = (reader.metadata or {}).get(MANIFEST_KEY)
    except (PdfReadError, ValueError, KeyError, TypeError):
        return None
    if not raw:
        return None
    try:
        value = json.loads(str(raw))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def read_attachment(data: bytes, name: str) -> str | None:
    """An attachment embedded at publication (the HTML version), decoded."""
    try:
        found = PdfReader(io.BytesIO(data)).attachments.get(name)
    except (PdfReadError, ValueError, KeyError, TypeError):
        return None
    return found[0].decode() if found else None


# What pad() prints on the pages it adds to even up two versions of a paper.
BLANK = "This page is intentionally left blank"


def pad(rendered: Rendered, pages: int, notice: str) -> Rendered:
    """``rendered`` followed by notice pages up to ``pages`` pages in all."""
    missing = pages - rendered.pages
    if missing <= 0:
        return rendered
    filler = notice_pages([notice] * missing)
    joined = assemble(
        [Piece(rendered.pdf, False, "a paper"), Piece(filler.pdf, False, "filler pages")]
    )
    return Rendered(joined.pdf, pages)


__all__ = [
    "BLANK",
    "Piece",
    "PublishingError",
    "Rendered",
    "assemble",
    "html_to_pdf",
    "notice_pages",
    "pad",
    "page_count",
    "read_attachment",
    "read_manifest",
    "read_pdf",
]
