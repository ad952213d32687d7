"""Scrutiny pages: work programmes and the recommendations tracker, public and for clerks.

Public pages read through :mod:`minutebook.scrutiny.services`, which applies the exempt
rules of :mod:`minutebook.access`. Clerk pages are wrapped in the workspace's
``clerk_required`` (anonymous users sign in, others are refused); tests/scrutiny walks
this app's URL patterns to prove every one that is not listed as public refuses them.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from minutebook.access import is_clerk, managed_q
from minutebook.committees.models import Committee
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.views import clerk_required, managed
from minutebook.scrutiny import services
from minutebook.scrutiny.forms import (
    ProgressForm,
    RecommendationForm,
    ResponseForm,
    TrackerFilterForm,
    WorkProgrammeItemForm,
)
from minutebook.scrutiny.models import (
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
)
from minutebook.scrutiny.services import ScrutinyError

RECOMMENDATIONS_PER_PAGE = 25


def _committee(pk: int) -> Committee:
    return get_object_or_404(Committee.objects.select_related("council"), pk=pk)


def _managed_committee(request: HttpRequest, pk: int) -> Committee:
    return managed(request, Committee.objects.select_related("council"), "council", pk=pk)


def _managed_programme(request: HttpRequest, pk: int) -> WorkProgramme:
    rows = WorkProgramme.objects.select_related("committee__council")
    return managed(request, rows, "committee__council", pk=pk)


# --- public: the work programme ------------------------------------------------------------


def work_programme_current(request: HttpRequest, pk: int) -> HttpResponse:
    """This municipal year's programme (a page saying there is none yet, with the others)."""
    committee = _committee(pk)
    year = services.current_year(committee, timezone.localdate())
    return _work_programme_page(request, committee, year, missing_status=200)


def work_programme(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    """A committee's work programme for one municipal year, as the council's tables."""
    return _work_programme_page(request, _committee(pk), year, missing_status=404)


def _work_programme_page(
    request: HttpRequest, committee: Committee, year: int, missing_status: int
) -> HttpResponse:
    programme = WorkProgramme.objects.filter(committee=committee, municipal_year=year).first()
    years = services.programme_years(committee)
    context = {
        "committee": committee,
        "year": year,
        "year_label": municipal_year_label(year),
        "programme": programme,
        "sections": services.programme_sections(programme, request.user) if programme else [],
        "years": years,
        "is_current": year == services.current_year(committee, timezone.localdate()),
        "can_manage": is_clerk(request.user),
    }
    status = 200 if programme is not None else missing_status
    return render(request, "scrutiny/work_programme.html", context, status=status)


# --- public: the recommendations tracker ---------------------------------------------------


def recommendations(request: HttpRequest) -> HttpResponse:
    """Every recommendation the viewer may read, with response and progress; filterable."""
    today = timezone.localdate()
    form = TrackerFilterForm(request.GET or None)
    filters = {}
    if form.is_bound and form.is_valid():
        filters = {
            "committee": form.cleaned_data["committee"],
            "status": form.cleaned_data["status"],
            "decision": form.cleaned_data["decision"],
        }
    qs = services.tracker(request.user, today, **filters)
    page_obj = Paginator(qs, RECOMMENDATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "recommendations": [_decorate(r) for r in page_obj.object_list],
        "query": query.urlencode(),
        "filtered": any(filters.values()),
        "today": today,
        "can_manage": is_clerk(request.user),
    }
    return render(request, "scrutiny/recommendations.html", context)


def overdue(request: HttpRequest) -> HttpResponse:
    """Responses past their due date, and accepted actions past their deadline."""
    today = timezone.localdate()
    form = TrackerFilterForm(request.GET or None)
    committee = form.cleaned_data["committee"] if form.is_bound and form.is_valid() else None
    responses, actions = services.overdue(request.user, today, committee)
    context = {
        "form": form,
        "committee": committee,
        "responses": [_decorate(r) for r in responses],
        "actions": [_decorate(r) for r in actions],
        "today": today,
        "can_manage": is_clerk(request.user),
    }
    return render(request, "scrutiny/overdue.html", context)


def recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    rec = services.tracker(request.user, today).filter(pk=pk).first()
    if rec is None:
        raise Http404("No such recommendation.")
    context = {"rec": _decorate(rec), "today": today, "can_manage": is_clerk(request.user)}
    return render(request, "scrutiny/recommendation.html", context)


def _decorate(rec: Recommendation) -> Recommendation:
    rec.status_label = services.TrackerStatus.labels[rec.tracker_status]
    rec.source_meeting = services.source_meeting(rec)
    rec.shown_response = getattr(rec, "response", None) if _has_response(rec) else None
    return rec


def _has_response(rec: Recommendation) -> bool:
    try:
        rec.response  # noqa: B018 - the reverse one-to-one raises when there is none
    except Recommendation.response.RelatedObjectDoesNotExist:
        return False
    return True


# --- clerk: work programmes ----------------------------------------------------------------


@clerk_required
def manage_index(request: HttpRequest) -> HttpResponse:
    """Committees with their work programmes, and where to record recommendations."""
    today = timezone.localdate()
    committees = (
        Committee.objects.filter(managed_q(request.user, "council"))
        .select_related("council")
        .prefetch_related("work_programmes")
    )
    rows = [
        {
            "committee": c,
            "current_year": services.current_year(c, today),
            "years": sorted((p.municipal_year for p in c.work_programmes.all()), reverse=True),
        }
        for c in committees
    ]
    responses, actions = services.overdue(request.user, today)
    context = {
        "rows": rows,
        "overdue_responses": responses.count(),
        "overdue_actions": actions.count(),
    }
    return render(request, "scrutiny/manage/index.html", context)


@clerk_required
def manage_programme(request: HttpRequest, committee_id: int, year: int) -> HttpResponse:
    """The clerk's view of one programme; POST creates it if the year has none yet."""
    committee = _managed_committee(request, committee_id)
    programme = WorkProgramme.objects.filter(committee=committee, municipal_year=year).first()
    if request.method == "POST":
        programme = services.get_or_create_programme(committee, year)
        messages.success(request, f"{programme.title} created.")
        return redirect(_manage_url(programme))
    context = {
        "committee": committee,
        "year": year,
        "year_label": municipal_year_label(year),
        "programme": programme,
        "sections": services.programme_sections(programme, request.user) if programme else [],
        "outstanding": services.outstanding_items(programme) if programme else [],
    }
    return render(request, "scrutiny/manage/programme.html", context)


def _manage_url(programme: WorkProgramme) -> str:
    return reverse(
        "scrutiny:manage_programme",
        kwargs={"committee_id": programme.committee_id, "year": programme.municipal_year},
    )


def _item_form_page(
    request: HttpRequest, programme: WorkProgramme, row: WorkProgrammeItem | None
) -> HttpResponse:
    initial = {}
    if row is not None:
        leads = list(row.leads.all())
        initial = {
            "topic": row.topic,
            "method": row.method,
            "planned_meeting": row.planned_meeting_id,
            "date_text": row.date_text,
            "background": row.background,
            "outcome": row.outcome,
            "status": row.status,
            "cabinet_members": [lead.person_id for lead in leads if lead.role == "cabinet_member"],
            "officers": [lead.person_id for lead in leads if lead.role == "officer"],
        }
    form = WorkProgrammeItemForm(
        request.POST or None, initial=initial, programme=programme, row=row
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                saved = services.save_item(
                    programme,
                    row=row,
                    topic=d["topic"],
                    method=d["method"],
                    planned_meeting=d["planned_meeting"],
                    date_text=d["date_text"],
                    background=d["background"],
                    outcome=d["outcome"],
                    status=d.get("status") or None,
                    cabinet_members=list(d["cabinet_members"]),
                    officers=list(d["officers"]),
                )
            except ScrutinyError as error:
                form.add_error(None, str(error))
            else:
                verb = "changed" if row else "added"
                messages.success(request, f"“{saved.topic[:80]}” {verb}.")
                return redirect(_manage_url(programme))
        status = 422
    context = {
        "form": form,
        "programme": programme,
        "committee": programme.committee,
        "year_label": municipal_year_label(programme.municipal_year),
        "row": row,
    }
    return render(request, "scrutiny/manage/item_form.html", context, status=status)


@clerk_required
def item_add(request: HttpRequest, programme_id: int) -> HttpResponse:
    programme = _managed_programme(request, programme_id)
    return _item_form_page(request, programme, None)


@clerk_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rows = WorkProgrammeItem.objects.select_related("programme__committee", "agenda_item__meeting")
    row = managed(request, rows, "programme__committee__council", pk=pk)
    return _item_form_page(request, row.programme, row)


@clerk_required
def item_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm; POST removes the row."""
    rows = WorkProgrammeItem.objects.select_related("programme__committee")
    row = managed(request, rows, "programme__committee__council", pk=pk)
    programme = row.programme
    error = ""
    if request.method == "POST":
        try:
            services.remove_item(row)
        except ScrutinyError as e:
            error = str(e)
        else:
            messages.success(request, f"“{row.topic[:80]}” removed from the work programme.")
            return redirect(_manage_url(programme))
    context = {"row": row, "programme": programme, "committee": programme.committee, "error": error}
    return render(
        request, "scrutiny/manage/item_delete.html", context, status=422 if error else 200
    )


@clerk_required
def carry_forward(request: HttpRequest, programme_id: int) -> HttpResponse:
    """GET lists what would move to next year's programme; POST moves it."""
    programme = _managed_programme(request, programme_id)
    if request.method == "POST":
        result = services.carry_forward(programme)
        moved = len(result.created)
        messages.success(
            request,
            f"{moved} item{'s' if moved != 1 else ''} carried forward to {result.programme.title}"
            + (f"; {len(result.already)} were there already." if result.already else "."),
        )
        return redirect(_manage_url(result.programme))
    next_year = programme.municipal_year + 1
    context = {
        "programme": programme,
        "committee": programme.committee,
        "year_label": municipal_year_label(programme.municipal_year),
        "next_title": services.programme_title(next_year),
        "outstanding": services.outstanding_items(programme),
    }
    return render(request, "scrutiny/manage/carry_forward.html", context)


# --- clerk: recommendations ----------------------------------------------------------------


def _rec(request: HttpRequest, pk: int) -> Recommendation:
    rows = Recommendation.objects.select_related("committee__council", "addressed_to")
    return managed(request, rows, "committee__council", pk=pk)


def _rec_url(rec: Recommendation) -> str:
    return reverse("scrutiny:recommendation", kwargs={"pk": rec.pk})


def _recommendation_form_page(
    request: HttpRequest, committee: Committee, rec: Recommendation | None
) -> HttpResponse:
    initial = {}
    if rec is not None:
        initial = {
            "minute_item": rec.minute_item_id,
            "report": rec.report_id,
            "number": rec.number,
            "text": rec.text,
            "made_on": rec.made_on,
            "addressed_to": rec.addressed_to_id,
            "addressed_to_role": rec.addressed_to_role,
            "response_due": rec.response_due,
        }
    form = RecommendationForm(request.POST or None, initial=initial, committee=committee)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = services.record_recommendation(
                    committee, recommendation=rec, **form.cleaned_data
                )
            except ScrutinyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Recommendation recorded.")
                return redirect(_rec_url(saved))
        status = 422
    context = {"form": form, "committee": committee, "rec": rec}
    return render(request, "scrutiny/manage/recommendation_form.html", context, status=status)


@clerk_required
def recommendation_add(request: HttpRequest, committee_id: int) -> HttpResponse:
    return _recommendation_form_page(request, _managed_committee(request, committee_id), None)


@clerk_required
def recommendation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _rec(request, pk)
    return _recommendation_form_page(request, rec.committee, rec)


@clerk_required
def recommendation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _rec(request, pk)
    if request.method == "POST":
        services.delete_recommendation(rec)
        messages.success(request, "Recommendation removed.")
        return redirect("scrutiny:recommendations")
    return render(request, "scrutiny/manage/recommendation_delete.html", {"rec": rec})


@clerk_required
def response_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record (or correct) the executive response to a recommendation."""
    rec = _rec(request, pk)
    response = rec.response if _has_response(rec) else None
    initial = {"responder": rec.addressed_to_id}
    if response is not None:
        initial = {
            "decision": response.decision,
            "reasons": response.reasons,
            "responded_on": response.responded_on,
            "responder": response.responder_id,
            "action_deadline": response.action_deadline,
        }
    form = ResponseForm(request.POST or None, initial=initial, committee=rec.committee)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_response(rec, **form.cleaned_data)
            except ValidationError as error:
                for name, problems in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, problems)
            else:
                messages.success(request, "Executive response recorded.")
                return redirect(_rec_url(rec))
        status = 422
    context = {"form": form, "rec": rec, "response": response}
    return render(request, "scrutiny/manage/response_form.html", context, status=status)


@clerk_required
def progress_add(request: HttpRequest, pk: int) -> HttpResponse:
    rec = _rec(request, pk)
    form = ProgressForm(request.POST or None, committee=rec.committee)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_progress(rec, **form.cleaned_data)
            except ScrutinyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Progress update recorded.")
                return redirect(_rec_url(rec))
        status = 422
    context = {"form": form, "rec": rec}
    return render(request, "scrutiny/manage/progress_form.html", context, status=status)


@clerk_required
@require_POST
def progress_delete(request: HttpRequest, pk: int) -> HttpResponse:
    update = managed(request, ProgressUpdate, "recommendation__committee__council", pk=pk)
    rec = update.recommendation
    update.delete()
    messages.success(request, "Progress update removed.")
    return redirect(_rec_url(rec))
