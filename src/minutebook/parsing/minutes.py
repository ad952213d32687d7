"""Minutes reader: every set of minutes printed in a document."""

from __future__ import annotations

from minutebook.parsing.contract import Minutes


def read_minutes(lines: list[str], warnings: list[str]) -> list[Minutes]:
    return []
