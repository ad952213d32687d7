"""Agenda packs and minutes: build them, count their pages, publish them as versions.

An agenda pack is the front sheet followed by every paper the agenda refers to, in agenda
order, numbered "Page 1", "Page 2" ... from the first paper (the front sheet itself is not
numbered, as in most councils' packs; a council with ``number_front_sheet`` set numbers it
too).

How page ranges stay right: every paper is rendered (or, for an uploaded PDF, read) on its
own and its real pages counted; ranges come from those counts; the front sheet is rendered
last with the ranges; the pack is those exact bytes joined, and the footers are stamped on
at assembly. When the front sheet is numbered its length feeds back into the ranges, so it
is re-rendered until its length is stable.

Both audiences share one numbering. The members' pack has every paper; the public pack has
the same number of pages, with each exempt paper's pages replaced by "Document is
Restricted" pages, so page 37 is page 37 for everyone in the room, and the front sheet's
ranges (stored on ``AgendaItem.start_page``/``end_page``) hold for both. Where a paper has a
public and a members' version of different lengths (minutes with exempt items) the shorter
is padded with "This page is intentionally left blank".
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from minutebook.documents.models import PublishedDocument
from minutebook.meetings.models import AgendaItem, Meeting, Part
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.publishing import render, supplements
from minutebook.publishing.pdf import (
    BLANK,
    Piece,
    PublishingError,
    Rendered,
    assemble,
    html_to_pdf,
    notice_pages,
    pad,
    read_manifest,
    read_pdf,
)
from minutebook.publishing.render import AUDIENCES, MEMBERS, PUBLIC
from minutebook.reports.models import Appendix, Report

__all__ = [
    "AUDIENCES",
    "MEMBERS",
    "PUBLIC",
    "AgendaPack",
    "PublishingError",
    "build_agenda_pack",
    "build_agenda_packs",
    "build_minutes",
    "describe_changes",
    "front_sheet_document",
    "pack_html",
    "publish_agenda",
    "publish_minutes",
]

FRONT_SHEET_HTML = "front-sheet.html"
PACK_HTML = "agenda-pack.html"
MINUTES_HTML = "minutes.html"
_MAX_FRONT_SHEET_PASSES = 6


# ---------------------------------------------------------------------------------------------
# Papers


@dataclass
class Paper:
    """One paper of the pack, rendered once, in both audiences' versions.

    ``public`` is None when the paper is withheld from the public altogether.
    """

    key: str
    label: str
    title: str
    item: AgendaItem
    members: Rendered
    public: Rendered | None
    html_members: str
    html_public: str
    exempt_paragraphs: list[int] = field(default_factory=list)
    start: int = 0

    @property
    def pages(self) -> int:
        return self.members.pages

    @property
    def end(self) -> int:
        return self.start + self.pages - 1

    def version(self, audience: str) -> Rendered:
        if audience == MEMBERS:
            return self.members
        assert self.public is not None
        return self.public


def _exempt_paragraphs(row: Any) -> list[int]:
    return sorted(p.number for p in row.exempt_paragraphs.all())


def _read_upload(field_file: Any, what: str) -> bytes:
    try:
        with field_file.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError) as exc:
        raise PublishingError(f"the uploaded file of {what} cannot be read ({exc})") from exc
    read_pdf(data, what)  # fails early, naming the paper
    return data


def _uploaded(data: bytes) -> Rendered:
    return Rendered(data, len(read_pdf(data, "an uploaded PDF").pages))


def _upload_note(title: str) -> str:
    return render_to_string("publishing/_uploaded_note.html", {"title": title, "withheld": False})


def _papers_for_item(item: AgendaItem, meeting: Meeting, exempt_parent: bool) -> list[Paper]:
    """The papers an agenda item brings into the pack, in order, rendered but unplaced."""
    papers: list[Paper] = []
    item_exempt = exempt_parent or item.part == Part.TWO
    item_paragraphs = _exempt_paragraphs(item)

    if item.standard == AgendaItem.Standard.MINUTES and item.minutes_of_id:
        previous = item.minutes_of
        if Minutes.objects.filter(meeting=previous).exists():
            label = f"Minutes of {render.plain_date(previous.date)}"
            members_html = render.minutes_html(previous, MEMBERS)
            public_html = render.minutes_html(previous, PUBLIC)
            members = html_to_pdf(render.document(members_html, label))
            public: Rendered | None = members
            if item_exempt:
                public = None
            elif public_html != members_html:
                public = html_to_pdf(render.document(public_html, label))
            papers.append(
                Paper(
                    key=f"minutes:{previous.pk}",
                    label=label,
                    title=f"Minutes of the {meeting.committee.name}",
                    item=item,
                    members=members,
                    public=public,
                    html_members=members_html,
                    html_public=public_html,
                    exempt_paragraphs=item_paragraphs,
                )
            )

    reports = Report.objects.filter(agenda_item=item).select_related("cabinet_member")
    for report in reports.prefetch_related("exempt_paragraphs").order_by("order", "pk"):
        exempt = item_exempt or report.part == Part.TWO
        paragraphs = _exempt_paragraphs(report) or item_paragraphs
        what = f"the report “{report.title}” (item {item.number})"
        if report.file:
            members = _uploaded(_read_upload(report.file, what))
            members_html = public_html = _upload_note(report.title)
        else:
            members_html = render.report_html(report, meeting, MEMBERS)
            public_html = render.report_html(report, meeting, PUBLIC)
            members = html_to_pdf(render.document(members_html, report.title))
        public = None if exempt else members
        if public is not None and not report.file and public_html != members_html:
            public = html_to_pdf(render.document(public_html, report.title))
        papers.append(
            Paper(
                key=f"report:{report.pk}",
                label=f"Report: {report.title}",
                title=report.title,
                item=item,
                members=members,
                public=public,
                html_members=members_html,
                html_public=public_html,
                exempt_paragraphs=paragraphs,
            )
        )
        for appendix in Appendix.objects.filter(report=report).order_by("order", "pk"):
            if not appendix.file:
                continue  # listed in the report; nothing to bind in
            what = f"“{appendix.title}” of the report “{report.title}”"
            data = _read_upload(appendix.file, what)
            rendered = _uploaded(data)
            withheld = exempt or appendix.part == Part.TWO
            papers.append(
                Paper(
                    key=f"appendix:{appendix.pk}",
                    label=f"Appendix: {appendix.title}",
                    title=appendix.title,
                    item=item,
                    members=rendered,
                    public=None if withheld else rendered,
                    html_members=_upload_note(appendix.title),
                    html_public=_upload_note(appendix.title),
                    exempt_paragraphs=paragraphs,
                )
            )

    if item.standard == AgendaItem.Standard.WORK_PROGRAMME:
        programme = render.programme_for(meeting)
        if programme is not None:
            html = render.work_programme_html(programme, meeting)
            rendered = html_to_pdf(render.document(html, "Work Programme"))
            papers.append(
                Paper(
                    key=f"work_programme:{programme.pk}",
                    label="Work programme",
                    title="WORK PROGRAMME",
                    item=item,
                    members=rendered,
                    public=None if item_exempt else rendered,
                    html_members=html,
                    html_public=html,
                    exempt_paragraphs=item_paragraphs,
                )
            )
    return papers


def _restricted_notice(paper: Paper) -> str:
    paragraphs = render.paragraphs_text(paper.exempt_paragraphs)
    grounds = f" ({paragraphs})" if paragraphs else ""
    return (
        "Document is Restricted\n"
        f"Agenda item {paper.item.number or paper.item.title}: exempt information under Schedule "
        f"12A to the Local Government Act 1972{grounds}.\n"
        "It is included in the members' version of this agenda pack only."
    )


def _even_up(paper: Paper) -> None:
    """Give both versions the same page count, so both packs share one numbering."""
    if paper.public is None:
        paper.public = notice_pages([_restricted_notice(paper)] * paper.members.pages)
        paper.html_public = render_to_string(
            "publishing/_uploaded_note.html", {"title": paper.item.title, "withheld": True}
        )
        return
    if paper.public is paper.members:
        return
    length = max(paper.members.pages, paper.public.pages)
    paper.members = pad(paper.members, length, BLANK)
    paper.public = pad(paper.public, length, BLANK)


def collect_papers(meeting: Meeting, items: list[AgendaItem] | None = None) -> list[Paper]:
    """Every paper of the pack in agenda order, each rendered once and evened up."""
    papers: list[Paper] = []
    for item in render.top_level_items(meeting) if items is None else items:
        papers += _papers_for_item(item, meeting, False)
        for sub in render.subitems_of(item):
            papers += _papers_for_item(sub, meeting, item.part == Part.TWO)
    for paper in papers:
        _even_up(paper)
    return papers


def place(papers: list[Paper], first_number: int) -> None:
    number = first_number
    for paper in papers:
        paper.start = number
        number += paper.pages


def item_ranges(items: Iterable[AgendaItem], papers: list[Paper]) -> dict[int, tuple[int, int]]:
    """Page range of every item with papers; a parent item's range spans its sub-items'."""
    ranges: dict[int, tuple[int, int]] = {}
    for paper in papers:
        ids = [paper.item.pk]
        if paper.item.parent_id:
            ids.append(paper.item.parent_id)
        for item_id in ids:
            start, end = ranges.get(item_id, (paper.start, paper.end))
            ranges[item_id] = (min(start, paper.start), max(end, paper.end))
    return ranges


# ---------------------------------------------------------------------------------------------
# Packs


@dataclass
class AgendaPack:
    """One audience's pack, ready to store or send."""

    audience: str
    pdf: Rendered
    front_sheet: Rendered
    front_sheet_html: str
    html: str
    manifest: dict
    ranges: dict[int, tuple[int, int]]
    papers: list[Paper]
    front_pages: int

    def sheet_index(self, page_number: int) -> int:
        """The 0-based index in the PDF of printed page ``page_number``."""
        if self.manifest.get("front_sheet_numbered"):
            return page_number - 1
        return self.front_pages + page_number - 1


def _manifest(
    meeting: Meeting,
    audience: str,
    items: list[AgendaItem],
    papers: list[Paper],
    ranges: dict[int, tuple[int, int]],
    numbered_front: bool,
) -> dict:
    def entry(item: AgendaItem) -> dict:
        exempt = item.part == Part.TWO
        own = [p for p in papers if p.item.pk == item.pk]
        return {
            "id": item.pk,
            "number": item.number,
            "title": item.title,
            "part": item.part,
            "pages": list(ranges[item.pk]) if item.pk in ranges else None,
            "papers": [
                {
                    "key": p.key,
                    "label": p.label
                    if audience == MEMBERS or not (exempt or p.public is None)
                    else "Exempt papers",
                    "pages": [p.start, p.end],
                    "sha256": p.version(audience).sha256,
                }
                for p in own
            ],
            "subitems": [entry(s) for s in render.subitems_of(item)],
        }

    return {
        "meeting": meeting.pk,
        "audience": audience,
        "front_sheet_numbered": numbered_front,
        "items": [entry(i) for i in items],
    }


def build_agenda_packs(
    meeting: Meeting,
    *,
    issued_on: dt.date | None = None,
    number_front_sheet: bool | None = None,
    audiences: Iterable[str] = AUDIENCES,
) -> dict[str, AgendaPack]:
    """Build the agenda pack for each audience, rendering every paper only once.

    Does not write to the database: ``publish_agenda`` stores the result.
    """
    audiences = list(audiences)
    if number_front_sheet is None:
        number_front_sheet = meeting.committee.council.number_front_sheet
    issued_on = issued_on or meeting.agenda_published_on or timezone.localdate()
    items = render.top_level_items(meeting)
    papers = collect_papers(meeting, items)
    title = f"{meeting.committee.name}, {render.plain_date(meeting.date)}: agenda pack"

    front_pages = 0
    fronts: dict[str, Rendered] = {}
    front_docs: dict[str, str] = {}
    for _ in range(_MAX_FRONT_SHEET_PASSES):
        first = front_pages + 1 if number_front_sheet else 1
        place(papers, first)
        ranges = item_ranges(items, papers)
        for audience in audiences:
            front_docs[audience] = render.front_sheet_document(
                meeting, audience, ranges=ranges, issued_on=issued_on, items=items
            )
            fronts[audience] = html_to_pdf(front_docs[audience])
        length = max(f.pages for f in fronts.values())
        if not number_front_sheet or length == front_pages:
            break
        front_pages = length
    else:
        raise PublishingError("the front sheet's length would not settle; please report this")
    # Front sheets of both audiences take the same number of pages.
    length = max(f.pages for f in fronts.values())
    fronts = {a: pad(f, length, BLANK) for a, f in fronts.items()}

    packs: dict[str, AgendaPack] = {}
    for audience in audiences:
        manifest = _manifest(meeting, audience, items, papers, ranges, number_front_sheet)
        sections = [
            {
                "html": render.front_sheet_html(
                    meeting, audience, ranges=ranges, issued_on=issued_on, items=items
                ),
                "anchor": "front-sheet",
            }
        ]
        for paper in papers:
            html = paper.html_members if audience == MEMBERS else paper.html_public
            # Fragments rendered by our own autoescaping templates.
            sections.append({"html": mark_safe(html), "anchor": f"page-{paper.start}"})
        html = render_to_string(
            "publishing/pack.html", {"title": title, "sections": sections, "footer": False}
        )
        pieces = [Piece(fronts[audience].pdf, number_front_sheet, "the front sheet")]
        pieces += [Piece(p.version(audience).pdf, True, p.label) for p in papers]
        pdf = assemble(
            pieces,
            first_number=1,
            title=title if audience == PUBLIC else f"{title} (members' version)",
            manifest=manifest,
            attachments={PACK_HTML: html},
        )
        front_pdf = assemble(
            [Piece(fronts[audience].pdf, False, "the front sheet")],
            title=f"{meeting.committee.name}, {render.plain_date(meeting.date)}: agenda",
            manifest=manifest,
            attachments={FRONT_SHEET_HTML: front_docs[audience]},
        )
        packs[audience] = AgendaPack(
            audience=audience,
            pdf=pdf,
            front_sheet=front_pdf,
            front_sheet_html=front_docs[audience],
            html=html,
            manifest=manifest,
            ranges=ranges,
            papers=papers,
            front_pages=length,
        )
    return packs


def build_agenda_pack(meeting: Meeting, audience: str = PUBLIC, **kwargs: Any) -> AgendaPack:
    return build_agenda_packs(meeting, audiences=[audience], **kwargs)[audience]


def front_sheet_document(meeting: Meeting, audience: str = PUBLIC, **kwargs: Any) -> str:
    """The printable front sheet HTML with the ranges stored at the last publication."""
    return render.front_sheet_document(meeting, audience, **kwargs)


def pack_html(meeting: Meeting, audience: str = PUBLIC) -> str:
    """The whole pack as one HTML page (uploaded PDFs are pointed to, not inlined)."""
    return build_agenda_pack(meeting, audience).html


# ---------------------------------------------------------------------------------------------
# What changed


def _flatten(manifest: dict | None) -> dict[int, dict]:
    found: dict[int, dict] = {}

    def walk(entries: list[dict]) -> None:
        for entry in entries:
            found[entry["id"]] = entry
            walk(entry.get("subitems", []))

    walk((manifest or {}).get("items", []))
    return found


def _name(entry: dict) -> str:
    return f"Item {entry['number']}" if entry.get("number") else f"“{entry['title']}”"


def _pages(pages: list[int] | None) -> str:
    if not pages:
        return "no pages"
    return f"page {pages[0]}" if pages[0] == pages[1] else f"pages {pages[0]} - {pages[1]}"


def changed_papers(previous_manifest: dict | None, papers: list[Paper]) -> list[Paper]:
    """The papers that are new, or whose members' version differs from
    ``previous_manifest``'s; none on a first publication, which has nothing to supplement."""
    if previous_manifest is None:
        return []
    before = {
        paper["key"]: paper["sha256"]
        for entry in _flatten(previous_manifest).values()
        for paper in entry.get("papers", [])
    }
    return [p for p in papers if before.get(p.key) != p.members.sha256]


def describe_changes(old: dict | None, new: dict) -> str:
    """A short account of what changed between two versions' manifests, one change a line."""
    if old is None:
        return "First publication."
    before, after = _flatten(old), _flatten(new)
    lines: list[str] = []
    for item_id, entry in after.items():
        was = before.get(item_id)
        name = _name(entry)
        if was is None:
            lines.append(f"{name} added: {entry['title']}")
            continue
        if was["number"] != entry["number"]:
            lines.append(f"{_name(was)} renumbered {entry['number']}: {entry['title']}")
        if was["title"] != entry["title"]:
            lines.append(f"{name} retitled: {entry['title']} (was: {was['title']})")
        if was["part"] != entry["part"]:
            lines.append(f"{name} moved to Part {'Two' if entry['part'] == 2 else 'One'}")
        old_papers = {p["key"]: p for p in was.get("papers", [])}
        new_papers = {p["key"]: p for p in entry.get("papers", [])}
        for key, paper in new_papers.items():
            if key not in old_papers:
                lines.append(f"{name}: {paper['label']} added")
            elif old_papers[key]["sha256"] != paper["sha256"]:
                lines.append(f"{name}: {paper['label']} revised")
        for key, paper in old_papers.items():
            if key not in new_papers:
                lines.append(f"{name}: {paper['label']} withdrawn")
        if was.get("pages") != entry.get("pages"):
            lines.append(
                f"{name} now {_pages(entry.get('pages'))} (was {_pages(was.get('pages'))})"
            )
    for item_id, entry in before.items():
        if item_id not in after:
            lines.append(f"{_name(entry)} withdrawn: {entry['title']}")
    return "\n".join(lines) if lines else "Republished without changes to the agenda or papers."


# ---------------------------------------------------------------------------------------------
# Publishing


def _filename(meeting: Meeting, kind: str, audience: str, version: int) -> str:
    base = slugify(meeting.committee.name)[:60] or "committee"
    return f"{base}-{meeting.date:%Y-%m-%d}-{kind.replace('_', '-')}-{audience}-v{version}.pdf"


def _previous(meeting: Meeting, kind: str, audience: str) -> PublishedDocument | None:
    return (
        PublishedDocument.objects.filter(meeting=meeting, kind=kind, audience=audience)
        .order_by("-version")
        .first()
    )


def _previous_manifest(document: PublishedDocument | None) -> dict | None:
    if document is None or not document.file:
        return None
    try:
        with document.file.open("rb") as handle:
            return read_manifest(handle.read())
    except OSError:
        return None


def _store(
    meeting: Meeting,
    kind: str,
    audience: str,
    version: int,
    rendered: Rendered,
    user: Any,
    changes: str,
) -> PublishedDocument:
    document = PublishedDocument(
        meeting=meeting,
        kind=kind,
        audience=audience,
        version=version,
        page_count=rendered.pages,
        sha256=rendered.sha256,
        published_by=user if getattr(user, "is_authenticated", False) else None,
        changes=changes,
    )
    document.file.save(
        _filename(meeting, kind, audience, version), ContentFile(rendered.pdf), save=False
    )
    document.save()
    return document


def _next_version(meeting: Meeting, kinds: list[str]) -> int:
    latest = PublishedDocument.objects.filter(meeting=meeting, kind__in=kinds).aggregate(
        n=Max("version")
    )["n"]
    return (latest or 0) + 1


_STATUS_ORDER = [
    Meeting.Status.SCHEDULED,
    Meeting.Status.AGENDA_PUBLISHED,
    Meeting.Status.HELD,
    Meeting.Status.MINUTES_DRAFTED,
    Meeting.Status.MINUTES_CONFIRMED,
]


def _advance(meeting: Meeting, status: str) -> None:
    """Move the meeting's status forward to ``status``, never back, never off cancelled."""
    if meeting.status not in _STATUS_ORDER:
        return
    if _STATUS_ORDER.index(status) > _STATUS_ORDER.index(meeting.status):
        meeting.status = status


def publish_agenda(meeting: Meeting, user: Any, changes: str = "") -> list[PublishedDocument]:
    """Publish the agenda: both packs and both front sheets as a new version.

    Earlier versions are kept. ``changes`` says what changed; when blank it is worked out by
    comparing agenda titles, page ranges and papers with the previous version. Papers new or
    changed since that version are also bound into a supplementary agenda
    (:mod:`minutebook.publishing.supplements`). The page
    ranges are written back to the agenda items, and the meeting's status becomes "agenda
    published" (unless it has moved beyond that). Returns the new documents.
    """
    issued_on = timezone.localdate()
    packs = build_agenda_packs(meeting, issued_on=issued_on)
    kinds = [PublishedDocument.Kind.AGENDA_PACK, PublishedDocument.Kind.FRONT_SHEET]
    planned = _next_version(meeting, kinds)
    last = _previous(meeting, PublishedDocument.Kind.AGENDA_PACK, MEMBERS)
    late = changed_papers(_previous_manifest(last), packs[MEMBERS].papers)
    supplement = supplements.build_supplements(meeting, late, planned, issued_on, list(AUDIENCES))
    created: list[PublishedDocument] = []
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        version = _next_version(meeting, kinds)
        if supplement and version != planned:  # its cover names the version
            raise PublishingError("someone else published this agenda meanwhile; try again")
        ranges = packs[MEMBERS].ranges
        for item in AgendaItem.objects.filter(meeting=meeting):
            start, end = ranges.get(item.pk, (None, None))
            if (item.start_page, item.end_page) != (start, end):
                item.start_page, item.end_page = start, end
                item.save(update_fields=["start_page", "end_page"])
        for audience in AUDIENCES:
            pack = packs[audience]
            previous = _previous(meeting, PublishedDocument.Kind.AGENDA_PACK, audience)
            text = changes.strip() or describe_changes(_previous_manifest(previous), pack.manifest)
            created.append(
                _store(
                    meeting,
                    PublishedDocument.Kind.AGENDA_PACK,
                    audience,
                    version,
                    pack.pdf,
                    user,
                    text,
                )
            )
            created.append(
                _store(
                    meeting,
                    PublishedDocument.Kind.FRONT_SHEET,
                    audience,
                    version,
                    pack.front_sheet,
                    user,
                    text,
                )
            )
            if audience in supplement:
                created.append(
                    _store(
                        meeting,
                        PublishedDocument.Kind.SUPPLEMENT,
                        audience,
                        version,
                        supplement[audience],
                        user,
                        text,
                    )
                )
        _advance(meeting, Meeting.Status.AGENDA_PUBLISHED)
        if meeting.agenda_published_on is None:
            meeting.agenda_published_on = issued_on
        meeting.save(update_fields=["status", "agenda_published_on"])
    return created


# ---------------------------------------------------------------------------------------------
# Minutes


def _minutes_manifest(meeting: Meeting, audience: str) -> dict:
    items = []
    rows = MinuteItem.objects.filter(minutes__meeting=meeting).prefetch_related("resolutions")
    for item in rows.order_by("order", "pk"):
        visible = audience == MEMBERS or item.part == Part.ONE
        body = item.narrative + "\n".join(r.text for r in item.resolutions.all())
        items.append(
            {
                "id": item.pk,
                "number": item.number_label,
                "title": item.title,
                "part": item.part,
                "pages": None,
                "papers": [
                    {
                        "key": f"minute:{item.pk}",
                        "label": "minute text",
                        "pages": [0, 0],
                        "sha256": hashlib.sha256(body.encode()).hexdigest() if visible else "",
                    }
                ],
            }
        )
    return {"meeting": meeting.pk, "audience": audience, "items": items}


def build_minutes(meeting: Meeting, audience: str = PUBLIC) -> tuple[Rendered, str]:
    """The minutes of ``meeting`` for ``audience``: (PDF numbered from Page 1, HTML)."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise PublishingError("this meeting has no minutes to publish yet")
    draft = minutes.status == Minutes.Status.DRAFT
    body = render.minutes_html(meeting, audience, draft=draft)
    title = f"Minutes: {meeting.committee.name}, {render.plain_date(meeting.date)}"
    html = render.document(body, title)
    rendered = html_to_pdf(html)
    pdf = assemble(
        [Piece(rendered.pdf, True, "the minutes")],
        title=title,
        manifest=_minutes_manifest(meeting, audience),
        attachments={MINUTES_HTML: html},
    )
    return pdf, html


def publish_minutes(meeting: Meeting, user: Any, changes: str = "") -> list[PublishedDocument]:
    """Publish the minutes (public and members' versions) as a new version of each."""
    built = {audience: build_minutes(meeting, audience) for audience in AUDIENCES}
    created: list[PublishedDocument] = []
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        version = _next_version(meeting, [PublishedDocument.Kind.MINUTES])
        for audience in AUDIENCES:
            pdf, _html = built[audience]
            previous = _previous(meeting, PublishedDocument.Kind.MINUTES, audience)
            text = changes.strip() or describe_changes(
                _previous_manifest(previous), _minutes_manifest(meeting, audience)
            )
            created.append(
                _store(meeting, PublishedDocument.Kind.MINUTES, audience, version, pdf, user, text)
            )
        confirmed = Minutes.objects.get(meeting=meeting).status == Minutes.Status.CONFIRMED
        _advance(
            meeting,
            Meeting.Status.MINUTES_CONFIRMED if confirmed else Meeting.Status.MINUTES_DRAFTED,
        )
        meeting.save(update_fields=["status"])
    return created
