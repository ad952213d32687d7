"""Only clerks use the scrutiny manage pages: every URL of this app that is not listed as public
refuses the public (sign in) and members (403), and changes nothing.

The URLs are read from minutebook.scrutiny.urls, so a view added later without the clerk check
fails here.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, reverse

from minutebook.scrutiny.models import (
    ExecutiveResponse,
    ProgressUpdate,
    Recommendation,
    WorkProgramme,
    WorkProgrammeItem,
    WorkProgrammeLead,
)
from minutebook.scrutiny.urls import urlpatterns

from .conftest import client_for

PUBLIC = {
    "work_programme_current",
    "work_programme",
    "recommendations",
    "overdue",
    "recommendation",
}

# Which kind of row the <pk> of each URL is.
PK_KIND = {
    "work_programme_current": "committee",
    "work_programme": "committee",
    "recommendation": "rec",
    "item_edit": "row",
    "item_delete": "row",
    "recommendation_edit": "rec",
    "recommendation_delete": "rec",
    "response_edit": "rec",
    "progress_add": "rec",
    "progress_delete": "progress",
}


def every_url(world, recs, names=None) -> dict[str, str]:
    ids = {
        "committee": world.committee.pk,
        "row": world.abuse.pk,
        "rec": recs.partly.pk,
        "progress": ProgressUpdate.objects.filter(recommendation=recs.done).get().pk,
    }
    other = {
        "committee_id": world.committee.pk,
        "programme_id": world.programme.pk,
        "year": 2018,
    }
    urls = {}
    for pattern in urlpatterns:
        assert isinstance(pattern, URLPattern)
        if names is not None and pattern.name not in names:
            continue
        kwargs = {}
        for name in pattern.pattern.converters:
            kwargs[name] = ids[PK_KIND[pattern.name]] if name == "pk" else other[name]
        urls[pattern.name] = reverse(f"scrutiny:{pattern.name}", kwargs=kwargs)
    return urls


def clerk_urls(world, recs) -> dict[str, str]:
    return {k: v for k, v in every_url(world, recs).items() if k not in PUBLIC}


def snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (
            WorkProgramme,
            WorkProgrammeItem,
            WorkProgrammeLead,
            Recommendation,
            ExecutiveResponse,
            ProgressUpdate,
        )
    ]


def test_the_public_list_names_real_patterns():
    names = {p.name for p in urlpatterns}
    assert names >= PUBLIC
    assert len(names - PUBLIC) >= 10


def test_every_clerk_view_is_wrapped_in_the_clerk_check():
    for pattern in urlpatterns:
        if pattern.name not in PUBLIC:
            assert getattr(pattern.callback, "clerk_required", False), pattern.name


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_sign_in_and_change_nothing(world, recs, method):
    client = client_for(None)
    before = snapshot()
    for name, url in clerk_urls(world, recs).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/?next="), name
    assert snapshot() == before


@pytest.mark.parametrize("viewer", ["member", "other_member"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_members_are_refused_and_change_nothing(world, recs, users, viewer, method):
    client = client_for(users[viewer])
    before = snapshot()
    for name, url in clerk_urls(world, recs).items():
        assert getattr(client, method)(url).status_code == 403, name
    assert snapshot() == before


def test_clerks_may_open_every_page(world, recs, users):
    client = client_for(users["clerk"])
    for name, url in every_url(world, recs).items():
        expected = 405 if name == "progress_delete" else 200
        assert client.get(url).status_code == expected, name


def test_public_pages_are_public(world, recs):
    client = client_for(None)
    for name, url in every_url(world, recs, PUBLIC).items():
        assert client.get(url).status_code == 200, name
