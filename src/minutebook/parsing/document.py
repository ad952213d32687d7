"""Orchestration: read a file, run every reader over its lines, assemble the contract.

Each reader scans the whole document for its own kind of record and reports what it could
not place as warnings, so readers stay independent of one another.
"""

from __future__ import annotations

from pathlib import Path

from minutebook.parsing import frontsheet, minutes, reports, sources, workprogramme
from minutebook.parsing.contract import ParsedDocument


def parse_path(path: str | Path) -> ParsedDocument:
    """Parse one document file (.txt, .md or .pdf). Raises DocumentError if unreadable."""
    path = Path(path)
    lines = sources.read_lines(path)
    return parse_lines(lines, source=path.name)


def parse_lines(lines: list[str], source: str = "<text>") -> ParsedDocument:
    """Parse a document already decoded into lines (page breaks as form feeds)."""
    warnings: list[str] = []
    meeting = frontsheet.read_front_sheet(lines, warnings)
    doc = ParsedDocument(
        source=source,
        kind="agenda_pack" if meeting is not None else "minutes",
        meeting=meeting,
        minutes=minutes.read_minutes(lines, warnings),
        reports=reports.read_reports(lines, warnings),
        work_programmes=workprogramme.read_work_programmes(lines, warnings),
        warnings=warnings,
    )
    return doc
