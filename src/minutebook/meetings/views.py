"""The clerk's workspace (/manage/): meetings, the agenda builder, attendance, declarations.

Every view is wrapped in :func:`clerk_required`, which asks :func:`minutebook.access.is_clerk`
(the one place that says who is a clerk). Views validate forms and call
:mod:`minutebook.meetings.services`; HTMX requests get the changed fragment back, ordinary
form posts a redirect, so everything works without JavaScript too.
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from minutebook.access import is_clerk, managed_council_ids, managed_q
from minutebook.committees.models import Committee
from minutebook.councils.models import municipal_year_label
from minutebook.meetings import services
from minutebook.meetings.forms import (
    AgendaItemForm,
    AppendixForm,
    AttendanceForm,
    DeclarationForm,
    InAttendanceForm,
    MeetingForm,
    ReportTemplateForm,
    ReportUploadForm,
)
from minutebook.meetings.models import AgendaItem, Attendance, Declaration, Meeting
from minutebook.meetings.services import WorkspaceError
from minutebook.publishing import packs
from minutebook.scrutiny.models import WorkProgrammeItem


def clerk_required(view):
    """Anonymous users go to sign in; signed-in users who are not clerks are refused."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_clerk(request.user):
            raise PermissionDenied("The workspace is for clerks.")
        return view(request, *args, **kwargs)

    wrapper.clerk_required = True
    return wrapper


def managed(request: HttpRequest, rows, council: str, **lookup):
    """The one row matching ``lookup`` among those of councils this clerk runs, else 404.

    ``council`` is the lookup path from the row to its council. A clerk of another council
    gets the same 404 as for a row that does not exist: ids are not secrets, but whether a
    neighbouring council has a meeting is not this clerk's business either.
    """
    queryset = rows.objects.all() if isinstance(rows, type) else rows
    return get_object_or_404(queryset.filter(managed_q(request.user, council)), **lookup)


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    rows = Meeting.objects.select_related("committee__council", "chair")
    return managed(request, rows, "committee__council", pk=pk)


def _agenda_item(request: HttpRequest, pk: int) -> AgendaItem:
    rows = AgendaItem.objects.select_related("meeting__committee__council")
    return managed(request, rows, "meeting__committee__council", pk=pk)


def meeting_context(meeting: Meeting, **extra) -> dict:
    return {
        "meeting": meeting,
        "committee": meeting.committee,
        "date_long": services.full_date(meeting.date),
        **extra,
    }


# --- dashboard and meetings ---------------------------------------------------------------


@clerk_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    committees = Committee.objects.select_related("council").filter(
        managed_q(request.user, "council"), dissolved_on__isnull=True
    )
    committees = list(committees)
    for committee in committees:
        committee.current_year = committee.council.municipal_year_of(today)
        committee.current_year_label = municipal_year_label(committee.current_year)
    meetings = Meeting.objects.filter(managed_q(request.user, "committee__council"))
    upcoming = (
        meetings.filter(date__gte=today)
        .select_related("committee")
        .order_by("date", "start_time")[:50]
    )
    recent = (
        meetings.filter(date__lt=today)
        .select_related("committee", "minutes")
        .order_by("-date", "-start_time")[:50]
    )
    return render(
        request,
        "manage/dashboard.html",
        {
            "committees": committees,
            "upcoming": upcoming,
            "recent": recent,
            "no_council": managed_council_ids(request.user) == frozenset(),
        },
    )


@clerk_required
def meeting_create(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee = managed(
        request, Committee.objects.select_related("council"), "council", pk=committee_id
    )
    form = MeetingForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        meeting = services.create_meeting(
            committee,
            d["date"],
            d["start_time"],
            d["venue"],
            d["webcast_url"],
            is_special=d["is_special"],
        )
        messages.success(request, f"Meeting created for {services.full_date(meeting.date)}.")
        return redirect("manage:meeting", pk=meeting.pk)
    return render(
        request,
        "manage/meeting_form.html",
        {"form": form, "committee": committee, "creating": True},
    )


@clerk_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    initial = {
        "date": meeting.date,
        "start_time": meeting.start_time,
        "venue": meeting.venue,
        "webcast_url": meeting.webcast_url,
        "is_special": meeting.is_special,
    }
    form = MeetingForm(
        request.POST or None, committee=meeting.committee, meeting=meeting, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        services.update_meeting(meeting, **form.cleaned_data)
        messages.success(request, "Meeting details saved.")
        return redirect("manage:meeting", pk=meeting.pk)
    return render(
        request,
        "manage/meeting_form.html",
        meeting_context(meeting, form=form, creating=False),
    )


@clerk_required
@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        services.cancel_meeting(meeting, request.POST.get("reason", "")[:300])
    except WorkspaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"The meeting of {services.full_date(meeting.date)} is cancelled."
        )
    return redirect("manage:meeting_edit", pk=meeting.pk)


@clerk_required
@require_POST
def meeting_reinstate(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        services.reinstate_meeting(meeting)
    except WorkspaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"The meeting of {services.full_date(meeting.date)} is back on.")
    return redirect("manage:meeting_edit", pk=meeting.pk)


# --- the agenda builder -------------------------------------------------------------------


def agenda_context(meeting: Meeting, **extra) -> dict:
    items = services.ordered_agenda(meeting)
    for item in items:
        item.report = next(iter(item.reports.all()), None)
    return meeting_context(
        meeting,
        part_one=[i for i in items if services.section_of(i) < 2],
        part_two=[i for i in items if services.section_of(i) == 2],
        **extra,
    )


def _agenda_changed(
    request: HttpRequest, meeting: Meeting, message: str, focus: tuple[str, int] | None = None
) -> HttpResponse:
    """After a change: the re-rendered agenda for HTMX, else back to the meeting page."""
    if request.htmx:
        response = render(
            request,
            "manage/_agenda.html",
            agenda_context(
                meeting,
                status_message=message,
                focus_kind=focus[0] if focus else "",
                focus_pk=focus[1] if focus else None,
            ),
        )
        return reswap(retarget(response, "#agenda"), "outerHTML")
    messages.success(request, message)
    return redirect(reverse("manage:meeting", args=[meeting.pk]) + "#agenda")


def _agenda_error(request: HttpRequest, meeting: Meeting, error: str) -> HttpResponse:
    if request.htmx:
        response = render(
            request, "manage/_agenda.html", agenda_context(meeting, agenda_error=error)
        )
        return reswap(retarget(response, "#agenda"), "outerHTML")
    messages.error(request, error)
    return redirect(reverse("manage:meeting", args=[meeting.pk]) + "#agenda")


@clerk_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    context = agenda_context(
        meeting,
        add_form=AgendaItemForm(meeting=meeting),
        candidates=services.work_programme_candidates(meeting),
        published=meeting.published_documents.order_by("-published_at")[:10],
    )
    return render(request, "manage/meeting.html", context)


def _item_kwargs(data: dict) -> dict:
    return {
        "part": data["part"],
        "report_of": data.get("report_of", ""),
        "presenter": data.get("presenter"),
        "paragraphs": data.get("paragraphs") or [],
    }


@clerk_required
def item_add(request: HttpRequest, pk: int, parent_id: int | None = None) -> HttpResponse:
    meeting = _meeting(request, pk)
    parent = None
    if parent_id is not None:
        parent = get_object_or_404(AgendaItem, pk=parent_id, meeting=meeting, parent=None)
    form = AgendaItemForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.add_item(
                meeting,
                form.cleaned_data["title"],
                parent=parent,
                **_item_kwargs(form.cleaned_data),
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            label = f"{parent.number}({item.number})" if parent else item.number
            return _agenda_changed(
                request, meeting, f"Added item {label}: {item.title}.", focus=("edit", item.pk)
            )
    template = "manage/_item_form.html" if request.htmx else "manage/item_form.html"
    return render(
        request,
        template,
        meeting_context(meeting, form=form, parent=parent, action="add"),
        status=422 if request.method == "POST" else 200,
    )


@clerk_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    meeting = item.meeting
    form = AgendaItemForm(request.POST or None, meeting=meeting, item=item)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.update_item(item, title=d["title"], **_item_kwargs(d))
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            return _agenda_changed(
                request, meeting, f"Saved item {item.number}.", focus=("edit", item.pk)
            )
    template = "manage/_item_form.html" if request.htmx else "manage/item_form.html"
    return render(
        request,
        template,
        meeting_context(meeting, form=form, item=item, action="edit"),
        status=422 if request.method == "POST" else 200,
    )


@clerk_required
@require_POST
def item_move(request: HttpRequest, pk: int, direction: str) -> HttpResponse:
    item = _agenda_item(request, pk)
    meeting = item.meeting
    try:
        moved = services.move_item(item, direction)
    except WorkspaceError as error:
        return _agenda_error(request, meeting, str(error))
    item.refresh_from_db()
    message = (
        f"Moved “{item.title}” {direction}; it is now item {item.number}."
        if moved
        else f"“{item.title}” is already the {'first' if direction == 'up' else 'last'} it can be."
    )
    return _agenda_changed(request, meeting, message, focus=(direction, item.pk))


@clerk_required
@require_POST
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    meeting = item.meeting
    title = item.title
    try:
        services.remove_item(item)
    except WorkspaceError as error:
        return _agenda_error(request, meeting, str(error))
    return _agenda_changed(request, meeting, f"Removed “{title}”; the agenda is renumbered.")


@clerk_required
@require_POST
def work_programme_pull(request: HttpRequest, pk: int, row_id: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    row = managed(request, WorkProgrammeItem, "programme__committee__council", pk=row_id)
    try:
        item = services.pull_from_work_programme(meeting, row)
    except WorkspaceError as error:
        messages.error(request, str(error))
        return redirect(reverse("manage:meeting", args=[meeting.pk]) + "#work-programme")
    messages.success(request, f"“{item.title}” is now item {item.number}.")
    return redirect(reverse("manage:meeting", args=[meeting.pk]) + f"#item-{item.pk}")


# --- reports ------------------------------------------------------------------------------


@clerk_required
def item_report(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    meeting = item.meeting
    report = services.report_for(item)
    upload_form = ReportUploadForm()
    appendix_form = AppendixForm()
    template_form = ReportTemplateForm(initial=_report_initial(item, report))
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "upload":
        upload_form = ReportUploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            services.attach_report_pdf(item, upload_form.cleaned_data["file"])
            messages.success(request, f"PDF report attached to item {item.number}.")
            return redirect("manage:item_report", pk=item.pk)
    elif action == "write":
        template_form = ReportTemplateForm(request.POST)
        if template_form.is_valid():
            d = template_form.cleaned_data
            services.write_report(
                item,
                recommendations=d["recommendations"].splitlines(),
                contact=services.ContactDetails(
                    d["contact_name"],
                    d["contact_job_title"],
                    d["contact_phone"],
                    d["contact_email"],
                ),
                **{f: d[f] for f in services.TEMPLATE_FIELDS},
            )
            messages.success(request, f"Report saved for item {item.number}.")
            return redirect("manage:item_report", pk=item.pk)
    elif action == "appendix":
        appendix_form = AppendixForm(request.POST, request.FILES)
        if appendix_form.is_valid():
            d = appendix_form.cleaned_data
            services.add_appendix(item, d["appendix_title"], d["appendix_file"], d["appendix_part"])
            messages.success(request, "Appendix added.")
            return redirect("manage:item_report", pk=item.pk)
    errors = request.method == "POST"
    return render(
        request,
        "manage/report.html",
        meeting_context(
            meeting,
            item=item,
            report=report,
            upload_form=upload_form,
            template_form=template_form,
            appendix_form=appendix_form,
        ),
        status=422 if errors else 200,
    )


def _report_initial(item: AgendaItem, report) -> dict:
    if report is None:
        return {"title": item.title, "report_of": item.report_of}
    initial = {f: getattr(report, f) for f in services.TEMPLATE_FIELDS}
    initial["recommendations"] = "\n".join(r.text for r in report.recommendations.all())
    contact = report.contact_officers.first()
    if contact is not None:
        initial.update(
            contact_name=contact.name,
            contact_job_title=contact.job_title,
            contact_phone=contact.phone,
            contact_email=contact.email,
        )
    return initial


# --- attendance and declarations ----------------------------------------------------------


@clerk_required
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    seats = services.membership_for(meeting)
    form = AttendanceForm(request.POST or None, meeting=meeting, seats=seats)
    also_form = InAttendanceForm(meeting=meeting)
    if request.method == "POST" and request.POST.get("action") == "also":
        also_form = InAttendanceForm(request.POST, meeting=meeting)
        form = AttendanceForm(meeting=meeting, seats=seats)
        if also_form.is_valid():
            try:
                services.add_in_attendance(
                    meeting, also_form.cleaned_data["person"], also_form.cleaned_data["role"]
                )
            except WorkspaceError as error:
                also_form.add_error("person", str(error))
            else:
                messages.success(request, "Added to “also in attendance”.")
                return redirect("manage:attendance", pk=meeting.pk)
    elif request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        entries = [
            services.AttendanceEntry(
                person=seat.person,
                status=d[f"status_{seat.person.pk}"],
                role=seat.role_title,
                substitute=d.get(f"substitute_{seat.person.pk}"),
            )
            for seat in seats
        ]
        chair = next((s.person for s in seats if str(s.person.pk) == d.get("chair")), None)
        try:
            services.record_attendance(meeting, entries, chair=chair)
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Attendance saved.")
            return redirect("manage:attendance", pk=meeting.pk)
    also = meeting.attendances.filter(status=Attendance.Status.IN_ATTENDANCE).select_related(
        "person"
    )
    return render(
        request,
        "manage/attendance.html",
        meeting_context(meeting, form=form, also_form=also_form, also=also, seats=seats),
        status=422 if request.method == "POST" else 200,
    )


@clerk_required
@require_POST
def attendance_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = managed(
        request,
        Attendance,
        "meeting__committee__council",
        pk=pk,
        status=Attendance.Status.IN_ATTENDANCE,
    )
    meeting_id = row.meeting_id
    row.delete()
    messages.success(request, f"Removed {row.person.name} from “also in attendance”.")
    return redirect("manage:attendance", pk=meeting_id)


def _declarations_context(meeting: Meeting, form: DeclarationForm, **extra) -> dict:
    rows = meeting.declarations.select_related("person", "agenda_item__parent")
    return meeting_context(meeting, form=form, declarations=rows, **extra)


@clerk_required
def declarations(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    people = services.people_at(meeting)
    form = DeclarationForm(request.POST or None, meeting=meeting, people=people)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.add_declaration(
                meeting,
                d["person"],
                d["description"],
                agenda_item=d["agenda_item"],
                nature=d["nature"],
                left_the_room=d["left_the_room"],
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            message = f"Declaration by {d['person'].name} recorded."
            if request.htmx:
                fresh = DeclarationForm(meeting=meeting, people=people)
                return render(
                    request,
                    "manage/_declarations.html",
                    _declarations_context(meeting, fresh, status_message=message),
                )
            messages.success(request, message)
            return redirect("manage:declarations", pk=meeting.pk)
    template = "manage/_declarations.html" if request.htmx else "manage/declarations.html"
    return render(
        request,
        template,
        _declarations_context(meeting, form),
        status=422 if request.method == "POST" else 200,
    )


@clerk_required
@require_POST
def declaration_delete(request: HttpRequest, pk: int) -> HttpResponse:
    row = managed(request, Declaration, "meeting__committee__council", pk=pk)
    meeting = row.meeting
    row.delete()
    message = f"Removed the declaration by {row.person.name}."
    if request.htmx:
        form = DeclarationForm(meeting=meeting, people=services.people_at(meeting))
        return render(
            request,
            "manage/_declarations.html",
            _declarations_context(meeting, form, status_message=message),
        )
    messages.success(request, message)
    return redirect("manage:declarations", pk=meeting.pk)


# --- publishing ---------------------------------------------------------------------------


# What a publish can fail with; each message is written for the clerk.
PUBLISH_ERRORS = (WorkspaceError, ValidationError, ValueError, packs.PublishingError)


@clerk_required
@require_POST
def publish_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        documents = packs.publish_agenda(
            meeting, request.user, changes=request.POST.get("changes", "")
        )
    except PUBLISH_ERRORS as error:
        messages.error(request, f"The agenda was not published: {error}")
    else:
        version = max((d.version for d in documents), default=None)
        supplement = any(d.kind == d.Kind.SUPPLEMENT for d in documents)
        messages.success(
            request,
            f"Agenda pack published{f' (version {version})' if version else ''}"
            f"{', with a supplementary agenda of the new and revised papers' if supplement else ''}.",
        )
    return redirect(reverse("manage:meeting", args=[meeting.pk]) + "#publish")


@clerk_required
@require_POST
def publish_minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        packs.publish_minutes(meeting, request.user)
    except PUBLISH_ERRORS as error:
        messages.error(request, f"The minutes were not published: {error}")
    else:
        messages.success(request, "Minutes published.")
    return redirect("manage:minutes", pk=meeting.pk)
