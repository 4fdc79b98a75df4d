"""send_update_reminders: one e-mail a day to each lead officer with updates due."""

import io

from django.core.management import call_command

from recommendations.models import Reminder, Status
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_update


def remind():
    out = io.StringIO()
    call_command("send_update_reminders", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_each_lead_officer_is_reminded_once_a_day_of_what_is_due(olive, adam, review, mailoutbox, run_tasks):
    UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    for number, lead in [(1, olive), (2, olive), (3, adam), (4, None)]:
        recommendation = make_recommendation(review, position=number, text=f"Recommendation text {number}.")
        recommendation.lead_officer = lead
        recommendation.save()
    finished = make_recommendation(review, position=5, text="Already done.")
    finished.lead_officer = adam
    finished.save()
    make_update(recommendation=finished, status=Status.COMPLETED, text="Done.")

    assert "Sent 2 reminders; 0 already reminded today." in remind()

    run_tasks()
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_recipient) == {"olive@testshire.example", "adam@testshire.example"}
    assert by_recipient["olive@testshire.example"].subject == "Updates due: 2 recommendations"
    body = by_recipient["olive@testshire.example"].body
    assert "Recommendation 1 of Review of Libraries" in body and "Recommendation 2 of" in body
    assert "Due by 20 May 2030 for Scrutiny Committee, 10 June 2030." in body
    assert "Recommendation 5" not in by_recipient["adam@testshire.example"].body

    assert "Sent 0 reminders; 2 already reminded today." in remind()
    assert len(mailoutbox) == 2
    assert Reminder.objects.count() == 2


def test_no_reminders_without_an_open_round_with_a_due_date(
    olive, recommendation, review, mailoutbox, run_tasks
):
    recommendation.lead_officer = olive
    recommendation.save()
    UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10"
    )  # no due date
    assert "Sent 0 reminders" in remind()
    run_tasks()
    assert mailoutbox == []
