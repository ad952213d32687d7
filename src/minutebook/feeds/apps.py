from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "minutebook.feeds"
    verbose_name = "Subscriptions: calendars and feeds"
