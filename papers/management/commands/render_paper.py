import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from papers.registry import FORMATS, PAPERS
from reviews.models import Review


def _date(value, what):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"{what} “{value}” is not a date. Give it as YYYY-MM-DD, for example 2024-01-16."
        ) from None


class Command(BaseCommand):
    help = (
        "Rebuild a committee paper of a review from the data, as the paper pages do: the cabinet "
        "response table, or a round's update report, recommendations update table or covering report, "
        "as it stands now or as at the end of a past day, as HTML, Word (.docx) or CSV (the covering "
        "report as Word only). A round's paper needs "
        "--round (the meeting date); a closed round's paper shows the data as at its closing."
    )

    def add_arguments(self, parser):
        parser.add_argument("review", metavar="REVIEW_SLUG", help="the review's slug")
        parser.add_argument("--paper", required=True, choices=list(PAPERS), help="which paper")
        parser.add_argument("--round", metavar="YYYY-MM-DD", help="the round's meeting date")
        parser.add_argument("--as-at", metavar="YYYY-MM-DD", help="show the data as at the end of this day")
        parser.add_argument("--format", default="html", choices=FORMATS)
        parser.add_argument(
            "--output", metavar="FILE", help="write to this file (default: the paper's own file name)"
        )

    def handle(self, *args, review, paper, round, as_at, format, output, **options):
        found = Review.objects.select_related("council").filter(slug=review).first()
        if found is None:
            raise CommandError(f"There is no review with the slug “{review}”.")
        kind = PAPERS[paper]
        if format not in kind.formats:
            raise CommandError(
                f"The {kind.name.lower()} is written only as {' or '.join(kind.formats)}: give --format {kind.formats[0]}."
            )
        update_round = None
        if kind.of_round:
            if not round:
                raise CommandError(f"The {paper} paper is a round's: say which with --round YYYY-MM-DD.")
            meeting_date = _date(round, "The round")
            update_round = found.rounds.filter(meeting_date=meeting_date).order_by("committee__name").first()
            if update_round is None:
                dates = ", ".join(f"{r.meeting_date}" for r in found.rounds.order_by("meeting_date"))
                raise CommandError(
                    f"“{found}” has no update round on {meeting_date:%-d %B %Y}. "
                    + (f"Its rounds met on {dates}." if dates else "It has no update rounds.")
                )
        when = _date(as_at, "The --as-at date") if as_at else None
        built = kind.make(found, update_round=update_round, as_at=when)
        content = kind.render(built, format)
        path = Path(output or built.filename(format))
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"{path} cannot be written: {error.strerror}.") from None
        self.stdout.write(self.style.SUCCESS(f"Wrote {built.name.lower()} of “{found}” to {path}"))
