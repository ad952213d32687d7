"""``load_demo``: fill the database with the synthetic demo council (see minutebook.demo)."""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from minutebook.demo import (
    build_demo_council,
    delete_demo_council,
    demo_council,
    ensure_demo_accounts,
)
from minutebook.demo.papers import publish_demo_papers


def iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today: expected YYYY-MM-DD, got {text!r}") from exc


class Command(BaseCommand):
    help = (
        "Create Wessex County Council, a fictional demo council with committees, meetings, agendas, "
        "reports, minutes and scrutiny work. The same --seed and --today give the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=2019, help="same seed, same council (default 2019)"
        )
        parser.add_argument(
            "--years", type=int, default=3, help="municipal years of meetings (default 3)"
        )
        parser.add_argument(
            "--scale", type=float, default=1.0, help="size multiplier for benchmarks (default 1)"
        )
        parser.add_argument(
            "--today",
            type=iso_date,
            default=None,
            help="reference date YYYY-MM-DD deciding which meetings are past and which are upcoming "
            "(default: the current date)",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete the existing demo council first"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, seed, years, scale, today, reset, no_progress, **options):
        if years < 1:
            raise CommandError("--years must be at least 1")
        if scale <= 0:
            raise CommandError("--scale must be positive")
        existing = demo_council()
        if existing is not None and not reset:
            self.stdout.write(
                f"The demo council ({existing.name}) is already loaded; nothing to do. "
                "Use --reset to delete and rebuild it."
            )
            return
        if existing is not None:
            delete_demo_council()
            self.stdout.write(f"Deleted the previous demo council ({existing.name}).")
        # The only clock read: the reference date. The data is a function of it and the seed.
        today = today or timezone.localdate()
        started = time.monotonic()
        progress = not no_progress and options.get("verbosity", 1) > 0
        result = build_demo_council(
            seed=seed, years=years, scale=scale, today=today, progress=progress
        )
        accounts = ensure_demo_accounts(result.member, result.clerk)
        published = publish_demo_papers(today)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.summary()} {published} PDF papers published "
                f"({time.monotonic() - started:.1f} s)"
            )
        )
        self.stdout.write("Sign in with:")
        for account in accounts:
            self.stdout.write(f"  {account.username} / {account.password}  ({account.description})")
