"""Search speed on the demo council: median and p95 per query, on SQLite FTS5 or PostgreSQL.

Run on demand (not part of the test suite):

    .venv/bin/python bench/search.py [--scale 1] [--years 3] [--repeat 30]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/minutebook_search_bench \
        .venv/bin/python bench/search.py

Method: create a throwaway database the way the test runner does (an SQLite *file*, not
memory, so the figures are those of a deployment; or ``test_<name>`` on PostgreSQL, dropped
afterwards), run the migrations, build the demo council with
``minutebook.demo.build_demo_council`` (bulk inserts, so no signals) and then
``rebuild_index()``, timing both. Each query is run once to warm caches, then ``--repeat``
times; a run is the whole ``search()`` call as the page makes it (parse, count, one page of
20 ranked ids, highlights for that page, loading the rows), or ``timeline()``, or the whole
HTTP response through Django's test client (view, form, template). Reported: median and p95
per query, and over all runs of each group.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings.test")

QUERIES = [
    "domestic abuse",
    '"domestic abuse"',
    "safeguarding",
    "children",
    "budget",
    '"safeguarding adults board" annual report',
    "exploitation missing children",
    "ofsted -inspection",
    "contract",
    "council",  # a very common word: many matches to count and rank
    "zebra crossing",  # no matches
    'AND OR ( "unbalanced',  # hostile: nothing left to search for
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed(repeat: int, fn: Callable[[], object]) -> list[float]:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, rows: list[tuple[str, list[float], str]]) -> None:
    print(f"\n{label}")
    print(f"  {'query':46} {'median ms':>10} {'p95 ms':>8}  note")
    everything: list[float] = []
    for name, times, note in rows:
        everything += times
        print(
            f"  {name[:46]:46} {statistics.median(times):10.2f} {percentile(times, 0.95):8.2f}  {note}"
        )
    print(f"  {'ALL':46} {statistics.median(everything):10.2f} {percentile(everything, 0.95):8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="demo size (default 1)")
    parser.add_argument("--years", type=int, default=3, help="municipal years (default 3)")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per query")
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    tmp = None
    if connection.vendor == "sqlite":
        tmp = tempfile.mkdtemp(prefix="minutebook-bench-")
        connection.settings_dict["TEST"]["NAME"] = str(Path(tmp) / "bench.sqlite3")
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        from minutebook.committees.models import Committee
        from minutebook.demo import build_demo_council
        from minutebook.people.models import Person
        from minutebook.search.index import rebuild_index
        from minutebook.search.models import SearchEntry
        from minutebook.search.query import search, timeline

        print(
            f"engine: {connection.vendor} {connection.Database.sqlite_version if connection.vendor == 'sqlite' else connection.pg_version}"
        )
        start = time.perf_counter()
        result = build_demo_council(scale=args.scale, years=args.years)
        print(f"demo: {result.summary()} built in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        counts = rebuild_index()
        print(
            f"index: {sum(counts.values())} entries {counts} rebuilt in "
            f"{time.perf_counter() - start:.2f} s"
        )
        body_chars = sum(len(b) for b in SearchEntry.objects.values_list("body", flat=True))
        print(f"indexed body text: {body_chars / 1e6:.2f} million characters")

        from django.db.models import Count

        anon = AnonymousUser()
        rows = []
        for q in QUERIES:
            res = search(q, user=anon)
            rows.append(
                (q, timed(args.repeat, lambda q=q: search(q, user=anon)), f"{res.total} hits")
            )
        report("search(q), first page of 20", rows)

        # The committee and the person with the most "safeguarding" entries, so the
        # filters have work to do.
        top = SearchEntry.objects.filter(
            pk__in=[h.entry.pk for h in search("safeguarding", user=anon, per_page=10_000)]
        )
        committee = Committee.objects.get(
            pk=top.values("committee")
            .annotate(n=Count("id"))
            .order_by("-n")
            .values_list("committee", flat=True)
            .first()
        )
        person = Person.objects.get(
            pk=SearchEntry.people.through.objects.filter(searchentry__in=top)
            .values("person")
            .annotate(n=Count("id"))
            .order_by("-n")
            .values_list("person", flat=True)
            .first()
        )
        filtered = {
            "committee": dict(committee=committee),
            "dates (one year)": dict(
                date_from=result.today.replace(year=result.today.year - 2),
                date_to=result.today.replace(year=result.today.year - 1),
            ),
            "person": dict(person=person),
            "kinds: decisions": dict(kinds=["resolution"]),
            "all four, page 2": dict(
                committee=committee, person=person, kinds=["report", "minute"], page=2
            ),
        }
        rows = []
        for label, kwargs in filtered.items():
            res = search("safeguarding", user=anon, **kwargs)
            rows.append(
                (
                    f"safeguarding + {label}",
                    timed(args.repeat, lambda kw=kwargs: search("safeguarding", user=anon, **kw)),
                    f"{res.total} hits",
                )
            )
        rows.append(
            (
                "(no words) person only",
                timed(args.repeat, lambda: search("", user=anon, person=person)),
                "browse",
            )
        )
        report("search with filters", rows)

        rows = []
        for q in ("domestic abuse", '"domestic abuse"', "safeguarding", "council"):
            t = timeline(q, user=anon)
            rows.append(
                (
                    q,
                    timed(args.repeat, lambda q=q: timeline(q, user=anon)),
                    f"{t.shown} of {t.total} placed, {t.meetings} meetings",
                )
            )
        report("timeline(q), up to 400 matches", rows)

        client = Client()
        rows = []
        for path, params in (
            ("/search/", {"q": "domestic abuse"}),
            ("/search/", {"q": "council", "page": "3"}),
            ("/search/", {"q": "safeguarding", "committee": committee.pk, "kind": "minute"}),
            ("/search/timeline/", {"q": "domestic abuse"}),
        ):
            assert client.get(path, params).status_code == 200
            label = f"{path}?{'&'.join(f'{k}={v}' for k, v in params.items())}"
            rows.append(
                (label, timed(args.repeat, lambda p=path, d=params: client.get(p, d)), "HTTP 200")
            )
        report("whole page through the test client", rows)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)
        if tmp:
            for f in Path(tmp).iterdir():
                f.unlink()
            os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
