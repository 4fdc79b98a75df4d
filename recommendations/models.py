import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from councils.models import Council
from reviews.models import UpdateRound


class RecommendationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The recommendations of the councils this person may see."""
        return self.filter(review__council__in=Council.objects.for_user(user))

    def with_progress(self):
        """Annotate each with its latest progress update's status and date."""
        latest = ProgressUpdate.objects.filter(recommendation=OuterRef("pk")).order_by(
            F("update_date").desc(nulls_last=True), "-id"
        )
        return self.annotate(
            latest_status=Subquery(latest.values("status")[:1]),
            latest_status_wording=Subquery(latest.values("status_wording")[:1]),
            last_updated_date=Subquery(
                latest.annotate(effective_date=Coalesce("update_date", "round__meeting_date")).values(
                    "effective_date"
                )[:1]
            ),
        )

    def with_standing(self, today=None):
        """Annotate what dashboards count and lists filter on.

        ``decision_key``: the response's decision, or "none"; ``status_key``:
        the latest update's status, or "none" where there is no update or it
        gave none; ``is_stalled``: not finished and no update for six months;
        ``is_overdue``: not finished and owed an update for an open round whose
        due date has passed.
        """
        today = today or timezone.localdate()
        finished = Q(status_key__in=FINISHED)
        owed = UpdateRound.objects.filter(
            review=OuterRef("review"), closed_at__isnull=True, due_date__lt=today
        ).exclude(updates__recommendation=OuterRef("pk"))
        return (
            self.with_progress()
            .annotate(
                decision_key=Coalesce("cabinet_response__decision", Value(NO_RESPONSE)),
                status_key=Coalesce(NullIf("latest_status", Value("")), Value(NO_STATUS)),
            )
            .annotate(
                is_stalled=Case(
                    When(finished, then=Value(False)),
                    When(
                        Q(last_updated_date__isnull=True) | Q(last_updated_date__lt=today - STALLED_AFTER),
                        then=Value(True),
                    ),
                    default=Value(False),
                ),
                is_overdue=Case(
                    When(finished, then=Value(False)),
                    When(Exists(owed), then=Value(True)),
                    default=Value(False),
                ),
            )
        )


# What dashboards count a recommendation as, besides the model's own choices.
NO_RESPONSE = "none"
NO_STATUS = "none"
STALLED_AFTER = datetime.timedelta(days=183)


class Theme(models.Model):
    """A subject that recommendations share across reviews and councils (housing, training, ...)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Recommendation(models.Model):
    """One numbered recommendation of a review."""

    review = models.ForeignKey("reviews.Review", models.CASCADE, related_name="recommendations")
    number = models.PositiveIntegerField()
    # A short title, where the review gave one (Southwark's: "Training").
    title = models.CharField(max_length=300, blank=True)
    # The recommendation word for word, as the review made it.
    text = models.TextField()
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_document = models.ForeignKey(
        "reviews.SourceDocument", models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Its place in the source: the table row, or the report's paragraph number.
    source_position = models.PositiveIntegerField(null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    # Goes up by one with every saved edit, so a stale edit can be refused.
    version = models.PositiveIntegerField(default=1)

    objects = RecommendationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["review", "number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="recommendation_one_number_per_review"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="recommendation_number_positive"),
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendation_has_text"),
        ]

    def __str__(self):
        return f"Recommendation {self.number}"

    def get_absolute_url(self):
        return reverse(
            "recommendations:detail",
            args=[self.review.council.slug, self.review.slug, self.number],
        )

    @property
    def short_title(self):
        """The title, or the first words of the text where there is none."""
        if self.title:
            return self.title
        words = self.text.split()
        return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


class CabinetResponse(models.Model):
    """The executive's answer to one recommendation."""

    class Decision(models.TextChoices):
        AGREE = "agree", "Agree"
        IN_PART = "in_part", "In part"
        DISAGREE = "disagree", "Disagree"

    recommendation = models.OneToOneField(Recommendation, models.CASCADE, related_name="cabinet_response")
    decision = models.CharField(max_length=20, choices=Decision.choices)
    # The council's own word for the decision ("Agree", "Partially accepted").
    decision_wording = models.CharField(max_length=100, blank=True)
    comment = models.TextField(blank=True)
    responder_name = models.CharField(max_length=200, blank=True)
    responder_role = models.CharField(max_length=300, blank=True)
    response_date = models.DateField(null=True, blank=True)
    source_document = models.ForeignKey(
        "reviews.SourceDocument", models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_position = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision__in=["agree", "in_part", "disagree"]),
                name="response_decision_known",
            ),
        ]

    def __str__(self):
        return f"Response to {self.recommendation}: {self.wording}"

    @property
    def wording(self):
        return self.decision_wording or self.get_decision_display()


class ProgressUpdate(models.Model):
    """A dated account of what has been done on one recommendation."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETED = "completed", "Completed"
        NOT_TAKEN_FORWARD = "not_taken_forward", "Not taken forward"

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="updates")
    round = models.ForeignKey(
        "reviews.UpdateRound", models.PROTECT, null=True, blank=True, related_name="updates"
    )
    # Blank where the paper gave no status.
    status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    status_wording = models.CharField(max_length=100, blank=True)
    # Paragraphs are separated by blank lines.
    text = models.TextField()
    update_date = models.DateField(null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The author as a paper names them, for updates that were imported.
    author_name = models.CharField(max_length=300, blank=True)
    # A link to, or a reference for, the evidence of what was done.
    evidence = models.CharField(max_length=500, blank=True)
    # The report's number for the first paragraph; the rest follow on.
    paragraph_number = models.PositiveIntegerField(null=True, blank=True)
    source_document = models.ForeignKey(
        "reviews.SourceDocument", models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "update_date", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="update_has_text"),
        ]

    def __str__(self):
        return f"Update on {self.recommendation}"

    @property
    def author_display(self):
        """Who wrote it: the signed-in author, else the name the paper gives."""
        if self.author:
            return self.author.get_full_name() or self.author.username
        return self.author_name

    @property
    def paragraphs(self):
        """The text's paragraphs, each with the number the report gave it."""
        blocks = [block for block in self.text.split("\n\n") if block.strip()]
        if self.paragraph_number is None:
            return [(None, block) for block in blocks]
        return [(self.paragraph_number + i, block) for i, block in enumerate(blocks)]


FINISHED = [ProgressUpdate.Status.COMPLETED, ProgressUpdate.Status.NOT_TAKEN_FORWARD]


class EvidenceLink(models.Model):
    """A paper kept as evidence of progress on a recommendation."""

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="evidence_links")
    source_document = models.ForeignKey(
        "reviews.SourceDocument", models.CASCADE, related_name="evidence_links"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "source_document"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "source_document"], name="evidence_link_once"),
        ]

    def __str__(self):
        return f"{self.source_document} for {self.recommendation}"


class Reminder(models.Model):
    """A reminder e-mail sent to a lead officer; at most one a day each."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    sent_date = models.DateField()
    recommendation_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_date"]
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_date"], name="reminder_once_a_day"),
        ]

    def __str__(self):
        return f"Reminder to {self.user} on {self.sent_date}"
