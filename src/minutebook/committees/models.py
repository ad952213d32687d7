"""Committees, their lineage when renamed, and who sits on them in each municipal year."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.text import slugify


class Committee(models.Model):
    class Kind(models.TextChoices):
        FULL_COUNCIL = "full_council", "Full council"
        CABINET = "cabinet", "Cabinet (executive)"
        OVERVIEW_SCRUTINY = "overview_scrutiny", "Overview and scrutiny committee"
        SELECT = "select", "Select committee"
        AUDIT = "audit", "Audit and governance committee"
        REGULATORY = "regulatory", "Regulatory committee (planning, licensing)"
        WORKING_GROUP = "working_group", "Working group"
        PANEL = "panel", "Panel or board"
        OTHER = "other", "Other committee"

    class MinuteNumbering(models.TextChoices):
        MUNICIPAL_YEAR = "municipal_year", "Continuous through the municipal year"
        MEETING = "meeting", "Restart at every meeting"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="committees"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    remit = models.TextField(
        blank=True, help_text="What the committee is for, in the council's words."
    )
    predecessor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successors",
        help_text="The committee this one replaced or was renamed from.",
    )
    established_on = models.DateField(null=True, blank=True)
    dissolved_on = models.DateField(
        null=True, blank=True, help_text="Or renamed, when a successor exists."
    )
    minute_numbering = models.CharField(
        max_length=20, choices=MinuteNumbering.choices, default=MinuteNumbering.MUNICIPAL_YEAR
    )
    default_venue = models.CharField(max_length=300, blank=True)
    contact_officer = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The officer the front sheet names for enquiries, with their job title "
        "and telephone number (“Scrutiny and Support Manager: Tina Gould Tel: …”).",
    )

    class Meta:
        ordering = ["council", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="committee_slug_unique_per_council"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("pk")), name="committee_not_its_own_predecessor"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def lineage(self) -> list[Committee]:
        """This committee and every predecessor, newest first (guarding against cycles)."""
        chain, seen, current = [], set(), self
        while current is not None and current.pk not in seen:
            chain.append(current)
            seen.add(current.pk)
            current = current.predecessor
        return chain

    def memberships_on(self, day: dt.date) -> models.QuerySet[Membership]:
        year = self.council.municipal_year_of(day)
        return (
            self.memberships.filter(municipal_year=year)
            .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=day))
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
            .select_related("person")
        )


class Membership(models.Model):
    """A person's seat on a committee for one municipal year, with the role they held."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-Chair"
        MEMBER = "member", "Member"
        CO_OPTED = "co_opted", "Co-opted member"
        SUBSTITUTE = "substitute", "Named substitute"

    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="memberships"
    )
    municipal_year = models.PositiveSmallIntegerField(help_text="Start year: 2018 for 2018-19.")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    role_title = models.CharField(
        max_length=100,
        blank=True,
        help_text='As the council prints it: "Chairman", "Vice-Chairman (Overview)". Blank for a member.',
    )
    starts_on = models.DateField(
        null=True, blank=True, help_text="Blank: from the start of the year."
    )
    ends_on = models.DateField(null=True, blank=True, help_text="Blank: to the end of the year.")
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the printed list.")
    printed_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The name as the source document printed it, if different.",
    )

    class Meta:
        ordering = ["committee", "-municipal_year", "order", "person__sort_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "person", "municipal_year"],
                name="one_seat_per_person_per_year",
            ),
            models.UniqueConstraint(
                fields=["committee", "municipal_year"],
                condition=Q(role="chair"),
                name="one_chair_per_committee_year",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["chair", "vice_chair", "member", "co_opted", "substitute"]),
                name="membership_role_valid",
            ),
        ]

    def __str__(self) -> str:
        title = (
            f" ({self.role_title or self.get_role_display()})"
            if self.role != self.Role.MEMBER
            else ""
        )
        return f"{self.person}{title}, {self.committee} {self.municipal_year}"


def role_from_title(title: str | None) -> str:
    """Map a printed role ("Vice-Chairman (Scrutiny)", "Chair") onto Membership.Role."""
    text = (title or "").lower().replace(" ", "-")
    if "vice" in text:
        return Membership.Role.VICE_CHAIR
    if "chair" in text:
        return Membership.Role.CHAIR
    if "co-opt" in text:
        return Membership.Role.CO_OPTED
    if "substitute" in text:
        return Membership.Role.SUBSTITUTE
    return Membership.Role.MEMBER
