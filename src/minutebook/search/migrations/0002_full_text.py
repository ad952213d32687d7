"""The engine-specific full-text structures of the search index.

SQLite: an FTS5 table whose content is ``search_entry``, kept in step by triggers. Note that
any later migration which makes Django rebuild ``search_entry`` on SQLite (most column
changes do) drops these triggers: such a migration must recreate them and then run
``INSERT INTO search_entry_fts(search_entry_fts) VALUES('rebuild')``.

PostgreSQL: a GIN index on the stored tsvector, which the indexer fills.
"""

from django.db import migrations

from minutebook.search.operations import VendorRunSQL

COLUMNS = "title, body, people_text"

SQLITE = [
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5("
    "title, body, people_text, content='search_entry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_entry BEGIN "
    f"INSERT INTO search_entry_fts(rowid, {COLUMNS}) "
    "VALUES (new.id, new.title, new.body, new.people_text); END",
    "CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_entry BEGIN "
    f"INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.body, old.people_text); END",
    f"CREATE TRIGGER search_entry_fts_update AFTER UPDATE OF {COLUMNS} ON search_entry BEGIN "
    f"INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.body, old.people_text); "
    f"INSERT INTO search_entry_fts(rowid, {COLUMNS}) "
    "VALUES (new.id, new.title, new.body, new.people_text); END",
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]

POSTGRESQL = ["CREATE INDEX search_entry_vector_gin ON search_entry USING gin (vector)"]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS search_entry_vector_gin"]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        VendorRunSQL("sqlite", SQLITE, SQLITE_REVERSE),
        VendorRunSQL("postgresql", POSTGRESQL, POSTGRESQL_REVERSE),
    ]
