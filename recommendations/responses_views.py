"""The reviews awaiting the executive's response, and those whose response came late."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from councils.models import Council
from reviews.models import Review

from .responses import standing, with_response


@require_safe
def responses(request):
    """Every review with a response deadline, of the councils this person may see (or one of them)."""
    councils = Council.objects.for_user(request.user)
    council = None
    if request.GET.get("council"):
        council = get_object_or_404(councils, slug=request.GET["council"])
    reviews = Review.objects.filter(council__in=[council] if council else councils).filter(
        response_due_date__isnull=False
    )
    today = timezone.localdate()
    rows = []
    for review in with_response(reviews.select_related("council", "committee")).order_by(
        "response_due_date", "pk"
    ):
        review.response = standing(review, today)
        rows.append(review)
    context = {
        "council": council,
        "awaiting": [r for r in rows if r.response.state in ("awaiting", "overdue")],
        "late": sorted(
            (r for r in rows if r.response.state == "late"), key=lambda r: r.response_due_date, reverse=True
        ),
        "on_time": sum(1 for r in rows if r.response.state == "on_time"),
        "unknown": sum(1 for r in rows if r.response.state == "date_unknown"),
    }
    return render(request, "recommendations/responses.html", context)
