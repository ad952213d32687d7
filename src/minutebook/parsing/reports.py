"""Report reader: reports in the council's template inside an agenda pack."""

from __future__ import annotations

from minutebook.parsing.contract import Report


def read_reports(lines: list[str], warnings: list[str]) -> list[Report]:
    return []
