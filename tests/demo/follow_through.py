"""The shares of the generated follow-through that the demo data promises, counted by the app's own rules."""

from django.db.models import Count, F, Q

from recommendations.models import (
    Escalation,
    ExtensionRequest,
    LatestProgress,
    ProgressUpdate,
    Recommendation,
    SignOff,
    TargetDate,
    UpdateAssessment,
)
from reviews.models import Review


def share(part, whole):
    return part / whole if whole else 0.0


def shares(today):
    """Each proportion by name, from the database as the dashboards see it."""
    recommendations = Recommendation.objects.all()
    total = recommendations.count()
    with_target = recommendations.filter(target_date__isnull=False).count()
    changed = (
        Recommendation.objects.annotate(targets_given=Count("targets")).filter(targets_given__gt=1).count()
    )
    slipped = (
        Recommendation.objects.filter(targets__replaced_passed=True).distinct().count()
    )  # a target replaced after it had passed
    unfinished = recommendations.unfinished()
    pending = ExtensionRequest.objects.filter(state=ExtensionRequest.State.PENDING)
    reported = recommendations.filter(latest_progress__status__in=ProgressUpdate.Status.finished())
    reported_count = reported.count()
    not_accepted = reported.filter(latest_progress__assessment=SignOff.Outcome.NOT_ACCEPTED).count()
    reopened = reported.filter(latest_progress__assessment=SignOff.Outcome.REOPENED).count()
    reviews = Review.objects.filter(response_due_date__isnull=False)
    late_reviews = (
        reviews.filter(recommendations__cabinet_response__response_date__gt=F("response_due_date"))
        .distinct()
        .count()
    )
    return {
        "with a target": share(with_target, total),
        "targets changed": share(changed, with_target),
        "changed that slipped": share(slipped, changed),
        "open with an extension pending": share(pending.count(), unfinished.count()),
        "reported complete, signed off": share(recommendations.signed_off().count(), reported_count),
        "reported complete, awaiting sign-off": share(
            recommendations.awaiting_sign_off().count(), reported_count
        ),
        "reported complete, not accepted": share(not_accepted, reported_count),
        "reported complete, reopened": share(reopened, reported_count),
        "updates not adequate": share(UpdateAssessment.objects.count(), ProgressUpdate.objects.count()),
        "escalated": share(recommendations.escalated().count(), total),
        "reviews answered late": share(late_reviews, reviews.count()),
        "closing outcomes": share(
            ProgressUpdate.objects.filter(status__in=ProgressUpdate.Status.closing()).count(),
            ProgressUpdate.objects.count(),
        ),
        "updates with a forecast": share(
            ProgressUpdate.objects.exclude(forecast="").count(), ProgressUpdate.objects.count()
        ),
        "sent back": share(recommendations.sent_back().count(), total),
        "overdue": share(recommendations.overdue(today).count(), total),
        "escalations": Escalation.objects.count(),
        "targets": TargetDate.objects.count(),
        "latest progress": LatestProgress.objects.count(),
        "extensions decided": ExtensionRequest.objects.filter(
            ~Q(state=ExtensionRequest.State.PENDING)
        ).count(),
    }
