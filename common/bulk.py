"""Writing many new rows of plain values at once: by ``COPY`` on PostgreSQL, ``bulk_create`` elsewhere.

``bulk_create`` compiles every value of every row into its INSERT; for the
dashboards' summary rows of a million recommendations that is most of the
cost of keeping them. Rows of plain values (numbers, text, dates, booleans,
keys) need none of it: psycopg writes them into ``COPY`` as they are.
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import Model


def insert(model: type[Model], records: Iterable[Model]) -> None:
    """Write these new records, their primary keys given by the database (and not read back)."""
    records = list(records)
    if not records:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(records, batch_size=5000)
        return
    fields = [
        f for f in model._meta.concrete_fields if not (f.primary_key and getattr(f, "db_returning", False))
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    names = [f.attname for f in fields]
    with connection.cursor() as cursor:
        copy_in(
            cursor.cursor,
            f"COPY {table} ({columns}) FROM STDIN",
            ([record.__dict__[name] for name in names] for record in records),
        )


def copy_in(cursor, statement: str, rows: Iterable) -> None:
    """Send the rows (each its values in the statement's column order) by the ``COPY ... FROM STDIN``
    statement, through a psycopg cursor."""
    with cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
