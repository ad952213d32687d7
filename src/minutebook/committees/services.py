"""Who sits on a committee each municipal year: the clerk's work after the annual meeting."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet

from minutebook.committees.models import Committee, Membership
from minutebook.councils.models import municipal_year_label
from minutebook.people.models import Person


class MembershipError(Exception):
    """A change the rules do not allow; the message is written for the clerk."""


def seats(committee: Committee, year: int) -> QuerySet[Membership]:
    """The committee's seats in ``year``, in printed order."""
    return (
        Membership.objects.filter(committee=committee, municipal_year=year)
        .select_related("person")
        .order_by("order", "person__sort_name")
    )


def add_seat(
    committee: Committee, year: int, person: Person, role: str, role_title: str = ""
) -> Membership:
    """Give ``person`` a seat for the year; the database keeps one chair and one seat each."""
    if person.council_id not in (None, committee.council_id):
        raise MembershipError(f"{person.name} is not a person of {committee.council.name}.")
    if seats(committee, year).filter(person=person).exists():
        raise MembershipError(
            f"{person.name} already sits on the committee in {municipal_year_label(year)}."
        )
    if role == Membership.Role.CHAIR and seats(committee, year).filter(role=role).exists():
        raise MembershipError(
            f"The committee already has a chair for {municipal_year_label(year)}: "
            "remove that seat first."
        )
    order = (seats(committee, year).aggregate(n=Max("order"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            return Membership.objects.create(
                committee=committee,
                person=person,
                municipal_year=year,
                role=role,
                role_title=role_title.strip(),
                order=order,
            )
    except IntegrityError as error:  # another clerk got there first
        raise MembershipError("Someone else changed this membership meanwhile.") from error


@transaction.atomic
def copy_membership(committee: Committee, from_year: int, to_year: int) -> list[Membership]:
    """Start ``to_year`` with ``from_year``'s seats, roles and order, less anyone whose seat
    ended during that year; the clerk then records what the annual meeting changed."""
    if seats(committee, to_year).exists():
        raise MembershipError(
            f"{municipal_year_label(to_year)} already has members; copying would mix two years."
        )
    last_year = list(seats(committee, from_year))
    if not last_year:
        raise MembershipError(f"There were no members in {municipal_year_label(from_year)}.")
    copied = [
        Membership(
            committee=committee,
            person=seat.person,
            municipal_year=to_year,
            role=seat.role,
            role_title=seat.role_title,
            order=seat.order,
        )
        for seat in last_year
        if seat.ends_on is None
    ]
    return Membership.objects.bulk_create(copied)
