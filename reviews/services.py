"""The only code that creates and changes reviews, update rounds and source documents."""

import datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from common.dates import add_months
from common.history import delete_with_history, save_with_history
from common.slugs import unique_slug
from councils.models import Committee, Council

from .models import Review, SourceDocument, UpdateRound
from .signals import reviews_changed, round_closed, round_opened


def _changed(*reviews: Review) -> None:
    """Tell the apps above that these reviews, or their rounds, changed (in the writer's transaction)."""
    reviews_changed.send(sender=Review, review_ids=[review.pk for review in reviews])


@transaction.atomic
def add_review(
    *, council: Council, title: str, user: AbstractBaseUser | None, reason: str, **fields: Any
) -> Review:
    """A new review of the council, with a slug no other review has."""
    review = Review(council=council, title=title, slug=unique_slug(Review.objects.all(), title), **fields)
    review.response_due_date = response_due(review)
    return save_with_history(review, user=user, reason=reason)


def response_due(review: Review) -> datetime.date | None:
    """When the executive's response to the review is due: its council's period after the recommendations
    were made; None where that date is not known (no deadline is invented)."""
    if review.recommended_date is None:
        return None
    return add_months(review.recommended_date, review.council.response_period_months)


@transaction.atomic
def edit_review(*, review: Review, user: AbstractBaseUser | None, reason: str, **fields: Any) -> Review:
    for name, value in fields.items():
        setattr(review, name, value)
    review.response_due_date = response_due(review)
    saved = save_with_history(review, user=user, reason=reason)
    _changed(saved)
    return saved


@transaction.atomic
def delete_review(*, review: Review, user: AbstractBaseUser | None, reason: str) -> None:
    """Delete a review (with what hangs off it, as the database's cascades say)."""
    pk = review.pk
    delete_with_history(review, user=user, reason=reason)
    reviews_changed.send(sender=Review, review_ids=[pk])


@transaction.atomic
def move_response_deadlines(*, council: Council, user: AbstractBaseUser | None) -> int:
    """Work the due dates of the council's reviews out again (its period changed): how many moved."""
    moved = 0
    for review in Review.objects.select_related("council").filter(
        council=council, recommended_date__isnull=False
    ):
        due = response_due(review)
        if due != review.response_due_date:
            review.response_due_date = due
            save_with_history(
                review,
                user=user,
                reason=f"Response due date moved: the council now gives {council.response_period_months} month(s)",
            )
            _changed(review)
            moved += 1
    return moved


@transaction.atomic
def add_source_document(*, user: User, reason: str, **fields: Any) -> SourceDocument:
    """Keep an imported paper, word for word, with who imported it and when."""
    document = SourceDocument(imported_by=user, imported_at=timezone.now(), **fields)
    return save_with_history(document, user=user, reason=reason)


@transaction.atomic
def add_round(
    *,
    review: Review,
    committee: Committee,
    meeting_date: datetime.date,
    user: AbstractBaseUser | None,
    reason: str,
    **fields: Any,
) -> UpdateRound:
    update_round = UpdateRound(review=review, committee=committee, meeting_date=meeting_date, **fields)
    return save_round(update_round=update_round, user=user, reason=reason)


@transaction.atomic
def save_round(*, update_round: UpdateRound, user: AbstractBaseUser | None, reason: str) -> UpdateRound:
    """Save a round as it has been changed (the admin's edits of its dates, say)."""
    saved = save_with_history(update_round, user=user, reason=reason)
    _changed(saved.review)
    return saved


@transaction.atomic
def delete_round(*, update_round: UpdateRound, user: AbstractBaseUser | None, reason: str) -> None:
    review = update_round.review
    delete_with_history(update_round, user=user, reason=reason)
    _changed(review)


@transaction.atomic
def open_round(
    *,
    review: Review,
    user: AbstractBaseUser | None,
    committee: Committee,
    meeting_date: datetime.date,
    due_date: datetime.date | None,
    title: str = "",
) -> UpdateRound:
    """Open an update round: every unfinished recommendation of the review then owes it an update."""
    update_round = add_round(
        review=review,
        committee=committee,
        meeting_date=meeting_date,
        due_date=due_date,
        title=title,
        user=user,
        reason="Opened the update round",
    )
    round_opened.send(UpdateRound, update_round=update_round, user=user)
    return update_round


@transaction.atomic
def close_round(
    *,
    update_round: UpdateRound,
    user: AbstractBaseUser | None,
    reason: str = "Closed the update round",
    again: bool = False,
) -> UpdateRound:
    """Close the round; its papers then show it as it was at this moment.

    ``again`` closes a closed round once more, now: an import that adds to a
    past round's updates closes it again, so that its papers show them.
    """
    current = UpdateRound.objects.select_for_update().get(pk=update_round.pk)
    was_open = current.closed_at is None
    if was_open or again:
        current.closed_at = timezone.now()
        save_with_history(current, user=user, reason=reason)
        _changed(current.review)
    if was_open:
        round_closed.send(UpdateRound, update_round=current, user=user)
    return current


@transaction.atomic
def keep_round_open(
    *, update_round: UpdateRound, user: AbstractBaseUser | None, keep_open: bool
) -> UpdateRound:
    """Keep an open round open after its meeting (or let it close itself again)."""
    current = UpdateRound.objects.select_for_update().get(pk=update_round.pk)
    if current.keep_open != keep_open:
        current.keep_open = keep_open
        reason = (
            "Kept the round open after its meeting" if keep_open else "Let the round close after its meeting"
        )
        save_with_history(current, user=user, reason=reason)
    return current


def close_past_rounds(*, today: datetime.date, user: AbstractBaseUser | None) -> list[UpdateRound]:
    """Close every open round whose meeting was before ``today``, unless an admin keeps it open."""
    closed = []
    for update_round in (
        UpdateRound.objects.past(today).select_related("committee").order_by("meeting_date", "pk")
    ):
        closed.append(
            close_round(
                update_round=update_round,
                user=user,
                reason=f"Closed itself after its meeting on {update_round.meeting_date:%-d %B %Y}",
            )
        )
    return closed
