"""Real PDF papers for the demo: a few agenda packs and sets of minutes, published properly.

Kept out of the deterministic builder because a published PDF carries the day it was issued
and takes WeasyPrint a moment per paper; ``load_demo`` calls it after building, so the demo
site has agenda packs and minutes to download (public and members' versions).
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from minutebook.meetings.models import Meeting
from minutebook.publishing.packs import publish_agenda, publish_minutes


def publish_demo_papers(today: dt.date, per_kind: int = 4) -> int:
    """Publish the agenda pack and the minutes of the latest meeting of ``per_kind`` committees.

    Returns how many documents were published (packs and front sheets, public and members'
    versions). Cancelled meetings, and meetings with no agenda yet, are skipped.
    """
    clerk = get_user_model().objects.filter(username="clerk").first()
    held = (
        Meeting.objects.exclude(status=Meeting.Status.CANCELLED)
        .filter(date__lt=today, agenda_items__isnull=False, minutes__items__isnull=False)
        .select_related("committee")
        .distinct()
        .order_by("-date")
    )
    published = 0
    for meeting in _one_per_committee(held, per_kind):
        published += len(publish_agenda(meeting, clerk, changes="Agenda published."))
        published += len(publish_minutes(meeting, clerk, changes="Minutes published."))
    return published


def _one_per_committee(meetings, limit: int) -> list[Meeting]:
    chosen: dict[int, Meeting] = {}
    for meeting in meetings:
        if meeting.committee_id not in chosen:
            chosen[meeting.committee_id] = meeting
        if len(chosen) == limit:
            break
    return list(chosen.values())
