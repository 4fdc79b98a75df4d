from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from recommendations import dashboard
from recommendations.models import CabinetResponse, Recommendation
from reviews.models import Review

from .models import Council


def _reviews_with_counts(reviews):
    return (
        reviews.select_related("council", "committee")
        .annotate(
            recommendation_count=Count("recommendations", distinct=True),
            agreed_count=Count(
                "recommendations",
                filter=Q(recommendations__cabinet_response__decision=CabinetResponse.Decision.AGREE),
                distinct=True,
            ),
            round_count=Count("rounds", distinct=True),
        )
        .order_by("council__name", F("recommended_date").desc(nulls_last=True), "title")
    )


@require_safe
def home(request):
    councils = Council.objects.for_user(request.user)
    reviews = _reviews_with_counts(Review.objects.for_user(request.user))
    by_council = {council: [] for council in councils}
    for review in reviews:
        by_council[review.council].append(review)
    context = {
        "councils": by_council,
        "dashboard": dashboard.build(Recommendation.objects.for_user(request.user), scope={}),
    }
    return render(request, "councils/home.html", context)


@require_safe
def detail(request, slug):
    council = get_object_or_404(Council.objects.for_user(request.user), slug=slug)
    reviews = _reviews_with_counts(council.reviews.all())
    context = {
        "council": council,
        "reviews": reviews,
        "dashboard": dashboard.build(
            Recommendation.objects.filter(review__council=council), scope={"council": slug}
        ),
    }
    return render(request, "councils/detail.html", context)
