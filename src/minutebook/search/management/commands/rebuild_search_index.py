"""``rebuild_search_index``: empty the search index and build it again from every record."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from minutebook.search.index import rebuild_index
from minutebook.search.models import Kind


class Command(BaseCommand):
    help = (
        "Rebuild the public search index from the committee records. Run it after bulk loads "
        "(the demo council, raw imports) that bypass the signals keeping the index current."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        counts = rebuild_index()
        total = sum(counts.values())
        parts = ", ".join(f"{counts[k]} {label.lower()}" for k, label in Kind.choices)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {total} entries ({parts}) in {time.monotonic() - started:.1f} s."
            )
        )
