"""Scrutiny: work programmes and the recommendations tracker, as functions views and tests call.

* **Work programme.** A committee's programme for a municipal year, printed in the council's
  table: one table per method (meetings, standing items, briefings, working groups and
  inquiry days, related work). A row's status follows the meeting that took it: the clerk's
  workspace sets "on an agenda" when a topic is pulled onto an agenda and "considered" when
  the meeting's minutes are started (:mod:`minutebook.meetings.services`,
  :mod:`minutebook.minutes.services`); :func:`shown_status` reads a held meeting as
  "considered" in the gap between the meeting and its minutes, without writing anything.
* **Carry forward.** Outstanding rows (planned or deferred, or on the agenda of a meeting that
  was cancelled) are copied into next year's programme, once.
* **Recommendations.** What a committee recommended to the executive, the response (accepted,
  partly accepted, rejected; reasons unless accepted) and progress updates. Whether one is
  overdue always depends on a ``today`` passed in, never on the clock here.

Part Two: a recommendation made under a Part Two minute (or in an exempt report) is nothing
but exempt content, so :func:`minutebook.access.visible_scrutiny_recommendations` drops it for anyone
:mod:`minutebook.access` does not entitle to that committee's exempt papers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Exists,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from minutebook import access
from minutebook.committees.models import Committee
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person
from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)

Method = WorkProgrammeItem.Method
Status = WorkProgrammeItem.Status
Role = WorkProgrammeLead.Role
Decision = ExecutiveResponse.Decision

# A meeting in one of these states has taken place.
HELD = (
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_DRAFTED,
    Meeting.Status.MINUTES_CONFIRMED,
)


class ScrutinyError(Exception):
    """A change the rules do not allow; the message is written for the clerk."""


def programme_title(year: int) -> str:
    """2019 -> "Work Programme 2019-20", as the council prints it."""
    return f"Work Programme {municipal_year_label(year)}"


def current_year(committee: Committee, today: dt.date) -> int:
    return committee.council.municipal_year_of(today)


# --- reading a work programme --------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One of the council's tables: its heading and the methods it holds."""

    key: str
    heading: str  # followed by the municipal year: "Standing Items 2018-19"
    methods: tuple[str, ...]
    dated: bool = True  # has a "Date" column


SECTIONS: Sequence[Section] = (
    Section("meetings", "Work Programme", (Method.MEETING,)),
    Section("standing", "Standing Items", (Method.STANDING,), dated=False),
    Section("briefings", "Briefing Notes/Updates/Visits", (Method.BRIEFING,)),
    Section(
        "working-groups",
        "Working Group and/or Inquiry Days",
        (Method.WORKING_GROUP, Method.INQUIRY),
    ),
    Section(
        "related",
        "Current & Related Work of Select Committees and/or All Party Member Groups",
        (Method.RELATED,),
    ),
)


@dataclass
class DateGroup:
    """Rows planned for one meeting or date (printed with one date cell), or not yet timetabled."""

    meeting: Meeting | None
    day: dt.date | None
    rows: list[WorkProgrammeItem] = field(default_factory=list)


@dataclass
class ShownSection:
    section: Section
    title: str
    groups: list[DateGroup]

    @property
    def rows(self) -> list[WorkProgrammeItem]:
        return [r for g in self.groups for r in g.rows]


def planned_day(row: WorkProgrammeItem) -> dt.date | None:
    if row.planned_meeting_id is not None:
        return row.planned_meeting.date
    return row.planned_date


def shown_status(row: WorkProgrammeItem) -> str:
    """The row's status as the public should read it.

    The workspace marks a row considered when the meeting's minutes are started; between
    the meeting and its minutes the row still says "on an agenda", so a held meeting is read
    as considered here. Nothing is written.
    """
    taken = row.agenda_item.meeting if row.agenda_item_id is not None else None
    if row.status == Status.ON_AGENDA and taken is not None and taken.status in HELD:
        return Status.CONSIDERED
    return row.status


def status_label(status: str) -> str:
    return Status(status).label


def programme_items(programme: WorkProgramme, user: Any = None) -> QuerySet[WorkProgrammeItem]:
    """The programme's rows with everything the table prints, each marked ``content_visible``.

    The work programme is a public document, but a row taken at a Part Two agenda item may
    record an outcome that discloses the exempt matter: its outcome is shown only to those
    entitled to the committee's exempt papers.
    """
    rows = (
        programme.items.select_related(
            "planned_meeting", "agenda_item__meeting", "agenda_item__parent"
        )
        .prefetch_related("leads__person")
        .order_by("order", "pk")
    )
    public = Q(agenda_item__isnull=True) | access.public_agenda_item("agenda_item__")
    grants = access.grants_for(user)
    if grants.everything:
        visible: Any = Value(True)
    else:
        readable = access.readable_q(
            grants,
            public,
            "agenda_item__meeting__committee_id",
            "agenda_item__meeting__municipal_year",
        )
        visible = Case(When(readable, then=Value(True)), default=Value(False))
    return rows.annotate(
        content_visible=visible,
        exempt=Case(When(public, then=Value(False)), default=Value(True)),
    )


def decorate(row: WorkProgrammeItem) -> WorkProgrammeItem:
    """Attach what the templates print: leads by role and the status to show."""
    leads = sorted(row.leads.all(), key=lambda lead: (lead.role, lead.order, lead.pk))
    row.cabinet_members = [lead for lead in leads if lead.role == Role.CABINET_MEMBER]
    row.officers = [lead for lead in leads if lead.role == Role.OFFICER]
    row.shown_status = shown_status(row)
    row.shown_status_label = status_label(row.shown_status)
    row.day = planned_day(row)
    return row


def _group(rows: list[WorkProgrammeItem]) -> list[DateGroup]:
    """Dated rows in date order, one group per meeting (or date); then the rest, in order."""
    dated = sorted((r for r in rows if r.day is not None), key=lambda r: (r.day, r.order, r.pk))
    groups: list[DateGroup] = []
    for row in dated:
        last = groups[-1] if groups else None
        same = last is not None and (
            (row.planned_meeting_id and last.meeting and last.meeting.pk == row.planned_meeting_id)
            or (not row.planned_meeting_id and last.meeting is None and last.day == row.day)
        )
        if same:
            last.rows.append(row)
        else:
            groups.append(DateGroup(meeting=row.planned_meeting, day=row.day, rows=[row]))
    groups += [DateGroup(meeting=None, day=None, rows=[r]) for r in rows if r.day is None]
    return groups


def programme_sections(
    programme: WorkProgramme, user: Any = None, *, keep_empty: bool = False
) -> list[ShownSection]:
    """The programme as the council's tables, in the council's order."""
    rows = [decorate(r) for r in programme_items(programme, user)]
    label = municipal_year_label(programme.municipal_year)
    shown = []
    for section in SECTIONS:
        mine = [r for r in rows if r.method in section.methods]
        if not mine and not keep_empty:
            continue
        heading = programme.title if section.key == "meetings" and programme.title else None
        shown.append(
            ShownSection(
                section=section,
                title=heading or f"{section.heading} {label}",
                groups=_group(mine) if section.dated else [DateGroup(None, None, mine)],
            )
        )
    return shown


def programme_years(committee: Committee) -> list[int]:
    return list(
        WorkProgramme.objects.filter(committee=committee)
        .order_by("-municipal_year")
        .values_list("municipal_year", flat=True)
    )


# --- changing a work programme -------------------------------------------------------------


def get_or_create_programme(committee: Committee, year: int) -> WorkProgramme:
    programme, _ = WorkProgramme.objects.get_or_create(
        committee=committee, municipal_year=year, defaults={"title": programme_title(year)}
    )
    return programme


def committee_meetings(committee: Committee, year: int) -> QuerySet[Meeting]:
    """Meetings a row can be planned for: the committee's (and predecessors') in that year."""
    return Meeting.objects.filter(committee__in=committee.lineage(), municipal_year=year).order_by(
        "date", "start_time"
    )


def _set_leads(row: WorkProgrammeItem, role: str, people: Iterable[Person]) -> None:
    """Name these people in this role, in this order; printed spellings of those kept survive."""
    people = list(dict.fromkeys(people))
    existing = {lead.person_id: lead for lead in row.leads.filter(role=role)}
    keep = {p.pk for p in people}
    row.leads.filter(role=role).exclude(person_id__in=keep).delete()
    for order, person in enumerate(people):
        lead = existing.get(person.pk)
        if lead is None:
            WorkProgrammeLead.objects.create(item=row, person=person, role=role, order=order)
        elif lead.order != order:
            lead.order = order
            lead.save(update_fields=["order"])


EDITABLE_STATUSES = (Status.PLANNED, Status.DEFERRED, Status.WITHDRAWN, Status.CONSIDERED)


@transaction.atomic
def save_item(
    programme: WorkProgramme,
    *,
    topic: str,
    row: WorkProgrammeItem | None = None,
    method: str = Method.MEETING,
    planned_meeting: Meeting | None = None,
    date_text: str = "",
    background: str = "",
    outcome: str = "",
    status: str | None = None,
    cabinet_members: Sequence[Person] = (),
    officers: Sequence[Person] = (),
) -> WorkProgrammeItem:
    """Add a row to the programme, or change one.

    A row on an agenda keeps the status its meeting gives it; only rows no agenda has taken
    are planned, deferred, withdrawn or marked considered (a briefing note sent) by hand.
    """
    topic = topic.strip()
    if not topic:
        raise ScrutinyError("Enter the item.")
    if planned_meeting is not None:
        lineage = {c.pk for c in programme.committee.lineage()}
        if planned_meeting.committee_id not in lineage:
            raise ScrutinyError("Choose a meeting of this committee.")
    if row is None:
        order = (programme.items.aggregate(m=Max("order"))["m"] or 0) + 1
        row = WorkProgrammeItem(programme=programme, order=order)
    elif row.programme_id != programme.pk:
        raise ScrutinyError("That item is on another work programme.")
    row.topic = topic
    row.method = method
    row.planned_meeting = planned_meeting
    row.planned_date = planned_meeting.date if planned_meeting is not None else None
    row.date_text = date_text.strip()
    row.background = background.strip()
    row.outcome = outcome.strip()
    if row.agenda_item_id is None and status is not None:
        if status not in EDITABLE_STATUSES:
            raise ScrutinyError("An item's status follows the agenda that takes it.")
        row.status = status
    row.save()
    _set_leads(row, Role.CABINET_MEMBER, cabinet_members)
    _set_leads(row, Role.OFFICER, officers)
    return row


@transaction.atomic
def remove_item(row: WorkProgrammeItem) -> None:
    """Remove a row no agenda has taken; a row on an agenda comes off with its agenda item."""
    if row.agenda_item_id is not None:
        raise ScrutinyError(
            "This item is on an agenda; remove it from the agenda in the clerk's workspace first."
        )
    programme = row.programme
    row.delete()
    for order, item in enumerate(programme.items.order_by("order", "pk"), start=1):
        if item.order != order:
            WorkProgrammeItem.objects.filter(pk=item.pk).update(order=order)


# --- carrying forward ----------------------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def outstanding_items(programme: WorkProgramme) -> list[WorkProgrammeItem]:
    """Rows still to be done: planned or deferred and not taken by a meeting that was held,
    or on the agenda of a meeting that was cancelled."""
    rows = programme.items.select_related("agenda_item__meeting", "planned_meeting").order_by(
        "order", "pk"
    )
    out = []
    for row in rows:
        meeting = row.agenda_item.meeting if row.agenda_item_id else None
        cancelled = meeting is not None and meeting.status == Meeting.Status.CANCELLED
        if row.status in (Status.PLANNED, Status.DEFERRED):
            if meeting is None or meeting.status not in HELD:
                out.append(row)
        elif row.status == Status.ON_AGENDA and cancelled:
            out.append(row)
    return out


CARRIED_NOTE = "Carried forward to the {title}."


@dataclass
class CarryForward:
    programme: WorkProgramme  # next year's
    created: list[WorkProgrammeItem]  # rows added to it now
    already: list[WorkProgrammeItem]  # outstanding rows it already held


def next_programme_committee(committee: Committee, next_year: int) -> Committee:
    """The committee that will hold next year's programme: a successor, if this one is gone."""
    start = committee.council.municipal_years.filter(start_year=next_year).first()
    if committee.dissolved_on is not None:
        successor = committee.successors.order_by("pk").first()
        if successor is not None and (start is None or committee.dissolved_on <= start.starts_on):
            return successor
    return committee


@transaction.atomic
def carry_forward(programme: WorkProgramme) -> CarryForward:
    """Copy this programme's outstanding rows into next year's (created if needed), once.

    Each row moved becomes a planned, untimetabled row of next year's programme with the
    same item, method, background and Cabinet Members and lead officers; its date text
    stays if it names no meeting of this year ("December 2019"), otherwise "tbc". The row
    left behind is marked deferred and says where it went. Running it again adds nothing:
    a row next year already holding the same item by the same method is the copy.
    """
    next_year = programme.municipal_year + 1
    committee = next_programme_committee(programme.committee, next_year)
    target = get_or_create_programme(committee, next_year)
    target_title = target.title or programme_title(next_year)
    held = {(_key(r.topic), r.method) for r in target.items.all()}
    order = target.items.aggregate(m=Max("order"))["m"] or 0
    created, already = [], []
    note = CARRIED_NOTE.format(title=target_title)
    for row in outstanding_items(programme):
        if (_key(row.topic), row.method) in held:
            already.append(row)
        else:
            order += 1
            copy = WorkProgrammeItem.objects.create(
                programme=target,
                order=order,
                topic=row.topic,
                method=row.method,
                date_text=_carried_date_text(row),
                background=row.background,
                status=Status.PLANNED,
            )
            WorkProgrammeLead.objects.bulk_create(
                WorkProgrammeLead(
                    item=copy,
                    person_id=lead.person_id,
                    role=lead.role,
                    order=lead.order,
                    printed_name=lead.printed_name,
                )
                for lead in row.leads.all()
            )
            held.add((_key(row.topic), row.method))
            created.append(copy)
        changed = []
        if row.status != Status.DEFERRED:
            row.status = Status.DEFERRED
            changed.append("status")
        if note not in row.outcome:
            row.outcome = f"{row.outcome}\n\n{note}".strip()
            changed.append("outcome")
        if changed:
            row.save(update_fields=changed)
    return CarryForward(programme=target, created=created, already=already)


def _carried_date_text(row: WorkProgrammeItem) -> str:
    if row.method == Method.STANDING:
        return row.date_text
    if row.planned_meeting_id is None and row.planned_date is None and row.date_text.strip():
        return row.date_text.strip()
    return "tbc"


# --- recommendations -----------------------------------------------------------------------


class TrackerStatus:
    """Where a recommendation stands, on a given day."""

    AWAITING = "awaiting"
    RESPONSE_OVERDUE = "response_overdue"
    IN_PROGRESS = "in_progress"
    ACTION_OVERDUE = "action_overdue"
    COMPLETE = "complete"
    REJECTED = "rejected"

    choices = (
        (AWAITING, "Awaiting response"),
        (RESPONSE_OVERDUE, "Response overdue"),
        (IN_PROGRESS, "Accepted, in progress"),
        (ACTION_OVERDUE, "Action overdue"),
        (COMPLETE, "Complete"),
        (REJECTED, "Rejected"),
    )
    labels = dict(choices)


def _actioned(decisions=(Decision.ACCEPTED, Decision.PARTLY)) -> Q:
    return Q(response__decision__in=decisions)


def with_tracker_status(qs: QuerySet[Recommendation], today: dt.date) -> QuerySet[Recommendation]:
    """Annotate ``tracker_status`` (see :class:`TrackerStatus`) and ``completed``."""
    completed = Exists(ProgressUpdate.objects.filter(recommendation=OuterRef("pk"), complete=True))
    T = TrackerStatus
    return qs.annotate(
        completed=Case(When(completed, then=Value(True)), default=Value(False)),
    ).annotate(
        tracker_status=Case(
            When(Q(response__isnull=True, response_due__lt=today), then=Value(T.RESPONSE_OVERDUE)),
            When(response__isnull=True, then=Value(T.AWAITING)),
            When(response__decision=Decision.REJECTED, then=Value(T.REJECTED)),
            When(completed=True, then=Value(T.COMPLETE)),
            When(response__action_deadline__lt=today, then=Value(T.ACTION_OVERDUE)),
            default=Value(T.IN_PROGRESS),
            output_field=CharField(),
        )
    )


def response_overdue(qs: QuerySet[Recommendation], today: dt.date) -> QuerySet[Recommendation]:
    """No response yet, and the date it was due has passed."""
    return qs.filter(response__isnull=True, response_due__lt=today)


def action_overdue(qs: QuerySet[Recommendation], today: dt.date) -> QuerySet[Recommendation]:
    """Accepted (wholly or partly), past the action deadline, with no completed progress update."""
    done = ProgressUpdate.objects.filter(recommendation=OuterRef("pk"), complete=True)
    return qs.filter(_actioned(), response__action_deadline__lt=today).exclude(Exists(done))


def tracker(
    user: Any,
    today: dt.date,
    *,
    committee: Committee | None = None,
    status: str = "",
    decision: str = "",
) -> QuerySet[Recommendation]:
    """The recommendations this user may read, newest first, filtered."""
    qs = access.visible_scrutiny_recommendations(
        user,
        Recommendation.objects.select_related(
            "committee",
            "addressed_to",
            "response__responder",
            "minute_item__minutes__meeting",
            "report__meeting",
        ).prefetch_related("progress_updates__reported_to"),
    )
    qs = with_tracker_status(qs, today)
    if committee is not None:
        # A renamed committee's recommendations include those made under its old names.
        qs = qs.filter(committee__in=[c.pk for c in committee.lineage()])
    if status:
        qs = qs.filter(tracker_status=status)
    if decision == "none":
        qs = qs.filter(response__isnull=True)
    elif decision:
        qs = qs.filter(response__decision=decision)
    return qs.order_by("-made_on", "committee__name", "minute_item_id", "report_id", "number", "pk")


def overdue(user: Any, today: dt.date, committee: Committee | None = None):
    """(responses overdue, actions overdue) among the recommendations this user may read."""
    qs = tracker(user, today, committee=committee)
    responses = response_overdue(qs, today).order_by("response_due", "committee__name", "number")
    actions = action_overdue(qs, today).order_by(
        "response__action_deadline", "committee__name", "number"
    )
    return responses, actions


def source_meeting(rec: Recommendation) -> Meeting | None:
    if rec.minute_item_id is not None:
        return rec.minute_item.minutes.meeting
    if rec.report_id is not None:
        return rec.report.meeting
    return None


@transaction.atomic
def record_recommendation(
    committee: Committee,
    *,
    text: str,
    made_on: dt.date,
    minute_item=None,
    report=None,
    number: str = "",
    addressed_to: Person | None = None,
    addressed_to_role: str = "",
    response_due: dt.date | None = None,
    recommendation: Recommendation | None = None,
) -> Recommendation:
    """Record (or correct) a recommendation from a minute or a review report."""
    text = text.strip()
    if not text:
        raise ScrutinyError("Enter the recommendation.")
    if minute_item is None and report is None:
        raise ScrutinyError("Choose the minute or the report the recommendation comes from.")
    lineage = {c.pk for c in committee.lineage()}
    if minute_item is not None and minute_item.committee_id not in lineage:
        raise ScrutinyError("That minute is another committee's.")
    if report is not None and report.meeting_id and report.meeting.committee_id not in lineage:
        raise ScrutinyError("That report went to another committee.")
    if response_due is not None and response_due < made_on:
        raise ScrutinyError("The response cannot be due before the recommendation was made.")
    rec = recommendation or Recommendation(committee=committee)
    rec.committee = committee
    rec.minute_item = minute_item
    rec.report = report
    rec.number = number.strip()
    rec.text = text
    rec.made_on = made_on
    rec.addressed_to = addressed_to
    rec.addressed_to_role = addressed_to_role.strip()
    rec.response_due = response_due
    rec.save()
    return rec


@transaction.atomic
def record_response(
    rec: Recommendation,
    *,
    decision: str,
    responded_on: dt.date,
    reasons: str = "",
    responder: Person | None = None,
    action_deadline: dt.date | None = None,
) -> ExecutiveResponse:
    """Record (or correct) the executive response.

    Reasons are required unless the recommendation was accepted (the database checks this
    too). A rejected recommendation has no action to take, so no action deadline.
    """
    reasons = reasons.strip()
    errors: dict[str, str] = {}
    if decision not in Decision.values:
        errors["decision"] = (
            "Choose whether the recommendation was accepted, partly accepted or rejected."
        )
    elif decision != Decision.ACCEPTED and not reasons:
        errors["reasons"] = "Give the reasons for a recommendation not accepted in full."
    if decision == Decision.REJECTED and action_deadline is not None:
        errors["action_deadline"] = "A rejected recommendation has no action deadline."
    if responded_on < rec.made_on:
        errors["responded_on"] = "The response cannot come before the recommendation."
    if action_deadline is not None and action_deadline < responded_on:
        errors["action_deadline"] = "The action deadline must be on or after the response."
    if errors:
        raise ValidationError(errors)
    response = getattr(rec, "response", None) if rec.pk else None
    if response is None:
        response = ExecutiveResponse(recommendation=rec)
    response.decision = decision
    response.reasons = reasons
    response.responded_on = responded_on
    response.responder = responder
    response.action_deadline = action_deadline
    response.save()
    rec.response = response
    return response


@transaction.atomic
def add_progress(
    rec: Recommendation,
    *,
    reported_on: dt.date,
    text: str,
    complete: bool = False,
    reported_to: Meeting | None = None,
) -> ProgressUpdate:
    """A progress update on an accepted (or partly accepted) recommendation."""
    response = ExecutiveResponse.objects.filter(recommendation=rec).first()
    if response is None:
        raise ScrutinyError("Record the executive response before progress on it.")
    if response.decision == Decision.REJECTED:
        raise ScrutinyError("The recommendation was rejected: there is no action to report on.")
    if not text.strip():
        raise ScrutinyError("Describe the progress made.")
    if reported_on < response.responded_on:
        raise ScrutinyError("Progress cannot be reported before the response.")
    if reported_to is not None:
        lineage = {c.pk for c in rec.committee.lineage()}
        if reported_to.committee_id not in lineage:
            raise ScrutinyError("Choose a meeting of the committee that made the recommendation.")
    return ProgressUpdate.objects.create(
        recommendation=rec,
        reported_on=reported_on,
        text=text.strip(),
        complete=complete,
        reported_to=reported_to,
    )


def delete_recommendation(rec: Recommendation) -> None:
    rec.delete()
