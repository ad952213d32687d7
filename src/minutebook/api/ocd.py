"""Meetings as Open Civic Data events, extended with what OCD lacks: minutes, attendance,
declarations and resolutions.

The API is public: Part Two (exempt) business shows its title and Schedule 12A paragraphs,
never its report text, minute narrative or resolutions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from minutebook.api.identifiers import committee_id, event_id, person_id
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.models import AgendaItem, Meeting, Part


def event_status(meeting: Meeting, today: dt.date | None = None) -> str:
    """OCD's status vocabulary: cancelled, tentative, confirmed or passed."""
    today = today or timezone.localdate()
    if meeting.status == Meeting.Status.CANCELLED:
        return "cancelled"
    return "passed" if meeting.date < today else "confirmed"


def start_datetime(meeting: Meeting) -> str:
    if meeting.start_time is None:
        return meeting.date.isoformat()
    moment = dt.datetime.combine(meeting.date, meeting.start_time)
    return timezone.make_aware(moment).isoformat()


def _paragraphs(item: Any) -> list[int]:
    return sorted(p.number for p in item.exempt_paragraphs.all())


def agenda_entry(item: AgendaItem, order: str) -> dict[str, Any]:
    exempt = item.part == Part.TWO
    notes = [item.report_line] if item.report_of else []
    if exempt:
        paragraphs = ", ".join(str(n) for n in _paragraphs(item)) or "unspecified"
        notes.append(f"Exempt: Schedule 12A paragraph(s) {paragraphs}")
    return {
        "description": item.title,
        "order": order,
        "classification": ["part-two", "exempt"] if exempt else ["part-one"],
        "subjects": [],
        "notes": notes,
        "media": [],
        "related_entities": [],
        "extras": {
            "pages": [item.start_page, item.end_page] if item.start_page else None,
            "exempt_paragraphs": _paragraphs(item),
        },
    }


def agenda(meeting: Meeting) -> list[dict[str, Any]]:
    entries = []
    for item in meeting.agenda_items.all():
        if item.parent_id is not None:
            continue
        entries.append(agenda_entry(item, item.number or ""))
        for sub in item.subitems.all():
            entries.append(agenda_entry(sub, f"{item.number}({sub.number})"))
    return entries


def minutes_json(meeting: Meeting) -> dict[str, Any] | None:
    minutes = getattr(meeting, "minutes", None)
    if minutes is None:
        return None
    items = []
    for item in minutes.items.all():
        exempt = item.part == Part.TWO
        items.append(
            {
                "number": item.number_label,
                "title": item.title,
                "part": item.part,
                "exempt_paragraphs": _paragraphs(item),
                "exempt": exempt,
                "resolutions": [] if exempt else [r.text for r in item.resolutions.all()],
            }
        )
    return {
        "status": minutes.status,
        "confirmed_at": event_id(minutes.confirmed_at) if minutes.confirmed_at else None,
        "items": items,
    }


def attendance_json(meeting: Meeting) -> list[dict[str, Any]]:
    return [
        {
            "person_id": person_id(a.person),
            "name": a.person.name,
            "status": a.status,
            "role": a.role,
            "chair": a.is_chair,
        }
        for a in meeting.attendances.all()
    ]


def declarations_json(meeting: Meeting) -> list[dict[str, Any]]:
    return [
        {
            "person_id": person_id(d.person),
            "name": d.person.name,
            "item": d.agenda_item.number if d.agenda_item else None,
            "nature": d.nature,
            "description": d.description,
        }
        for d in meeting.declarations.all()
    ]


def documents_json(meeting: Meeting, build_url) -> list[dict[str, Any]]:
    """Published public versions only: members' packs carry exempt papers."""
    docs = []
    for doc in meeting.published_documents.all():
        if doc.audience != "public" or not doc.file:
            continue
        docs.append(
            {
                "note": f"{doc.get_kind_display()} (version {doc.version})",
                "url": build_url(reverse("files:published", args=[doc.pk])),
                "media_type": "application/pdf",
                "date": timezone.localtime(doc.published_at).date().isoformat(),
                "classification": "agenda" if doc.kind != "minutes" else "minutes",
            }
        )
    return docs


def event_json(meeting: Meeting, url: str, build_url, *, detail: bool = True) -> dict[str, Any]:
    committee = meeting.committee
    data: dict[str, Any] = {
        "id": event_id(meeting),
        "_type": "event",
        "name": f"{committee.name}" + (" (special meeting)" if meeting.is_special else ""),
        "description": "",
        "classification": "committee-meeting",
        "start_date": start_datetime(meeting),
        "end_date": "",
        "all_day": False,
        "status": event_status(meeting),
        "location": {"name": meeting.venue, "note": ""} if meeting.venue else None,
        "participants": [
            {
                "name": committee.name,
                "type": "organization",
                "note": "host",
                "organization_id": committee_id(committee),
            }
        ],
        "media": (
            [
                {
                    "name": "Webcast",
                    "type": "recording",
                    "links": [{"media_type": "text/html", "url": meeting.webcast_url}],
                }
            ]
            if meeting.webcast_url
            else []
        ),
        "links": [],
        "sources": [{"url": url, "note": "Minutebook"}],
        "extras": {
            "meeting_id": meeting.pk,
            "committee_id": committee_id(committee),
            "municipal_year": municipal_year_label(meeting.municipal_year),
            "minutebook_status": meeting.status,
        },
    }
    if detail:
        data["agenda"] = agenda(meeting)
        data["documents"] = documents_json(meeting, build_url)
        data["minutes"] = minutes_json(meeting)
        data["attendance"] = attendance_json(meeting)
        data["declarations"] = declarations_json(meeting)
    else:
        data["agenda"] = []
        data["documents"] = []
    return data
