from django.shortcuts import get_object_or_404, render

from .history import history_of
from .models import Recommendation


def get_recommendation_for_user(user, council_slug, review_slug, number):
    """The recommendation, if this person may see it; 404 otherwise."""
    recommendations = Recommendation.objects.for_user(user).select_related(
        "review__council", "review__committee", "cabinet_response", "source_document"
    )
    return get_object_or_404(
        recommendations, review__council__slug=council_slug, review__slug=review_slug, number=number
    )


def detail(request, council_slug, review_slug, number):
    recommendation = get_recommendation_for_user(request.user, council_slug, review_slug, number)
    context = {
        "recommendation": recommendation,
        "review": recommendation.review,
        "response": getattr(recommendation, "cabinet_response", None),
        "updates": recommendation.updates.select_related("round__committee", "author").order_by(
            "-update_date", "-id"
        ),
        "evidence": recommendation.evidence_links.select_related("source_document"),
        "history": history_of(recommendation),
    }
    return render(request, "recommendations/detail.html", context)
