"""Scrutiny: what a committee plans to examine, and what it recommends to the executive."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q


class WorkProgramme(models.Model):
    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="work_programmes"
    )
    municipal_year = models.PositiveSmallIntegerField(help_text="Start year: 2018 for 2018-19.")
    title = models.CharField(
        max_length=300, blank=True, help_text='As printed: "Work Programme 2018-19".'
    )

    class Meta:
        ordering = ["committee", "-municipal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "municipal_year"], name="one_work_programme_per_committee_year"
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.committee} work programme {self.municipal_year}"


class WorkProgrammeItem(models.Model):
    class Method(models.TextChoices):
        MEETING = "meeting", "At a committee meeting"
        STANDING = "standing", "Standing item"
        BRIEFING = "briefing", "Briefing note, update or visit"
        WORKING_GROUP = "working_group", "Working group"
        INQUIRY = "inquiry", "Inquiry day"
        RELATED = "related", "Related work of other committees or member groups"

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        ON_AGENDA = "on_agenda", "On an agenda"
        CONSIDERED = "considered", "Considered"
        DEFERRED = "deferred", "Deferred"
        WITHDRAWN = "withdrawn", "Withdrawn"

    programme = models.ForeignKey(WorkProgramme, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    planned_date = models.DateField(null=True, blank=True)
    date_text = models.CharField(
        max_length=300, blank=True, help_text='As printed: "tbc", "22 January 2019 2.00 pm".'
    )
    planned_meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_programme_items",
    )
    topic = models.TextField()
    method = models.CharField(max_length=20, choices=Method.choices, default=Method.MEETING)
    background = models.TextField(blank=True, help_text="Why the committee is looking at this.")
    outcome = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PLANNED)
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_programme_items",
        help_text="The agenda item that took this topic.",
    )
    people = models.ManyToManyField("people.Person", through="WorkProgrammeLead", blank=True)

    class Meta:
        ordering = ["programme", "order"]

    def __str__(self) -> str:
        return self.topic[:80]


class WorkProgrammeLead(models.Model):
    """A Cabinet Member or lead officer named against a work programme item, in printed order."""

    class Role(models.TextChoices):
        CABINET_MEMBER = "cabinet_member", "Cabinet Member"
        OFFICER = "officer", "Lead officer"

    item = models.ForeignKey(WorkProgrammeItem, on_delete=models.CASCADE, related_name="leads")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="work_programme_leads"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(default=0)
    printed_name = models.CharField(
        max_length=200,
        blank=True,
        help_text="The name as the source document printed it, if different.",
    )

    class Meta:
        ordering = ["item", "role", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "person", "role"], name="one_lead_role_per_person_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Recommendation(models.Model):
    """A scrutiny recommendation to the executive, from a minute or a review report."""

    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.PROTECT, related_name="recommendations"
    )
    minute_item = models.ForeignKey(
        "minutes.MinuteItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    report = models.ForeignKey(
        "reports.Report",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="scrutiny_recommendations",
    )
    number = models.CharField(max_length=10, blank=True)
    text = models.TextField()
    made_on = models.DateField()
    addressed_to = models.ForeignKey(
        "people.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations_received",
        help_text="The Cabinet Member asked to respond.",
    )
    addressed_to_role = models.CharField(
        max_length=200, blank=True, help_text='"Cabinet Member for Communities".'
    )
    response_due = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-made_on", "number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(response_due__isnull=True) | Q(response_due__gte=F("made_on")),
                name="recommendation_response_due_on_or_after_made",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class ExecutiveResponse(models.Model):
    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        PARTLY = "partly", "Partly accepted"
        REJECTED = "rejected", "Rejected"

    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.CASCADE, related_name="response"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices)
    reasons = models.TextField(blank=True)
    responded_on = models.DateField()
    responder = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action_deadline = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(decision="accepted") | ~Q(reasons=""),
                name="partial_or_rejected_response_gives_reasons",
            ),
            # Nothing is to be done about a rejected recommendation, so nothing is due.
            models.CheckConstraint(
                condition=Q(action_deadline__isnull=True) | ~Q(decision="rejected"),
                name="rejected_response_has_no_action_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()}: {self.recommendation}"


class ProgressUpdate(models.Model):
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="progress_updates"
    )
    reported_on = models.DateField()
    text = models.TextField()
    reported_to = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The meeting that heard the update.",
    )
    complete = models.BooleanField(default=False)

    class Meta:
        ordering = ["recommendation", "reported_on"]

    def __str__(self) -> str:
        return f"{self.reported_on}: {self.text[:60]}"
