"""Workflows that write reviews and what hangs off them."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from common.history import importer_user, save_with_history
from common.slugs import unique_slug
from councils.models import Committee, Council
from recommendations import services as recommendation_services
from recommendations.models import ProgressUpdate

from .importers import PaperError, read_paper
from .models import Review, SourceDocument, UpdateRound


@dataclass
class PaperOutcome:
    """What importing one paper did, for the person who ran it."""

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


def import_papers(*, files, user=None, dry_run=False):
    """Import papers, given as (file name, bytes) pairs, all or nothing.

    Every file is read before anything is written, so a bad one changes
    nothing; papers that make recommendations go first, so a paper reporting
    on a review finds it whatever the order of the files.
    """
    papers = [read_paper(name, data) for name, data in files]
    papers.sort(key=lambda paper: not paper.parsed.creates_recommendations)
    with transaction.atomic():
        user = user or importer_user()
        outcomes = [_import_one(paper, user) for paper in papers]
        if dry_run:
            transaction.set_rollback(True)
    return outcomes


def _import_one(paper, user):
    parsed = paper.parsed
    outcome = PaperOutcome(name=paper.name, layout=parsed.layout)
    existing = SourceDocument.objects.filter(checksum=paper.checksum).select_related("imported_by").first()
    if existing:
        outcome.already_imported = (
            f"already imported as {existing.name} on {timezone.localtime(existing.imported_at):%-d %B %Y} "
            f"by {existing.imported_by}"
        )
        return outcome

    reason = f"Imported from {paper.name}"

    def save(obj):
        return save_with_history(obj, user=user, reason=reason)

    def fail(message, line=None):
        where = f", line {line}" if line else ""
        raise PaperError(f"{paper.name}{where}: {message}")

    council = Council.objects.filter(name=parsed.council).first()
    if council is None:
        council = save(Council(name=parsed.council, slug=unique_slug(Council.objects, parsed.council)))
        outcome.council_created = True
    outcome.council = council

    def committee(name):
        found = Committee.objects.filter(council=council, name=name).first()
        return found or save(Committee(council=council, name=name))

    review = _find_review(council, paper, fail)
    if review is None:
        review = Review(
            council=council,
            title=parsed.review_title,
            slug=unique_slug(Review.objects.all(), parsed.review_title),
        )
        outcome.review_created = True
    changes = []
    for name, value in [
        ("committee", committee(parsed.review_committee) if parsed.review_committee else None),
        ("recommended_date", parsed.review_recommended_date),
        ("report_dated", parsed.review_report_dated),
        ("endorsed_date", parsed.review_endorsed_date),
    ]:
        if value and getattr(review, name) != value:
            setattr(review, name, value)
            changes.append(name.replace("_", " "))
    if outcome.review_created or changes:
        save(review)
    if not outcome.review_created:
        outcome.review_changes = changes
    outcome.review = review
    document = save(
        SourceDocument(
            council=council,
            review=review,
            name=paper.name,
            checksum=paper.checksum,
            kind=parsed.kind,
            layout=parsed.layout,
            title=parsed.title,
            paper_date=parsed.paper_date,
            text=paper.text,
            imported_by=user,
            imported_at=timezone.now(),
        )
    )

    existing_recommendations = {
        r.number: r for r in review.recommendations.select_related("cabinet_response")
    }
    recommendations = {}
    for item in parsed.recommendations:
        recommendation = existing_recommendations.get(item.number)
        if recommendation is None:
            recommendation = recommendation_services.add_recommendation(
                review=review,
                user=user,
                reason=reason,
                number=item.number,
                title=item.title,
                text=item.text,
                source_document=document,
                source_position=item.position,
            )
            outcome.recommendations += 1
        elif recommendation.text != item.text:
            fail(
                f"recommendation {item.number} of “{review}” is already recorded with other words. "
                "Correct the paper, or the recorded recommendation, so that they agree.",
                item.line,
            )
        recommendations[item.number] = recommendation
        if item.response:
            _add_response(recommendation, item, document, user, reason, fail, outcome)

    if parsed.round:
        _add_round(review, parsed, recommendations, document, committee, save, fail, outcome, user, reason)
    return outcome


def _find_review(council, paper, fail):
    """The review a paper is about: by its title, else the one the text names."""
    parsed = paper.parsed
    reviews = list(council.reviews.all())
    if parsed.review_title:
        match = [r for r in reviews if r.title.lower() == parsed.review_title.lower()]
        if match:
            return match[0]
        if parsed.creates_recommendations:
            return None
        fail(
            f"it reports on “{parsed.review_title}”, which has not been imported. Import that review's paper first."
        )
    text = paper.text.lower()
    named = [r for r in reviews if r.title.lower() in text]
    if len(named) == 1:
        return named[0]
    if not named and len(reviews) == 1:
        return reviews[0]
    if not reviews:
        fail(
            f"it does not make recommendations, and {council} has no review yet for it to report on. "
            "Import the review's paper (the cabinet response or update report) with it or first."
        )
    fail(f"the importer cannot tell which of {council}'s reviews it is about.")


def _add_response(recommendation, item, document, user, reason, fail, outcome):
    parsed = item.response
    current = getattr(recommendation, "cabinet_response", None)
    if current is not None:
        if (current.decision, current.comment) != (parsed.decision, parsed.comment):
            fail(f"recommendation {item.number} already has a different cabinet response.", item.line)
        return
    recommendation_services.save_response(
        recommendation=recommendation,
        user=user,
        version=None,
        reason=reason,
        decision=parsed.decision,
        decision_wording=parsed.decision_wording,
        comment=parsed.comment,
        responder_name=parsed.responder_name,
        responder_role=parsed.responder_role,
        response_date=parsed.response_date,
        source_document=document,
        source_position=parsed.position,
    )
    outcome.responses += 1


def _add_round(review, parsed, recommendations, document, committee, save, fail, outcome, user, reason):
    round_ = parsed.round
    body = committee(round_.committee)
    if UpdateRound.objects.filter(review=review, committee=body, meeting_date=round_.meeting_date).exists():
        fail(f"“{review}” already has an update round for {body} on {round_.meeting_date:%-d %B %Y}.")
    update_round = save(
        UpdateRound(
            review=review,
            committee=body,
            meeting_date=round_.meeting_date,
            title=round_.title,
            report_author=round_.report_author,
            cabinet_member=round_.cabinet_member,
            wards=round_.wards,
            introduction=round_.introduction,
            narrative=round_.narrative,
            closing=round_.closing,
            previous_update_date=round_.previous_update_date,
            source_document=document,
        )
    )
    outcome.rounds.append(update_round)
    updates = [
        ProgressUpdate(
            recommendation=recommendations[item.number],
            round=update_round,
            status=item.update.status,
            status_wording=item.update.status_wording,
            text=item.update.text,
            update_date=item.update.update_date,
            author_name=item.update.author_name,
            paragraph_number=item.update.paragraph_number,
            source_document=document,
        )
        for item in parsed.recommendations
        if item.update is not None
    ]
    recommendation_services.add_updates(updates, user=user, reason=reason)
    outcome.updates += len(updates)


@transaction.atomic
def open_round(*, review, user, committee, meeting_date, due_date, title=""):
    """Open an update round: every open recommendation of the review is then due."""
    update_round = UpdateRound(
        review=review, committee=committee, meeting_date=meeting_date, due_date=due_date, title=title
    )
    return save_with_history(update_round, user=user, reason="Opened the update round")


@transaction.atomic
def close_round(*, update_round, user):
    """Close the round; its papers then show it as it was at this moment."""
    current = UpdateRound.objects.select_for_update().get(pk=update_round.pk)
    if current.closed_at is None:
        current.closed_at = timezone.now()
        save_with_history(current, user=user, reason="Closed the update round")
    return current
