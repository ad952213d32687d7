from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "minutebook.minutes"
    verbose_name = "Minutes and resolutions"
