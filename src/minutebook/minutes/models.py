"""The minutes of a meeting: numbered minute items, their resolutions, and confirmation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from minutebook.committees.models import Committee
from minutebook.meetings.models import Part


class Minutes(models.Model):
    """The record of one meeting, draft until a later meeting resolves to confirm it."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        CONFIRMED = "confirmed", "Confirmed"

    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="minutes"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # PROTECT: confirmed minutes must name the meeting that confirmed them (a constraint), so
    # that meeting cannot simply vanish from under them.
    confirmed_at = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_confirmed",
        help_text="The meeting that resolved to confirm these minutes.",
    )
    signed_by = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "minutes"
        ordering = ["-meeting__date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(confirmed_at__isnull=False),
                name="confirmed_minutes_name_the_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"Minutes: {self.meeting}"


class MinuteItem(models.Model):
    """One numbered minute. Numbers run through the municipal year where the committee says so."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="items")
    # Copied from the meeting so the database itself can keep numbers unique per committee-year.
    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.PROTECT, related_name="+", editable=False
    )
    municipal_year = models.PositiveSmallIntegerField(editable=False)
    numbered_through_year = models.BooleanField(editable=False, default=True)
    number = models.PositiveIntegerField(
        null=True, blank=True, help_text="The sequence number, where it has one."
    )
    number_label = models.CharField(
        max_length=20, blank=True, help_text='As printed: "52", "107/20".'
    )
    order = models.PositiveSmallIntegerField(default=0)
    title = models.TextField()
    part = models.PositiveSmallIntegerField(choices=Part.choices, default=Part.ONE)
    exempt_paragraphs = models.ManyToManyField("meetings.ExemptionParagraph", blank=True)
    narrative = models.TextField(blank=True)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="minute_items",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["minutes", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "municipal_year", "number_label"],
                condition=Q(numbered_through_year=True) & ~Q(number_label=""),
                name="minute_number_unique_per_committee_year",
            ),
            models.UniqueConstraint(
                fields=["minutes", "number_label"],
                condition=~Q(number_label=""),
                name="minute_number_unique_per_meeting",
            ),
            models.CheckConstraint(condition=Q(part__in=[1, 2]), name="minute_part_one_or_two"),
        ]

    def __str__(self) -> str:
        return f"{self.number_label}. {self.title}" if self.number_label else self.title

    def save(self, *args, **kwargs):
        meeting = self.minutes.meeting
        self.committee_id = meeting.committee_id
        self.municipal_year = meeting.municipal_year
        self.numbered_through_year = (
            meeting.committee.minute_numbering == Committee.MinuteNumbering.MUNICIPAL_YEAR
        )
        if self.number is None and self.number_label.isdigit():
            self.number = int(self.number_label)
        super().save(*args, **kwargs)

    @property
    def is_exempt(self) -> bool:
        return self.part == Part.TWO


class Resolution(models.Model):
    """One RESOLVED clause; lettered sub-clauses a), b), c) are one row each."""

    minute_item = models.ForeignKey(
        MinuteItem, on_delete=models.CASCADE, related_name="resolutions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(
        max_length=5, blank=True, help_text='"a" for clause a); blank for a single clause.'
    )
    text = models.TextField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["minute_item", "order"]

    def __str__(self) -> str:
        return self.text[:80]
