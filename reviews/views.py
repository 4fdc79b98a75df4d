import mimetypes

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councils import versions
from papers import registry
from recommendations import dashboard, figures, summaries
from recommendations.models import ProgressUpdate, Recommendation
from recommendations.responses import ResponseStanding, with_response
from recommendations.tasks import send_round_requests

from . import services
from .access import get_review_for_user, get_round
from .forms import OpenRoundForm
from .models import Review, SourceDocument


@require_safe
def detail(request, council_slug, slug):
    review, role = get_review_for_user(request.user, council_slug, slug)
    today = timezone.localdate()
    # Even building a query takes time that a page from the cache need not spend.
    recommendations = SimpleLazyObject(
        lambda: Recommendation.objects.filter(review=review)
        .select_related("cabinet_response")
        .with_progress()
        .order_by("position")
    )

    rounds = SimpleLazyObject(
        lambda: list(review.rounds.select_related("committee").order_by("-meeting_date"))
    )

    def response():
        answered = (
            with_response(Review.objects.filter(pk=review.pk)).values("responded_on", "has_response").get()
        )
        return ResponseStanding(
            review.response_due_date, answered["responded_on"], answered["has_response"], today
        )

    # What follows the heading is cached (see the template) until the council's data changes: each part is
    # worked out only if the page is not in the cache.
    context = {
        "review": review,
        "today": today,
        "changes": versions.key_read_with(review, review.council_id),
        "response": SimpleLazyObject(response),
        "role": role,
        "can_manage": role.can_manage,
        "recommendations": recommendations,
        "rounds": rounds,
        "papers": SimpleLazyObject(lambda: registry.of_review(review)),
        "round_papers": SimpleLazyObject(
            lambda: [(update_round, registry.of_round(review, update_round)) for update_round in rounds]
        ),
        # With their council for their links, and without their text and file, which the page never shows.
        "documents": SimpleLazyObject(
            lambda: review.source_documents.select_related("council")
            .defer("text", "data")
            .order_by("paper_date", "imported_at")
        ),
        "dashboard": SimpleLazyObject(
            lambda: dashboard.build(
                Recommendation.objects.filter(review=review),
                scope={"review": review.slug},
                summary=summaries.of_review(review),
            )
        ),
        "figures": SimpleLazyObject(
            lambda: figures.build(
                Recommendation.objects.filter(review=review),
                scope={"review": review.slug},
                url=reverse("recommendations:review-figures", args=[council_slug, slug]),
            )
        ),
    }
    return render(request, "reviews/detail.html", context)


@require_safe
def document_file(request, council_slug, pk):
    """The paper as it was received, to download."""
    documents = SourceDocument.objects.for_user(request.user).defer("text")
    document = get_object_or_404(documents, council__slug=council_slug, pk=pk)
    data = bytes(document.data)
    if not data:
        raise Http404("This paper was imported before files were kept.")
    response = HttpResponse(
        data, content_type=mimetypes.guess_type(document.name)[0] or "application/octet-stream"
    )
    response["Content-Disposition"] = (
        content_disposition_header(as_attachment=True, filename=document.name) or ""
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def document(request, council_slug, pk):
    documents = (
        SourceDocument.objects.for_user(request.user)
        .select_related("council", "review", "imported_by")
        .defer("data")
        .annotate(file_size=Length("data"))
    )
    document = get_object_or_404(documents, council__slug=council_slug, pk=pk)
    return render(
        request, "reviews/document.html", {"document": document, "has_file": bool(document.file_size)}
    )


@require_http_methods(["GET", "POST"])
def open_round(request, council_slug, slug):
    review, _ = get_review_for_user(request.user, council_slug, slug, manage=True)
    form = OpenRoundForm(request.POST if request.method == "POST" else None, review=review)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            update_round = services.open_round(review=review, user=request.user, **form.cleaned_data)
            if update_round.due_date:
                # Queued with the round: the worker asks each lead officer for what they owe.
                send_round_requests.enqueue(update_round.pk)
        messages.success(request, f"The update round for {update_round} is open.")
        return redirect("reviews:round-progress", council_slug, slug, update_round.pk)
    return render(request, "reviews/open_round.html", {"form": form, "review": review})


@require_safe
def round_progress(request, council_slug, slug, pk):
    """Who has and has not updated for a round, and closing it."""
    review, role = get_review_for_user(request.user, council_slug, slug)
    update_round = get_object_or_404(review.rounds.select_related("committee"), pk=pk)
    updated = ProgressUpdate.objects.filter(round=update_round, recommendation=OuterRef("pk"))
    recommendations = (
        review.recommendations.select_related("lead_officer")
        .with_progress()
        .annotate(has_update=Exists(updated))
        .order_by("position")
    )
    context = {
        "review": review,
        "round": update_round,
        "recommendations": recommendations,
        "can_manage": role.can_manage,
    }
    return render(request, "reviews/round_progress.html", context)


@require_POST
def close_round(request, council_slug, slug, pk):
    review, _ = get_review_for_user(request.user, council_slug, slug, manage=True)
    update_round = get_object_or_404(review.rounds.select_related("committee"), pk=pk)
    services.close_round(update_round=update_round, user=request.user)
    messages.success(request, f"The update round for {update_round} is closed.")
    return redirect("reviews:round-progress", council_slug, slug, pk)


@require_POST
def keep_round_open(request, council_slug, slug, pk):
    review, _ = get_review_for_user(request.user, council_slug, slug, manage=True)
    update_round = get_object_or_404(review.rounds.select_related("committee"), pk=pk)
    keep_open = request.POST.get("keep_open") == "yes"
    if not update_round.is_open:
        # A page left open while the round closed: nothing to keep open.
        messages.error(request, f"The update round for {update_round} is already closed.")
    elif keep_open:
        services.keep_round_open(update_round=update_round, user=request.user, keep_open=True)
        messages.success(request, f"The update round for {update_round} will stay open until you close it.")
    else:
        services.keep_round_open(update_round=update_round, user=request.user, keep_open=False)
        messages.success(request, f"The update round for {update_round} will close itself after its meeting.")
    return redirect("reviews:round-progress", council_slug, slug, pk)


@require_safe
def round_detail(request, council_slug, slug, meeting_date):
    review, _ = get_review_for_user(request.user, council_slug, slug)
    update_round = get_round(review, meeting_date)
    context = {
        "review": review,
        "update_round": update_round,
        "update_count": update_round.updates.count(),
        "papers": registry.of_round(review, update_round),
    }
    return render(request, "reviews/round.html", context)
