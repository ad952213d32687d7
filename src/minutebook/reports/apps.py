from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "minutebook.reports"
    verbose_name = "Reports"
