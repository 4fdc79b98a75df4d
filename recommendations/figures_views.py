"""The figures pages: across every council this person may see, one council, and one review."""

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from common.exports import csv_lines
from councils.access import get_council_for_user
from reviews.access import get_review_for_user

from . import figures
from .models import Recommendation


@require_safe
def home(request):
    recommendations = Recommendation.objects.for_user(request.user)
    return _page(request, recommendations, scope={}, url=reverse("recommendations:figures"), name="all")


@require_safe
def council(request, slug):
    council, _ = get_council_for_user(request.user, slug)
    recommendations = Recommendation.objects.filter(review__council=council)
    url = reverse("recommendations:council-figures", args=[slug])
    return _page(request, recommendations, scope={"council": slug}, url=url, name=slug, council=council)


@require_safe
def review(request, council_slug, slug):
    review, _ = get_review_for_user(request.user, council_slug, slug)
    recommendations = Recommendation.objects.filter(review=review)
    url = reverse("recommendations:review-figures", args=[council_slug, slug])
    return _page(
        request,
        recommendations,
        scope={"review": slug},
        url=url,
        name=slug,
        council=review.council,
        review=review,
    )


def _page(request, recommendations, *, scope, url, name, council=None, review=None):
    board = figures.build(recommendations, scope=scope, url=url)
    if request.GET.get("format") == "csv":
        response = StreamingHttpResponse(csv_lines(board.csv_rows()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="figures-{name}-{board.today:%Y-%m-%d}.csv"'
        return response
    context = {"figures": board, "council": council, "review": review}
    return render(request, "recommendations/figures.html", context)
