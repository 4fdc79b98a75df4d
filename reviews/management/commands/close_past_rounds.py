import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from common.history import command_user
from reviews import services
from reviews.models import UpdateRound


class Command(BaseCommand):
    help = (
        "Close every open update round whose meeting has been, unless an admin keeps it open. "
        "Safe to run every day from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say which rounds would close, and close none"
        )
        parser.add_argument(
            "--today",
            help="the date to close rounds as of, YYYY-MM-DD (default: today)",
            metavar="YYYY-MM-DD",
        )

    def handle(self, *args, dry_run, today, **options):
        if today:
            try:
                today = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today must be a date written YYYY-MM-DD, not “{today}”.") from None
        else:
            today = timezone.localdate()
        if dry_run:
            rounds = list(UpdateRound.objects.past(today).select_related("review", "committee"))
        else:
            rounds = services.close_past_rounds(today=today, user=command_user())
        verb = "Would close" if dry_run else "Closed"
        for update_round in rounds:
            self.stdout.write(f"{verb} the round for {update_round} on “{update_round.review}”.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {len(rounds)} round{'s' if len(rounds) != 1 else ''} whose meeting has been."
            )
        )
