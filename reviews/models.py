from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from councils.models import Committee, Council


class ReviewQuerySet(models.QuerySet):
    def for_user(self, user):
        """The reviews of the councils this person may see."""
        return self.filter(council__in=Council.objects.for_user(user))


class Review(models.Model):
    """One scrutiny review and its report, which makes the recommendations."""

    council = models.ForeignKey(Council, models.PROTECT, related_name="reviews")
    # The committee whose review it is; empty where no paper names it.
    committee = models.ForeignKey(Committee, models.PROTECT, null=True, blank=True, related_name="reviews")
    title = models.CharField(max_length=300)
    # Unique across councils, so that commands can name a review by it alone.
    slug = models.SlugField(max_length=100, unique=True)
    # When the committee made the recommendations (Oxford: "made on 03/11/2020").
    recommended_date = models.DateField(null=True, blank=True)
    # When the executive's response is due: the recommended date and the council's period for responses,
    # kept here by the services that change either; empty where the recommended date is not known.
    response_due_date = models.DateField(null=True, blank=True)
    # When the review's report is dated, in the papers' words ("September 2012").
    report_dated = models.CharField(max_length=100, blank=True)
    # When the recommendations were endorsed, where a paper says so.
    endorsed_date = models.DateField(null=True, blank=True)

    objects = ReviewQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["council__name", "title"]
        constraints = [
            models.UniqueConstraint(fields=["council", "title"], name="review_unique_title_per_council"),
            models.CheckConstraint(condition=~models.Q(title=""), name="review_has_title"),
        ]
        # The recommendations list sorted by review: the reviews in order of title.
        indexes = [models.Index(fields=["title", "id"], name="review_title")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reviews:detail", args=[self.council.slug, self.slug])


class UpdateRoundQuerySet(models.QuerySet):
    def open(self):
        """Rounds not yet closed: their papers still show the data as it stands."""
        return self.filter(closed_at__isnull=True)

    def closed(self):
        return self.filter(closed_at__isnull=False)

    def asking(self):
        """Open rounds with a date updates are due: each asks every unfinished recommendation of its review."""
        return self.open().filter(due_date__isnull=False)

    def due(self, today):
        """Rounds asking for updates whose due date has passed: an update still owed for one is overdue."""
        return self.asking().filter(due_date__lt=today)

    def past(self, today):
        """Open rounds whose meeting has been, and that no admin keeps open: they close themselves."""
        return self.open().filter(meeting_date__lt=today, keep_open=False)


class UpdateRound(models.Model):
    """One report back to a committee on progress: the six-monthly update."""

    review = models.ForeignKey(Review, models.CASCADE, related_name="rounds")
    committee = models.ForeignKey(Committee, models.PROTECT, related_name="rounds")
    meeting_date = models.DateField()
    title = models.CharField(max_length=500, blank=True)
    report_author = models.CharField(max_length=300, blank=True)
    cabinet_member = models.CharField(max_length=300, blank=True)
    wards = models.CharField(max_length=200, blank=True)
    # The report's opening: its header details, recommendations to the
    # committee and background. Blocks are separated by blank lines; a block
    # that starts with "## " is a heading.
    introduction = models.TextField(blank=True)
    # The body of a report that reports in prose rather than per recommendation.
    narrative = models.TextField(blank=True)
    # What follows: appendices, background documents, audit trail, sign-off.
    closing = models.TextField(blank=True)
    previous_update_date = models.DateField(null=True, blank=True)
    # When officers' updates are due for the meeting.
    due_date = models.DateField(null=True, blank=True)
    # Set when the round is closed; its papers then show it as it was then.
    closed_at = models.DateTimeField(null=True, blank=True)
    # An open round closes itself the day after its meeting, unless an admin keeps it open.
    keep_open = models.BooleanField(default=False)
    source_document = models.ForeignKey(
        "SourceDocument", models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = UpdateRoundQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "meeting_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "committee", "meeting_date"], name="round_one_per_meeting"
            ),
        ]
        indexes = [
            # The open rounds of a review by due date: what "owes an update" asks of every recommendation
            # (asking(), due()). Only open rounds are in it, so a dashboard's subquery reads a review's
            # few, not every round of every council there has ever been.
            models.Index(
                fields=["review", "due_date"],
                condition=models.Q(closed_at__isnull=True),
                name="round_open_due",
            ),
        ]

    def __str__(self):
        return f"{self.committee}, {self.meeting_date:%-d %B %Y}"

    @property
    def is_open(self):
        return self.closed_at is None


class SourceDocumentQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(council__in=Council.objects.for_user(user))


class Kind(models.TextChoices):
    """What kind of paper a source document is."""

    CABINET_RESPONSE = "cabinet_response", "Cabinet response"
    UPDATE_REPORT = "update_report", "Update report"
    DECISION_PAPER = "decision_paper", "Decision paper"


class Layout(models.TextChoices):
    """The importer's layouts: how a paper was read, and so how its rebuilt papers are laid out."""

    CABINET_RESPONSE = "Cabinet response table"
    IMPLEMENTATION_UPDATE = "Update on implementation report"
    COMMITTEE_REPORT = "Committee report"
    STRATEGIC_UPDATE = "Strategic review update paper"
    # Any council's table of recommendations, read by its column headings.
    TABLE = "Table of recommendations"


class SourceDocument(models.Model):
    """A paper that was imported, kept word for word with where it came from."""

    # Also at module level, so that Meta's constraints can name its values.
    Kind = Kind
    Layout = Layout

    council = models.ForeignKey(Council, models.PROTECT, related_name="source_documents")
    review = models.ForeignKey(Review, models.PROTECT, null=True, blank=True, related_name="source_documents")
    name = models.CharField(max_length=255)
    # SHA-256 of the file as given: the same paper is never imported twice.
    checksum = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    # Which of the importer's layouts it was read as.
    layout = models.CharField(max_length=100, choices=Layout.choices)
    title = models.CharField(max_length=500, blank=True)
    paper_date = models.DateField(null=True, blank=True)
    text = models.TextField()
    # The file as it was received, so that it can be downloaded as it was.
    data = models.BinaryField(default=b"", editable=False)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    imported_at = models.DateTimeField()

    objects = SourceDocumentQuerySet.as_manager()
    # Its history need not keep the file again with every change.
    history = HistoricalRecords(excluded_fields=["data"])

    class Meta:
        ordering = ["council__name", "imported_at", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="source_document_kind_known"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("reviews:document", args=[self.council.slug, self.pk])
