"""Writing the plan's records straight into their tables, with their history rows: fast enough for a million.

Django's ``bulk_create`` builds a model instance for every row and its
history row and compiles each value into the INSERT; at a million
recommendations (some twenty-five million rows with history) that alone
takes most of an hour. The plan's records are new and plain (text, numbers,
dates, booleans and keys to each other), so here they are written as rows:
primary keys are taken from each table's own sequence first, so records can
refer to each other before they are written, then the rows go in by ``COPY``
on PostgreSQL and by ``executemany`` elsewhere. The history rows are those
simple-history's ``bulk_history_create`` would write: the record's tracked
fields, when (the record's ``_history_date``), who, why and the kind of change.
"""

import queue
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.models import Model

from common import bulk


class Planned:
    """An unsaved record of ``model``: its fields as attributes, defaults filled in, a related record as the
    record itself (under the field's name), its key filled in when the rows are written."""

    _fixed: dict[type[Model], tuple[dict[str, Any], list[tuple[str, Any]]]] = {}

    def __init__(self, model: type[Model], /, **values: Any) -> None:
        fixed, made = self._defaults(model)
        self.__dict__.update(fixed)
        for name, default in made:
            self.__dict__[name] = default()
        self.__dict__.update(values)
        self._model = model

    @classmethod
    def _defaults(cls, model):
        found = cls._fixed.get(model)
        if found is None:
            fixed: dict[str, Any] = {}
            made = []
            for field in model._meta.concrete_fields:
                if field.is_relation:
                    fixed[field.name] = fixed[field.attname] = None
                elif field.has_default() and callable(field.default):
                    made.append((field.attname, field.default))
                else:
                    fixed[field.attname] = field.get_default()
            found = cls._fixed[model] = (fixed, made)
        return found

    @property
    def pk(self):
        return self.id

    if TYPE_CHECKING:  # its fields, whatever the model's are

        def __getattr__(self, name: str) -> Any: ...

        def __setattr__(self, name: str, value: Any) -> None: ...

    def __repr__(self):
        return f"<Planned {self._model.__name__} {self.__dict__.get('id')}>"


def insert(model: type[Model], records: Sequence[Any]) -> None:
    """Write these new records of the model, giving each its primary key (``id``) first."""
    if not records:
        return
    for record, pk in zip(records, _reserve(model, len(records)), strict=True):
        record.id = pk
    relations = [f for f in model._meta.concrete_fields if f.is_relation]
    for record in records:
        values = record.__dict__
        for field in relations:
            related = values.get(field.name)
            if related is not None:
                values[field.attname] = related.pk
    fields = model._meta.concrete_fields
    _send(model, fields, _values(records, [f.attname for f in fields]))


def insert_history(
    model: type[Model],
    versions: Iterable[tuple[Any, str, Any]],
    *,
    user: Model | None,
    reason: str,
    ids: bool = False,
) -> list[int]:
    """Write a history row of ``model`` for each (record, "+" or "~", moment) given, as simple-history would,
    taking the tracked fields from the record (written already); given ``ids``, return the history ids."""
    history = model.history.model  # type: ignore[attr-defined]
    tracked = [f.attname for f in history.tracked_fields]
    user_id = user.pk if user is not None else None
    columns = ["history_date", "history_change_reason", "history_type", "history_user_id", *tracked]
    rows = []
    for record, kind, moment in versions:
        values = record.__dict__
        rows.append((moment, reason, kind, user_id, *[values[name] for name in tracked]))
    if not rows:
        return []
    reserved: list[int] = []
    if ids:
        reserved = _reserve(history, len(rows))
        columns = ["history_id", *columns]
        rows = [(pk, *row) for pk, row in zip(reserved, rows, strict=True)]
    _send(history, [history._meta.get_field(c) for c in columns], rows)
    return reserved


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Write plain rows (tuples of these fields' values) into the model's table."""
    _send(model, [model._meta.get_field(c) for c in columns], rows)


def _values(records, columns):
    for record in records:
        values = record.__dict__
        yield tuple([values[name] for name in columns])


# Keys are taken from a sequence this many at a time; those left unused at the end are gaps, as after a rollback.
RESERVE_BLOCK = 50_000


def _reserve(model: type[Model], count: int) -> list[int]:
    """``count`` new primary keys of the model's table, from its own sequence, so no other writer is given them."""
    table = model._meta.db_table
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if not _stream:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [quoted, model._meta.pk.column, count],
                )
                return [pk for (pk,) in cursor.fetchall()]
            pool = _stream.reserved.setdefault(table, [])
            if len(pool) < count:
                pool += _stream.next_keys(table, model._meta.pk.column, max(count - len(pool), RESERVE_BLOCK))
            taken = pool[:count]
            del pool[:count]
            return taken
        # SQLite: one writer at a time, and this transaction is writing; AUTOINCREMENT never reuses a key.
        cursor.execute(f"SELECT COALESCE(MAX(rowid), 0) FROM {quoted}")
        (highest,) = cursor.fetchone()
        cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
        (used,) = cursor.fetchone()
        start = max(highest, used) + 1
        return list(range(start, start + count))


def _send(model: type[Model], fields: Sequence[Any], rows: Iterable[tuple]) -> None:
    """The rows into the model's table: by COPY on PostgreSQL (in the stream's thread, inside ``streaming``),
    where psycopg writes plain values, aware datetimes too, as they are; by executemany elsewhere."""
    quoted = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    if connection.vendor == "postgresql":
        statement = f"COPY {quoted} ({names}) FROM STDIN"
        if _stream:
            _stream.put(statement, list(rows))
            return
        with connection.cursor() as cursor:
            bulk.copy_in(cursor.cursor, statement, rows)
        return
    # SQLite keeps dates and times as text in UTC, as the fields prepare them.
    marks = ", ".join(["%s"] * len(fields))
    prepared = [[f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True)] for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", prepared)


# ---------------------------------------------------------------------------
# Streaming: the rows are written while the next are made
# ---------------------------------------------------------------------------


class _Stream:
    """A thread of its own that does the work given, in order, on the transaction's own connection: it
    sends the COPY statements and runs the calls (the services' refreshes of what was written), while the
    caller's thread goes on making the next rows, so the database is kept busy. The caller's thread then
    must not use the connection until the stream is closed; the keys it takes come from a connection of
    their own. A failure stops it; the caller hears of it, as Django's own database error, the next time it
    gives or waits."""

    def __init__(self, wrapper):
        self.wrapper = wrapper
        # About two chunks of councils ahead at most (a chunk is some thirty batches): memory stays flat.
        self.jobs: queue.Queue = queue.Queue(maxsize=80)
        self.error: BaseException | None = None
        self.cancelled = False
        self.reserved: dict[str, list[int]] = {}
        # nextval is outside transactions: keys taken here are no other writer's, and never wait for a batch.
        self.keys = wrapper.get_new_connection(wrapper.get_connection_params())
        self.keys.autocommit = True
        wrapper.inc_thread_sharing()
        self.thread = threading.Thread(target=self._run, name="demo rows", daemon=True)
        self.thread.start()

    def _run(self):
        # This thread's Django connection is the caller's: the same transaction.
        connections[DEFAULT_DB_ALIAS] = self.wrapper
        try:
            while self._next():
                pass
        finally:
            del connections[DEFAULT_DB_ALIAS]

    def _next(self) -> bool:
        job = self.jobs.get()
        try:
            if job is None:
                return False
            if self.error is not None or self.cancelled:
                return True  # the transaction has failed: what is left is dropped
            if callable(job):
                job()
            else:
                statement, rows = job
                with self.wrapper.connection.cursor() as cursor:
                    bulk.copy_in(cursor, statement, rows)
        except BaseException as error:  # noqa: BLE001  # handed to the caller's thread
            self.error = error
        finally:
            self.jobs.task_done()
        return True

    def check(self):
        if self.error is not None:
            error, self.error = self.error, None
            with self.wrapper.wrap_database_errors:
                raise error

    def put(self, statement, rows):
        self.check()
        self.jobs.put((statement, rows))

    def call(self, function, *args):
        """Run the function in the stream's thread, on the transaction's connection, after what was given."""
        self.check()
        self.jobs.put(lambda: function(*args))

    def wait(self) -> None:
        """Until everything given is done; then any failure is raised here."""
        self.jobs.join()
        self.check()

    def next_keys(self, table: str, column: str, count: int) -> list[int]:
        with self.keys.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [connection.ops.quote_name(table), column, count],
            )
            return [pk for (pk,) in cursor.fetchall()]

    def close(self):
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
            self.wrapper.dec_thread_sharing()
            self.keys.close()


_stream: _Stream | None = None


@contextmanager
def streaming(models: Iterable[type[Model]]) -> Iterator[_Stream | None]:
    """Inside it, in a transaction, rows given to ``insert`` and the others are written on PostgreSQL by a
    thread of their own while the caller goes on; what reads them back is given to ``call``. Elsewhere it
    changes nothing (and yields None).

    The foreign keys of the tables of these models (all that will be written) are set aside while the rows
    go in and put back at the end, which checks every row against them at once, as PostgreSQL's guide to
    populating a database advises: checked row by row, the keys of a million recommendations' records take
    longer than writing them. The tables are held until the transaction ends (readers wait too). If any row
    breaks a key, putting it back fails, and the transaction with it.
    """
    global _stream
    if connection.vendor != "postgresql" or _stream is not None:
        yield None
        return
    keys = _set_foreign_keys_aside(models)
    stream = _stream = _Stream(connections[DEFAULT_DB_ALIAS])
    try:
        yield stream
        stream.wait()
    except BaseException as error:
        stream.cancelled = True
        stream.close()
        if isinstance(error, DatabaseError) and stream.error is not None:
            # The caller's statement failed because a batch had: that failure is the one to report.
            stream.check()
        raise
    finally:
        _stream = None
        stream.close()
    _put_foreign_keys_back(keys)


def _set_foreign_keys_aside(models: Iterable[type[Model]]) -> list[tuple[str, str, str]]:
    """Drop the foreign keys of the models' tables; return (table, name, definition) of each, to put back."""
    tables = sorted({model._meta.db_table for model in models})
    with connection.cursor() as cursor:
        # What this transaction did before (deleting the last demo data) is checked now, as ALTER TABLE requires.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY 1, 2",
            [[connection.ops.quote_name(table) for table in tables]],
        )
        keys = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    return keys


def _put_foreign_keys_back(keys: list[tuple[str, str, str]]) -> None:
    by_table: dict[str, list[str]] = {}
    for table, name, definition in keys:
        by_table.setdefault(table, []).append(
            f"ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
        )
    with connection.cursor() as cursor:
        for table, clauses in by_table.items():
            cursor.execute(f"ALTER TABLE {table} {', '.join(clauses)}")
