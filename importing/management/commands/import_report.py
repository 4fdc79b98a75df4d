from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from importing.layouts import PaperError
from importing.services import import_papers


class Command(BaseCommand):
    help = (
        "Import council papers (cabinet response tables, update reports, decision papers) "
        "into reviews, recommendations, responses, rounds and updates. All the files are "
        "imported in one transaction: if any of them cannot be read, nothing is written. "
        "A paper already imported is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="paper as a text file")
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be imported, and write nothing"
        )
        parser.add_argument(
            "--user",
            metavar="NAME",
            help="username recorded in history as the importer (default: the system user “importer”)",
        )

    def handle(self, *args, files, dry_run, user, **options):
        importer = None
        if user:
            try:
                importer = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"There is no user named “{user}”.") from None
        contents = []
        for name in files:
            path = Path(name)
            try:
                contents.append((path.name, path.read_bytes()))
            except OSError as error:
                raise CommandError(
                    f"{name} cannot be read: {error.strerror}.\nNothing was imported."
                ) from None
        try:
            outcomes = import_papers(files=contents, user=importer, dry_run=dry_run)
        except PaperError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None

        totals = {
            "councils": 0,
            "reviews": 0,
            "recommendations": 0,
            "responses": 0,
            "rounds": 0,
            "updates": 0,
        }
        for outcome in outcomes:
            if outcome.already_imported:
                self.stdout.write(f"{outcome.name}: {outcome.already_imported}; nothing changed.")
                continue
            self.stdout.write(self.style.MIGRATE_HEADING(f"{outcome.name} ({outcome.layout})"))
            council, review = outcome.council, outcome.review
            assert council is not None and review is not None  # every paper imported has both
            self.stdout.write(
                f"  Council: {council} [{council.slug}]" + (" (new)" if outcome.council_created else "")
            )
            state = " (new)" if outcome.review_created else ""
            if outcome.review_changes:
                state = f" (updated: {', '.join(outcome.review_changes)})"
            self.stdout.write(f"  Review: {review} [{review.slug}]{state}")
            if outcome.recommendations or outcome.responses:
                self.stdout.write(
                    f"  {outcome.recommendations} recommendations, {outcome.responses} cabinet responses"
                )
            for update_round in outcome.rounds:
                self.stdout.write(f"  Update round: {update_round}, with {outcome.updates} progress updates")
            totals["councils"] += outcome.council_created
            totals["reviews"] += outcome.review_created
            totals["recommendations"] += outcome.recommendations
            totals["responses"] += outcome.responses
            totals["rounds"] += len(outcome.rounds)
            totals["updates"] += outcome.updates

        imported = sum(1 for outcome in outcomes if not outcome.already_imported)
        summary = (
            f"{imported} of {len(outcomes)} papers: {totals['councils']} councils, {totals['reviews']} reviews, "
            f"{totals['recommendations']} recommendations, {totals['responses']} cabinet responses, "
            f"{totals['rounds']} update rounds, {totals['updates']} progress updates."
        )
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run, nothing written. Would import {summary}"))
        elif imported:
            self.stdout.write(self.style.SUCCESS(f"Imported {summary}"))
        else:
            self.stdout.write(self.style.SUCCESS("Nothing new to import; nothing changed."))
