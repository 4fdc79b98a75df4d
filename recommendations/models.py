import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from councils.models import Council
from reviews.models import UpdateRound


class RecommendationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The recommendations of the councils this person may see."""
        if user.is_superuser:
            return self  # all of them: no need to ask the database to check
        return self.filter(review__council__in=Council.objects.for_user(user))

    def decided(self, decisions):
        """Those whose response has one of these decisions ("none": no response yet)."""
        condition = Q(cabinet_response__decision__in=[d for d in decisions if d != NO_RESPONSE])
        if NO_RESPONSE in decisions:
            condition |= Q(cabinet_response__isnull=True)
        return self.filter(condition)

    def in_status(self, statuses):
        """Those whose latest update has one of these statuses ("none": no update, or none given)."""
        condition = Q(latest_progress__status__in=[s for s in statuses if s != NO_STATUS])
        if NO_STATUS in statuses:
            condition |= Q(latest_progress__isnull=True) | Q(latest_progress__status="")
        return self.filter(condition)

    def with_progress(self):
        """Annotate each with its latest progress update's status and date (from LatestProgress)."""
        return self.annotate(
            latest_status=F("latest_progress__status"),
            latest_status_wording=F("latest_progress__status_wording"),
            last_updated_date=F("latest_progress__last_updated_date"),
            previous_status=F("latest_progress__previous_status"),
        )

    def with_standing(self, today=None):
        """Annotate what dashboards count and lists filter on.

        ``decision_key``: the response's decision, or "none"; ``status_key``:
        the latest update's status, or "none" where there is no update or it
        gave none; ``is_stalled``: not finished and no update for six months;
        ``is_overdue``: not finished and owed an update for an open round whose
        due date has passed (its latest update is not for an open round).
        """
        today = today or timezone.localdate()
        finished = Q(status_key__in=FINISHED)
        # Uncorrelated, so the database works it out once, not once a row.
        owing_reviews = UpdateRound.objects.filter(closed_at__isnull=True, due_date__lt=today).values(
            "review_id"
        )
        open_rounds = UpdateRound.objects.filter(closed_at__isnull=True).values("pk")
        updated_for_open_round = Q(latest_progress__round_id__in=open_rounds)
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
                    When(finished | updated_for_open_round, then=Value(False)),
                    When(review_id__in=owing_reviews, then=Value(True)),
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
        # By the review's id, not the review: ordering by a relation joins it.
        ordering = ["review_id", "number"]
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
        ordering = ["recommendation_id", "update_date", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="update_has_text"),
        ]
        indexes = [
            # Finds a recommendation's latest update without sorting them all.
            models.Index(fields=["recommendation", "-update_date", "-id"], name="update_latest_first"),
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


class LatestProgress(models.Model):
    """Each recommendation's latest progress update, kept so dashboards count in one pass.

    It is derived from the updates, not a record anyone changes, so it has no
    history of its own: ``refresh`` rebuilds it wherever updates are written,
    and rebuilding it all gives the same rows.
    """

    recommendation = models.OneToOneField(
        Recommendation, models.CASCADE, primary_key=True, related_name="latest_progress"
    )
    update = models.OneToOneField(ProgressUpdate, models.CASCADE, related_name="+")
    status = models.CharField(max_length=30, blank=True)
    status_wording = models.CharField(max_length=100, blank=True)
    # The update's date, or its round's meeting date where it has none.
    last_updated_date = models.DateField(null=True, blank=True)
    round = models.ForeignKey(UpdateRound, models.SET_NULL, null=True, blank=True, related_name="+")
    # The status of the update before the latest: what moved. None (not "")
    # where there was no earlier update, as "" is an update that gave none.
    previous_status = models.CharField(max_length=30, null=True, blank=True)  # noqa: DJ001

    class Meta:
        indexes = [
            models.Index(fields=["status"], name="latest_progress_status"),
            models.Index(fields=["last_updated_date"], name="latest_progress_date"),
        ]

    def __str__(self):
        return f"Latest progress of {self.recommendation_id}"

    @classmethod
    def refresh(cls, recommendation_ids=None):
        """Recompute the rows of these recommendations (ids, or a query of ids; all, given None)."""
        updates = ProgressUpdate.objects.order_by(
            "recommendation_id", F("update_date").desc(nulls_last=True), "-id"
        ).values(
            "id",
            "recommendation_id",
            "status",
            "status_wording",
            "update_date",
            "round_id",
            "round__meeting_date",
        )
        existing = cls.objects.all()
        if recommendation_ids is not None:
            updates = updates.filter(recommendation_id__in=recommendation_ids)
            existing = existing.filter(recommendation_id__in=recommendation_ids)
        rows, seen = [], {}
        for update in updates.iterator(chunk_size=5000):
            recommendation_id = update["recommendation_id"]
            if recommendation_id in seen:
                if seen[recommendation_id].previous_status is None:
                    seen[recommendation_id].previous_status = update["status"]
                continue
            seen[recommendation_id] = cls(
                recommendation_id=recommendation_id,
                update_id=update["id"],
                status=update["status"],
                status_wording=update["status_wording"],
                last_updated_date=update["update_date"] or update["round__meeting_date"],
                round_id=update["round_id"],
            )
            rows.append(seen[recommendation_id])
        existing.delete()
        cls.objects.bulk_create(rows, batch_size=5000)


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
