"""Published papers: PDF downloads of every version, and the HTML front sheet, pack and minutes.

The public version of anything published is for anyone. The members' version (with Part Two
papers) only for those :func:`minutebook.access.can_see_exempt` allows for the committee and
municipal year of the meeting; anyone else signed in is refused, and an anonymous visitor is
sent to sign in.
"""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from minutebook import access
from minutebook.documents.models import PublishedDocument
from minutebook.meetings.models import Meeting
from minutebook.meetings.views import clerk_required
from minutebook.publishing import packs
from minutebook.publishing.pdf import read_attachment
from minutebook.publishing.render import AUDIENCES, MEMBERS, PUBLIC

KIND_SLUGS = {
    "agenda-pack": PublishedDocument.Kind.AGENDA_PACK,
    "front-sheet": PublishedDocument.Kind.FRONT_SHEET,
    "supplement": PublishedDocument.Kind.SUPPLEMENT,
    "minutes": PublishedDocument.Kind.MINUTES,
}


def may_read(user, meeting: Meeting, audience: str) -> bool:
    """May ``user`` read ``audience``'s version of this meeting's papers?"""
    if audience == PUBLIC:
        return True
    return access.can_see_exempt(user, meeting.committee, meeting.municipal_year)


def _meeting(meeting_id: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("committee__council"), pk=meeting_id)


def _check(request: HttpRequest, meeting: Meeting, audience: str) -> HttpResponse | None:
    """None when allowed; a sign-in redirect for anonymous visitors; else PermissionDenied."""
    if audience not in AUDIENCES:
        raise Http404("no such audience")
    if may_read(request.user, meeting, audience):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied("The members' version of these papers includes exempt information.")


def _private(response: HttpResponse, audience: str) -> HttpResponse:
    if audience == MEMBERS:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _published(
    meeting: Meeting, kind: str, audience: str, version: int | None = None
) -> PublishedDocument:
    found = PublishedDocument.objects.filter(meeting=meeting, kind=kind, audience=audience)
    if version is not None:
        found = found.filter(version=version)
    document = found.order_by("-version").first()
    if document is None or not document.file:
        raise Http404("not published")
    return document


@require_safe
def document_pdf(
    request: HttpRequest, meeting_id: int, kind: str, audience: str, version: int | None = None
) -> HttpResponse:
    """The PDF of the latest (or the given) version of a published document."""
    if kind not in KIND_SLUGS:
        raise Http404("no such document")
    meeting = _meeting(meeting_id)
    refused = _check(request, meeting, audience)
    if refused is not None:
        return refused
    document = _published(meeting, KIND_SLUGS[kind], audience, version)
    try:
        handle = document.file.open("rb")
    except OSError as exc:
        raise Http404("the published file is missing") from exc
    name = document.file.name.rsplit("/", 1)[-1]
    response = FileResponse(handle, content_type="application/pdf", filename=name)
    response["X-Minutebook-Version"] = str(document.version)
    return _private(response, audience)


def _html_audience(request: HttpRequest, meeting: Meeting) -> str:
    asked = request.GET.get("audience")
    if asked in AUDIENCES:
        return asked
    return MEMBERS if may_read(request.user, meeting, MEMBERS) else PUBLIC


def _published_html(
    request: HttpRequest, meeting_id: int, kind: str, attachment: str
) -> HttpResponse:
    meeting = _meeting(meeting_id)
    audience = _html_audience(request, meeting)
    refused = _check(request, meeting, audience)
    if refused is not None:
        return refused
    version = request.GET.get("version")
    document = _published(
        meeting, kind, audience, int(version) if version and version.isdigit() else None
    )
    with document.file.open("rb") as handle:
        html = read_attachment(handle.read(), attachment)
    if html is None:
        raise Http404("this version has no HTML")
    return _private(HttpResponse(html, content_type="text/html; charset=utf-8"), audience)


@require_safe
def front_sheet(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The published front sheet as HTML; clerks see a live preview before publication."""
    meeting = _meeting(meeting_id)
    published = PublishedDocument.objects.filter(
        meeting=meeting, kind=PublishedDocument.Kind.FRONT_SHEET
    ).exists()
    if not published and access.manages(request.user, meeting.committee.council_id):
        html = packs.front_sheet_document(meeting, _html_audience(request, meeting))
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        return _private(response, MEMBERS)
    return _published_html(
        request, meeting_id, PublishedDocument.Kind.FRONT_SHEET, packs.FRONT_SHEET_HTML
    )


@require_safe
def pack(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The published agenda pack as one HTML page."""
    return _published_html(request, meeting_id, PublishedDocument.Kind.AGENDA_PACK, packs.PACK_HTML)


@require_safe
def minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The published minutes as HTML."""
    return _published_html(request, meeting_id, PublishedDocument.Kind.MINUTES, packs.MINUTES_HTML)


@require_safe
@clerk_required
def preview_pdf(request: HttpRequest, meeting_id: int, audience: str) -> HttpResponse:
    """A clerk's preview of the pack as it would be published now (nothing is stored)."""
    meeting = _meeting(meeting_id)
    if not access.manages(request.user, meeting.committee.council_id):
        raise Http404("no such meeting")
    if audience not in AUDIENCES:
        raise Http404("no such audience")
    try:
        built = packs.build_agenda_pack(meeting, audience)
    except packs.PublishingError as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    response = HttpResponse(built.pdf.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="preview-{audience}.pdf"'
    return _private(response, MEMBERS)


@require_safe
def versions(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """Every published version of this meeting's papers the visitor may read, newest first."""
    meeting = _meeting(meeting_id)
    readable = [a for a in AUDIENCES if may_read(request.user, meeting, a)]
    documents = PublishedDocument.objects.filter(meeting=meeting, audience__in=readable).order_by(
        "kind", "-version", "audience"
    )
    slugs = {kind: slug for slug, kind in KIND_SLUGS.items()}
    rows = [{"doc": d, "slug": slugs[d.kind]} for d in documents]
    response = render(request, "publishing/versions.html", {"meeting": meeting, "rows": rows})
    return _private(response, MEMBERS if MEMBERS in readable else PUBLIC)
