"""Exempt means exempt: Part Two text never reaches the index, results or snippets."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User

from minutebook.access import CLERKS_GROUP
from minutebook.search.models import Kind, SearchEntry
from minutebook.search.query import search, timeline

from .conftest import CANARY

ANON = AnonymousUser()


def test_the_canary_is_not_in_the_index(papers):
    for entry in SearchEntry.objects.all():
        assert CANARY not in entry.title + entry.body + entry.people_text


@pytest.mark.parametrize(
    "q", [CANARY, f'"{CANARY}"', "confidential", "canary", "12a", "preferred bidder", "pricing"]
)
def test_searching_for_the_canary_finds_nothing(papers, q):
    assert search(q, user=ANON).total == 0
    assert timeline(q, user=ANON).total == 0


def test_part_two_titles_are_public_and_nothing_else(papers):
    results = search("refuge contract award", user=ANON, per_page=100)
    exempt = [h for h in results if h.exempt]
    assert {h.kind for h in exempt} == {Kind.AGENDA_ITEM, Kind.REPORT, Kind.MINUTE}
    for hit in results:
        assert CANARY not in hit.title + hit.snippet
    for hit in exempt:
        assert hit.snippet == ""
        assert not hit.can_read_exempt
    # No decision entry for a Part Two minute: its resolutions are content.
    assert not SearchEntry.objects.filter(
        kind=Kind.RESOLUTION, source_id=papers.exempt_minute.pk
    ).exists()


def test_exempt_contact_officer_is_not_a_person_named(papers):
    assert search("", user=ANON, person=papers.kath).total == 0


def test_snippets_for_words_near_the_canary(papers):
    for q in ("domestic abuse", "refuge", "bids", "services", "appointed", "award"):
        for hit in search(q, user=ANON, per_page=100):
            assert CANARY not in hit.title + hit.snippet


def test_a_clerk_is_told_the_papers_are_theirs_but_the_index_is_the_same(papers):
    clerk = User.objects.create_user("clerk", password="x")
    clerk.groups.add(Group.objects.get_or_create(name=CLERKS_GROUP)[0])
    results = search("refuge contract award", user=clerk, per_page=100)
    assert all(h.can_read_exempt for h in results if h.exempt)
    assert search(CANARY, user=clerk).total == 0


def test_a_part_one_minute_under_a_part_two_item_is_exempt(papers):
    """access.py's rule: when the minute and its agenda item disagree, the stricter wins."""
    from minutebook.minutes.models import MinuteItem
    from minutebook.search.index import rebuild_index

    MinuteItem.objects.filter(pk=papers.exempt_minute.pk).update(part=1)
    rebuild_index()
    entry = SearchEntry.objects.get(kind=Kind.MINUTE, source_id=papers.exempt_minute.pk)
    assert entry.exempt and entry.body == ""
    assert search(CANARY, user=ANON).total == 0


def test_pages_never_show_the_canary(papers, client):
    for url in (
        "/search/?q=refuge+contract",
        "/search/?q=domestic+abuse",
        "/search/?q=award&kind=report&kind=minute&kind=agenda_item",
        "/search/timeline/?q=refuge",
        "/search/timeline/?q=domestic+abuse",
        f"/search/?person={papers.kath.pk}",
        f"/search/?committee={papers.ssc.pk}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert CANARY not in response.content.decode()


@pytest.mark.parametrize("path", ["/search/", "/search/timeline/"])
def test_a_search_for_the_canary_looks_like_a_search_for_nonsense(papers, client, path):
    """The page echoes the query, so it holds the canary; otherwise it must be exactly the
    page for a query that matches nothing."""
    nonsense = "NONSENSE-NOTHING-12A"
    canary = client.get(path, {"q": CANARY}).content.decode()
    expected = client.get(path, {"q": nonsense}).content.decode()
    assert "No" in expected
    assert (
        canary.replace(CANARY, nonsense).replace("confidential canary 12a", "nonsense nothing 12a")
        == expected
    )
