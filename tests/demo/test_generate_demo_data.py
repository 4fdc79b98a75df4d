"""generate_demo_data: a reproducible demo data set with history, refused when asked for nonsense."""

import datetime
import hashlib
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, connection, transaction

from councils.models import Committee, Council, Membership
from recommendations import summaries
from recommendations.models import CabinetResponse, LatestProgress, ProgressUpdate, Recommendation, Theme
from reviews.models import Review, UpdateRound
from tests.conftest import make_recommendation, make_review

AS_OF = datetime.date(2025, 6, 30)
SMALL = [
    "--councils",
    "2",
    "--reviews-per-council",
    "2",
    "--recommendations-per-review",
    "5",
    "--rounds",
    "3",
]
TRACKED = [
    Council,
    Committee,
    Membership,
    Theme,
    Review,
    UpdateRound,
    Recommendation,
    CabinetResponse,
    ProgressUpdate,
]


def generate(*args, seed=7):
    out = io.StringIO()
    call_command(
        "generate_demo_data", *SMALL, "--seed", str(seed), "--as-of", AS_OF.isoformat(), *args, stdout=out
    )
    return out.getvalue()


def digest():
    """A fingerprint of everything generated that a person would read, ids left out."""
    rows = []
    for review in Review.objects.select_related("council", "committee").order_by("slug"):
        rows.append(
            (
                review.council.name,
                review.committee.name,
                review.title,
                review.slug,
                review.recommended_date,
                review.response_due_date,
            )
        )
        rows += UpdateRound.objects.filter(review=review).values_list("meeting_date", "due_date", "closed_at")
    recommendations = Recommendation.objects.select_related("review", "lead_officer", "cabinet_response")
    related = ["themes", "updates", "targets", "extension_requests", "sign_offs", "update_assessments"]
    for r in recommendations.prefetch_related(*related, "escalations__step").order_by(
        "review__slug", "position"
    ):
        response = getattr(r, "cabinet_response", None)
        rows.append(
            (
                r.position,
                r.title,
                r.text,
                r.lead_officer and r.lead_officer.username,
                sorted(t.name for t in r.themes.all()),
                response
                and (response.decision, response.decision_wording, response.comment, response.response_date),
                [
                    (
                        u.update_date,
                        u.status,
                        u.status_wording,
                        u.outcome_reason,
                        u.forecast,
                        u.text,
                        u.evidence,
                    )
                    for u in r.updates.all()
                ],
                r.target_date,
                [(t.date, t.kind, t.reason, t.replaced_passed, t.recorded_at) for t in r.targets.all()],
                [
                    (e.requested_date, e.reason, e.requested_at, e.state, e.meeting_date, e.decision_note)
                    for e in r.extension_requests.all()
                ],
                [(s.outcome, s.meeting_date, s.reason, s.recorded_at) for s in r.sign_offs.all()],
                [(a.comment, a.recorded_at) for a in r.update_assessments.all()],
                [(e.step.name, e.taken_on, e.note) for e in r.escalations.all()],
            )
        )
    return hashlib.sha256(repr(rows).encode()).hexdigest()


@pytest.mark.django_db
def test_creates_exactly_what_the_sizes_and_seed_say():
    out = generate()

    assert Council.objects.count() == 2
    assert Review.objects.count() == 2 * 2
    assert Recommendation.objects.count() == 2 * 2 * 5
    assert UpdateRound.objects.count() == 2 * 2 * 3
    assert Theme.objects.count() == 12
    # What the seed decides: committees and officers per council, responses
    # (about one in twenty has none), updates (stalled and owed ones missing, none after a sign-off).
    assert Committee.objects.count() == 4
    assert Membership.objects.filter(role=Membership.Role.OFFICER).count() == 9
    assert get_user_model().objects.filter(username__startswith="demo-").count() == 9
    assert CabinetResponse.objects.count() == 19
    assert ProgressUpdate.objects.count() == 53
    assert Recommendation.themes.through.objects.count() == 37
    assert UpdateRound.objects.open().count() == 3
    assert (
        "2 councils, 4 committees, 9 officers, 4 reviews, 12 rounds, 3 open rounds, 20 recommendations, "
        "37 theme links, 19 responses, 53 updates, 6 escalation steps, 21 target dates, 3 extension requests, "
        "8 sign-offs, 4 updates not adequate, 3 escalations" in out
    )
    assert all(c.name.startswith("Demo ") and c.slug.startswith("demo-") for c in Council.objects.all())
    assert all(r.slug.startswith("demo-") for r in Review.objects.all())


@pytest.mark.django_db
def test_the_dashboards_count_the_demo_updates():
    generate()

    kept = set(
        LatestProgress.objects.values_list("recommendation_id", "update_id", "status", "previous_status")
    )
    assert len(kept) == ProgressUpdate.objects.values("recommendation").distinct().count() > 0
    LatestProgress.refresh()
    assert (
        set(LatestProgress.objects.values_list("recommendation_id", "update_id", "status", "previous_status"))
        == kept
    )


@pytest.mark.django_db
def test_every_created_row_has_its_history_with_who_and_why():
    generate()

    for model in TRACKED:
        created = model.history.filter(history_type="+")
        assert set(created.values_list("id", flat=True)) == set(model.objects.values_list("id", flat=True)), (
            model
        )
        assert set(created.values_list("history_user__username", "history_change_reason")) == {
            ("importer", "Generated demo data (seed 7)")
        }, model
    # A closed round's closing is a change of its own, recorded when it closed.
    closings = UpdateRound.history.filter(history_type="~")
    assert sorted(closings.values_list("id", "history_date")) == sorted(
        UpdateRound.objects.closed().values_list("id", "closed_at")
    )
    # Each recommendation's themes are in its first history row, as simple-history keeps them.
    for recommendation in Recommendation.objects.prefetch_related("themes"):
        record = recommendation.history.get(history_type="+")
        assert {link.theme_id for link in record.themes.all()} == {t.id for t in recommendation.themes.all()}
        assert 1 <= len(recommendation.themes.all()) <= 3


@pytest.mark.django_db
def test_dates_follow_the_story_of_a_review():
    generate()

    for review in Review.objects.prefetch_related("rounds"):
        meetings = [r.meeting_date for r in review.rounds.all()]
        gaps = [(b - a).days for a, b in zip(meetings, meetings[1:], strict=False)]
        assert all(160 <= gap <= 205 for gap in gaps), gaps  # about six months apart
        assert all(r.closed_at for r in review.rounds.all()[:2])  # only the last may be open
    for update in ProgressUpdate.objects.select_related("round"):
        assert update.update_date <= min(update.round.due_date, AS_OF)
        assert update.update_date > (update.round.previous_update_date or datetime.date.min)
    history_dates = ProgressUpdate.history.values_list("update_date", "history_date")
    assert all(history_date.date() == update_date for update_date, history_date in history_dates)


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    generate()
    first = digest()

    out = generate("--replace")
    assert "Deleted 2 demo councils" in out
    assert digest() == first
    assert Council.objects.count() == 2
    # Deleting left history, with who and why.
    deleted = Recommendation.history.filter(history_type="-")
    assert deleted.count() == 20
    assert set(deleted.values_list("history_user__username", "history_change_reason")) == {
        ("importer", "Replaced by Generated demo data (seed 7)")
    }

    generate("--replace", seed=8)
    assert digest() != first


@pytest.mark.django_db
def test_existing_demo_data_is_left_as_it_is_without_replace():
    generate()
    before = digest()

    with pytest.raises(
        CommandError, match=r"Demo data exists already \(2 demo councils\)\. Nothing was changed\."
    ):
        generate(seed=8)

    assert digest() == before


@pytest.mark.django_db
def test_other_councils_data_is_never_touched(testshire):
    recommendation = make_recommendation(make_review(testshire))

    generate()
    generate("--replace", seed=9)

    assert Council.objects.count() == 3
    assert Recommendation.objects.get(review__council=testshire) == recommendation


@pytest.mark.django_db
def test_a_council_that_only_looks_like_demo_data_stops_it(testshire):
    Council.objects.create(name="Demo Town Council", slug="demo-town")

    with pytest.raises(CommandError, match="“Demo Town Council” .* is not demo data"):
        generate()

    assert Review.objects.count() == 0


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        (
            "--councils",
            "0",
            "Enter at least 1 for --councils (N, the number of councils to create); you entered 0.",
        ),
        ("--reviews-per-council", "-2", "Enter at least 1 for --reviews-per-council"),
        ("--recommendations-per-review", "0", "Enter at least 1 for --recommendations-per-review"),
        ("--rounds", "-1", "Enter at least 1 for --rounds"),
    ],
)
@pytest.mark.django_db
def test_sizes_below_one_are_refused_in_plain_english(flag, value, message):
    with pytest.raises(CommandError) as error:
        generate(flag, value)

    assert message in str(error.value)
    assert Council.objects.count() == 0
    assert Theme.objects.count() == 0


@pytest.mark.django_db
def test_the_dashboards_summary_is_what_a_rebuild_makes():
    generate()
    kept = summaries.snapshot()
    assert kept["standing"] and kept["tally"] and kept["day tally"]

    summaries.rebuild()

    assert summaries.snapshot() == kept


@pytest.mark.django_db
def test_records_made_afterwards_get_keys_of_their_own(testshire):
    """The rows are written with keys taken from each table's own sequence: the app's next records clash with none."""
    generate()

    review = make_review(testshire, title="Review of Parks")
    recommendation = make_recommendation(review)
    council = Council.objects.create(name="Newtown Council", slug="newtown")

    assert Recommendation.objects.get(pk=recommendation.pk).review == review
    assert Council.objects.filter(pk=council.pk).count() == 1
    assert recommendation.pk > max(
        Recommendation.objects.filter(review__council__slug__startswith="demo-").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_a_clash_while_writing_stops_it_and_changes_nothing(testshire):
    """A row the database refuses (here an officer's username taken since) rolls the whole set back."""
    generate()
    officer = get_user_model().objects.filter(username__startswith="demo-").order_by("username").first()
    username = officer.username
    generate("--replace", seed=8)  # another set: that officer is gone
    assert not get_user_model().objects.filter(username=username).exists()
    get_user_model().objects.create(username=username)
    before, keys = digest(), foreign_keys() if connection.vendor == "postgresql" else None

    with pytest.raises(CommandError, match="could not be written, and nothing was changed"):
        generate("--replace")

    assert digest() == before
    assert keys is None or foreign_keys() == keys
    assert Council.objects.filter(slug__startswith="demo-").count() == 2
    assert get_user_model().objects.filter(username=username).count() == 1


def foreign_keys():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f'"
        )
        return set(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the keys are set aside on PostgreSQL only")
@pytest.mark.django_db
def test_the_foreign_keys_set_aside_while_writing_are_all_back_and_in_force(testshire):
    before = foreign_keys()
    assert len(before) > 40

    generate()
    generate("--replace", seed=8)

    assert foreign_keys() == before
    review = Review.objects.filter(slug__startswith="demo-").first()
    with pytest.raises(IntegrityError), transaction.atomic():
        # A recommendation of a review that is not there is refused, at once.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        Recommendation.objects.create(review_id=review.pk + 10**9, position=1, text="Orphan")


@pytest.mark.django_db(transaction=True)
def test_progress_is_told_as_each_chunk_of_councils_is_written(monkeypatch):
    """Told once the chunk's rows are in (on PostgreSQL, by the thread that writes them), so it reaches
    every council only when the writing has ended, not when the last chunk was planned."""
    from demo import plan, write

    monkeypatch.setattr(write, "RECOMMENDATIONS_PER_CHUNK", 2 * 3 * 4)  # two councils a chunk
    told = []

    def progress(done, total):
        told.append(
            (done, total, Recommendation.objects.filter(review__council__name__startswith="Demo").count())
        )

    sizes = plan.Sizes(councils=5, reviews=3, recommendations=4, rounds=2)
    write.generate(sizes=sizes, seed=3, as_of=datetime.date(2026, 6, 1), user=None, progress=progress)
    assert told == [(2, 5, 24), (4, 5, 48), (5, 5, 60)]
