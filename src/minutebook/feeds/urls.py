from django.urls import path

from minutebook.feeds import atom, calendars

app_name = "feeds"
urlpatterns = [
    path("meetings.ics", calendars.all_meetings, name="calendar"),
    path(
        "committees/<int:pk>/meetings.ics", calendars.committee_meetings, name="committee-calendar"
    ),
    path("meetings/<int:pk>.ics", calendars.one_meeting, name="meeting-calendar"),
    path("agendas.atom", atom.AgendaFeed(), name="agendas"),
    path("minutes.atom", atom.MinutesFeed(), name="minutes"),
    path("decisions.atom", atom.DecisionsFeed(), name="decisions"),
    path("committees/<int:pk>/agendas.atom", atom.AgendaFeed(), name="committee-agendas"),
    path("committees/<int:pk>/minutes.atom", atom.MinutesFeed(), name="committee-minutes"),
    path("committees/<int:pk>/decisions.atom", atom.DecisionsFeed(), name="committee-decisions"),
]
