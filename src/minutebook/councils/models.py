"""A council and the municipal years it runs on."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q, QuerySet
from django.utils.text import slugify


def free_slug(taken: QuerySet, name: str, fallback: str) -> str:
    """``name`` as a slug, with "-2", "-3", ... added until no row of ``taken`` has it."""
    base = slugify(name)[:190] or fallback
    slug, n = base, 2
    while taken.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


class Council(models.Model):
    class Kind(models.TextChoices):
        COUNTY = "county", "County council"
        DISTRICT = "district", "District or borough council"
        UNITARY = "unitary", "Unitary authority"
        METROPOLITAN = "metropolitan", "Metropolitan borough council"
        LONDON_BOROUGH = "london_borough", "London borough council"
        PARISH = "parish", "Parish or town council"
        COMMUNITY = "community", "Community council (Wales)"
        OTHER = "other", "Other authority"

    class Country(models.TextChoices):
        # Schedule 12A to the Local Government Act 1972 applies in England and Wales only;
        # Wales numbers the same grounds 12 to 18 (see meetings.schedule12a).
        ENGLAND = "england", "England"
        WALES = "wales", "Wales"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    country = models.CharField(
        max_length=10,
        choices=Country.choices,
        default=Country.ENGLAND,
        help_text="Decides which paragraphs of Schedule 12A clerks are offered for Part Two "
        "business: 1 to 7 in England, 12 to 18 in Wales.",
    )
    website = models.URLField(blank=True)
    number_front_sheet = models.BooleanField(
        default=False,
        help_text="Number the agenda front sheet as Page 1 of the pack. Off: the front sheet "
        "is unnumbered and the first paper is Page 1, as most councils print their packs.",
    )
    # The month and day the municipal year starts when no MunicipalYear row says otherwise.
    # The annual meeting is usually in May; committee meetings rarely fall before it.
    default_year_start_month = models.PositiveSmallIntegerField(default=5)
    default_year_start_day = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:200]
        super().save(*args, **kwargs)

    def municipal_year_of(self, day: dt.date) -> int:
        """The start year of the municipal year containing ``day`` (2018 for 2018-19)."""
        explicit = (
            self.municipal_years.filter(starts_on__lte=day)
            .filter(Q(ends_on__gte=day) | Q(ends_on__isnull=True))
            .order_by("-starts_on")
            .values_list("start_year", flat=True)
            .first()
        )
        if explicit is not None:
            return explicit
        start = dt.date(day.year, self.default_year_start_month, self.default_year_start_day)
        return day.year if day >= start else day.year - 1


def municipal_year_label(start_year: int) -> str:
    """2018 -> "2018-19", the way councils print a municipal year."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


class MunicipalYear(models.Model):
    """A municipal year as the council actually ran it: from one annual meeting to the next."""

    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="municipal_years")
    start_year = models.PositiveSmallIntegerField()
    starts_on = models.DateField(help_text="The day of the annual meeting that opened the year.")
    ends_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["council", "start_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["council", "start_year"], name="one_municipal_year_per_start"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("starts_on")),
                name="municipal_year_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} {municipal_year_label(self.start_year)}"

    @property
    def label(self) -> str:
        return municipal_year_label(self.start_year)
