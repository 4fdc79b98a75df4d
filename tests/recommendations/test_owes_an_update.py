"""One rule for "owes an update", whichever page or command asks.

A review with two open rounds (to two committees), both past their due date,
and an update given for only one of them: the recommendation still owes the
other. My recommendations, the update request and the dashboard all say so.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from councils.models import Committee
from recommendations.models import ProgressUpdate
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_update

TODAY = timezone.localdate()


@pytest.fixture
def two_open_rounds(review, olive):
    """Recommendation 1, led by Olive, updated for the first of two overdue open rounds."""
    cabinet = Committee.objects.create(council=review.council, name="Cabinet")
    first = UpdateRound.objects.create(
        review=review,
        committee=review.committee,
        meeting_date=TODAY + datetime.timedelta(days=5),
        due_date=TODAY - datetime.timedelta(days=2),
    )
    second = UpdateRound.objects.create(
        review=review,
        committee=cabinet,
        meeting_date=TODAY + datetime.timedelta(days=9),
        due_date=TODAY - datetime.timedelta(days=1),
    )
    recommendation = make_recommendation(review)
    recommendation.lead_officer = olive
    recommendation.save()
    make_update(
        recommendation=recommendation,
        round=first,
        status=ProgressUpdate.Status.IN_PROGRESS,
        text="Begun.",
        update_date=TODAY - datetime.timedelta(days=3),
    )
    return recommendation, first, second


def test_my_recommendations_says_it_is_due_for_the_round_it_owes(client, olive, two_open_rounds):
    recommendation, first, second = two_open_rounds
    client.force_login(olive)
    response = client.get(reverse("my-recommendations"))
    (mine,) = response.context["groups"][recommendation.review]
    assert mine.is_due
    assert mine.due_round == second


def test_the_reminder_asks_for_the_update_it_owes(olive, two_open_rounds, mailoutbox, run_tasks):
    call_command("run_schedule", "--only", "send_update_requests", stdout=io.StringIO())
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == [olive.email]
    assert f"for {two_open_rounds[2].committee} on {two_open_rounds[2].meeting_date:%-d %B %Y}" in mail.body


def test_the_dashboard_counts_its_update_late(client, olive, two_open_rounds):
    client.force_login(olive)
    board = client.get(reverse("home")).context["dashboard"]
    assert board.update_late.count == 1
    listed = client.get(board.update_late.url).context["page"].object_list
    assert [r.pk for r in listed] == [two_open_rounds[0].pk]


def test_a_finished_recommendation_owes_nothing(client, olive, two_open_rounds, mailoutbox, run_tasks):
    recommendation = two_open_rounds[0]
    make_update(
        recommendation=recommendation, status=ProgressUpdate.Status.COMPLETED, text="Done.", update_date=TODAY
    )
    client.force_login(olive)
    (mine,) = client.get(reverse("my-recommendations")).context["groups"][recommendation.review]
    assert not mine.is_due
    assert client.get(reverse("home")).context["dashboard"].update_late.count == 0
    call_command("run_schedule", "--only", "send_update_requests", stdout=io.StringIO())
    run_tasks()
    assert mailoutbox == []
