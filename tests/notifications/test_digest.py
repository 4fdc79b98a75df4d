"""The daily digest: one a day for each person and council, in batches, never twice, none missed."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from councils.models import Membership, OutboundEmail
from councils.services import remove_member
from notifications import schedule
from notifications.models import Digest, Notification, Preference
from tests.conftest import join, make_recommendation, make_review, make_update, make_user

from .conftest import prefer

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def members(testshire):
    """Five scrutiny members of Testshire, on the default (a daily digest)."""
    people = [make_user(f"member{i}", email=f"member{i}@testshire.example") for i in range(5)]
    for person in people:
        join(person, testshire, Membership.Role.MEMBER)
    return people


def news(recommendation, olive, run_tasks, text="Begun."):
    make_update(recommendation=recommendation, user=olive, text=text)
    run_tasks()


def test_each_member_gets_one_digest_naming_the_council_with_a_working_unsubscribe_link(
    members, olive, recommendation, run_tasks, client, settled
):
    news(recommendation, olive, run_tasks, "Begun.")
    news(recommendation, olive, run_tasks, "Going well.")

    summary = schedule.send_daily_digests(NOW)
    assert summary.startswith(f"Daily digests for {timezone.localdate(NOW):%-d %B %Y}: 5 e-mail(s) queued")
    run_tasks()

    assert len(mail.outbox) == 5  # Alice, who has no address, has her digest row but no e-mail
    assert Digest.objects.count() == 6
    message = next(m for m in mail.outbox if m.to == ["member0@testshire.example"])
    assert message.subject == "Testshire County Council: 2 changes to what you follow"
    assert "What changed in Testshire County Council" in message.body
    assert message.body.count("Olive Okafor gave a progress update") == 2
    link = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert f"To stop all e-mails about what you follow: {link}" in message.body
    # The link works, with no sign-in.
    assert client.post(link.removeprefix("http://127.0.0.1:8000")).status_code == 200
    assert Preference.objects.get(user=members[0]).email == Preference.Email.NEVER
    assert Notification.objects.awaiting_digest().count() == 0


def test_a_second_run_the_same_day_sends_nothing_and_tomorrow_carries_the_news_since(
    members, olive, recommendation, run_tasks, settled
):
    news(recommendation, olive, run_tasks)
    schedule.send_daily_digests(NOW)
    news(recommendation, olive, run_tasks, "More.")

    assert ": 0 e-mail(s) queued" in schedule.send_daily_digests(NOW + datetime.timedelta(hours=1))
    assert Digest.objects.count() == 6
    assert ": 5 e-mail(s) queued" in schedule.send_daily_digests(NOW + datetime.timedelta(days=1))
    run_tasks()
    assert len(mail.outbox) == 10
    assert Digest.objects.filter(user=members[0]).count() == 2


def test_a_run_that_dies_midway_sends_the_rest_when_run_again_and_no_one_twice(
    members, olive, recommendation, run_tasks, monkeypatch, settled
):
    news(recommendation, olive, run_tasks)
    monkeypatch.setattr(schedule, "DIGEST_BATCH", 2)
    real = schedule.emails.queue_digest
    calls = []

    def dies_on_the_fifth(*args, **kwargs):
        calls.append(args[0].username)
        if len(calls) == 5:
            raise SystemExit("the worker was killed")
        return real(*args, **kwargs)

    with mock.patch.object(schedule.emails, "queue_digest", dies_on_the_fifth), pytest.raises(SystemExit):
        schedule.send_daily_digests(NOW)
    # Two batches of two were done (Alice, who has no address, and three members); the third, half
    # built, was undone with its e-mail.
    assert Digest.objects.count() == 4
    assert OutboundEmail.objects.count() == 3

    assert ": 2 e-mail(s) queued" in schedule.send_daily_digests(NOW)
    run_tasks()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [f"member{i}@testshire.example" for i in range(5)]


def test_a_run_that_finds_another_run_took_its_people_undoes_its_batch_and_looks_again(
    members, olive, recommendation, run_tasks, settled
):
    news(recommendation, olive, run_tasks)
    day = timezone.localdate(NOW)
    stale = schedule._next_batch(day)
    # Another run, at the same moment, has just written member0's digest for today.
    Digest.objects.create(
        user=members[0], council=recommendation.review.council, digest_date=day, created_at=NOW
    )
    # This run still sees the list from before: its batch clashes on the unique day and is undone, its
    # e-mails with it; it looks again and does the others.
    looks = iter([stale])
    with mock.patch.object(
        schedule, "_next_batch", side_effect=lambda day: next(looks, None) or original(day)
    ):
        assert ": 4 e-mail(s) queued" in schedule.send_daily_digests(NOW)
    run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == [f"member{i}@testshire.example" for i in range(1, 5)]
    assert Digest.objects.count() == 6


original = schedule._next_batch


def test_someone_who_left_the_council_before_the_digest_gets_none(
    members, olive, adam, recommendation, run_tasks, settled
):
    news(recommendation, olive, run_tasks)
    remove_member(membership=members[0].memberships.get(), user=adam)

    summary = schedule.send_daily_digests(NOW)
    assert ": 4 e-mail(s) queued, 1 person-council pair(s) not sent" in summary
    run_tasks()
    assert "member0@testshire.example" not in [m.to[0] for m in mail.outbox]
    assert not Digest.objects.filter(user=members[0]).exists()


def test_someone_who_leaves_after_the_digest_was_queued_is_not_sent_it(
    members, olive, adam, recommendation, run_tasks, settled
):
    news(recommendation, olive, run_tasks)
    schedule.send_daily_digests(NOW)
    remove_member(membership=members[0].memberships.get(), user=adam)
    run_tasks()
    assert "member0@testshire.example" not in [m.to[0] for m in mail.outbox]
    assert OutboundEmail.objects.get(recipient=members[0]).status == OutboundEmail.Status.DROPPED


def test_preferences_decide_who_gets_a_digest(members, olive, recommendation, run_tasks, settled):
    prefer(members[0], Preference.Email.NEVER)
    prefer(members[1], Preference.Email.IMMEDIATE)
    news(recommendation, olive, run_tasks)
    assert [m.to for m in mail.outbox] == [["member1@testshire.example"]]  # at once, not in the digest
    mail.outbox.clear()

    schedule.send_daily_digests(NOW)
    run_tasks()
    got = sorted(m.to[0] for m in mail.outbox if m.to[0].startswith("member"))
    assert got == ["member2@testshire.example", "member3@testshire.example", "member4@testshire.example"]
    # Everyone still sees the news in the service.
    assert Notification.objects.filter(user__in=members).count() == 5


def test_a_person_in_two_councils_gets_a_digest_from_each(
    testshire, otherton, olive, oscar, recommendation, run_tasks, settled
):
    both = make_user("both", email="both@example.org")
    join(both, testshire)
    join(both, otherton)
    other = make_recommendation(make_review(otherton, "Review of Parks"), text="That parks open late.")
    news(recommendation, olive, run_tasks)
    news(other, oscar, run_tasks)
    schedule.send_daily_digests(NOW)
    run_tasks()
    subjects = sorted(m.subject for m in mail.outbox if m.to == ["both@example.org"])
    assert subjects == [
        "Otherton Borough Council: 1 change to what you follow",
        "Testshire County Council: 1 change to what you follow",
    ]


def test_a_digest_batch_asks_a_fixed_number_of_queries_and_one_email_each(
    members, olive, recommendation, run_tasks, django_assert_num_queries, settled
):
    news(recommendation, olive, run_tasks)
    news(recommendation, olive, run_tasks, "More.")
    day = timezone.localdate(NOW)
    batch = schedule._next_batch(day)
    assert len(batch) == 6
    # The savepoint pair; the people with their preference; the councils; their memberships; the
    # notifications waiting, with their events; then four for each e-mail (the outbox's savepoint pair,
    # its row and its task); the digests in one insert; the notifications marked carried.
    with django_assert_num_queries(2 + 4 + 5 * 4 + 2):  # five e-mails: Alice has no address
        schedule._send_batch(batch, day, NOW)
