"""Loading reports: recommendations, contact officers and appendices, tied to their agenda item."""

from __future__ import annotations

import re
from typing import Any

from minutebook.importing.matching import titled
from minutebook.importing.records import Context, parse_iso_date, strings, sync_list, text, update
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation

# "Cllr Gill Heath, Cabinet Member for Communities": the councillor the report is from.
_COUNCILLOR_OF = re.compile(r"^(?:county\s+)?(?:cllr|councillor)\.?\s+([^,(]+)", re.IGNORECASE)


def load_report(ctx: Context, data: Any, meeting: Meeting | None, order: int) -> Report | None:
    """One report, matched by title among the meeting's reports (or by date when no meeting)."""
    if not isinstance(data, dict) or not text(data.get("title")):
        ctx.warn(f"report {order + 1} has no title and was not loaded")
        return None
    title = text(data.get("title"))
    meeting_date = parse_iso_date(ctx, data.get("meeting_date"), f"report {title!r}")
    report_of = text(data.get("report_of"), 300)
    candidates = Report.objects.filter(meeting=meeting)
    if meeting is None:
        candidates = candidates.filter(meeting_date=meeting_date)
    report = titled(candidates, title)
    values = {
        "title": title,
        "order": order,
        "meeting_date": meeting_date,
        "report_of": report_of,
        "agenda_item": _agenda_item(meeting, title),
        "cabinet_member": _councillor(ctx, report_of),
    }
    ctx.result.count("report", report is None)
    if report is None:
        report = Report.objects.create(meeting=meeting, source_document=ctx.source, **values)
    else:
        update(report, **values)
    _load_children(ctx, report, data)
    ctx.result.report_ids.append(report.pk)
    return report


def _agenda_item(meeting: Meeting | None, title: str) -> AgendaItem | None:
    """The agenda item with the report's title, where the agenda prints one."""
    if meeting is None:
        return None
    return titled(meeting.agenda_items.all(), title)


def _councillor(ctx: Context, report_of: str) -> Person | None:
    match = _COUNCILLOR_OF.match(report_of)
    return ctx.person(match.group(1).strip()) if match else None


def _load_children(ctx: Context, report: Report, data: dict[str, Any]) -> None:
    recommendations = [
        {"order": i, "text": t.strip()} for i, t in enumerate(strings(data.get("recommendations")))
    ]
    sync_list(
        list(report.recommendations.all()),
        recommendations,
        lambda v: ReportRecommendation.objects.create(report=report, **v),
    )
    appendices = [
        {"order": i, "title": t.strip()} for i, t in enumerate(strings(data.get("appendices")))
    ]
    sync_list(
        list(report.appendices.all()),
        appendices,
        lambda v: Appendix.objects.create(report=report, **v),
    )
    contacts = [_contact(ctx, i, c) for i, c in enumerate(data.get("contact_officers") or [])]
    sync_list(
        list(report.contact_officers.all()),
        [c for c in contacts if c is not None],
        lambda v: ContactOfficer.objects.create(report=report, **v),
    )


def _contact(ctx: Context, order: int, data: Any) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        return None
    name, job_title = text(data.get("name"), 200), text(data.get("job_title"), 300)
    person = ctx.person(name, Person.Kind.OFFICER) if name else None
    if person is not None and job_title and not person.job_title:
        update(person, job_title=job_title[:200])
    return {
        "order": order,
        "person": person,
        "name": name,
        "job_title": job_title,
        "phone": text(data.get("phone"), 60),
        "email": text(data.get("email"), 200),
    }
