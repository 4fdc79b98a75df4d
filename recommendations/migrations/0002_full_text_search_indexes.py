"""GIN indexes for the full-text search of recommendations/filters.py, on PostgreSQL only.

Each expression is the one Django writes for SearchVector(field, config="english"),
so that the searches use them. SQLite has no such indexes and searches by
containment instead.
"""

from django.db import migrations

INDEXES = [
    ("recommendation_text_search", "recommendations_recommendation", "text"),
    ("response_comment_search", "recommendations_cabinetresponse", "comment"),
    ("update_text_search", "recommendations_progressupdate", "text"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            f"USING gin (to_tsvector('english'::regconfig, COALESCE(\"{column}\", '')))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("recommendations", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
