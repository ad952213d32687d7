"""A migration operation that runs SQL on one database engine only."""

from __future__ import annotations

from django.db.migrations.operations import RunSQL


class VendorRunSQL(RunSQL):
    """``RunSQL`` that runs only when ``connection.vendor`` is ``vendor``, and is a no-op
    elsewhere (so one migration history serves SQLite and PostgreSQL)."""

    def __init__(self, vendor: str, sql, reverse_sql=None, **kwargs) -> None:
        self.vendor = vendor
        super().__init__(sql, reverse_sql, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self) -> str:
        return f"Raw SQL operation ({self.vendor} only)"
