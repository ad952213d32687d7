"""PDF tables: rows drawn cell by cell come back as one line of tab-separated cells.

Each test draws a table with reportlab, writes the same content as text the way the seeds'
converters print tables (one row a line, cells separated by tabs), and checks that the PDF
parses to the same records as the text.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.parsing import parse_path, sources, to_json

MakeFile = Callable[[str, bytes], Path]

HEADER = ["Date of meeting", "Item", "Details", "Action/Outcome"]
DETAILS = (
    "At the Select Committee meeting of 5 March 2018 it was agreed that the Commissioning "
    "Officer should report back on the contract in twelve months."
)


def programme_rows(count: int) -> list[list[str]]:
    """Work programme rows with wrapped cells; the date cell is empty under a dated row."""
    rows = []
    for n in range(count):
        rows.append(
            [
                f"{n + 1} June 2018 10.00 am" if n % 3 == 0 else "",
                f"Children's Centres review {n} Cabinet Member: Mark Sutton "
                f"Lead Officer: Mick Harrison",
                DETAILS * (1 + n % 2),
                "Members noted the report and asked for a further update." if n % 2 else "",
            ]
        )
    return rows


def table_pdf(
    title: str,
    rows: list[list[str]],
    widths: list[float],
    grid: bool = True,
    space_before: float = 0,
    before: list[str] = (),  # type: ignore[assignment]
) -> bytes:
    """A PDF of a heading, optional paragraphs and a table of wrapped paragraphs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story = [Paragraph(line, body) for line in before]
    story += [Paragraph(title, styles["Heading2"]), Spacer(1, space_before)]
    table = Table(
        [[Paragraph(cell, body) for cell in row] for row in rows],
        colWidths=widths,
        splitInRow=1,
    )
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(style))
    story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def as_text(title: str, rows: list[list[str]], before: list[str] = ()) -> bytes:  # type: ignore[assignment]
    """The same content as text: paragraphs apart, the table one row a line."""
    lines = [x for line in before for x in (line, "")]
    lines += [title, "", *("\t".join(row) for row in rows)]
    return "\n".join(lines).encode()


def test_work_programme_with_wrapped_cells_and_page_break(make_file: MakeFile) -> None:
    rows = [HEADER, *programme_rows(12)]
    title = "Work Programme 2018-19"
    pdf = make_file("wp.pdf", table_pdf(title, rows, [90, 150, 170, 90], space_before=120))
    lines = sources.read_lines(pdf)
    assert any(line.startswith("\f") for line in lines)  # the table runs onto a second page
    pdf_doc = parse_path(pdf)
    text_doc = parse_path(make_file("wp.txt", as_text(title, rows)))
    text_rows = to_json(text_doc)["work_programme"]["rows"]
    assert len(text_rows) == 12
    assert text_rows[0]["cabinet_members"] == ["Mark Sutton"]
    assert to_json(pdf_doc)["work_programme"] == to_json(text_doc)["work_programme"]


def test_wrapped_row_is_one_line_of_cells(make_file: MakeFile) -> None:
    rows = [HEADER, *programme_rows(2)]
    lines = sources.read_lines(make_file("wp.pdf", table_pdf("Work Programme", rows, [90] * 4)))
    cells = [line.split("\t") for line in lines if "\t" in line]
    assert cells[0] == HEADER
    assert cells[1][0] == "1 June 2018 10.00 am"
    assert cells[1][2] == DETAILS
    assert cells[2][0] == "" and cells[2][3].startswith("Members noted the report")


def test_unruled_table_rows_rebuilt_too(make_file: MakeFile) -> None:
    rows = [HEADER, *programme_rows(4)]
    title = "Work Programme 2018-19"
    pdf_doc = parse_path(make_file("wp.pdf", table_pdf(title, rows, [90, 150, 170, 90], False)))
    text_doc = parse_path(make_file("wp.txt", as_text(title, rows)))
    assert to_json(pdf_doc)["work_programme"] == to_json(text_doc)["work_programme"]


FRONT = [
    "Safe and Strong Communities Select Committee",
    "Monday, 4 March 2019",
    "10.00 am",
    "Oak Room, County Buildings, Stafford",
    "John Tradewell",
    "Director of Corporate Services",
    "22 February 2019",
    "A G E N D A",
    "1. Apologies",
    "2. Declarations of Interest",
    "3. Work Programme (Pages 3 - 8)",
]
MEMBERS = [
    ["Ann Beech", "Jason Jones"],
    ["Mike Davies", "Natasha Pullen"],
    ["John Francis (Chairman)", "Paul Snape"],
    ["Syed Hussain", "Conor Wileman (Vice-Chairman)"],
    ["Trevor Johnson", "Mike Worthington"],
]


def test_two_column_membership_table(make_file: MakeFile) -> None:
    pdf = table_pdf("Committee Membership", MEMBERS, [200, 200], grid=False, before=FRONT)
    pdf_doc = parse_path(make_file("agenda.pdf", pdf))
    text_doc = parse_path(
        make_file("agenda.txt", as_text("Committee Membership", MEMBERS, before=FRONT))
    )
    assert text_doc.meeting is not None and len(text_doc.meeting.membership) == 10
    assert to_json(pdf_doc)["meeting"] == to_json(text_doc)["meeting"]


def test_names_printed_as_two_columns_stay_one_name_a_line(
    make_file: MakeFile, pdf_bytes: Callable[..., bytes]
) -> None:
    """Two lists side by side, each drawn top to bottom: not one row of wrapped cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, 800, "Committee Membership")
    for column, x in ((0, 60), (1, 300)):
        for n, pair in enumerate(MEMBERS):
            pdf.drawString(x, 770 - 14 * n, pair[column])
    pdf.showPage()
    pdf.save()
    lines = sources.read_lines(make_file("m.pdf", buffer.getvalue()))
    assert ["\t".join(pair) for pair in MEMBERS] == [x for x in lines if "\t" in x]


def test_numbered_paragraphs_and_prose_are_left_alone(
    make_file: MakeFile, pdf_bytes: Callable[..., bytes]
) -> None:
    page = [
        "1. Apologies for absence",
        "",
        "The Chairman welcomed everyone to the meeting and noted that",
        "apologies had been received from two members.",
        "",
        "Date:\tMonday, 4 March 2019",
        "Venue:\tOak Room, County Buildings",
    ]
    lines = sources.read_lines(make_file("p.pdf", pdf_bytes([page])))
    assert [x for x in lines if x] == [x for x in page if x]


WORDS = [
    "the",
    "committee",
    "noted",
    "report",
    "council",
    "member",
    "officer",
    "review",
    "plan",
    "budget",
    "agreed",
    "update",
]
WORD = st.sampled_from(WORDS)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[list[str]], list[float], bool]:
    """A table whose every column holds a wrapped cell in some row (so that each column's
    edge is printed somewhere), other cells empty or short, ruled or not, on one page."""
    columns = draw(st.integers(2, 4))
    widths = [draw(st.integers(100, 480 // columns)) for _ in range(columns)]
    rows = []
    for n in range(draw(st.integers(columns, 6))):
        row = []
        for c in range(columns):
            size = (
                12
                if c == n % columns
                else draw(st.sampled_from([0, 1, 2, 3]) if c else st.integers(1, 3))
            )
            row.append(" ".join(draw(st.lists(WORD, min_size=size, max_size=size))).capitalize())
        rows.append(row)
    return rows, widths, draw(st.booleans())


def rebuilt_rows(
    directory: Path, rows: list[list[str]], widths: list[float], grid: bool
) -> list[str]:
    path = directory / "t.pdf"
    path.write_bytes(table_pdf("Table", rows, widths, grid=grid))
    return [x.rstrip("\t") for x in sources.read_lines(path) if x and x != "Table"]


# Examples hypothesis has found failing are pinned below as tests of their own (CI runs
# hypothesis derandomised: see tests/conftest.py).
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_random_wrapped_tables_come_back_row_by_row(
    tmp_path_factory: pytest.TempPathFactory, table: tuple[list[list[str]], list[float], bool]
) -> None:
    rows, widths, grid = table
    lines = rebuilt_rows(tmp_path_factory.mktemp("t"), rows, widths, grid)
    assert lines == ["\t".join(row).rstrip("\t") for row in rows]


def test_unruled_first_row_with_an_empty_cell_comes_back_as_one_row(tmp_path: Path) -> None:
    """The second row's one-line first cell and the first line of the wrapped cell beside it
    are on one baseline, under a cell gap apart: pdfium prints them as one line. The wrapped
    cell's other lines show where it starts."""
    rows = [
        ["The the the the the the the the the the the the", ""],
        ["The noted member", "The the the the the the the the the the the the"],
    ]
    lines = rebuilt_rows(tmp_path, rows, [100, 100], grid=False)
    assert lines == ["\t".join(row).rstrip("\t") for row in rows]


def test_one_line_cell_beside_a_wrapped_one_in_the_first_row(tmp_path: Path) -> None:
    rows = [
        ["Noted noted noted", "The the the the the the the the the the the the"],
        ["The the the the the the the the the the the the", ""],
    ]
    lines = rebuilt_rows(tmp_path, rows, [100, 100], grid=False)
    assert lines == ["\t".join(row).rstrip("\t") for row in rows]


def test_hanging_indents_are_not_cut_into_cells(make_file: MakeFile) -> None:
    """A list item's number, a bullet or a label an em before its text, whose next line starts
    under the text, is a paragraph with a hanging indent: its lines stay lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    markers = ("(iii)", "b.)", "\u2022", "Present:")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for marker in markers:  # a page each: each is a table when cut
        pdf.setFont("Helvetica", 11)
        x = 60 + pdf.stringWidth(marker, "Helvetica", 11) + 12  # an em apart: no cell gap
        pdf.drawString(60, 800, marker)
        pdf.drawString(x, 800, "Cllr Ann Beech, Cllr Mike")
        pdf.drawString(x, 787, "Davies and Cllr Paul Snape")
        pdf.showPage()
    pdf.save()
    lines = [x.lstrip("\f") for x in sources.read_lines(make_file("list.pdf", buffer.getvalue()))]
    assert lines == [
        line
        for marker in markers
        for line in (f"{marker} Cllr Ann Beech, Cllr Mike", "Davies and Cllr Paul Snape")
    ]


def test_text_drawn_turned_reads_like_upright_text(make_file: MakeFile) -> None:
    """A landscape page printed turned (text drawn at 90 degrees): cells still split."""
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    drawn = io.BytesIO()
    pdf = canvas.Canvas(drawn, pagesize=A4)
    pdf.translate(A4[0], 0)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 11)
    for y, label, value in ((500, "Date:", "Monday, 4 March 2019"), (480, "Venue:", "Oak Room")):
        pdf.drawString(60, y, label)
        pdf.drawString(200, y, value)
    pdf.showPage()
    pdf.save()
    lines = sources.read_lines(make_file("turned.pdf", drawn.getvalue()))
    assert [x for x in lines if x] == ["Date:\tMonday, 4 March 2019", "Venue:\tOak Room"]
    # the /Rotate flag alone only turns the display: the text reads as before
    upright = table_pdf("Work Programme", [HEADER, *programme_rows(2)], [90, 150, 170, 90])
    turned = pdfium.PdfDocument(upright)
    for page in turned:
        page.set_rotation(90)
    buffer = io.BytesIO()
    turned.save(buffer)
    assert sources.read_lines(make_file("a.pdf", buffer.getvalue())) == sources.read_lines(
        make_file("b.pdf", upright)
    )


def test_heading_above_a_table_stays_its_own_line(make_file: MakeFile) -> None:
    rows = [HEADER, *programme_rows(2)]
    lines = sources.read_lines(make_file("wp.pdf", table_pdf("Work Programme", rows, [150] * 4)))
    assert lines[0] == "Work Programme"
    assert lines[1].split("\t") == HEADER or lines[2].split("\t") == HEADER


def test_ruled_rows_whose_cells_hold_several_paragraphs(make_file: MakeFile) -> None:
    """Between two rules is one row, whatever paragraph gaps its cells have."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]

    def paragraphs(*texts: str) -> list[object]:
        cell: list[object] = []
        for text in texts:
            cell += [Paragraph(text, body), Spacer(1, 10)]
        return cell[:-1]

    header = ["Date of meeting", "Item", "Action/Outcome"]
    cells = [
        header,
        ["8 June 2018", paragraphs("Children's Centres", "Cabinet Member: Mark Sutton"), "Noted."],
        ["", paragraphs("Prevent", "Cabinet Member: Gill Heath"), paragraphs("One.", "Two.")],
    ]
    table = Table(cells, colWidths=[100, 200, 150])
    table.setStyle(
        TableStyle(
            [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([table])
    lines = [x for x in sources.read_lines(make_file("t.pdf", buffer.getvalue())) if x]
    assert [x.split("\t") for x in lines] == [
        header,
        ["8 June 2018", "Children's Centres Cabinet Member: Mark Sutton", "Noted."],
        ["", "Prevent Cabinet Member: Gill Heath", "One. Two."],
    ]


def test_boxed_label_lines_stay_line_by_line(make_file: MakeFile) -> None:
    """Label and value lines inside one box are drawn across the columns: not one row."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("Helvetica", 11)
    pdf.rect(50, 720, 400, 60)
    for y, label, value in ((760, "Date:", "Monday, 4 March 2019"), (746, "Venue:", "Oak Room")):
        pdf.drawString(60, y, label)
        pdf.drawString(200, y, value)
    pdf.showPage()
    pdf.save()
    lines = [x for x in sources.read_lines(make_file("box.pdf", buffer.getvalue())) if x]
    assert lines == ["Date:\tMonday, 4 March 2019", "Venue:\tOak Room"]


def test_rules_are_read_only_where_rows_between_them_can_be_table_rows(
    pdf_bytes: Callable[..., bytes],
) -> None:
    """page_text reads a page's rules (a function given for them) only when its text runs in
    two columns somewhere; the text is the same as with the rules read beforehand."""
    import pypdfium2 as pdfium

    from minutebook.parsing import pdf_layout

    prose = pdf_bytes([["The Chairman welcomed everyone to the meeting and noted that"] * 3])
    ruled = table_pdf("Work Programme", [HEADER, *programme_rows(3)], [90, 150, 170, 90])
    for data, read in ((prose, False), (ruled, True)):
        pdf = pdfium.PdfDocument(data)
        try:
            page = pdf[0]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            calls: list[bool] = []

            def rules(page: object = page, calls: list[bool] = calls) -> list[pdf_layout.Rule]:
                calls.append(True)
                return pdf_layout.page_rules(page)

            lazily = pdf_layout.page_text(text, textpage, page.get_width(), rules)
            assert bool(calls) == read
            eagerly = pdf_layout.page_text(
                text, textpage, page.get_width(), pdf_layout.page_rules(page)
            )
            assert lazily == eagerly
        finally:
            pdf.close()
