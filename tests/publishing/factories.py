"""Small factories for publishing tests: real rows, real PDFs, nothing random."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.core.files.base import ContentFile

from minutebook.committees.models import Committee, Membership
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    ExemptionParagraph,
    Meeting,
    Part,
)
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation
from minutebook.scrutiny.models import (
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)

CANARY = "CONFIDENTIAL-CANARY-12A"


def uploaded_pdf(title: str, pages: int) -> bytes:
    """A PDF as a council officer might upload it: ``pages`` Letter-ish pages of text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=A4)
    for n in range(1, pages + 1):
        sheet.setFont("Helvetica-Bold", 16)
        if n == 1:
            sheet.drawString(72, 760, title)
        sheet.setFont("Helvetica", 11)
        sheet.drawString(72, 730, f"Uploaded paper, sheet {n} of {pages}")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def person(committee: Committee, name: str, **kw: Any) -> Person:
    return Person.objects.create(council=committee.council, name=name, **kw)


def seat(committee: Committee, who: Person, year: int, role: str = "member", **kw: Any):
    return Membership.objects.create(
        committee=committee, person=who, municipal_year=year, role=role, **kw
    )


def meeting(committee: Committee, day: str, time: str = "10:00", **kw: Any) -> Meeting:
    return Meeting.objects.create(
        committee=committee,
        date=dt.date.fromisoformat(day),
        start_time=dt.time.fromisoformat(time),
        **kw,
    )


def item(meeting: Meeting, number: str, title: str, order: int, **kw: Any) -> AgendaItem:
    paragraphs = kw.pop("exempt_paragraphs", ())
    row = AgendaItem.objects.create(meeting=meeting, number=number, title=title, order=order, **kw)
    if paragraphs:
        row.part = Part.TWO
        row.save(update_fields=["part"])
        row.exempt_paragraphs.set(ExemptionParagraph.objects.filter(number__in=paragraphs))
    return row


def report(agenda_item: AgendaItem, title: str, **kw: Any) -> Report:
    upload = kw.pop("upload", None)
    recommendations = kw.pop("recommendations", ())
    contact = kw.pop("contact", None)
    paragraphs = kw.pop("exempt_paragraphs", ())
    row = Report.objects.create(
        meeting=agenda_item.meeting, agenda_item=agenda_item, title=title, **kw
    )
    if upload is not None:
        row.file.save(f"{row.pk}.pdf", ContentFile(upload))
    for n, text in enumerate(recommendations):
        ReportRecommendation.objects.create(report=row, order=n, text=text)
    if contact:
        ContactOfficer.objects.create(report=row, **contact)
    if paragraphs:
        row.part = Part.TWO
        row.save(update_fields=["part"])
        row.exempt_paragraphs.set(ExemptionParagraph.objects.filter(number__in=paragraphs))
    return row


def appendix(report: Report, title: str, order: int = 0, upload: bytes | None = None, **kw):
    row = Appendix.objects.create(report=report, title=title, order=order, **kw)
    if upload is not None:
        row.file.save(f"{row.pk}.pdf", ContentFile(upload))
    return row


def minutes(meeting: Meeting, items: list[dict], **kw: Any) -> Minutes:
    """Minutes with items given as dicts: number, title, narrative, resolutions, part."""
    record = Minutes.objects.create(meeting=meeting, **kw)
    for order, spec in enumerate(items):
        paragraphs = spec.get("exempt_paragraphs", ())
        row = MinuteItem.objects.create(
            minutes=record,
            order=order,
            number_label=str(spec["number"]),
            title=spec["title"],
            narrative=spec.get("narrative", ""),
            part=Part.TWO if paragraphs else Part.ONE,
        )
        if paragraphs:
            row.exempt_paragraphs.set(ExemptionParagraph.objects.filter(number__in=paragraphs))
        for n, clause in enumerate(spec.get("resolutions", ())):
            label, text = clause if isinstance(clause, tuple) else ("", clause)
            Resolution.objects.create(minute_item=row, order=n, label=label, text=text)
    return record


def attend(meeting: Meeting, who: Person, status: str, order: int = 0, **kw: Any):
    return Attendance.objects.create(meeting=meeting, person=who, status=status, order=order, **kw)


def programme(committee: Committee, year: int, rows: list[dict]) -> WorkProgramme:
    record = WorkProgramme.objects.create(committee=committee, municipal_year=year)
    for order, spec in enumerate(rows):
        row = WorkProgrammeItem.objects.create(
            programme=record,
            order=order,
            topic=spec["topic"],
            date_text=spec.get("date_text", ""),
            planned_date=spec.get("planned_date"),
            background=spec.get("background", ""),
            outcome=spec.get("outcome", ""),
            method=spec.get("method", WorkProgrammeItem.Method.MEETING),
        )
        for n, who in enumerate(spec.get("cabinet_members", ())):
            WorkProgrammeLead.objects.create(
                item=row, person=who, role=WorkProgrammeLead.Role.CABINET_MEMBER, order=n
            )
        for n, who in enumerate(spec.get("officers", ())):
            WorkProgrammeLead.objects.create(
                item=row, person=who, role=WorkProgrammeLead.Role.OFFICER, order=n
            )
    return record
