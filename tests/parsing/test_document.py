"""Whole-document parsing: text and PDF paths agree; kinds; the command-line entry point."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from minutebook.parsing import parse_lines, parse_path, to_json
from minutebook.parsing.__main__ import main

MakeFile = Callable[[str, bytes], Path]

AGENDA = [
    "Safe and Strong Communities Select Committee",
    "",
    "Monday, 4 March 2019",
    "",
    "10.00 am",
    "",
    "Oak Room, County Buildings, Stafford",
    "",
    "John Tradewell",
    "Director of Corporate Services",
    "22 February 2019",
    "",
    "A G E N D A",
    "",
    "1. Apologies",
    "2. Declarations of Interest",
    "3. Domestic Homicide Reviews and Emerging Themes (Pages 9 - 22)",
    "Report of the Cabinet Member for Communities",
    "4. Work Programme (Pages 23 - 30)",
    "",
    "Part Two",
    "",
    "nil",
    "",
    "Committee Membership",
    "",
    "Ann Beech\tJason Jones",
    "John Francis (Chairman)\tPaul Snape",
]


def test_pdf_front_sheet_equals_text_front_sheet(
    make_file: MakeFile, pdf_bytes: Callable[..., bytes]
) -> None:
    text_doc = parse_path(make_file("agenda.txt", "\n".join(AGENDA).encode()))
    pdf_doc = parse_path(make_file("agenda.pdf", pdf_bytes([AGENDA])))
    assert text_doc.meeting is not None
    assert text_doc.meeting.date == "2019-03-04"
    assert [m.name for m in text_doc.meeting.membership] == [
        "Ann Beech",
        "John Francis",
        "Jason Jones",
        "Paul Snape",
    ]
    assert to_json(pdf_doc)["meeting"] == to_json(text_doc)["meeting"]


def test_kind_follows_front_sheet() -> None:
    assert parse_lines(AGENDA).kind == "agenda_pack"
    minutes = ["Minutes of the meeting held on 4 March 2019", "", "Present: Ann Beech"]
    doc = parse_lines(minutes, source="m.txt")
    assert (doc.kind, doc.meeting, doc.source) == ("minutes", None, "m.txt")


def test_main_prints_json(make_file: MakeFile, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_file("agenda.md", "\n".join(AGENDA).encode())
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert '"kind": "agenda_pack"' in out and '"source": "agenda.md"' in out


def test_main_reports_unreadable_file_on_stderr(
    make_file: MakeFile, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_file("empty.txt", b"")
    assert main([str(path)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "empty.txt" in captured.err and "empty" in captured.err
    assert len(captured.err.strip().splitlines()) == 1


def test_a_failing_reader_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutebook.parsing import reports

    def broken(lines: list[str], warnings: list[str]) -> list:
        raise ValueError("unexpected layout")

    monkeypatch.setattr(reports, "read_reports", broken)
    doc = parse_lines(AGENDA)
    assert doc.meeting is not None and doc.reports == []
    assert any("reports reader failed" in w for w in doc.warnings)


def test_text_without_any_committee_record_is_refused(make_file: MakeFile) -> None:
    from minutebook.parsing import DocumentError

    path = make_file("poem.txt", b"The rain in Spain\nfalls mainly on the plain\n")
    with pytest.raises(DocumentError, match="committee document"):
        parse_path(path)
