"""Build the public search index from the committee records, and keep it current.

What goes in, per kind of entry (see :class:`~minutebook.search.models.Kind`):

* **agenda item**: its title, and the "Report of" line;
* **report**: its title, summary, recommendations, body and the other sections of the
  council's template, the Cabinet Member and the contact officers;
* **minute**: its title and narrative;
* **decision**: the resolutions of a minute (one entry per minute, clauses a), b), c) in
  order), under the minute's title;
* **work programme item**: its topic, background, outcome and printed date, and its leads.

Exempt means exempt: whether a row is public is decided by :mod:`minutebook.access` (the
rows are read as an anonymous visitor would read them). A Part Two agenda item, report or
minute is indexed by its *title only*; a Part Two minute's resolutions are not indexed at
all. Exempt text never reaches the index table, so no query, filter or snippet can leak it.

"People named" are the people linked to a row (presenter, Cabinet Member, contact officers,
work programme leads) and councillors whose printed name appears in the row's public text.

Keeping current: signals on the source models note what changed; the affected entries are
rebuilt once, when the transaction commits (an import of a whole agenda pack reindexes each
row once, not once per save). Bulk writes (``bulk_create``, ``QuerySet.update``) send no
signals: after them call :func:`rebuild_index` (or ``manage.py rebuild_search_index``).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.html import strip_tags

from minutebook.access import visible_agenda_items, visible_minute_items, visible_reports
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import MinuteItem, Minutes, Resolution
from minutebook.people.models import NameVariant, Person
from minutebook.reports.models import ContactOfficer, Report, ReportRecommendation
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem, WorkProgrammeLead

from .models import Kind, SearchEntry

# The highlighter's markers. Stripped from indexed text, so a marker in a snippet can only
# have come from the highlighter; the query layer escapes the text and then turns them
# into <mark> elements.
MARK_START = "\x02"
MARK_STOP = "\x03"

BATCH = 500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str | None) -> str:
    """Text fit for the index: no control characters (so none of the highlight markers)."""
    return _CONTROL.sub(" ", text or "").strip()


def clean_body(text: str | None) -> str:
    """Body text for the index: markup removed as well (converters leave HTML links and
    tags; PostgreSQL's headline drops tags and SQLite's would print them, so neither sees
    them), then cleaned."""
    return clean(strip_tags(text or ""))


def _join(*parts: str | None) -> str:
    return "\n\n".join(p for p in (clean_body(p) for p in parts) if p)


@dataclass
class Draft:
    """An index entry before it is written."""

    kind: str
    source_id: int
    title: str
    committee_id: int
    body: str = ""
    exempt: bool = False
    meeting_id: int | None = None
    date: Any = None
    municipal_year: int | None = None
    anchor: str = ""
    person_ids: set[int] = field(default_factory=set)
    names: list[str] = field(default_factory=list)

    def entry(self, people: dict[int, str]) -> SearchEntry:
        names = [people[p] for p in sorted(self.person_ids) if p in people]
        names += [n for n in self.names if n and n not in names]
        return SearchEntry(
            kind=self.kind,
            source_id=self.source_id,
            title=clean(self.title) or "(untitled)",
            body=self.body,
            people_text=clean("; ".join(names)),
            exempt=self.exempt,
            committee_id=self.committee_id,
            meeting_id=self.meeting_id,
            date=self.date,
            municipal_year=self.municipal_year,
            anchor=self.anchor,
        )


class NameFinder:
    """Finds councillors and officers by the printed names in a piece of text.

    Only names of two words or more count (a bare surname matches too much), and a
    printed form shared by two people names nobody.
    """

    def __init__(self) -> None:
        owners: dict[str, set[int]] = defaultdict(set)
        for person_id, text in NameVariant.objects.values_list("person_id", "text"):
            text = clean(text)
            if len(text.split()) >= 2:
                owners[text].add(person_id)
        self.by_text = {t: next(iter(ids)) for t, ids in owners.items() if len(ids) == 1}
        names = sorted(self.by_text, key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else None
        )

    def people_in(self, *texts: str) -> set[int]:
        if self.pattern is None:
            return set()
        found: set[int] = set()
        for text in texts:
            if text:
                found.update(self.by_text[m] for m in self.pattern.findall(text))
        return found


def _anonymous() -> AnonymousUser:
    return AnonymousUser()


# -- building drafts, one function per source model -------------------------------------------


def agenda_item_drafts(qs: QuerySet[AgendaItem], names: NameFinder) -> Iterator[Draft]:
    rows = visible_agenda_items(_anonymous(), qs).select_related("meeting")
    for item in rows.iterator(chunk_size=BATCH):
        meeting = item.meeting
        public = bool(item.content_visible)
        body = clean_body(item.report_of) if public else ""
        people = {item.presenter_id} if public and item.presenter_id else set()
        yield Draft(
            kind=Kind.AGENDA_ITEM,
            source_id=item.pk,
            title=item.title,
            body=body,
            exempt=not public,
            committee_id=meeting.committee_id,
            meeting_id=meeting.pk,
            date=meeting.date,
            municipal_year=meeting.municipal_year,
            anchor=f"agenda-{item.pk}",
            person_ids=people | names.people_in(body),
        )


def report_drafts(qs: QuerySet[Report], names: NameFinder) -> Iterator[Draft]:
    rows = (
        visible_reports(_anonymous(), qs)
        .select_related("meeting", "agenda_item__meeting")
        .prefetch_related("recommendations", "contact_officers")
    )
    for report in rows.iterator(chunk_size=BATCH):
        meeting = report.meeting or (report.agenda_item.meeting if report.agenda_item else None)
        if meeting is None:  # nowhere to link it to, and no committee to file it under
            continue
        public = bool(report.content_visible)
        draft = Draft(
            kind=Kind.REPORT,
            source_id=report.pk,
            title=report.title,
            exempt=not public,
            committee_id=meeting.committee_id,
            meeting_id=meeting.pk,
            date=meeting.date,
            municipal_year=meeting.municipal_year,
            anchor=f"report-{report.pk}",
        )
        if public:
            recommendations = "\n".join(clean_body(r.text) for r in report.recommendations.all())
            draft.body = _join(
                report.report_of,
                report.summary,
                recommendations,
                report.body,
                report.local_members_interest,
                report.link_to_strategic_plan,
                report.link_to_other_scrutiny,
                report.community_impact,
            )
            officers = list(report.contact_officers.all())
            draft.names = [clean(o.name) for o in officers]
            draft.person_ids = {o.person_id for o in officers if o.person_id}
            if report.cabinet_member_id:
                draft.person_ids.add(report.cabinet_member_id)
            draft.person_ids |= names.people_in(draft.body)
        yield draft


def minute_drafts(qs: QuerySet[MinuteItem], names: NameFinder) -> Iterator[Draft]:
    """A minute, and (for a public minute with resolutions) its decisions."""
    rows = (
        visible_minute_items(_anonymous(), qs)
        .select_related("minutes__meeting")
        .prefetch_related("resolutions")
    )
    for item in rows.iterator(chunk_size=BATCH):
        meeting = item.minutes.meeting
        public = bool(item.content_visible)
        common = dict(
            source_id=item.pk,
            title=item.title,
            committee_id=meeting.committee_id,
            meeting_id=meeting.pk,
            date=meeting.date,
            municipal_year=meeting.municipal_year,
            anchor=f"minute-{item.pk}",
        )
        narrative = clean_body(item.narrative) if public else ""
        yield Draft(
            kind=Kind.MINUTE,
            body=narrative,
            exempt=not public,
            person_ids=names.people_in(narrative),
            **common,
        )
        resolutions = list(item.resolutions.all()) if public else []
        if resolutions:
            text = "\n".join(
                f"{r.label}) {clean_body(r.text)}" if r.label else clean_body(r.text)
                for r in resolutions
            )
            yield Draft(kind=Kind.RESOLUTION, body=text, person_ids=names.people_in(text), **common)


def work_programme_drafts(qs: QuerySet[WorkProgrammeItem], names: NameFinder) -> Iterator[Draft]:
    rows = qs.select_related("programme", "planned_meeting").prefetch_related("leads")
    for item in rows.iterator(chunk_size=BATCH):
        meeting = item.planned_meeting
        body = _join(item.date_text, item.background, item.outcome)
        yield Draft(
            kind=Kind.WORK_PROGRAMME,
            source_id=item.pk,
            title=item.topic,
            body=body,
            committee_id=item.programme.committee_id,
            meeting_id=meeting.pk if meeting else None,
            date=meeting.date if meeting else item.planned_date,
            municipal_year=item.programme.municipal_year,
            anchor=f"wp-{item.pk}",
            person_ids={lead.person_id for lead in item.leads.all()} | names.people_in(body),
        )


# -- writing ----------------------------------------------------------------------------------


def _vector():
    from django.contrib.postgres.search import SearchVector

    return (
        SearchVector("title", weight="A", config="english")
        + SearchVector("body", weight="B", config="english")
        + SearchVector("people_text", weight="C", config="english")
    )


def _write(drafts: Iterable[Draft]) -> int:
    """Insert entries for ``drafts`` (the caller has deleted what they replace)."""
    drafts = list(drafts)
    if not drafts:
        return 0
    wanted = {p for d in drafts for p in d.person_ids}
    people = dict(Person.objects.filter(pk__in=wanted).values_list("pk", "name"))
    entries = SearchEntry.objects.bulk_create([d.entry(people) for d in drafts], batch_size=BATCH)
    through = SearchEntry.people.through
    links = [
        through(searchentry_id=e.pk, person_id=p)
        for e, d in zip(entries, drafts, strict=True)
        for p in sorted(d.person_ids)
        if p in people
    ]
    through.objects.bulk_create(links, batch_size=BATCH)
    if connection.vendor == "postgresql":
        ids = [e.pk for e in entries]
        for start in range(0, len(ids), BATCH * 4):
            SearchEntry.objects.filter(pk__in=ids[start : start + BATCH * 4]).update(
                vector=_vector()
            )
    return len(entries)


def _delete(q: Q) -> None:
    ids = list(SearchEntry.objects.filter(q).values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        SearchEntry.people.through.objects.filter(searchentry_id__in=chunk).delete()
        SearchEntry.objects.filter(pk__in=chunk).delete()


@dataclass
class Changes:
    """Source rows whose entries must be rebuilt (ids of rows that may no longer exist)."""

    agenda_items: set[int] = field(default_factory=set)
    reports: set[int] = field(default_factory=set)
    minutes: set[int] = field(default_factory=set)
    work_programme: set[int] = field(default_factory=set)
    meetings: set[int] = field(default_factory=set)
    people: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return any(vars(self).values())

    def merge(self, other: Changes) -> None:
        for name, ids in vars(other).items():
            getattr(self, name).update(ids)

    def expand(self) -> Changes:
        """Follow what a change reaches: a meeting's date reaches every entry of it; an
        agenda item's part reaches its sub-items, reports and minutes; a person's name
        reaches the entries naming them."""
        out = Changes(
            set(self.agenda_items),
            set(self.reports),
            set(self.minutes),
            set(self.work_programme),
        )
        if self.meetings:
            meetings = sorted(self.meetings)
            out.agenda_items.update(
                AgendaItem.objects.filter(meeting__in=meetings).values_list("pk", flat=True)
            )
            out.reports.update(
                Report.objects.filter(
                    Q(meeting__in=meetings) | Q(agenda_item__meeting__in=meetings)
                ).values_list("pk", flat=True)
            )
            out.minutes.update(
                MinuteItem.objects.filter(minutes__meeting__in=meetings).values_list(
                    "pk", flat=True
                )
            )
            out.work_programme.update(
                WorkProgrammeItem.objects.filter(planned_meeting__in=meetings).values_list(
                    "pk", flat=True
                )
            )
        if self.agenda_items:
            items = sorted(self.agenda_items)
            out.agenda_items.update(
                AgendaItem.objects.filter(parent__in=items).values_list("pk", flat=True)
            )
            out.reports.update(
                Report.objects.filter(
                    Q(agenda_item__in=items) | Q(agenda_item__parent__in=items)
                ).values_list("pk", flat=True)
            )
            out.minutes.update(
                MinuteItem.objects.filter(
                    Q(agenda_item__in=items) | Q(agenda_item__parent__in=items)
                ).values_list("pk", flat=True)
            )
        if self.people:
            for kind, source_id in SearchEntry.objects.filter(
                people__in=sorted(self.people)
            ).values_list("kind", "source_id"):
                bucket = {
                    Kind.AGENDA_ITEM: out.agenda_items,
                    Kind.REPORT: out.reports,
                    Kind.MINUTE: out.minutes,
                    Kind.RESOLUTION: out.minutes,
                    Kind.WORK_PROGRAMME: out.work_programme,
                }[kind]
                bucket.add(source_id)
        return out


def sync(changes: Changes) -> int:
    """Rebuild the entries of the changed rows (deleting those of rows that are gone)."""
    changes = changes.expand()
    names = NameFinder()
    written = 0
    with transaction.atomic():
        for ids, kinds, model, build in (
            (changes.agenda_items, [Kind.AGENDA_ITEM], AgendaItem, agenda_item_drafts),
            (changes.reports, [Kind.REPORT], Report, report_drafts),
            (changes.minutes, [Kind.MINUTE, Kind.RESOLUTION], MinuteItem, minute_drafts),
            (
                changes.work_programme,
                [Kind.WORK_PROGRAMME],
                WorkProgrammeItem,
                work_programme_drafts,
            ),
        ):
            ids = sorted(ids)
            for start in range(0, len(ids), BATCH):
                chunk = ids[start : start + BATCH]
                _delete(Q(kind__in=kinds, source_id__in=chunk))
                written += _write(build(model.objects.filter(pk__in=chunk), names))
    return written


def rebuild_index() -> dict[str, int]:
    """Empty the index and build it again from every record. Returns entries per kind.

    Call after anything that writes records without signals: the demo generator's bulk
    inserts, ``QuerySet.update()``, raw SQL, fixtures loaded with ``loaddata --raw``.
    """
    names = NameFinder()
    with transaction.atomic():
        SearchEntry.people.through.objects.all().delete()
        SearchEntry.objects.all().delete()
        for build, qs in (
            (agenda_item_drafts, AgendaItem.objects.order_by("pk")),
            (report_drafts, Report.objects.order_by("pk")),
            (minute_drafts, MinuteItem.objects.order_by("pk")),
            (work_programme_drafts, WorkProgrammeItem.objects.order_by("pk")),
        ):
            batch: list[Draft] = []
            for draft in build(qs, names):
                batch.append(draft)
                if len(batch) >= BATCH:
                    _write(batch)
                    batch = []
            _write(batch)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:  # compact the FTS5 b-trees after a bulk load
                cursor.execute("INSERT INTO search_entry_fts(search_entry_fts) VALUES ('optimize')")
    counts = dict.fromkeys(Kind.values, 0)
    for kind in SearchEntry.objects.values_list("kind", flat=True):
        counts[kind] += 1
    return counts


# -- signals: note what changed, rebuild it when the transaction commits ------------------------

_local = threading.local()


def _pending() -> Changes:
    pending = getattr(_local, "pending", None)
    if pending is None:
        pending = _local.pending = Changes()
    return pending


def _flush() -> None:
    pending = _pending()
    if not pending:
        return
    _local.pending = Changes()
    sync(pending)


def note(**ids: Iterable[int | None]) -> None:
    """Mark source rows as changed; their entries are rebuilt when the transaction commits.

    One commit hook per transaction does all the work. If none of ours is waiting, anything
    still pending belonged to a transaction (or savepoint) that was rolled back, so it is
    dropped; a savepoint rolled back after our hook was registered only leaves ids whose
    reindexing is harmless. Outside a transaction the work is done at once.
    """
    conn = transaction.get_connection()
    waiting = conn.in_atomic_block and any(hook is _flush for _, hook, _ in conn.run_on_commit)
    if not waiting:
        _local.pending = Changes()
    pending = _pending()
    for name, values in ids.items():
        getattr(pending, name).update(v for v in values if v is not None)
    if not waiting:
        transaction.on_commit(_flush, robust=True)


def _on_agenda_item(sender, instance: AgendaItem, **kwargs) -> None:
    note(agenda_items=[instance.pk])


def _before_agenda_item_delete(sender, instance: AgendaItem, **kwargs) -> None:
    # Its minutes and reports lose the link (SET_NULL, no signal) and may change part.
    note(
        reports=Report.objects.filter(agenda_item=instance).values_list("pk", flat=True),
        minutes=MinuteItem.objects.filter(agenda_item=instance).values_list("pk", flat=True),
    )


def _on_report(sender, instance: Report, **kwargs) -> None:
    note(reports=[instance.pk])


def _on_report_part(sender, instance: Any, **kwargs) -> None:
    note(reports=[instance.report_id])


def _on_minute_item(sender, instance: MinuteItem, **kwargs) -> None:
    note(minutes=[instance.pk])


def _on_resolution(sender, instance: Resolution, **kwargs) -> None:
    note(minutes=[instance.minute_item_id])


def _on_minutes(sender, instance: Minutes, **kwargs) -> None:
    note(minutes=instance.items.values_list("pk", flat=True))


def _on_work_programme_item(sender, instance: WorkProgrammeItem, **kwargs) -> None:
    note(work_programme=[instance.pk])


def _on_work_programme_lead(sender, instance: WorkProgrammeLead, **kwargs) -> None:
    note(work_programme=[instance.item_id])


def _on_work_programme(sender, instance: WorkProgramme, **kwargs) -> None:
    note(work_programme=instance.items.values_list("pk", flat=True))


def _on_meeting(sender, instance: Meeting, **kwargs) -> None:
    note(meetings=[instance.pk])


def _before_meeting_delete(sender, instance: Meeting, **kwargs) -> None:
    # Work programme items planned for it outlive it (SET_NULL, no signal).
    note(work_programme=instance.work_programme_items.values_list("pk", flat=True))


def _on_person(sender, instance: Person, **kwargs) -> None:
    note(people=[instance.pk])


_RECEIVERS: list[tuple[Any, Any, Any]] = [
    (post_save, AgendaItem, _on_agenda_item),
    (post_delete, AgendaItem, _on_agenda_item),
    (pre_delete, AgendaItem, _before_agenda_item_delete),
    (post_save, Report, _on_report),
    (post_delete, Report, _on_report),
    (post_save, ReportRecommendation, _on_report_part),
    (post_delete, ReportRecommendation, _on_report_part),
    (post_save, ContactOfficer, _on_report_part),
    (post_delete, ContactOfficer, _on_report_part),
    (post_save, MinuteItem, _on_minute_item),
    (post_delete, MinuteItem, _on_minute_item),
    (post_save, Resolution, _on_resolution),
    (post_delete, Resolution, _on_resolution),
    (post_save, Minutes, _on_minutes),
    (post_save, WorkProgrammeItem, _on_work_programme_item),
    (post_delete, WorkProgrammeItem, _on_work_programme_item),
    (post_save, WorkProgrammeLead, _on_work_programme_lead),
    (post_delete, WorkProgrammeLead, _on_work_programme_lead),
    (post_save, WorkProgramme, _on_work_programme),
    (post_save, Meeting, _on_meeting),
    (pre_delete, Meeting, _before_meeting_delete),
    (post_save, Person, _on_person),
]


def connect_signals() -> None:
    for signal, sender, receiver in _RECEIVERS:
        signal.connect(receiver, sender=sender, dispatch_uid=f"search:{receiver.__name__}:{sender}")
