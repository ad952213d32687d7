from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "minutebook.documents"
    verbose_name = "Source documents"
