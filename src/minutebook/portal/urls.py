from django.urls import path

from minutebook.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("committees/<int:pk>/<slug:slug>/", views.committee, name="committee"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("people/<int:pk>/<slug:slug>/", views.person, name="person"),
    path("decisions/", views.decisions, name="decisions"),
]
