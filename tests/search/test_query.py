"""The search interface: parsing, ranking, phrases, filters, pages, snippets, hostile input."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from minutebook.search.models import Kind
from minutebook.search.query import parse_query, search

ANON = AnonymousUser()


def titles(results) -> list[str]:
    return [h.entry.title for h in results]


def test_parse_words_phrases_and_exclusions():
    q = parse_query('"domestic abuse" refuges -knife -"knife crime" the')
    assert [str(t) for t in q.terms] == ['"domestic abuse"', "refuges", "-knife", '-"knife crime"']
    assert q.fts5() == '("domestic abuse" AND "refuges") NOT "knife" NOT "knife crime"'


def test_parse_hyphenated_word_is_a_phrase():
    assert [t.words for t in parse_query("CONFIDENTIAL-CANARY-12A").terms] == [
        ("confidential", "canary", "12a")
    ]


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "AND OR (",
        "NOT",
        '"" * ^ : NEAR(a b) { } [ ] \\ \' ` ~ ! @ # $ % & * + = | ; , . / ? < >',
        "-",
        "---",
        '"domestic abuse',
        "domestic) OR (abuse",
        "title:domestic",
        "abuse*",
        "\x00\x02\x03",
        "a" * 5000,
        " ".join(f"word{i}" for i in range(100)),
        "'; DROP TABLE search_entry; --",
        "ε λ 日本語 émigré",
        "-abuse",
    ],
)
def test_hostile_queries_never_raise(papers, text):
    results = search(text, user=ANON)
    # page one holds what was found, up to a page (so the count is not negative either)
    assert len(results.hits) == min(results.total, results.per_page)
    for hit in results:
        assert "<script" not in hit.snippet


def test_hostile_query_reads_as_words(papers):
    assert titles(search("domestic) OR (abuse", user=ANON)) == titles(
        search("domestic abuse", user=ANON)
    )
    assert search('"domestic abuse', user=ANON).total == search("domestic abuse", user=ANON).total


def test_only_stop_words_or_exclusions_search_for_nothing(papers):
    assert search("the and of", user=ANON).total == 0
    assert not search("-abuse", user=ANON).query


def test_title_hit_outranks_body_hit(papers):
    results = search("domestic abuse", user=ANON, kinds=[Kind.REPORT])
    order = [h.entry.source_id for h in results]
    assert papers.title_hit.pk in order and papers.body_hit.pk in order
    assert order.index(papers.title_hit.pk) < order.index(papers.body_hit.pk)
    ranks = {h.entry.source_id: h.rank for h in results}
    assert ranks[papers.title_hit.pk] > ranks[papers.body_hit.pk]


def test_words_match_by_stem(papers):
    assert "Refuge <b>capacity</b> review" in titles(search("refuges", user=ANON))
    assert search("abused", user=ANON).total == search("abuse", user=ANON).total


def test_phrase_versus_words(papers):
    words = titles(search("abuse domestic", user=ANON))
    phrase = titles(search('"abuse domestic"', user=ANON))
    assert "Domestic Abuse Strategy" in words
    assert phrase == []
    assert "Domestic Abuse Strategy" in titles(search('"domestic abuse"', user=ANON))
    # words need not be next to each other; a phrase must
    assert "Community Safety Partnership annual report" in titles(
        search("domestic crime", user=ANON)
    )
    assert "Community Safety Partnership annual report" not in titles(
        search('"domestic crime"', user=ANON)
    )


def test_excluded_words(papers):
    with_knife = titles(search("domestic abuse", user=ANON))
    without = titles(search("domestic abuse -knife", user=ANON))
    assert "Community Safety Partnership annual report" in with_knife
    assert "Community Safety Partnership annual report" not in without


def test_every_kind_is_found(papers):
    kinds = {h.kind for h in search("domestic abuse", user=ANON, per_page=100)}
    assert kinds == {
        Kind.AGENDA_ITEM,
        Kind.REPORT,
        Kind.MINUTE,
        Kind.RESOLUTION,
        Kind.WORK_PROGRAMME,
    }


def test_decisions_are_searched(papers):
    results = search("endorsed", user=ANON, kinds=[Kind.RESOLUTION])
    assert [h.entry.source_id for h in results] == [papers.public_minute.pk]
    assert "That the strategy be <mark>endorsed</mark>." in results.hits[0].snippet


def test_filter_by_committee_includes_its_predecessors(papers):
    successor = search("domestic abuse", user=ANON, committee=papers.sosc, per_page=100)
    committees = {h.committee.pk for h in successor}
    assert committees == {papers.ssc.pk, papers.sosc.pk}
    old = search("domestic abuse", user=ANON, committee=papers.ssc.pk, per_page=100)
    assert {h.committee.pk for h in old} == {papers.ssc.pk}
    assert search("abuse", user=ANON, committee=papers.audit).total == 1


def test_filter_by_dates(papers):
    results = search(
        "domestic abuse",
        user=ANON,
        date_from=dt.date(2019, 6, 1),
        date_to=dt.date(2021, 12, 31),
        per_page=100,
    )
    dates = {h.date for h in results}
    assert dates == {dt.date(2019, 11, 18), dt.date(2020, 7, 6)}


def test_filter_by_kind(papers):
    results = search("domestic abuse", user=ANON, kinds=[Kind.MINUTE, Kind.RESOLUTION])
    assert {h.kind for h in results} == {Kind.MINUTE, Kind.RESOLUTION}
    decisions = search("domestic abuse", user=ANON, kinds=[Kind.RESOLUTION])
    # a decision is filed under its minute's title
    assert [h.date.year for h in decisions] == [2022, 2019]
    assert search("domestic abuse", user=ANON, kinds=["nonsense"]).total == 0


def test_filter_by_person(papers):
    gill = search("domestic abuse", user=ANON, person=papers.gill, per_page=100)
    # the Cabinet Member of a report, a name in a narrative, a work programme lead
    assert {(h.kind, h.entry.source_id) for h in gill} == {
        (Kind.REPORT, papers.title_hit.pk),
        (Kind.MINUTE, papers.public_minute.pk),
        (Kind.WORK_PROGRAMME, papers.wp_item.pk),
    }


def test_filters_without_words_list_newest_first(papers):
    results = search("", user=ANON, person=papers.gill.pk)
    assert results.total == 3
    assert results.hits[0].date == dt.date(2019, 3, 4)  # the undated work programme item last
    assert results.hits[-1].kind == Kind.WORK_PROGRAMME
    assert search("", user=ANON).total == 0


def test_pagination(papers):
    everything = search("domestic abuse", user=ANON, per_page=100)
    assert everything.total == len(everything.hits) > 6
    pages = [search("domestic abuse", user=ANON, per_page=3, page=n) for n in (1, 2, 3, 4)]
    seen = [h.entry.pk for p in pages for h in p]
    assert seen[: everything.total] == [h.entry.pk for h in everything]
    first = pages[0]
    assert first.num_pages == -(-everything.total // 3)
    assert first.has_next and not first.has_previous
    assert (first.start_index, first.end_index) == (1, 3)
    beyond = search("domestic abuse", user=ANON, per_page=3, page=999)
    assert beyond.page == beyond.num_pages and beyond.hits
    assert search("domestic abuse", user=ANON, page="x").page == 1
    assert search("domestic abuse", user=ANON, page=-4).page == 1


def test_snippets_are_highlighted_and_escaped(papers):
    results = search("refuge capacity", user=ANON)
    hit = next(h for h in results if h.entry.source_id == papers.hostile.pk)
    assert hit.kind == Kind.REPORT
    assert str(hit.title) == "<mark>Refuge</mark> &lt;b&gt;<mark>capacity</mark>&lt;/b&gt; review"
    # markup is dropped from body text; what is left is escaped
    assert "script" not in hit.snippet
    assert "<mark>Refuge</mark> <mark>capacity</mark> &lt; demand" in hit.snippet
    assert "&amp; stalking" in hit.snippet


def test_phrase_highlight(papers):
    hit = search('"knife crime"', user=ANON).hits[0]
    assert "<mark>knife</mark> <mark>crime</mark>" in hit.snippet.replace(
        "<mark>knife crime</mark>", "<mark>knife</mark> <mark>crime</mark>"
    )


def test_links_go_to_the_row_on_its_meeting_page(papers):
    hit = search('"annual report"', user=ANON).hits[0]
    assert hit.url == f"/meetings/{papers.meetings['2019-11'].pk}/#report-{papers.body_hit.pk}"
    wp = search("commissioning", user=ANON).hits[0]
    assert (
        wp.url
        == f"/scrutiny/committees/{papers.ssc.pk}/work-programme/2019/#wp-{papers.wp_item.pk}"
    )


def test_people_named_are_searchable(papers):
    results = search("Trish Rowlands", user=ANON)
    assert [h.entry.source_id for h in results] == [papers.title_hit.pk]


def test_snippets_of_long_bodies_are_cut_the_same_way_on_both_engines(papers):
    from minutebook.reports.models import Report
    from minutebook.search.index import rebuild_index

    filler = " ".join(f"word{i}" for i in range(80))
    Report.objects.create(
        meeting=papers.meetings["2023-09"],
        title="Long report",
        body=f"{filler} the heron count rose {filler}",
    )
    rebuild_index()
    hit = search("heron", user=ANON).hits[0]
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert "<mark>heron</mark> count rose" in hit.snippet
    assert len(hit.snippet.split()) <= 40
    # A hit in the title only: the body's opening words, cut with an ellipsis.
    title_only = search('"long report"', user=ANON).hits[0]
    assert title_only.snippet.startswith("word0 word1")
    assert title_only.snippet.endswith("…") and "<mark>" not in title_only.snippet
