from django.urls import path

from minutebook.documents import views

app_name = "files"
urlpatterns = [
    path("reports/<int:pk>/", views.report_file, name="report"),
    path("appendices/<int:pk>/", views.appendix_file, name="appendix"),
    path("published/<int:pk>/", views.published_file, name="published"),
    path("sources/<int:pk>/", views.source_file, name="source"),
]
