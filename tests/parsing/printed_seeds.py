"""The seeds printed as a council would print them: HTML to a paginated PDF with WeasyPrint.

The seeds' text came out of a converter that kept each paragraph on one line and each table
row on one line of tab-separated cells. Printing that text again gives a real PDF with real
line wrapping, page footers and ruled tables, which the other converters (pdftotext in
reading order and with -layout) and our own PDF reader can then read as they would read the
council's original: a test of every reader against text it was not written from.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import weasyprint

_BOLD = re.compile(r"\*\*(.+?)\*\*")

STYLE = """
@page { size: A4; margin: 2cm; @bottom-center { content: "Page " counter(page) } }
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt }
table { border-collapse: collapse; width: 100% }
td { border: 1px solid black; vertical-align: top; padding: 3px }
"""


def _inline(line: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(line.strip()))


def seed_html(lines: list[str]) -> str:
    """Paragraphs (blank-line separated, line breaks kept), runs of tab rows as ruled tables,
    form feeds as page breaks."""
    parts: list[str] = []
    paragraph: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            parts.append("<p>" + "<br>".join(_inline(x) for x in paragraph) + "</p>")
            paragraph.clear()
        if rows:
            width = max(len(r) for r in rows)
            cells = (
                "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r + [""] * (width - len(r)))
                for r in rows
            )
            parts.append(f"<table>{''.join(cells)}</table>")
            rows.clear()

    for raw in lines:
        if "\f" in raw:
            flush()
            parts.append('<div style="break-after: page"></div>')
        line = raw.replace("\f", "")
        if not line.strip():
            flush()
        elif "\t" in line:
            if paragraph:
                flush()
            rows.append(line.split("\t"))
        else:
            if rows:
                flush()
            paragraph.append(line)
    flush()
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def print_seed(lines: list[str], pdf: Path) -> Path:
    weasyprint.HTML(string=seed_html(lines)).write_pdf(pdf)
    return pdf
