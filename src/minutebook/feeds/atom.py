"""Atom feeds of new agendas, minutes and decisions, for all committees or one.

Feeds are public: decisions come through minutebook.access as the anonymous user sees them,
so exempt (Part Two) resolutions never appear.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.timezone import make_aware

from minutebook import access
from minutebook.committees.models import Committee
from minutebook.meetings.models import Meeting
from minutebook.minutes.models import Minutes, Resolution
from minutebook.wording import full_date

ITEMS = 50


def _moment(day: dt.date) -> dt.datetime:
    return make_aware(dt.datetime.combine(day, dt.time(9)))


class CommitteeScopedFeed(Feed):
    """A feed for every committee, or for one when the URL names it."""

    feed_type = Atom1Feed
    what = ""

    def get_object(self, request, pk: int | None = None):
        return get_object_or_404(Committee, pk=pk) if pk is not None else None

    def title(self, committee: Committee | None) -> str:
        return f"{self.what}: {committee.name}" if committee else f"{self.what}: all committees"

    def link(self, committee: Committee | None) -> str:
        if committee:
            return reverse("portal:committee", args=[committee.pk, committee.slug])
        return reverse("portal:home")

    def subtitle(self, committee: Committee | None) -> str:
        return f"{self.what} of council committees, from Minutebook"


class AgendaFeed(CommitteeScopedFeed):
    what = "Agendas"

    def items(self, committee: Committee | None) -> QuerySet[Meeting]:
        meetings = Meeting.objects.exclude(status=Meeting.Status.SCHEDULED).select_related(
            "committee"
        )
        if committee:
            meetings = meetings.filter(committee=committee)
        return meetings.order_by("-date")[:ITEMS]

    def item_title(self, meeting: Meeting) -> str:
        cancelled = " (cancelled)" if meeting.status == Meeting.Status.CANCELLED else ""
        return f"{meeting.committee.name}, {full_date(meeting.date)}{cancelled}"

    def item_description(self, meeting: Meeting) -> str:
        return "; ".join(map(str, meeting.agenda_items.filter(parent=None)))

    def item_link(self, meeting: Meeting) -> str:
        return reverse("portal:meeting", args=[meeting.pk])

    def item_pubdate(self, meeting: Meeting) -> dt.datetime:
        return _moment(meeting.agenda_published_on or meeting.date)


class MinutesFeed(CommitteeScopedFeed):
    what = "Minutes"

    def items(self, committee: Committee | None) -> QuerySet[Minutes]:
        minutes = Minutes.objects.select_related("meeting__committee")
        if committee:
            minutes = minutes.filter(meeting__committee=committee)
        return minutes.order_by("-meeting__date")[:ITEMS]

    def item_title(self, minutes: Minutes) -> str:
        state = "confirmed" if minutes.status == Minutes.Status.CONFIRMED else "draft"
        meeting = minutes.meeting
        return f"Minutes ({state}): {meeting.committee.name}, {full_date(meeting.date)}"

    def item_description(self, minutes: Minutes) -> str:
        # Minute titles are public even for Part Two items.
        return "; ".join(map(str, minutes.items.all()))

    def item_link(self, minutes: Minutes) -> str:
        return reverse("portal:meeting", args=[minutes.meeting_id]) + "#minutes"

    def item_pubdate(self, minutes: Minutes) -> dt.datetime:
        return _moment(minutes.meeting.date)


class DecisionsFeed(CommitteeScopedFeed):
    what = "Decisions"

    def items(self, committee: Committee | None) -> QuerySet[Resolution]:
        resolutions = access.visible_resolutions(AnonymousUser(), Resolution.objects.all())
        resolutions = resolutions.select_related("minute_item__minutes__meeting__committee")
        if committee:
            resolutions = resolutions.filter(minute_item__minutes__meeting__committee=committee)
        return resolutions.order_by(
            "-minute_item__minutes__meeting__date", "minute_item__order", "order"
        )[:ITEMS]

    def item_title(self, resolution: Resolution) -> str:
        item = resolution.minute_item
        meeting = item.minutes.meeting
        number = f"Minute {item.number_label}: " if item.number_label else ""
        return f"{number}{item.title} ({meeting.committee.name}, {full_date(meeting.date)})"

    def item_description(self, resolution: Resolution) -> str:
        return resolution.text

    def item_link(self, resolution: Resolution) -> str:
        return (
            reverse("portal:meeting", args=[resolution.minute_item.minutes.meeting_id])
            + f"#minute-{resolution.minute_item_id}"
        )

    def item_guid(self, resolution: Resolution) -> str:
        return f"minutebook-resolution-{resolution.pk}"

    def item_pubdate(self, resolution: Resolution) -> dt.datetime:
        return _moment(resolution.minute_item.minutes.meeting.date)
