"""The clerk's membership page (/manage/committees/<id>/membership/<year>/): after the
annual meeting, record who sits on the committee this year, as chair, vice-chair or member."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from minutebook.committees import services
from minutebook.committees.forms import SeatForm
from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import municipal_year_label
from minutebook.meetings.views import clerk_required, managed


def _committee(request: HttpRequest, committee_id: int) -> Committee:
    rows = Committee.objects.select_related("council")
    return managed(request, rows, "council", pk=committee_id)


@clerk_required
def membership(request: HttpRequest, committee_id: int, year: int) -> HttpResponse:
    committee = _committee(request, committee_id)
    form = SeatForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            seat = services.add_seat(committee, year, d["person"], d["role"], d["role_title"])
        except services.MembershipError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{seat.person.name} added to {municipal_year_label(year)}.")
            return redirect("manage:membership", committee_id=committee.pk, year=year)
    current = committee.council.municipal_year_of(timezone.localdate())
    context = {
        "committee": committee,
        "year": year,
        "label": municipal_year_label(year),
        "previous_label": municipal_year_label(year - 1),
        "next_label": municipal_year_label(year + 1),
        "current": current,
        "seats": services.seats(committee, year),
        "previous_has_seats": services.seats(committee, year - 1).exists(),
        "form": form,
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "manage/committees/membership.html", context, status=status)


@clerk_required
@require_POST
def membership_copy(request: HttpRequest, committee_id: int, year: int) -> HttpResponse:
    committee = _committee(request, committee_id)
    try:
        copied = services.copy_membership(committee, year - 1, year)
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            f"{len(copied)} seats copied from {municipal_year_label(year - 1)}: "
            "now record what the annual meeting changed.",
        )
    return redirect("manage:membership", committee_id=committee.pk, year=year)


@clerk_required
@require_POST
def seat_delete(request: HttpRequest, pk: int) -> HttpResponse:
    seat = managed(
        request, Membership.objects.select_related("person"), "committee__council", pk=pk
    )
    seat.delete()
    messages.success(
        request, f"{seat.person.name} removed from {municipal_year_label(seat.municipal_year)}."
    )
    return redirect("manage:membership", committee_id=seat.committee_id, year=seat.municipal_year)
