from django.apps import AppConfig


class CouncilsConfig(AppConfig):
    name = "minutebook.councils"
    verbose_name = "Councils"
