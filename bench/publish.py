"""Agenda pack building: seconds and pages per second for both audiences.

Run on demand (not part of the test suite):

    .venv/bin/python bench/publish.py [--repeat 3] [--scale 1]

Builds the demo council in a throwaway SQLite database, then times
``minutebook.publishing.packs.build_agenda_packs`` (render every paper with WeasyPrint,
count pages, number the front sheet, join with pypdf, stamp page numbers) for the meetings
with the most agenda items. BENCHMARKS.md records the method and figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time


def setup_django(data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "minutebook.settings.development"
    os.environ["MINUTEBOOK_DATA_DIR"] = data_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--meetings", type=int, default=3, help="how many of the largest meetings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minutebook-bench-") as data_dir:
        setup_django(data_dir)
        from django.db.models import Count

        from minutebook.demo.builder import build_demo_council
        from minutebook.meetings.models import Meeting
        from minutebook.publishing.packs import PUBLIC, build_agenda_packs

        build_demo_council(seed=2019, years=2, scale=args.scale, today=dt.date(2026, 11, 25))
        meetings = Meeting.objects.annotate(n=Count("agenda_items")).order_by("-n")[: args.meetings]
        print(f"{'meeting':60} {'items':>5} {'pages':>5} {'best s':>7} {'pages/s':>8}")
        for meeting in meetings:
            build_agenda_packs(meeting)  # warm fonts and templates
            times, pages = [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                packs = build_agenda_packs(meeting)
                times.append(time.perf_counter() - start)
                pages = packs[PUBLIC].pdf.pages
            best = min(times)
            # Both audiences are built: count their pages together.
            print(
                f"{str(meeting)[:60]:60} {meeting.n:5d} {pages:5d} {best:7.2f} {2 * pages / best:8.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
