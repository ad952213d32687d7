"""The only way to an uploaded paper: every request asks minutebook.access first.

Files live in private storage (see storage.py), so there is no URL to guess. Refusals are
404s, not 403s, so that the existence of an exempt paper is not confirmed either.
"""

from __future__ import annotations

import mimetypes
from pathlib import PurePath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from minutebook import access
from minutebook.documents.models import PublishedDocument, SourceDocument
from minutebook.meetings.models import Meeting, Part
from minutebook.reports.models import Appendix, Report


def _serve(file: FieldFile, download_name: str) -> FileResponse:
    if not file:
        raise Http404("No file")
    content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    response = FileResponse(file.open("rb"), content_type=content_type, filename=download_name)
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _require(request: HttpRequest, exempt: bool, meeting: Meeting | None) -> None:
    if not exempt:
        return
    if meeting is None:
        allowed = access.manages(request.user, None)  # no meeting, no council: superusers
    else:
        allowed = access.can_see_exempt(request.user, meeting.committee, meeting.municipal_year)
    if not allowed:
        raise Http404("No file")


def _report_is_exempt(report: Report) -> bool:
    return report.part == Part.TWO or bool(
        report.agenda_item and report.agenda_item.part == Part.TWO
    )


def report_file(request: HttpRequest, pk: int) -> FileResponse:
    report = get_object_or_404(
        Report.objects.select_related("meeting__committee", "agenda_item"), pk=pk
    )
    _require(request, _report_is_exempt(report), report.meeting)
    return _serve(report.file, PurePath(report.file.name).name)


def appendix_file(request: HttpRequest, pk: int) -> FileResponse:
    appendix = get_object_or_404(
        Appendix.objects.select_related("report__meeting__committee", "report__agenda_item"), pk=pk
    )
    exempt = appendix.part == Part.TWO or _report_is_exempt(appendix.report)
    _require(request, exempt, appendix.report.meeting)
    return _serve(appendix.file, PurePath(appendix.file.name).name)


def published_file(request: HttpRequest, pk: int) -> FileResponse:
    doc = get_object_or_404(PublishedDocument.objects.select_related("meeting__committee"), pk=pk)
    _require(request, doc.audience != PublishedDocument.Audience.PUBLIC, doc.meeting)
    return _serve(doc.file, PurePath(doc.file.name).name)


def source_file(request: HttpRequest, pk: int) -> FileResponse:
    """Imported documents may be members' packs: clerks of the councils whose meetings the
    document records (a document that made no meeting: superusers only)."""
    doc = get_object_or_404(SourceDocument, pk=pk)
    councils = set(doc.meetings.values_list("committee__council_id", flat=True))
    if not all(access.manages(request.user, c) for c in councils or {None}):
        raise Http404("No file")
    return _serve(doc.file, doc.original_name)
