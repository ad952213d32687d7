"""Writing minutes in the clerk's workspace; routed from minutebook.meetings.urls (/manage/)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from minutebook.documents.models import PublishedDocument
from minutebook.meetings.models import Meeting
from minutebook.meetings.services import WorkspaceError
from minutebook.meetings.views import _meeting, clerk_required, managed, meeting_context
from minutebook.minutes import services
from minutebook.minutes.forms import (
    ConfirmMinutesForm,
    MinuteItemForm,
    MoveMinuteForm,
    ReopenMinutesForm,
    StartMinutesForm,
)
from minutebook.minutes.models import MinuteItem, Minutes
from minutebook.wording import long_date


def _item(request: HttpRequest, pk: int) -> MinuteItem:
    rows = MinuteItem.objects.select_related(
        "minutes__meeting__committee__council", "agenda_item__minutes_of"
    )
    return managed(request, rows, "minutes__meeting__committee__council", pk=pk)


def minutes_context(meeting: Meeting, **extra) -> dict:
    minutes = Minutes.objects.filter(meeting=meeting).select_related("confirmed_at").first()
    part_one, part_two = services.minutes_parts(minutes) if minutes else ([], [])
    editable = minutes is not None and minutes.status == Minutes.Status.DRAFT
    for item in part_one + part_two:
        earlier = services.confirmable_minutes(item)
        item.can_confirm = bool(
            earlier is not None and earlier.status == Minutes.Status.DRAFT and editable
        )
        # Confirmed under this minute, and still open to undoing (these minutes are draft).
        item.can_undo = bool(
            earlier is not None
            and earlier.status == Minutes.Status.CONFIRMED
            and earlier.confirmed_at_id == meeting.pk
            and editable
        )
        item.confirms = earlier
    return meeting_context(
        meeting,
        minutes=minutes,
        part_one=part_one,
        part_two=part_two,
        editable=editable,
        minute_count=len(part_one) + len(part_two),
        can_reopen=minutes is not None and not services.reopen_refusal(minutes),
        warning=services.numbering_warning(minutes) if minutes else "",
        **extra,
    )


@clerk_required
def minutes_page(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    context = minutes_context(
        meeting,
        start_form=StartMinutesForm(),
        add_form=MinuteItemForm(meeting=meeting),
    )
    return render(request, "manage/minutes/minutes.html", context)


@clerk_required
@require_POST
def minutes_start(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = StartMinutesForm(request.POST)
    form.is_valid()
    try:
        minutes = services.start_minutes(
            meeting, include_apologies=form.cleaned_data.get("include_apologies", False)
        )
    except WorkspaceError as error:
        messages.error(request, str(error))
    else:
        numbers = [i.number_label for i in minutes.items.order_by("order")]
        if numbers:
            messages.success(
                request, f"Draft minutes started: minutes {numbers[0]} to {numbers[-1]}."
            )
        else:
            messages.success(request, "Draft minutes started.")
    return redirect("manage:minutes", pk=meeting.pk)


@clerk_required
@require_POST
def minute_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    form = MinuteItemForm(request.POST, meeting=meeting)
    if form.is_valid():
        d = form.cleaned_data
        minutes, _ = Minutes.objects.get_or_create(meeting=meeting)
        try:
            item = services.add_item(
                minutes,
                d["title"],
                part=d["part"],
                paragraphs=d["paragraphs"] or [],
                agenda_item=d.get("agenda_item"),
                narrative=d["narrative"],
                resolutions=d["resolutions"],
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Minute {item.number_label} added.")
            return redirect(reverse("manage:minutes", args=[meeting.pk]) + f"#minute-{item.pk}")
    context = minutes_context(meeting, start_form=StartMinutesForm(), add_form=form)
    return render(request, "manage/minutes/minutes.html", context, status=422)


@clerk_required
def minute_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.minutes.meeting
    form = MinuteItemForm(request.POST or None, meeting=meeting, item=item)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.update_item(
                item,
                title=d["title"],
                part=d["part"],
                paragraphs=d["paragraphs"] or [],
                narrative=d["narrative"],
                resolutions=d["resolutions"],
            )
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            message = f"Minute {item.number_label} saved."
            if request.htmx:
                item = _item(request, pk)
                context = minutes_context(meeting, status_message=message)
                fresh = next(
                    i for i in context["part_one"] + context["part_two"] if i.pk == item.pk
                )
                response = render(
                    request,
                    "manage/minutes/_minute.html",
                    {**context, "item": fresh, "focus_pk": item.pk},
                )
                return reswap(retarget(response, f"#minute-{item.pk}"), "outerHTML")
            messages.success(request, message)
            return redirect(reverse("manage:minutes", args=[meeting.pk]) + f"#minute-{item.pk}")
    template = (
        "manage/minutes/_minute_form.html" if request.htmx else "manage/minutes/minute_form.html"
    )
    return render(
        request,
        template,
        meeting_context(meeting, form=form, item=item),
        status=422 if request.method == "POST" else 200,
    )


@clerk_required
@require_POST
def minute_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    meeting = item.minutes.meeting
    label = item.number_label
    try:
        services.remove_item(item)
    except WorkspaceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"Minute {label} removed.")
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("manage:minutes", args=[meeting.pk])
        return response
    return redirect("manage:minutes", pk=meeting.pk)


@clerk_required
def minute_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Resolve, under the "Minutes of the previous meeting" minute, to confirm them."""
    item = _item(request, pk)
    meeting = item.minutes.meeting
    earlier = services.confirmable_minutes(item)
    previous = item.agenda_item.minutes_of if item.agenda_item else None
    default = services.resolutions_as_text(item) or (
        services.confirmation_text(previous, meeting) if previous else ""
    )
    form = ConfirmMinutesForm(request.POST or None, initial={"resolution": default})
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_previous_minutes(item, resolution=form.cleaned_data["resolution"])
        except WorkspaceError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                f"The minutes of the meeting held on {long_date(previous.date)} are confirmed.",
            )
            return redirect(reverse("manage:minutes", args=[meeting.pk]) + f"#minute-{item.pk}")
    return render(
        request,
        "manage/minutes/confirm.html",
        meeting_context(meeting, form=form, item=item, earlier=earlier, previous=previous),
        status=422 if request.method == "POST" else 200,
    )


# --- the order of the minutes -------------------------------------------------------------


def order_context(meeting: Meeting, **extra) -> dict:
    minutes = Minutes.objects.filter(meeting=meeting).first()
    part_one, part_two = services.minutes_parts(minutes) if minutes else ([], [])
    return meeting_context(
        meeting,
        minutes=minutes,
        parts=[
            (label, items)
            for label, items in (("Part One", part_one), ("Part Two", part_two))
            if items
        ],
        editable=minutes is not None and minutes.status == Minutes.Status.DRAFT,
        **extra,
    )


def _order_changed(
    request: HttpRequest, meeting: Meeting, message: str, *, error: bool = False, focus=None
) -> HttpResponse:
    """After a move: the re-rendered list for HTMX, else back to the order page."""
    if request.htmx:
        extra = {"order_error": message} if error else {"status_message": message}
        if focus:
            extra.update(focus_kind=focus[0], focus_pk=focus[1])
        response = render(request, "manage/minutes/_order.html", order_context(meeting, **extra))
        return reswap(retarget(response, "#minutes-order"), "outerHTML")
    (messages.error if error else messages.success)(request, message)
    anchor = f"#order-{focus[1]}" if focus else "#minutes-order"
    return redirect(reverse("manage:minutes_order", args=[meeting.pk]) + anchor)


@clerk_required
def minutes_order(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the order of a meeting's draft minutes, one place up or down at a time.

    GET lists the minutes with "Move up" and "Move down" buttons; each posts ``item`` and
    ``direction`` here. The rules are :func:`minutebook.minutes.services.move_item`'s.
    """
    meeting = _meeting(request, pk)
    if request.method != "POST":
        return render(request, "manage/minutes/order.html", order_context(meeting))
    form = MoveMinuteForm(request.POST, minutes=Minutes.objects.filter(meeting=meeting).first())
    if not form.is_valid():
        return _order_changed(
            request, meeting, "Choose a minute of this meeting to move up or down.", error=True
        )
    item, direction = form.cleaned_data["item"], form.cleaned_data["direction"]
    try:
        moved = services.move_item(item, direction)
    except WorkspaceError as error:
        return _order_changed(request, meeting, str(error), error=True)
    item.refresh_from_db()
    part = "Part Two" if item.is_exempt else "Part One"
    message = (
        f"Moved “{item.title}” {direction}; it is now minute {item.number_label}."
        if moved
        else f"“{item.title}” is already the {'first' if direction == 'up' else 'last'} "
        f"minute in {part}."
    )
    return _order_changed(request, meeting, message, focus=(direction, item.pk))


# --- undoing a confirmation ---------------------------------------------------------------


@clerk_required
def minutes_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo the confirmation of this meeting's minutes, after an "Are you sure?" page.

    The rules are :func:`minutebook.minutes.services.reopen_minutes`'s; a reason is required.
    """
    meeting = _meeting(request, pk)
    minutes = (
        Minutes.objects.filter(meeting=meeting).select_related("confirmed_at", "signed_by").first()
    )
    refusal = services.reopen_refusal(minutes)
    form = ReopenMinutesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if refusal:
            form.add_error(None, refusal)
        else:
            later = minutes.confirmed_at
            try:
                item = services.reopen_minutes(minutes, reason=form.cleaned_data["reason"])
            except WorkspaceError as error:
                form.add_error(None, str(error))
            else:
                message = (
                    f"The confirmation of the minutes of {long_date(meeting.date)} is undone: "
                    "they are draft again and can be changed."
                )
                if item is not None:
                    message += (
                        f" The resolution under minute {item.number_label} of the meeting on "
                        f"{long_date(later.date)} is removed."
                    )
                published = PublishedDocument.objects.filter(
                    meeting__in=[meeting, later], kind=PublishedDocument.Kind.MINUTES
                ).exists()
                if published:
                    message += " Published minutes stay as they are until you publish again."
                messages.success(request, message)
                return redirect("manage:minutes", pk=meeting.pk)
    confirming = services.confirming_item(minutes) if minutes and not refusal else None
    return render(
        request,
        "manage/minutes/reopen.html",
        meeting_context(
            meeting, form=form, minutes=minutes, refusal=refusal, confirming=confirming
        ),
        status=422 if request.method == "POST" else 200,
    )
