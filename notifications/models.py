"""Who follows what, what happened, and who was told: the notifications app's tables."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.models import Council
from recommendations.models import Recommendation, Theme
from reviews.models import Review


class Target(models.TextChoices):
    """What a person can follow."""

    RECOMMENDATION = "recommendation", "Recommendation"
    REVIEW = "review", "Review"
    THEME = "theme", "Theme"
    COUNCIL = "council", "Council"


# Its name for annotations inside Follow, where "Target" is Follow.Target.
TargetKind = Target

# Each kind of target is one of Follow's foreign keys, named as the kind (and as its model).
TARGET_FIELDS = [target.value for target in Target]


def target_kind(target: models.Model) -> Target:
    """What kind of target a Recommendation, Review, Theme or Council is."""
    return Target(str(target._meta.model_name))


class FollowQuerySet(models.QuerySet):
    def following(self):
        """The rows that follow (not those that turn a default follow off)."""
        return self.filter(is_following=True)


class Follow(models.Model):
    """A person's own choice about one thing: to follow it, or (``is_following`` off) not to, which turns
    off a default follow (the lead officer's of their recommendation, a member's of their council's reviews).

    With no row, the defaults decide. Exactly one of the four targets is set.
    """

    Target = Target

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="follows")
    recommendation = models.ForeignKey(
        Recommendation, models.CASCADE, null=True, blank=True, related_name="+"
    )
    review = models.ForeignKey(Review, models.CASCADE, null=True, blank=True, related_name="+")
    theme = models.ForeignKey(Theme, models.CASCADE, null=True, blank=True, related_name="+")
    council = models.ForeignKey(Council, models.CASCADE, null=True, blank=True, related_name="+")
    is_following = models.BooleanField(default=True)

    objects = FollowQuerySet.as_manager()
    # People change it: its history says when someone started or stopped following, and how (a page,
    # an unsubscribe link), which is what they ask when e-mails stop or start.
    history = HistoricalRecords()

    class Meta:
        ordering = ["user_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(recommendation__isnull=False, review=None, theme=None, council=None)
                    | Q(recommendation=None, review__isnull=False, theme=None, council=None)
                    | Q(recommendation=None, review=None, theme__isnull=False, council=None)
                    | Q(recommendation=None, review=None, theme=None, council__isnull=False)
                ),
                name="follow_one_target",
            ),
            *[
                models.UniqueConstraint(
                    fields=["user", name],
                    condition=Q(**{f"{name}__isnull": False}),
                    name=f"follow_one_per_{name}",
                )
                for name in TARGET_FIELDS
            ],
        ]

    def __str__(self):
        verb = "follows" if self.is_following else "does not follow"
        return f"{self.user} {verb} {self.target}"

    @property
    def kind(self) -> TargetKind:
        return next(Target(name) for name in TARGET_FIELDS if getattr(self, f"{name}_id") is not None)

    @property
    def target(self):
        return getattr(self, self.kind.value)


class EmailChoice(models.TextChoices):
    """When a person is e-mailed about what they follow."""

    IMMEDIATE = "immediate", "As it happens"
    DIGEST = "digest", "A daily digest"
    NEVER = "never", "Never"


class Preference(models.Model):
    """How a person wants to hear of what they follow; with no row, the default (a daily digest)."""

    Email = EmailChoice
    DEFAULT = EmailChoice.DIGEST

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(max_length=20, choices=EmailChoice.choices, default=DEFAULT)

    history = HistoricalRecords()

    class Meta:
        ordering = ["user_id"]
        constraints = [
            models.CheckConstraint(condition=Q(email__in=EmailChoice.values), name="preference_email_known"),
        ]

    def __str__(self):
        return f"{self.user}: {self.get_email_display()}"


class EventKind(models.TextChoices):
    """What kind of change a notification is about."""

    UPDATE = "update", "New progress update"
    STATUS = "status", "Status or forecast changed"
    RESPONSE = "response", "Cabinet response"
    TARGET = "target", "Target date"
    EXTENSION = "extension", "Extension decided"
    SIGN_OFF = "sign_off", "Sign-off"
    REOPENED = "reopened", "Reopened"
    ESCALATION = "escalation", "Escalation"
    ROUND_OPENED = "round_opened", "Update round opened"
    ROUND_CLOSED = "round_closed", "Update round closed"


class Event(models.Model):
    """Something that happened to a recommendation or a review, worded as it happened.

    Written by the receiver of the services' signals in their transaction; the
    fan-out task then tells the followers and sets ``fanned_out_at``.
    """

    Kind = EventKind

    kind = models.CharField(max_length=20, choices=EventKind.choices)
    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, models.CASCADE, related_name="+")
    # Empty for news of the review as a whole (a round opened or closed).
    recommendation = models.ForeignKey(
        Recommendation, models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Who made the change (None for a command's work): they are not told of their own change.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # One sentence: "Olive Okafor gave a progress update: In progress, on track."
    summary = models.TextField()
    created_at = models.DateTimeField()
    fanned_out_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The scheduled sweep finds the events no worker has fanned out.
            models.Index(fields=["created_at"], condition=Q(fanned_out_at=None), name="event_not_fanned_out"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_known"),
        ]

    def __str__(self):
        return self.summary

    def get_absolute_url(self):
        if self.recommendation is not None:
            return reverse(
                "recommendations:detail",
                args=[self.council.slug, self.review.slug, self.recommendation.position],
            )
        return reverse("reviews:detail", args=[self.council.slug, self.review.slug])

    @property
    def subject(self):
        """What it is about, in a phrase: "Recommendation 3 of Review of Libraries", or the review."""
        if self.recommendation is not None:
            return f"Recommendation {self.recommendation.label} of {self.review}"
        return str(self.review)


class DeliveryChoice(models.TextChoices):
    """How a notification reaches the person's inbox, decided by their preference when it was made."""

    IMMEDIATE = "immediate", "E-mailed as it happened"
    DIGEST = "digest", "In the daily digest"
    NONE = "none", "Not e-mailed"


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """This person's notifications of the councils they may see now (roles change after they were made)."""
        mine = self.filter(user=user)
        return mine if user.is_superuser else mine.filter(council__in=Council.objects.for_user(user))

    def unread(self):
        return self.filter(read_at=None)

    def awaiting_digest(self):
        """Those a daily digest is still to carry."""
        return self.filter(delivery=DeliveryChoice.DIGEST, digest=None)

    def awaiting_email(self):
        """Those to be e-mailed as they happen that no e-mail has carried yet."""
        return self.filter(delivery=DeliveryChoice.IMMEDIATE, emailed_at=None)


class Notification(models.Model):
    """One person told of one event: shown in the service, and e-mailed as they chose."""

    Delivery = DeliveryChoice

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, models.CASCADE, related_name="notifications")
    # The event's council, here too so that the header's count needs no join to the events.
    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(max_length=20, choices=DeliveryChoice.choices)
    # The digest that carried it, once one has.
    digest = models.ForeignKey("Digest", models.SET_NULL, null=True, blank=True, related_name="notifications")
    # When the e-mail "as it happens" that carried it was queued (with the others waiting then).
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="notification_once_per_event_and_person"),
            models.CheckConstraint(
                condition=Q(delivery__in=DeliveryChoice.values), name="notification_delivery_known"
            ),
        ]
        indexes = [
            # The header's unread count on every page, and the notifications page, newest first.
            models.Index(fields=["user", "council"], condition=Q(read_at=None), name="notification_unread"),
            models.Index(fields=["user", "-created_at", "-id"], name="notification_newest_first"),
            # The e-mail as it happens: what is waiting for one person and council.
            models.Index(
                fields=["user", "council"],
                condition=Q(delivery="immediate", emailed_at=None),
                name="notification_awaiting_email",
            ),
            # The daily digest's search for what it has still to carry.
            models.Index(
                fields=["user", "council"],
                condition=Q(delivery="digest", digest=None),
                name="notification_awaiting_digest",
            ),
        ]

    def __str__(self):
        return f"{self.user}: {self.event}"


class Digest(models.Model):
    """The daily digest of one person for one council on one day: at most one, written in the same
    transaction as its queued e-mail, so that a run again skips whoever already has theirs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    digest_date = models.DateField()
    created_at = models.DateTimeField()
    # The e-mail queued for it; empty where none could be (the person has no address).
    email = models.ForeignKey(
        "councils.OutboundEmail", models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-digest_date", "user_id", "council_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "council", "digest_date"], name="digest_once_a_day"),
        ]

    def __str__(self):
        return f"Digest for {self.user} of {self.council} on {self.digest_date}"
