from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "minutebook.search"
    verbose_name = "Search"
