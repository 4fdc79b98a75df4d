from django.shortcuts import get_object_or_404, render

from recommendations.models import Recommendation

from .models import Review, SourceDocument


def get_review_for_user(user, council_slug, slug):
    """The review, if this person may see it; 404 otherwise."""
    reviews = Review.objects.for_user(user).select_related("council", "committee")
    return get_object_or_404(reviews, council__slug=council_slug, slug=slug)


def detail(request, council_slug, slug):
    review = get_review_for_user(request.user, council_slug, slug)
    recommendations = (
        Recommendation.objects.filter(review=review)
        .select_related("cabinet_response")
        .with_progress()
        .order_by("number")
    )
    context = {
        "review": review,
        "recommendations": recommendations,
        "rounds": review.rounds.select_related("committee").order_by("-meeting_date"),
        "documents": review.source_documents.order_by("paper_date", "imported_at"),
    }
    return render(request, "reviews/detail.html", context)


def document(request, council_slug, pk):
    documents = SourceDocument.objects.for_user(request.user).select_related(
        "council", "review", "imported_by"
    )
    document = get_object_or_404(documents, council__slug=council_slug, pk=pk)
    return render(request, "reviews/document.html", {"document": document})
