"""Public pages. Everything here shows public (Part One) material only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from minutebook.committees.models import Committee
from minutebook.meetings.models import Meeting


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    upcoming = Meeting.objects.filter(date__gte=today).exclude(status=Meeting.Status.CANCELLED)
    recent = Meeting.objects.filter(date__lt=today)
    context = {
        "committees": Committee.objects.select_related("council").order_by("name"),
        "upcoming": upcoming.select_related("committee").order_by("date", "start_time")[:10],
        "recent": recent.select_related("committee").order_by("-date")[:10],
    }
    return render(request, "portal/home.html", context)
