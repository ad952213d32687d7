"""Front sheet reader: committee, date, time, venue, agenda, membership."""

from __future__ import annotations

from minutebook.parsing.contract import Meeting


def read_front_sheet(lines: list[str], warnings: list[str]) -> Meeting | None:
    return None
