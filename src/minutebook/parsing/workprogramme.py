"""Work programme reader: the scrutiny work programme tables."""

from __future__ import annotations

from minutebook.parsing.contract import WorkProgramme


def read_work_programmes(lines: list[str], warnings: list[str]) -> list[WorkProgramme]:
    return []
