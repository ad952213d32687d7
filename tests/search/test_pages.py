"""The search page and the topic timeline, as a reader meets them."""

from __future__ import annotations

import datetime as dt
import re

from minutebook.search.query import timeline

from .helpers import headings, links, text


def test_search_page_without_a_query(client, papers):
    response = client.get("/search/")
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(r'<label [^>]*for="id_q">Search for</label>', page)
    assert 'role="search"' in page
    assert "Results" not in text(response)


def test_search_results_page(client, papers):
    response = client.get("/search/", {"q": "domestic abuse"})
    page = response.content.decode()
    body = text(response)
    assert re.search(r"<title>Search results for domestic abuse: \d+ results", page)
    assert re.search(r'role="status">\d+ results for <strong>domestic abuse</strong>', page)
    assert "<mark>Domestic</mark> <mark>Abuse</mark> Strategy" in page
    assert "Monday 4 March 2019" in body
    assert f"/meetings/{papers.meetings['2019-03'].pk}/#report-{papers.title_hit.pk}" in links(
        response
    )
    # h1, h2 Results, an h3 per hit
    levels = headings(response)
    assert levels[0] == 1 and 3 in levels and max(levels) <= 3


def test_every_control_is_labelled(client, papers):
    page = client.get("/search/", {"q": "abuse"}).content.decode()
    for control in re.findall(r"<(?:input|select)\b[^>]*>", page):
        if 'type="hidden"' in control:
            continue
        ident = re.search(r'id="([^"]+)"', control).group(1)
        assert f'for="{ident}"' in page, control


def test_filters_from_the_query_string(client, papers):
    response = client.get(
        "/search/",
        {
            "q": "domestic abuse",
            "committee": papers.sosc.pk,
            "from": "2021-06-01",
            "to": "2023-12-31",
            "kind": ["agenda_item"],
        },
    )
    body = text(response)
    assert "2 results" in body
    assert "Domestic Abuse Act duties" in body
    assert "Domestic abuse: progress on refuges" in body
    assert "Domestic Abuse Strategy" not in body


def test_bad_dates_are_reported(client, papers):
    response = client.get("/search/", {"q": "abuse", "from": "2023-01-01", "to": "2020-01-01"})
    assert response.status_code == 200
    assert "The end date must be the same as or after the start date." in text(response)
    assert "error-summary" in response.content.decode()
    assert 'role="alert"' in response.content.decode()


def test_pagination_links_keep_the_search(client, papers):
    response = client.get("/search/", {"q": "domestic abuse", "kind": "agenda_item"})
    assert "Page" not in text(response)  # one page
    from minutebook.search import query

    query.PER_PAGE, old = 2, query.PER_PAGE
    try:
        response = client.get("/search/", {"q": "domestic abuse", "committee": papers.ssc.pk})
    finally:
        query.PER_PAGE = old
    assert response.status_code == 200


def test_pages_and_next_links(client, papers, monkeypatch):
    from minutebook.search import views

    real = views.search
    monkeypatch.setattr(views, "search", lambda *a, **k: real(*a, **{**k, "per_page": 2}))
    response = client.get("/search/", {"q": "domestic abuse", "page": "2"})
    page = response.content.decode()
    assert 'aria-label="Pages of results"' in page
    assert "?q=domestic+abuse&amp;page=3" in page and "?q=domestic+abuse&amp;page=1" in page
    assert "Page 2 of" in text(response)
    assert re.search(r'<ol class="[^"]*search-results" start="3">', page)


def test_hostile_queries_through_the_page(client, papers):
    for q in ['"unbalanced', "AND OR (", "<script>alert(1)</script>", "*", "NEAR(a"]:
        response = client.get("/search/", {"q": q})
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()


def test_search_escapes_the_query(client, papers):
    response = client.get("/search/", {"q": '"><img src=x onerror=alert(1)> abuse'})
    assert "<img" not in response.content.decode()


def test_timeline_orders_by_date_and_groups_by_municipal_year(papers):
    result = timeline("domestic abuse")
    dates = [e.date for y in result.years for e in y.events]
    assert dates == sorted(dates)
    assert dates[0] == dt.date(2019, 3, 4) and dates[-1] == dt.date(2023, 9, 25)
    assert [y.label for y in result.years] == [
        "2018-19",
        "2019-20",
        "2020-21",
        "2021-22",
        "2023-24",
    ]
    march = result.years[0].events[0]
    assert [h.kind for h in march.hits] == ["agenda_item", "report", "minute", "resolution"]
    assert [h.title for h in march.decisions] == [
        "<mark>Domestic</mark> <mark>Abuse</mark> Strategy"
    ]
    assert result.undated == 1  # the work programme item without a date


def test_timeline_page(client, papers):
    response = client.get("/search/timeline/", {"q": "domestic abuse"})
    assert response.status_code == 200
    body = text(response)
    years = [y for y in ("2018-19", "2019-20", "2020-21", "2021-22", "2023-24") if y in body]
    assert years == ["2018-19", "2019-20", "2020-21", "2021-22", "2023-24"]
    positions = [body.index(d) for d in ("Monday 4 March 2019", "Monday 10 January 2022")]
    assert positions == sorted(positions)
    assert "Safeguarding Overview and Scrutiny Committee" in body
    assert '<time datetime="2019-03-04">' in response.content.decode()


def test_timeline_for_a_committee_follows_its_lineage(client, papers):
    result = timeline("domestic abuse", committee=papers.sosc)
    assert {e.committee.pk for y in result.years for e in y.events} == {
        papers.ssc.pk,
        papers.sosc.pk,
    }
    assert timeline("domestic abuse", committee=papers.audit).total == 0


def test_timeline_shows_decisions(client, papers):
    response = client.get("/search/timeline/", {"q": "endorsed"})
    page = response.content.decode()
    assert "That the strategy be <mark>endorsed</mark>" in page


def test_empty_timeline(client, papers):
    assert client.get("/search/timeline/").status_code == 200
    assert client.get("/search/timeline/", {"q": "AND OR ("}).status_code == 200
    assert "No meetings match" in text(client.get("/search/timeline/", {"q": "zebra"}))


def test_timeline_shows_a_subject_once_per_meeting(client, papers):
    march = timeline("domestic abuse").years[0].events[0]
    [topic] = march.topics
    assert [h.kind for h in topic.hits] == ["agenda_item", "report", "minute", "resolution"]
    assert topic.summary.kind == "resolution"
    page = client.get("/search/timeline/", {"q": "domestic abuse"}).content.decode()
    assert page.count("<mark>Domestic</mark> <mark>Abuse</mark> Strategy</p>") == 1
    assert re.search(
        r'Decision<span class="[^"]*visually-hidden">: Domestic Abuse Strategy</span>', page
    )
    assert "a) That the strategy be endorsed.<br>b) That a progress report come back." in page


def test_every_result_link_opens_a_page(client, papers):
    response = client.get("/search/", {"q": "domestic abuse"})
    targets = {
        href.split("#")[0]
        for href in links(response)
        if href.startswith(("/meetings/", "/committees/", "/scrutiny/"))
    }
    assert any(t.startswith("/scrutiny/") for t in targets)
    for target in targets:
        assert client.get(target).status_code == 200, target
