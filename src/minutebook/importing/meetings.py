"""Loading the meeting a pack is for: the meeting itself, its agenda and the membership box."""

from __future__ import annotations

import datetime as dt
from typing import Any

from minutebook.committees.models import Committee, Membership, role_from_title
from minutebook.importing.matching import fold, titled
from minutebook.importing.records import (
    Context,
    parse_iso_date,
    parse_iso_time,
    strings,
    text,
    update,
)
from minutebook.meetings.models import AgendaItem, Meeting, Part
from minutebook.people.models import Person

# Later states win: loading an old agenda never moves a meeting back from "minutes confirmed".
_STATUS_RANK = {
    Meeting.Status.SCHEDULED: 0,
    Meeting.Status.AGENDA_PUBLISHED: 1,
    Meeting.Status.HELD: 2,
    Meeting.Status.MINUTES_DRAFTED: 3,
    Meeting.Status.MINUTES_CONFIRMED: 4,
}

_STANDARD = [
    ("apologies", AgendaItem.Standard.APOLOGIES),
    ("declaration", AgendaItem.Standard.DECLARATIONS),
    ("minutes", AgendaItem.Standard.MINUTES),
    ("work programme", AgendaItem.Standard.WORK_PROGRAMME),
    ("exclusion of the public", AgendaItem.Standard.EXCLUSION),
]


def find_or_create_meeting(ctx: Context, committee: Committee, day: dt.date) -> Meeting:
    """The committee's meeting on ``day``: one meeting however many documents print it."""
    meeting = Meeting.objects.filter(committee=committee, date=day).order_by("pk").first()
    created = meeting is None
    if meeting is None:
        meeting = Meeting.objects.create(committee=committee, date=day)
    ctx.result.count("meeting", created)
    ctx.link_meeting(meeting)
    return meeting


def raise_status(meeting: Meeting, status: str) -> None:
    """Move the meeting forward to ``status`` unless it is already further on (or cancelled)."""
    if meeting.status in _STATUS_RANK and _STATUS_RANK[status] > _STATUS_RANK[meeting.status]:
        update(meeting, status=status)


def load_meeting(ctx: Context, data: Any) -> Meeting | None:
    """The front sheet: meeting details, agenda and membership. None if it names no meeting."""
    if not isinstance(data, dict):
        return None
    day = parse_iso_date(ctx, data.get("date"), "meeting date")
    name = text(data.get("committee"))
    if not name or day is None:
        ctx.warn("the front sheet names no committee or no date: agenda and membership not loaded")
        return None
    meeting = find_or_create_meeting(ctx, ctx.committee(name), day)
    details = {
        "start_time": parse_iso_time(ctx, data.get("time")),
        "venue": text(data.get("venue"), 300),
        "agenda_published_on": parse_iso_date(ctx, data.get("published"), "published"),
    }
    # A document that does not print a detail leaves what another document said.
    update(meeting, **{k: v for k, v in details.items() if v not in (None, "")})
    raise_status(meeting, Meeting.Status.AGENDA_PUBLISHED)
    load_agenda(ctx, meeting, data.get("agenda") or [], strings(data.get("exempt_items")))
    load_membership(ctx, meeting, data.get("membership") or [])
    ctx.result.meeting_id = meeting.pk
    return meeting


def _standard(title: str) -> str:
    folded = fold(title)
    for words, standard in _STANDARD:
        if folded.startswith(words) or (words == "minutes" and folded.startswith("confirm")):
            return standard
    return AgendaItem.Standard.NONE


def _pages(ctx: Context, value: Any, title: str) -> tuple[int | None, int | None]:
    if not isinstance(value, list | tuple) or not value:
        return None, None
    numbers = [v for v in value if isinstance(v, int) and not isinstance(v, bool) and v >= 0]
    if len(numbers) != len(value) or len(numbers) > 2:
        ctx.warn(f"agenda item {title!r}: pages {value!r} not understood")
        return None, None
    start, end = numbers[0], numbers[-1]
    if end < start:
        ctx.warn(f"agenda item {title!r}: pages {value!r} run backwards; end page dropped")
        return start, None
    return start, end


def _claim(rows: list[AgendaItem], claimed: set[int], number: str, title: str) -> AgendaItem | None:
    """The existing item this printed item is: same number, else (unnumbered) same title."""
    for row in rows:
        if row.pk not in claimed and number and row.number == number:
            claimed.add(row.pk)
            return row
    for row in rows:
        if row.pk not in claimed and fold(row.title) == fold(title) and not (number and row.number):
            claimed.add(row.pk)
            return row
    return None


def _save_item(ctx: Context, row: AgendaItem | None, values: dict[str, Any]) -> AgendaItem:
    ctx.result.count("agenda_item", row is None)
    if row is None:
        return AgendaItem.objects.create(**values)
    update(row, **{k: v for k, v in values.items() if k not in ("meeting", "parent")})
    return row


def load_agenda(ctx: Context, meeting: Meeting, items: list[Any], exempt_titles: list[str]) -> None:
    """Agenda items and lettered sub-items, matched to what the meeting already has by number."""
    existing = list(meeting.agenda_items.filter(parent=None))
    claimed: set[int] = set()
    for order, data in enumerate(i for i in items if isinstance(i, dict)):
        title = text(data.get("title"))
        number = text(data.get("number"), 10)
        start, end = _pages(ctx, data.get("pages"), title)
        part = Part.TWO if data.get("part") == 2 else Part.ONE
        values = {
            "meeting": meeting,
            "parent": None,
            "number": number,
            "order": order,
            "title": title,
            "standard": _standard(title),
            "part": part,
            "start_page": start,
            "end_page": end,
            "report_of": text(data.get("report_of"), 300),
        }
        row = _save_item(ctx, _claim(existing, claimed, number, title), values)
        _load_subitems(ctx, row, data.get("subitems") or [])
    _load_exempt_titles(ctx, meeting, exempt_titles)


def _load_subitems(ctx: Context, parent: AgendaItem, subitems: list[Any]) -> None:
    existing = list(parent.subitems.all())
    claimed: set[int] = set()
    for order, data in enumerate(s for s in subitems if isinstance(s, dict)):
        title, number = text(data.get("title")), text(data.get("number"), 10)
        values = {
            "meeting": parent.meeting,
            "parent": parent,
            "number": number,
            "order": order,
            "title": title,
            "part": parent.part,
        }
        _save_item(ctx, _claim(existing, claimed, number, title), values)


def _load_exempt_titles(ctx: Context, meeting: Meeting, titles: list[str]) -> None:
    """Part Two titles: mark the agenda item so, or add it when the agenda did not list it."""
    top = list(meeting.agenda_items.filter(parent=None))
    for title in titles:
        match = titled(top, title)
        if match is None:
            ctx.warn(f"exempt item {title!r} is not on the agenda; added as a Part Two item")
            match = AgendaItem.objects.create(
                meeting=meeting, title=title, part=Part.TWO, order=len(top) + 1
            )
            top.append(match)
        update(match, part=Part.TWO)


def load_membership(ctx: Context, meeting: Meeting, members: list[Any]) -> None:
    """Seats on the committee for the meeting's municipal year, in printed order.

    Chairs are saved last, after everyone else's role has been brought up to date, so that
    a change of chair between two documents does not trip the one-chair-per-year rule.
    """
    rows: list[tuple[Person, str, str, int]] = []
    seen: set[int] = set()
    listed: set[int] = set()
    for order, data in enumerate(m for m in members if isinstance(m, dict)):
        person = ctx.person(data.get("name"), same_list=listed)
        if person is None or person.pk in seen:
            if person is not None:
                ctx.warn(f"membership lists {person.name!r} twice; kept the first")
            continue
        seen.add(person.pk)
        title = text(data.get("role"), 100)
        rows.append((person, title, str(data.get("name")), order))
    rows.sort(key=lambda r: role_from_title(r[1]) == Membership.Role.CHAIR)
    for person, title, printed, order in rows:
        _save_seat(ctx, meeting, person, title, printed, order)


def _save_seat(
    ctx: Context, meeting: Meeting, person: Person, title: str, printed: str, order: int
) -> None:
    year, committee = meeting.municipal_year, meeting.committee
    role = role_from_title(title)
    if role == Membership.Role.CHAIR:
        other = Membership.objects.filter(committee=committee, municipal_year=year, role=role)
        if other.exclude(person=person).exists():
            ctx.warn(f"{person.name!r} printed as {title!r}, but the year already has a chair")
            role = Membership.Role.MEMBER
    values: dict[str, Any] = {"role": role, "role_title": title, "order": order}
    values["printed_name"] = printed.strip()[:200]
    seat = Membership.objects.filter(
        committee=committee, person=person, municipal_year=year
    ).first()
    if seat is None:
        Membership.objects.create(committee=committee, person=person, municipal_year=year, **values)
    else:
        update(seat, **values)
