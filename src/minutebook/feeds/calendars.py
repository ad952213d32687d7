"""iCal (RFC 5545) calendars of meetings, for all committees or one.

Titles of Part Two items are public, so the agenda in an event's description lists every
item; nothing else of an agenda is included.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from minutebook.api.identifiers import event_id
from minutebook.committees.models import Committee
from minutebook.meetings.models import AgendaItem, Meeting

# Councils rarely print an end time; calendars need one, and two hours is a typical meeting.
DEFAULT_LENGTH = dt.timedelta(hours=2)
PRODID = "-//Minutebook//Committee meetings//EN"


def meeting_event(meeting: Meeting, request: HttpRequest, stamp: dt.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{event_id(meeting).removeprefix('ocd-event/')}@minutebook")
    event.add("dtstamp", stamp)
    event.add(
        "summary", meeting.committee.name + (" (special meeting)" if meeting.is_special else "")
    )
    if meeting.start_time:
        start = dt.datetime.combine(
            meeting.date, meeting.start_time, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
        )
        event.add("dtstart", start)
        event.add("dtend", start + DEFAULT_LENGTH)
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    if meeting.venue:
        event.add("location", meeting.venue)
    url = request.build_absolute_uri(reverse("portal:meeting", args=[meeting.pk]))
    event.add("url", url)
    event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    lines = [*map(str, meeting.top_items), "", url]
    if meeting.webcast_url:
        lines.append(f"Webcast: {meeting.webcast_url}")
    event.add("description", "\n".join(lines).strip())
    return event


def calendar_for(meetings: QuerySet[Meeting], request: HttpRequest, name: str) -> HttpResponse:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    top_items = AgendaItem.objects.filter(parent__isnull=True).order_by("order")
    meetings = meetings.select_related("committee__council").prefetch_related(
        Prefetch("agenda_items", queryset=top_items, to_attr="top_items")
    )
    for meeting in meetings:
        cal.add_component(meeting_event(meeting, request, stamp))
    cal.add_missing_timezones()
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetings.ics"'
    return response


def all_meetings(request: HttpRequest) -> HttpResponse:
    return calendar_for(Meeting.objects.order_by("date", "start_time"), request, "Council meetings")


def committee_meetings(request: HttpRequest, pk: int) -> HttpResponse:
    committee = get_object_or_404(Committee, pk=pk)
    return calendar_for(committee.meetings.order_by("date", "start_time"), request, committee.name)


def one_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Add to calendar" for a single meeting."""
    meetings = Meeting.objects.filter(pk=pk)
    if not meetings.exists():
        raise Http404("No such meeting")
    response = calendar_for(meetings, request, str(meetings.get()))
    response["Content-Disposition"] = f'attachment; filename="meeting-{pk}.ics"'
    return response
