from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "minutebook.meetings"
    verbose_name = "Meetings and agendas"
