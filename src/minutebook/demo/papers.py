"""Real PDF papers for the demo: a few agenda packs and sets of minutes, published properly.

Kept out of the deterministic builder because a published PDF carries the day it was issued
and takes WeasyPrint a moment per paper; ``load_demo`` calls it after building, so the demo
site has agenda packs and minutes to download (public and members' versions), and the next
meeting with its agenda out has its pack too.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from minutebook.meetings.models import Meeting
from minutebook.publishing.packs import publish_agenda, publish_minutes


def publish_demo_papers(today: dt.date, per_kind: int = 4) -> int:
    """Publish papers for ``per_kind`` committees: the agenda pack and the minutes of each one's
    latest meeting, and the agenda pack of its next meeting whose agenda is out.

    Committees with an agenda out for an upcoming meeting are chosen first, so the demo's
    next meetings have a pack to open. Returns how many documents were published (packs and
    front sheets, public and members' versions). Cancelled meetings, and meetings with no
    agenda yet, are skipped.
    """
    clerk = get_user_model().objects.filter(username="clerk").first()
    held = (
        Meeting.objects.exclude(status=Meeting.Status.CANCELLED)
        .filter(date__lt=today, agenda_items__isnull=False, minutes__items__isnull=False)
        .select_related("committee")
        .distinct()
        .order_by("-date", "pk")
    )
    upcoming = (
        Meeting.objects.filter(
            status=Meeting.Status.AGENDA_PUBLISHED, date__gte=today, agenda_items__isnull=False
        )
        .select_related("committee")
        .distinct()
        .order_by("date", "pk")
    )
    next_meeting: dict[int, Meeting] = {}
    for meeting in upcoming:
        next_meeting.setdefault(meeting.committee_id, meeting)
    published = 0
    for meeting in _one_per_committee(held, per_kind, prefer=set(next_meeting)):
        published += len(publish_agenda(meeting, clerk, changes="Agenda published."))
        published += len(publish_minutes(meeting, clerk, changes="Minutes published."))
        coming = next_meeting.get(meeting.committee_id)
        if coming is not None:
            published += len(publish_agenda(coming, clerk, changes="Agenda published."))
    return published


def _one_per_committee(meetings, limit: int, prefer: set[int] = frozenset()) -> list[Meeting]:
    """The latest meeting of up to ``limit`` committees, committees in ``prefer`` first."""
    latest: dict[int, Meeting] = {}
    for meeting in meetings:
        latest.setdefault(meeting.committee_id, meeting)
    ranked = sorted(latest.values(), key=lambda m: m.committee_id not in prefer)  # stable
    return ranked[:limit]
