"""Minute numbers: continuous through a municipal year, or restarting at each meeting.

Which applies is the committee's setting (Committee.minute_numbering); a municipal year
starts at the annual meeting in May (councils.Council.municipal_year_of).
"""

from __future__ import annotations

from django.db.models import Max

from minutebook.committees.models import Committee
from minutebook.minutes.models import MinuteItem, Minutes


def next_minute_number(minutes: Minutes) -> int:
    """The number the next minute item written into ``minutes`` should carry.

    Continuous numbering takes the highest number used by the committee in the meeting's
    municipal year, so numbers never repeat even if minutes are written out of date order.
    """
    meeting = minutes.meeting
    if meeting.committee.minute_numbering == Committee.MinuteNumbering.MEETING:
        scope = MinuteItem.objects.filter(minutes=minutes)
    else:
        scope = MinuteItem.objects.filter(
            committee=meeting.committee, municipal_year=meeting.municipal_year
        )
    highest = scope.aggregate(highest=Max("number"))["highest"]
    return (highest or 0) + 1


def add_minute_item(minutes: Minutes, title: str, **fields) -> MinuteItem:
    """Append a minute item to ``minutes`` with the next number and position."""
    number = next_minute_number(minutes)
    order = (minutes.items.aggregate(last=Max("order"))["last"] or 0) + 1
    return MinuteItem.objects.create(
        minutes=minutes, number=number, number_label=str(number), order=order, title=title, **fields
    )
