"""Lead officers are asked for what they owe when a round opens, reminded on their council's days,
and what is still owed after the last reminder goes to the first step of the escalation ladder."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from councils import services as council_services
from councils.models import Membership, OutboundEmail
from recommendations.models import Escalation, ProgressUpdate, UpdateRequest
from recommendations.update_requests import send_update_requests
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_update

DUE = timezone.localdate() + datetime.timedelta(days=10)


def on(days_from_due):
    """Noon, so many days from the due date."""
    day = DUE + datetime.timedelta(days=days_from_due)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


@pytest.fixture
def owed(review, olive, adam):
    """Olive leads recommendations 1 and 2, Adam 3; 4 has no lead; Adam's 5 is finished."""
    council = review.council
    council_services.save_council_settings(
        council=council, user=adam, reminder_days_before="7, 2", reminder_days_after="1"
    )
    for number, lead in [(1, olive), (2, olive), (3, adam), (4, None), (5, adam)]:
        recommendation = make_recommendation(review, position=number, text=f"Recommendation text {number}.")
        recommendation.lead_officer = lead
        recommendation.save()
    make_update(
        recommendation=review.recommendations.get(position=5),
        status=ProgressUpdate.Status.COMPLETED,
        text="Done.",
    )
    return review


def open_round(client, adam, review):
    client.force_login(adam)
    return client.post(
        reverse("reviews:open-round", args=[review.council.slug, review.slug]),
        {
            "committee": review.committee.pk,
            "meeting_date_0": (DUE + datetime.timedelta(days=20)).day,
            "meeting_date_1": (DUE + datetime.timedelta(days=20)).month,
            "meeting_date_2": (DUE + datetime.timedelta(days=20)).year,
            "due_date_0": DUE.day,
            "due_date_1": DUE.month,
            "due_date_2": DUE.year,
        },
    )


def sent(mailoutbox):
    return sorted((mail.to[0], mail.subject) for mail in mailoutbox)


def test_opening_a_round_asks_each_lead_officer_once_for_what_they_owe(
    client, adam, olive, owed, mailoutbox, run_tasks
):
    response = open_round(client, adam, owed)
    assert response.status_code == 302
    assert mailoutbox == []  # nothing is sent inside the request

    run_tasks()

    due = f"{DUE:%-d %B %Y}"
    assert sent(mailoutbox) == [
        ("adam@testshire.example", f"Testshire County Council: updates due by {due} on 1 recommendation"),
        ("olive@testshire.example", f"Testshire County Council: updates due by {due} on 2 recommendations"),
    ]
    olive_mail = next(mail for mail in mailoutbox if mail.to == ["olive@testshire.example"])
    assert "Recommendation 1 of Review of Libraries" in olive_mail.body
    assert "Recommendation 2 of Review of Libraries" in olive_mail.body
    first = owed.recommendations.get(position=1)
    assert (
        "http://127.0.0.1:8000"
        + reverse("recommendations:add-update", args=[owed.council.slug, owed.slug, 1])
        in olive_mail.body
    )
    assert first.lead_officer == olive
    assert "Recommendation 5" not in next(m for m in mailoutbox if m.to == ["adam@testshire.example"]).body
    assert UpdateRequest.objects.filter(step="request").count() == 2

    # The schedule, run again and again the same day, sends nothing more.
    for _ in range(2):
        out = io.StringIO()
        call_command("run_schedule", "--only", "send_update_requests", stdout=out)
        assert "0 requests and 0 reminders queued" in out.getvalue()
    run_tasks()
    assert len(mailoutbox) == 2


def test_reminders_follow_on_the_councils_days_only_to_those_who_still_owe(
    adam, olive, owed, mailoutbox, run_tasks
):
    UpdateRound.objects.create(
        review=owed, committee=owed.committee, meeting_date=DUE + datetime.timedelta(days=20), due_date=DUE
    )
    send_update_requests(on(-10))
    run_tasks()
    assert len(mailoutbox) == 2

    assert "0 requests and 0 reminders" in send_update_requests(on(-8))
    assert "0 requests and 2 reminders" in send_update_requests(on(-7))
    assert "0 requests and 0 reminders" in send_update_requests(on(-7))  # twice the same day
    run_tasks()
    assert sorted(mail.subject for mail in mailoutbox[2:]) == [
        f"Reminder from Testshire County Council: 1 update due by {DUE:%-d %B %Y}",
        f"Reminder from Testshire County Council: 2 updates due by {DUE:%-d %B %Y}",
    ]

    # Adam gives his update; Olive does not. Nobody runs the schedule on the day before the due
    # date; the next run, after it, sends one reminder (the latest due), not each one missed.
    update_round = UpdateRound.objects.get()
    make_update(recommendation=owed.recommendations.get(position=3), round=update_round, text="Begun.")
    assert "0 requests and 1 reminders" in send_update_requests(on(1))
    run_tasks()
    (late,) = mailoutbox[4:]
    assert late.to == ["olive@testshire.example"]
    assert "are now late" in late.body
    assert list(UpdateRequest.objects.filter(officer=olive).values_list("step", flat=True)) == [
        "request",
        "before-7",
        "after-1",
    ]


def test_what_is_still_owed_after_the_last_reminder_goes_to_the_first_step_of_the_ladder(
    adam, olive, owed, mailoutbox, run_tasks
):
    first, _ = council_services.set_escalation_steps(
        council=owed.council, user=adam, names=["Reminder to the director", "Chair's letter"]
    )
    UpdateRound.objects.create(
        review=owed, committee=owed.committee, meeting_date=DUE + datetime.timedelta(days=20), due_date=DUE
    )
    send_update_requests(on(-10))
    send_update_requests(on(1))  # the last reminder

    summary = send_update_requests(on(2))

    assert "3 items escalated" in summary
    escalations = Escalation.objects.order_by("recommendation__position")
    assert [(e.recommendation.position, e.step_id) for e in escalations] == [
        (1, first.pk),
        (2, first.pk),
        (3, first.pk),
    ]
    record = escalations[0]
    assert record.history.get().history_user.username == "schedule"
    assert record.history.get().history_change_reason == "Escalated: Reminder to the director"
    assert "after the last reminder" in record.note
    run_tasks()
    escalated = [mail for mail in mailoutbox if "escalated" in mail.subject]
    assert sorted(mail.to[0] for mail in escalated) == ["adam@testshire.example", "olive@testshire.example"]
    # Once only, whatever the schedule does next.
    assert "0 items escalated" in send_update_requests(on(3))
    assert Escalation.objects.count() == 3


def test_without_a_ladder_nothing_is_escalated(adam, olive, owed):
    UpdateRound.objects.create(
        review=owed, committee=owed.committee, meeting_date=DUE + datetime.timedelta(days=20), due_date=DUE
    )
    send_update_requests(on(-10))
    send_update_requests(on(1))
    assert "0 requests and 0 reminders queued, 0 items escalated" in send_update_requests(on(5))
    assert not Escalation.objects.exists()


def test_an_officer_removed_from_the_council_is_not_asked(adam, olive, owed, mailoutbox, run_tasks):
    UpdateRound.objects.create(
        review=owed, committee=owed.committee, meeting_date=DUE + datetime.timedelta(days=20), due_date=DUE
    )
    council_services.remove_member(membership=Membership.objects.get(user=olive), user=adam)
    send_update_requests(on(-10))
    run_tasks()
    assert [mail.to for mail in mailoutbox] == [["adam@testshire.example"]]


def test_a_request_queued_before_the_officer_left_is_not_sent(adam, olive, owed, mailoutbox, run_tasks):
    UpdateRound.objects.create(
        review=owed, committee=owed.committee, meeting_date=DUE + datetime.timedelta(days=20), due_date=DUE
    )
    send_update_requests(on(-10))
    council_services.remove_member(membership=Membership.objects.get(user=olive), user=adam)
    run_tasks()
    assert [mail.to for mail in mailoutbox] == [["adam@testshire.example"]]
    assert OutboundEmail.objects.get(recipient=olive).status == "dropped"


@pytest.mark.parametrize(
    ("before", "message"),
    [
        ("seven", "Enter whole numbers of days from 1 to 90, separated by commas"),
        ("7, 0", "Enter whole numbers of days from 1 to 90, separated by commas"),
        ("1, 2, 3, 4, 5, 6", "Enter at most 5 reminders"),
        ("-3", "Enter whole numbers of days from 1 to 90, separated by commas"),
    ],
)
def test_reminder_days_that_are_not_days_are_refused_beside_the_field(
    client, adam, testshire, before, message
):
    client.force_login(adam)
    response = client.post(
        reverse("councils:settings", args=[testshire.slug]),
        {
            "cover": "all",
            "show_response": "no",
            "stalled_after_months": 6,
            "response_period_months": 2,
            "reminder_days_before": before,
            "reminder_days_after": "1",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reminder_days_before"] == [message]
    testshire.refresh_from_db()
    assert testshire.reminder_days_before == "7, 2"


def test_reminder_days_are_saved_tidily_with_history(client, adam, testshire):
    client.force_login(adam)
    client.post(
        reverse("councils:settings", args=[testshire.slug]),
        {
            "cover": "all",
            "show_response": "no",
            "stalled_after_months": 6,
            "response_period_months": 2,
            "reminder_days_before": "2,14 ,7",
            "reminder_days_after": "",
        },
    )
    testshire.refresh_from_db()
    assert (testshire.reminder_days_before, testshire.reminder_days_after) == ("14, 7, 2", "")
    assert testshire.reminder_offsets == [-14, -7, -2]
    assert testshire.history.first().history_user == adam
