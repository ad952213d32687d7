"""Public pages. What a viewer may read of Part Two business is decided in minutebook.access.

Every page is rendered per viewer (a member or clerk sees exempt text the public does not),
so nothing here may be cached without varying on the session.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from minutebook.portal import queries
from minutebook.portal.forms import DecisionFilterForm
from minutebook.portal.templatetags.portal import committee_url, person_url

DECISIONS_PER_PAGE = 20


def home(request: HttpRequest) -> HttpResponse:
    """Next meetings, latest decisions and the committees."""
    today = timezone.localdate()
    current, former = queries.committees_for_home(today)
    context = {
        "upcoming": queries.upcoming_meetings(today),
        "decisions": queries.decisions(request.user)[:8],
        "committees": current,
        "former_committees": former,
    }
    return render(request, "portal/home.html", context)


def committee(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """A committee: remit, lineage, membership and meetings by municipal year."""
    page = queries.committee_page(pk, timezone.localdate())
    if slug != (page.committee.slug or "-"):
        return redirect(committee_url(page.committee), permanent=True)
    return render(request, "portal/committee.html", {"page": page, "committee": page.committee})


def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting: agenda, reports, attendance, declarations and minutes."""
    page = queries.meeting_page(request.user, pk)
    return render(request, "portal/meeting.html", {"page": page, "meeting": page.meeting})


def person(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """A person: seats over time, attendance rates and declarations of interest."""
    page = queries.person_page(pk, request.user)
    if slug != (page.person.slug or "-"):
        return redirect(person_url(page.person), permanent=True)
    return render(request, "portal/person.html", {"page": page, "person": page.person})


def decisions(request: HttpRequest) -> HttpResponse:
    """Every resolution, filterable by committee and meeting date, 20 minute items a page."""
    form = DecisionFilterForm(request.GET or None)
    items = queries.decisions(request.user)
    if form.is_bound and form.is_valid():
        items = queries.filter_decisions(
            items,
            committee=form.cleaned_data["committee"],
            date_from=form.cleaned_data["date_from"],
            date_to=form.cleaned_data["date_to"],
            topic=form.cleaned_data["topic"],
        )
    paginator = Paginator(items, DECISIONS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page_obj": page_obj,
        "items": page_obj.object_list,
        "query": query.urlencode(),
    }
    return render(request, "portal/decisions.html", context)
