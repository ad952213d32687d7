"""Contract JSON (what ``minutebook parse`` prints) into the database and back out again.

``load_document`` is the one way parsed documents reach the models. It merges rather than
duplicates: committees by a folded name, people by name variants (and unambiguous near-miss
spellings), meetings by committee and date, agenda and minute items by number, work
programme rows by date text and topic. Loading the same object twice changes nothing, and
one document loads in one transaction, so a failure half-way leaves no trace.

``export_document`` / ``export_loaded`` (in :mod:`minutebook.importing.export`) write the
records back out in the same shape, which is how the round trip is tested.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from minutebook.councils.models import Council
from minutebook.documents.models import SourceDocument
from minutebook.importing.export import export_document, export_loaded
from minutebook.importing.links import link_meetings
from minutebook.importing.matching import PeopleIndex
from minutebook.importing.meetings import load_meeting
from minutebook.importing.minutes import load_minutes
from minutebook.importing.programmes import load_programme, programmes_of
from minutebook.importing.records import Context, text
from minutebook.importing.reports import load_report
from minutebook.importing.results import LoadResult
from minutebook.meetings.schedule12a import ensure_paragraphs

__all__ = ["LoadResult", "export_document", "export_loaded", "load_document"]


def load_document(
    data: dict[str, Any],
    council: Council,
    source: SourceDocument | None = None,
    *,
    near_misses: bool = True,
) -> LoadResult:
    """Load one contract object for ``council``; ``source`` records where it came from.

    ``near_misses=False`` turns off fuzzy person matching (exact name variants only), for
    a clerk who would rather merge people by hand. Raises on malformed input, after rolling
    back everything this document wrote.
    """
    if not isinstance(data, dict):
        raise ValueError("a parsed document must be a JSON object")
    result = LoadResult(source=text(data.get("source")), kind=text(data.get("kind")))
    if isinstance(data.get("warnings"), list):
        result.input_warnings = list(data["warnings"])
    with transaction.atomic():
        ensure_paragraphs()  # exempt items point at them
        ctx = Context(council, source, result, PeopleIndex.build(council), near_misses)
        meeting = load_meeting(ctx, data.get("meeting"))
        home = meeting.committee.name if meeting is not None else None
        minutes = [load_minutes(ctx, block, home) for block in data.get("minutes") or []]
        for order, report in enumerate(data.get("reports") or []):
            load_report(ctx, report, meeting, order)
        committee_of = meeting or next((m for m in minutes if m is not None), None)
        _load_programmes(ctx, data.get("work_programme"), committee_of)
        link_meetings([m for m in [meeting, *minutes] if m is not None])
    if not (result.created or result.matched):
        result.warn("nothing in this document could be loaded (no meeting, minutes or reports)")
    return result


def _load_programmes(ctx: Context, value: Any, meeting: Any) -> None:
    """Programmes belong to the committee of the pack's meeting (or of its minutes)."""
    programmes = programmes_of(value)
    if programmes and meeting is None:
        ctx.warn("work programme printed without a committee meeting to attach it to; not loaded")
        return
    for programme in programmes:
        load_programme(ctx, programme, meeting.committee, meeting)
