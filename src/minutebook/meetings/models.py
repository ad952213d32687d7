"""Meetings, their agendas, who attended and what they declared."""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from minutebook.wording import long_date


class Part(models.IntegerChoices):
    """Part One is public business; Part Two is exempt under Schedule 12A (LGA 1972)."""

    ONE = 1, "Part One (public)"
    TWO = 2, "Part Two (exempt)"


# "Report of", "Presentation by", "Verbal update": lines already worded as the agenda prints them.
_WORDED = re.compile(
    r"^(?:joint\s+)?(?:report|presentation|presented|verbal|update|oral|briefing)\b", re.IGNORECASE
)
# A named person or a definite title takes no "the": "Report of Cllr Gill Heath".
_NO_ARTICLE = ("the ", "cllr ", "councillor ", "mr ", "mrs ", "ms ", "miss ", "dr ")


def report_of_line(text: str) -> str:
    """How the agenda prints who a report is from: "Cabinet Member for Communities" ->
    "Report of the Cabinet Member for Communities"; lines already worded are kept."""
    text = text.strip()
    if not text or _WORDED.match(text):
        return text
    if text.lower().startswith(_NO_ARTICLE):
        return f"Report of {text}"
    return f"Report of the {text}"


class ExemptionParagraph(models.Model):
    """A paragraph of Part 1 of Schedule 12A to the Local Government Act 1972."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    description = models.TextField()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                # England numbers the grounds 1-7; Wales (2007 variation order) numbers them 12-18.
                condition=Q(number__gte=1, number__lte=7) | Q(number__gte=12, number__lte=18),
                name="schedule_12a_paragraph_valid",
            )
        ]

    def __str__(self) -> str:
        return f"Paragraph {self.number}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        AGENDA_PUBLISHED = "agenda_published", "Agenda published"
        HELD = "held", "Held"
        MINUTES_DRAFTED = "minutes_drafted", "Draft minutes"
        MINUTES_CONFIRMED = "minutes_confirmed", "Minutes confirmed"
        CANCELLED = "cancelled", "Cancelled"

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    municipal_year = models.PositiveSmallIntegerField(
        editable=False, help_text="Set from the date."
    )
    venue = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    is_special = models.BooleanField(default=False, help_text="A special or extraordinary meeting.")
    webcast_url = models.URLField(blank=True)
    agenda_issued_by = models.CharField(
        max_length=200,
        blank=True,
        help_text='Who signed the agenda: "John Tradewell, Director of Corporate Services".',
    )
    agenda_published_on = models.DateField(null=True, blank=True)
    cancellation_reason = models.CharField(
        max_length=300,
        blank=True,
        help_text="Why a cancelled meeting will not take place, as the public is told.",
    )
    chair = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings_chaired",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time"]
        indexes = [models.Index(fields=["committee", "date"]), models.Index(fields=["date"])]

    def __str__(self) -> str:
        return f"{self.committee}, {long_date(self.date)}"

    def save(self, *args, **kwargs):
        self.municipal_year = self.committee.council.municipal_year_of(self.date)
        super().save(*args, **kwargs)


class AgendaItem(models.Model):
    class Standard(models.TextChoices):
        """The items every agenda carries, so the builder and numbering can find them."""

        NONE = "", "Other business"
        APOLOGIES = "apologies", "Apologies"
        DECLARATIONS = "declarations", "Declarations of interest"
        MINUTES = "minutes", "Minutes of the previous meeting"
        WORK_PROGRAMME = "work_programme", "Work programme"
        EXCLUSION = "exclusion", "Exclusion of the public"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subitems",
        help_text="For a lettered sub-item, the item it sits under.",
    )
    number = models.CharField(max_length=10, blank=True, help_text='"4", or "a" for a sub-item.')
    order = models.PositiveSmallIntegerField(default=0)
    title = models.TextField()
    standard = models.CharField(max_length=20, choices=Standard.choices, blank=True, default="")
    part = models.PositiveSmallIntegerField(choices=Part.choices, default=Part.ONE)
    exempt_paragraphs = models.ManyToManyField(ExemptionParagraph, blank=True)
    start_page = models.PositiveIntegerField(null=True, blank=True)
    end_page = models.PositiveIntegerField(null=True, blank=True)
    report_of = models.CharField(
        max_length=300,
        blank=True,
        help_text='As printed: "Cabinet Member for Communities", or the presenter.',
    )
    presenter = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items_presented",
    )
    minutes_of = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="confirmed_by_items",
        help_text="For the minutes item: the meeting whose minutes are to be confirmed.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(part__in=[1, 2]), name="agenda_item_part_one_or_two"
            ),
            models.CheckConstraint(
                condition=Q(start_page__isnull=True)
                | Q(end_page__isnull=True)
                | Q(end_page__gte=models.F("start_page")),
                name="agenda_item_pages_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def pages(self) -> tuple[int, int] | None:
        if self.start_page is None:
            return None
        return (self.start_page, self.end_page or self.start_page)

    @property
    def is_exempt(self) -> bool:
        return self.part == Part.TWO

    @property
    def report_line(self) -> str:
        """The line printed under the item: "Report of the Cabinet Member for Communities"."""
        if self.report_of.strip():
            return report_of_line(self.report_of)
        return f"Presented by {self.presenter.printed_name}" if self.presenter_id else ""


class Attendance(models.Model):
    """One person's attendance at one meeting, as the minutes record it."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent"
        SUBSTITUTE = "substitute", "Substitute"
        IN_ATTENDANCE = "in_attendance", "Also in attendance"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="attendances"
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    role = models.CharField(
        max_length=200,
        blank=True,
        help_text='The role held that day: "Chairman", "Cabinet Member for ...".',
    )
    is_chair = models.BooleanField(default=False, help_text="Chaired this meeting.")
    substitute_for = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="substituted_by",
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Position in the printed list.")
    printed_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The name as the source document printed it, if different.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "status", "order"]
        verbose_name_plural = "attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="one_attendance_per_person_per_meeting"
            ),
            models.UniqueConstraint(
                fields=["meeting"], condition=Q(is_chair=True), name="one_chair_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(is_chair=False) | Q(status="present"), name="the_chair_is_present"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class Declaration(models.Model):
    """A member's declaration of interest, for the meeting or one item."""

    class Nature(models.TextChoices):
        PECUNIARY = "pecuniary", "Disclosable pecuniary interest"
        OTHER_REGISTRABLE = "other_registrable", "Other registrable interest"
        NON_REGISTRABLE = "non_registrable", "Non-registrable (personal) interest"
        OTHER = "other", "Other interest"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="declarations")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="declarations"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="declarations"
    )
    nature = models.CharField(max_length=20, choices=Nature.choices, default=Nature.OTHER)
    description = models.TextField(help_text="The interest, as recorded.")
    left_the_room = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__sort_name"]

    def __str__(self) -> str:
        return f"{self.person}: {self.description[:60]}"
