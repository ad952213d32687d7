from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "minutebook.publishing"
    verbose_name = "Publishing: agenda packs and minutes"
