from json import dumps
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from importing.formats import MAX_BYTES
from importing.layouts import PaperError
from importing.services import describe, import_read, read_papers
from importing.vocabulary import FIELDS
from reviews.models import Review


def _columns(given: str) -> dict[str, str]:
    """--columns "Agree?=decision,3=comment" as {heading or number: field}; a plain message if it is wrong."""
    corrections = {}
    for part in given.split(","):
        heading, equals, name = part.rpartition("=")
        name = name.strip().lower().replace(" ", "_")
        name = "" if name in ("none", "not_used", "") else name
        if not equals or not heading.strip() or name not in FIELDS:
            known = ", ".join(f for f in FIELDS if f)
            raise CommandError(
                f"--columns takes HEADING=FIELD pairs separated by commas, such as “Agree?=decision”; "
                f"“{part.strip()}” is not one. The fields are: {known}, and none."
            )
        corrections[heading.strip()] = name
    return corrections


class Command(BaseCommand):
    help = (
        "Import council papers (Word, PDF, Excel, CSV or text: cabinet responses, action plans, trackers, "
        "update reports, decision papers) into reviews, recommendations, responses, rounds and updates. "
        "Every file is read before anything is written, and all are imported in one transaction: if any "
        "of them cannot be read, nothing is written. A paper already imported is left as it is. With "
        "--json, what was read is printed as one JSON document, and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="FILE", help="a paper: .docx, .pdf, .xlsx, .csv or .txt"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="say what would be imported, and write nothing"
        )
        parser.add_argument(
            "--user",
            metavar="NAME",
            help="username recorded in history as the importer (default: the system user “importer”)",
        )
        parser.add_argument(
            "--council",
            metavar="NAME",
            help="whose papers they are, where a paper does not say (refused if it plainly names another)",
        )
        parser.add_argument("--review", metavar="SLUG", help="the review the papers are about")
        parser.add_argument(
            "--columns",
            metavar="HEADING=FIELD,...",
            help='what a table\'s columns hold, by heading or number, e.g. "Agree?=decision,3=comment"; '
            f"fields: {', '.join(f for f in FIELDS if f)}, and none",
        )
        parser.add_argument(
            "--json", action="store_true", help="print what was read as JSON (the README gives its shape)"
        )

    def handle(self, *args, files, dry_run, user, council, review, columns, json, **options):
        corrections = _columns(columns) if columns else None
        contents = []
        for name in files:
            path = Path(name)
            try:
                size = path.stat().st_size
                if size > MAX_BYTES:
                    raise CommandError(
                        f"{path.name} is {size / 1024 / 1024:.1f} MB; the largest file this service reads is "
                        f"{MAX_BYTES // 1024 // 1024} MB.\nNothing was imported."
                    )
                contents.append((path.name, path.read_bytes()))
            except OSError as error:
                raise CommandError(
                    f"{name} cannot be read: {error.strerror}.\nNothing was imported."
                ) from None
        try:
            papers = read_papers(files=contents, council=council or "", columns=corrections)
        except PaperError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        if json and dry_run:
            self.stdout.write(
                dumps({"papers": [describe(paper) for paper in papers]}, ensure_ascii=False, indent=1)
            )
            return
        importer = None
        if user:
            try:
                importer = get_user_model().objects.get(username=user)
            except get_user_model().DoesNotExist:
                raise CommandError(f"There is no user named “{user}”.") from None
        target = None
        if review:
            target = Review.objects.filter(slug=review).first()
            if target is None:
                raise CommandError(f"There is no review with the slug “{review}”.\nNothing was imported.")
        try:
            outcomes = import_read(papers, user=importer, review=target, dry_run=dry_run)
        except PaperError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        if json:
            self.stdout.write(
                dumps({"papers": [describe(paper) for paper in papers]}, ensure_ascii=False, indent=1)
            )
            return

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
