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
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for record in records:
            values = record.__dict__
            copy.write_row([values[name] for name in names])
