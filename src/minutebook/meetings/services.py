"""What the clerk does to a meeting, as functions the views (and tests, and the CLI) call.

Every change to an agenda goes through here so the numbering is always right: the agenda
is kept in three sections, in this order, and renumbered after every change:

1. Part One business (the standard items and the reports), numbered 1, 2, 3, ...;
2. the "Exclusion of the Public" item;
3. Part Two (exempt) items, numbering on from the Part One items. An empty Part Two is
   printed "nil".

Sub-items are lettered a, b, c under their item and move with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Max, Q

from minutebook.committees.models import Committee, Membership
from minutebook.meetings.models import (
    AgendaItem,
    Attendance,
    Declaration,
    ExemptionParagraph,
    Meeting,
    Part,
)
from minutebook.meetings.schedule12a import numbers_for
from minutebook.minutes.models import Minutes
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem
from minutebook.wording import full_date as full_date  # the workspace imports it from here
from minutebook.wording import letter, long_date

Standard = AgendaItem.Standard

# The items every agenda starts with, in order, as the seeds print them.
STANDARD_ITEMS: Sequence[tuple[str, str]] = (
    (Standard.APOLOGIES, "Apologies"),
    (Standard.DECLARATIONS, "Declarations of Interest"),
    (Standard.MINUTES, "Minutes of the previous meeting"),
    (Standard.WORK_PROGRAMME, "Work Programme"),
    (Standard.EXCLUSION, "Exclusion of the Public"),
)

EXCLUSION_MOTION = (
    "That the public be excluded from the meeting for the following items of business which "
    "involve the likely disclosure of exempt information as defined in the paragraphs of "
    "Schedule 12A (as amended) of the Local Government Act 1972 indicated below."
)

MAX_REPORT_BYTES = 50 * 1024 * 1024


class WorkspaceError(Exception):
    """A change the rules do not allow; the message is written for the clerk."""


# --- creating a meeting -------------------------------------------------------------------


def previous_meeting(committee: Committee, day: dt.date, exclude: Meeting | None = None):
    """The committee's last meeting before ``day`` that was not cancelled.

    A renamed committee's first meeting confirms the minutes of its predecessor's last one.
    """
    qs = Meeting.objects.filter(committee__in=committee.lineage(), date__lt=day).exclude(
        status=Meeting.Status.CANCELLED
    )
    if exclude is not None:
        qs = qs.exclude(pk=exclude.pk)
    return qs.order_by("-date", "-start_time").first()


def minutes_item_title(previous: Meeting | None) -> str:
    if previous is None:
        return "Minutes of the previous meeting"
    return f"Minutes of the meeting held on {long_date(previous.date)}"


def chair_for(committee: Committee, day: dt.date) -> Person | None:
    seat = committee.memberships_on(day).filter(role=Membership.Role.CHAIR).first()
    return seat.person if seat else None


@transaction.atomic
def create_meeting(
    committee: Committee,
    date: dt.date,
    time: dt.time | None = None,
    venue: str = "",
    webcast_url: str = "",
    *,
    is_special: bool = False,
) -> Meeting:
    """Create a meeting with its standard items in place and numbered.

    The minutes item is linked to the committee's previous meeting and carries its date.
    """
    meeting = Meeting.objects.create(
        committee=committee,
        date=date,
        start_time=time,
        venue=venue or committee.default_venue,
        webcast_url=webcast_url,
        is_special=is_special,
        chair=chair_for(committee, date),
    )
    previous = previous_meeting(committee, date, exclude=meeting)
    for order, (standard, title) in enumerate(STANDARD_ITEMS, start=1):
        item = AgendaItem(meeting=meeting, order=order, standard=standard, title=title)
        if standard == Standard.MINUTES:
            item.minutes_of = previous
            item.title = minutes_item_title(previous)
        item.save()
    renumber(meeting)
    return meeting


@transaction.atomic
def update_meeting(meeting: Meeting, **fields) -> Meeting:
    """Change the date, time, venue or webcast; a new date re-links the minutes item."""
    date_changed = "date" in fields and fields["date"] != meeting.date
    for name, value in fields.items():
        setattr(meeting, name, value)
    meeting.save()
    if date_changed:
        item = meeting.agenda_items.filter(standard=Standard.MINUTES).first()
        if item is not None:
            _relink_minutes_item(item)
    return meeting


def _minutes_item_is_resolved(item: AgendaItem) -> bool:
    return item.minute_items.filter(resolutions__isnull=False).exists()


def _relink_minutes_item(item: AgendaItem) -> None:
    """Point a "Minutes of the previous meeting" item at the meeting really held before its
    own, unless the meeting has already resolved on them (then the record stands)."""
    if _minutes_item_is_resolved(item):
        return
    meeting = item.meeting
    previous = previous_meeting(meeting.committee, meeting.date, exclude=meeting)
    if item.minutes_of_id != (previous.pk if previous else None):
        item.minutes_of = previous
        item.title = minutes_item_title(previous)
        item.save(update_fields=["minutes_of", "title"])


def _relink_later_minutes_items(meeting: Meeting) -> None:
    """After ``meeting`` is cancelled or reinstated, re-point the minutes items of later
    meetings of its committee and of the committees it was renamed into."""
    committees, frontier = {meeting.committee_id}, {meeting.committee_id}
    while frontier:
        frontier = (
            set(Committee.objects.filter(predecessor__in=frontier).values_list("pk", flat=True))
            - committees
        )
        committees |= frontier
    later = AgendaItem.objects.filter(
        standard=Standard.MINUTES,
        meeting__committee__in=committees,
        meeting__date__gt=meeting.date,
    ).select_related("meeting__committee")
    for item in later:
        _relink_minutes_item(item)


@transaction.atomic
def cancel_meeting(meeting: Meeting, reason: str = "") -> Meeting:
    """Mark the meeting cancelled: the portal, calendars, feeds and API say so.

    A meeting with minutes was held and cannot be cancelled. The next meeting's minutes
    item is re-pointed at the last meeting that will really have taken place.
    """
    if meeting.status == Meeting.Status.CANCELLED:
        raise WorkspaceError("This meeting is already cancelled.")
    if Minutes.objects.filter(meeting=meeting).exists():
        raise WorkspaceError(
            "This meeting has minutes, so it took place; remove the draft minutes first if "
            "it really did not."
        )
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancellation_reason = reason.strip()
    meeting.save(update_fields=["status", "cancellation_reason"])
    _relink_later_minutes_items(meeting)
    return meeting


@transaction.atomic
def reinstate_meeting(meeting: Meeting) -> Meeting:
    """Undo a cancellation: the meeting is scheduled again (agenda published, if it was)."""
    if meeting.status != Meeting.Status.CANCELLED:
        raise WorkspaceError("Only a cancelled meeting can be reinstated.")
    published = meeting.published_documents.exists()
    meeting.status = Meeting.Status.AGENDA_PUBLISHED if published else Meeting.Status.SCHEDULED
    meeting.cancellation_reason = ""
    meeting.save(update_fields=["status", "cancellation_reason"])
    _relink_later_minutes_items(meeting)
    return meeting


# --- the agenda ---------------------------------------------------------------------------


def section_of(item: AgendaItem) -> int:
    """0: Part One business, 1: the Exclusion of the Public, 2: Part Two."""
    if item.standard == Standard.EXCLUSION:
        return 1
    return 2 if item.part == Part.TWO else 0


def _ordered(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=lambda i: (section_of(i), i.order, i.pk))


def renumber(meeting: Meeting) -> None:
    """Put the items in section order and number them 1, 2, 3; sub-items a, b, c."""
    items = list(meeting.agenda_items.all())
    top = _ordered(i for i in items if i.parent_id is None)
    changed: list[AgendaItem] = []
    for position, item in enumerate(top, start=1):
        changed += _set(item, order=position, number=str(position))
        children = sorted(
            (i for i in items if i.parent_id == item.pk), key=lambda i: (i.order, i.pk)
        )
        for n, child in enumerate(children):
            changed += _set(child, order=n + 1, number=letter(n))
    if changed:
        AgendaItem.objects.bulk_update(changed, ["order", "number"])


def _set(item: AgendaItem, **values) -> list[AgendaItem]:
    if all(getattr(item, k) == v for k, v in values.items()):
        return []
    for k, v in values.items():
        setattr(item, k, v)
    return [item]


def ordered_agenda(meeting: Meeting) -> list[AgendaItem]:
    """Top-level items in order, each with ``children`` (its lettered sub-items)."""
    items = list(
        meeting.agenda_items.select_related("presenter", "minutes_of")
        .prefetch_related("exempt_paragraphs", "reports", "work_programme_items")
        .order_by("order", "pk")
    )
    top = [i for i in items if i.parent_id is None]
    for item in top:
        item.children = [i for i in items if i.parent_id == item.pk]
    return top


def _default_position(meeting: Meeting, part: int) -> int:
    """Where a new item goes: Part One before the Work Programme; Part Two at the end."""
    top = meeting.agenda_items.filter(parent__isnull=True)
    if part == Part.ONE:
        anchor = (
            top.filter(standard__in=[Standard.WORK_PROGRAMME, Standard.EXCLUSION])
            .order_by("order")
            .first()
        )
        if anchor is not None:
            top.filter(order__gte=anchor.order).update(order=F("order") + 1)
            return anchor.order
    return (top.aggregate(m=Max("order"))["m"] or 0) + 1


@transaction.atomic
def add_item(
    meeting: Meeting,
    title: str,
    *,
    parent: AgendaItem | None = None,
    part: int = Part.ONE,
    report_of: str = "",
    presenter: Person | None = None,
    paragraphs: Iterable[ExemptionParagraph | int] = (),
) -> AgendaItem:
    """Add an item (or a lettered sub-item under ``parent``) and renumber the agenda."""
    title = title.strip()
    if not title:
        raise WorkspaceError("Enter the item's title.")
    if parent is not None:
        if parent.meeting_id != meeting.pk or parent.parent_id is not None:
            raise WorkspaceError("A sub-item belongs under an item of the same agenda.")
        order = (parent.subitems.aggregate(m=Max("order"))["m"] or 0) + 1
        part = parent.part if part == Part.ONE else part
        if part == Part.TWO and not paragraphs:
            paragraphs = list(parent.exempt_paragraphs.all())
    else:
        order = _default_position(meeting, part)
    item = AgendaItem.objects.create(
        meeting=meeting,
        parent=parent,
        title=title,
        order=order,
        part=part,
        report_of=report_of.strip(),
        presenter=presenter,
    )
    _set_paragraphs(item, part, paragraphs)
    renumber(meeting)
    item.refresh_from_db()
    return item


def paragraph_numbers(paragraphs: Iterable[ExemptionParagraph | int]) -> list[int]:
    """Schedule 12A paragraph numbers, from paragraphs or their numbers."""
    return [p.number if isinstance(p, ExemptionParagraph) else int(p) for p in paragraphs]


def _set_paragraphs(item: AgendaItem, part: int, paragraphs) -> None:
    numbers = paragraph_numbers(paragraphs)
    if part == Part.TWO and not numbers:
        raise WorkspaceError(
            "Choose the paragraphs of Schedule 12A that make this item exempt, or mark it Part One."
        )
    council = item.meeting.committee.council
    allowed = numbers_for(council.country)
    wrong = sorted(set(numbers) - set(allowed)) if part == Part.TWO else []
    if wrong:
        raise WorkspaceError(
            f"{council.name} is in {council.get_country_display()}, where Schedule 12A's "
            f"paragraphs are numbered {allowed[0]} to {allowed[-1]}; "
            f"{', '.join(map(str, wrong))} {'is' if len(wrong) == 1 else 'are'} not among them."
        )
    item.exempt_paragraphs.set(numbers if part == Part.TWO else [])


@transaction.atomic
def update_item(
    item: AgendaItem,
    *,
    title: str,
    part: int = Part.ONE,
    report_of: str = "",
    presenter: Person | None = None,
    paragraphs: Iterable[ExemptionParagraph | int] = (),
) -> AgendaItem:
    """Change an item; marking it Part Two moves it (and its sub-items) below the exclusion."""
    if item.standard == Standard.EXCLUSION and part == Part.TWO:
        raise WorkspaceError("The Exclusion of the Public is itself public business.")
    if not title.strip():
        raise WorkspaceError("Enter the item's title.")
    moving_section = item.parent_id is None and part != item.part
    item.title = title.strip()
    item.part = part
    item.report_of = report_of.strip()
    item.presenter = presenter
    if moving_section:
        # Where a new item of that part would go: before the Work Programme, or last.
        item.order = _default_position(item.meeting, part)
    item.save()
    _set_paragraphs(item, part, paragraphs)
    if item.parent_id is None:
        for child in item.subitems.all():
            if child.part != part:
                child.part = part
                child.save(update_fields=["part"])
                child.exempt_paragraphs.set(item.exempt_paragraphs.all())
    item.reports.update(part=part)
    renumber(item.meeting)
    item.refresh_from_db()
    return item


@transaction.atomic
def move_item(item: AgendaItem, direction: str) -> bool:
    """Swap an item with its neighbour in the same section (or a sub-item within its item).

    Returns False when it is already first or last there. Items never cross the
    Exclusion of the Public: marking an item Part Two is how it moves there.
    """
    if direction not in ("up", "down"):
        raise WorkspaceError("Move an item up or down.")
    meeting = item.meeting
    renumber(meeting)
    item.refresh_from_db()
    if item.parent_id is None:
        siblings = [
            i
            for i in _ordered(meeting.agenda_items.filter(parent__isnull=True))
            if section_of(i) == section_of(item)
        ]
    else:
        siblings = list(item.parent.subitems.order_by("order", "pk"))
    index = next(n for n, i in enumerate(siblings) if i.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    neighbour = siblings[other]
    item.order, neighbour.order = neighbour.order, item.order
    AgendaItem.objects.bulk_update([item, neighbour], ["order"])
    renumber(meeting)
    return True


@transaction.atomic
def remove_item(item: AgendaItem) -> None:
    """Remove an item with its sub-items; work programme rows it took go back to planned."""
    if item.minute_items.exists() or any(c.minute_items.exists() for c in item.subitems.all()):
        raise WorkspaceError(
            "This item has been minuted; remove its minute first, then the agenda item."
        )
    meeting = item.meeting
    ids = [item.pk, *item.subitems.values_list("pk", flat=True)]
    WorkProgrammeItem.objects.filter(agenda_item_id__in=ids).update(
        agenda_item=None, status=WorkProgrammeItem.Status.PLANNED
    )
    item.delete()
    renumber(meeting)


# --- reports ------------------------------------------------------------------------------


def check_pdf(upload: UploadedFile) -> None:
    """Refuse anything that is not a PDF (by its first bytes, not its name) or is too big."""
    if upload.size is not None and upload.size > MAX_REPORT_BYTES:
        raise ValidationError("The file must be smaller than 50 MB.")
    head = upload.read(5)
    upload.seek(0)
    if head != b"%PDF-":
        raise ValidationError("The selected file must be a PDF.")


def report_for(item: AgendaItem) -> Report | None:
    return item.reports.order_by("order", "pk").first()


def _report(item: AgendaItem) -> Report:
    report = report_for(item)
    if report is None:
        report = Report(meeting=item.meeting, agenda_item=item, meeting_date=item.meeting.date)
    report.title = report.title or item.title
    report.part = item.part
    if not report.report_of:
        report.report_of = item.report_of
    return report


@transaction.atomic
def attach_report_pdf(item: AgendaItem, upload: UploadedFile) -> Report:
    """Attach an uploaded PDF as the item's report (replacing an earlier upload)."""
    check_pdf(upload)
    report = _report(item)
    old = report.file.name if report.file else ""
    report.file = upload
    report.save()
    report.exempt_paragraphs.set(item.exempt_paragraphs.all())
    if old and old != report.file.name:
        report.file.storage.delete(old)
    return report


@dataclass
class ContactDetails:
    name: str = ""
    job_title: str = ""
    phone: str = ""
    email: str = ""


TEMPLATE_FIELDS = (
    "title",
    "report_of",
    "local_members_interest",
    "summary",
    "body",
    "link_to_strategic_plan",
    "link_to_other_scrutiny",
    "community_impact",
)


@transaction.atomic
def write_report(
    item: AgendaItem,
    *,
    recommendations: Sequence[str] = (),
    contact: ContactDetails | None = None,
    **sections: str,
) -> Report:
    """Write (or rewrite) the item's report in the council's template."""
    unknown = set(sections) - set(TEMPLATE_FIELDS)
    if unknown:
        raise TypeError(f"not report template fields: {sorted(unknown)}")
    report = _report(item)
    for name, value in sections.items():
        setattr(report, name, (value or "").strip())
    report.title = report.title or item.title
    report.save()
    report.exempt_paragraphs.set(item.exempt_paragraphs.all())
    report.recommendations.all().delete()
    ReportRecommendation.objects.bulk_create(
        ReportRecommendation(report=report, order=n, text=text.strip())
        for n, text in enumerate((r for r in recommendations if r.strip()), start=1)
    )
    if contact is not None:
        report.contact_officers.all().delete()
        if contact.name.strip():
            ContactOfficer.objects.create(
                report=report,
                order=1,
                name=contact.name.strip(),
                job_title=contact.job_title.strip(),
                phone=contact.phone.strip(),
                email=contact.email.strip(),
            )
    return report


def add_appendix(
    item: AgendaItem, title: str, upload: UploadedFile | None = None, part: int = Part.ONE
) -> Appendix:
    if upload is not None:
        check_pdf(upload)
    report = _report(item)
    report.save()
    order = (report.appendices.aggregate(m=Max("order"))["m"] or 0) + 1
    appendix = Appendix(report=report, order=order, title=title.strip(), part=part)
    if upload is not None:
        appendix.file = upload
    appendix.save()
    return appendix


# --- the work programme -------------------------------------------------------------------


def work_programme_candidates(meeting: Meeting) -> list[WorkProgrammeItem]:
    """Planned or deferred items of the committee's programme for the meeting's year.

    Those planned for this meeting (or its date) come first.
    """
    programme = WorkProgramme.objects.filter(
        committee=meeting.committee, municipal_year=meeting.municipal_year
    ).first()
    if programme is None:
        return []
    rows = list(
        programme.items.filter(
            status__in=[WorkProgrammeItem.Status.PLANNED, WorkProgrammeItem.Status.DEFERRED],
            agenda_item__isnull=True,
        ).prefetch_related("leads__person")
    )
    return sorted(
        rows,
        key=lambda r: (
            not (r.planned_meeting_id == meeting.pk or r.planned_date == meeting.date),
            r.order,
        ),
    )


def _report_of_for(row: WorkProgrammeItem) -> str:
    from minutebook.scrutiny.models import WorkProgrammeLead

    lead = row.leads.filter(role=WorkProgrammeLead.Role.CABINET_MEMBER).first()
    if lead is None:
        return ""
    return lead.person.job_title or f"Cabinet Member ({lead.person.name})"


@transaction.atomic
def pull_from_work_programme(meeting: Meeting, row: WorkProgrammeItem) -> AgendaItem:
    """Put a work programme topic on the agenda; the row records the item that took it."""
    row = WorkProgrammeItem.objects.select_for_update().get(pk=row.pk)
    if row.programme.committee_id not in {c.pk for c in meeting.committee.lineage()}:
        raise WorkspaceError("That topic is on another committee's work programme.")
    if row.agenda_item_id is not None:
        raise WorkspaceError("That topic is already on an agenda.")
    item = add_item(meeting, row.topic.strip().splitlines()[0][:500], report_of=_report_of_for(row))
    row.agenda_item = item
    row.planned_meeting = meeting
    row.status = WorkProgrammeItem.Status.ON_AGENDA
    row.save(update_fields=["agenda_item", "planned_meeting", "status"])
    return item


# --- attendance and declarations ----------------------------------------------------------


def membership_for(meeting: Meeting) -> list[Membership]:
    """The seats on the committee on the day of the meeting, in printed order."""
    return list(
        meeting.committee.memberships_on(meeting.date).order_by("order", "person__sort_name")
    )


@dataclass
class AttendanceEntry:
    """What happened to one seat: ``status`` of the member, and who substituted, if anyone."""

    person: Person
    status: str
    role: str = ""
    substitute: Person | None = None


@transaction.atomic
def record_attendance(
    meeting: Meeting,
    entries: Sequence[AttendanceEntry],
    chair: Person | None = None,
) -> None:
    """Replace the members' attendance at ``meeting`` (also-in-attendance rows are kept).

    A member who was substituted is recorded with apologies and the substitute as
    "substitute for" them. The chair must be someone present.
    """
    keep = Q(status=Attendance.Status.IN_ATTENDANCE)
    meeting.attendances.exclude(keep).delete()
    seen: set[int] = set()
    rows: list[Attendance] = []
    for order, entry in enumerate(entries, start=1):
        status = entry.status
        if status == Attendance.Status.SUBSTITUTE:
            if entry.substitute is None:
                raise WorkspaceError(f"Choose who substituted for {entry.person.name}.")
            status = Attendance.Status.APOLOGIES
        if entry.person.pk in seen:
            raise WorkspaceError(f"{entry.person.name} is listed twice.")
        seen.add(entry.person.pk)
        rows.append(
            Attendance(
                meeting=meeting, person=entry.person, status=status, role=entry.role, order=order
            )
        )
        if entry.status == Attendance.Status.SUBSTITUTE:
            sub = entry.substitute
            if sub.pk in seen:
                raise WorkspaceError(f"{sub.name} is listed twice.")
            seen.add(sub.pk)
            rows.append(
                Attendance(
                    meeting=meeting,
                    person=sub,
                    status=Attendance.Status.SUBSTITUTE,
                    substitute_for=entry.person,
                    order=order,
                )
            )
    # A member moved from "also in attendance" to the membership list is not listed twice.
    meeting.attendances.filter(person_id__in=seen).delete()
    Attendance.objects.bulk_create(rows)
    set_chair(meeting, chair)
    if meeting.status in (Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED):
        meeting.status = Meeting.Status.HELD
        meeting.save(update_fields=["status"])


def set_chair(meeting: Meeting, chair: Person | None) -> None:
    meeting.attendances.filter(is_chair=True).update(is_chair=False)
    if chair is not None:
        row = meeting.attendances.filter(person=chair).first()
        if row is None or row.status != Attendance.Status.PRESENT:
            raise WorkspaceError(f"{chair.name} cannot chair the meeting without being present.")
        row.is_chair = True
        row.save(update_fields=["is_chair"])
    meeting.chair = chair
    meeting.save(update_fields=["chair"])


def add_in_attendance(meeting: Meeting, person: Person, role: str = "") -> Attendance:
    """Someone who is not a member of the committee: a Cabinet Member, an officer, a guest."""
    if meeting.attendances.filter(person=person).exists():
        raise WorkspaceError(f"{person.name} is already recorded at this meeting.")
    order = (meeting.attendances.aggregate(m=Max("order"))["m"] or 0) + 1
    return Attendance.objects.create(
        meeting=meeting,
        person=person,
        status=Attendance.Status.IN_ATTENDANCE,
        role=role.strip() or person.job_title,
        order=order,
    )


def add_declaration(
    meeting: Meeting,
    person: Person,
    description: str,
    *,
    agenda_item: AgendaItem | None = None,
    nature: str = Declaration.Nature.OTHER,
    left_the_room: bool = False,
) -> Declaration:
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise WorkspaceError("That item is on another meeting's agenda.")
    if not description.strip():
        raise WorkspaceError("Describe the interest declared.")
    return Declaration.objects.create(
        meeting=meeting,
        person=person,
        agenda_item=agenda_item,
        nature=nature,
        description=description.strip(),
        left_the_room=left_the_room,
    )


def people_at(meeting: Meeting) -> list[Person]:
    """Everyone recorded at the meeting, then the membership, for the declarations list."""
    ids = list(meeting.attendances.values_list("person_id", flat=True))
    ids += [m.person_id for m in membership_for(meeting)]
    return list(Person.objects.filter(pk__in=ids).order_by("sort_name"))
