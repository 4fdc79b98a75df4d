from collections import defaultdict

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from councils.mail import queue_email
from recommendations.models import Recommendation, Reminder
from reviews.models import UpdateRound


class Command(BaseCommand):
    help = (
        "E-mail each lead officer the recommendations they owe an update for in an open round. "
        "Safe to run every day from cron: nobody is sent more than one reminder a day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="say who would be reminded, and send nothing"
        )

    def handle(self, *args, dry_run, **options):
        today = timezone.localdate()
        owed = defaultdict(list)
        for recommendation, update_round in due_recommendations():
            owed[recommendation.lead_officer].append((recommendation, update_round))
        reminded = set(Reminder.objects.filter(sent_date=today).values_list("user_id", flat=True))

        sent = skipped = 0
        for officer, items in sorted(owed.items(), key=lambda item: item[0].username):
            if officer.pk in reminded:
                skipped += 1
                continue
            if not officer.email:
                self.stderr.write(f"{officer.username} has no e-mail address; not reminded.")
                continue
            if dry_run:
                self.stdout.write(f"Would remind {officer.username} of {len(items)} recommendations.")
                sent += 1
                continue
            try:
                with transaction.atomic():
                    # Recorded first: a second run the same day finds it and sends nothing.
                    Reminder.objects.create(user=officer, sent_date=today, recommendation_count=len(items))
                    context = {"officer": officer, "items": items, "site_url": settings.SITE_URL}
                    queue_email(
                        recipient=officer,
                        subject=f"Updates due: {len(items)} recommendation{'s' if len(items) != 1 else ''}",
                        template="update_reminder",
                        context=context,
                        kind="update reminder",
                    )
            except IntegrityError:
                skipped += 1  # another run reminded them a moment ago
                continue
            sent += 1
        verb = "Would send" if dry_run else "Sent"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {sent} reminder{'s' if sent != 1 else ''}; {skipped} already reminded today."
            )
        )


def due_recommendations():
    """(recommendation, round) for each recommendation owing an update, with the soonest round it owes."""
    recommendations = (
        Recommendation.objects.owing_update()
        .filter(lead_officer__isnull=False, lead_officer__is_active=True)
        .select_related("lead_officer", "review__council")
        .with_owed_round()
        .order_by("review_id", "position")
    )
    recommendations = list(recommendations)
    rounds = UpdateRound.objects.select_related("committee").in_bulk(
        {r.owed_round_id for r in recommendations}
    )
    return [(recommendation, rounds[recommendation.owed_round_id]) for recommendation in recommendations]
