"""Reports to committees in the council's template, their recommendations, officers and appendices."""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from minutebook.documents.storage import private_storage
from minutebook.meetings.models import Part, report_of_line


class Report(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    title = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    meeting_date = models.DateField(
        null=True, blank=True, help_text="The meeting the report was written for."
    )
    part = models.PositiveSmallIntegerField(choices=Part.choices, default=Part.ONE)
    exempt_paragraphs = models.ManyToManyField("meetings.ExemptionParagraph", blank=True)
    report_of = models.CharField(
        max_length=300,
        blank=True,
        help_text='As printed: "Cllr Gill Heath, Cabinet Member for Communities".',
    )
    cabinet_member = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports_of"
    )
    # The council's report template, section by section.
    local_members_interest = models.TextField(blank=True)
    summary = models.TextField(
        blank=True, help_text="What is the committee being asked to do and why?"
    )
    body = models.TextField(blank=True)
    link_to_strategic_plan = models.TextField(blank=True)
    link_to_other_scrutiny = models.TextField(blank=True)
    community_impact = models.TextField(blank=True)
    file = models.FileField(
        upload_to="reports/%Y/",
        storage=private_storage,
        max_length=255,
        blank=True,
        help_text="An uploaded PDF, if not written here.",
    )
    source_document = models.ForeignKey(
        "documents.SourceDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(part__in=[1, 2]), name="report_part_one_or_two"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_exempt(self) -> bool:
        return self.part == Part.TWO

    @property
    def report_line(self) -> str:
        return report_of_line(self.report_of)


class ReportRecommendation(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField()

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.text[:80]


class ContactOfficer(models.Model):
    """The officer named in a report's contact block, with the details printed there."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="contact_officers")
    person = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=200, blank=True)
    job_title = models.CharField(max_length=300, blank=True)
    phone = models.CharField(max_length=60, blank=True)
    email = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["report", "order"]

    def __str__(self) -> str:
        return self.name


class Appendix(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="appendices")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.TextField(help_text='As listed: "Appendix A - Summary of Key Findings".')
    part = models.PositiveSmallIntegerField(choices=Part.choices, default=Part.ONE)
    file = models.FileField(
        upload_to="appendices/%Y/", storage=private_storage, max_length=255, blank=True
    )

    class Meta:
        ordering = ["report", "order"]
        verbose_name_plural = "appendices"

    def __str__(self) -> str:
        return self.title[:80]
