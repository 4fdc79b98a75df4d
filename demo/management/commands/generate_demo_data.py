import argparse
import datetime
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from common.history import importer_user
from councils import versions
from demo import plan, write

SIZES = [
    ("councils", "N", "councils to create"),
    ("reviews_per_council", "R", "reviews of each council"),
    ("recommendations_per_review", "K", "recommendations of each review"),
    ("rounds", "U", "six-monthly update rounds of each review"),
]


def _date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"enter the date as YYYY-MM-DD, for example 2025-06-30, not “{text}”"
        ) from None


class Command(BaseCommand):
    help = (
        "Create a realistic demo data set: N councils, each with committees, officers and R reviews of K "
        "recommendations, with cabinet responses and U six-monthly update rounds of progress updates (the "
        "last round may still be open, some recommendations stalled or overdue), and themes. Every record "
        "gets its history, recorded by the system user 'importer' with the reason 'Generated demo data "
        "(seed S)' and dated when the event would have happened. It follows them through too: target dates "
        "and their revisions (with reasons), extensions asked for and decided, forecasts, closing outcomes "
        "with reasons, the committee's sign-offs (some not accepted, some reopened), updates found not "
        "adequate, each council's three-step escalation ladder and the steps taken, and responses due "
        "within the council's period (about one review in four answered late). The same --seed and --as-of give the same "
        "data. It is all or nothing, in one transaction; on PostgreSQL the tables it writes are held until it ends (pages wait too), so run it when nobody is using the site. Demo councils are named 'Demo ...' with slugs "
        "'demo-...', and officers' usernames start 'demo-' (they cannot sign in until given a password). "
        "If demo data exists already, it stops and changes nothing, unless --replace is given: then the "
        "existing demo councils and everything in them are deleted first (their history is kept, with "
        "the deletions recorded) and the new set is created in the same transaction. Other data is never "
        "touched, except that any of the twelve themes that do not exist yet are created (and kept). 400 councils x 10 reviews x 25 recommendations x 4 rounds is the scale it is built for."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--councils", type=int, default=3, metavar="N", help="councils to create (default 3)"
        )
        parser.add_argument(
            "--reviews-per-council",
            type=int,
            default=2,
            metavar="R",
            help="reviews of each council (default 2)",
        )
        parser.add_argument(
            "--recommendations-per-review",
            type=int,
            default=10,
            metavar="K",
            help="recommendations of each review (default 10)",
        )
        parser.add_argument(
            "--rounds", type=int, default=3, metavar="U", help="update rounds of each review (default 3)"
        )
        parser.add_argument("--seed", type=int, default=1, metavar="S", help="the random seed (default 1)")
        parser.add_argument(
            "--as-of",
            type=_date,
            metavar="YYYY-MM-DD",
            help="the day the data is current to: dates are set relative to it (default today)",
        )
        parser.add_argument(
            "--replace", action="store_true", help="delete existing demo data first, instead of stopping"
        )

    def handle(self, *args, seed, as_of, replace, **options):
        for name, letter, meaning in SIZES:
            value = options[name]
            if value < 1:
                flag = "--" + name.replace("_", "-")
                raise CommandError(
                    f"Enter at least 1 for {flag} ({letter}, the number of {meaning}); you entered {value}."
                )
        sizes = plan.Sizes(
            councils=options["councils"],
            reviews=options["reviews_per_council"],
            recommendations=options["recommendations_per_review"],
            rounds=options["rounds"],
        )
        as_of = as_of or timezone.localdate()
        problem = write.clash()
        if problem:
            raise CommandError(problem)
        existing = write.existing_demo_councils().count()
        if existing and not replace:
            raise CommandError(
                f"Demo data exists already ({existing} demo councils). Nothing was changed. "
                "Run again with --replace to delete it and create a new set."
            )
        if existing:
            problem = write.demo_data_blockers()
            if problem:
                raise CommandError(problem)

        started = time.monotonic()
        try:
            with transaction.atomic():
                user = importer_user()
                if existing:
                    removed = write.remove(
                        user=user,
                        reason=f"Replaced by {plan.reason_for(seed)}",
                        progress=self._bar("Deleting"),
                    )
                    self._end_bar()
                    self.stdout.write(
                        f"Deleted {removed} demo councils and everything in them "
                        f"({time.monotonic() - started:.1f} s)."
                    )
                counts = write.generate(
                    sizes=sizes, seed=seed, as_of=as_of, user=user, progress=self._bar("Creating")
                )
                self._end_bar()
                # Written in bulk, without the signals that mark cached pages stale: every council's go.
                versions.bump(None)
        except IntegrityError as error:
            raise CommandError(
                f"The demo data could not be written, and nothing was changed: it clashes with existing data ({error})."
            ) from error
        # The tables grew many times over: let the query planner see their new sizes before anyone reads them.
        analysed = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Analysed the database ({time.monotonic() - analysed:.1f} s).")
        seconds = time.monotonic() - started
        summary = ", ".join(f"{value:,} {name}" for name, value in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Created demo data (seed {seed}, as of {as_of:%-d %B %Y}): {summary}.")
        )
        self.stdout.write(f"Took {seconds:.1f} s.")

    def _bar(self, label):
        """A progress callback drawing a bar in place on a terminal (one line per 10% otherwise)."""
        interactive = hasattr(self.stdout, "isatty") and self.stdout.isatty()
        shown = {"tenth": -1}

        def progress(done, total):
            if interactive:
                filled = 30 * done // total
                self.stdout.write(
                    f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} councils", ending=""
                )
                self.stdout.flush()
            elif 10 * done // total > shown["tenth"]:
                shown["tenth"] = 10 * done // total
                self.stdout.write(f"{label}: {done:,}/{total:,} councils")

        self._interactive = interactive
        return progress

    def _end_bar(self):
        if self._interactive:
            self.stdout.write("")
