"""Loading a set of minutes: the meeting, who attended, minute items and their resolutions."""

from __future__ import annotations

from typing import Any

from minutebook.committees.models import Committee
from minutebook.importing.matching import fold, titled
from minutebook.importing.meetings import find_or_create_meeting, raise_status
from minutebook.importing.records import (
    Context,
    parse_iso_date,
    strings,
    sync_list,
    text,
    update,
)
from minutebook.meetings.models import Attendance, Meeting, Part
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import Person

_LISTS = [
    ("present", Attendance.Status.PRESENT),
    ("also_in_attendance", Attendance.Status.IN_ATTENDANCE),
    ("apologies", Attendance.Status.APOLOGIES),
]


def load_minutes(ctx: Context, data: Any, default_committee: str | None) -> Meeting | None:
    """One set of minutes onto the committee's meeting of that date (found or created)."""
    if not isinstance(data, dict):
        return None
    name = text(data.get("committee")) or (default_committee or "")
    day = parse_iso_date(ctx, data.get("date"), "minutes date")
    if not name or day is None:
        ctx.warn("minutes without a committee or a date were not loaded")
        return None
    meeting = find_or_create_meeting(ctx, ctx.committee(name), day)
    raise_status(meeting, Meeting.Status.MINUTES_DRAFTED)
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    load_attendance(ctx, meeting, data)
    load_minute_items(ctx, minutes, data.get("items") or [])
    ctx.result.minutes_meeting_ids.append(meeting.pk)
    return meeting


def load_attendance(ctx: Context, meeting: Meeting, data: dict[str, Any]) -> None:
    """Present, also in attendance and apologies, each in printed order; the chair flagged.

    Rows for people these minutes do not list are left alone: another printing of the same
    minutes may have been read more completely.
    """
    wanted: dict[int, dict[str, Any]] = {}
    people: dict[int, Person] = {}
    listed: set[int] = set()
    for key, status in _LISTS:
        for order, printed in enumerate(strings(data.get(key))):
            person = ctx.person(printed, same_list=listed)
            if person is None:
                continue
            if person.pk in wanted:
                ctx.warn(f"{meeting}: {person.name!r} listed twice in attendance; kept the first")
                continue
            people[person.pk] = person
            wanted[person.pk] = {"status": status, "order": order, "is_chair": False}
            wanted[person.pk]["printed_name"] = printed.strip()[:200]
    chair = ctx.person(data.get("chair")) if data.get("chair") else None
    if chair is not None:
        update(meeting, chair=chair)
        if wanted.get(chair.pk, {}).get("status") == Attendance.Status.PRESENT:
            wanted[chair.pk]["is_chair"] = True
        else:
            ctx.warn(f"{meeting}: the chair {chair.name!r} is not among those present")
    # Clear a stale chair flag before setting the new one (one chair per meeting).
    chair_pk = chair.pk if chair is not None and wanted.get(chair.pk, {}).get("is_chair") else None
    meeting.attendances.filter(is_chair=True).exclude(person_id=chair_pk).update(is_chair=False)
    existing = {a.person_id: a for a in meeting.attendances.all()}
    for pk, values in wanted.items():
        if pk in existing:
            update(existing[pk], **values)
        else:
            Attendance.objects.create(meeting=meeting, person=people[pk], **values)


def minute_number(value: Any) -> tuple[str, int | None]:
    """The contract's minute number as (number_label, number): 52 -> ("52", 52)."""
    if isinstance(value, bool) or value is None:
        return "", None
    if isinstance(value, int):
        return str(value), value if value >= 0 else None
    label = str(value).strip()[:20]
    return label, int(label) if label.isdigit() else None


def load_minute_items(ctx: Context, minutes: Minutes, items: list[Any]) -> None:
    """Minute items matched by printed number (else title), with paragraphs and resolutions."""
    existing = list(minutes.items.all())
    claimed: set[int] = set()
    labels: set[str] = set()
    agenda = list(minutes.meeting.agenda_items.all())
    for order, data in enumerate(items):
        if not isinstance(data, dict):
            raise ValueError(f"minutes of {minutes.meeting}: item {order + 1} is not an object")
        title = text(data.get("title"))
        label, number = minute_number(data.get("number"))
        if label and label in labels:
            ctx.warn(f"{minutes.meeting}: minute {label} printed twice; the second kept unnumbered")
            label = ""
        labels.add(label)
        row = _claim(existing, claimed, label, title)
        if label and row is None:
            _allow_label(ctx, minutes, label)
        values = {
            "number_label": label,
            "number": number,
            "order": order,
            "title": title,
            "part": Part.TWO if data.get("part") == 2 else Part.ONE,
            "agenda_item": titled(agenda, title),
        }
        ctx.result.count("minute_item", row is None)
        if row is None:
            row = MinuteItem.objects.create(minutes=minutes, **values)
        else:
            update(row, **values)
        _set_paragraphs(ctx, row, data.get("exempt_paragraphs"))
        _set_resolutions(row, strings(data.get("resolutions")))


def _claim(rows: list[MinuteItem], claimed: set[int], label: str, title: str) -> MinuteItem | None:
    for row in rows:
        if row.pk in claimed:
            continue
        if (label and row.number_label == label) or (
            not label and not row.number_label and fold(row.title) == fold(title)
        ):
            claimed.add(row.pk)
            return row
    return None


def _allow_label(ctx: Context, minutes: Minutes, label: str) -> None:
    """Let a minute number repeat within the municipal year when the committee's do.

    Numbers that run through the year cannot repeat at another meeting. When they do, the
    committee restarts its numbers at every meeting; record that rather than lose the item.
    """
    meeting = minutes.meeting
    committee = meeting.committee
    committee.refresh_from_db(fields=["minute_numbering"])
    if committee.minute_numbering != Committee.MinuteNumbering.MUNICIPAL_YEAR:
        return
    clash = MinuteItem.objects.filter(
        committee=committee,
        municipal_year=meeting.municipal_year,
        number_label=label,
        numbered_through_year=True,
    ).exclude(minutes=minutes)
    if clash.exists():
        ctx.warn(
            f"{committee}: minute {label} appears at two meetings in one municipal year; "
            "numbering taken to restart at each meeting"
        )
        update(committee, minute_numbering=Committee.MinuteNumbering.MEETING)
        MinuteItem.objects.filter(committee=committee).update(numbered_through_year=False)


def _set_paragraphs(ctx: Context, row: MinuteItem, value: Any) -> None:
    numbers = [v for v in (value or []) if isinstance(v, int) and not isinstance(v, bool)]
    valid = [n for n in numbers if n in ctx.paragraphs()]
    if len(valid) != len(numbers) or not isinstance(value or [], list):
        ctx.warn(
            f"minute {row.number_label or row.title!r}: exempt paragraphs {value!r} not all valid"
        )
    if set(row.exempt_paragraphs.values_list("number", flat=True)) != set(valid):
        row.exempt_paragraphs.set(valid)


def _set_resolutions(row: MinuteItem, texts: list[str]) -> None:
    desired = [{"order": i, "text": t.strip()} for i, t in enumerate(texts)]
    sync_list(
        list(row.resolutions.all()),
        desired,
        lambda v: Resolution.objects.create(minute_item=row, **v),
    )
