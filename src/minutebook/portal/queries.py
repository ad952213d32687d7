"""What each portal page reads, in a fixed number of queries, through the exempt rules.

Views stay small and these functions stay testable without HTTP. Every row carrying Part
Two content passes through :mod:`minutebook.access`, never through a bare queryset.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from minutebook import access
from minutebook.committees.models import Committee, Membership
from minutebook.meetings.models import AgendaItem, Attendance, Declaration, Meeting
from minutebook.minutes.models import MinuteItem, Resolution
from minutebook.people.models import Person
from minutebook.reports.models import Appendix, ContactOfficer, Report, ReportRecommendation


@dataclass
class YearGroup:
    """Rows of one municipal year, so templates can print one heading per year."""

    year: int
    rows: list[Any] = field(default_factory=list)
    current: bool = False


def group_by_year(rows: list[Any], current_year: int | None = None) -> list[YearGroup]:
    """Group rows with a ``municipal_year`` attribute, newest year first, keeping row order."""
    groups: dict[int, YearGroup] = {}
    for row in rows:
        year = row.municipal_year
        if year not in groups:
            groups[year] = YearGroup(year=year, current=year == current_year)
        groups[year].rows.append(row)
    return sorted(groups.values(), key=lambda g: g.year, reverse=True)


# ---------------------------------------------------------------- decisions


def decisions(user: Any) -> QuerySet[MinuteItem]:
    """Every minute item that resolved something, newest meeting first, exempt rules applied.

    A Part Two item stays in the list by title: the public may know a decision was taken in
    private, not what it was.
    """
    has_resolution = Exists(Resolution.objects.filter(minute_item=OuterRef("pk")))
    items = (
        MinuteItem.objects.filter(has_resolution)
        .select_related("minutes__meeting__committee")
        .prefetch_related(
            "exempt_paragraphs",
            Prefetch(
                "resolutions", queryset=access.visible_resolutions(user, Resolution.objects.all())
            ),
        )
        .order_by("-minutes__meeting__date", "-minutes__meeting__start_time", "order", "pk")
    )
    return access.visible_minute_items(user, items)


def filter_decisions(
    qs: QuerySet[MinuteItem],
    committee: Committee | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    topic: str = "",
) -> QuerySet[MinuteItem]:
    """Narrow the decisions list by committee, meeting date (both ends inclusive) and topic.

    Every word of ``topic`` must appear in the minute's title or in a resolution the viewer
    may read: matching the hidden resolutions of a Part Two item would reveal, through its
    public title appearing in the results, what was decided in private.
    """
    if committee is not None:
        qs = qs.filter(minutes__meeting__committee=committee)
    if date_from is not None:
        qs = qs.filter(minutes__meeting__date__gte=date_from)
    if date_to is not None:
        qs = qs.filter(minutes__meeting__date__lte=date_to)
    for word in topic.split():
        readable = Q(content_visible=True, resolutions__text__icontains=word)
        qs = qs.filter(Q(title__icontains=word) | readable)
    return qs.distinct() if topic.split() else qs


# ---------------------------------------------------------------- home


def upcoming_meetings(today: dt.date, limit: int = 8) -> QuerySet[Meeting]:
    """The next meetings still going ahead, soonest first."""
    return (
        Meeting.objects.filter(date__gte=today)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("committee")
        .order_by("date", "start_time")[:limit]
    )


def committees_for_home(today: dt.date) -> tuple[list[Committee], list[Committee]]:
    """Committees that sit now, and former ones (dissolved or renamed), by name."""
    current, former = [], []
    for committee in Committee.objects.order_by("name"):
        gone = committee.dissolved_on is not None and committee.dissolved_on <= today
        (former if gone else current).append(committee)
    return current, former


# ---------------------------------------------------------------- committee


@dataclass
class CommitteePage:
    committee: Committee
    predecessors: list[Committee]
    successors: list[Committee]
    current_year: int
    memberships: list[YearGroup]
    meetings: list[YearGroup]


def committee_page(pk: int, today: dt.date) -> CommitteePage:
    """A committee with its lineage, membership by year and meetings by year."""
    committee = get_object_or_404(Committee.objects.select_related("council", "predecessor"), pk=pk)
    current_year = committee.council.municipal_year_of(today)
    seats = list(
        committee.memberships.select_related("person").order_by(
            "-municipal_year", "order", "person__sort_name"
        )
    )
    meetings = list(committee.meetings.order_by("-date", "-start_time"))
    return CommitteePage(
        committee=committee,
        predecessors=committee.lineage()[1:],
        successors=list(committee.successors.order_by("name")),
        current_year=current_year,
        memberships=group_by_year(seats, current_year),
        meetings=group_by_year(meetings, current_year),
    )


# ---------------------------------------------------------------- meeting


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda: list[AgendaItem]
    reports: list[Report]
    attendance: dict[str, list[Attendance]]
    declarations: list[Any]
    minute_items: list[MinuteItem]
    previous: Meeting | None
    following: Meeting | None


def meeting_page(user: Any, pk: int) -> MeetingPage:
    """Everything the meeting page shows, in a number of queries that does not grow with it.

    Agenda items come in one query and are nested here (``item.children``); each report is
    hung on its agenda item (``item.item_reports``) for links.
    """
    meeting = get_object_or_404(
        Meeting.objects.select_related(
            "committee__council", "minutes__confirmed_at", "minutes__signed_by", "chair"
        ),
        pk=pk,
    )
    reports = list(
        access.visible_reports(user, Report.objects.filter(meeting=meeting))
        .select_related("cabinet_member")
        .prefetch_related(
            "exempt_paragraphs",
            Prefetch(
                "recommendations",
                queryset=access.visible_report_recommendations(
                    user, ReportRecommendation.objects.all()
                ),
            ),
            Prefetch(
                "contact_officers",
                queryset=access.visible_contact_officers(user, ContactOfficer.objects.all()),
            ),
            Prefetch(
                "appendices", queryset=access.visible_appendices(user, Appendix.objects.all())
            ),
        )
        .order_by("order", "pk")
    )
    items = list(
        access.visible_agenda_items(user, meeting.agenda_items.all())
        .select_related("minutes_of", "presenter")
        .prefetch_related("exempt_paragraphs")
        .order_by("order", "pk")
    )
    by_item: dict[int, list[Report]] = defaultdict(list)
    for report in reports:
        if report.agenda_item_id:
            by_item[report.agenda_item_id].append(report)
    for item in items:
        item.children = []
        item.item_reports = by_item.get(item.pk, [])
    by_pk = {item.pk: item for item in items}
    top = []
    for item in items:
        parent = by_pk.get(item.parent_id) if item.parent_id else None
        (parent.children if parent is not None else top).append(item)

    attendance: dict[str, list[Attendance]] = defaultdict(list)
    for row in meeting.attendances.select_related("person", "substitute_for").order_by(
        "-is_chair", "order", "person__sort_name"
    ):
        attendance[row.status].append(row)

    declarations = list(
        access.visible_declarations(
            user, meeting.declarations.select_related("person", "agenda_item")
        ).order_by("person__sort_name", "pk")
    )

    minute_items: list[MinuteItem] = []
    if _has_minutes(meeting):
        minute_items = list(
            access.visible_minute_items(user, MinuteItem.objects.filter(minutes=meeting.minutes))
            .prefetch_related(
                "exempt_paragraphs",
                Prefetch(
                    "resolutions",
                    queryset=access.visible_resolutions(user, Resolution.objects.all()),
                ),
            )
            .order_by("order", "pk")
        )

    siblings = Meeting.objects.filter(committee=meeting.committee).exclude(pk=meeting.pk)
    return MeetingPage(
        meeting=meeting,
        agenda=top,
        reports=reports,
        attendance=dict(attendance),
        declarations=declarations,
        minute_items=minute_items,
        previous=siblings.filter(date__lt=meeting.date).order_by("-date").first(),
        following=siblings.filter(date__gt=meeting.date).order_by("date").first(),
    )


def _has_minutes(meeting: Meeting) -> bool:
    try:
        meeting.minutes  # noqa: B018 - select_related fetched it; this only asks whether it exists
    except Meeting.minutes.RelatedObjectDoesNotExist:
        return False
    return True


# ---------------------------------------------------------------- person


@dataclass
class AttendanceRate:
    """A person's record on one committee in one municipal year."""

    committee: Committee
    municipal_year: int
    expected: int = 0
    present: int = 0
    apologies: int = 0

    @property
    def rate(self) -> float | None:
        return self.present / self.expected if self.expected else None


@dataclass
class PersonPage:
    person: Person
    roles: list[Membership]
    attendance: list[AttendanceRate]
    other_attendance: list[Attendance]
    declarations: list[Declaration]


def attendance_rates(person: Person, seats: list[Membership]) -> list[AttendanceRate]:
    """Present out of expected, per committee and municipal year.

    Expected meetings are those of a committee in a year the person held a seat (named
    substitutes are not expected), within the seat's dates, not cancelled, and whose
    attendance was recorded at all: a meeting whose minutes were never imported must not
    count as an absence.
    """
    seats = [s for s in seats if s.role != Membership.Role.SUBSTITUTE]
    if not seats:
        return []
    by_key = {(s.committee_id, s.municipal_year): s for s in seats}
    meetings = (
        Meeting.objects.filter(
            committee_id__in={s.committee_id for s in seats},
            municipal_year__in={s.municipal_year for s in seats},
        )
        .exclude(status=Meeting.Status.CANCELLED)
        .filter(Exists(Attendance.objects.filter(meeting=OuterRef("pk"))))
        .values_list("pk", "committee_id", "municipal_year", "date")
    )
    statuses = dict(person.attendances.values_list("meeting_id", "status"))
    rows = {
        key: AttendanceRate(committee=s.committee, municipal_year=key[1])
        for key, s in by_key.items()
    }
    attended = {Attendance.Status.PRESENT, Attendance.Status.SUBSTITUTE}
    for meeting_id, committee_id, year, day in meetings:
        seat = by_key.get((committee_id, year))
        if seat is None:
            continue
        if (seat.starts_on and day < seat.starts_on) or (seat.ends_on and day > seat.ends_on):
            continue
        row = rows[(committee_id, year)]
        row.expected += 1
        status = statuses.get(meeting_id)
        if status in attended:
            row.present += 1
        elif status == Attendance.Status.APOLOGIES:
            row.apologies += 1
    return sorted(rows.values(), key=lambda r: (-r.municipal_year, r.committee.name))


def person_page(pk: int, user: Any) -> PersonPage:
    """A person's seats over time, how often they attended, and the interests they declared."""
    person = get_object_or_404(Person.objects.select_related("council"), pk=pk)
    roles = list(
        person.memberships.select_related("committee").order_by(
            "-municipal_year", "committee__name"
        )
    )
    other = person.attendances.select_related("meeting__committee").filter(
        status=Attendance.Status.IN_ATTENDANCE
    )
    return PersonPage(
        person=person,
        roles=roles,
        attendance=attendance_rates(person, roles),
        other_attendance=list(other.order_by("-meeting__date")),
        declarations=list(
            access.visible_declarations(
                user,
                person.declarations.select_related("meeting__committee", "agenda_item").order_by(
                    "-meeting__date"
                ),
            )
        ),
    )
