"""A clerk runs their own council's scrutiny: another council's rows are not found.

The URLs are read from minutebook.scrutiny.urls, so a clerk view added later without the
council scope fails here.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from minutebook.councils.models import Council
from minutebook.people.models import Person
from minutebook.scrutiny.models import ProgressUpdate, Recommendation, WorkProgrammeItem
from minutebook.scrutiny.urls import urlpatterns

from .conftest import client_for, user

# Which row the <pk> of each clerk URL is.
PK_KIND = {
    "item_edit": "row",
    "item_delete": "row",
    "progress_delete": "update",
}


def _clerk_urls(world, recs) -> list[str]:
    update = ProgressUpdate.objects.first()
    ids = {
        "row": world.prevent.pk,
        "update": update.pk,
        "rec": recs.awaiting.pk,
        "committee_id": world.committee.pk,
        "programme_id": world.programme.pk,
        "year": world.programme.municipal_year,
    }
    urls = []
    for pattern in urlpatterns:
        assert isinstance(pattern, URLPattern)
        if not getattr(pattern.callback, "clerk_required", False):
            continue
        kwargs = {}
        for name in pattern.pattern.converters:
            kwargs[name] = ids[PK_KIND.get(pattern.name, "rec")] if name == "pk" else ids[name]
        urls.append(reverse(f"scrutiny:{pattern.name}", kwargs=kwargs))
    return urls


def _snapshot():
    return (
        list(WorkProgrammeItem.objects.order_by("pk").values_list("pk", "topic", "status")),
        list(Recommendation.objects.order_by("pk").values_list("pk", "text")),
        ProgressUpdate.objects.count(),
    )


@pytest.fixture
def neighbour_clerk(db):
    neighbour = Council.objects.create(name="Neighbouring Borough Council")
    clerk = user("nina", "Nina", "Neighbour", "Clerks")
    Person.objects.create(council=neighbour, name="Nina Neighbour", kind="officer", user=clerk)
    return clerk


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_councils_clerk_finds_none_of_its_rows(world, recs, neighbour_clerk, method):
    client = client_for(neighbour_clerk)
    before = _snapshot()
    urls = _clerk_urls(world, recs)
    assert len(urls) > 10
    for url in urls:
        response = getattr(client, method)(url)
        if url == reverse("scrutiny:manage_index"):
            assert response.status_code == 200
            assert world.committee.name not in response.content.decode()
        else:
            assert response.status_code in ({404} if method == "post" else {404, 405}), url
    assert _snapshot() == before


def test_the_councils_own_clerk_still_opens_them(world, recs, users):
    clerk = users["clerk"]
    Person.objects.create(
        council=world.committee.council, name="Clare Clerk", kind="officer", user=clerk
    )
    Council.objects.create(name="Neighbouring Borough Council")  # linked, so two is fine
    client = client_for(clerk)
    for url in _clerk_urls(world, recs):
        assert client.get(url).status_code in (200, 405), url
