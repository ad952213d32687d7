"""Councillors, officers and others who appear in committee papers, and how their names print."""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.db import models

from minutebook.councils.models import free_slug


# Not parsing.names.name_key: this key is stored (NameVariant.key) and treats apostrophes
# as spaces ("o brien", not "obrien"); changing it would strand keys already saved.
def name_key(name: str) -> str:
    """A matching key for a printed name: case, accents, punctuation and titles folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(
        r"\b(county|district|borough|parish)?\s*(cllr|councillor|mr|mrs|ms|miss|dr|prof|sir|dame|"
        r"mbe|obe|cbe|jp|dl|rev|revd)\b",
        " ",
        text,
    )
    return re.sub(r"\s+", " ", text).strip()


class Person(models.Model):
    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", "Councillor"
        OFFICER = "officer", "Officer"
        CO_OPTED = "co_opted", "Co-opted member"
        OTHER = "other", "Other"

    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="people", null=True, blank=True
    )
    name = models.CharField(max_length=200, help_text='The name alone, e.g. "Kath Perry".')
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COUNCILLOR)
    honorific_prefix = models.CharField(max_length=40, blank=True, help_text='"Cllr", "Mr", "Dr"')
    post_nominals = models.CharField(max_length=60, blank=True, help_text='"MBE", "OBE"')
    sort_name = models.CharField(max_length=200, blank=True, help_text="Surname first, for lists.")
    job_title = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    party = models.CharField(max_length=100, blank=True)
    ward = models.CharField(max_length=200, blank=True, help_text="Electoral division or ward.")
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text="The sign-in account of this councillor or officer, if they have one.",
    )

    class Meta:
        ordering = ["sort_name", "name"]
        verbose_name_plural = "people"
        constraints = [
            models.UniqueConstraint(
                fields=["council", "slug"], name="person_slug_unique_per_council"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name:
            parts = self.name.rsplit(" ", 1)
            self.sort_name = f"{parts[-1]}, {parts[0]}" if len(parts) == 2 else self.name
        if not self.slug:
            others = Person.objects.filter(council=self.council).exclude(pk=self.pk)
            self.slug = free_slug(others, self.name, "person")
        super().save(*args, **kwargs)
        # The canonical name is always a variant, so matching finds the person by it.
        NameVariant.objects.get_or_create(
            person=self, key=name_key(self.name), defaults={"text": self.name}
        )

    @property
    def printed_name(self) -> str:
        """The name as papers print it: "Cllr Kath Perry, MBE"."""
        text = f"{self.honorific_prefix} {self.name}".strip()
        return f"{text}, {self.post_nominals}" if self.post_nominals else text


class NameVariant(models.Model):
    """A way a person's name has been printed ("Cllr G. Heath", "Gill Heath"), for matching."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_variants")
    text = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="one_variant_per_key")
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = name_key(self.text)
        super().save(*args, **kwargs)
