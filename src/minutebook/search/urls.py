from django.urls import path

from minutebook.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="search"),
    path("timeline/", views.timeline_page, name="timeline"),
]
