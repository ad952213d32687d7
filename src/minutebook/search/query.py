"""Query the search index: one interface, two engines (SQLite FTS5, PostgreSQL full text).

The user's words are parsed here, once, into terms (a word, or a quoted phrase; a leading
``-`` excludes one), and each engine is handed the parsed terms, never the raw text: so
FTS5's query syntax (``AND``, ``OR``, ``NEAR``, ``*``, ``^``, ``:``, brackets, stray quotes)
has no meaning in user input and cannot raise. Words match by stem ("abused" finds
"abuse"); all terms must match; English stop words are dropped from both engines' queries
so the engines agree ("the" matches nothing on PostgreSQL, so it must match nothing here).

Ranking weighs a hit in the title above one in the body, and the body above the names of
the people named: BM25 with column weights on SQLite, ``ts_rank`` with A/B/C weights on
PostgreSQL. Ties go to the newer meeting.

Snippets are made by the engine (``snippet()``/``highlight()``, ``ts_headline``) with
control-character markers, then HTML-escaped here and only then given ``<mark>`` tags:
indexed text can never inject markup.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, F, Q, TextField, Value, When
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from minutebook.committees.models import Committee
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person

from .index import MARK_START, MARK_STOP
from .models import Kind, SearchEntry

PER_PAGE = 20
MAX_QUERY_LENGTH = 300
MAX_TERMS = 12
MAX_WORD_LENGTH = 60
SNIPPET_WORDS = 28

# PostgreSQL's english.stop: the 'english' configuration drops these, so we drop them too.
STOP_WORDS = frozenset(
    [
        "i",
        "me",
        "my",
        "myself",
        "we",
        "our",
        "ours",
        "ourselves",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "he",
        "him",
        "his",
        "himself",
        "she",
        "her",
        "hers",
        "herself",
        "it",
        "its",
        "itself",
        "they",
        "them",
        "their",
        "theirs",
        "themselves",
        "what",
        "which",
        "who",
        "whom",
        "this",
        "that",
        "these",
        "those",
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "a",
        "an",
        "the",
        "and",
        "but",
        "if",
        "or",
        "because",
        "as",
        "until",
        "while",
        "of",
        "at",
        "by",
        "for",
        "with",
        "about",
        "against",
        "between",
        "into",
        "through",
        "during",
        "before",
        "after",
        "above",
        "below",
        "to",
        "from",
        "up",
        "down",
        "in",
        "out",
        "on",
        "off",
        "over",
        "under",
        "again",
        "further",
        "then",
        "once",
        "here",
        "there",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "no",
        "nor",
        "not",
        "only",
        "own",
        "same",
        "so",
        "than",
        "too",
        "very",
        "s",
        "t",
        "can",
        "will",
        "just",
        "don",
        "should",
        "now",
    ]
)
_WORD = re.compile(r"[^\W_]+")


# -- parsing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word, or a phrase (several words in order), possibly excluded."""

    words: tuple[str, ...]
    negated: bool = False

    @property
    def phrase(self) -> bool:
        return len(self.words) > 1

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def __str__(self) -> str:
        body = f'"{self.text}"' if self.phrase else self.text
        return f"-{body}" if self.negated else body


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)

    def __bool__(self) -> bool:
        """Something to search for: at least one term that is not excluded."""
        return bool(self.positive)

    def __str__(self) -> str:
        return " ".join(str(t) for t in self.terms)

    def fts5(self) -> str:
        """The FTS5 MATCH expression: every term a quoted string, so no syntax survives."""

        def quoted(term: Term) -> str:
            return '"' + term.text.replace('"', '""') + '"'

        expression = " AND ".join(quoted(t) for t in self.positive)
        if self.negative:
            expression = f"({expression})" + "".join(f" NOT {quoted(t)}" for t in self.negative)
        return expression

    def postgres(self) -> Any:
        """The same query as a combination of ``SearchQuery`` objects ('english')."""
        from django.contrib.postgres.search import SearchQuery

        def one(term: Term) -> SearchQuery:
            kind = "phrase" if term.phrase else "plain"
            return SearchQuery(term.text, search_type=kind, config="english")

        query = None
        for term in self.positive:
            query = one(term) if query is None else query & one(term)
        for term in self.negative:
            query = query & ~one(term)
        return query


def parse_query(text: str | None) -> ParsedQuery:
    """Words and "quoted phrases"; ``-word`` or ``-"a phrase"`` excludes. Never raises.

    An unbalanced quote is ignored (its words are read as words). A hyphenated or dotted
    word ("follow-up", "CONFIDENTIAL-CANARY-12A") is a phrase of its parts, as both engines'
    tokenisers split it. Stop words are dropped from plain words (but kept inside phrases,
    where they hold the words apart) and duplicates are dropped.
    """
    text = (text or "")[:MAX_QUERY_LENGTH]
    terms: list[Term] = []
    i, n = 0, len(text)
    while i < n and len(terms) < MAX_TERMS:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        if text[i] == '"':
            close = text.find('"', i + 1)
            if close == -1:  # unbalanced: drop the quote, read on as words
                i += 1
                continue
            chunk, i = text[i + 1 : close], close + 1
            quoted = True
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            chunk, i = text[i:end], end
            quoted = False
        words = tuple(w.casefold()[:MAX_WORD_LENGTH] for w in _WORD.findall(chunk))
        if not words or all(w in STOP_WORDS for w in words):
            continue
        if not quoted and len(words) == 1 and words[0] in STOP_WORDS:
            continue
        term = Term(words, negated)
        if term not in terms:
            terms.append(term)
    return ParsedQuery(tuple(terms))


# -- results ------------------------------------------------------------------------------------


def marked(text: str | None) -> SafeString:
    """Escape engine output, then turn the highlight markers into ``<mark>`` elements."""
    text = escape(text or "")
    if text.count(MARK_START) != text.count(MARK_STOP):
        text = text.replace(MARK_START, "").replace(MARK_STOP, "")
    return mark_safe(text.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>"))


def _plain_snippet(body: str) -> str:
    """The opening words of a body with no hit in it (the same on both engines)."""
    words = list(re.finditer(r"\S+", body))
    if len(words) <= SNIPPET_WORDS:
        return body.strip()
    return body[: words[SNIPPET_WORDS - 1].end()].strip() + "…"


@dataclass
class Hit:
    entry: SearchEntry
    title: SafeString
    snippet: SafeString
    rank: float | None = None
    # May this user read the exempt papers behind a Part Two hit (on the meeting page)?
    can_read_exempt: bool = False

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def kind_label(self) -> str:
        return self.entry.get_kind_display()

    @property
    def committee(self) -> Committee:
        return self.entry.committee

    @property
    def meeting(self) -> Meeting | None:
        return self.entry.meeting

    @property
    def date(self) -> dt.date | None:
        return self.entry.date

    @property
    def exempt(self) -> bool:
        return self.entry.exempt

    @property
    def url(self) -> str:
        entry = self.entry
        if entry.kind == Kind.WORK_PROGRAMME and entry.municipal_year is not None:
            try:  # the row in the committee's published work programme for that year
                url = reverse(
                    "scrutiny:work_programme",
                    kwargs={"pk": entry.committee_id, "year": entry.municipal_year},
                )
                return f"{url}#{entry.anchor}" if entry.anchor else url
            except NoReverseMatch:
                pass
        if entry.meeting_id:
            url = reverse("portal:meeting", kwargs={"pk": entry.meeting_id})
            return f"{url}#{entry.anchor}" if entry.anchor else url
        committee = entry.committee
        return reverse(
            "portal:committee", kwargs={"pk": committee.pk, "slug": committee.slug or "-"}
        )


@dataclass
class Results:
    query: ParsedQuery
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def start_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.hits else 0

    @property
    def end_index(self) -> int:
        return self.start_index + len(self.hits) - 1 if self.hits else 0

    # The shape of Django's Page, so the portal's pagination template can draw these pages.
    @property
    def number(self) -> int:
        return self.page

    @property
    def count(self) -> int:
        return self.total

    @property
    def paginator(self) -> Results:
        return self

    def previous_page_number(self) -> int:
        return self.page - 1

    def next_page_number(self) -> int:
        return self.page + 1

    def __iter__(self):
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)


# -- engines ------------------------------------------------------------------------------------


class SQLiteEngine:
    """FTS5 over ``search_entry_fts`` (external content: the ``search_entry`` table)."""

    # bm25 weights for the columns title, body, people_text.
    RANK = "bm25(search_entry_fts, 10.0, 1.0, 2.0)"

    def _filters(self, filters: Q) -> tuple[str, list[Any]]:
        if not filters:
            return "", []
        try:
            sql, params = SearchEntry.objects.filter(filters).values("id").query.sql_with_params()
        except EmptyResultSet:  # e.g. only kinds that do not exist
            return " AND 0", []
        return f" AND e.id IN ({sql})", list(params)

    def count(self, query: ParsedQuery, filters: Q) -> int:
        where, params = self._filters(filters)
        sql = (
            "SELECT count(*) FROM search_entry_fts JOIN search_entry e ON e.id = search_entry_fts.rowid "
            f"WHERE search_entry_fts MATCH %s{where}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.fts5(), *params])
            return cursor.fetchone()[0]

    def ids(
        self, query: ParsedQuery, filters: Q, offset: int, limit: int, by_date: bool = False
    ) -> list[tuple[int, float]]:
        where, params = self._filters(filters)
        order = "e.date, e.id" if by_date else "score, e.date DESC, e.id"
        sql = (
            f"SELECT e.id, {self.RANK} AS score FROM search_entry_fts "
            "JOIN search_entry e ON e.id = search_entry_fts.rowid "
            f"WHERE search_entry_fts MATCH %s{where} ORDER BY {order} LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.fts5(), *params, limit, offset])
            return [(pk, -score) for pk, score in cursor.fetchall()]

    def highlights(
        self, query: ParsedQuery, ids: list[int], snippet_kinds: Iterable[str] | None = None
    ) -> dict[int, tuple[str, str]]:
        """Marked titles and body snippets of ``ids`` (snippets are cheap here: all kinds)."""
        if not ids:
            return {}
        marks = [MARK_START, MARK_STOP]
        sql = (
            "SELECT rowid, highlight(search_entry_fts, 0, %s, %s), "
            f"snippet(search_entry_fts, 1, %s, %s, '…', {SNIPPET_WORDS}) "
            "FROM search_entry_fts WHERE search_entry_fts MATCH %s "
            f"AND rowid IN ({', '.join(['%s'] * len(ids))})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*marks, *marks, query.fts5(), *ids])
            return {pk: (title, body) for pk, title, body in cursor.fetchall()}


class PostgresEngine:
    """``SearchQuery``/``SearchRank``/``SearchHeadline`` over the stored, GIN-indexed vector."""

    def _matching(self, query: ParsedQuery, filters: Q):
        return SearchEntry.objects.filter(filters).filter(vector=query.postgres())

    def count(self, query: ParsedQuery, filters: Q) -> int:
        return self._matching(query, filters).count()

    def ids(
        self, query: ParsedQuery, filters: Q, offset: int, limit: int, by_date: bool = False
    ) -> list[tuple[int, float]]:
        from django.contrib.postgres.search import SearchRank

        qs = self._matching(query, filters).annotate(rank=SearchRank(F("vector"), query.postgres()))
        if by_date:
            qs = qs.order_by(F("date").asc(nulls_first=True), "id")
        else:
            qs = qs.order_by("-rank", F("date").desc(nulls_last=True), "id")
        return list(qs.values_list("id", "rank")[offset : offset + limit])

    def highlights(
        self, query: ParsedQuery, ids: list[int], snippet_kinds: Iterable[str] | None = None
    ) -> dict[int, tuple[str, str]]:
        """Marked titles, and body snippets for entries of ``snippet_kinds`` (default all):
        ``ts_headline`` on long bodies is the dearest part of a query."""
        from django.contrib.postgres.search import SearchHeadline

        if not ids:
            return {}
        pg_query = query.postgres()
        marks = {"config": "english", "start_sel": MARK_START, "stop_sel": MARK_STOP}
        body: Any = SearchHeadline(
            "body",
            pg_query,
            max_words=SNIPPET_WORDS,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
            **marks,
        )
        if snippet_kinds is not None:
            body = Case(
                When(kind__in=list(snippet_kinds), then=body),
                default=Value(""),
                output_field=TextField(),
            )
        rows = (
            SearchEntry.objects.filter(pk__in=ids)
            .annotate(
                title_marked=SearchHeadline("title", pg_query, highlight_all=True, **marks),
                body_marked=body,
            )
            .values_list("id", "title_marked", "body_marked", "body")
        )
        return {pk: (title, _ellipses(snippet, body)) for pk, title, snippet, body in rows}


def _ellipses(snippet: str, body: str) -> str:
    """Mark where a headline cuts the body, as FTS5's snippet() does."""
    plain = snippet.replace(MARK_START, "").replace(MARK_STOP, "").strip()
    if not plain:
        return snippet
    fragments = plain.split(" … ")
    if not body.lstrip().startswith(fragments[0][:40]):
        snippet = "…" + snippet.lstrip()
    if not body.rstrip().endswith(fragments[-1][-40:]):
        snippet = snippet.rstrip() + "…"
    return snippet


def engine() -> SQLiteEngine | PostgresEngine:
    if connection.vendor == "postgresql":
        return PostgresEngine()
    if connection.vendor == "sqlite":
        return SQLiteEngine()
    raise NotImplementedError(f"search: no full-text engine for {connection.vendor}")


# -- the interface ------------------------------------------------------------------------------


def _pk(value: Any) -> int | None:
    if value is None or value == "":
        return None
    return int(getattr(value, "pk", value))


def build_filters(
    *,
    committee: Committee | int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    person: Person | int | None = None,
    kinds: Iterable[str] | None = None,
) -> Q:
    """Filters on the index table. A committee includes the committees it was renamed from
    (its lineage), so a subject can be followed across a renaming."""
    q = Q()
    committee_id = _pk(committee)
    if committee_id is not None:
        found = committee if isinstance(committee, Committee) else None
        found = found or Committee.objects.filter(pk=committee_id).first()
        ids = [c.pk for c in found.lineage()] if found else [committee_id]
        q &= Q(committee_id__in=ids)
    if date_from:
        q &= Q(date__gte=date_from)
    if date_to:
        q &= Q(date__lte=date_to)
    person_id = _pk(person)
    if person_id is not None:
        q &= Q(
            pk__in=SearchEntry.people.through.objects.filter(person_id=person_id).values(
                "searchentry_id"
            )
        )
    if kinds:
        valid = [k for k in kinds if k in Kind.values]
        q &= Q(kind__in=valid)  # asked for kinds that do not exist: nothing matches
    return q


ENTRY_FIELDS = (
    "id",
    "kind",
    "source_id",
    "title",
    "body",
    "exempt",
    "committee",
    "meeting",
    "date",
    "municipal_year",
    "anchor",
)


def _hydrate(
    rows: list[tuple[int, float | None]], marks: dict[int, tuple[str, str]], user: Any
) -> list[Hit]:
    from minutebook.access import can_see_exempt

    # Only what a result shows: meetings and committees are wide rows, bodies long texts.
    fields = [f"committee__{f}" for f in ("id", "name", "slug")]
    fields += [f"meeting__{f}" for f in ("id", "date", "municipal_year", "committee_id")]
    fields += ENTRY_FIELDS
    entries = (
        SearchEntry.objects.select_related("committee", "meeting")
        .only(*fields)
        .in_bulk([pk for pk, _ in rows])
    )
    hits = []
    for pk, rank in rows:
        entry = entries.get(pk)
        if entry is None:  # deleted between the two queries
            continue
        title, body = marks.get(pk, (None, None))
        if not body or MARK_START not in body:  # the hit was in the title or the names
            body = _plain_snippet(entry.body)
        hit = Hit(
            entry=entry,
            title=marked(title) if title is not None else marked(entry.title),
            snippet=marked(body),
            rank=rank,
        )
        if entry.exempt and user is not None:
            hit.can_read_exempt = can_see_exempt(user, entry.committee, entry.municipal_year)
        hits.append(hit)
    return hits


def search(
    q: str | None,
    *,
    user: Any = None,
    committee: Committee | int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    person: Person | int | None = None,
    kinds: Iterable[str] | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Results:
    """Ranked, highlighted results for ``q``, a page at a time.

    The index holds public text only, so every user searches the same text; ``user`` only
    tells an entitled member or clerk that the exempt papers behind a Part Two hit are
    theirs to read on the meeting page. With no words to search for but some filter set,
    the filtered entries are listed newest first (so "everything naming this person"
    works); with neither, there are no results.
    """
    query = parse_query(q)
    filters = build_filters(
        committee=committee, date_from=date_from, date_to=date_to, person=person, kinds=kinds
    )
    results = Results(query=query, per_page=per_page)
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    if query:
        eng = engine()
        results.total = eng.count(query, filters)
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page
        rows = eng.ids(query, filters, offset, per_page)
        results.hits = _hydrate(rows, eng.highlights(query, [pk for pk, _ in rows]), user)
    elif filters:
        qs = SearchEntry.objects.filter(filters)
        results.total = qs.count()
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page
        rows = qs.order_by(F("date").desc(nulls_last=True), "id").values_list("id", flat=True)
        results.hits = _hydrate([(pk, None) for pk in rows[offset : offset + per_page]], {}, user)
    return results


# -- the topic timeline -------------------------------------------------------------------------


@dataclass
class TimelineTopic:
    """The matches at one meeting that share a title: the agenda item, its report, its
    minute and its decisions are one subject, shown once, with a link to each."""

    hits: list[Hit] = field(default_factory=list)

    @property
    def title(self) -> SafeString:
        return self.hits[0].title

    @property
    def exempt(self) -> bool:
        return any(h.exempt for h in self.hits)

    @property
    def summary(self) -> Hit | None:
        """What to quote: the decisions, else the minute (public text only, by construction)."""
        for kind in (Kind.RESOLUTION, Kind.MINUTE):
            for hit in self.hits:
                if hit.kind == kind and hit.snippet:
                    return hit
        return None


@dataclass
class TimelineEvent:
    """One meeting (or one dated work programme entry) and the matches it holds."""

    date: dt.date
    committee: Committee
    meeting: Meeting | None
    hits: list[Hit] = field(default_factory=list)

    @property
    def url(self) -> str:
        if self.meeting is not None:
            return reverse("portal:meeting", kwargs={"pk": self.meeting.pk})
        return self.hits[0].url

    @property
    def decisions(self) -> list[Hit]:
        return [h for h in self.hits if h.kind == Kind.RESOLUTION]

    @property
    def topics(self) -> list[TimelineTopic]:
        groups: dict[str, TimelineTopic] = {}
        for hit in self.hits:
            key = " ".join(hit.entry.title.casefold().split())
            groups.setdefault(key, TimelineTopic()).hits.append(hit)
        return list(groups.values())


@dataclass
class TimelineYear:
    year: int | None
    events: list[TimelineEvent] = field(default_factory=list)

    @property
    def label(self) -> str:
        return municipal_year_label(self.year) if self.year is not None else "Undated"


@dataclass
class Timeline:
    query: ParsedQuery
    years: list[TimelineYear] = field(default_factory=list)
    total: int = 0  # matching dated entries
    shown: int = 0
    undated: int = 0  # matching work programme items with no date, left out

    @property
    def truncated(self) -> bool:
        return self.shown < self.total

    @property
    def meetings(self) -> int:
        return sum(len(y.events) for y in self.years)


TIMELINE_LIMIT = 400


def timeline(
    q: str | None,
    *,
    user: Any = None,
    committee: Committee | int | None = None,
    kinds: Iterable[str] | None = None,
    limit: int = TIMELINE_LIMIT,
) -> Timeline:
    """The meetings and decisions matching ``q``, oldest first, grouped by municipal year.

    Every dated match is placed under its meeting (a work programme item under the meeting
    it was planned for, or on its own date); undated work programme items are counted, not
    placed. At most ``limit`` matches are placed, the earliest first.
    """
    query = parse_query(q)
    result = Timeline(query=query)
    if not query:
        return result
    filters = build_filters(committee=committee, kinds=kinds)
    eng = engine()
    result.undated = eng.count(query, filters & Q(date__isnull=True))
    dated = filters & Q(date__isnull=False)
    result.total = eng.count(query, dated)
    rows = eng.ids(query, dated, 0, limit, by_date=True)
    result.shown = len(rows)
    quoted = (Kind.MINUTE, Kind.RESOLUTION)  # the timeline quotes only minutes and decisions
    hits = _hydrate(rows, eng.highlights(query, [pk for pk, _ in rows], quoted), user)
    order = {
        Kind.AGENDA_ITEM: 0,
        Kind.REPORT: 1,
        Kind.MINUTE: 2,
        Kind.RESOLUTION: 3,
        Kind.WORK_PROGRAMME: 4,
    }
    events: dict[tuple, TimelineEvent] = {}
    for hit in sorted(hits, key=lambda h: (h.date, order.get(h.kind, 4), h.entry.pk)):
        entry = hit.entry
        key = ("m", entry.meeting_id) if entry.meeting_id else ("d", entry.date, entry.committee_id)
        event = events.get(key)
        if event is None:
            event = events[key] = TimelineEvent(entry.date, entry.committee, entry.meeting)
        event.hits.append(hit)
    years: dict[int | None, TimelineYear] = {}
    for event in sorted(events.values(), key=lambda e: (e.date, e.committee.name)):
        year = event.hits[0].entry.municipal_year
        if event.meeting is not None:
            year = event.meeting.municipal_year
        years.setdefault(year, TimelineYear(year)).events.append(event)
    result.years = list(years.values())
    return result
