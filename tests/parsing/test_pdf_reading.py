"""Reading a PDF page from the ends of its words gives what reading every character's box gives.

:func:`pdf_chars.read_page` reads most pages from the boxes of the first and last character of
each word, and falls back to every character where pdfium's text rectangles do not show that
the two agree. These tests draw pages with the things that make them disagree (superscripts
and subscripts inside words, bold inside words, sizes and fonts mixed on a line, cell gaps,
justified lines) and compare the two readings: same line texts, same fragments, same words.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutebook.parsing import pdf_chars


def readings(data: bytes) -> Iterator[tuple[pdf_chars.PageLines, pdf_chars.PageLines]]:
    """Each page read from its words' ends (where that applies) and from every character."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        for page in pdf:
            textpage = page.get_textpage()
            text = textpage.get_text_range().replace("\ufffe", "-").replace("\x00", "")
            assert len(text) == textpage.count_chars()
            readings = (
                pdf_chars.read_page(text, textpage),
                pdf_chars.read_page(text, textpage, True),
            )
            for page_lines in readings:  # words are read when asked for: while the page is open
                for line in page_lines.lines:
                    for fragment in line.fragments:
                        assert fragment.words
            yield readings
    finally:
        pdf.close()


def shape(page: pdf_chars.PageLines) -> list[tuple[object, ...]]:
    return [
        (
            line.text,
            line.box,
            [(f.text, f.x0, f.x1, f.bottom, f.top, f.em, f.words) for f in line.fragments],
        )
        for line in page.lines
    ]


def paragraphs_pdf(paragraphs: list[str], font: str = "Helvetica", justify: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    body = ParagraphStyle(
        "body",
        parent=getSampleStyleSheet()["BodyText"],
        fontName=font,
        alignment=4 if justify else 0,
    )
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build([Paragraph(p, body) for p in paragraphs])
    return buffer.getvalue()


PROSE = (
    "The Cabinet Member for Finance introduced the report and answered questions from "
    "Members about the budget monitoring position, the reserves and the capital programme. "
)
MARKED = [
    PROSE * 3,
    "Meeting of 29<super>th</super> January and the 4<super>th</super> of March. " + PROSE,
    "Emissions of CO<sub>2</sub>e and H<sub>2</sub>O fell; see policy<super>3</super>. " + PROSE,
    "In the middle of a word: x<sub>noted</sub>y and s<super>up</super>er. " + PROSE,
    "Re<b>solved</b> that the <i>report</i> be <b>noted</b>, un<u>der</u>lined. " + PROSE,
    '<font size="14">Larger</font> words and <font size="7">smaller ones</font> mixed. ' + PROSE,
]


@pytest.mark.parametrize("font", ["Helvetica", "Times-Roman", "Courier"])
@pytest.mark.parametrize("justify", [False, True])
def test_marked_up_prose_reads_the_same(font: str, justify: bool) -> None:
    for sampled, exact in readings(paragraphs_pdf(MARKED, font, justify)):
        # Helvetica's lines are mostly read from their words' ends, the marked-up ones from
        # every character; pdfium's stand-ins for Times and Courier have glyphs beyond their
        # ascent or descent: a page whose first words show them is read from every character,
        # and on the others the lines those glyphs are on
        if font == "Helvetica":
            assert not sampled.exact
        assert shape(sampled) == shape(exact)


def test_plain_prose_is_read_from_the_ends_of_its_words(
    pdf_bytes: Callable[..., bytes],
) -> None:
    """The shortcut is taken (else the comparisons above prove nothing), cell gaps included."""
    page = [
        "The Chairman welcomed everyone to the meeting and noted that",
        "apologies had been received from two members.",
        "Date:\tMonday, 4 March 2019",
        "Venue:\tOak Room, County Buildings",
    ]
    ((sampled, exact),) = readings(pdf_bytes([page]))
    assert not sampled.exact
    assert shape(sampled) == shape(exact)
    assert [line.text.strip() for line in sampled.lines] == page


def test_turned_text_is_read_from_every_character() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.translate(A4[0], 0)
    pdf.rotate(90)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(60, 500, "Date: Monday, 4 March 2019, in the Oak Room at County Buildings")
    pdf.showPage()
    pdf.save()
    ((sampled, exact),) = readings(buffer.getvalue())
    assert sampled.exact and sampled.turned
    assert shape(sampled) == shape(exact)


WORDS = ["the", "committee", "noted", "report", "Council", "agreed", "2025", "(a)", "£1.2m"]
MARKUP = ["{}", "<b>{}</b>", "<i>{}</i>", "{}<super>th</super>", "x<sub>{}</sub>y", "{}-{}"]


@st.composite
def marked_words(draw: st.DrawFn) -> str:
    words = []
    for _ in range(draw(st.integers(5, 60))):
        word = draw(st.sampled_from(WORDS))
        words.append(draw(st.sampled_from(MARKUP)).format(word, word))
    return " ".join(words)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(marked_words(), min_size=1, max_size=4), st.booleans())
def test_random_marked_up_words_read_the_same(paragraphs: list[str], justify: bool) -> None:
    for sampled, exact in readings(paragraphs_pdf(paragraphs, justify=justify)):
        assert shape(sampled) == shape(exact)


def test_raw_handles_read_as_pypdfium2_wrappers_do() -> None:
    """sources reads pages through pdfium's calls (pdf_chars.Handle), not pypdfium2's page
    objects: the same text, and the same lines."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from minutebook.parsing import sources

    data = paragraphs_pdf([*MARKED, "A hyphen-ated word and a line that ends in a hyphen-"])
    pdf = pdfium.PdfDocument(data)
    try:
        for index, page in enumerate(pdf):
            textpage = page.get_textpage()
            raw_page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
            raw_textpage = pdfium_c.FPDFText_LoadPage(raw_page)
            try:
                count = pdfium_c.FPDFText_CountChars(raw_textpage)
                text = sources._text_range(raw_textpage, count)
                assert text == textpage.get_text_range()
                handle = pdf_chars.Handle(raw_textpage)
                assert shape(pdf_chars.read_page(text, handle)) == shape(
                    pdf_chars.read_page(text, textpage)
                )
            finally:
                pdfium_c.FPDFText_ClosePage(raw_textpage)
                pdfium_c.FPDF_ClosePage(raw_page)
    finally:
        pdf.close()


def test_words_of_a_closed_page_are_not_read(pdf_bytes: Callable[..., bytes]) -> None:
    """A fragment read from its words' ends reads its words when asked: only while its page
    is open (sources marks the handle closed)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(pdf_bytes([["The Chairman welcomed everyone to the meeting."]]))
    try:
        raw_page = pdfium_c.FPDF_LoadPage(pdf.raw, 0)
        raw_textpage = pdfium_c.FPDFText_LoadPage(raw_page)
        handle = pdf_chars.Handle(raw_textpage)
        text = pdf[0].get_textpage().get_text_range()
        page = pdf_chars.read_page(text, handle)
        assert not page.exact
        fragment = page.lines[0].fragments[0]
        assert [w.text for w in fragment.token_words] == text.split()
        handle.raw = None
        pdfium_c.FPDFText_ClosePage(raw_textpage)
        pdfium_c.FPDF_ClosePage(raw_page)
        with pytest.raises(RuntimeError):
            fragment.words  # noqa: B018
    finally:
        pdf.close()


def test_pages_of_very_many_characters_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Boxes are asked for through pointers kept from page to page, up to _MAX_SLOTS at
    once; more, through a buffer of their own: the same lines."""
    data = paragraphs_pdf(MARKED, "Times-Roman")
    kept = [(shape(sampled), shape(exact)) for sampled, exact in readings(data)]
    monkeypatch.setattr(pdf_chars, "_MAX_SLOTS", 16)
    assert [(shape(sampled), shape(exact)) for sampled, exact in readings(data)] == kept
