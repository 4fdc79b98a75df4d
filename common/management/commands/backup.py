import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from common import backup


def print_counts(command, heading, counts):
    command.stdout.write(heading)
    width = max((len(table) for table in counts), default=0)
    for table, count in counts.items():
        command.stdout.write(f"  {table:<{width}}  {count:>9,}")


class Command(BaseCommand):
    help = (
        "Write the whole database, history included, to FILE: PostgreSQL with pg_dump's custom format, "
        "SQLite with its online backup; then print the rows of each table that the file holds. "
        "The site can stay up meanwhile. An existing FILE is kept unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="where to write the backup")
        parser.add_argument("--force", action="store_true", help="write over FILE if it exists")

    def handle(self, *args, file, force, **options):
        path = Path(file)
        backup.check_supported(connection)
        if path.exists() and not force:
            raise CommandError(
                f"{path} already exists. Choose another name, or add --force to write over it."
            )
        if not path.parent.is_dir():
            raise CommandError(f"There is no folder {path.parent} to write {path.name} into.")
        started = time.monotonic()
        counts = backup.back_up(connection, path)
        seconds = time.monotonic() - started
        print_counts(self, f"Rows in the backup, by table ({len(counts)} tables):", counts)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {sum(counts.values()):,} rows to {path} "
                f"({path.stat().st_size:,} bytes) in {seconds:.1f} seconds."
            )
        )
