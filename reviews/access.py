"""Who may reach a review: the review and the person's role in its council, or 404 / 403."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from councils import versions
from councils.access import check_role
from councils.models import Role

from .models import Review, UpdateRound


def get_review_for_user(user, council_slug, slug, *, manage=False) -> tuple[Review, Role]:
    """The review and this person's role: 404 if they may not see it; with ``manage``, 403 unless admin.
    Read with its council's change count, for its pages' key."""
    reviews = versions.with_change_count(
        Review.objects.for_user(user).select_related("council", "committee"), "council_id"
    )
    review = get_object_or_404(reviews, council__slug=council_slug, slug=slug)
    return review, check_role(review.council, user, manage=manage)


def get_round(review, meeting_date) -> UpdateRound:
    """The review's round that met on that day; 404 if there is none."""
    rounds = review.rounds.filter(meeting_date=meeting_date).select_related("committee", "source_document")
    update_round = rounds.order_by("committee__name", "id").first()
    if update_round is None:
        raise Http404("No update round met on that day.")
    return update_round
