from django.apps import AppConfig


class ImportingConfig(AppConfig):
    name = "minutebook.importing"
    verbose_name = "Importing"
