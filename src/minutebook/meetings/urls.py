"""The clerk's workspace: create meetings, build agendas, record attendance and minutes."""

from django.urls import path  # noqa: F401

app_name = "manage"
urlpatterns: list = []
