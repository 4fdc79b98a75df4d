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

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from common.history import importer_user
from councils import services as council_services
from councils.models import Committee, Council
from recommendations import services as recommendation_services
from recommendations.models import CabinetResponse, ProgressUpdate, Recommendation
from reviews import services as review_services
from reviews.models import Review, SourceDocument, UpdateRound

from . import formats, tables
from .layouts import PaperError, ParsedPaper, ReadPaper, read_extract, read_paper, title_from_name
from .layouts.base import ParsedRecommendation, target_date_of
from .models import PendingImport
from .vocabulary import words_key

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
            "review_id": self.review.pk if self.review and not self.review_created else None,
            "rounds": [str(update_round) for update_round in self.rounds],
        }


@dataclass
class Destination:
    """Where a paper's recommendations go, as its admin chose: a review of the council, or a new one."""

    review: Review | None = None
    # For a new review: its title, committee and date, where the admin gave or corrected them.
    title: str = ""
    committee: str = ""
    recommended_date: datetime.date | None = None


def read_papers(
    *,
    files: Iterable[tuple[str, bytes]],
    council: str = "",
    columns: dict[str, str] | None = None,
) -> list[ReadPaper]:
    """Read every file, any format, before anything is written; PaperError names the first that cannot be."""
    return [read_paper(name, data, council=council, columns=columns) for name, data in files]


def import_papers(
    *,
    files: Iterable[tuple[str, bytes]],
    user: User | None = None,
    council: Council | None = None,
    review: Review | None = None,
    dry_run: bool = False,
) -> list[PaperOutcome]:
    """Import papers, given as (file name, bytes) pairs, all or nothing.

    Every file is read before anything is written, so a bad one changes
    nothing. With ``council``, a paper of any other council is refused.
    """
    papers = read_papers(files=files, council=council.name if council else "")
    return import_read(papers, user=user, council=council, destination=Destination(review), dry_run=dry_run)


def import_read(
    papers: list[ReadPaper],
    *,
    user: User | None,
    council: Council | None = None,
    review: Review | None = None,
    destination: Destination | None = None,
    dry_run: bool = False,
) -> list[PaperOutcome]:
    """Write papers already read, all or nothing; with ``council``, refusing any other council's."""
    if council is not None:
        for paper in papers:
            if paper.parsed.council.casefold() != council.name.casefold():
                raise PaperError(f"{paper.name} is a paper of {paper.parsed.council}, not of {council}.")
    for paper in papers:
        check_fits(paper)
    destination = destination or Destination(review)
    # Papers that make recommendations go first, so that a paper reporting
    # on a review finds it whatever the order of the files.
    papers = sorted(papers, key=lambda paper: not paper.parsed.creates_recommendations)
    # The dashboards' summary is worked out once for the papers, not once for each record.
    with transaction.atomic():
        with recommendation_services.summaries_refreshed_once():
            user = user or importer_user()
            outcomes = [_PaperImport(paper, user, destination).run() for paper in papers]
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


def _limit(model: type[models.Model], name: str) -> int:
    field = model._meta.get_field(name)
    return getattr(field, "max_length", None) or 0


def check_fits(paper: ReadPaper) -> None:
    """Refuse, before anything is written, a paper whose words will not fit where they go.

    A cell far longer than its field allows is nearly always a column read
    as the wrong thing (a comment taken for the lead officer): the message
    says where, so the admin can name the column.
    """
    parsed = paper.parsed
    checks: list[tuple[str, str, int]] = [
        ("the council's name", parsed.council, _limit(Council, "name")),
        ("the review's title", parsed.review_title, _limit(Review, "title")),
        ("the committee's name", parsed.review_committee, _limit(Committee, "name")),
        ("the paper's title", parsed.title, _limit(SourceDocument, "title")),
    ]
    for item in parsed.recommendations:
        where = f"recommendation {item.label}"
        checks += [
            (f"the reference of {where}", item.reference, _limit(Recommendation, "reference")),
            (f"the title of {where}", item.title, _limit(Recommendation, "title")),
            (f"the lead officer of {where}", item.lead_officer, _limit(Recommendation, "lead_officer_name")),
            (f"the timetable of {where}", item.target, _limit(Recommendation, "timetable")),
            (f"the priority of {where}", item.priority, _limit(Recommendation, "priority")),
            (f"whom {where} was made to", item.made_to, _limit(Recommendation, "made_to")),
        ]
        if item.response:
            checks += [
                (
                    f"the decision of {where}",
                    item.response.decision_wording,
                    _limit(CabinetResponse, "decision_wording"),
                ),
                (
                    f"the cabinet member of {where}",
                    item.response.responder_name,
                    _limit(CabinetResponse, "responder_name"),
                ),
                (
                    f"the responder's role for {where}",
                    item.response.responder_role,
                    _limit(CabinetResponse, "responder_role"),
                ),
            ]
        if item.update:
            checks += [
                (
                    f"the status of {where}",
                    item.update.status_wording,
                    _limit(ProgressUpdate, "status_wording"),
                ),
                (
                    f"the author of {where}'s update",
                    item.update.author_name,
                    _limit(ProgressUpdate, "author_name"),
                ),
            ]
    if parsed.round:
        checks += [
            ("the round's committee", parsed.round.committee, _limit(Committee, "name")),
            ("the report's title", parsed.round.title, _limit(UpdateRound, "title")),
            ("the report's author", parsed.round.report_author, _limit(UpdateRound, "report_author")),
            (
                "the report's cabinet member",
                parsed.round.cabinet_member,
                _limit(UpdateRound, "cabinet_member"),
            ),
            ("the report's wards", parsed.round.wards, _limit(UpdateRound, "wards")),
        ]
    for what, value, limit in checks:
        if limit and len(value) > limit:
            raise PaperError(
                f"{paper.name}: {what} is {len(value):,} characters long, and can be at most {limit:,}. "
                "Is the column it comes from the right one?"
            )
    if parsed.layout == SourceDocument.Layout.TABLE:
        seen: dict[str, ParsedRecommendation] = {}
        for item in parsed.recommendations:
            key = words_key(item.reference)
            if key and key in seen:
                raise PaperError(
                    f"{paper.name}: the reference “{item.reference}” is given to two recommendations "
                    f"({tables.place(seen[key].source_table, seen[key].source_position)}, and "
                    f"{tables.place(item.source_table, item.source_position)}). Correct the paper, or say the "
                    "column holds no references."
                )
            seen[key] = item


def describe(paper: ReadPaper) -> dict[str, Any]:
    """What was read in a paper, as import_report --json prints it (the README gives the shape)."""
    parsed = paper.parsed
    return {
        "file": paper.name,
        "layout": str(parsed.layout),
        "council": parsed.council,
        "title": parsed.title,
        "date": parsed.paper_date.isoformat() if parsed.paper_date else "",
        "review": parsed.review_title,
        "recommendations": [
            {
                "reference": item.reference,
                "position": item.position,
                "text": item.text,
                "decision": item.response.decision if item.response else "",
                "decision_wording": item.response.decision_wording if item.response else "",
                "comment": item.response.comment if item.response else "",
                "cabinet_member": item.response.responder_name if item.response else "",
                "lead_officer": item.lead_officer,
                "target": item.target,
                "priority": item.priority,
                "status": item.update.status if item.update else "",
                "status_wording": item.update.status_wording if item.update else "",
                "update": item.update.text if item.update else "",
            }
            for item in parsed.recommendations
        ],
        "warnings": parsed.warnings,
    }


@dataclass
class Corrections:
    """What the admin corrected on the check page: columns, decision wordings, and where the paper goes."""

    # A column's number (from 1) and the field it holds.
    columns: dict[str, str] = field(default_factory=dict)
    # A decision wording (as words_key gives it) and the decision it records ("" for none).
    decisions: dict[str, str] = field(default_factory=dict)
    # An existing review of the council; else a new one with this title, committee and date.
    review_id: int | None = None
    title: str = ""
    committee: str = ""
    recommended_date: str = ""

    def destination(self, council: Council) -> Destination:
        review = council.reviews.filter(pk=self.review_id).first() if self.review_id else None
        when = datetime.date.fromisoformat(self.recommended_date) if self.recommended_date else None
        return Destination(review, self.title, self.committee, when)


def hold_upload(*, council: Council, user: User, name: str, data: bytes) -> PendingImport:
    """Read an uploaded paper and keep it, with what importing it would create, for its admin to check.

    Raises PaperError, writing nothing, if it cannot be read or is another council's.
    """
    paper = read_paper(name, data, council=council.name)
    (outcome,) = import_read([paper], user=user, council=council, dry_run=True)
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
            extract=formats.to_json(paper.extract) if paper.extract else None,
            outcome=outcome.summary(),
            expires_at=now + PENDING_FOR,
        )


def held_paper(pending: PendingImport) -> ReadPaper:
    """The held upload as it was read (with the corrections made to it so far)."""
    parsed = ParsedPaper.from_json(pending.paper)
    return ReadPaper(pending.name, bytes(pending.data), pending.text, parsed, pending.checksum)


def correct_pending(*, pending: PendingImport, user: User, corrections: Corrections) -> PendingImport:
    """Read a held upload again with the admin's corrections, and say again what it would create.

    Raises PaperError, changing nothing, if the paper cannot be read so.
    """
    if pending.extract is None:
        paper = held_paper(pending)  # a text layout's paper: its columns are the layout's own
    else:
        paper = read_extract(
            pending.name,
            bytes(pending.data),
            formats.from_json(pending.extract),
            council=pending.council.name,
            columns=corrections.columns,
            decisions=tables.Decisions(corrections.decisions),
            checksum=pending.checksum,
        )
    (outcome,) = import_read(
        [paper],
        user=user,
        council=pending.council,
        destination=corrections.destination(pending.council),
        dry_run=True,
    )
    pending.paper = paper.parsed.to_json()
    pending.outcome = outcome.summary()
    pending.corrections = asdict(corrections)
    pending.save()
    return pending


def _import_held(pending: PendingImport, user: User) -> PaperOutcome:
    """Import a held upload as it was read and corrected, as ``user``."""
    corrections = Corrections(**pending.corrections)
    (outcome,) = import_read(
        [held_paper(pending)],
        user=user,
        council=pending.council,
        destination=corrections.destination(pending.council),
    )
    return outcome


def import_pending(*, pending: PendingImport, user: User) -> PaperOutcome:
    """Import a held upload as it was read and corrected; it is no longer held afterwards, whatever happens."""
    try:
        return _import_held(pending, user)
    finally:
        pending.delete()


def outcome_message(outcome: PaperOutcome) -> tuple[str, str]:
    """The message level and words that tell the admin what importing the paper did."""
    if outcome.already_imported:
        return "info", f"{outcome.name} was {outcome.already_imported}; nothing changed."
    return "success", f"{outcome.name} has been imported."


def imports_in_background(pending: PendingImport) -> bool:
    """Whether the paper is large enough to be imported by the worker rather than in the request."""
    return len(pending.paper.get("recommendations", [])) >= settings.IMPORT_IN_BACKGROUND_FROM


@transaction.atomic
def queue_import(*, pending: PendingImport) -> PendingImport:
    """Hand a held upload to the task worker to import, as its owner; the check page then waits for it."""
    from .tasks import import_held_paper  # the task module imports this one

    pending.queued_at = timezone.now()
    pending.save(update_fields=["queued_at"])
    import_held_paper.enqueue(pending.pk)
    return pending


def import_queued(pending_id: int) -> str:
    """Import a held upload handed to the worker, and record what came of it for the check page to say."""
    pending = (
        PendingImport.objects.select_related("owner", "council")
        .filter(pk=pending_id, queued_at__isnull=False, result__isnull=True)
        .first()
    )
    if pending is None:
        return "Nothing to import: it was imported, cancelled or has expired."
    upload_url = reverse("importing:upload", args=[pending.council.slug])
    try:
        outcome = _import_held(pending, pending.owner)
    except PaperError as error:
        pending.result = {"level": "error", "message": f"Nothing was imported: {error}", "url": upload_url}
        pending.save(update_fields=["result"])
        return pending.result["message"]
    except Exception:
        # Recorded for the admin waiting on the page; raised again for the task list, with its traceback.
        pending.result = {
            "level": "error",
            "message": f"Nothing was imported: {pending.name} could not be imported. Try again, or "
            "ask the service's administrators to look at the failed task.",
            "url": upload_url,
        }
        pending.save(update_fields=["result"])
        raise
    level, message = outcome_message(outcome)
    review = outcome.review
    pending.result = {
        "level": level,
        "message": message,
        "url": review.get_absolute_url() if review else pending.council.get_absolute_url(),
    }
    pending.save(update_fields=["result"])
    return message


class _PaperImport:
    """Writes one paper that has been read, as one user, for the reason "Imported from <file>"."""

    def __init__(self, paper: ReadPaper, user: User, destination: Destination) -> None:
        self.paper, self.parsed, self.user, self.destination = paper, paper.parsed, user, destination
        self.reason = f"Imported from {paper.name}"
        self.outcome = PaperOutcome(name=paper.name, layout=self.parsed.layout)
        self.history: dict[str, Any] = {"user": user, "reason": self.reason}

    def already_imported(self, existing: SourceDocument) -> str:
        """How the paper was imported before, as far as the person importing it may see: another council's
        file, and who imported it, are not theirs to know."""
        user = self.history["user"]
        # The commands' system users are not people signed in: whoever runs a command may see everything.
        person = user is not None and user.is_active
        if person and not Council.objects.for_user(user).filter(pk=existing.council_id).exists():
            return "already imported by another council"
        return (
            f"already imported as {existing.name} on {timezone.localtime(existing.imported_at):%-d %B %Y} "
            f"by {existing.imported_by}"
        )

    def fail(self, message: str, line: int | None = None) -> NoReturn:
        where = f", line {line}" if line else ""
        raise PaperError(f"{self.paper.name}{where}: {message}")

    def run(self) -> PaperOutcome:
        existing = (
            SourceDocument.objects.filter(checksum=self.paper.checksum).select_related("imported_by").first()
        )
        if existing:
            self.outcome.already_imported = self.already_imported(existing)
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
            data=self.paper.data,
            **self.history,
        )
        recommendations = self.recommendations(review, document)
        if parsed.round:
            update_round = self.add_round(review, recommendations, document)
            self.close_if_past(update_round)
        elif any(item.update for item in parsed.recommendations):
            self.add_updates(recommendations, document, None)
        return self.outcome

    def close_if_past(self, update_round: UpdateRound) -> None:
        """A paper about a meeting that has been reports on a round that is over: it is closed, after
        everything the paper adds to it (again, where an earlier paper closed it), so that its papers
        show what the paper said."""
        if update_round.meeting_date >= timezone.localdate() or update_round.keep_open:
            return
        review_services.close_round(
            update_round=update_round,
            user=self.user,
            reason=f"{self.reason}: closed, as its meeting on {update_round.meeting_date:%-d %B %Y} has been",
            again=True,
        )

    def committee(self, name: str) -> Committee:
        return council_services.find_or_add_committee(council=self.council, name=name, **self.history)

    def review(self) -> Review:
        """The review the paper is about, made or brought up to date with what the paper says of it."""
        parsed, destination = self.parsed, self.destination
        review = destination.review or self.find_review()
        if review is not None and review.council_id != self.council.pk:
            self.fail(f"it is a paper of {self.council}, and “{review}” is a review of {review.council}.")
        committee = destination.committee or parsed.review_committee
        said: dict[str, Any] = {
            "committee": self.committee(committee) if committee else None,
            "recommended_date": destination.recommended_date or parsed.review_recommended_date,
            "report_dated": parsed.review_report_dated,
            "endorsed_date": parsed.review_endorsed_date,
        }
        said = {name: value for name, value in said.items() if value}
        if review is None:
            self.outcome.review_created = True
            title = destination.title or parsed.review_title or title_from_name(self.paper.name)
            return review_services.add_review(council=self.council, title=title, **said, **self.history)
        changes = {name: value for name, value in said.items() if getattr(review, name) != value}
        if changes:
            self.outcome.review_changes = [name.replace("_", " ") for name in changes]
            review_services.edit_review(review=review, **changes, **self.history)
        return review

    def find_review(self) -> Review | None:
        """The review a paper is about: by its title, else the one the text names; None for a new one."""
        parsed, council = self.parsed, self.council
        reviews = list(council.reviews.all())
        if self.destination.title:
            return None  # the admin asked for a new review
        if parsed.layout == SourceDocument.Layout.TABLE:
            match = [r for r in reviews if r.title.lower() == parsed.review_title.lower()]
            return match[0] if match else None
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
        """The paper's recommendations, by position: those the review has already, and the new ones.

        A council's table is matched to the review's recommendations by
        reference (else by text), as a tracker reports on those already
        recorded; the seed layouts number theirs as the review does.
        """
        existing = list(review.recommendations.select_related("cabinet_response"))
        by_position = {r.position: r for r in existing}
        by_reference = {words_key(r.reference): r for r in existing if r.reference}
        by_text = {words_key(r.text): r for r in existing}
        table = self.parsed.layout == SourceDocument.Layout.TABLE
        after = max(by_position, default=0)
        found: dict[int, Recommendation] = {}
        for item in self.parsed.recommendations:
            if table:
                recommendation = (
                    by_reference.get(words_key(item.reference)) if item.reference else None
                ) or by_text.get(words_key(item.text))
            else:
                recommendation = by_position.get(item.position)
            if recommendation is None:
                after += 1
                recommendation = recommendation_services.add_recommendation(
                    review=review,
                    position=after if table else item.position,
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
                target = target_date_of(item.target) if item.target else None
                if target is not None:
                    # A timetable that is a date is its original target; other words stay as the timetable.
                    recommendation_services.set_target(
                        recommendation=recommendation,
                        user=self.user,
                        date=target,
                        version=recommendation.version,
                        history_reason=self.reason,
                    )
            elif words_key(recommendation.text) != words_key(item.text) and not table:
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
        if not parsed.decision:
            return  # a wording no one has said the meaning of: its warning says so on the check page
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
    ) -> UpdateRound:
        parsed = self.parsed.round
        assert parsed is not None  # the caller adds a round only for a paper that has one
        committee = self.committee(parsed.committee)
        existing = review.rounds.filter(committee=committee, meeting_date=parsed.meeting_date).first()
        if existing is not None:
            if self.parsed.layout == SourceDocument.Layout.TABLE:
                # A tracker for a meeting the review already has a round for: its updates are for that round.
                self.add_updates(recommendations, document, existing)
                return existing
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
        self.add_updates(recommendations, document, update_round)
        return update_round

    def add_updates(
        self,
        recommendations: dict[int, Recommendation],
        document: SourceDocument,
        update_round: UpdateRound | None,
    ) -> None:
        """The paper's progress updates: for its round, or dated as the paper is where it names no meeting."""
        updates = [
            ProgressUpdate(
                recommendation=recommendations[item.position],
                round=update_round,
                status=item.update.status,
                status_wording=item.update.status_wording,
                # An update that gives a status and no words is recorded in the words of its status.
                text=item.update.text or item.update.status_wording,
                update_date=item.update.update_date or (None if update_round else self.parsed.paper_date),
                author_name=item.update.author_name,
                paragraph_number=item.update.paragraph_number,
                source_document=document,
            )
            for item in self.parsed.recommendations
            if item.update is not None and (item.update.text or item.update.status_wording)
        ]
        recommendation_services.add_updates(updates, **self.history)
        self.outcome.updates += len(updates)
