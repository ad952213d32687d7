from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "minutebook.portal"
    verbose_name = "Public portal"
