"""The clerk's workspace: create meetings, build agendas, record attendance and minutes.

Every view here is wrapped in ``clerk_required`` (tests/meetings/test_workspace_permissions.py
walks these patterns to prove it).
"""

from django.urls import path

from minutebook.committees import views as committee_views
from minutebook.meetings import views
from minutebook.minutes import views as minutes_views

app_name = "manage"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "committees/<int:committee_id>/meetings/new/", views.meeting_create, name="meeting_create"
    ),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path(
        "committees/<int:committee_id>/membership/<int:year>/",
        committee_views.membership,
        name="membership",
    ),
    path(
        "committees/<int:committee_id>/membership/<int:year>/copy/",
        committee_views.membership_copy,
        name="membership_copy",
    ),
    path("seats/<int:pk>/delete/", committee_views.seat_delete, name="seat_delete"),
    path("meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<int:pk>/reinstate/", views.meeting_reinstate, name="meeting_reinstate"),
    path("meetings/<int:pk>/items/add/", views.item_add, name="item_add"),
    path(
        "meetings/<int:pk>/items/<int:parent_id>/subitems/add/", views.item_add, name="subitem_add"
    ),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/move/<str:direction>/", views.item_move, name="item_move"),
    path("items/<int:pk>/delete/", views.item_delete, name="item_delete"),
    path("items/<int:pk>/report/", views.item_report, name="item_report"),
    path(
        "meetings/<int:pk>/work-programme/<int:row_id>/pull/",
        views.work_programme_pull,
        name="work_programme_pull",
    ),
    path("meetings/<int:pk>/attendance/", views.attendance, name="attendance"),
    path("attendance/<int:pk>/delete/", views.attendance_remove, name="attendance_remove"),
    path("meetings/<int:pk>/declarations/", views.declarations, name="declarations"),
    path("declarations/<int:pk>/delete/", views.declaration_delete, name="declaration_delete"),
    path("meetings/<int:pk>/publish/agenda/", views.publish_agenda, name="publish_agenda"),
    path("meetings/<int:pk>/publish/minutes/", views.publish_minutes, name="publish_minutes"),
    path("meetings/<int:pk>/minutes/", minutes_views.minutes_page, name="minutes"),
    path("meetings/<int:pk>/minutes/start/", minutes_views.minutes_start, name="minutes_start"),
    path("meetings/<int:pk>/minutes/add/", minutes_views.minute_add, name="minute_add"),
    path("minute-items/<int:pk>/edit/", minutes_views.minute_edit, name="minute_edit"),
    path("minute-items/<int:pk>/delete/", minutes_views.minute_delete, name="minute_delete"),
    path("minute-items/<int:pk>/confirm/", minutes_views.minute_confirm, name="minute_confirm"),
    path("meetings/<int:pk>/minutes/order/", minutes_views.minutes_order, name="minutes_order"),
    path("meetings/<int:pk>/minutes/reopen/", minutes_views.minutes_reopen, name="minutes_reopen"),
]
