from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "minutebook.scrutiny"
    verbose_name = "Scrutiny: work programmes and recommendations"
