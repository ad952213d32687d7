from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "minutebook.search"
    verbose_name = "Search"

    def ready(self) -> None:
        from minutebook.search.index import connect_signals

        connect_signals()
