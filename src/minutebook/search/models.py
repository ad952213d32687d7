"""The search index (owned by the search app).

One row per searchable thing: an agenda item, a report, a minute (title and narrative), the
decisions of a minute (its resolutions) or a work programme item. Rows hold only what the
public may read: a Part Two item is indexed by its title alone, and its text never reaches
this table (``exempt`` says the row stands for exempt business). The rows are derived data,
rebuilt from the committee records by :mod:`minutebook.search.index`.

The full-text side depends on the database engine:

* SQLite: an FTS5 virtual table ``search_entry_fts`` with this table as its external
  content, kept in step by triggers (see the migrations);
* PostgreSQL: the stored ``vector`` column (title weight A, body B, people C, ``english``
  configuration) with a GIN index, filled by the indexer with ``SearchVector``.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Kind(models.TextChoices):
    AGENDA_ITEM = "agenda_item", "Agenda item"
    REPORT = "report", "Report"
    MINUTE = "minute", "Minute"
    RESOLUTION = "resolution", "Decision"
    WORK_PROGRAMME = "work_programme", "Work programme"


class SearchEntry(models.Model):
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # The primary key of the indexed row (for decisions: of the minute item they belong to).
    source_id = models.PositiveBigIntegerField()
    title = models.TextField()
    body = models.TextField(blank=True, help_text="Public text only: empty for Part Two.")
    people_text = models.TextField(blank=True, help_text="Names of the people named.")
    exempt = models.BooleanField(default=False, help_text="Stands for Part Two business.")
    committee = models.ForeignKey(
        "committees.Committee", on_delete=models.CASCADE, related_name="+"
    )
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    date = models.DateField(null=True, blank=True)
    municipal_year = models.PositiveSmallIntegerField(null=True, blank=True)
    anchor = models.CharField(
        max_length=40, blank=True, help_text='Fragment on the target page: "minute-12".'
    )
    people = models.ManyToManyField("people.Person", blank=True, related_name="+")
    vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only

    class Meta:
        db_table = "search_entry"
        verbose_name_plural = "search entries"
        constraints = [
            models.UniqueConstraint(fields=["kind", "source_id"], name="one_entry_per_source")
        ]
        indexes = [
            models.Index(fields=["committee", "date"], name="search_entry_committee_date"),
            models.Index(fields=["date"], name="search_entry_date"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title[:60]}"
