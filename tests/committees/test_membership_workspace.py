"""The clerk records each year's membership after the annual meeting."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from minutebook.committees import services
from minutebook.committees.models import Membership
from minutebook.councils.models import Council
from minutebook.people.models import Person

Role = Membership.Role


@pytest.fixture
def last_year(committee, make_person):
    ann, bob, cat = make_person("Ann Beech"), make_person("Bob Jones"), make_person("Cat Lee")
    Membership.objects.create(
        committee=committee, person=ann, municipal_year=2018, role=Role.CHAIR, order=1
    )
    Membership.objects.create(committee=committee, person=bob, municipal_year=2018, order=2)
    Membership.objects.create(
        committee=committee, person=cat, municipal_year=2018, order=3, ends_on=dt.date(2019, 1, 1)
    )
    return {"ann": ann, "bob": bob, "cat": cat}


def test_copying_last_year_keeps_roles_and_order_and_drops_who_left(committee, last_year):
    copied = services.copy_membership(committee, 2018, 2019)
    assert [(s.person.name, s.role) for s in services.seats(committee, 2019)] == [
        ("Ann Beech", Role.CHAIR),
        ("Bob Jones", Role.MEMBER),
    ]
    assert len(copied) == 2
    with pytest.raises(services.MembershipError, match="already has members"):
        services.copy_membership(committee, 2018, 2019)


def test_one_chair_one_seat_and_people_of_the_council_only(committee, last_year, make_person):
    with pytest.raises(services.MembershipError, match="already has a chair"):
        services.add_seat(committee, 2018, make_person("Dee Fox"), Role.CHAIR)
    with pytest.raises(services.MembershipError, match="already sits"):
        services.add_seat(committee, 2018, last_year["bob"], Role.VICE_CHAIR)
    other = Council.objects.create(name="Neighbouring Borough Council")
    stranger = Person.objects.create(council=other, name="Eve Stone")
    with pytest.raises(services.MembershipError, match="not a person of"):
        services.add_seat(committee, 2018, stranger, Role.MEMBER)
    seat = services.add_seat(
        committee, 2018, make_person("Dee Fox"), Role.VICE_CHAIR, "Vice-Chairman"
    )
    assert (seat.order, seat.role_title) == (4, "Vice-Chairman")


def test_the_page_copies_adds_and_removes(clerk_client, committee, last_year, make_person):
    url = reverse("manage:membership", kwargs={"committee_id": committee.pk, "year": 2019})
    page = clerk_client.get(url).content.decode()
    assert "Nobody sits on the committee in 2019-20 yet." in page
    assert "Copy the 2018-19 membership" in page
    response = clerk_client.post(
        reverse("manage:membership_copy", kwargs={"committee_id": committee.pk, "year": 2019}),
        follow=True,
    )
    assert "2 seats copied from 2018-19" in response.content.decode()
    dee = make_person("Dee Fox")
    response = clerk_client.post(url, {"person": dee.pk, "role": "vice_chair", "role_title": ""})
    assert response.status_code == 302
    response = clerk_client.post(url, {"person": dee.pk, "role": "member"})
    assert response.status_code == 422
    assert "already sits on the committee in 2019-20" in response.content.decode()
    seat = Membership.objects.get(committee=committee, municipal_year=2019, person=dee)
    page = clerk_client.post(
        reverse("manage:seat_delete", kwargs={"pk": seat.pk}), follow=True
    ).content.decode()
    assert not Membership.objects.filter(pk=seat.pk).exists()
    assert "Dee Fox removed from 2019-20." in page
    assert "<td>Ann Beech</td>" in page and "<td>Dee Fox</td>" not in page
