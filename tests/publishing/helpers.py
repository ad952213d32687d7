"""Reading published PDFs back the way a person (or the parser) would."""

from __future__ import annotations

import re

import pypdfium2 as pdfium

FOOTER = re.compile(r"Page (\d+)\s*$")


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, in order, as pypdfium2 extracts it."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def footer_number(text: str) -> int | None:
    match = FOOTER.search(text.strip())
    return int(match.group(1)) if match else None


def squash(text: str) -> str:
    """Whitespace folded, so a title wrapped over lines still matches."""
    return re.sub(r"\s+", " ", text)
