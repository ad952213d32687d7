"""Loading work programmes: one per committee and municipal year, however often printed.

A committee's programme is reprinted in every agenda pack with small edits (a date cell
rewritten, quotes straightened), so rows are matched to the stored ones by their date text
and a fuzzy topic, and updated in place rather than added again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

from minutebook.committees.models import Committee
from minutebook.importing.matching import fold
from minutebook.importing.records import Context, parse_iso_date, strings, text, update
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem, WorkProgrammeLead

_YEAR_IN_TITLE = re.compile(r"\b((?:19|20)\d\d)\s*[-/\u2013]\s*((?:19|20)?\d\d)\b")
_TOPIC_SAME_DATE = 85  # rapidfuzz ratio for a topic under the same date text
_TOPIC_MOVED = 90  # ... and for a topic whose date cell was rewritten
_DATE_TEXT_MOVED = 60


def programmes_of(value: Any) -> list[dict[str, Any]]:
    """The contract's work_programme: null, one object, or a list of them."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [p for p in value if isinstance(p, dict)]
    return []


def year_from_title(title: str) -> int | None:
    """2018 for "Work Programme 2018-19" or "2018/19" (the second year must follow the first)."""
    for match in _YEAR_IN_TITLE.finditer(title):
        start, end = int(match.group(1)), match.group(2)
        if int(end) % 100 == (start + 1) % 100:
            return start
    return None


def programme_year(
    ctx: Context, title: str, days: list[dt.date], fallback: Meeting | None
) -> int | None:
    """The municipal year a programme covers: from its title, else most of its dates."""
    year = year_from_title(title)
    if year is not None:
        return year
    if days:
        return Counter(ctx.council.municipal_year_of(d) for d in days).most_common(1)[0][0]
    return fallback.municipal_year if fallback is not None else None


def load_programme(
    ctx: Context, data: dict[str, Any], committee: Committee, meeting: Meeting | None
) -> WorkProgramme | None:
    """One printed programme onto the committee's programme for its municipal year."""
    title = text(data.get("title"), 300)
    rows = [_row(ctx, r) for r in data.get("rows") or [] if isinstance(r, dict)]
    rows = [r for r in rows if r is not None]
    year = programme_year(
        ctx, title, [r["planned_date"] for r in rows if r["planned_date"]], meeting
    )
    if year is None:
        ctx.warn(f"work programme {title!r}: no municipal year in its title or dates; not loaded")
        return None
    programme, _ = WorkProgramme.objects.get_or_create(
        committee=committee, municipal_year=year, defaults={"title": title}
    )
    if title:
        update(programme, title=title)
    existing = list(programme.items.all())
    matches = match_rows(existing, rows)
    for order, (row, item) in enumerate(zip(rows, matches, strict=True)):
        _save_row(ctx, programme, item, row, order)
    _move_unprinted_last(existing, matches, len(rows))
    ctx.result.programme_ids.append(programme.pk)
    return programme


def _row(ctx: Context, data: dict[str, Any]) -> dict[str, Any] | None:
    topic = text(data.get("item"))
    if not topic:
        ctx.warn(f"work programme row without an item: {data!r}")
        return None
    return {
        "planned_date": parse_iso_date(ctx, data.get("date"), f"work programme row {topic!r}"),
        "date_text": text(data.get("date_text"), 300),
        "topic": topic,
        "cabinet_members": strings(data.get("cabinet_members")),
        "officers": strings(data.get("officers")),
    }


def match_rows(
    existing: list[WorkProgrammeItem], rows: list[dict[str, Any]]
) -> list[WorkProgrammeItem | None]:
    """For each printed row, the stored row it is (or None), each stored row used once.

    First pass: same date text and a close topic. Second pass, for what is left: a very
    close topic whose date cell was rewritten ("Tbc? 12 months ..." -> "Post March 2019
    12 months ..."), where the date or the date text still agree.
    """
    free = list(existing)
    found: list[WorkProgrammeItem | None] = [None] * len(rows)

    def same_date_text(item: WorkProgrammeItem, row: dict[str, Any]) -> float:
        if fold(item.date_text) != fold(row["date_text"]):
            return 0
        score = fuzz.ratio(fold(item.topic), fold(row["topic"]))
        return score if score >= _TOPIC_SAME_DATE else 0

    def moved(item: WorkProgrammeItem, row: dict[str, Any]) -> float:
        score = fuzz.ratio(fold(item.topic), fold(row["topic"]))
        dated = (item.planned_date is not None and item.planned_date == row["planned_date"]) or (
            fuzz.ratio(fold(item.date_text), fold(row["date_text"])) >= _DATE_TEXT_MOVED
        )
        return score if score >= _TOPIC_MOVED and dated else 0

    for scorer in (same_date_text, moved):
        _assign(free, rows, found, scorer)
    return found


def _assign(
    free: list[WorkProgrammeItem],
    rows: list[dict[str, Any]],
    found: list[WorkProgrammeItem | None],
    scorer: Callable[[WorkProgrammeItem, dict[str, Any]], float],
) -> None:
    for i, row in enumerate(rows):
        if found[i] is not None or not free:
            continue
        best = max(free, key=lambda item: scorer(item, row))
        if scorer(best, row) > 0:
            found[i] = best
            free.remove(best)


def _save_row(
    ctx: Context,
    programme: WorkProgramme,
    item: WorkProgrammeItem | None,
    row: dict[str, Any],
    order: int,
) -> None:
    values = {
        "order": order,
        "planned_date": row["planned_date"],
        "date_text": row["date_text"],
        "topic": row["topic"],
    }
    meeting = _planned_meeting(programme.committee, row["planned_date"])
    if meeting is not None:
        values["planned_meeting"] = meeting
    ctx.result.count("work_programme_item", item is None)
    if item is None:
        item = WorkProgrammeItem.objects.create(programme=programme, **values)
    else:
        update(item, **values)
    _set_leads(ctx, item, row)


def _planned_meeting(committee: Committee, day: dt.date | None) -> Meeting | None:
    if day is None:
        return None
    return Meeting.objects.filter(committee=committee, date=day).order_by("pk").first()


def _set_leads(ctx: Context, item: WorkProgrammeItem, row: dict[str, Any]) -> None:
    """Cabinet members and lead officers in printed order; others named before are removed."""
    wanted: dict[tuple[int, str], dict[str, Any]] = {}
    people: dict[int, Person] = {}
    for key, role, kind in [
        ("cabinet_members", WorkProgrammeLead.Role.CABINET_MEMBER, Person.Kind.COUNCILLOR),
        ("officers", WorkProgrammeLead.Role.OFFICER, Person.Kind.OFFICER),
    ]:
        listed: set[int] = set()
        for order, printed in enumerate(row[key]):
            person = ctx.person(printed, kind, same_list=listed)
            if person is None or (person.pk, role) in wanted:
                continue
            people[person.pk] = person
            wanted[(person.pk, role)] = {"order": order}
            wanted[(person.pk, role)]["printed_name"] = printed.strip()[:200]
    for lead in item.leads.all():
        values = wanted.pop((lead.person_id, lead.role), None)
        if values is None:
            lead.delete()
        else:
            update(lead, **values)
    for (pk, role), values in wanted.items():
        WorkProgrammeLead.objects.create(item=item, person=people[pk], role=role, **values)


def _move_unprinted_last(
    existing: list[WorkProgrammeItem], matches: list[WorkProgrammeItem | None], printed: int
) -> None:
    """Rows another printing had but this one lacks are kept, after the printed ones."""
    used = {m.pk for m in matches if m is not None}
    for n, item in enumerate(i for i in existing if i.pk not in used):
        update(item, order=printed + n)
