"""Only clerks use /manage/: every URL of the workspace refuses the public and members.

The URLs are read from minutebook.meetings.urls, so a view added later without the
clerk check fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import URLPattern, reverse

from minutebook.committees.models import Membership
from minutebook.meetings import services
from minutebook.meetings.models import Attendance, Meeting
from minutebook.meetings.urls import urlpatterns
from minutebook.minutes import services as minutes_services
from minutebook.scrutiny.models import WorkProgramme, WorkProgrammeItem

User = get_user_model()


@pytest.fixture
def world(committee, make_person):
    """One row for every kind of id a workspace URL takes."""
    january = services.create_meeting(committee, dt.date(2019, 1, 22))
    meeting = services.create_meeting(committee, dt.date(2019, 3, 4))
    item = services.add_item(meeting, "Prevent")
    ann = make_person("Ann Beech")
    gill = make_person("Gill Heath")
    also = services.add_in_attendance(meeting, gill)
    declaration = services.add_declaration(meeting, ann, "Governor", agenda_item=item)
    programme = WorkProgramme.objects.create(committee=committee, municipal_year=2018)
    row = WorkProgrammeItem.objects.create(programme=programme, topic="Libraries")
    minutes_services.start_minutes(january)
    minutes = minutes_services.start_minutes(meeting)
    minute = minutes.items.first()
    seat = Membership.objects.create(committee=committee, person=gill, municipal_year=2018)
    return {
        "pk": {
            "meeting": meeting.pk,
            "item": item.pk,
            "attendance": also.pk,
            "declaration": declaration.pk,
            "minute": minute.pk,
            "seat": seat.pk,
        },
        "committee_id": committee.pk,
        "year": 2018,
        "parent_id": item.pk,
        "row_id": row.pk,
        "direction": "up",
    }


# Which kind of row the <pk> of each URL is.
PK_KIND = {
    "item_edit": "item",
    "item_move": "item",
    "item_delete": "item",
    "item_report": "item",
    "attendance_remove": "attendance",
    "declaration_delete": "declaration",
    "minute_edit": "minute",
    "minute_delete": "minute",
    "minute_confirm": "minute",
    "seat_delete": "seat",
}


def every_url(world) -> list[str]:
    urls = []
    for pattern in urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {}
        for name in pattern.pattern.converters:
            if name == "pk":
                kwargs["pk"] = world["pk"][PK_KIND.get(pattern.name, "meeting")]
            else:
                kwargs[name] = world[name]
        urls.append(reverse(f"manage:{pattern.name}", kwargs=kwargs))
    return urls


def test_every_workspace_view_is_wrapped_in_the_clerk_check():
    for pattern in urlpatterns:
        assert getattr(pattern.callback, "clerk_required", False), pattern.name


def _snapshot():
    from minutebook.meetings.models import AgendaItem, Declaration
    from minutebook.minutes.models import MinuteItem

    return (
        Meeting.objects.count(),
        list(AgendaItem.objects.order_by("pk").values_list("pk", "number", "title")),
        Attendance.objects.count(),
        Declaration.objects.count(),
        list(MinuteItem.objects.order_by("pk").values_list("pk", "number_label")),
        list(Membership.objects.order_by("pk").values_list("pk", "municipal_year", "role")),
    )


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_users_are_sent_to_sign_in_and_change_nothing(client, world, method):
    before = _snapshot()
    for url in every_url(world):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url
    assert _snapshot() == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_members_are_refused_every_url(client, world, method):
    member = User.objects.create_user("member", password="pw")
    member.groups.add(Group.objects.get_or_create(name="Members")[0])
    client.force_login(member)
    before = _snapshot()
    for url in every_url(world):
        assert getattr(client, method)(url).status_code == 403, url
    assert _snapshot() == before


def test_an_inactive_clerk_is_refused(client, world):
    clerk = User.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    clerk.is_active = False
    clerk.save()
    assert client.get(reverse("manage:dashboard")).status_code in (302, 403)


@pytest.mark.parametrize("how", ["group", "staff"])
def test_clerks_may_open_every_page(client, world, how):
    if how == "group":
        clerk = User.objects.create_user("clerk", password="pw")
        clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    else:
        clerk = User.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    post_only = {
        "item_move",
        "item_delete",
        "attendance_remove",
        "declaration_delete",
        "work_programme_pull",
        "publish_agenda",
        "publish_minutes",
        "minutes_start",
        "minute_add",
        "minute_delete",
        "meeting_cancel",
        "meeting_reinstate",
        "membership_copy",
        "seat_delete",
    }
    for pattern, url in zip(urlpatterns, every_url(world), strict=True):
        response = client.get(url)
        expected = 405 if pattern.name in post_only else 200
        assert response.status_code == expected, (url, response.status_code)


def _clerk_of(council, username="clerk"):
    from minutebook.people.models import Person

    clerk = User.objects.create_user(username, password="pw")
    clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    Person.objects.create(council=council, name=f"{username} Officer", kind="officer", user=clerk)
    return clerk


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_clerk_of_another_council_finds_nothing_and_changes_nothing(client, world, method):
    from minutebook.councils.models import Council

    neighbour = Council.objects.create(name="Neighbouring Borough Council")
    client.force_login(_clerk_of(neighbour))
    before = _snapshot()
    for url in every_url(world):
        if url == reverse("manage:dashboard"):
            continue
        # 405 is a GET on a POST-only action: refused before any row is looked up.
        allowed = {404} if method == "post" else {404, 405}
        assert getattr(client, method)(url).status_code in allowed, url
    assert _snapshot() == before


def test_the_dashboard_lists_only_the_clerks_own_council(client, world, committee):
    from minutebook.committees.models import Committee
    from minutebook.councils.models import Council

    neighbour = Council.objects.create(name="Neighbouring Borough Council")
    theirs = Committee.objects.create(council=neighbour, name="Licensing Committee")
    services.create_meeting(theirs, dt.date(2019, 3, 5))
    client.force_login(_clerk_of(committee.council))
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert committee.name in page
    assert "Licensing Committee" not in page
    client.force_login(_clerk_of(neighbour, "other"))
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert "Licensing Committee" in page
    assert committee.name not in page


def test_an_unlinked_clerk_runs_the_only_council_but_none_once_there_are_two(client, world):
    from minutebook.councils.models import Council

    clerk = User.objects.create_user("clerk", password="pw")
    clerk.groups.add(Group.objects.get_or_create(name="Clerks")[0])
    client.force_login(clerk)
    meeting_url = reverse("manage:meeting", kwargs={"pk": world["pk"]["meeting"]})
    assert client.get(meeting_url).status_code == 200
    Council.objects.create(name="Neighbouring Borough Council")
    assert client.get(meeting_url).status_code == 404
    page = client.get(reverse("manage:dashboard")).content.decode()
    assert "Your account is not linked to a council" in page
