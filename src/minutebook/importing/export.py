"""Records back out as contract JSON: the inverse of the loader.

``export_document(meeting, minutes_of=..., reports=..., programmes=...)`` writes the pack for
a meeting (its agenda and the membership seated on its date), the minutes of the given
meetings, the meeting's reports and the given work programmes. ``export_loaded`` does that
for exactly what one ``load_document`` call touched, so that loading a document into an
empty database and exporting it gives the same object back.

Names print as the row's ``printed_name`` (the spelling the source used) or else the
person's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from minutebook.importing.results import LoadResult
from minutebook.meetings.models import AgendaItem, Attendance, Meeting
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.reports.models import Report
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem, WorkProgrammeLead


def _or_none(value: str) -> str | None:
    return value or None


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _name(row: Any) -> str:
    return row.printed_name or row.person.name


def export_document(
    meeting: Meeting | None = None,
    *,
    minutes_of: Iterable[Meeting] = (),
    reports: Iterable[Report] | None = None,
    programmes: Iterable[WorkProgramme] = (),
    source: str = "",
    kind: str | None = None,
    warnings: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A contract object for these records. ``reports`` defaults to the meeting's reports;
    ``warnings`` is written only when given, since it belongs to a parse, not to records."""
    if reports is None:
        reports = meeting.reports.order_by("order", "pk") if meeting is not None else []
    exported = [export_programme(p) for p in programmes]
    data: dict[str, Any] = {
        "source": source,
        "kind": kind or ("agenda_pack" if meeting is not None else "minutes"),
        "meeting": export_meeting(meeting) if meeting is not None else None,
        "minutes": [export_minutes(m.minutes) for m in minutes_of if _has_minutes(m)],
        "reports": [export_report(r) for r in reports],
        "work_programme": None if not exported else exported[0] if len(exported) == 1 else exported,
    }
    if warnings is not None:
        data["warnings"] = list(warnings)
    return data


def export_loaded(result: LoadResult) -> dict[str, Any]:
    """Export exactly the records one :func:`load_document` call loaded, in document order."""
    meetings = Meeting.objects.in_bulk([result.meeting_id, *result.minutes_meeting_ids])
    reports = Report.objects.in_bulk(result.report_ids)
    programmes = WorkProgramme.objects.in_bulk(result.programme_ids)
    return export_document(
        meetings.get(result.meeting_id) if result.meeting_id else None,
        minutes_of=[meetings[pk] for pk in result.minutes_meeting_ids],
        reports=[reports[pk] for pk in result.report_ids],
        programmes=[programmes[pk] for pk in result.programme_ids],
        source=result.source,
        kind=result.kind or None,
        warnings=result.input_warnings,
    )


def _has_minutes(meeting: Meeting) -> bool:
    return Minutes.objects.filter(meeting=meeting).exists()


def export_meeting(meeting: Meeting) -> dict[str, Any]:
    """The front sheet: details, agenda (with sub-items), Part Two titles and membership."""
    top = list(meeting.agenda_items.filter(parent=None).prefetch_related("subitems"))
    seats = meeting.committee.memberships_on(meeting.date).order_by("order", "pk")
    return {
        "committee": meeting.committee.name,
        "date": meeting.date.isoformat(),
        "time": meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        "venue": _or_none(meeting.venue),
        "published": _iso(meeting.agenda_published_on),
        "agenda": [_agenda_item(i) for i in top],
        "exempt_items": [i.title for i in top if i.is_exempt],
        "membership": [{"name": _name(s), "role": _or_none(s.role_title)} for s in seats],
    }


def _agenda_item(item: AgendaItem) -> dict[str, Any]:
    return {
        "number": _or_none(item.number),
        "title": item.title,
        "pages": list(item.pages) if item.pages else None,
        "part": item.part,
        "report_of": _or_none(item.report_of),
        "subitems": [{"number": s.number, "title": s.title} for s in item.subitems.all()],
    }


def export_minutes(minutes: Minutes) -> dict[str, Any]:
    """One set of minutes: chair, the three attendance lists in printed order, the items."""
    meeting = minutes.meeting
    attendance = list(meeting.attendances.select_related("person").order_by("order", "pk"))

    def listed(status: str) -> list[str]:
        return [_name(a) for a in attendance if a.status == status]

    return {
        "committee": meeting.committee.name,
        "date": meeting.date.isoformat(),
        "chair": meeting.chair.name if meeting.chair else None,
        "present": listed(Attendance.Status.PRESENT),
        "also_in_attendance": listed(Attendance.Status.IN_ATTENDANCE),
        "apologies": listed(Attendance.Status.APOLOGIES),
        "items": [_minute_item(i) for i in minutes.items.prefetch_related("resolutions")],
    }


def minute_number_out(item: MinuteItem) -> int | str | None:
    """The printed number: an int where it is a plain integer, else the printed string."""
    label = item.number_label
    if not label:
        return item.number
    if label.isdigit() and item.number == int(label):
        return item.number
    return label


def _minute_item(item: MinuteItem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": minute_number_out(item),
        "title": item.title,
        "part": item.part,
    }
    paragraphs = sorted(item.exempt_paragraphs.values_list("number", flat=True))
    if item.is_exempt or paragraphs:
        data["exempt_paragraphs"] = paragraphs
    data["resolutions"] = [r.text for r in item.resolutions.all()]
    return data


def export_report(report: Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "meeting_date": _iso(report.meeting_date),
        "report_of": _or_none(report.report_of),
        "recommendations": [r.text for r in report.recommendations.all()],
        "contact_officers": [
            {
                "name": _or_none(c.name),
                "job_title": _or_none(c.job_title),
                "phone": _or_none(c.phone),
                "email": _or_none(c.email),
            }
            for c in report.contact_officers.all()
        ],
        "appendices": [a.title for a in report.appendices.all()],
    }


def export_programme(programme: WorkProgramme) -> dict[str, Any]:
    items = programme.items.prefetch_related("leads__person")
    return {"title": _or_none(programme.title), "rows": [_programme_row(i) for i in items]}


def _programme_row(item: WorkProgrammeItem) -> dict[str, Any]:
    leads = sorted(item.leads.all(), key=lambda lead: lead.order)

    def named(role: str) -> list[str]:
        return [_name(lead) for lead in leads if lead.role == role]

    return {
        "date": _iso(item.planned_date),
        "date_text": _or_none(item.date_text),
        "item": item.topic,
        "cabinet_members": named(WorkProgrammeLead.Role.CABINET_MEMBER),
        "officers": named(WorkProgrammeLead.Role.OFFICER),
    }
