"""The notifications' scheduled jobs, run in order by ``manage.py run_schedule`` (settings.SCHEDULED_JOBS).

Each takes the time it runs at, may be run again at any moment without telling anyone twice, and says
in one line what it did.
"""

import datetime
import logging

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from councils.models import Council, Membership

from . import emails, services
from .models import Digest, Event, Notification, Preference

log = logging.getLogger(__name__)

# People (each with one council's news) whose digests are built at once, in one transaction.
DIGEST_BATCH = 500
# An event no worker has fanned out after this long is fanned out by the schedule (a worker died).
FAN_OUT_GRACE = datetime.timedelta(minutes=10)
# Times a batch is tried again when another run took some of its people first.
CLASH_RETRIES = 3


def fan_out_missed(now: datetime.datetime) -> str:
    """Fan out the events whose task never finished (a worker died, or the queue lost it)."""
    late = Event.objects.filter(fanned_out_at=None, created_at__lt=now - FAN_OUT_GRACE).order_by(
        "created_at", "id"
    )
    events = told = 0
    for event_id in late.values_list("pk", flat=True):
        told += services.fan_out(event_id=event_id)
        events += 1
    return f"Notifications: {events} event(s) fanned out late, {told} notification(s)"


def send_daily_digests(now: datetime.datetime) -> str:
    """Queue today's digest for each person with news waiting, one per council; at most one a day each."""
    day = timezone.localdate(now)
    queued = dropped = clashes = 0
    while True:
        batch = _next_batch(day)
        if not batch:
            break
        try:
            with transaction.atomic():
                sent, gone = _send_batch(batch, day, now)
        except IntegrityError:
            # Another run wrote some of these digests first: look again, without them.
            clashes += 1
            if clashes > CLASH_RETRIES:
                raise
            continue
        queued += sent
        dropped += gone
    return (
        f"Daily digests for {day:%-d %B %Y}: {queued} e-mail(s) queued, {dropped} person-council pair(s) "
        "not sent (no longer allowed, or no e-mail wanted)"
    )


def _next_batch(day):
    """The next people (with a council) whose news waits for a digest and who have not had today's."""
    had_today = Digest.objects.filter(
        user=OuterRef("user_id"), council=OuterRef("council_id"), digest_date=day
    )
    return list(
        Notification.objects.awaiting_digest()
        .exclude(Exists(had_today))
        .order_by("user_id", "council_id")
        .values_list("user_id", "council_id")
        .distinct()[:DIGEST_BATCH]
    )


def _send_batch(batch, day, now):
    """Queue the digests of these (person, council) pairs: queries fixed per batch, bar one e-mail each."""
    user_ids = sorted({user_id for user_id, _ in batch})
    council_ids = sorted({council_id for _, council_id in batch})
    people = (
        User.objects.filter(pk__in=user_ids)
        .annotate(preference=Subquery(Preference.objects.filter(user=OuterRef("pk")).values("email")[:1]))
        .in_bulk()
    )
    councils = Council.objects.in_bulk(council_ids)
    # Checked again now: a role removed since the news was made takes the council's news with it.
    members = set(
        Membership.objects.filter(user_id__in=user_ids, council_id__in=council_ids).values_list(
            "user_id", "council_id"
        )
    )
    waiting: dict[tuple[int, int], list[Notification]] = {}
    wanted = set(batch)
    for notification in (
        Notification.objects.awaiting_digest()
        .filter(user_id__in=user_ids, council_id__in=council_ids)
        .select_related("event__recommendation", "event__review", "event__council")
        .order_by("created_at", "id")
    ):
        pair = notification.user_id, notification.council_id
        if pair in wanted:
            waiting.setdefault(pair, []).append(notification)
    send: list[tuple[tuple[int, int], list[Notification]]] = []
    drop: list[int] = []
    gone = 0
    for pair, notifications in waiting.items():
        person = people[pair[0]]
        allowed = person.is_active and (person.is_superuser or pair in members)
        if allowed and person.preference != Preference.Email.NEVER:
            send.append((pair, notifications))
        else:
            drop.extend(n.pk for n in notifications)
            gone += 1
    if drop:
        Notification.objects.filter(pk__in=drop).update(delivery=Notification.Delivery.NONE)
    # The e-mails and their digests in one transaction: if another run wrote one of these digests first,
    # the unique day undoes the whole batch, its e-mails and their tasks with it, before any is sent.
    digests = [
        Digest(
            user_id=user_id,
            council_id=council_id,
            digest_date=day,
            created_at=now,
            email=emails.queue_digest(people[user_id], councils[council_id], notifications, day),
        )
        for (user_id, council_id), notifications in send
    ]
    Digest.objects.bulk_create(digests)
    carried = [n.pk for _, notifications in send for n in notifications]
    if carried:
        today = Digest.objects.filter(
            user=OuterRef("user_id"), council=OuterRef("council_id"), digest_date=day
        )
        Notification.objects.filter(pk__in=carried).update(digest=Subquery(today.values("pk")[:1]))
    return sum(digest.email_id is not None for digest in digests), gone
