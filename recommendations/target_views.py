"""Target dates and extensions: officers set the first target and ask for more time; council admins
revise targets and record the committee's decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from . import services
from .access import get_recommendation_for_user
from .forms import ExtensionDecisionForm, ExtensionRequestForm, TargetDateForm
from .models import ExtensionRequest


def form_page(request, template, recommendation, form, **context):
    """A form page about one recommendation: the form, the recommendation and its review."""
    return render(
        request,
        template,
        {"form": form, "recommendation": recommendation, "review": recommendation.review, **context},
    )


@require_http_methods(["GET", "POST"])
def set_target(request, council_slug, review_slug, position):
    """The first target date (an officer or admin), or a revised one with its reason (an admin)."""
    recommendation, role = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    revising = recommendation.target_date is not None
    if revising and not role.can_manage:
        raise PermissionDenied(
            "Only the council's admins revise a target date. Ask the committee for an extension."
        )
    form = TargetDateForm(
        request.POST if request.method == "POST" else None,
        revising=revising,
        initial={"date": recommendation.target_date, "version": recommendation.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.set_target(
                recommendation=recommendation,
                user=request.user,
                date=data["date"],
                reason=data.get("reason", ""),
                version=data["version"],
            )
        except services.StaleEdit:
            messages.error(
                request,
                "Someone else changed this recommendation first. Check its target date and try again.",
            )
            return redirect("recommendations:target", council_slug, review_slug, position)
        except services.RefusedChange as refused:
            form.add_error("date", str(refused))
        else:
            messages.success(
                request, f"The target date of recommendation {recommendation.label} has been saved."
            )
            return redirect(recommendation)
    return form_page(request, "recommendations/target_form.html", recommendation, form, revising=revising)


@require_http_methods(["GET", "POST"])
def request_extension(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, edit=True
    )
    form = ExtensionRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_extension(
                recommendation=recommendation,
                user=request.user,
                date=form.cleaned_data["date"],
                reason=form.cleaned_data["reason"],
            )
        except services.RefusedChange as refused:
            form.add_error("date", str(refused))
        else:
            messages.success(
                request,
                f"Your request for more time on recommendation {recommendation.label} is with the committee.",
            )
            return redirect(recommendation)
    return form_page(request, "recommendations/extension_form.html", recommendation, form)


@require_http_methods(["GET", "POST"])
def decide_extension(request, council_slug, review_slug, position, pk):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, manage=True
    )
    extension = get_object_or_404(
        ExtensionRequest.objects.select_related("requested_by"), recommendation=recommendation, pk=pk
    )
    form = ExtensionDecisionForm(
        request.POST if request.method == "POST" else None, initial={"version": extension.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.decide_extension(
                request=extension,
                user=request.user,
                approved=data["decision"] == "approved",
                meeting_date=data["meeting_date"],
                note=data["note"],
                version=data["version"],
            )
        except (services.StaleEdit, services.RefusedChange):
            extension.refresh_from_db()
            messages.error(
                request,
                f"This extension was {extension.get_state_display().lower()} by someone else first: nothing was changed.",
            )
            return redirect(recommendation)
        messages.success(
            request,
            f"The committee's decision on the extension to recommendation {recommendation.label} has been recorded.",
        )
        return redirect(recommendation)
    return form_page(
        request, "recommendations/extension_decision_form.html", recommendation, form, extension=extension
    )
