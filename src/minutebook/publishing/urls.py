"""Published papers, mounted at /papers/."""

from django.urls import path

from minutebook.publishing import views

app_name = "publishing"
urlpatterns = [
    path("<int:meeting_id>/", views.versions, name="versions"),
    path("<int:meeting_id>/front-sheet/", views.front_sheet, name="front_sheet"),
    path("<int:meeting_id>/pack/", views.pack, name="pack"),
    path("<int:meeting_id>/minutes/", views.minutes, name="minutes"),
    path(
        "<int:meeting_id>/preview/agenda-pack/<str:audience>.pdf",
        views.preview_pdf,
        name="preview",
    ),
    path(
        "<int:meeting_id>/<slug:kind>/<str:audience>.pdf",
        views.document_pdf,
        name="document",
    ),
    path(
        "<int:meeting_id>/<slug:kind>/<str:audience>/v<int:version>.pdf",
        views.document_pdf,
        name="document_version",
    ),
]
