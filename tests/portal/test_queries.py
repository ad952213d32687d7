"""Pages read in a fixed number of queries, however long the agenda or minutes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from minutebook.portal.templatetags.portal import committee_url, meeting_url, person_url

from . import factories as f
from .conftest import client_for


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow(shire, n: int) -> None:
    """Add n more of everything the meeting page lists to the March meeting."""
    march = shire.march
    record = march.minutes
    for i in range(n):
        person = f.person(shire.council, f"Extra Member {i}")
        f.attend(march, person, "present" if i % 2 else "apologies")
        f.declare(march, person, f"Interest {i}", agenda_item=shire.item_strategy)
        item = f.agenda_item(march, str(10 + i), f"Extra item {i}", 20 + i, exempt_paragraphs=(1,))
        f.agenda_item(march, "a", f"Extra sub-item {i}", 40 + i, parent=item)
        f.report(
            march,
            f"Extra report {i}",
            10 + i,
            agenda_item=item,
            exempt_paragraphs=(1, 3),
            recommendations=["One", "Two"],
            officers=[{"name": "An Officer"}],
            appendices=[{"title": "Appendix"}],
        )
        f.minute_item(
            record,
            str(60 + i),
            f"Extra minute {i}",
            20 + i,
            exempt_paragraphs=(2,),
            resolutions=["Agreed.", "Noted."],
        )


@pytest.mark.parametrize("viewer", [None, "member", "clerk"])
def test_meeting_page_has_no_n_plus_one(shire, users, viewer):
    client = client_for(users[viewer] if viewer else None)
    url = meeting_url(shire.march)
    before = count_queries(client, url)
    assert before <= 25
    grow(shire, 6)
    assert count_queries(client, url) == before


def test_other_pages_have_no_n_plus_one(shire):
    client = client_for(None)
    urls = [
        "/",
        reverse("portal:decisions"),
        committee_url(shire.ssc),
        person_url(shire.joan),
    ]
    before = {url: count_queries(client, url) for url in urls}
    grow(shire, 6)
    for year in (2018, 2019):
        for i in range(4):
            m = f.meeting(shire.ssc, f"{year + 1}-0{i + 1}-1{i}")
            f.attend(m, shire.joan)
    for i in range(6):
        f.seat(shire.ssc, f.person(shire.council, f"Seat holder {i}"), 2018, order=10 + i)
    after = {url: count_queries(client, url) for url in urls}
    assert after == before
