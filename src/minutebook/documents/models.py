"""Documents brought into Minutebook: what was read, when, and what the parser made of it."""

from __future__ import annotations

from django.db import models


class SourceDocument(models.Model):
    class Kind(models.TextChoices):
        AGENDA_PACK = "agenda_pack", "Agenda pack"
        MINUTES = "minutes", "Minutes"
        OTHER = "other", "Other"

    sha256 = models.CharField(
        max_length=64, unique=True, help_text="Content hash: the same bytes import once."
    )
    original_name = models.CharField(max_length=300)
    file = models.FileField(upload_to="sources/%Y/", blank=True)
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
