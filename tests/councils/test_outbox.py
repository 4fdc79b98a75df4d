"""E-mail is queued by the request and sent by the worker, through a real SMTP server, with retries."""

import datetime
import io
import socket
import threading

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from councils import mail
from councils.models import Membership, OutboundEmail
from councils.services import remove_member
from tests.conftest import make_user


def queue_invitation(person, council, **extra):
    return mail.queue_email(
        recipient=person,
        subject="You have been invited to Scrutiny Tracker",
        template="invitation",
        context={"person": person, "invited_by": None, "link": "http://127.0.0.1:8000/x/", "days": 3},
        council=council,
        kind="invitation",
        **extra,
    )


def make_due(email):
    """The retry queued for this e-mail runs now rather than in some minutes."""
    for result in DBTaskResult.objects.filter(status="READY"):
        if result.args_kwargs["args"] == [email.pk]:
            result.run_after = timezone.now() - datetime.timedelta(seconds=1)
            result.save(update_fields=["run_after"])


@pytest.fixture
def pat(testshire):
    person = make_user("pat", email="pat@testshire.example", first_name="Pat", last_name="Kaur")
    Membership.objects.create(user=person, council=testshire, role=Membership.Role.OFFICER)
    return person


def test_a_queued_email_reaches_a_real_smtp_server_with_both_parts_and_an_unsubscribe_header(
    pat, testshire, smtp_server, run_tasks
):
    email = queue_invitation(pat, testshire, unsubscribe_url="http://127.0.0.1:8000/unsubscribe/abc/")
    assert smtp_server.messages == []

    assert run_tasks() == 1

    (message,) = smtp_server.messages
    assert message["To"] == "pat@testshire.example"
    assert message["Subject"] == "You have been invited to Scrutiny Tracker"
    assert message["Message-ID"] == email.message_id
    assert message["List-Unsubscribe"] == "<http://127.0.0.1:8000/unsubscribe/abc/>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Dear Pat Kaur" in text and "for Testshire County Council" in text
    assert '<a href="http://127.0.0.1:8000/x/">Set your password</a>' in html
    assert 'href="http://127.0.0.1:8000/unsubscribe/abc/"' in html
    email.refresh_from_db()
    assert (email.status, email.attempts, email.sent_at is not None) == ("sent", 1, True)


def test_no_email_is_sent_inside_the_request(client, adam, testshire, smtp_server, run_tasks):
    client.force_login(adam)
    client.post(
        reverse("councils:people", args=[testshire.slug]), {"email": "new@x.example", "role": "member"}
    )
    client.post(reverse("password-reset"), {"email": "new@x.example"})

    assert smtp_server.messages == []
    assert OutboundEmail.objects.filter(status="queued").count() == 2
    assert run_tasks() == 2
    assert sorted(m["Subject"] for m in smtp_server.messages) == [
        "Set a new password for Scrutiny Tracker",
        "You have been invited to Scrutiny Tracker",
    ]


def test_a_refusing_server_is_tried_again_later_and_the_email_sent_once(
    pat, testshire, smtp_server, run_tasks
):
    smtp_server.refuse = 1
    email = queue_invitation(pat, testshire)

    run_tasks()

    email.refresh_from_db()
    assert (email.status, email.attempts) == ("queued", 1)
    assert "451" in email.last_error
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)
    assert run_tasks() == 0  # not due yet

    make_due(email)
    assert run_tasks() == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)
    assert len(smtp_server.messages) == 1


@pytest.fixture
def silent_server(settings):
    """A server that accepts the connection and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 1
    yield
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_a_server_that_times_out_is_retried_then_the_failure_is_shown_to_admins(
    pat, testshire, silent_server, run_tasks, settings, admin_client
):
    settings.EMAIL_MAX_ATTEMPTS = 2
    email = queue_invitation(pat, testshire)

    run_tasks()
    make_due(email)
    run_tasks()

    email.refresh_from_db()
    assert (email.status, email.attempts) == ("failed", 2)
    assert "timed out" in email.last_error
    failed = DBTaskResult.objects.get(status="FAILED")
    assert failed.exception_class_path == "councils.mail.EmailNotSent"
    assert "was not sent after 2 attempts" in failed.traceback
    # Admins find it in the outbox and in the task list, with the error.
    page = admin_client.get(reverse("admin:councils_outboundemail_changelist") + "?status__exact=failed")
    assert "You have been invited to Scrutiny Tracker" in page.content.decode()
    page = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.pk]))
    assert "EmailNotSent" in page.content.decode()


def test_someone_removed_from_the_council_after_it_was_queued_is_not_sent_it(
    pat, testshire, adam, mailoutbox, run_tasks
):
    email = queue_invitation(pat, testshire)
    remove_member(membership=pat.memberships.get(), user=adam)

    run_tasks()

    assert mailoutbox == []
    email.refresh_from_db()
    assert email.status == "dropped"
    assert email.last_error == "The recipient no longer belongs to Testshire County Council."


def test_an_inactive_account_is_not_sent_it(pat, testshire, mailoutbox, run_tasks):
    email = queue_invitation(pat, testshire)
    pat.is_active = False
    pat.save()

    run_tasks()

    assert mailoutbox == []
    email.refresh_from_db()
    assert (email.status, email.last_error) == ("dropped", "The recipient's account is no longer active.")


def test_nobody_without_an_address_is_queued_anything(testshire):
    person = make_user("noaddress", email="")
    assert queue_invitation(person, None) is None
    assert not OutboundEmail.objects.exists()


def test_a_line_break_in_a_subject_cannot_add_a_header(pat, testshire, mailoutbox, run_tasks):
    email = mail.queue_email(
        recipient=pat,
        subject="Update due\r\nBcc: everyone@example.org " + "x" * 300,
        template="invitation",
        context={"person": pat, "link": "", "days": 1},
    )
    run_tasks()
    assert email.subject.startswith("Update due Bcc: everyone@example.org x") and len(email.subject) == 200
    assert mailoutbox[0].bcc == [] and "\n" not in mailoutbox[0].subject


def test_an_email_a_dead_worker_left_half_sent_is_sent_again_by_the_schedule_and_only_once(
    pat, testshire, mailoutbox, run_tasks
):
    email = queue_invitation(pat, testshire)
    # A worker claimed it and died before sending: its task is gone, the e-mail says "sending".
    DBTaskResult.objects.all().delete()
    email.status, email.attempt_started_at = "sending", timezone.now() - datetime.timedelta(minutes=20)
    email.save()
    waiting = queue_invitation(pat, testshire)
    DBTaskResult.objects.all().delete()  # queued, but its task lost (say, restored from a backup)

    call_command("run_schedule", "--only", "requeue_unsent", stdout=(out := io.StringIO()))
    assert "E-mail: 1 stuck and 1 without a task queued again." in out.getvalue()
    call_command("run_schedule", "--only", "requeue_unsent", stdout=(again := io.StringIO()))
    assert "E-mail: 0 stuck and 0 without a task queued again." in again.getvalue()

    assert run_tasks() == 2
    assert len(mailoutbox) == 2
    assert {e.status for e in OutboundEmail.objects.filter(pk__in=[email.pk, waiting.pk])} == {"sent"}
    # A second task for a sent e-mail finds nothing to do.
    from councils.tasks import deliver_email

    deliver_email.enqueue(email.pk)
    run_tasks()
    assert len(mailoutbox) == 2


def test_an_unknown_job_is_explained(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No scheduled job is called nightly"):
        call_command("run_schedule", "--only", "nightly")
