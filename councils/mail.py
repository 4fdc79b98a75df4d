"""The outbox: every e-mail the service sends is queued here and sent by the task worker.

A web request only writes an ``OutboundEmail`` row and queues its delivery, in the
transaction of the change that caused it, so a change that is rolled back sends
nothing, and a slow or refusing mail server never slows a page. The worker sends it,
retries with back-off when the server refuses or times out, and in the end marks it
failed, where admins see it with its error.
"""

import datetime
import logging
import re
import smtplib
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Council, OutboundEmail

User = get_user_model()
logger = logging.getLogger(__name__)
Status = OutboundEmail.Status

# An attempt still "sending" after this long belongs to a worker that died: run_schedule sends it again.
STUCK_AFTER = datetime.timedelta(minutes=15)
SUBJECT_LENGTH = OutboundEmail._meta.get_field("subject").max_length or 200


class EmailNotSent(Exception):
    """The mail server refused or did not answer on the last attempt allowed."""


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts: 1, 5, 25 minutes..., at most 6 hours."""
    return min(datetime.timedelta(minutes=5 ** (attempts - 1)), datetime.timedelta(hours=6))


def _one_line(subject: str) -> str:
    # A header cannot hold a line break, and the column has a length.
    return re.sub(r"\s+", " ", subject).strip()[:SUBJECT_LENGTH]


def _message_id() -> str:
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost")


def render(template: str, context: dict[str, Any]) -> tuple[str, str]:
    """The plain-text and HTML bodies of ``emails/<template>``: the HTML is "" where there is no template."""
    text: str = render_to_string(f"emails/{template}.txt", context)
    html: str
    try:
        html = render_to_string(f"emails/{template}.html", context)
    except TemplateDoesNotExist:
        html = ""
    return text, html


@transaction.atomic
def queue_email(
    *,
    recipient: Any,
    subject: str,
    template: str,
    context: dict[str, Any],
    council: Council | None = None,
    kind: str = "",
    unsubscribe_url: str = "",
) -> OutboundEmail | None:
    """Put an e-mail to this person in the outbox and queue its sending; None if they have no address."""
    from .tasks import deliver_email  # the task module imports this one

    if not recipient.email:
        return None
    context = {
        **context,
        "recipient": recipient,
        "council": council,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
    }
    text, html = render(template, context)
    headers = {}
    if unsubscribe_url:
        # RFC 8058: mail programs offer an unsubscribe button that POSTs to the link.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    email = OutboundEmail.objects.create(
        recipient=recipient,
        council=council,
        kind=kind[:40],
        subject=_one_line(subject),
        text_body=text,
        html_body=html,
        headers=headers,
        message_id=_message_id(),
    )
    # The database backend stores the task in this transaction: both are kept, or neither.
    deliver_email.enqueue(email.pk)
    return email


def why_not_deliverable(email: OutboundEmail) -> str:
    """Why this e-mail may no longer go to its recipient, or "" if it may: checked when it is sent."""
    person = email.recipient
    if not person.is_active:
        return "The recipient's account is no longer active."
    if not person.email:
        return "The recipient no longer has an e-mail address."
    if email.council is not None and email.council.role_of(person) is None:
        return f"The recipient no longer belongs to {email.council.name}."
    return ""


def _claim(email_id: int) -> OutboundEmail | None:
    """Mark the e-mail as being sent, if it is waiting; None if another worker has it or it is done."""
    with transaction.atomic():
        email = (
            # Only the e-mail's row is locked (PostgreSQL refuses to lock the outer join's null side).
            OutboundEmail.objects.select_for_update(of=("self",))
            .select_related("recipient", "council")
            .filter(pk=email_id, status=Status.QUEUED)
            .first()
        )
        if email is None:
            return None
        reason = why_not_deliverable(email)
        if reason:
            email.status, email.last_error = Status.DROPPED, reason
            email.save(update_fields=["status", "last_error"])
            logger.info("E-mail %s not sent: %s", email.pk, reason)
            return None
        email.status, email.attempt_started_at = Status.SENDING, timezone.now()
        email.save(update_fields=["status", "attempt_started_at"])
        return email


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text_body,
        to=[email.recipient.email],
        headers={**email.headers, "Message-ID": email.message_id},
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def deliver(email_id: int) -> str:
    """Send one queued e-mail; on failure, queue a retry or, after the last attempt, mark it failed and raise.

    The send happens outside any transaction, so no lock is held while the mail server thinks.
    """
    from .tasks import deliver_email

    email = _claim(email_id)
    if email is None:
        return "Nothing to send."
    try:
        _message(email).send()
    except (smtplib.SMTPException, OSError) as error:  # refused, unreachable, timed out
        email.attempts += 1
        email.last_error = f"{type(error).__name__}: {error}"
        final = email.attempts >= settings.EMAIL_MAX_ATTEMPTS
        with transaction.atomic():
            email.status = Status.FAILED if final else Status.QUEUED
            email.save(update_fields=["status", "attempts", "last_error"])
            if not final:
                run_after = timezone.now() + retry_delay(email.attempts)
                deliver_email.using(run_after=run_after).enqueue(email.pk)
        if final:
            logger.error("E-mail %s failed after %s attempts: %s", email.pk, email.attempts, email.last_error)
            raise EmailNotSent(
                f"The e-mail to {email.recipient.email} was not sent after {email.attempts} attempts: "
                f"{email.last_error}"
            ) from error
        return f"Not sent ({email.last_error}); trying again at {run_after:%H:%M}."
    email.status, email.sent_at = Status.SENT, timezone.now()
    email.attempts += 1
    email.save(update_fields=["status", "sent_at", "attempts"])
    return f"Sent to {email.recipient.email}."


def requeue_unsent(now: datetime.datetime) -> str:
    """Queue again the e-mails a dead worker left "sending", and any waiting with no task to send them.

    Safe to run at any time: a waiting e-mail is claimed by one worker only, so a second task for
    it finds nothing to do.
    """
    from django_tasks_db.models import DBTaskResult

    from .tasks import deliver_email

    stuck = 0
    with transaction.atomic():
        for email in OutboundEmail.objects.select_for_update().filter(
            status=Status.SENDING, attempt_started_at__lt=now - STUCK_AFTER
        ):
            email.status = Status.QUEUED
            email.last_error = "The worker sending it stopped; sent again."
            email.save(update_fields=["status", "last_error"])
            deliver_email.enqueue(email.pk)
            stuck += 1
        waiting = set(OutboundEmail.objects.filter(status=Status.QUEUED).values_list("pk", flat=True))
        if waiting:
            path = deliver_email.module_path
            pending = DBTaskResult.objects.filter(task_path=path, status__in=["READY", "RUNNING"])
            queued = {
                call["args"][0] for call in pending.values_list("args_kwargs", flat=True) if call.get("args")
            }
            orphans = sorted(waiting - queued)
            for pk in orphans:
                deliver_email.enqueue(pk)
        else:
            orphans = []
    return f"E-mail: {stuck} stuck and {len(orphans)} without a task queued again."
