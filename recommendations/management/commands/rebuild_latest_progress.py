from django.core.management.base import BaseCommand
from django.db import transaction

from recommendations import services
from recommendations.models import LatestProgress


class Command(BaseCommand):
    help = (
        "Rebuild every recommendation's latest-progress row (what the dashboards count) from the progress "
        "updates. The services keep the rows up to date as they write; this is for after a restore, or to "
        "check: it prints how many rows it found different."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say how many rows differ, and change nothing"
        )

    def handle(self, *args, dry_run, **options):
        fields = [
            "recommendation_id",
            "update_id",
            "status",
            "status_wording",
            "last_updated_date",
            "round_id",
        ]
        with transaction.atomic():
            before = set(LatestProgress.objects.values_list(*fields, "previous_status"))
            services.refresh_latest_progress(None)
            after = set(LatestProgress.objects.values_list(*fields, "previous_status"))
            if dry_run:
                transaction.set_rollback(True)
        differ = len(before ^ after)
        verb = "Would rebuild" if dry_run else "Rebuilt"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(after)} latest-progress rows; {differ} differed from the updates."
            )
        )
