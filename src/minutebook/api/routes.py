"""The API's endpoints: thin functions that filter querysets and hand rows to the serialisers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from pydantic import field_validator

from minutebook.api import ocd, popolo, schemas
from minutebook.api.identifiers import event_id
from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import Council
from minutebook.meetings.models import AgendaItem, Meeting
from minutebook.minutes.models import MinuteItem, Resolution
from minutebook.people.models import Person

api = NinjaAPI(
    title="Minutebook API",
    version="1",
    description=(
        "Read-only open data: councils, committees, people and memberships in Popolo terms; "
        "meetings as Open Civic Data events with agendas, documents and webcasts, extended with "
        "minutes, attendance, declarations and resolutions. Public material only: Part Two "
        "(exempt) items show their titles and Schedule 12A paragraphs, never their content."
    ),
    urls_namespace="api",
)

MAX_PAGE_SIZE = 200


class Paging(Schema):
    page: int = 1
    page_size: int = 50


def paginate(
    request: HttpRequest, queryset: QuerySet, paging: Paging, serialise: Callable
) -> dict[str, Any]:
    if paging.page < 1 or not 1 <= paging.page_size <= MAX_PAGE_SIZE:
        raise HttpError(400, f"page must be 1 or more and page_size 1 to {MAX_PAGE_SIZE}")
    count = queryset.count()
    start = (paging.page - 1) * paging.page_size
    rows = queryset[start : start + paging.page_size]

    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "next": link(paging.page + 1) if start + paging.page_size < count else None,
        "previous": link(paging.page - 1) if paging.page > 1 else None,
        "results": [serialise(row) for row in rows],
    }


def _url(request: HttpRequest) -> str:
    return request.build_absolute_uri(request.path)


def _object_url(request: HttpRequest, kind: str, pk: int) -> str:
    return request.build_absolute_uri(f"/api/{kind}/{pk}")


# Councils and committees -------------------------------------------------------------


@api.get("/councils", response=schemas.page_of(schemas.Organization), tags=["Popolo"])
def councils(request: HttpRequest, paging: Query[Paging]):
    return paginate(
        request,
        Council.objects.order_by("name"),
        paging,
        lambda c: popolo.council_json(c, _object_url(request, "councils", c.pk)),
    )


@api.get("/councils/{council_id}", response=schemas.Organization, tags=["Popolo"])
def council(request: HttpRequest, council_id: int):
    return popolo.council_json(get_object_or_404(Council, pk=council_id), _url(request))


def _committees() -> QuerySet[Committee]:
    return Committee.objects.select_related("council", "predecessor").prefetch_related("successors")


@api.get("/committees", response=schemas.page_of(schemas.Organization), tags=["Popolo"])
def committees(request: HttpRequest, paging: Query[Paging], council: str | None = None):
    """Committees, optionally of one council (its slug)."""
    queryset = _committees().order_by("council__name", "name")
    if council:
        queryset = queryset.filter(council__slug=council)
    return paginate(
        request,
        queryset,
        paging,
        lambda c: popolo.committee_json(c, _object_url(request, "committees", c.pk)),
    )


@api.get("/committees/{committee_id}", response=schemas.Organization, tags=["Popolo"])
def committee(request: HttpRequest, committee_id: int):
    return popolo.committee_json(get_object_or_404(_committees(), pk=committee_id), _url(request))


# People and memberships ------------------------------------------------------------------


def _people() -> QuerySet[Person]:
    return Person.objects.select_related("council").prefetch_related("name_variants")


@api.get("/people", response=schemas.page_of(schemas.Person), tags=["Popolo"])
def people(
    request: HttpRequest,
    paging: Query[Paging],
    kind: str | None = None,
    committee: int | None = None,
):
    """Councillors, officers and others; ``committee`` keeps those who have sat on it."""
    queryset = _people().order_by("sort_name", "pk")
    if kind:
        queryset = queryset.filter(kind=kind)
    if committee:
        queryset = queryset.filter(memberships__committee_id=committee).distinct()
    return paginate(
        request,
        queryset,
        paging,
        lambda p: popolo.person_json(p, _object_url(request, "people", p.pk)),
    )


@api.get("/people/{person_id}", response=schemas.Person, tags=["Popolo"])
def person(request: HttpRequest, person_id: int):
    return popolo.person_json(get_object_or_404(_people(), pk=person_id), _url(request))


@api.get("/memberships", response=schemas.page_of(schemas.Membership), tags=["Popolo"])
def memberships(
    request: HttpRequest,
    paging: Query[Paging],
    committee: int | None = None,
    person: int | None = None,
    year: int | None = None,
):
    """Seats on committees; ``year`` is the municipal year's start (2018 for 2018-19)."""
    queryset = Membership.objects.select_related("person__council", "committee__council").order_by(
        "committee__name", "-municipal_year", "order", "pk"
    )
    if committee:
        queryset = queryset.filter(committee_id=committee)
    if person:
        queryset = queryset.filter(person_id=person)
    if year:
        queryset = queryset.filter(municipal_year=year)
    return paginate(request, queryset, paging, popolo.membership_json)


# Meetings as OCD events ------------------------------------------------------------------------


class EventFilter(Schema):
    committee: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @field_validator("committee", "since", "until", mode="before")
    @classmethod
    def blank_is_unset(cls, value: Any) -> Any:
        # An HTML form sends "committee=" for "any committee".
        return None if value == "" else value


def _filter_events(queryset: QuerySet, filters: EventFilter, meeting: str = "") -> QuerySet:
    """Keep rows whose meeting passes ``filters``; ``meeting`` is the lookup path to it."""
    if filters.committee:
        queryset = queryset.filter(**{f"{meeting}committee_id": filters.committee})
    if filters.since:
        queryset = queryset.filter(**{f"{meeting}date__gte": filters.since})
    if filters.until:
        queryset = queryset.filter(**{f"{meeting}date__lte": filters.until})
    return queryset


def _events(filters: EventFilter) -> QuerySet[Meeting]:
    queryset = Meeting.objects.select_related("committee__council").order_by(
        "-date", "-start_time", "pk"
    )
    return _filter_events(queryset, filters)


def _event_detail_queryset() -> QuerySet[Meeting]:
    return Meeting.objects.select_related(
        "committee__council", "minutes__confirmed_at__committee__council"
    ).prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.prefetch_related(
                "exempt_paragraphs", "subitems__exempt_paragraphs"
            ),
        ),
        Prefetch(
            "minutes__items",
            queryset=MinuteItem.objects.prefetch_related("exempt_paragraphs", "resolutions"),
        ),
        "attendances__person__council",
        "declarations__person__council",
        "declarations__agenda_item",
        "published_documents",
    )


@api.get("/events", response=schemas.page_of(schemas.Event), tags=["Open Civic Data"])
def events(request: HttpRequest, paging: Query[Paging], filters: Query[EventFilter]):
    """Meetings, newest first; the list omits agendas (fetch an event for the whole record)."""
    return paginate(
        request,
        _events(filters),
        paging,
        lambda m: ocd.event_json(
            m, _object_url(request, "events", m.pk), request.build_absolute_uri, detail=False
        ),
    )


@api.get("/events/{meeting_id}", response=schemas.Event, tags=["Open Civic Data"])
def event(request: HttpRequest, meeting_id: int):
    """One meeting: agenda, documents, webcast, and Minutebook's minutes, attendance and declarations."""
    meeting = get_object_or_404(_event_detail_queryset(), pk=meeting_id)
    return ocd.event_json(meeting, _url(request), request.build_absolute_uri)


# Decisions ----------------------------------------------------------------------------------------


@api.get("/resolutions", response=schemas.page_of(schemas.Resolution), tags=["Decisions"])
def resolutions(request: HttpRequest, paging: Query[Paging], filters: Query[EventFilter]):
    """Every resolution of Part One business, newest meeting first."""
    queryset = (
        Resolution.objects.filter(minute_item__part=1)
        .select_related("minute_item__minutes__meeting__committee__council")
        .order_by("-minute_item__minutes__meeting__date", "minute_item__order", "order")
    )
    queryset = _filter_events(queryset, filters, "minute_item__minutes__meeting__")

    def serialise(resolution: Resolution) -> dict[str, Any]:
        item = resolution.minute_item
        meeting = item.minutes.meeting
        return {
            "id": resolution.pk,
            "text": resolution.text,
            "label": resolution.label,
            "minute_number": item.number_label,
            "minute_title": item.title,
            "event_id": event_id(meeting),
            "committee": meeting.committee.name,
            "date": meeting.date.isoformat(),
        }

    return paginate(request, queryset, paging, serialise)
