import base64

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from councils.views import get_council_to_manage
from recommendations import dashboard
from recommendations.models import ProgressUpdate, Recommendation

from . import services
from .forms import ImportPaperForm, OpenRoundForm
from .importers import PaperError
from .models import Review, SourceDocument


def get_review_for_user(user, council_slug, slug, *, manage=False):
    """The review, if this person may see it (404 otherwise).

    With ``manage``, they must also be an admin of its council (403).
    """
    reviews = Review.objects.for_user(user).select_related("council", "committee")
    review = get_object_or_404(reviews, council__slug=council_slug, slug=slug)
    if manage:
        role = review.council.role_of(user)
        if not (role and role.can_manage):
            raise PermissionDenied("Only the council's admins can run update rounds.")
    return review


@require_safe
def detail(request, council_slug, slug):
    review = get_review_for_user(request.user, council_slug, slug)
    recommendations = (
        Recommendation.objects.filter(review=review)
        .select_related("cabinet_response")
        .with_progress()
        .order_by("number")
    )
    role = review.council.role_of(request.user)
    context = {
        "review": review,
        "can_manage": bool(role and role.can_manage),
        "recommendations": recommendations,
        "rounds": review.rounds.select_related("committee").order_by("-meeting_date"),
        "documents": review.source_documents.order_by("paper_date", "imported_at"),
        "dashboard": dashboard.build(
            Recommendation.objects.filter(review=review), scope={"review": review.slug}
        ),
    }
    return render(request, "reviews/detail.html", context)


@require_safe
def document(request, council_slug, pk):
    documents = SourceDocument.objects.for_user(request.user).select_related(
        "council", "review", "imported_by"
    )
    document = get_object_or_404(documents, council__slug=council_slug, pk=pk)
    return render(request, "reviews/document.html", {"document": document})


@require_http_methods(["GET", "POST"])
def open_round(request, council_slug, slug):
    review = get_review_for_user(request.user, council_slug, slug, manage=True)
    form = OpenRoundForm(request.POST if request.method == "POST" else None, review=review)
    if request.method == "POST" and form.is_valid():
        update_round = services.open_round(review=review, user=request.user, **form.cleaned_data)
        messages.success(request, f"The update round for {update_round} is open.")
        return redirect("reviews:round-progress", council_slug, slug, update_round.pk)
    return render(request, "reviews/open_round.html", {"form": form, "review": review})


@require_safe
def round_progress(request, council_slug, slug, pk):
    """Who has and has not updated for a round, and closing it."""
    review = get_review_for_user(request.user, council_slug, slug)
    update_round = get_object_or_404(review.rounds.select_related("committee"), pk=pk)
    updated = ProgressUpdate.objects.filter(round=update_round, recommendation=OuterRef("pk"))
    recommendations = (
        review.recommendations.select_related("lead_officer")
        .with_progress()
        .annotate(has_update=Exists(updated))
        .order_by("number")
    )
    role = review.council.role_of(request.user)
    context = {
        "review": review,
        "round": update_round,
        "recommendations": recommendations,
        "can_manage": bool(role and role.can_manage),
    }
    return render(request, "reviews/round_progress.html", context)


@require_POST
def close_round(request, council_slug, slug, pk):
    review = get_review_for_user(request.user, council_slug, slug, manage=True)
    update_round = get_object_or_404(review.rounds.select_related("committee"), pk=pk)
    services.close_round(update_round=update_round, user=request.user)
    messages.success(request, f"The update round for {update_round} is closed.")
    return redirect("reviews:round-progress", council_slug, slug, pk)


PENDING = "pending_import"


@require_http_methods(["GET", "POST"])
def import_paper(request, council_slug):
    """Upload a paper; see what it would create before anything is written."""
    council = get_council_to_manage(request.user, council_slug)
    form = ImportPaperForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["paper"]
        data = upload.read()
        try:
            outcomes = _import_for(council, upload.name, data, request.user, dry_run=True)
        except PaperError as error:
            form.add_error("paper", str(error))
        else:
            request.session[PENDING] = {
                "council": council.pk,
                "name": upload.name,
                "data": base64.b64encode(data).decode(),
            }
            return render(request, "reviews/import_check.html", {"council": council, "outcome": outcomes[0]})
    return render(request, "reviews/import.html", {"council": council, "form": form})


@require_POST
def confirm_import(request, council_slug):
    council = get_council_to_manage(request.user, council_slug)
    pending = request.session.pop(PENDING, None)
    if "cancel" in request.POST or not pending or pending["council"] != council.pk:
        messages.info(
            request, "Nothing was imported." if pending else "There was no paper waiting to be imported."
        )
        return redirect("reviews:import", council_slug)
    try:
        (outcome,) = _import_for(
            council, pending["name"], base64.b64decode(pending["data"]), request.user, dry_run=False
        )
    except PaperError as error:
        messages.error(request, f"Nothing was imported: {error}")
        return redirect("reviews:import", council_slug)
    if outcome.already_imported:
        messages.info(request, f"{outcome.name} was {outcome.already_imported}; nothing changed.")
    else:
        messages.success(request, f"{outcome.name} has been imported.")
    return redirect(outcome.review or council)


def _import_for(council, name, data, user, *, dry_run):
    """Import one paper of this council; a paper of any other council is refused."""
    with transaction.atomic():
        outcomes = services.import_papers(files=[(name, data)], user=user, dry_run=dry_run)
        council_of_paper = outcomes[0].council
        if council_of_paper is not None and council_of_paper.name != council.name:
            transaction.set_rollback(True)
            raise PaperError(f"{name} is a paper of {council_of_paper.name}, not of {council}.")
    return outcomes
