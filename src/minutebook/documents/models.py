"""Documents brought into Minutebook: what was read, when, and what the parser made of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from minutebook.documents.storage import private_storage


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        AGENDA_PACK = "agenda_pack", "Agenda pack"
        MINUTES = "minutes", "Minutes"
        OTHER = "other", "Other"

    sha256 = models.CharField(
        max_length=64, unique=True, help_text="Content hash: the same bytes import once."
    )
    original_name = models.CharField(max_length=300)
    file = models.FileField(
        upload_to="sources/%Y/", storage=private_storage, max_length=255, blank=True
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    size = models.PositiveBigIntegerField(default=0)
    imported_at = models.DateTimeField(auto_now_add=True)
    parsed = models.JSONField(
        default=dict, blank=True, help_text="The parse contract JSON as loaded."
    )
    warnings = models.JSONField(default=list, blank=True)
    meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="source_documents"
    )

    class Meta:
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.original_name


class PublishedDocument(models.Model):
    """A version of a document Minutebook published: an agenda pack, a supplement, minutes.

    Publishing again adds a version rather than overwriting, so what the public saw on a date
    can always be shown, and a supplement can say what changed.
    """

    class Kind(models.TextChoices):
        FRONT_SHEET = "front_sheet", "Agenda front sheet"
        AGENDA_PACK = "agenda_pack", "Agenda pack"
        SUPPLEMENT = "supplement", "Supplementary agenda"
        MINUTES = "minutes", "Minutes"

    class Audience(models.TextChoices):
        PUBLIC = "public", "Public (Part One only)"
        MEMBERS = "members", "Members and officers (with Part Two)"

    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, related_name="published_documents"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    audience = models.CharField(max_length=10, choices=Audience.choices, default=Audience.PUBLIC)
    version = models.PositiveSmallIntegerField(default=1)
    file = models.FileField(upload_to="published/%Y/", storage=private_storage, max_length=255)
    page_count = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changes = models.TextField(blank=True, help_text="What changed since the previous version.")

    class Meta:
        ordering = ["meeting", "kind", "audience", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind", "audience", "version"],
                name="one_published_version_per_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version} ({self.get_audience_display()}): {self.meeting}"
