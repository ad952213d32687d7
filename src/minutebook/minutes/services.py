"""Writing and confirming minutes, as functions the clerk's workspace calls.

Minute numbers come from :func:`minutebook.minutes.numbering.add_minute_item` only, so they
continue through the municipal year (or restart per meeting) as the committee says.
Minutes stay draft until a later meeting of the committee resolves, under its "Minutes of
the previous meeting" item, to confirm them; confirmed minutes cannot be edited here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from minutebook.committees.models import Committee, Membership
from minutebook.meetings.models import AgendaItem, ExemptionParagraph, Meeting, Part
from minutebook.meetings.services import (
    EXCLUSION_MOTION,
    WorkspaceError,
    ordered_agenda,
    paragraph_numbers,
)
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.minutes.numbering import add_minute_item
from minutebook.scrutiny.models import WorkProgrammeItem
from minutebook.wording import letter, long_date

Standard = AgendaItem.Standard

NO_DECLARATIONS = "There were none at this meeting."

_RESOLVED_PREFIX = re.compile(r"^\s*resolved\s*[:\-\u2013\u2014]?\s*", re.IGNORECASE)
_THAT_ALONE = re.compile(r"^\s*that\s*[:\-\u2013\u2014]\s*$", re.IGNORECASE)
_CLAUSE_MARK = re.compile(r"^\s*(?:[-*•]\s*)?(?:\(?[a-z]{1,2}\)|[a-z]\.)\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*•]\s+")


def parse_resolutions(text: str) -> list[tuple[str, str]]:
    """Turn what the clerk typed into (label, text) clauses: one line per clause.

    One clause has no label; two or more are lettered a, b, c (after z: aa, ab; see
    :func:`minutebook.wording.letter`) whatever the clerk typed in front of them ("a)",
    "(b)", "- c)"). A leading "RESOLVED:" and a bare "That:" line are dropped: the minutes
    print them.
    """
    lines = [line.strip() for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if lines:
        lines[0] = _RESOLVED_PREFIX.sub("", lines[0]).strip()
    lines = [line for line in lines if line and not _THAT_ALONE.match(line)]
    clauses = []
    for line in lines:
        clause = _CLAUSE_MARK.sub("", line, count=1) if len(lines) > 1 else line
        clause = _BULLET.sub("", clause).strip()
        if clause:
            clauses.append(clause)
    if len(clauses) == 1:
        return [("", clauses[0])]
    return [(letter(n), c) for n, c in enumerate(clauses)]


def resolutions_as_text(item: MinuteItem) -> str:
    """The clauses as the clerk would type them back in."""
    return "\n".join(f"{r.label}) {r.text}" if r.label else r.text for r in item.resolutions.all())


def set_resolutions(item: MinuteItem, text: str) -> list[Resolution]:
    item.resolutions.all().delete()
    return Resolution.objects.bulk_create(
        Resolution(minute_item=item, order=n, label=label, text=clause)
        for n, (label, clause) in enumerate(parse_resolutions(text), start=1)
    )


def _editable(minutes: Minutes) -> None:
    if minutes.status == Minutes.Status.CONFIRMED:
        raise WorkspaceError(
            "These minutes have been confirmed and signed; they can no longer be changed here."
        )


def _lock_numbering(minutes: Minutes) -> None:
    """Serialise numbering for the committee so two clerks cannot take the same number."""
    Committee.objects.select_for_update().filter(pk=minutes.meeting.committee_id).first()


def numbering_warning(minutes: Minutes) -> str:
    """Say so when a later meeting in the same numbering run already has minute numbers.

    New minutes here would then number after the later meeting's, out of date order.
    """
    meeting = minutes.meeting
    if meeting.committee.minute_numbering != Committee.MinuteNumbering.MUNICIPAL_YEAR:
        return ""
    later = (
        MinuteItem.objects.filter(
            committee=meeting.committee,
            municipal_year=meeting.municipal_year,
            number__isnull=False,
            minutes__meeting__date__gt=meeting.date,
        )
        .select_related("minutes__meeting")
        .order_by("minutes__meeting__date")
        .first()
    )
    if later is None:
        return ""
    return (
        f"The minutes of the meeting on {long_date(later.minutes.meeting.date)} already have "
        "numbers, so new minutes here will be numbered after them."
    )


@transaction.atomic
def add_item(
    minutes: Minutes,
    title: str,
    *,
    part: int = Part.ONE,
    paragraphs: Iterable[ExemptionParagraph | int] = (),
    agenda_item: AgendaItem | None = None,
    narrative: str = "",
    resolutions: str = "",
) -> MinuteItem:
    """Append a numbered minute item with its narrative and RESOLVED clauses."""
    _editable(minutes)
    if not title.strip():
        raise WorkspaceError("Enter the minute's title.")
    if agenda_item is not None and agenda_item.meeting_id != minutes.meeting_id:
        raise WorkspaceError("That item is on another meeting's agenda.")
    numbers = paragraph_numbers(paragraphs)
    if part == Part.TWO and not numbers:
        raise WorkspaceError("Choose the paragraphs of Schedule 12A that make this minute exempt.")
    _lock_numbering(minutes)
    item = add_minute_item(
        minutes,
        title.strip(),
        part=part,
        agenda_item=agenda_item,
        narrative=narrative.strip(),
    )
    item.exempt_paragraphs.set(numbers if part == Part.TWO else [])
    set_resolutions(item, resolutions)
    if minutes.meeting.status not in (
        Meeting.Status.MINUTES_DRAFTED,
        Meeting.Status.MINUTES_CONFIRMED,
    ):
        minutes.meeting.status = Meeting.Status.MINUTES_DRAFTED
        minutes.meeting.save(update_fields=["status"])
    return item


@transaction.atomic
def update_item(
    item: MinuteItem,
    *,
    title: str,
    part: int = Part.ONE,
    paragraphs: Iterable[ExemptionParagraph | int] = (),
    narrative: str = "",
    resolutions: str = "",
) -> MinuteItem:
    _editable(item.minutes)
    if _confirms_other_minutes(item) and not parse_resolutions(resolutions):
        raise WorkspaceError(
            "This minute confirmed the previous minutes; it must keep its resolution."
        )
    if not title.strip():
        raise WorkspaceError("Enter the minute's title.")
    numbers = paragraph_numbers(paragraphs)
    if part == Part.TWO and not numbers:
        raise WorkspaceError("Choose the paragraphs of Schedule 12A that make this minute exempt.")
    item.title = title.strip()
    item.part = part
    item.narrative = narrative.strip()
    item.save()
    item.exempt_paragraphs.set(numbers if part == Part.TWO else [])
    set_resolutions(item, resolutions)
    return item


def _confirms_other_minutes(item: MinuteItem) -> bool:
    agenda = item.agenda_item
    return bool(
        agenda is not None
        and agenda.minutes_of_id is not None
        and Minutes.objects.filter(
            meeting_id=agenda.minutes_of_id,
            status=Minutes.Status.CONFIRMED,
            confirmed_at_id=item.minutes.meeting_id,
        ).exists()
    )


@transaction.atomic
def remove_item(item: MinuteItem) -> None:
    """Remove a draft minute. Later numbers in the same minutes close up when that cannot
    clash with another meeting's numbers (i.e. these are the latest numbered minutes)."""
    minutes = item.minutes
    _editable(minutes)
    if _confirms_other_minutes(item):
        raise WorkspaceError("This minute confirmed the previous minutes and cannot be removed.")
    _lock_numbering(minutes)
    removed = item.number
    item.delete()
    if removed is None or numbering_warning(minutes):
        return
    for later in minutes.items.filter(number__gt=removed).order_by("number"):
        later.number -= 1
        later.number_label = str(later.number)
        later.save(update_fields=["number", "number_label"])


def _printed_order(minutes: Minutes) -> list[MinuteItem]:
    part_one, part_two = minutes_parts(minutes)
    return part_one + part_two


def _renumber(minutes: Minutes, items: list[MinuteItem], reason: str) -> None:
    """Give ``items`` (all of ``minutes``, in their new printed order) positions 1, 2, 3 and
    hand the numbers they already had back out in that order."""
    numbers = iter(sorted(i.number for i in items if i.number is not None))
    changed: list[MinuteItem] = []
    for position, item in enumerate(items, start=1):
        number = next(numbers) if item.number is not None else None
        if (item.order, item.number) == (position, number):
            continue
        item.order, item.number = position, number
        item.number_label = "" if number is None else str(number)
        changed.append(item)
    # A label is unique in its minutes (and committee-year), and two labels may swap:
    # blank the ones about to change first. (update() writes no history; the saves do.)
    renumbered = [i.pk for i in changed if i.number is not None]
    MinuteItem.objects.filter(minutes=minutes, pk__in=renumbered).update(number_label="")
    for item in changed:
        item._change_reason = reason
        item.save(update_fields=["order", "number", "number_label"])


@transaction.atomic
def move_item(item: MinuteItem, direction: str) -> bool:
    """Move a draft minute one place ``"up"`` or ``"down"``, then renumber that meeting's minutes.

    The rules:

    * only draft minutes are reordered; confirmed ones are the signed record;
    * a minute moves within its Part. Part One minutes are printed first and Part Two
      minutes after them, numbers running on; editing a minute's Part is how it crosses.
      The Exclusion of the Public is a Part One minute like any other (it normally stays
      last, just above the Part Two minutes);
    * afterwards the meeting's minutes carry the same numbers as before, handed out again in
      printed order: numbers that ran consecutively still do, and no other meeting's minute
      changes or clashes (numbers may run on through the municipal year);
    * minutes with printed labels that are not plain numbers ("107/20", from imported
      papers) are not renumbered, so they are not reordered here either.

    Returns False, changing nothing, when the minute is already first or last in its Part.
    Each renumbered minute's history records why it changed.
    """
    if direction not in ("up", "down"):
        raise WorkspaceError("Move a minute up or down.")
    minutes = (
        Minutes.objects.select_for_update()
        .select_related("meeting__committee")
        .get(pk=item.minutes_id)
    )
    _editable(minutes)
    _lock_numbering(minutes)
    items = _printed_order(minutes)
    if any(i.number is None and i.number_label for i in items):
        raise WorkspaceError(
            "These minutes carry printed numbers that Minutebook does not renumber, "
            "so their order cannot be changed here."
        )
    siblings = [i for i in items if i.part == item.part]
    index = next(n for n, i in enumerate(siblings) if i.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(siblings):
        return False
    mover, neighbour = siblings[index], siblings[other]
    a, b = items.index(mover), items.index(neighbour)
    items[a], items[b] = neighbour, mover
    label = mover.number_label or mover.title[:40]
    _renumber(minutes, items, f"Minutes reordered: minute {label} moved {direction}")
    return True


# --- drafting from the agenda -------------------------------------------------------------


def declarations_narrative(meeting: Meeting) -> str:
    rows = list(meeting.declarations.select_related("person", "agenda_item"))
    if not rows:
        return NO_DECLARATIONS
    lines = []
    for d in rows:
        where = f" in item {d.agenda_item.number} ({d.agenda_item.title})" if d.agenda_item else ""
        left = " and left the room for that item" if d.left_the_room and d.agenda_item else ""
        lines.append(f"{d.person.printed_name} declared an interest{where}: {d.description}{left}.")
    return "\n\n".join(lines)


def chair_title(meeting: Meeting) -> str:
    """ "Chairman" where the committee prints it so, else "Chair"."""
    seat = meeting.committee.memberships_on(meeting.date).filter(role=Membership.Role.CHAIR).first()
    if seat is not None and seat.role_title.lower().startswith("chair"):
        return seat.role_title.split("(")[0].strip()
    return "Chair"


def confirmation_text(previous: Meeting, at: Meeting) -> str:
    return (
        f"That the minutes of the meeting held on {long_date(previous.date)} be confirmed "
        f"and signed by the {chair_title(at)}."
    )


def _agenda_in_order(meeting: Meeting) -> list[AgendaItem]:
    items = []
    for item in ordered_agenda(meeting):
        items.append(item)
        items.extend(item.children)
    return items


@transaction.atomic
def start_minutes(meeting: Meeting, *, include_apologies: bool = False) -> Minutes:
    """Open draft minutes with one numbered minute per agenda item, in agenda order.

    Apologies are recorded in the attendance, not minuted, unless asked; the Exclusion of
    the Public is minuted only when there is Part Two business.
    """
    minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
    _editable(minutes)
    if minutes.items.exists():
        raise WorkspaceError("These minutes have already been started.")
    agenda = _agenda_in_order(meeting)
    has_part_two = any(i.part == Part.TWO for i in agenda)
    for item in agenda:
        if item.standard == Standard.APOLOGIES and not include_apologies:
            continue
        if item.standard == Standard.EXCLUSION and not has_part_two:
            continue
        narrative, resolutions = "", ""
        if item.standard == Standard.DECLARATIONS:
            narrative = declarations_narrative(meeting)
        elif item.standard == Standard.EXCLUSION:
            paragraphs = sorted(
                {p.number for i in agenda if i.part == Part.TWO for p in i.exempt_paragraphs.all()}
            )
            listed = ", ".join(str(n) for n in paragraphs)
            resolutions = EXCLUSION_MOTION.replace(
                "indicated below.", f"indicated below (paragraphs {listed})."
            )
        add_item(
            minutes,
            item.title,
            part=item.part,
            paragraphs=item.exempt_paragraphs.all(),
            agenda_item=item,
            narrative=narrative,
            resolutions=resolutions,
        )
    if meeting.status != Meeting.Status.MINUTES_CONFIRMED:
        meeting.status = Meeting.Status.MINUTES_DRAFTED
        meeting.save(update_fields=["status"])
    # The meeting took the work programme topics on its agenda: they are now considered.
    WorkProgrammeItem.objects.filter(
        agenda_item__meeting=meeting, status=WorkProgrammeItem.Status.ON_AGENDA
    ).update(status=WorkProgrammeItem.Status.CONSIDERED)
    return minutes


def minutes_parts(minutes: Minutes) -> tuple[list[MinuteItem], list[MinuteItem]]:
    """Part One and Part Two minute items, kept apart, each in order."""
    items = list(
        minutes.items.select_related("agenda_item__minutes_of")
        .prefetch_related("resolutions", "exempt_paragraphs")
        .order_by("order", "pk")
    )
    return (
        [i for i in items if i.part == Part.ONE],
        [i for i in items if i.part == Part.TWO],
    )


# --- confirmation -------------------------------------------------------------------------


def confirmable_minutes(item: MinuteItem) -> Minutes | None:
    """The earlier minutes this minute item can confirm, or None if it is not that item."""
    agenda = item.agenda_item
    if agenda is None or agenda.standard != Standard.MINUTES or agenda.minutes_of_id is None:
        return None
    return Minutes.objects.filter(meeting_id=agenda.minutes_of_id).first()


@transaction.atomic
def confirm_previous_minutes(
    item: MinuteItem, *, resolution: str = "", today: dt.date | None = None
) -> Minutes:
    """Resolve, under minute ``item``, to confirm the minutes its agenda item names.

    The rules: the item is the later meeting's "Minutes of the previous meeting" item; the
    earlier meeting is of the same committee (or one it succeeded) and came first; its
    minutes exist, have items and are still draft; and the later meeting has taken place.
    """
    today = today or timezone.localdate()
    at = item.minutes.meeting
    _editable(item.minutes)
    agenda = item.agenda_item
    if agenda is None or agenda.standard != Standard.MINUTES or agenda.minutes_of_id is None:
        raise WorkspaceError(
            "Only the minute for the item “Minutes of the previous meeting” can confirm minutes."
        )
    previous = agenda.minutes_of
    if previous.committee_id not in {c.pk for c in at.committee.lineage()}:
        raise WorkspaceError("A committee confirms only its own minutes.")
    if (previous.date, previous.start_time or dt.time.min) >= (
        at.date,
        at.start_time or dt.time.min,
    ) or previous.pk == at.pk:
        raise WorkspaceError("Minutes are confirmed at a later meeting.")
    if at.date > today:
        raise WorkspaceError(
            f"The meeting on {long_date(at.date)} has not taken place yet; minutes are "
            "confirmed when it resolves to confirm them."
        )
    earlier = Minutes.objects.select_for_update().filter(meeting=previous).first()
    if earlier is None or not earlier.items.exists():
        raise WorkspaceError(
            f"There are no minutes of the meeting held on {long_date(previous.date)} to confirm."
        )
    if earlier.status == Minutes.Status.CONFIRMED:
        raise WorkspaceError(
            f"The minutes of the meeting held on {long_date(previous.date)} are already confirmed."
        )
    text = resolution.strip() or resolutions_as_text(item) or confirmation_text(previous, at)
    set_resolutions(item, text)
    earlier.status = Minutes.Status.CONFIRMED
    earlier.confirmed_at = at
    earlier.signed_by = at.chair
    earlier._change_reason = f"Confirmed at the meeting on {long_date(at.date)}"
    earlier.save(update_fields=["status", "confirmed_at", "signed_by"])
    previous.status = Meeting.Status.MINUTES_CONFIRMED
    previous.save(update_fields=["status"])
    return earlier


# --- undoing a confirmation ---------------------------------------------------------------

# The audit trail keeps the clerk's reason in simple-history's change reason column.
REASON_MAX_LENGTH = Minutes.history.model._meta.get_field("history_change_reason").max_length


def confirming_item(minutes: Minutes) -> MinuteItem | None:
    """The minute item, at the meeting that confirmed ``minutes``, that resolved to do so."""
    if minutes.confirmed_at_id is None:
        return None
    return (
        MinuteItem.objects.filter(
            minutes__meeting_id=minutes.confirmed_at_id,
            agenda_item__minutes_of_id=minutes.meeting_id,
        )
        .select_related("minutes")
        .order_by("order", "pk")
        .first()
    )


def reopen_refusal(minutes: Minutes | None) -> str:
    """Why ``minutes`` cannot be reopened in the workspace, or "" when they can."""
    if minutes is None or minutes.status != Minutes.Status.CONFIRMED:
        return "These minutes are not confirmed, so there is no confirmation to undo."
    at = minutes.confirmed_at
    later = Minutes.objects.filter(meeting=at).first()
    if later is None:
        return (
            f"The meeting on {long_date(at.date)} that confirmed these minutes has no minutes "
            "in Minutebook, so the confirmation was not made here and cannot be undone here."
        )
    if later.status == Minutes.Status.CONFIRMED:
        return (
            f"The minutes of the meeting on {long_date(at.date)}, which confirmed these, have "
            "been confirmed themselves: the record is settled and cannot be reopened."
        )
    return ""


def clean_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise WorkspaceError("Say why the confirmation is being undone.")
    if len(reason) > REASON_MAX_LENGTH:
        raise WorkspaceError(f"Keep the reason to {REASON_MAX_LENGTH} characters or fewer.")
    return reason


@transaction.atomic
def reopen_minutes(minutes: Minutes, *, reason: str) -> MinuteItem | None:
    """Undo the confirmation of ``minutes``: they go back to draft and can be edited again.

    For a clerk who confirmed the wrong minutes, or confirmed them by mistake. The rules:

    * the minutes are confirmed, and the meeting that confirmed them has its own minutes in
      Minutebook which are still draft. Once those are confirmed too, both records are
      settled (signed by the chair) and this refuses; so does a confirmation that no minute
      here records (made in the admin or imported), since there is nothing here to undo;
    * a reason is required (at most ``REASON_MAX_LENGTH`` characters);
    * the minutes become draft, no longer name a confirming meeting or a signatory, and
      their meeting's status goes back from "minutes confirmed" to "minutes drafted";
    * the resolution recorded under the confirming minute (at the later meeting) is removed,
      whatever it said: it recorded a decision Minutebook no longer holds. The minute
      itself, its title and narrative, stay; confirming again writes a resolution afresh;
    * the audit trail (django-simple-history) records each change with the reason as its
      change reason, and the removed clauses keep their text there;
    * minutes already published are not withdrawn: publishing again replaces them.

    Reopening minutes that themselves confirmed earlier ones makes those earlier
    confirmations open to undoing again, by the rule above.

    Returns the confirming minute item, or None if the later minutes have none.
    """
    reason = clean_reason(reason)
    minutes = (
        # Lock only the minutes row: PostgreSQL cannot lock the nullable side of the join.
        Minutes.objects.select_for_update(of=("self",))
        .select_related("meeting", "confirmed_at")
        .get(pk=minutes.pk)
    )
    if minutes.confirmed_at_id is not None:
        # Hold the later minutes too, so they are not confirmed while this runs.
        Minutes.objects.select_for_update().filter(meeting_id=minutes.confirmed_at_id).first()
    refusal = reopen_refusal(minutes)
    if refusal:
        raise WorkspaceError(refusal)
    item = confirming_item(minutes)
    if item is not None:
        for clause in item.resolutions.all():
            clause._change_reason = reason
            clause.delete()
    minutes.status = Minutes.Status.DRAFT
    minutes.confirmed_at = None
    minutes.signed_by = None
    minutes._change_reason = reason
    minutes.save(update_fields=["status", "confirmed_at", "signed_by"])
    meeting = minutes.meeting
    if meeting.status == Meeting.Status.MINUTES_CONFIRMED:
        meeting.status = Meeting.Status.MINUTES_DRAFTED
        meeting._change_reason = reason
        meeting.save(update_fields=["status"])
    return item
