"""The parse contract (shared/CONTRACT.md) as plain dataclasses.

Readers fill these; :func:`to_json` turns a :class:`ParsedDocument` into the contract JSON
that ``minutebook parse`` prints and the importer's loader reads. Field names and order follow
the contract exactly; additions must stay additive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class SubItem:
    number: str
    title: str


@dataclass
class AgendaItem:
    number: str | None
    title: str
    pages: tuple[int, int] | None = None
    part: int = 1
    report_of: str | None = None
    subitems: list[SubItem] = field(default_factory=list)


@dataclass
class Member:
    name: str
    role: str | None = None


@dataclass
class Meeting:
    committee: str | None
    date: str | None  # ISO date
    time: str | None = None  # 24-hour HH:MM
    venue: str | None = None
    published: str | None = None  # ISO date
    agenda: list[AgendaItem] = field(default_factory=list)
    exempt_items: list[str] = field(default_factory=list)
    membership: list[Member] = field(default_factory=list)


@dataclass
class MinuteItem:
    number: int | str | None  # int where printed as a plain integer, else the printed string
    title: str
    part: int = 1
    resolutions: list[str] = field(default_factory=list)
    exempt_paragraphs: list[int] = field(default_factory=list)


@dataclass
class Minutes:
    committee: str | None
    date: str | None
    chair: str | None = None
    present: list[str] = field(default_factory=list)
    also_in_attendance: list[str] = field(default_factory=list)
    apologies: list[str] = field(default_factory=list)
    items: list[MinuteItem] = field(default_factory=list)


@dataclass
class ContactOfficer:
    name: str | None
    job_title: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass
class Report:
    title: str
    meeting_date: str | None = None
    report_of: str | None = None
    recommendations: list[str] = field(default_factory=list)
    contact_officers: list[ContactOfficer] = field(default_factory=list)
    appendices: list[str] = field(default_factory=list)


@dataclass
class WorkProgrammeRow:
    date: str | None
    date_text: str | None
    item: str
    cabinet_members: list[str] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)


@dataclass
class WorkProgramme:
    title: str | None
    rows: list[WorkProgrammeRow] = field(default_factory=list)


@dataclass
class ParsedDocument:
    source: str
    kind: str  # "agenda_pack" or "minutes"
    meeting: Meeting | None = None
    minutes: list[Minutes] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    work_programmes: list[WorkProgramme] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _agenda_item_json(item: AgendaItem) -> dict[str, Any]:
    data = asdict(item)
    data["pages"] = list(item.pages) if item.pages else None
    return data


def _minute_item_json(item: MinuteItem) -> dict[str, Any]:
    data = {"number": item.number, "title": item.title, "part": item.part}
    if item.part == 2 or item.exempt_paragraphs:
        data["exempt_paragraphs"] = list(item.exempt_paragraphs)
    data["resolutions"] = list(item.resolutions)
    return data


def to_json(doc: ParsedDocument) -> dict[str, Any]:
    """The contract object for one document, ready for ``json.dumps``."""
    meeting = None
    if doc.meeting is not None:
        m = doc.meeting
        meeting = {
            "committee": m.committee,
            "date": m.date,
            "time": m.time,
            "venue": m.venue,
            "published": m.published,
            "agenda": [_agenda_item_json(i) for i in m.agenda],
            "exempt_items": list(m.exempt_items),
            "membership": [asdict(x) for x in m.membership],
        }
    programmes = [asdict(p) for p in doc.work_programmes]
    work_programme: Any
    if not programmes:
        work_programme = None
    elif len(programmes) == 1:
        work_programme = programmes[0]
    else:
        work_programme = programmes
    return {
        "source": doc.source,
        "kind": doc.kind,
        "meeting": meeting,
        "minutes": [
            {
                "committee": mi.committee,
                "date": mi.date,
                "chair": mi.chair,
                "present": list(mi.present),
                "also_in_attendance": list(mi.also_in_attendance),
                "apologies": list(mi.apologies),
                "items": [_minute_item_json(i) for i in mi.items],
            }
            for mi in doc.minutes
        ],
        "reports": [asdict(r) for r in doc.reports],
        "work_programme": work_programme,
        "warnings": list(doc.warnings),
    }
