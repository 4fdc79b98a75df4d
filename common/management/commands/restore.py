import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from common import backup


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup made by the backup command, printing each table's "
        "rows before and after. A database that holds data (more than `migrate` writes) is written "
        "over only with --force. Stop the site first, and run rebuild_latest_progress --dry-run after "
        "to check the dashboards' figures."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup to restore")
        parser.add_argument("--force", action="store_true", help="write over a database that holds data")
        parser.add_argument("--dry-run", action="store_true", help="check the backup and the database only")

    def handle(self, *args, file, force, dry_run, **options):
        path = Path(file)
        backup.check_supported(connection)
        backup.check_backup(connection, path)
        before = backup.table_counts(connection)
        if backup.holds_data(before) and not force:
            raise CommandError(
                f"The database {connection.settings_dict['NAME']} holds data "
                f"({sum(before.values()):,} rows). Restore into an empty database, or add --force "
                "to replace everything in it with the backup."
            )
        if dry_run:
            self.print_counts("Rows now, by table:", before, {})
            self.stdout.write(f"{path} can be restored. Nothing was written (--dry-run).")
            return
        started = time.monotonic()
        backup.restore(connection, path)
        seconds = time.monotonic() - started
        after = backup.table_counts(connection)
        self.print_counts("Rows before and after, by table:", before, after)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {sum(after.values()):,} rows in {len(after)} tables from {path} "
                f"in {seconds:.1f} seconds."
            )
        )

    def print_counts(self, heading, before, after):
        self.stdout.write(heading)
        tables = sorted(set(before) | set(after))
        width = max((len(table) for table in tables), default=0)
        for table in tables:
            was = f"{before[table]:,}" if table in before else "-"
            now = f"{after[table]:,}" if table in after else ("-" if after else "")
            self.stdout.write(f"  {table:<{width}}  {was:>9}  {now:>9}".rstrip())
