"""Orchestration: read a file, run every reader over its lines, assemble the contract.

Each reader scans the whole document for its own kind of record and reports what it could
not place as warnings, so readers stay independent of one another: a reader that fails on an
unexpected layout costs its own records (and leaves a warning), never the whole document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from minutebook.parsing import frontsheet, minutes, reports, sources, text, workprogramme
from minutebook.parsing.contract import ParsedDocument
from minutebook.parsing.errors import DocumentError

logger = logging.getLogger(__name__)
T = TypeVar("T")


def parse_path(path: str | Path) -> ParsedDocument:
    """Parse one document file (.txt, .md or .pdf). Raises DocumentError if unreadable.

    A readable file in which no reader finds anything (no front sheet, minutes, report or
    work programme) is not a committee document and raises DocumentError too.
    """
    path = Path(path)
    lines = sources.read_lines(path)
    doc = parse_lines(lines, source=path.name)
    if not (doc.meeting or doc.minutes or doc.reports or doc.work_programmes):
        raise DocumentError(
            "no agenda, minutes, report or work programme was found; is this a committee document?"
        )
    return doc


def parse_lines(lines: list[str], source: str = "<text>") -> ParsedDocument:
    """Parse a document already decoded into lines (page breaks as form feeds).

    Markdown pipe-table rows become tab-separated cells first, so that every reader sees a
    table row in one shape whichever converter made the text.
    """
    text.forget_cleaned()
    lines = [text.pipe_row_as_tabs(line) if "|" in line else line for line in lines]
    warnings: list[str] = []
    meeting = _run("front sheet", frontsheet.read_front_sheet, lines, warnings, None)
    return ParsedDocument(
        source=source,
        kind="agenda_pack" if meeting is not None else "minutes",
        meeting=meeting,
        minutes=_run("minutes", minutes.read_minutes, lines, warnings, []),
        reports=_run("reports", reports.read_reports, lines, warnings, []),
        work_programmes=_run(
            "work programme", workprogramme.read_work_programmes, lines, warnings, []
        ),
        warnings=warnings,
    )


def _run(
    name: str,
    reader: Callable[[list[str], list[str]], T],
    lines: list[str],
    warnings: list[str],
    empty: T,
) -> T:
    """Call one reader; an exception inside it becomes a warning and an empty result."""
    try:
        return reader(list(lines), warnings)
    except Exception as exc:  # a reader bug must not lose the other readers' records
        logger.exception("%s reader failed", name)
        warnings.append(f"line 1: the {name} reader failed ({type(exc).__name__}: {exc})")
        return empty
