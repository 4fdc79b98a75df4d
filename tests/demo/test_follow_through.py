"""generate_demo_data follows recommendations through: targets, extensions, sign-offs, escalation, late
responses, in the proportions councils see, with history, and as the app's own rules count them."""

import datetime
import io
from collections import defaultdict

import pytest
from django.core.management import call_command

from common.history import importer_user
from councils.models import Council, EscalationStep
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
from reviews.services import response_due
from tests.demo.follow_through import shares

AS_OF = datetime.date(2025, 6, 30)
FOLLOW_THROUGH = [EscalationStep, TargetDate, ExtensionRequest, SignOff, UpdateAssessment, Escalation]
REASON = "Generated demo data (seed 5)"


def generate():
    # 480 recommendations: enough for the shares to mean something, small enough to be quick.
    call_command(
        "generate_demo_data",
        *["--councils", "4", "--reviews-per-council", "8", "--recommendations-per-review", "15"],
        *["--rounds", "4", "--seed", "5", "--as-of", AS_OF.isoformat()],
        stdout=io.StringIO(),
    )


@pytest.mark.django_db
def test_the_follow_through_comes_in_the_proportions_councils_see():
    generate()

    found = shares(AS_OF)

    expected = {
        "with a target": (0.75, 0.93),  # ~85%
        "targets changed": (0.12, 0.30),  # ~20% revised or extended at least once
        "changed that slipped": (0.30, 0.70),  # ~half of those
        "open with an extension pending": (0.05, 0.17),  # ~10%
        "reported complete, signed off": (0.58, 0.82),  # ~70%
        "reported complete, awaiting sign-off": (0.07, 0.25),  # ~15%
        "reported complete, not accepted": (0.04, 0.18),  # ~10%
        "reported complete, reopened": (0.01, 0.10),
        "updates not adequate": (0.03, 0.09),  # ~5%
        "escalated": (0.04, 0.13),  # ~8%
        "reviews answered late": (0.10, 0.45),  # ~25% of 32 reviews
        "closing outcomes": (0.02, 0.12),
        "updates with a forecast": (0.45, 0.85),
    }
    outside = {
        name: round(found[name], 3)
        for name, (low, high) in expected.items()
        if not low <= found[name] <= high
    }
    assert not outside, outside


@pytest.mark.django_db
def test_every_follow_through_row_has_its_history_with_who_and_why():
    generate()
    importer = importer_user()

    for model in FOLLOW_THROUGH:
        ids = set(model.objects.values_list("id", flat=True))
        assert ids, model
        assert set(model.history.filter(history_type="+").values_list("id", flat=True)) == ids, model
        assert set(model.history.values_list("history_user", "history_change_reason")) == {
            (importer.pk, REASON)
        }
    # Each council has its own three-step ladder.
    assert {tuple(c.escalation_steps.values_list("position", flat=True)) for c in Council.objects.all()} == {
        (1, 2, 3)
    }
    # A decided extension was first asked for (waiting), then decided, in two versions.
    for request in ExtensionRequest.objects.exclude(state=ExtensionRequest.State.PENDING):
        versions = list(request.history.order_by("history_date", "history_id"))
        assert [(v.history_type, v.state) for v in versions] == [
            ("+", ExtensionRequest.State.PENDING),
            ("~", request.state),
        ]
        assert versions[0].history_date == request.requested_at
        assert versions[1].history_date == request.decided_at > request.requested_at
    for request in ExtensionRequest.objects.filter(state=ExtensionRequest.State.PENDING):
        assert request.history.get().history_date == request.requested_at


@pytest.mark.django_db
def test_a_recommendations_history_follows_its_target_dates():
    generate()

    targets = defaultdict(list)
    for target in TargetDate.objects.order_by("recorded_at", "id"):
        targets[target.recommendation_id].append(target)
    versions = defaultdict(list)
    for record in Recommendation.history.order_by("history_date", "history_id"):
        versions[record.id].append(record)
    snapshot = defaultdict(set)  # the themes kept with each history row
    for history_id, theme_id in Recommendation.history.model.themes.model.objects.values_list(
        "history_id", "theme_id"
    ):
        snapshot[history_id].add(theme_id)
    for recommendation in Recommendation.objects.prefetch_related("themes"):
        given = targets[recommendation.pk]
        # The current target is the latest one given, and each change after the first has its reason.
        assert recommendation.target_date == (given[-1].date if given else None)
        assert given == [] or given[0].kind == TargetDate.Kind.ORIGINAL
        assert all(t.reason and t.kind != TargetDate.Kind.ORIGINAL for t in given[1:])
        # A slipped target was replaced after it had passed.
        for before, after in zip(given, given[1:], strict=False):
            assert after.replaced_passed == (after.recorded_at.date() > before.date)
        # Made without a target, then a version per target, on the day each was given, themes kept.
        history = versions[recommendation.pk]
        assert [v.target_date for v in history] == [None] + [t.date for t in given]
        assert [v.history_date for v in history[1:]] == [t.recorded_at for t in given]
        themes = {t.pk for t in recommendation.themes.all()}
        assert all(snapshot[v.history_id] == themes for v in history)
        assert recommendation.version == len(history)


@pytest.mark.django_db
def test_the_dashboards_count_what_was_generated():
    generate()

    # From the generated rows themselves: each recommendation's latest update and what the committee made of it.
    latest = {}
    for update in ProgressUpdate.objects.order_by("recommendation_id", "update_date", "id"):
        latest[update.recommendation_id] = update
    assessed = {s.update_id: s.outcome for s in SignOff.objects.order_by("recorded_at", "id")}
    not_adequate = set(UpdateAssessment.objects.values_list("update_id", flat=True))
    reported = {r for r, u in latest.items() if u.status in ProgressUpdate.Status.finished()}
    awaiting = {r for r in reported if latest[r].pk not in assessed}
    signed_off = {r for r in reported if assessed.get(latest[r].pk) == SignOff.Outcome.SIGNED_OFF}
    reopened = {r for r in reported if assessed.get(latest[r].pk) in SignOff.Outcome.reopening()}
    sent_back = {
        r
        for r, u in latest.items()
        if u.pk in not_adequate or assessed.get(u.pk) == SignOff.Outcome.NOT_ACCEPTED
    }
    open_ids = set(Recommendation.objects.values_list("id", flat=True)) - (reported - reopened)

    assert set(Recommendation.objects.awaiting_sign_off().values_list("id", flat=True)) == awaiting != set()
    assert set(Recommendation.objects.signed_off().values_list("id", flat=True)) == signed_off != set()
    assert set(Recommendation.objects.unfinished().values_list("id", flat=True)) == open_ids
    assert set(Recommendation.objects.sent_back().values_list("id", flat=True)) == sent_back != set()
    # Only items still open are escalated, each up its council's ladder in order, never after today.
    escalations = defaultdict(list)
    for escalation in Escalation.objects.select_related("step", "recommendation__review").order_by(
        "taken_on"
    ):
        escalations[escalation.recommendation_id].append(escalation)
    assert set(Recommendation.objects.escalated().values_list("id", flat=True)) == set(escalations) != set()
    for steps in escalations.values():
        assert [e.step.position for e in steps] == list(range(1, len(steps) + 1))
        assert all(e.step.council_id == e.recommendation.review.council_id for e in steps)
        assert steps[-1].taken_on <= AS_OF
    # Pending extensions wait on open items only, one each, asking for more than the current target.
    for request in ExtensionRequest.objects.filter(state=ExtensionRequest.State.PENDING).select_related(
        "recommendation"
    ):
        assert request.recommendation_id in open_ids
        assert request.requested_date > request.recommendation.target_date
    # Every closing outcome says why.
    assert not ProgressUpdate.objects.filter(status__in=ProgressUpdate.Status.closing(), outcome_reason="")
    # Late responses, by the review's due date, which is the council's period after the recommendations.
    for review in Review.objects.select_related("council"):
        assert review.response_due_date == response_due(review) is not None
    late = Recommendation.objects.response_late(AS_OF)
    assert 0 < late.values("review").distinct().count() < Review.objects.count()
    # The dashboards' rows, as maintained, are what a rebuild makes.
    fields = [
        "recommendation_id",
        "update_id",
        "status",
        "forecast",
        "assessment",
        "sent_back",
        "previous_status",
    ]
    kept = set(LatestProgress.objects.values_list(*fields))
    LatestProgress.refresh()
    assert set(LatestProgress.objects.values_list(*fields)) == kept
