"""Backups of the whole database, as the database itself makes them.

PostgreSQL through ``pg_dump -Fc`` and ``pg_restore``; SQLite through its
online backup API. Unlike ``dumpdata``/``loaddata`` these keep every table as
it is: history rows with their ids, users and reasons, the links of
many-to-many fields, sequences.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db.backends.base.base import BaseDatabaseWrapper

# What `migrate` writes into a new database: a database holding only these holds no one's data.
BOOKKEEPING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}

SQLITE_HEADER = b"SQLite format 3\x00"
PG_CUSTOM_HEADER = b"PGDMP"


def is_postgresql(connection: BaseDatabaseWrapper) -> bool:
    return connection.vendor == "postgresql"


def check_supported(connection: BaseDatabaseWrapper) -> None:
    if connection.in_atomic_block:
        raise CommandError("A backup or restore cannot run inside a transaction.")
    if connection.vendor not in ("postgresql", "sqlite"):
        raise CommandError(f"Backups are made of PostgreSQL and SQLite databases, not {connection.vendor}.")
    if is_postgresql(connection):
        for tool in ("pg_dump", "pg_restore"):
            if not shutil.which(tool):
                raise CommandError(f"{tool} is not installed. Install PostgreSQL's client programs.")


def table_counts(connection: BaseDatabaseWrapper) -> dict[str, int]:
    """The number of rows of every table in the database, history tables included, in one query."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        if not tables:
            return {}
        quote = connection.ops.quote_name
        cursor.execute(
            " UNION ALL ".join(f"SELECT %s, COUNT(*) FROM {quote(table)}" for table in tables), tables
        )
        return dict(cursor.fetchall())


def sqlite_table_counts(path: str | Path) -> dict[str, int]:
    """The same for an SQLite file that is not the connection's (a backup)."""
    with _open_sqlite(path) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        counts = {table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}
    db.close()
    return {table: counts[table] for table in sorted(counts) if not table.startswith("sqlite_")}


def holds_data(counts: dict[str, int]) -> bool:
    return any(count for table, count in counts.items() if table not in BOOKKEEPING_TABLES)


def _pg_environment(connection: BaseDatabaseWrapper) -> dict[str, str]:
    """The connection's settings as libpq's variables, so that no password is on a command line."""
    config = connection.settings_dict
    env = dict(os.environ)
    for variable, value in {
        "PGHOST": config.get("HOST"),
        "PGPORT": config.get("PORT"),
        "PGUSER": config.get("USER"),
        "PGPASSWORD": config.get("PASSWORD"),
        "PGDATABASE": config.get("NAME"),
        "PGSSLMODE": config.get("OPTIONS", {}).get("sslmode"),
    }.items():
        if value:
            env[variable] = str(value)
    return env


def _run(args: list[str], connection: BaseDatabaseWrapper, what: str) -> None:
    result = subprocess.run(args, env=_pg_environment(connection), capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{what}: {result.stderr.strip() or 'no message'}")


def _open_sqlite(path: str | Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)


def back_up(connection: BaseDatabaseWrapper, path: Path) -> dict[str, int]:
    """Write the whole database to ``path``; return the row counts of what was written."""
    if is_postgresql(connection):
        # Count in the snapshot pg_dump dumps, so that the counts are those of the file.
        with connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
                counts = table_counts(connection)
                _run(
                    ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}"],
                    connection,
                    "pg_dump failed",
                )
            finally:
                cursor.execute("ROLLBACK")
        return counts
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return sqlite_table_counts(path)


def check_backup(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Refuse a file that is not a backup of this kind of database, in words that say which it is."""
    if not path.is_file():
        raise CommandError(f"There is no file at {path}.")
    with path.open("rb") as file:
        header = file.read(len(SQLITE_HEADER))
    kind = (
        "sqlite"
        if header.startswith(SQLITE_HEADER)
        else "postgresql"
        if header.startswith(PG_CUSTOM_HEADER)
        else None
    )
    if kind is None:
        raise CommandError(f"{path} is not a backup made by the backup command.")
    if kind != connection.vendor:
        made, here = ("a PostgreSQL", "SQLite") if kind == "postgresql" else ("an SQLite", "PostgreSQL")
        raise CommandError(f"{path} is a backup of {made} database; this database is {here}.")
    if kind == "postgresql":
        _run(["pg_restore", "--list", str(path)], connection, f"{path} cannot be read as a PostgreSQL backup")
    else:
        try:
            with _open_sqlite(path) as db:
                (result,) = db.execute("PRAGMA quick_check").fetchone()
            db.close()
        except sqlite3.DatabaseError as error:
            raise CommandError(f"{path} cannot be read as an SQLite backup: {error}.") from None
        if result != "ok":
            raise CommandError(f"{path} is damaged: {result}.")


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Replace the whole database with the backup at ``path`` (checked by ``check_backup``)."""
    if is_postgresql(connection):
        connection.close()
        # One transaction: if anything fails, the database is left as it was.
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            connection,
            "pg_restore failed, and the database is as it was",
        )
        return
    connection.ensure_connection()
    source = _open_sqlite(path)
    try:
        source.backup(connection.connection)  # page by page, over everything that was there
    finally:
        source.close()
    connection.close()
