"""The admin shows a clerk only the councils they run, as the workspace does.

Every project ModelAdmin mixes in :class:`CouncilScoped` and names the lookup path from its
model to the council. Scoping ``get_queryset`` scopes the change list, the change, history
and delete pages (which look the object up through it) and the autocomplete widgets (which
search through the related model's admin), so a clerk cannot reach another council's
record, or its exempt text, by typing its id into the address bar. Superusers see all.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from minutebook.access import managed_council_ids, managed_q


class CouncilScoped:
    # The lookup path from the model to its Council, e.g. "meeting__committee__council".
    council_path: str = ""
    # Rows with no council at all (a person not yet placed) are shared by every clerk.
    shared_when_null: bool = False
    # A path through a many-to-many relation matches a row once per related row.
    scope_distinct: bool = False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        rows = super().get_queryset(request)
        if managed_council_ids(request.user) is None:
            return rows
        condition = managed_q(request.user, self.council_path)
        if self.shared_when_null:
            condition |= Q(**{f"{self.council_path}__isnull": True})
        rows = rows.filter(condition)
        return rows.distinct() if self.scope_distinct else rows
