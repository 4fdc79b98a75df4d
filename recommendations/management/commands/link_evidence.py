from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from common.history import importer_user
from recommendations import services
from reviews.models import Review, SourceDocument


class Command(BaseCommand):
    help = (
        "Record an imported paper as evidence of progress on recommendations of a review. "
        "A paper rarely says which recommendations it serves, so a person says so here; "
        "links that already exist are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("paper", help="the imported paper's file name")
        parser.add_argument("--review", required=True, metavar="SLUG", help="the review's slug")
        parser.add_argument(
            "--recommendations",
            required=True,
            nargs="+",
            type=int,
            metavar="N",
            help="the recommendations' positions in the review (1, 2, 3 ...)",
        )
        parser.add_argument("--user", metavar="NAME", help="username recorded in history")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be linked, and write nothing"
        )

    def handle(self, *args, paper, review, recommendations, user, dry_run, **options):
        review_obj = Review.objects.filter(slug=review).first()
        if review_obj is None:
            raise CommandError(f"There is no review with the slug “{review}”.")
        document = SourceDocument.objects.filter(name=paper, council=review_obj.council).first()
        if document is None:
            raise CommandError(f"{review_obj.council} has no imported paper named “{paper}”.")
        found = {r.position: r for r in review_obj.recommendations.filter(position__in=recommendations)}
        missing = sorted(set(recommendations) - set(found))
        if missing:
            raise CommandError(f"“{review_obj}” has no recommendation {', '.join(map(str, missing))}.")
        if user:
            acting = get_user_model().objects.filter(username=user).first()
            if acting is None:
                raise CommandError(f"There is no user named “{user}”.")
        else:
            acting = None

        created = 0
        with transaction.atomic():
            acting = acting or importer_user()
            for position in sorted(found):
                created += services.link_evidence(
                    recommendation=found[position],
                    document=document,
                    user=acting,
                    reason=f"Linked {paper} as evidence",
                )
            if dry_run:
                transaction.set_rollback(True)
        verb = "Would link" if dry_run else "Linked"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {paper} to {created} recommendations of “{review_obj}”"
                f" ({len(found) - created} already linked)."
            )
        )
