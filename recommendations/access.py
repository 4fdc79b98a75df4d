"""Who may reach a recommendation: it and the person's role in its council, or 404 / 403."""

from django.shortcuts import get_object_or_404

from councils import versions
from councils.access import check_role
from councils.models import Role

from .models import Recommendation


def get_recommendation_for_user(
    user, council_slug, review_slug, position, *, edit=False, manage=False
) -> tuple[Recommendation, Role]:
    """The recommendation and this person's role: 404 if they may not see it; with ``edit``, 403 unless
    officer; with ``manage``, 403 unless council admin. Read with its council's change count, for
    its page's key."""
    recommendations = (
        Recommendation.objects.for_user(user)
        .select_related(
            "review__council", "review__committee", "cabinet_response", "source_document", "lead_officer"
        )
        # Its paper's name and link, never the paper itself, which may run to megabytes.
        .defer("source_document__text", "source_document__data")
    )
    recommendations = versions.with_change_count(recommendations, "review__council_id")
    recommendation = get_object_or_404(
        recommendations, review__council__slug=council_slug, review__slug=review_slug, position=position
    )
    return recommendation, check_role(recommendation.review.council, user, edit=edit, manage=manage)
