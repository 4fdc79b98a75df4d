"""A review of any size, with responses and rounds of updates, created with history.

Used by the query-count tests and by benchmarks/papers.py.
"""

import datetime

from simple_history.utils import bulk_create_with_history

from councils import services as council_services
from recommendations import services as recommendation_services
from recommendations.models import CabinetResponse, LatestProgress, ProgressUpdate, Recommendation
from reviews.models import UpdateRound
from tests.conftest import make_council, make_review, make_user

DECISIONS = list(CabinetResponse.Decision)
STATUSES = list(ProgressUpdate.Status)
FORECASTS = list(ProgressUpdate.Forecast)
FIRST_MEETING = datetime.date(2023, 1, 10)


def make_big_review(recommendations, rounds=4, council=None, slug=None, next_round=False):
    """A review of ``recommendations`` recommendations, each answered and updated in every round.

    ``next_round`` adds a round after them with no updates yet, and gives every
    recommendation a lead officer: its papers carry every position forward.
    """
    council = council or make_council(f"Bigshire {recommendations} Council", f"bigshire-{recommendations}")
    review = make_review(council, title=f"Review of {recommendations} things", slug=slug)
    update_rounds = [
        UpdateRound.objects.create(
            review=review,
            committee=review.committee,
            meeting_date=FIRST_MEETING + datetime.timedelta(days=182 * i),
            title=f"Six-monthly update {i + 1}",
            introduction="## Background\n\n1. This report updates the committee on progress.",
            closing="## Background documents\n\nPaper\tHeld at\nThe review\tTown Hall",
        )
        for i in range(rounds)
    ]
    officer = make_user(f"officer-{review.slug}", first_name="Olu", last_name="Officer")
    made = bulk_create_with_history(
        [
            Recommendation(
                review=review,
                position=n,
                text=f"That the Council does thing number {n} well.",
                lead_officer=officer if next_round else None,
            )
            for n in range(1, recommendations + 1)
        ],
        Recommendation,
    )
    made = list(Recommendation.objects.filter(review=review).order_by("position")) if not made[0].pk else made
    bulk_create_with_history(
        [
            CabinetResponse(
                recommendation=recommendation,
                decision=DECISIONS[recommendation.position % 3],
                decision_wording=DECISIONS[recommendation.position % 3].label,
                comment=f"The Council will do thing {recommendation.position}.\nIt has begun.",
                responder_name="Councillor Pat Smith",
                responder_role="Cabinet Member for Things",
            )
            for recommendation in made
        ],
        CabinetResponse,
    )
    bulk_create_with_history(
        [
            ProgressUpdate(
                recommendation=recommendation,
                round=update_round,
                status=STATUSES[(recommendation.position + i) % 4],
                text=f"Round {i + 1}: work on thing {recommendation.position} goes on.\n\nMore next time.",
                forecast=FORECASTS[recommendation.position % 3],
                update_date=update_round.meeting_date - datetime.timedelta(days=14),
                author=officer,
            )
            for recommendation in made
            for i, update_round in enumerate(update_rounds)
        ],
        ProgressUpdate,
    )
    # Written in bulk, so the dashboards' latest progress is brought up to date here, as the services do.
    recommendation_services.refresh_latest_progress([r.pk for r in made])
    if next_round:
        update_rounds.append(
            UpdateRound.objects.create(
                review=review,
                committee=review.committee,
                meeting_date=FIRST_MEETING + datetime.timedelta(days=182 * rounds),
                title=f"Six-monthly update {rounds + 1}",
            )
        )
    return review, update_rounds


def add_follow_through(review, every=50):
    """Every ``every``-th recommendation (the 1st, the 51st, ...) gets a target date, revised; one whose
    latest update reports it complete is signed off (or, every other one, not accepted); the others are
    escalated a step and their latest update found not adequate. Through the services, as pages do."""
    council_services.set_escalation_steps(
        council=review.council, user=None, names=["Chase the lead officer", "The chair writes"]
    )
    chosen = Recommendation.objects.filter(review=review).order_by("position")[::every]
    for n, recommendation in enumerate(chosen):
        recommendation_services.set_target(
            recommendation=recommendation,
            user=None,
            date=datetime.date(2023, 3, 31),
            version=recommendation.version,
        )
        recommendation.refresh_from_db()
        recommendation_services.set_target(
            recommendation=recommendation,
            user=None,
            date=datetime.date(2023, 9, 30),
            reason="Waiting for the new contract",
            version=recommendation.version,
        )
        latest = LatestProgress.objects.get(recommendation=recommendation)
        if latest.status in ProgressUpdate.Status.finished():
            recommendation_services.assess_completion(
                recommendation=recommendation,
                user=None,
                signed_off=n % 2 == 0,
                meeting_date=FIRST_MEETING,
                minute_reference=f"{n + 1}/23",
                reason="" if n % 2 == 0 else "The evidence does not show it done",
            )
        else:
            step = recommendation_services.next_escalation_step(recommendation)
            recommendation_services.escalate(
                recommendation=recommendation,
                user=None,
                step_id=step.pk,
                taken_on=FIRST_MEETING,
                note="Letter sent",
            )
            recommendation_services.mark_not_adequate(
                update=latest.update, user=None, comment="It does not say what was done"
            )
