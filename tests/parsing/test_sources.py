"""Bytes to lines: encodings, bad input and PDF extraction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.parsing import sources
from minutebook.parsing.errors import DocumentError

MakeFile = Callable[[str, bytes], Path]
DrawPdf = Callable[..., bytes]


def test_utf8_with_and_without_bom(make_file: MakeFile) -> None:
    text = "Children\u2019s Centre\r\nVisits\n"
    assert sources.read_lines(make_file("a.txt", text.encode())) == [
        "Children\u2019s Centre",
        "Visits",
    ]
    bom = b"\xef\xbb\xbf" + text.encode()
    assert sources.read_lines(make_file("b.md", bom)) == ["Children\u2019s Centre", "Visits"]


def test_utf16_with_bom(make_file: MakeFile) -> None:
    data = "Agenda\nÉtude \u2013 4 March 2019\n".encode("utf-16")
    assert sources.read_lines(make_file("a.txt", data)) == ["Agenda", "Étude \u2013 4 March 2019"]


def test_cp1252_fallback(make_file: MakeFile) -> None:
    data = "Children\u2019s Centre \u2013 £5".encode("cp1252")
    assert sources.read_lines(make_file("a.txt", data)) == ["Children\u2019s Centre \u2013 £5"]


def test_form_feeds_stay_in_lines(make_file: MakeFile) -> None:
    lines = sources.read_lines(make_file("a.txt", b"page one\n\fpage two\n"))
    assert lines == ["page one", "\fpage two"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n", "empty"),
        ("nul.txt", b"Agenda\x00\x00\x01item", "binary"),
        ("bin.txt", bytes(range(1, 32)) * 40, "binary"),
        ("undecodable.txt", b"\x81\x8d\x8f\x90\x9d" * 10, "binary"),
        ("agenda.docx", b"PK\x03\x04 some zip", "unsupported file type"),
        ("agenda", b"plain words", "unsupported file type"),
    ],
)
def test_bad_input_raises_document_error(
    make_file: MakeFile, name: str, data: bytes, message: str
) -> None:
    with pytest.raises(DocumentError, match=message):
        sources.read_lines(make_file(name, data))


def test_missing_file_raises_document_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot read"):
        sources.read_lines(tmp_path / "nope.txt")


def test_huge_file_is_refused_before_reading(
    make_file: MakeFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_BYTES", 10)
    with pytest.raises(DocumentError, match="too large"):
        sources.read_lines(make_file("big.txt", b"x" * 11))


def test_pdf_pages_joined_with_form_feeds(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    data = pdf_bytes([["Audit Committee", "", "1. Apologies"], ["Minutes", "RESOLVED"]])
    lines = sources.read_lines(make_file("a.pdf", data))
    assert [x for x in lines if x] == ["Audit Committee", "1. Apologies", "\fMinutes", "RESOLVED"]
    assert all("\r" not in x for x in lines)


def test_pdf_blank_line_between_paragraphs(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    lines = sources.read_lines(
        make_file("a.pdf", pdf_bytes([["first paragraph", "", "second paragraph", "continued"]]))
    )
    assert lines == ["first paragraph", "", "second paragraph", "continued"]


def test_pdf_wide_gap_becomes_a_tab(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    data = pdf_bytes([["Ann Beech\tJason Jones", "John Francis (Chairman)\tPaul Snape"]])
    lines = sources.read_lines(make_file("a.pdf", data))
    assert lines == ["Ann Beech\tJason Jones", "John Francis (Chairman)\tPaul Snape"]


def test_pdf_detected_by_content_whatever_the_name(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    lines = sources.read_lines(
        make_file("agenda.txt", pdf_bytes([["Agenda of the meeting of the committee"]]))
    )
    assert lines == ["Agenda of the meeting of the committee"]


def test_encrypted_pdf(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    data = pdf_bytes([["Secret agenda for the committee"]], encrypt="password")
    with pytest.raises(DocumentError, match="encrypted and needs a password"):
        sources.read_lines(make_file("a.pdf", data))


def test_pdf_without_text_layer(make_file: MakeFile, pdf_bytes: DrawPdf) -> None:
    data = pdf_bytes([["x"] * 20, ["y"] * 20], image_only=True)
    with pytest.raises(DocumentError, match="no text layer"):
        sources.read_lines(make_file("scan.pdf", data))


@pytest.mark.parametrize("cut", [0.1, 0.5])
def test_corrupt_pdf(make_file: MakeFile, pdf_bytes: DrawPdf, cut: float) -> None:
    data = pdf_bytes([["Agenda of the meeting"]])
    broken = data[:8] + b"garbage" * 20 + data[int(len(data) * cut) : int(len(data) * cut) + 40]
    with pytest.raises(DocumentError, match="PDF"):
        sources.read_lines(make_file("a.pdf", broken))
