"""Two people writing to one recommendation at the same moment, through the pages, on real connections:
no server error, nothing lost, the dashboards' latest status always the right update, and the summary
rows two recommendations share counting both.

Each trial starts two requests on two threads (two database connections) behind a barrier. On
PostgreSQL every write path runs 100 trials; SQLite, which takes one writer at a time, runs fewer.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from councils import services as council_services
from councils.models import Membership
from recommendations import dashboard, services, summaries
from recommendations.models import (
    CabinetResponse,
    Escalation,
    LatestProgress,
    ProgressUpdate,
    Recommendation,
    SignOff,
)
from tests.conftest import join, make_recommendation, make_review, make_user

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = timezone.localdate()


def trials():
    return 100 if connection.vendor == "postgresql" else 15


def url(recommendation, name):
    review = recommendation.review
    return reverse(
        f"recommendations:{name}", args=[review.council.slug, review.slug, recommendation.position]
    )


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def at_once(clients, path, forms):
    """POST each form with its client at the same moment (to ``path``, or each to its own of a list of
    paths); the status codes, in order."""
    paths = path if isinstance(path, list) else [path] * len(clients)
    start = threading.Barrier(len(clients))
    answers: list = [None] * len(clients)

    def post(index):
        try:
            start.wait(timeout=30)
            answers[index] = clients[index].post(paths[index], forms[index]).status_code
        except Exception as error:  # reported by the assertion, not lost in the thread
            answers[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return answers


@pytest.fixture
def people(testshire):
    first, second = make_user("first"), make_user("second")
    for user in (first, second):
        join(user, testshire, Membership.Role.ADMIN)
    clients = []
    for user in (first, second):
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)
    return clients


def test_two_updates_at_once_are_both_kept_and_the_latest_is_right(testshire, people):
    review = make_review(testshire)
    for trial in range(trials()):
        recommendation = make_recommendation(review, position=trial + 1)
        forms = [
            {"status": status, "text": f"Update by {who}.", **date_fields("update_date", TODAY), "round": ""}
            for who, status in (("first", "in_progress"), ("second", "completed"))
        ]

        answers = at_once(people, url(recommendation, "add-update"), forms)

        assert answers == [302, 302], f"trial {trial}: {answers}"
        updates = ProgressUpdate.objects.filter(recommendation=recommendation).order_by("-id")
        assert sorted(u.text for u in updates) == ["Update by first.", "Update by second."]
        latest = LatestProgress.objects.get(recommendation=recommendation)
        assert (latest.update_id, latest.status, latest.previous_status) == (
            updates[0].pk,
            updates[0].status,
            updates[1].status,
        )


def test_two_first_responses_at_once_one_is_saved_and_the_other_sees_the_stale_page(testshire, people):
    review = make_review(testshire)
    for trial in range(trials()):
        recommendation = make_recommendation(review, position=trial + 1)
        forms = [{"decision": decision, "comment": f"By {decision}."} for decision in ("agree", "disagree")]

        answers = at_once(people, url(recommendation, "edit-response"), forms)

        assert sorted(answers) == [302, 409], f"trial {trial}: {answers}"
        response = CabinetResponse.objects.get(recommendation=recommendation)
        winner = ["agree", "disagree"][answers.index(302)]
        assert (response.decision, response.comment, response.history.count()) == (winner, f"By {winner}.", 1)


def test_two_sign_offs_at_once_record_one(testshire, people):
    review = make_review(testshire)
    officer = make_user("officer")
    for trial in range(trials()):
        recommendation = make_recommendation(review, position=trial + 1)
        update = services.record_update(
            recommendation=recommendation, user=officer, text="Done.", status="completed"
        )
        form = {"decision": "signed_off", **date_fields("meeting_date", TODAY), "update": update.pk}

        answers = at_once(people, url(recommendation, "sign-off"), [form, form])

        assert answers == [302, 302], (
            f"trial {trial}: {answers}"
        )  # the second is told it is signed off already
        assert SignOff.objects.filter(recommendation=recommendation).count() == 1
        assert LatestProgress.objects.get(recommendation=recommendation).assessment == "signed_off"


def test_two_escalations_at_once_take_the_step_once(testshire, people):
    review = make_review(testshire)
    admin = make_user("chair")
    (step,) = council_services.set_escalation_steps(council=testshire, user=admin, names=["Reminder"])
    for trial in range(trials()):
        recommendation = make_recommendation(review, position=trial + 1)  # never updated: stalled
        form = {**date_fields("taken_on", TODAY), "note": "Reminder sent.", "step": step.pk}

        answers = at_once(people, url(recommendation, "escalate"), [form, form])

        assert answers == [302, 302], f"trial {trial}: {answers}"
        assert Escalation.objects.filter(recommendation=recommendation).count() == 1


def test_two_updates_at_once_to_two_recommendations_both_land_in_the_shared_summary_rows(testshire, people):
    review = make_review(testshire)
    for trial in range(trials()):
        pair = [make_recommendation(review, position=2 * trial + n) for n in (1, 2)]
        form = {"status": "completed", "text": "Done.", **date_fields("update_date", TODAY), "round": ""}
        answers = at_once(people, [url(r, "add-update") for r in pair], [form, form])

        assert answers == [302, 302], f"trial {trial}: {answers}"
        board = dashboard.build(
            Recommendation.objects.filter(review__council=testshire),
            scope={},
            summary=summaries.of_council(testshire),
        )
        completed = {figure.key: figure.count for figure in board.by_status}["completed"]
        assert completed == 2 * (trial + 1), f"trial {trial}: a count was lost"
    kept = summaries.snapshot()
    summaries.rebuild()
    assert summaries.snapshot() == kept
