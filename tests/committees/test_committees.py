import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from minutebook.committees.models import Committee, Membership, role_from_title


def test_renamed_committee_keeps_its_lineage(council):
    old = Committee.objects.create(
        council=council, name="Safe and Strong Communities Select Committee"
    )
    new = Committee.objects.create(
        council=council, name="Safeguarding Overview and Scrutiny Committee", predecessor=old
    )
    assert new.lineage() == [new, old]
    assert list(old.successors.all()) == [new]


def test_lineage_survives_a_cycle_made_by_mistake(council):
    a = Committee.objects.create(council=council, name="A Committee")
    b = Committee.objects.create(council=council, name="B Committee", predecessor=a)
    a.predecessor = b
    a.save()
    assert a.lineage() == [a, b]


def test_one_chair_per_committee_year(committee, make_person):
    Membership.objects.create(
        committee=committee, person=make_person("John Francis"), municipal_year=2018, role="chair"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            committee=committee, person=make_person("Ann Beech"), municipal_year=2018, role="chair"
        )
    # A new year may have a new chair.
    Membership.objects.create(
        committee=committee, person=make_person("Gill Burnett"), municipal_year=2019, role="chair"
    )


def test_two_vice_chairs_with_qualifiers_are_allowed(committee, make_person):
    for name, title in [
        ("Gill Burnett", "Vice-Chairman (Overview)"),
        ("Conor Wileman", "Vice-Chairman (Scrutiny)"),
    ]:
        Membership.objects.create(
            committee=committee,
            person=make_person(name),
            municipal_year=2019,
            role=role_from_title(title),
            role_title=title,
        )
    assert committee.memberships.filter(role=Membership.Role.VICE_CHAIR).count() == 2


def test_roles_change_over_time_and_memberships_on_a_date_follow(committee, make_person):
    ann = make_person("Ann Beech")
    Membership.objects.create(committee=committee, person=ann, municipal_year=2018, role="member")
    Membership.objects.create(
        committee=committee, person=ann, municipal_year=2019, role="chair", role_title="Chair"
    )
    assert committee.memberships_on(dt.date(2019, 3, 4)).get().role == "member"
    assert committee.memberships_on(dt.date(2019, 6, 4)).get().role == "chair"


def test_a_member_who_left_mid_year_is_not_listed_after(committee, make_person):
    Membership.objects.create(
        committee=committee,
        person=make_person("Mike Davies"),
        municipal_year=2018,
        ends_on=dt.date(2018, 12, 31),
    )
    assert committee.memberships_on(dt.date(2018, 12, 1)).count() == 1
    assert committee.memberships_on(dt.date(2019, 1, 22)).count() == 0


def test_invalid_role_is_refused_by_the_database(committee, make_person):
    with pytest.raises(IntegrityError):
        Membership.objects.create(
            committee=committee, person=make_person("X Y"), municipal_year=2018, role="king"
        )


@pytest.mark.parametrize(
    ("printed", "role"),
    [
        ("Chairman", "chair"),
        ("Chair", "chair"),
        ("Vice-Chairman (Overview)", "vice_chair"),
        ("Vice Chair", "vice_chair"),
        ("Co-opted Member", "co_opted"),
        (None, "member"),
        ("", "member"),
    ],
)
def test_printed_roles_map_onto_roles(printed, role):
    assert role_from_title(printed) == role
