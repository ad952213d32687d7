"""Small factories for portal tests: real rows with sensible defaults, nothing random.

Deliberately independent of the demo generator (src/minutebook/demo), which is being built
at the same time: these tests must say exactly which rows they rely on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import Group, User

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    ExemptionParagraph,
    Meeting,
    Part,
)
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation

CANARY = "CONFIDENTIAL-CANARY-12A"


def council(name: str = "Shire County Council", **kw: Any) -> Council:
    return Council.objects.create(name=name, kind=kw.pop("kind", Council.Kind.COUNTY), **kw)


def committee(council: Council, name: str, **kw: Any) -> Committee:
    kw.setdefault("kind", Committee.Kind.SELECT)
    return Committee.objects.create(council=council, name=name, **kw)


def person(council: Council, name: str, **kw: Any) -> Person:
    kw.setdefault("honorific_prefix", "Cllr")
    return Person.objects.create(council=council, name=name, **kw)


def seat(
    committee: Committee, person: Person, year: int, role: str = "member", **kw: Any
) -> Membership:
    return Membership.objects.create(
        committee=committee, person=person, municipal_year=year, role=role, **kw
    )


def meeting(committee: Committee, day: str, time: str | None = "10:00", **kw: Any) -> Meeting:
    return Meeting.objects.create(
        committee=committee,
        date=dt.date.fromisoformat(day),
        start_time=dt.time.fromisoformat(time) if time else None,
        **kw,
    )


def paragraphs(*numbers: int) -> list[ExemptionParagraph]:
    """The Schedule 12A paragraphs; the meetings migration loads them."""
    return list(ExemptionParagraph.objects.filter(number__in=numbers))


def agenda_item(meeting: Meeting, number: str, title: str, order: int, **kw: Any) -> AgendaItem:
    exempt = kw.pop("exempt_paragraphs", ())
    item = AgendaItem.objects.create(meeting=meeting, number=number, title=title, order=order, **kw)
    if exempt:
        item.part = Part.TWO
        item.save(update_fields=["part"])
        item.exempt_paragraphs.set(paragraphs(*exempt))
    return item


def minutes(meeting: Meeting, **kw: Any) -> Minutes:
    return Minutes.objects.create(meeting=meeting, **kw)


def minute_item(
    record: Minutes,
    label: str,
    title: str,
    order: int,
    resolutions: list[str] | tuple = (),
    **kw: Any,
) -> MinuteItem:
    exempt = kw.pop("exempt_paragraphs", ())
    if exempt:
        kw["part"] = Part.TWO
    item = MinuteItem.objects.create(
        minutes=record, number_label=label, title=title, order=order, **kw
    )
    if exempt:
        item.exempt_paragraphs.set(paragraphs(*exempt))
    lettered = len(resolutions) > 1
    for n, text in enumerate(resolutions):
        Resolution.objects.create(
            minute_item=item, order=n, label="abcdefgh"[n] if lettered else "", text=text
        )
    return item


def report(meeting: Meeting, title: str, order: int = 0, **kw: Any) -> Report:
    exempt = kw.pop("exempt_paragraphs", ())
    recommendations = kw.pop("recommendations", ())
    officers = kw.pop("officers", ())
    appendices = kw.pop("appendices", ())
    if exempt:
        kw["part"] = Part.TWO
    made = Report.objects.create(meeting=meeting, title=title, order=order, **kw)
    if exempt:
        made.exempt_paragraphs.set(paragraphs(*exempt))
    for n, text in enumerate(recommendations):
        ReportRecommendation.objects.create(report=made, order=n, text=text)
    for n, fields in enumerate(officers):
        ContactOfficer.objects.create(report=made, order=n, **fields)
    for n, fields in enumerate(appendices):
        Appendix.objects.create(report=made, order=n, **fields)
    return made


def attend(meeting: Meeting, person: Person, status: str = "present", **kw: Any) -> Attendance:
    return Attendance.objects.create(meeting=meeting, person=person, status=status, **kw)


def declare(meeting: Meeting, person: Person, description: str, **kw: Any) -> Declaration:
    return Declaration.objects.create(meeting=meeting, person=person, description=description, **kw)


def user(
    username: str, first: str = "", last: str = "", groups: tuple[str, ...] = (), **kw: Any
) -> User:
    made = User.objects.create_user(
        username=username, password="not-a-real-password", first_name=first, last_name=last, **kw
    )
    for name in groups:
        made.groups.add(Group.objects.get_or_create(name=name)[0])
    return made
