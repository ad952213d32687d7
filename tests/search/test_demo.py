"""The demo council, indexed: its Part Two text (the canary) never reaches the index."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from minutebook.demo import build_demo_council
from minutebook.minutes.models import MinuteItem
from minutebook.reports.models import Report
from minutebook.search.index import rebuild_index
from minutebook.search.models import SearchEntry
from minutebook.search.query import search, timeline

from .conftest import CANARY


def test_the_demo_council_is_searchable_and_keeps_its_secrets(db, client):
    build_demo_council(years=2, today=dt.date(2026, 3, 2))
    # the demo really does carry the canary in exempt text
    assert Report.objects.filter(Q(body__contains=CANARY) | Q(summary__contains=CANARY)).exists()
    assert MinuteItem.objects.filter(narrative__contains=CANARY).exists()
    counts = rebuild_index()
    assert all(counts.values()), counts
    assert not SearchEntry.objects.filter(
        Q(title__contains="CANARY") | Q(body__contains="CANARY") | Q(people_text__contains="CANARY")
    ).exists()
    assert SearchEntry.objects.filter(exempt=True).exists()  # Part Two titles are there
    for q in (CANARY, "canary", "confidential"):
        assert search(q).total == 0
        assert timeline(q).total == 0
    assert search("safeguarding").total > 0
    for exempt in SearchEntry.objects.filter(exempt=True)[:20]:
        for hit in search(exempt.title, per_page=50):
            assert CANARY not in hit.title + hit.snippet
        page = client.get("/search/", {"q": exempt.title}).content.decode()
        assert CANARY not in page
