from django.core.management.base import BaseCommand
from django.db import transaction

from recommendations import summaries


class Command(BaseCommand):
    help = (
        "Rebuild the dashboards' summary (each recommendation's standing, and the tallies of each council "
        "and review) from the records. The services keep it up to date as they write; this is for after a "
        "restore, or to check: it prints how many rows it found different."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say how many rows differ, and change nothing"
        )

    def handle(self, *args, dry_run, **options):
        with transaction.atomic():
            before = summaries.snapshot()
            summaries.rebuild()
            after = summaries.snapshot()
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would rebuild" if dry_run else "Rebuilt"
        for name in before:
            self.stdout.write(
                f"{name}: {len(before[name] - after[name])} rows wrong or left over, "
                f"{len(after[name] - before[name])} missing or wrong"
            )
        differ = sum(len(before[name] ^ after[name]) for name in before)
        rows = sum(len(after[name]) for name in after)
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {rows} summary rows; {differ} differed from the records.")
        )
