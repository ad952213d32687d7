"""Scrutiny: public work programmes and recommendations tracker; the clerk's pages under manage/.

Every pattern not listed in tests/scrutiny/test_permissions.py as public is a clerk page, and
that test proves each refuses the public and members.
"""

from django.urls import path

from minutebook.scrutiny import views

app_name = "scrutiny"
urlpatterns = [
    # Public
    path(
        "committees/<int:pk>/work-programme/",
        views.work_programme_current,
        name="work_programme_current",
    ),
    path(
        "committees/<int:pk>/work-programme/<int:year>/",
        views.work_programme,
        name="work_programme",
    ),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/overdue/", views.overdue, name="overdue"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    # Clerks
    path("manage/", views.manage_index, name="manage_index"),
    path(
        "manage/committees/<int:committee_id>/work-programme/<int:year>/",
        views.manage_programme,
        name="manage_programme",
    ),
    path(
        "manage/work-programmes/<int:programme_id>/items/add/",
        views.item_add,
        name="item_add",
    ),
    path("manage/work-programme-items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("manage/work-programme-items/<int:pk>/delete/", views.item_delete, name="item_delete"),
    path(
        "manage/work-programmes/<int:programme_id>/carry-forward/",
        views.carry_forward,
        name="carry_forward",
    ),
    path(
        "manage/committees/<int:committee_id>/recommendations/add/",
        views.recommendation_add,
        name="recommendation_add",
    ),
    path(
        "manage/recommendations/<int:pk>/edit/",
        views.recommendation_edit,
        name="recommendation_edit",
    ),
    path(
        "manage/recommendations/<int:pk>/delete/",
        views.recommendation_delete,
        name="recommendation_delete",
    ),
    path("manage/recommendations/<int:pk>/response/", views.response_edit, name="response_edit"),
    path("manage/recommendations/<int:pk>/progress/add/", views.progress_add, name="progress_add"),
    path("manage/progress/<int:pk>/delete/", views.progress_delete, name="progress_delete"),
]
