"""Fixtures for parser tests: small PDFs drawn with reportlab inside the test run."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest


def draw_pdf(pages: list[list[str]], encrypt: str | None = None, image_only: bool = False) -> bytes:
    """A PDF with one page per list of lines (Helvetica 11pt), optionally encrypted."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt)
    for lines in pages:
        if image_only:
            pdf.setFillGray(0.3)
            for n in range(len(lines) or 1):
                pdf.rect(60, 780 - 18 * n, 300, 10, fill=1, stroke=0)
        else:
            y = 800.0
            for line in lines:
                x = 60.0
                for n, cell in enumerate(line.split("\t")):
                    pdf.setFont("Helvetica", 11)
                    pdf.drawString(x + 250 * n if n else x, y, cell)
                y -= 15 if line else 8
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def make_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    def _make(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _make


@pytest.fixture
def pdf_bytes() -> Callable[..., bytes]:
    """:func:`draw_pdf` as a fixture, so test modules need not import conftest."""
    return draw_pdf
