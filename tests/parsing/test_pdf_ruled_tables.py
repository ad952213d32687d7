"""PDF tables ruled into cells: the rules, not the gaps, separate the cells.

With tight cell padding the gap between two cells' text is narrower than a cell gap, and
pdfium joins the text of several cells on one baseline into one line. Each test draws such a
table (WeasyPrint printing an HTML table, as a browser or ModernGov would; reportlab; borders
drawn as thin filled rectangles, as Word does) and reads it back row by row, cell by cell.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.parsing.test_pdf_tables import DETAILS, HEADER
from tests.shared_documents import SEEDS

from minutebook.parsing import parse_path, sources, to_json

MakeFile = Callable[[str, bytes], Path]


def programme_rows(count: int) -> list[list[str]]:
    """Work programme rows whose cells wrap over different numbers of lines."""
    return [
        [
            f"{n + 1} June 2018 10.00 am" if n % 3 == 0 else "",
            f"Children's Centres review {n} Cabinet Member: Mark Sutton Lead Officer: Mick Harrison",
            DETAILS * (1 + n % 2),
            "Members noted the report and asked for a further update." if n % 2 else "",
        ]
        for n in range(count)
    ]


def html_pdf(blocks: list[str | list[list[str]]], padding: str = "1px", css: str = "") -> bytes:
    """A PDF printed by WeasyPrint: each block a paragraph (a string) or a ruled table (rows of
    cells; a cell "<td ...>" is written as it is), A4, 11pt, cells bordered, tightly padded."""
    import weasyprint

    def cell(text: str) -> str:
        return text if text.startswith("<td") else f"<td>{html.escape(text)}</td>"

    parts = [
        f"<p>{html.escape(block)}</p>"
        if isinstance(block, str)
        else "<table>"
        + "".join("<tr>" + "".join(map(cell, row)) + "</tr>" for row in block)
        + "</table>"
        for block in blocks
    ]
    style = (
        "@page { size: A4; margin: 2cm } body { font-family: Arial, 'Liberation Sans', sans-serif;"
        " font-size: 11pt } table { border-collapse: collapse; width: 100% }"
        f" td {{ border: 1px solid black; vertical-align: top; padding: {padding} }} {css}"
    )
    document = f"<html><head><style>{style}</style></head><body>{''.join(parts)}</body></html>"
    return weasyprint.HTML(string=document).write_pdf()


def table_lines(path: Path) -> list[str]:
    """The lines of a PDF that hold cells."""
    return [line for line in sources.read_lines(path) if "\t" in line]


def test_tightly_padded_rows_come_back_cell_by_cell(make_file: MakeFile) -> None:
    """Cells 2pt apart (padding and border): under a cell gap, and their lines interleave
    on the same baselines."""
    rows = [HEADER, *programme_rows(5)]
    lines = table_lines(make_file("t.pdf", html_pdf(["Work Programme 2018-19", rows])))
    assert lines == ["\t".join(row) for row in rows]


@pytest.mark.parametrize("padding", ["0", "3px"])
def test_narrow_columns_of_wrapped_cells(make_file: MakeFile, padding: str) -> None:
    """Every cell wraps over several lines of a few words each: pdfium prints each baseline
    across all cells as one line."""
    rows = [
        ["Extra meeting 23 April NB meeting starts at 11.00 am", "Safeguarding concerns over "
         "the Rise in Crime", "Following concerns raised at the 15 January Select Committee",
         "The Chief Constable Gareth Morgan and the Police and Crime Commissioner attended"],
        ["8 June", "Children's Centres 3 years on", DETAILS, ""],
    ]  # fmt: skip
    pdf = html_pdf([rows], padding, "table { width: 60% }")
    assert table_lines(make_file("t.pdf", pdf)) == ["\t".join(row) for row in rows]


def _joined(first: list[str], rest: list[str]) -> list[str]:
    """Cells of a row cut by a page break put back together."""
    return [" ".join(x for x in pair if x) for pair in zip(first, rest, strict=True)]


def test_row_cut_by_a_page_break_is_a_row_on_each_page(make_file: MakeFile) -> None:
    """A row continued on the next page has no rule at the cut: the ends of the vertical rules
    bound it, and each page prints its part as a row of its own."""
    long_cell = " ".join(f"Paragraph {n} of the officer's update on the review." for n in range(60))
    rows = [HEADER, *programme_rows(3), ["4 March 2019", "Long item", long_cell, "Noted."]]
    rows += programme_rows(2)
    pdf = make_file("t.pdf", html_pdf(["Work Programme", rows]))
    lines = table_lines(pdf)
    assert lines[:4] == ["\t".join(row) for row in rows[:4]]
    first, rest = lines[4].split("\t"), lines[5].split("\t")
    assert rest[0].startswith("\f") and not lines[4].startswith("\f")
    rest[0] = rest[0].removeprefix("\f")
    assert first[:2] == ["4 March 2019", "Long item"] and first[2] and rest[2]
    assert rest[:2] == ["", ""] and rest[3] == ""
    assert _joined(first, rest) == rows[4]
    assert lines[6:] == ["\t".join(row) for row in rows[5:]]


def test_rows_broken_over_several_pages(make_file: MakeFile) -> None:
    """Many rows over pages: each printed row, or part of a row, reads as one line of cells
    that put back together give the table's rows."""
    rows = [HEADER, *programme_rows(40)]
    lines = table_lines(make_file("t.pdf", html_pdf(["Work Programme", rows])))
    assert sum(line.startswith("\f") for line in lines) >= 2  # over three pages at least
    cells = [line.removeprefix("\f").split("\t") for line in lines]
    rebuilt: list[list[str]] = []
    for line, row in zip(lines, cells, strict=True):
        if line.startswith("\f") and rebuilt and len(rebuilt) < len(rows):
            expected = rows[len(rebuilt) - 1]
            if rebuilt[-1] != expected and _joined(rebuilt[-1], row) == expected:
                rebuilt[-1] = _joined(rebuilt[-1], row)
                continue
        rebuilt.append(row)
    assert rebuilt == rows


def test_merged_cells(make_file: MakeFile) -> None:
    """A cell spanning columns is one cell; under a cell spanning rows, an empty one."""
    rows = [
        ['<td colspan="3">Standing items, considered at every meeting of the committee</td>'],
        ['<td rowspan="2">8 June 2018 10.00 am</td>', "Children's Centres", "Noted."],
        ["Prevent Strategy update from the Cabinet Member", "Members asked for a report."],
    ]
    lines = table_lines(make_file("t.pdf", html_pdf(["Heading", *[rows]], "1px")))
    assert lines == [
        "8 June 2018 10.00 am\tChildren's Centres\tNoted.",
        "\tPrevent Strategy update from the Cabinet Member\tMembers asked for a report.",
    ]
    assert "Standing items, considered at every meeting of the committee" in sources.read_lines(
        make_file("t.pdf", html_pdf([rows]))
    )


def test_reportlab_grid_with_tight_padding(make_file: MakeFile) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    rows = [HEADER, *programme_rows(4)]
    table = Table(
        [[Paragraph(html.escape(c), body) for c in row] for row in rows],
        colWidths=[80, 110, 130, 90],
    )
    padding = [(f"{side}PADDING", (0, 0), (-1, -1), 1) for side in ("LEFT", "RIGHT")]
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *padding,
            ]
        )
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    assert table_lines(make_file("t.pdf", buffer.getvalue())) == ["\t".join(r) for r in rows]


@pytest.mark.parametrize("padding", [2.0, 0.3])
def test_borders_drawn_as_thin_filled_rectangles(make_file: MakeFile, padding: float) -> None:
    """Word draws cell borders as thin filled rectangles; cells' text a few points apart or
    less than a word gap (no space between them in pdfium's text), drawn line by line across
    the row (not cell by cell)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rows = [
        [["Date of meeting"], ["Item"], ["Details"]],
        [["8 June 2018"], ["Children's Centres", "3 years on"], ["Members noted", "the report"]],
        [[""], ["Prevent Strategy"], ["Asked for an", "update in", "six months"]],
    ]
    # each column ``padding`` wider than its text on either side
    columns = [60.0]
    for n in range(3):
        width = max(canvas.Canvas(io.BytesIO()).stringWidth(x, "Helvetica", 11)
                    for row in rows for x in row[n])  # fmt: skip
        columns.append(columns[-1] + width + 2 * padding)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    top = 780.0
    for row in rows:
        height = 13.0 * max(map(len, row)) + 4
        for line in range(max(map(len, row))):
            y = top - 12 - 13 * line
            for x, cell in zip(columns, row, strict=False):
                if line < len(cell):
                    pdf.drawString(x + padding, y, cell[line])
        for x in columns:
            pdf.rect(x - 0.25, top - height, 0.5, height, stroke=0, fill=1)
        pdf.rect(columns[0], top - 0.25, columns[-1] - columns[0], 0.5, stroke=0, fill=1)
        top -= height
    pdf.rect(columns[0], top - 0.25, columns[-1] - columns[0], 0.5, stroke=0, fill=1)
    pdf.showPage()
    pdf.save()
    lines = table_lines(make_file("t.pdf", buffer.getvalue()))
    assert lines == ["\t".join(" ".join(cell) for cell in row) for row in rows]


def test_box_around_paragraphs_is_not_a_table(make_file: MakeFile) -> None:
    """A one-cell table (a box): its lines stay lines."""
    pdf = html_pdf([[["Date: Monday, 4 March 2019"]], "Venue: Oak Room"])
    assert [x for x in sources.read_lines(make_file("t.pdf", pdf)) if x] == [
        "Date: Monday, 4 March 2019",
        "Venue: Oak Room",
    ]


SEED_000 = sorted(SEEDS.glob("000_*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not SEED_000, reason="the shared seeds are not here")
def test_seed_work_programme_printed_reads_back_as_its_text(make_file: MakeFile) -> None:
    """Seed 000's work programme printed as ruled HTML tables (a blank line between tables)
    reads back into the same programme as its text, but where the seed's own page breaks cut
    a row (the text continues it after a blank line; printed, it is a row of its own)."""
    lines = sources.read_lines(SEED_000[0])
    start = lines.index("Work Programme 2018-19")
    end = lines.index("Standing Items 2018-19")
    section = lines[start:end]
    blocks: list[str | list[list[str]]] = []
    for line in section:
        if "\t" in line:
            if not blocks or isinstance(blocks[-1], str):
                blocks.append([])
            blocks[-1].append(line.split("\t"))  # type: ignore[union-attr]
        elif line.strip():
            blocks.append(line)
    pdf_rows = to_json(parse_path(make_file("wp.pdf", html_pdf(blocks, "3px"))))
    text_rows = to_json(parse_path(make_file("wp.txt", "\n".join(section).encode())))
    printed = pdf_rows["work_programme"]["rows"]
    expected = text_rows["work_programme"]["rows"]
    assert len(expected) > 30
    items = [row["item"] for row in printed]
    found = [row for row in expected if row["item"] in items]
    assert len(found) >= len(expected) - 2
    assert len(printed) <= len(expected) + 4
    assert sum(row in expected for row in printed) >= len(expected) - 6  # dates, details too


def test_table_ruled_into_columns_only_keeps_its_rows_apart(make_file: MakeFile) -> None:
    """Rules between the columns but none between the rows: one band cannot be one row."""
    rows = [["8 June 2018", "Children's Centres"], ["10 July 2018", "Prevent Strategy"]]
    css = (
        "td { border-top: none; border-bottom: none; padding: 2px 6px 8px 6px }"
        " table { border-top: 1px solid black; border-bottom: 1px solid black }"
    )
    lines = table_lines(make_file("t.pdf", html_pdf(["Heading", rows], css=css)))
    assert lines == ["\t".join(row) for row in rows]
