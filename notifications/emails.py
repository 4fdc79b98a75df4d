"""The e-mails about what people follow: one as it happens, or a daily digest; each through the outbox."""

from django.conf import settings
from django.urls import reverse

from councils.mail import queue_email

from .tokens import unsubscribe_url


def _links(person):
    return {
        "site_url": settings.SITE_URL,
        "preferences_url": settings.SITE_URL + reverse("notifications:preferences"),
        "unsubscribe_url": unsubscribe_url(person),
    }


def queue_notification(person, event):
    """Queue the e-mail telling one person of one event, as it happens (None: they have no address)."""
    # Its link to stop following names the most specific thing the event is about.
    about = event.recommendation if event.recommendation_id is not None else event.review
    context = {
        **_links(person),
        "person": person,
        "event": event,
        "council": event.council,
        "event_url": settings.SITE_URL + event.get_absolute_url(),
        "stop_following_url": unsubscribe_url(person, about),
    }
    return queue_email(
        recipient=person,
        subject=f"{event.council}: {event.subject}",
        template="notification",
        context=context,
        council=event.council,
        kind="notification",
        unsubscribe_url=context["unsubscribe_url"],
    )


def queue_digest(person, council, notifications, day, *, as_it_happens=False):
    """Queue one person's daily digest of one council's news, or the news that came together for an
    e-mail as it happens (None: they have no address)."""
    context = {
        **_links(person),
        "person": person,
        "council": council,
        "day": day,
        "items": [(n.event, settings.SITE_URL + n.event.get_absolute_url()) for n in notifications],
        "as_it_happens": as_it_happens,
    }
    count = len(notifications)
    return queue_email(
        recipient=person,
        subject=f"{council}: {count} change{'s' if count != 1 else ''} to what you follow",
        template="digest",
        context=context,
        council=council,
        kind="notification" if as_it_happens else "digest",
        unsubscribe_url=context["unsubscribe_url"],
    )
