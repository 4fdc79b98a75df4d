"""Importing papers: read them all, then write what they say through the apps' services, all or nothing.

The command and the upload page share this workflow. A paper uploaded in the
browser is read once and held as a ``PendingImport`` (its bytes and what was
read) while its admin checks what it would create; "Import" writes it from
what was held, without reading the file again.
"""

import datetime
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, NoReturn

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from common.history import importer_user
from councils import services as council_services
from councils.models import Committee, Council
from recommendations import services as recommendation_services
from recommendations.models import ProgressUpdate, Recommendation
from reviews import services as review_services
from reviews.models import Review, SourceDocument, UpdateRound

from .layouts import PaperError, ParsedPaper, ReadPaper, read_paper
from .layouts.base import ParsedRecommendation
from .models import PendingImport

# How long an uploaded paper waits for its admin to say "Import".
PENDING_FOR = datetime.timedelta(hours=24)


@dataclass
class PaperOutcome:
    """What importing one paper did (or, in a dry run, would do), for the person who ran it."""

    name: str
    layout: str = ""
    already_imported: str = ""
    council: Council | None = None
    council_created: bool = False
    review: Review | None = None
    review_created: bool = False
    review_changes: list[str] = field(default_factory=list)
    recommendations: int = 0
    responses: int = 0
    rounds: list[UpdateRound] = field(default_factory=list)
    updates: int = 0

    def summary(self) -> dict:
        """The outcome as JSON, as the check page shows it."""
        return {
            **asdict(self),
            "council": str(self.council or ""),
            "review": str(self.review or ""),
            "rounds": [str(update_round) for update_round in self.rounds],
        }


def import_papers(
    *,
    files: Iterable[tuple[str, bytes]],
    user: User | None = None,
    council: Council | None = None,
    dry_run: bool = False,
) -> list[PaperOutcome]:
    """Import papers, given as (file name, bytes) pairs, all or nothing.

    Every file is read before anything is written, so a bad one changes
    nothing. With ``council``, a paper of any other council is refused.
    """
    return _import(
        [read_paper(name, data) for name, data in files], user=user, council=council, dry_run=dry_run
    )


def _import(
    papers: list[ReadPaper], *, user: User | None, council: Council | None = None, dry_run: bool = False
) -> list[PaperOutcome]:
    if council is not None:
        for paper in papers:
            if paper.parsed.council.casefold() != council.name.casefold():
                raise PaperError(f"{paper.name} is a paper of {paper.parsed.council}, not of {council}.")
    # Papers that make recommendations go first, so that a paper reporting
    # on a review finds it whatever the order of the files.
    papers = sorted(papers, key=lambda paper: not paper.parsed.creates_recommendations)
    with transaction.atomic():
        user = user or importer_user()
        outcomes = [_PaperImport(paper, user).run() for paper in papers]
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


def hold_upload(*, council: Council, user: User, name: str, data: bytes) -> PendingImport:
    """Read an uploaded paper and keep it, with what importing it would create, for its admin to check.

    Raises PaperError, writing nothing, if it cannot be read or is another council's.
    """
    paper = read_paper(name, data)
    (outcome,) = _import([paper], user=user, council=council, dry_run=True)
    now = timezone.now()
    with transaction.atomic():
        PendingImport.objects.expired(now).delete()
        return PendingImport.objects.create(
            owner=user,
            council=council,
            name=paper.name,
            checksum=paper.checksum,
            data=data,
            text=paper.text,
            paper=paper.parsed.to_json(),
            outcome=outcome.summary(),
            expires_at=now + PENDING_FOR,
        )


def import_pending(*, pending: PendingImport, user: User) -> PaperOutcome:
    """Import a held upload as it was read; it is no longer held afterwards, whatever happens."""
    paper = ReadPaper(
        pending.name,
        bytes(pending.data),
        pending.text,
        ParsedPaper.from_json(pending.paper),
        pending.checksum,
    )
    try:
        (outcome,) = _import([paper], user=user, council=pending.council)
    finally:
        pending.delete()
    return outcome


class _PaperImport:
    """Writes one paper that has been read, as one user, for the reason "Imported from <file>"."""

    def __init__(self, paper: ReadPaper, user: User) -> None:
        self.paper, self.parsed, self.user = paper, paper.parsed, user
        self.reason = f"Imported from {paper.name}"
        self.outcome = PaperOutcome(name=paper.name, layout=self.parsed.layout)
        self.history: dict[str, Any] = {"user": user, "reason": self.reason}

    def fail(self, message: str, line: int | None = None) -> NoReturn:
        where = f", line {line}" if line else ""
        raise PaperError(f"{self.paper.name}{where}: {message}")

    def run(self) -> PaperOutcome:
        existing = (
            SourceDocument.objects.filter(checksum=self.paper.checksum).select_related("imported_by").first()
        )
        if existing:
            self.outcome.already_imported = (
                f"already imported as {existing.name} on {timezone.localtime(existing.imported_at):%-d %B %Y} "
                f"by {existing.imported_by}"
            )
            return self.outcome
        parsed = self.parsed
        self.council, self.outcome.council_created = council_services.find_or_add_council(
            name=parsed.council, **self.history
        )
        self.outcome.council = self.council
        review = self.outcome.review = self.review()
        document = review_services.add_source_document(
            council=self.council,
            review=review,
            name=self.paper.name,
            checksum=self.paper.checksum,
            kind=parsed.kind,
            layout=parsed.layout,
            title=parsed.title,
            paper_date=parsed.paper_date,
            text=self.paper.text,
            **self.history,
        )
        recommendations = self.recommendations(review, document)
        if parsed.round:
            self.add_round(review, recommendations, document)
        return self.outcome

    def committee(self, name: str) -> Committee:
        return council_services.find_or_add_committee(council=self.council, name=name, **self.history)

    def review(self) -> Review:
        """The review the paper is about, made or brought up to date with what the paper says of it."""
        parsed = self.parsed
        review = self.find_review()
        said: dict[str, Any] = {
            "committee": self.committee(parsed.review_committee) if parsed.review_committee else None,
            "recommended_date": parsed.review_recommended_date,
            "report_dated": parsed.review_report_dated,
            "endorsed_date": parsed.review_endorsed_date,
        }
        said = {name: value for name, value in said.items() if value}
        if review is None:
            self.outcome.review_created = True
            return review_services.add_review(
                council=self.council, title=parsed.review_title, **said, **self.history
            )
        changes = {name: value for name, value in said.items() if getattr(review, name) != value}
        if changes:
            self.outcome.review_changes = [name.replace("_", " ") for name in changes]
            review_services.edit_review(review=review, **changes, **self.history)
        return review

    def find_review(self) -> Review | None:
        """The review a paper is about: by its title, else the one the text names; None for a new one."""
        parsed, council = self.parsed, self.council
        reviews = list(council.reviews.all())
        if parsed.review_title:
            match = [r for r in reviews if r.title.lower() == parsed.review_title.lower()]
            if match:
                return match[0]
            if parsed.creates_recommendations:
                return None
            self.fail(
                f"it reports on “{parsed.review_title}”, which has not been imported. "
                "Import that review's paper first."
            )
        text = self.paper.text.lower()
        named = [r for r in reviews if r.title.lower() in text]
        if len(named) == 1:
            return named[0]
        if not named and len(reviews) == 1:
            return reviews[0]
        if not reviews:
            self.fail(
                f"it does not make recommendations, and {council} has no review yet for it to report on. "
                "Import the review's paper (the cabinet response or update report) with it or first."
            )
        self.fail(f"the importer cannot tell which of {council}'s reviews it is about.")
        raise AssertionError  # fail() raises

    def recommendations(self, review: Review, document: SourceDocument) -> dict[int, Recommendation]:
        """The paper's recommendations, by position: those the review has already, and the new ones."""
        existing = {r.position: r for r in review.recommendations.select_related("cabinet_response")}
        found: dict[int, Recommendation] = {}
        for item in self.parsed.recommendations:
            recommendation = existing.get(item.position)
            if recommendation is None:
                recommendation = recommendation_services.add_recommendation(
                    review=review,
                    position=item.position,
                    reference=item.reference,
                    lead_officer_name=item.lead_officer,
                    timetable=item.target,
                    priority=item.priority,
                    made_to=item.made_to,
                    source_table=item.source_table,
                    title=item.title,
                    text=item.text,
                    source_document=document,
                    source_position=item.source_position,
                    **self.history,
                )
                self.outcome.recommendations += 1
            elif recommendation.text != item.text:
                self.fail(
                    f"recommendation {item.label} of “{review}” is already recorded with other words. "
                    "Correct the paper, or the recorded recommendation, so that they agree.",
                    item.line,
                )
            found[item.position] = recommendation
            if item.response:
                self.add_response(recommendation, item, document)
        return found

    def add_response(
        self, recommendation: Recommendation, item: ParsedRecommendation, document: SourceDocument
    ) -> None:
        parsed = item.response
        assert parsed is not None  # the caller adds only the responses there are
        current = getattr(recommendation, "cabinet_response", None)
        if current is not None:
            if (current.decision, current.comment) != (parsed.decision, parsed.comment):
                self.fail(
                    f"recommendation {item.label} already has a different cabinet response.",
                    item.line,
                )
            return
        recommendation_services.save_response(
            recommendation=recommendation,
            version=None,
            decision=parsed.decision,
            decision_wording=parsed.decision_wording,
            comment=parsed.comment,
            responder_name=parsed.responder_name,
            responder_role=parsed.responder_role,
            response_date=parsed.response_date,
            source_document=document,
            source_position=parsed.source_position,
            **self.history,
        )
        self.outcome.responses += 1

    def add_round(
        self, review: Review, recommendations: dict[int, Recommendation], document: SourceDocument
    ) -> None:
        parsed = self.parsed.round
        assert parsed is not None  # the caller adds a round only for a paper that has one
        committee = self.committee(parsed.committee)
        if review.rounds.filter(committee=committee, meeting_date=parsed.meeting_date).exists():
            self.fail(
                f"“{review}” already has an update round for {committee} on {parsed.meeting_date:%-d %B %Y}."
            )
        update_round = review_services.add_round(
            review=review,
            committee=committee,
            meeting_date=parsed.meeting_date,
            title=parsed.title,
            report_author=parsed.report_author,
            cabinet_member=parsed.cabinet_member,
            wards=parsed.wards,
            introduction=parsed.introduction,
            narrative=parsed.narrative,
            closing=parsed.closing,
            previous_update_date=parsed.previous_update_date,
            source_document=document,
            **self.history,
        )
        self.outcome.rounds.append(update_round)
        updates = [
            ProgressUpdate(
                recommendation=recommendations[item.position],
                round=update_round,
                status=item.update.status,
                status_wording=item.update.status_wording,
                text=item.update.text,
                update_date=item.update.update_date,
                author_name=item.update.author_name,
                paragraph_number=item.update.paragraph_number,
                source_document=document,
            )
            for item in self.parsed.recommendations
            if item.update is not None
        ]
        recommendation_services.add_updates(updates, **self.history)
        self.outcome.updates += len(updates)
