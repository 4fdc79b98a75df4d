"""A change is told to whoever follows it, once, within the council's boundary, and never to its author."""

from unittest import mock

import pytest
from django.core import mail
from django.db import DatabaseError

from councils.models import Membership, OutboundEmail
from councils.services import remove_member
from notifications import services
from notifications.models import Event, Notification, Preference
from recommendations import services as recommendation_services
from recommendations.models import Theme
from tests.conftest import join, make_recommendation, make_review, make_update, make_user

from .conftest import follow, prefer

pytestmark = pytest.mark.django_db


def told(event=None):
    rows = Notification.objects.all() if event is None else Notification.objects.filter(event=event)
    return sorted(rows.values_list("user__username", flat=True))


def test_an_update_tells_the_members_and_the_lead_officer_but_not_its_author(
    testshire, alice, mia, olive, adam, lead, recommendation, run_tasks, settled
):
    update = make_update(recommendation=recommendation, user=adam, text="Begun.", status="in_progress")

    assert Notification.objects.count() == 0  # told by the worker, not in the request
    run_tasks()

    event = Event.objects.get()
    assert event.kind == Event.Kind.UPDATE
    assert event.recommendation == recommendation and event.council == testshire and event.actor == adam
    assert event.summary == "Adam gave a progress update. Status: In progress; forecast: none given."
    assert event.fanned_out_at is not None
    # The two members by default, the lead officer by default; not Adam, who gave it.
    assert told(event) == ["alice", "mia", "olive"]
    assert update.pk  # recorded as usual
    # Mia asked for e-mail as it happens; Alice and Olive have the default, the daily digest.
    deliveries = dict(Notification.objects.values_list("user__username", "delivery"))
    assert deliveries == {"alice": "digest", "mia": "immediate", "olive": "digest"}
    (message,) = mail.outbox
    assert message.to == ["mia@testshire.example"]
    assert message.subject == "Testshire County Council: Recommendation 1 of Review of Libraries"
    assert "Testshire County Council" in message.body
    assert "Adam gave a progress update" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://127.0.0.1:8000/notifications/unsubscribe/"
    )


def test_the_lead_officer_is_not_told_of_their_own_update(lead, recommendation, run_tasks, settled):
    make_update(recommendation=recommendation, user=lead, text="Begun.")
    run_tasks()
    assert "olive" not in told()
    assert told() == ["alice"]


def test_a_status_change_on_an_edit_is_news_and_a_wording_edit_is_not(
    alice, olive, recommendation, run_tasks, settled
):
    update = make_update(recommendation=recommendation, user=olive, text="Begun.", status="in_progress")
    run_tasks()
    Notification.objects.all().delete()
    update = recommendation_services.edit_update(
        update=update, user=olive, version=update.version, text="Begun!"
    )
    recommendation_services.edit_update(
        update=update, user=olive, version=update.version, status="completed", forecast="on_track"
    )
    run_tasks()

    (event,) = Event.objects.filter(kind=Event.Kind.STATUS)
    assert event.summary == (
        "Olive Okafor changed a progress update. Status: Completed (was In progress); "
        "forecast: On track (was none given)."
    )
    assert told() == ["alice"]


def test_a_second_update_says_what_the_status_was(alice, olive, recommendation, run_tasks, settled):
    make_update(recommendation=recommendation, user=olive, text="Begun.", status="not_started")
    make_update(
        recommendation=recommendation, user=olive, text="Going.", status="in_progress", forecast="at_risk"
    )
    event = Event.objects.order_by("id").last()
    assert event.summary == (
        "Olive Okafor gave a progress update. Status: In progress; forecast: At risk. "
        "It was Not started; forecast none given."
    )


def test_each_kind_of_change_is_an_event(alice, olive, adam, recommendation, review, run_tasks, settled):
    import datetime

    from councils import services as council_services
    from reviews import services as review_services

    today = datetime.date.today()
    recommendation_services.save_response(
        recommendation=recommendation,
        user=adam,
        version=recommendation.cabinet_response.version,
        decision="agree",
        decision_wording="Agreed",
    )
    recommendation.refresh_from_db()
    recommendation_services.set_target(
        recommendation=recommendation,
        user=olive,
        date=today + datetime.timedelta(days=30),
        version=recommendation.version,
    )
    recommendation.refresh_from_db()
    recommendation_services.set_target(
        recommendation=recommendation,
        user=olive,
        date=today + datetime.timedelta(days=60),
        reason="The builder is late.",
        version=recommendation.version,
    )
    extension = recommendation_services.request_extension(
        recommendation=recommendation,
        user=olive,
        date=today + datetime.timedelta(days=90),
        reason="Still late.",
    )
    recommendation_services.decide_extension(
        request=extension, user=adam, approved=True, meeting_date=today, version=extension.version
    )
    make_update(recommendation=recommendation, user=olive, text="Done.", status="completed")
    recommendation_services.assess_completion(
        recommendation=recommendation, user=adam, signed_off=True, meeting_date=today
    )
    recommendation_services.reopen(recommendation=recommendation, user=adam, reason="It came undone.")
    update_round = review_services.open_round(
        review=review, user=adam, committee=review.committee, meeting_date=today, due_date=None
    )
    review_services.close_round(update_round=update_round, user=adam)
    review_services.close_round(update_round=update_round, user=adam)  # already closed: no news
    council_services.set_escalation_steps(council=recommendation.review.council, user=adam, names=["A chase"])
    recommendation.refresh_from_db()
    make_update(recommendation=recommendation, user=olive, text="Late.", status="in_progress")
    recommendation_services.set_target(
        recommendation=recommendation,
        user=olive,
        date=today - datetime.timedelta(days=1),
        reason="Backdated.",
        version=recommendation.version,
    )
    step = recommendation_services.next_escalation_step(recommendation)
    recommendation_services.escalate(
        recommendation=recommendation, user=adam, step_id=step.pk, taken_on=today, note="Sent."
    )

    kinds = list(Event.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [
        "response",
        "target",
        "target",
        "extension",
        "update",
        "sign_off",
        "reopened",
        "round_opened",
        "round_closed",
        "update",
        "target",
        "escalation",
    ]
    summaries = list(Event.objects.order_by("id").values_list("summary", flat=True))
    assert summaries[0] == "Adam changed the cabinet response: Agreed."
    assert summaries[2].startswith("Olive Okafor revised the target date to ") and summaries[2].endswith(
        ": The builder is late."
    )
    assert summaries[3].startswith("The committee approved the extension to ")
    assert summaries[6] == "Adam reopened it: It came undone."
    assert summaries[11].startswith("Escalated: A chase")
    run_tasks()
    # Alice, a member, follows the review by default: told of each; the round news too.
    assert Notification.objects.filter(user=alice).count() == 12


def test_nobody_outside_the_council_is_told_even_following_a_shared_theme(
    testshire, otherton, alice, bob, olive, recommendation, run_tasks, settled
):
    housing = Theme.objects.create(name="Housing", slug="housing")
    recommendation_services.set_themes(
        recommendation=recommendation, user=olive, themes=[housing], version=recommendation.version
    )
    other = make_recommendation(make_review(otherton, "Review of Parks"), text="That parks open late.")
    recommendation_services.set_themes(
        recommendation=other, user=None, themes=[housing], version=other.version
    )
    follow(bob, housing)  # Bob, of Otherton, follows the theme everywhere he can see it

    make_update(recommendation=recommendation, user=olive, text="Begun.")
    run_tasks()
    assert told() == ["alice"]

    make_update(recommendation=other, user=None, text="Begun in Otherton.")
    run_tasks()
    assert sorted(Notification.objects.filter(council=otherton).values_list("user__username", flat=True)) == [
        "bob"
    ]


def test_an_explicit_follow_by_someone_who_left_the_council_tells_them_nothing(
    testshire, alice, olive, adam, recommendation, run_tasks, settled
):
    carol = make_user("carol", email="carol@example.org")
    membership = join(carol, testshire, Membership.Role.OFFICER)
    follow(carol, recommendation)
    remove_member(membership=membership, user=adam)

    make_update(recommendation=recommendation, user=olive, text="Begun.")
    run_tasks()
    assert "carol" not in told()


def test_a_role_removed_after_the_news_was_queued_stops_the_email_and_hides_it(
    testshire, mia, olive, adam, recommendation, run_tasks, client, settled
):
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    # The fan-out runs, queuing Mia's e-mail; before the worker sends it, she leaves the council.
    from notifications.tasks import fan_out

    fan_out.call(Event.objects.get().pk)
    assert Notification.objects.filter(user=mia).exists()
    remove_member(membership=mia.memberships.get(), user=adam)
    run_tasks()

    # The e-mail, made after she left, is never written (the outbox would drop one written before).
    assert mail.outbox == []
    assert not OutboundEmail.objects.filter(recipient=mia).exists()
    # Nor does the service show it to her any more.
    assert Notification.objects.visible_to(mia).count() == 0


def test_a_person_who_turns_off_a_default_follow_is_not_told(
    alice, mia, olive, review, recommendation, run_tasks, settled
):
    follow(alice, review, is_following=False)
    follow(mia, recommendation, is_following=False)
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    run_tasks()
    assert told() == []


def test_the_most_specific_choice_wins(testshire, alice, olive, review, recommendation, run_tasks, settled):
    follow(alice, testshire, is_following=False)  # off for the whole council...
    follow(alice, recommendation)  # ...but on for this one
    second = make_recommendation(review, 2, "That the Council opens a second library.")
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    make_update(recommendation=second, user=olive, text="Begun too.")
    run_tasks()
    assert list(Notification.objects.values_list("event__recommendation", flat=True)) == [recommendation.pk]


def test_a_fan_out_run_twice_tells_everyone_once(alice, mia, olive, recommendation, run_tasks, settled):
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    event = Event.objects.get()
    assert services.fan_out(event_id=event.pk) == 2
    assert services.fan_out(event_id=event.pk) == 0
    run_tasks()  # the queued task finds it done
    assert told() == ["alice", "mia"]
    assert len(mail.outbox) == 1


def test_a_fan_out_that_fails_midway_writes_nothing_and_its_retry_tells_everyone_once(
    alice, mia, olive, recommendation, run_tasks, settled
):
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    event = Event.objects.get()
    # It fails at its last write, after the notifications and the e-mail's task were written.
    with (
        mock.patch.object(Event, "save", side_effect=DatabaseError("the server went away")),
        pytest.raises(DatabaseError),
    ):
        services.fan_out(event_id=event.pk)
    assert Notification.objects.count() == 0
    event.refresh_from_db()
    assert event.fanned_out_at is None

    # The scheduled sweep finds it once it is late.
    from notifications.schedule import FAN_OUT_GRACE, fan_out_missed

    assert fan_out_missed(event.created_at) == "Notifications: 0 event(s) fanned out late, 0 notification(s)"
    assert fan_out_missed(event.created_at + FAN_OUT_GRACE * 2) == (
        "Notifications: 1 event(s) fanned out late, 2 notification(s)"
    )
    run_tasks()
    assert told() == ["alice", "mia"]
    assert len(mail.outbox) == 1


def test_a_change_rolled_back_leaves_no_event_and_no_task(alice, olive, recommendation, run_tasks, settled):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        make_update(recommendation=recommendation, user=olive, text="Begun.")
        raise RuntimeError
    assert Event.objects.count() == 0
    assert run_tasks() == 0


@pytest.mark.parametrize("batch_size, queries", [(1000, 7), (10, 10)])
def test_the_fan_out_asks_a_fixed_number_of_queries_per_batch_however_many_follow(
    testshire, olive, recommendation, django_assert_num_queries, monkeypatch, batch_size, queries, settled
):
    people = [make_user(f"member{i}") for i in range(30)]
    Membership.objects.bulk_create([Membership(user=p, council=testshire, role="member") for p in people])
    for person in people[:10]:
        prefer(person, Preference.Email.NEVER)
    monkeypatch.setattr(services, "BATCH_SIZE", batch_size)
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    event = Event.objects.get()
    # The savepoint pair of its transaction; the event, locked; the follows; the people who may see
    # the council, with their role and preference; the notifications, one insert a batch (31 people:
    # one batch of 1000, or four of 10); the event marked done.
    with django_assert_num_queries(queries):
        assert services.fan_out(event_id=event.pk) == 31  # the thirty, and Alice
