"""The committee's follow-through, recorded by council admins: sign-off of completion, reopening, updates
found not adequate, and the steps of the escalation ladder; and the evidence files officers attach."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods, require_safe

from . import services
from .access import get_recommendation_for_user
from .forms import EscalationForm, NotAdequateForm, ReopenForm, SignOffForm
from .models import LatestProgress, ProgressUpdate
from .target_views import form_page


def _latest(recommendation):
    return (
        LatestProgress.objects.select_related("update__author", "update__round__committee")
        .filter(recommendation=recommendation)
        .first()
    )


@require_http_methods(["GET", "POST"])
def sign_off(request, council_slug, review_slug, position):
    """The committee's assessment of an officer's report that it is complete (or closed)."""
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, manage=True
    )
    latest = _latest(recommendation)
    claimed = (
        latest is not None and latest.status in ProgressUpdate.Status.finished() and not latest.assessment
    )
    if not claimed:
        messages.error(
            request,
            f"Recommendation {recommendation.label} is not waiting for sign-off: "
            "its lead officer has not reported it complete since it was last assessed.",
        )
        return redirect(recommendation)
    form = SignOffForm(
        request.POST if request.method == "POST" else None, initial={"update": latest.update_id}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = services.assess_completion(
                recommendation=recommendation,
                user=request.user,
                signed_off=data["decision"] == "signed_off",
                meeting_date=data["meeting_date"],
                minute_reference=data["minute_reference"],
                reason=data["reason"],
                update_id=data["update"],
            )
        except services.RefusedChange as refused:
            messages.error(request, f"{refused}. Nothing was changed.")
            return redirect(recommendation)
        if record.outcome == record.Outcome.SIGNED_OFF:
            messages.success(request, f"Recommendation {recommendation.label} is signed off.")
        else:
            messages.success(
                request,
                f"Recommendation {recommendation.label} was not accepted as complete: it is open again, "
                "and its lead officer owes a new update.",
            )
        return redirect(recommendation)
    return form_page(request, "recommendations/sign_off_form.html", recommendation, form, latest=latest)


@require_http_methods(["GET", "POST"])
def reopen(request, council_slug, review_slug, position):
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, manage=True
    )
    form = ReopenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen(
                recommendation=recommendation, user=request.user, reason=form.cleaned_data["reason"]
            )
        except services.RefusedChange as refused:
            messages.error(request, f"{refused}. Nothing was changed.")
        else:
            messages.success(request, f"Recommendation {recommendation.label} is open again.")
        return redirect(recommendation)
    return form_page(request, "recommendations/reopen_form.html", recommendation, form)


@require_http_methods(["GET", "POST"])
def not_adequate(request, council_slug, review_slug, position, pk):
    """The committee finds an update not adequate: it goes back to the lead officer."""
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, manage=True
    )
    update = get_object_or_404(recommendation.updates.select_related("round__committee"), pk=pk)
    form = NotAdequateForm(request.POST if request.method == "POST" else None, initial={"update": update.pk})
    if request.method == "POST" and form.is_valid():
        try:
            services.mark_not_adequate(update=update, user=request.user, comment=form.cleaned_data["comment"])
        except services.RefusedChange as refused:
            messages.error(request, f"{refused}. Nothing was changed.")
        else:
            messages.success(
                request,
                f"The update on recommendation {recommendation.label} has been sent back to its lead officer.",
            )
        return redirect(recommendation)
    return form_page(request, "recommendations/not_adequate_form.html", recommendation, form, update=update)


@require_http_methods(["GET", "POST"])
def escalate(request, council_slug, review_slug, position):
    """Take the next step of the council's escalation ladder for this recommendation."""
    recommendation, _ = get_recommendation_for_user(
        request.user, council_slug, review_slug, position, manage=True
    )
    step = services.next_escalation_step(recommendation)
    if step is None:
        messages.error(
            request,
            f"There is no further step to take for recommendation {recommendation.label}: "
            "set the council's escalation ladder on its settings page.",
        )
        return redirect(recommendation)
    form = EscalationForm(
        request.POST if request.method == "POST" else None,
        initial={"step": step.pk, "taken_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.escalate(
                recommendation=recommendation,
                user=request.user,
                step_id=data["step"],
                taken_on=data["taken_on"],
                note=data["note"],
            )
        except services.RefusedChange as refused:
            messages.error(request, f"{refused}. Nothing was changed.")
        else:
            messages.success(request, f"Recommendation {recommendation.label} is escalated: {step.name}.")
        return redirect(recommendation)
    return form_page(request, "recommendations/escalation_form.html", recommendation, form, step=step)


@require_safe
def evidence_file(request, council_slug, review_slug, position, pk):
    """An evidence file, to anyone who may see the recommendation: always as a download."""
    recommendation, _ = get_recommendation_for_user(request.user, council_slug, review_slug, position)
    kept = get_object_or_404(recommendation.evidence_files.all(), pk=pk)
    response = HttpResponse(bytes(kept.data), content_type=kept.content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=kept.name) or ""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
