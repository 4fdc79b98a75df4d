"""The dashboards' summary, kept by the writers, always says what rebuilding it from the records says,
and every figure read from it is what the records say today."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from common.dates import months_before
from councils import services as council_services
from councils.models import Council
from recommendations import dashboard, services, summaries
from recommendations.models import (
    DECISION_KEYS,
    NO_STATUS,
    STATUS_KEYS,
    DayTally,
    ExtensionRequest,
    ProgressUpdate,
    Recommendation,
    Standing,
    Tally,
)
from recommendations.services import RefusedChange, StaleEdit
from reviews import services as reviews_services
from reviews.models import Review, UpdateRound
from tests.conftest import make_council, make_review, make_user

TODAY = timezone.localdate()
FIRST = TODAY.replace(day=1)


def record_counts(recommendations):
    """Each dashboard figure as the records and the rules of models.py give it, by its key."""
    rows = list(dashboard.counts_query(recommendations, TODAY))
    counts = {
        "total": recommendations.count(),
        "overdue": recommendations.overdue(TODAY).count(),
        "stalled": recommendations.stalled(TODAY).count(),
        "update_late": recommendations.update_late(TODAY).count(),
        "awaiting_sign_off": recommendations.awaiting_sign_off().count(),
        "signed_off": recommendations.signed_off().count(),
        "sent_back": recommendations.sent_back().count(),
        "escalated": recommendations.escalated().count(),
        "response_late": recommendations.response_late(TODAY).count(),
        "slipped": recommendations.slipped(TODAY).count(),
    }
    for key, _ in DECISION_KEYS:
        for status, _ in STATUS_KEYS:
            counts[key, status] = sum(
                r["n"] for r in rows if r["decision_key"] == key and r["status_key"] == status
            )
    moved: dict = {}
    for r in rows:
        if r["previous_status"] is not None and r["previous_status"] != r["latest_status"]:
            key = (r["previous_status"] or NO_STATUS, r["status_key"])
            moved[key] = moved.get(key, 0) + r["n"]
    counts["movement"] = sorted(moved.values())
    return counts


def board_counts(board):
    counts = {
        "total": board.total.count,
        "overdue": board.overdue.count,
        "stalled": board.stalled.count,
        "update_late": board.update_late.count,
        **{figure.key: figure.count for figure in board.follow_through},
        "movement": sorted(figure.count for figure in board.movement),
    }
    for decision, cells in board.grid:
        for cell in cells:
            counts[decision.key, cell.key] = cell.count
    return counts


def assert_dashboards_match_the_records():
    scopes = [(Recommendation.objects.all(), summaries.everywhere())]
    for council in Council.objects.all():
        scopes.append((Recommendation.objects.filter(review__council=council), summaries.of_council(council)))
    for review in Review.objects.all():
        scopes.append((Recommendation.objects.filter(review=review), summaries.of_review(review)))
    for recommendations, summary in scopes:
        board = dashboard.build(recommendations, scope={}, summary=summary, today=TODAY)
        assert board_counts(board) == record_counts(recommendations), summary


def assert_kept_equals_rebuilt():
    kept = summaries.snapshot()
    summaries.rebuild()
    rebuilt = summaries.snapshot()
    for name in kept:
        assert kept[name] == rebuilt[name], (name, kept[name] ^ rebuilt[name])


# The days the figures turn on: today, the first of this month, the stall cutoffs, and either side of each.
EDGES = sorted(
    {
        day + datetime.timedelta(days=shift)
        for day in [TODAY, FIRST, *(months_before(TODAY, m) for m in (3, 6, 12))]
        for shift in (-1, 0, 1)
    }
)


def a_day(rng):
    return (
        rng.choice(EDGES) if rng.random() < 0.5 else TODAY + datetime.timedelta(days=rng.randint(-900, 400))
    )


class Writer:
    """Random writes through the services, across two councils, each refused one changing nothing."""

    def __init__(self, rng, councils, user):
        self.rng, self.councils, self.user = rng, councils, user
        self.steps = {
            c.pk: council_services.set_escalation_steps(council=c, user=user, names=["Letter", "Meeting"])
            for c in councils
        }

    def review(self):
        return self.rng.choice(list(Review.objects.all()))

    def recommendation(self):
        found = list(Recommendation.objects.all())
        return self.rng.choice(found) if found else None

    def add(self):
        review = self.review()
        position = (
            review.recommendations.order_by("-position").values_list("position", flat=True).first() or 0
        ) + 1
        services.add_recommendation(
            review=review, user=self.user, reason="Test", position=position, text="Do it."
        )

    def edit(self, r):
        services.edit_recommendation(
            recommendation=r, user=self.user, version=r.version, reason="Test", text="Do more."
        )

    def delete(self, r):
        services.delete_recommendation(recommendation=r, user=self.user, reason="Test")

    def respond(self, r):
        existing = getattr(r, "cabinet_response", None)
        services.save_response(
            recommendation=r,
            user=self.user,
            version=existing.version if existing else None,
            decision=self.rng.choice(["agree", "in_part", "disagree", "noted"]),
            response_date=a_day(self.rng) if self.rng.random() < 0.8 else None,
        )

    def unrespond(self, r):
        existing = getattr(r, "cabinet_response", None)
        if existing:
            services.delete_response(response=existing, user=self.user, reason="Test")

    def update(self, r):
        rounds = list(UpdateRound.objects.filter(review=r.review))
        status = self.rng.choice(["", *ProgressUpdate.Status.values])
        services.record_update(
            recommendation=r,
            user=self.user,
            status=status,
            outcome_reason="Because." if status in ProgressUpdate.Status.closing() else "",
            text="Progress.",
            update_date=a_day(self.rng) if self.rng.random() < 0.9 else None,
            round=self.rng.choice(rounds) if rounds and self.rng.random() < 0.5 else None,
        )

    def edit_update(self, r):
        update = r.updates.order_by("?").first()
        if update:
            services.edit_update(
                update=update, user=self.user, version=update.version, update_date=a_day(self.rng)
            )

    def delete_update(self, r):
        update = r.updates.order_by("?").first()
        if update:
            services.delete_update(update=update, user=self.user, reason="Test")

    def target(self, r):
        services.set_target(
            recommendation=r, user=self.user, date=a_day(self.rng), reason="Moved.", version=r.version
        )

    def extend(self, r):
        pending = r.extension_requests.filter(state=ExtensionRequest.State.PENDING).first()
        if pending:
            services.decide_extension(
                request=pending,
                user=self.user,
                approved=self.rng.random() < 0.7,
                meeting_date=TODAY,
                version=pending.version,
            )
        elif r.target_date:
            services.request_extension(
                recommendation=r,
                user=self.user,
                date=r.target_date + datetime.timedelta(days=self.rng.randint(1, 200)),
                reason="More time.",
            )

    def sign_off(self, r):
        services.assess_completion(
            recommendation=r,
            user=self.user,
            signed_off=self.rng.random() < 0.6,
            meeting_date=TODAY,
            reason="No.",
        )

    def reopen(self, r):
        services.reopen(recommendation=r, user=self.user, reason="Again.")

    def not_adequate(self, r):
        update = r.updates.order_by("-update_date", "-id").first()
        if update:
            services.mark_not_adequate(update=update, user=self.user, comment="Thin.")

    def escalate(self, r):
        step = services.next_escalation_step(r)
        if step:
            services.escalate(
                recommendation=r, user=self.user, step_id=step.pk, taken_on=TODAY, note="Chased."
            )

    def open_round(self, r):
        review = r.review
        reviews_services.open_round(
            review=review,
            user=self.user,
            committee=review.committee,
            meeting_date=TODAY + datetime.timedelta(days=self.rng.randint(-400, 400)),
            due_date=a_day(self.rng) if self.rng.random() < 0.8 else None,
        )

    def close_round(self, r):
        update_round = UpdateRound.objects.filter(review=r.review).open().order_by("?").first()
        if update_round:
            reviews_services.close_round(update_round=update_round, user=self.user)

    def date_review(self, r):
        reviews_services.edit_review(
            review=r.review, user=self.user, reason="Test", recommended_date=a_day(self.rng)
        )

    def move_review(self, r):
        review = r.review
        other = next(c for c in self.councils if c.pk != review.council_id)
        reviews_services.edit_review(review=review, user=self.user, reason="Moved", council=other)

    def council_settings(self, r):
        council = self.rng.choice(self.councils)
        council_services.save_council_settings(
            council=council,
            user=self.user,
            stalled_after_months=self.rng.choice(Council.STALLED_CHOICES),
            response_period_months=self.rng.choice(Council.RESPONSE_CHOICES),
        )

    def act(self):
        r = self.recommendation()
        names = [name for name in OPERATIONS if r is not None or name == "add"]
        name = self.rng.choice(names)
        try:
            if name == "add":
                self.add()
            else:
                getattr(self, name)(Recommendation.objects.select_related("review").get(pk=r.pk))
        except (RefusedChange, StaleEdit, ValueError, IntegrityError):
            pass  # refused (or a round already held that day): nothing changed
        return name


OPERATIONS = [
    "add", "add", "edit", "delete", "respond", "respond", "unrespond", "update", "update", "update",
    "edit_update", "delete_update", "target", "target", "extend", "sign_off", "reopen", "not_adequate",
    "escalate", "open_round", "close_round", "date_review", "move_review", "council_settings",
]  # fmt: skip


def test_random_writes_through_the_services_keep_the_summary_as_a_rebuild_makes_it(db):
    rng = random.Random(20261202)
    councils = [make_council(), make_council("Otherton Borough Council", "otherton")]
    for council in councils:
        for title in ("Libraries", "Parks"):
            make_review(council, f"{council.name}: {title}", slug=f"{council.slug}-{title.lower()}")
    writer = Writer(rng, councils, make_user("writer"))
    done = [writer.act() for _ in range(300)]

    assert set(done) == set(OPERATIONS)  # every kind of write was tried
    assert Standing.objects.count() == Recommendation.objects.count() > 10
    assert_dashboards_match_the_records()
    assert_kept_equals_rebuilt()


def test_the_figures_that_turn_on_a_date_are_exact_either_side_of_it(review, adam):
    """Targets, last updates and due dates on the days around today, the first of the month and the
    stall cutoff: the summary's months and days add up to what the records say."""
    for position, day in enumerate(EDGES, 1):
        r = services.add_recommendation(review=review, user=adam, reason="Test", position=position, text="x")
        services.set_target(recommendation=r, user=adam, date=day, version=r.version)
        services.record_update(recommendation=r, user=adam, status="in_progress", text="y", update_date=day)
    for day in EDGES:
        reviews_services.open_round(
            review=review, user=adam, committee=review.committee, meeting_date=day, due_date=day
        )
    reviews_services.edit_review(
        review=review, user=adam, reason="Test", recommended_date=months_before(TODAY, 2)
    )

    assert_dashboards_match_the_records()
    # The month rows are not the day rows: both are kept, and read for different months.
    assert Tally.objects.filter(kind="stale").count() < DayTally.objects.filter(kind="stale").count()


def test_a_review_deleted_takes_its_counts_from_the_council(review, adam):
    r = services.add_recommendation(review=review, user=adam, reason="Test", position=1, text="x")
    services.record_update(recommendation=r, user=adam, status="in_progress", text="y")
    other = make_review(review.council, "Review of Parks", slug="parks")
    services.add_recommendation(review=other, user=adam, reason="Test", position=1, text="x")

    reviews_services.delete_review(review=review, user=adam, reason="Entered twice")

    board = dashboard.build(
        Recommendation.objects.all(), scope={}, summary=summaries.of_council(review.council), today=TODAY
    )
    assert board.total.count == 1
    assert not Tally.objects.filter(review_key=review.pk).exists()
    assert_kept_equals_rebuilt()


def test_the_rebuild_command_mends_what_was_lost_and_a_dry_run_only_says_so(review, adam):
    r = services.add_recommendation(review=review, user=adam, reason="Test", position=1, text="x")
    services.record_update(recommendation=r, user=adam, status="in_progress", text="y")
    kept = summaries.snapshot()
    Tally.objects.filter(kind="count").delete()  # as a restore of part of the database might leave it

    out = io.StringIO()
    call_command("rebuild_summaries", "--dry-run", stdout=out)
    assert "Would rebuild" in out.getvalue() and "; 2 differed from the records." in out.getvalue()
    assert not Tally.objects.filter(kind="count").exists()

    out = io.StringIO()
    call_command("rebuild_summaries", stdout=out)
    assert "; 2 differed from the records." in out.getvalue()
    assert summaries.snapshot() == kept

    out = io.StringIO()
    call_command("rebuild_summaries", stdout=out)
    assert "; 0 differed from the records." in out.getvalue()


def test_an_import_keeps_the_summary_as_a_rebuild_makes_it(seeded):
    # The seed papers made their recommendations, responses and updates through the services.
    assert Standing.objects.count() == Recommendation.objects.count() > 0
    assert_dashboards_match_the_records()
    assert_kept_equals_rebuilt()


@pytest.mark.parametrize("batched", [False, True])
def test_a_refused_write_changes_no_summary_row(review, adam, batched):
    r = services.add_recommendation(review=review, user=adam, reason="Test", position=1, text="x")
    kept = summaries.snapshot()
    with pytest.raises(RefusedChange):
        if batched:
            with services.summaries_refreshed_once():
                services.assess_completion(recommendation=r, user=adam, signed_off=True, meeting_date=TODAY)
        else:
            services.assess_completion(recommendation=r, user=adam, signed_off=True, meeting_date=TODAY)
    assert summaries.snapshot() == kept
