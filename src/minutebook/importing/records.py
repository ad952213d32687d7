"""Small helpers every loader step shares: the load context, dates, and change-only saves.

Saving only what changed is what makes a second load of the same document a no-op rather
than a rewrite: no updated rows, no churned primary keys, nothing for a reviewer to diff.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from minutebook.committees.models import Committee
from minutebook.councils.models import Council
from minutebook.documents.models import SourceDocument
from minutebook.importing.matching import PeopleIndex, match_committee, match_person
from minutebook.importing.results import LoadResult
from minutebook.meetings.models import ExemptionParagraph, Meeting
from minutebook.people.models import Person


@dataclass
class Context:
    """Everything one document's load needs: where it goes and what it has done so far."""

    council: Council
    source: SourceDocument | None
    result: LoadResult
    people: PeopleIndex
    near_misses: bool = True
    committees: dict[str, Committee] = field(default_factory=dict)
    _paragraphs: set[int] | None = None

    def warn(self, message: str) -> None:
        self.result.warn(message)

    def committee(self, name: str) -> Committee:
        """The committee printed as ``name``, created once per load at most."""
        if name not in self.committees:
            committee, created = match_committee(self.council, name)
            self.result.count("committee", created)
            self.committees[name] = committee
        return self.committees[name]

    def person(
        self,
        printed: Any,
        kind: str = Person.Kind.COUNCILLOR,
        same_list: set[int] | None = None,
    ) -> Person | None:
        """The person ``printed`` names (see matching.match_person), or None with a warning.

        ``same_list`` collects the people named so far in one printed list; none of them
        can be taken for a variant of the next name, and the person found is added to it.
        """
        if not isinstance(printed, str) or not printed.strip():
            if printed not in (None, ""):
                self.warn(f"not a name: {printed!r}")
            return None
        exclude = same_list if same_list is not None else set()
        found = match_person(self.people, printed, kind, self.near_misses, self.warn, exclude)
        if found is None:
            self.warn(f"not a name: {printed!r}")
            return None
        if found.created:
            self.result.people_created.add(found.person.pk)
        elif found.person.pk not in self.result.people_created:
            self.result.people_matched.add(found.person.pk)
        if found.how in ("initials", "near-miss"):
            self.warn(f"{printed!r} taken as {found.person.name!r} ({found.how})")
        if same_list is not None:
            same_list.add(found.person.pk)
        return found.person

    def paragraphs(self) -> set[int]:
        if self._paragraphs is None:
            self._paragraphs = set(ExemptionParagraph.objects.values_list("number", flat=True))
        return self._paragraphs

    def link_meeting(self, meeting: Meeting) -> None:
        if self.source is not None:
            self.source.meetings.add(meeting)


def parse_iso_date(ctx: Context, value: Any, what: str) -> dt.date | None:
    """An ISO date from the contract, or None (with a warning when something was there)."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        ctx.warn(f"{what}: not an ISO date: {value!r}")
        return None


def parse_iso_time(ctx: Context, value: Any) -> dt.time | None:
    if value in (None, ""):
        return None
    try:
        return dt.time.fromisoformat(str(value))
    except ValueError:
        ctx.warn(f"meeting time: not HH:MM: {value!r}")
        return None


def text(value: Any, limit: int | None = None) -> str:
    """A contract string as a model's text: null is blank, whitespace trimmed, cut to fit."""
    if value is None:
        return ""
    result = str(value).strip()
    return result[:limit] if limit else result


def strings(value: Any) -> list[str]:
    """A contract list of strings, ignoring anything that is not a non-empty string."""
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str) and v.strip()]


def update(obj: models.Model, **values: Any) -> bool:
    """Set ``values`` on ``obj`` and save just those that changed. True if anything did."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    if changed:
        obj.save(update_fields=changed)
    return bool(changed)


def sync_list(
    existing: Sequence[models.Model],
    desired: list[dict[str, Any]],
    create: Callable[[dict[str, Any]], models.Model],
) -> None:
    """Make an ordered child list (resolutions, recommendations, ...) equal ``desired``.

    Rows are reused position by position, so reloading the same list saves nothing, and a
    longer or shorter printing adds or removes rows at the end.
    """
    for row, values in zip(existing, desired, strict=False):
        update(row, **values)
    for values in desired[len(existing) :]:
        create(values)
    for row in existing[len(desired) :]:
        row.delete()
