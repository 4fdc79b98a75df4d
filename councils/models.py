from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class CouncilQuerySet(models.QuerySet):
    def for_user(self, user):
        """The councils this person may see: all for a superuser, else their own."""
        if user.is_superuser:
            return self
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class PaperCover(models.TextChoices):
    """Which recommendations a round's papers cover, unless the reader chooses."""

    ALL = "all", "All the review's recommendations"
    # Those not finished by the round before: what is still to report on.
    OPEN = "open", "Only those still open"


# A council's recommendation with no update for this many months is stalled: its choices.
STALLED_CHOICES = (3, 6, 9, 12, 18, 24)
# The months a council gives the executive to respond to a review's recommendations (two by statute).
RESPONSE_CHOICES = (1, 2, 3, 4, 6)


# The most reminders a council may set on each side of a due date, and the furthest from it.
MAX_REMINDERS, MAX_REMINDER_DAYS = 5, 90


def parse_days(text: str) -> list[int]:
    """The whole numbers of days in "7, 2" (largest first); a ValueError in plain English otherwise."""
    days = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= MAX_REMINDER_DAYS:
            raise ValueError(
                f"Enter whole numbers of days from 1 to {MAX_REMINDER_DAYS}, separated by commas"
            )
        days.append(int(part))
    if len(set(days)) > MAX_REMINDERS:
        raise ValueError(f"Enter at most {MAX_REMINDERS} reminders")
    return sorted(set(days), reverse=True)


class Council(models.Model):
    # Also here, so that forms and papers can name it through the model.
    PaperCover = PaperCover

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    # The council's defaults for the papers of the rounds it collects (a paper can choose otherwise).
    papers_cover = models.CharField(max_length=10, choices=PaperCover.choices, default=PaperCover.ALL)
    papers_show_response = models.BooleanField(
        default=False, help_text="Show each recommendation's cabinet response in the update report."
    )
    STALLED_CHOICES = STALLED_CHOICES
    stalled_after_months = models.PositiveSmallIntegerField(
        default=6, choices=[(months, f"{months} months") for months in STALLED_CHOICES]
    )
    RESPONSE_CHOICES = RESPONSE_CHOICES
    response_period_months = models.PositiveSmallIntegerField(
        default=2,
        choices=[(months, f"{months} month{'s' if months > 1 else ''}") for months in RESPONSE_CHOICES],
    )

    # When lead officers are reminded of the updates they owe a round, in days before and after its
    # due date, e.g. "7, 2" and "1, 7" (the request itself goes when the round opens).
    reminder_days_before = models.CharField(max_length=40, blank=True, default="7, 2")
    reminder_days_after = models.CharField(max_length=40, blank=True, default="1, 7")

    objects = CouncilQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(papers_cover__in=PaperCover.values), name="council_papers_cover_known"
            ),
            models.CheckConstraint(
                condition=models.Q(stalled_after_months__in=STALLED_CHOICES),
                name="council_stalled_months_known",
            ),
            models.CheckConstraint(
                condition=models.Q(response_period_months__in=RESPONSE_CHOICES),
                name="council_response_months_known",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("council", args=[self.slug])

    @property
    def reminder_offsets(self) -> list[int]:
        """The reminders' days from the due date, in order: negative before it, positive after."""
        try:
            before, after = parse_days(self.reminder_days_before), parse_days(self.reminder_days_after)
        except ValueError:  # not through the settings form: no reminders rather than a failed run
            return []
        return sorted({-days for days in before} | set(after))

    def role_of(self, user):
        """This person's role here (a superuser is an admin everywhere), or None."""
        if user.is_superuser:
            return Membership.Role.ADMIN
        if not user.is_authenticated:
            return None
        membership = self.memberships.filter(user=user).first()
        return Membership.Role(membership.role) if membership else None


class Committee(models.Model):
    """A body of a council that makes or receives recommendations."""

    council = models.ForeignKey(Council, models.PROTECT, related_name="committees")
    name = models.CharField(max_length=200)

    history = HistoricalRecords()

    class Meta:
        ordering = ["council__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "name"], name="committee_unique_name_per_council"),
        ]

    def __str__(self):
        return self.name


class EscalationStep(models.Model):
    """One step of a council's escalation ladder ("The chair writes to the director"), in its order.

    A step no longer wanted is retired, not deleted: the escalations that took it still name it.
    """

    council = models.ForeignKey(Council, models.CASCADE, related_name="escalation_steps")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=200)
    retired = models.BooleanField(default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["council_id", "retired", "position", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="escalation_step_has_name"),
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    """A person's role in a council."""

    MEMBER = "member", "Scrutiny member"
    OFFICER = "officer", "Officer"
    ADMIN = "admin", "Council admin"

    @property
    def can_edit(self):
        """Officers and admins record responses and progress."""
        return self in (self.OFFICER, self.ADMIN)

    @property
    def can_manage(self):
        """Admins import papers and run update rounds."""
        return self == self.ADMIN


class Membership(models.Model):
    """A person's role in one council; it is what lets them see that council."""

    # Also at module level, so that Meta's constraints can name its values.
    Role = Role

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships")
    council = models.ForeignKey(Council, models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["council__name", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["user", "council"], name="membership_one_per_user_and_council"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="membership_role_known"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.council})"


class OutboundEmail(models.Model):
    """An e-mail in the outbox: queued by the service that wrote it, sent later by the worker.

    Written only by ``councils.mail``; people never change it, so it has no history.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        # Not sent because the person may no longer receive it (no longer active, or left the council).
        DROPPED = "dropped", "Not sent"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="outbound_emails")
    # The council the e-mail is about: at sending time the recipient must still be able to see it.
    council = models.ForeignKey(Council, models.CASCADE, null=True, blank=True, related_name="+")
    # What the e-mail is for (an invitation, an update request, a digest...), for admins and tests.
    kind = models.CharField(max_length=40, blank=True)
    subject = models.CharField(max_length=200)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # Made once, so that a message sent again after a worker died carries the same id.
    message_id = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The last error from the mail server, or why the e-mail was not sent.
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When the current attempt began (status "sending"): one stuck longer than a worker takes is sent again.
    attempt_started_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbound_email_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sending", "sent", "failed", "dropped"]),
                name="outbound_email_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.subject} to {self.recipient} ({self.get_status_display().lower()})"


class ChangeCount(models.Model):
    """How many times a council's data has changed: the part of a cached page's key that goes stale.

    Bumped by ``councils.versions`` in the same transaction as every change to
    the council's tracked records, so a page cached under the old count is
    never read again once the change is committed. Not a foreign key: when a
    council is deleted its count stays (and is bumped), so a sum of counts
    never comes back to a value a page was cached under.
    """

    council_id = models.BigIntegerField(primary_key=True)
    count = models.BigIntegerField(default=0)

    def __str__(self):
        return f"Council {self.council_id}: {self.count} changes"
