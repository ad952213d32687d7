"""Sign-in accounts for the demo: a clerk (superuser) and a councillor, each linked to
their Person through ``Person.user``."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from minutebook.people.models import Person

DEMO_PASSWORD = "minutebook-demo"
CLERK_APPS = (
    "councils",
    "committees",
    "people",
    "meetings",
    "minutes",
    "reports",
    "scrutiny",
    "documents",
)


@dataclass
class DemoAccount:
    username: str
    password: str
    description: str


def link(user, person: Person | None) -> None:
    if person is None:
        return
    Person.objects.filter(user=user).exclude(pk=person.pk).update(user=None)
    Person.objects.filter(pk=person.pk).update(user=user)


def ensure_demo_accounts(
    member: Person | None, clerk_person: Person | None = None
) -> list[DemoAccount]:
    """Create or refresh the ``clerk`` and ``member`` accounts and their groups."""
    User = get_user_model()
    clerks, _ = Group.objects.get_or_create(name="Clerks")
    clerks.permissions.set(Permission.objects.filter(content_type__app_label__in=CLERK_APPS))
    members, _ = Group.objects.get_or_create(name="Members")

    clerk, _ = User.objects.get_or_create(username="clerk")
    clerk.first_name, clerk.last_name = "Demo", "Clerk"
    clerk.email = "clerk@wessex-council.example"
    clerk.is_staff = clerk.is_superuser = clerk.is_active = True
    clerk.set_password(DEMO_PASSWORD)
    clerk.save()
    clerk.groups.add(clerks)
    link(clerk, clerk_person)
    accounts = [DemoAccount("clerk", DEMO_PASSWORD, "clerk and superuser (admin at /admin/)")]

    user, _ = User.objects.get_or_create(username="member")
    first, _, last = (member.name if member else "Demo Member").rpartition(" ")
    user.first_name, user.last_name = first, last
    user.email = member.email if member else ""
    user.is_staff = user.is_superuser = False
    user.is_active = True
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.set([members])
    link(user, member)
    who = f"{member.printed_name}, {member.ward}" if member else "a councillor"
    accounts.append(DemoAccount("member", DEMO_PASSWORD, f"councillor: {who}"))
    return accounts
