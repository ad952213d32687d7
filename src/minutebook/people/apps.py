from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "minutebook.people"
    verbose_name = "Councillors and officers"
