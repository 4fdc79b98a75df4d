"""The only code that writes follows, preferences, events and notifications."""

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone

from common.history import save_with_history
from recommendations.models import Recommendation
from reviews.models import Review

from .models import Event, Follow, Notification, Preference, target_kind

if TYPE_CHECKING:
    from .tokens import Unsubscribe

# Rows written to the database at once: the fan-out's queries grow with the followers by one per batch.
BATCH_SIZE = 1000


@transaction.atomic
def set_following(*, user: User, target: Model, is_following: bool, reason: str) -> Follow:
    """Record this person's choice to follow the target, or not to (which also turns off a default follow)."""
    field = target_kind(target).value
    existing = Follow.objects.select_for_update().filter(user=user, **{field: target}).first()
    if existing is not None:
        if existing.is_following == is_following:
            return existing
        existing.is_following = is_following
        return save_with_history(existing, user=user, reason=reason)
    try:
        # A savepoint: a second click that made the row first leaves this transaction usable.
        with transaction.atomic():
            return save_with_history(
                Follow(user=user, is_following=is_following, **{field: target}), user=user, reason=reason
            )
    except IntegrityError:
        return set_following(user=user, target=target, is_following=is_following, reason=reason)


@transaction.atomic
def set_email_preference(*, user: User, email: str, reason: str) -> Preference:
    """When this person is e-mailed about what they follow: as it happens, in a daily digest, or never."""
    preference = Preference.objects.select_for_update().filter(user=user).first()
    if preference is None:
        preference = Preference(user=user)
    elif preference.email == email:
        return preference
    preference.email = Preference.Email(email)
    return save_with_history(preference, user=user, reason=reason)


def unsubscribe(*, link: "Unsubscribe") -> None:
    """Do what an e-mail's unsubscribe link says: stop all e-mail, or stop following one thing."""
    if link.target is None:
        set_email_preference(
            user=link.user, email=Preference.Email.NEVER, reason="Unsubscribed by the link in an e-mail"
        )
    else:
        set_following(
            user=link.user,
            target=link.target,
            is_following=False,
            reason="Unfollowed by the link in an e-mail",
        )


def email_preference(user: User) -> str:
    return Preference.objects.filter(user=user).values_list("email", flat=True).first() or Preference.DEFAULT


def record_event(
    *,
    kind: str,
    actor: AbstractBaseUser | None,
    summary: str,
    recommendation: Recommendation | None = None,
    review: Review | None = None,
) -> Event:
    """Keep what happened, and have the followers told once the caller's transaction commits."""
    from .tasks import fan_out  # the tasks module imports this one

    if recommendation is not None:
        review = Review.objects.get(pk=recommendation.review_id) if review is None else review
    assert review is not None, "an event is about a recommendation or a review"
    event = Event.objects.create(
        kind=kind,
        council_id=review.council_id,
        review=review,
        recommendation=recommendation,
        actor=actor if isinstance(actor, User) and actor.pk else None,
        summary=summary,
        created_at=timezone.now(),
    )
    fan_out.enqueue(event.pk)
    return event


def send_as_it_happens(*, user_id: int, council_id: int) -> int:
    """E-mail one person the news of one council still waiting to be e-mailed as it happens: one e-mail
    for one or many; how many it carried (0: another task sent them, or they may no longer be told)."""
    from . import emails

    with transaction.atomic():
        waiting = list(
            Notification.objects.awaiting_email()
            .select_for_update(of=("self",))
            .filter(user_id=user_id, council_id=council_id)
            .select_related("event__recommendation", "event__review", "event__council")
            .order_by("created_at", "id")
        )
        if not waiting:
            return 0
        person = User.objects.get(pk=user_id)
        council = waiting[0].event.council
        if email_preference(person) == Preference.Email.IMMEDIATE and council.role_of(person) is not None:
            if len(waiting) == 1:
                emails.queue_notification(person, waiting[0].event)
            else:
                emails.queue_digest(person, council, waiting, timezone.localdate(), as_it_happens=True)
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(emailed_at=timezone.now())
        return len(waiting)


def mark_read(*, user: User, notification_ids: list[int]) -> int:
    """Mark these of the person's notifications read (those shown to them): how many were unread."""
    return Notification.objects.filter(user=user, pk__in=notification_ids, read_at=None).update(
        read_at=timezone.now()
    )


def fan_out(*, event_id: int) -> int:
    """Tell the followers of the event: a notification each, e-mailed a moment later or kept for the digest as they
    chose. All or nothing, and only once: a second run for the same event does nothing. How many told."""
    from . import following  # the rule reads the models this module writes

    with transaction.atomic():
        event = (
            Event.objects.select_for_update(of=("self",))
            .select_related("recommendation", "review", "council")
            .filter(pk=event_id)
            .first()
        )
        if event is None or event.fanned_out_at is not None:
            return 0
        told = following.recipients(event)
        delivery = {
            Preference.Email.IMMEDIATE: Notification.Delivery.IMMEDIATE,
            Preference.Email.DIGEST: Notification.Delivery.DIGEST,
            Preference.Email.NEVER: Notification.Delivery.NONE,
        }
        now = timezone.now()
        Notification.objects.bulk_create(
            [
                Notification(
                    user_id=user_id,
                    event=event,
                    council_id=event.council_id,
                    created_at=now,
                    delivery=delivery[Preference.Email(preference)],
                )
                for user_id, preference in told.items()
            ],
            batch_size=BATCH_SIZE,
        )
        # Those who want e-mail as it happens get it a moment later, with whatever else comes for them
        # meanwhile (an imported paper is an event a response): one e-mail, not one per event.
        from .tasks import send_as_it_happens

        later = now + datetime.timedelta(seconds=settings.NOTIFICATION_EMAIL_DELAY)
        for user_id, preference in sorted(told.items()):
            if preference == Preference.Email.IMMEDIATE:
                send_as_it_happens.using(run_after=later).enqueue(user_id, event.council_id)
        event.fanned_out_at = now
        event.save(update_fields=["fanned_out_at"])
        return len(told)
