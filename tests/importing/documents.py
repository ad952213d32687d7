"""Small hand-written contract objects, so tests do not depend on the parser's progress."""

from __future__ import annotations

from typing import Any

COMMITTEE = "Safe and Strong Communities Select Committee"


def minutes_doc(
    date: str = "2019-03-04",
    committee: str = COMMITTEE,
    present: list[str] | None = None,
    also: list[str] | None = None,
    apologies: list[str] | None = None,
    chair: str | None = None,
    items: list[dict[str, Any]] | None = None,
    source: str = "minutes.txt",
) -> dict[str, Any]:
    """A minutes-only document, as `minutebook parse` would print it."""
    present = present if present is not None else ["John Francis", "Ann Beech"]
    return {
        "source": source,
        "kind": "minutes",
        "meeting": None,
        "minutes": [
            {
                "committee": committee,
                "date": date,
                "chair": chair if chair is not None else (present[0] if present else None),
                "present": present,
                "also_in_attendance": also or [],
                "apologies": apologies or [],
                "items": items
                if items is not None
                else [
                    {
                        "number": None,
                        "title": "Declarations of Interest",
                        "part": 1,
                        "resolutions": [],
                    }
                ],
            }
        ],
        "reports": [],
        "work_programme": None,
        "warnings": [],
    }


def pack_doc(
    date: str = "2019-03-04",
    committee: str = COMMITTEE,
    membership: list[dict[str, Any]] | None = None,
    programme: Any = None,
    agenda: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """An agenda pack with a front sheet and, optionally, a work programme."""
    return {
        "source": "pack.txt",
        "kind": "agenda_pack",
        "meeting": {
            "committee": committee,
            "date": date,
            "time": "10:00",
            "venue": "Oak Room",
            "published": None,
            "agenda": agenda
            if agenda is not None
            else [
                {
                    "number": "1",
                    "title": "Apologies",
                    "pages": None,
                    "part": 1,
                    "report_of": None,
                    "subitems": [],
                }
            ],
            "exempt_items": [],
            "membership": membership or [],
        },
        "minutes": [],
        "reports": [],
        "work_programme": programme,
        "warnings": [],
    }


def row(date_text: str | None, item: str, date: str | None = None, **people: list[str]) -> dict:
    return {
        "date": date,
        "date_text": date_text,
        "item": item,
        "cabinet_members": people.get("cabinet_members", []),
        "officers": people.get("officers", []),
    }
