"""The exempt-information paragraphs of Part 1 of Schedule 12A, Local Government Act 1972.

Reference data: written by a migration, and re-created by :func:`ensure_paragraphs` wherever
records about to point at them are written in bulk (a flushed test database has none).
"""

from __future__ import annotations

from typing import Any

ENGLAND = {
    1: "Information relating to any individual.",
    2: "Information which is likely to reveal the identity of an individual.",
    3: "Information relating to the financial or business affairs of any particular person "
    "(including the authority holding that information).",
    4: "Information relating to any consultations or negotiations, or contemplated consultations or "
    "negotiations, in connection with any labour relations matter arising between the authority or a "
    "Minister of the Crown and employees of, or office holders under, the authority.",
    5: "Information in respect of which a claim to legal professional privilege could be maintained in "
    "legal proceedings.",
    6: "Information which reveals that the authority proposes (a) to give under any enactment a notice "
    "under or by virtue of which requirements are imposed on a person; or (b) to make an order or "
    "direction under any enactment.",
    7: "Information relating to any action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime.",
}
# Wales: the same grounds, numbered 12 to 18.
WALES = {number + 11: f"{text} (Wales)" for number, text in ENGLAND.items()}
PARAGRAPHS = {**ENGLAND, **WALES}


def numbers_for(country: str) -> list[int]:
    """The paragraph numbers a council in ``country`` ("england" or "wales") relies on."""
    return sorted(WALES if country == "wales" else ENGLAND)


def ensure_paragraphs(model: Any = None) -> None:
    """Make sure every paragraph row exists (one query when they all do)."""
    if model is None:
        from minutebook.meetings.models import ExemptionParagraph as model
    if model.objects.count() == len(PARAGRAPHS):
        return
    for number, text in PARAGRAPHS.items():
        model.objects.update_or_create(number=number, defaults={"description": text})
