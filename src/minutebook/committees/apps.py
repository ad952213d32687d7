from django.apps import AppConfig


class CommitteesConfig(AppConfig):
    name = "minutebook.committees"
    verbose_name = "Committees"
