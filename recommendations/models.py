import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from common import bulk
from common.dates import months_before
from councils.models import Council
from reviews.models import UpdateRound


def _finished():
    """A recommendation whose latest update closes it (completed, or a closing outcome), unless the
    committee did not accept that, or reopened it."""
    return Q(latest_progress__status__in=ProgressUpdate.Status.finished()) & ~Q(
        latest_progress__assessment__in=SignOff.Outcome.reopening()
    )


def _reported_finished():
    return Q(latest_progress__status__in=ProgressUpdate.Status.finished())


def signed_off_condition():
    """Reported complete (or closed), and signed off by the committee: as a condition, to count with."""
    return _reported_finished() & Q(latest_progress__assessment=SignOffOutcome.SIGNED_OFF)


def awaiting_sign_off_condition():
    """Reported complete (or closed) by the officer, and not yet assessed by the committee."""
    return _reported_finished() & Q(latest_progress__assessment="")


def sent_back_condition():
    """Unfinished, and its latest update sent back by the committee: a new one is owed."""
    return Q(latest_progress__sent_back=True) & ~_finished()


def escalated_condition():
    """Unfinished, and escalated at least one step."""
    return ~_finished() & Exists(Escalation.objects.filter(recommendation=OuterRef("pk")))


def response_late_condition(today):
    """Its response came (or, with none yet, is still to come) after its review's due date."""
    return Q(review__response_due_date__isnull=False) & (
        Q(cabinet_response__response_date__gt=F("review__response_due_date"))
        | Q(cabinet_response__isnull=True, review__response_due_date__lt=today)
    )


def slipped_condition(today):
    """A target that passed unmet: it is overdue now, or a target was replaced after it had passed."""
    # The replaced target is looked up for each recommendation in the partial index: as an EXISTS the
    # database may first gather every council's slipped targets (a hashed subplan), for a page of one.
    replaced = TargetDate.objects.filter(recommendation=OuterRef("pk"), replaced_passed=True).values("pk")
    return (Q(target_date__lt=today) & ~_finished()) | Q(IsNull(Subquery(replaced[:1]), False))


def overdue_condition(today):
    """Unfinished, and past its current target date."""
    return ~_finished() & Q(target_date__lt=today)


def escalatable_condition(today):
    """Unfinished, and overdue, stalled, sent back, or its update late: what may be escalated."""
    return ~_finished() & (
        Q(target_date__lt=today)
        | _stalled(today)
        | Q(latest_progress__sent_back=True)
        | Exists(rounds_owed().filter(due_date__lt=today))
    )


def rounds_owed():
    """The rounds asking the recommendation of the outer query for an update it has not given.

    A round asks every unfinished recommendation of its review; an update
    given for the round answers it. This is the one definition of "owes an
    update": the dashboards, the lists, My recommendations and the reminders
    all use it, through the methods below. Correlated on the outer
    recommendation: in a filter the database joins it once (a semi-join);
    as a value it is worked out for the rows shown, so dashboards count
    overdue ones with a filter, not a value per row.
    """
    answered = ProgressUpdate.objects.filter(round=OuterRef("pk"), recommendation=OuterRef(OuterRef("pk")))
    return UpdateRound.objects.asking().filter(review=OuterRef("review_id")).filter(~Exists(answered))


class RecommendationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The recommendations of the councils this person may see."""
        if user.is_superuser:
            return self  # all of them: no need to ask the database to check
        return self.filter(review__council__in=Council.objects.for_user(user))

    def decided(self, decisions):
        """Those whose response has one of these decisions (NO_RESPONSE: no response yet)."""
        condition = Q(cabinet_response__decision__in=[d for d in decisions if d != NO_RESPONSE])
        if NO_RESPONSE in decisions:
            condition |= Q(cabinet_response__isnull=True)
        return self.filter(condition)

    def in_status(self, statuses):
        """Those whose latest update has one of these statuses (NO_STATUS: no update, or none given)."""
        condition = Q(latest_progress__status__in=[s for s in statuses if s != NO_STATUS])
        if NO_STATUS in statuses:
            condition |= Q(latest_progress__isnull=True) | Q(latest_progress__status="")
        return self.filter(condition)

    def finished(self):
        """Those whose latest update closes them: completed, or not taken forward."""
        return self.filter(_finished())

    def unfinished(self):
        return self.exclude(_finished())

    def awaiting_sign_off(self):
        """Reported complete (or closed) by the officer, and not yet assessed by the committee."""
        return self.filter(awaiting_sign_off_condition())

    def signed_off(self):
        """Reported complete (or closed), and signed off by the committee."""
        return self.filter(signed_off_condition())

    def sent_back(self):
        """Unfinished, and its latest update sent back by the committee: a new one is owed."""
        return self.filter(sent_back_condition())

    def escalated(self):
        """Unfinished, and escalated at least one step."""
        return self.filter(escalated_condition())

    def escalatable(self, today):
        """What may be escalated: unfinished, and overdue, stalled, sent back, or its update late."""
        return self.filter(escalatable_condition(today))

    def response_late(self, today):
        """Its response came (or, with none yet, is still to come) after its review's due date."""
        return self.filter(response_late_condition(today))

    def owing_update(self):
        """Unfinished, and asked by an open round for an update not yet given."""
        return self.unfinished().filter(Exists(rounds_owed()))

    def owing_round(self, round_id):
        """Unfinished, and asked by this round for an update not yet given (``owing_update``, for one round)."""
        return self.unfinished().filter(Exists(rounds_owed().filter(pk=round_id)))

    def update_late(self, today):
        """Unfinished, and owing an update for a round whose due date has passed."""
        return self.unfinished().filter(Exists(rounds_owed().filter(due_date__lt=today)))

    def overdue(self, today):
        """Unfinished, and past its current target date."""
        return self.filter(overdue_condition(today))

    def slipped(self, today):
        """A target that passed unmet: it is overdue now, or a target was replaced after it had passed."""
        return self.filter(slipped_condition(today))

    def stalled(self, today):
        """Unfinished, and no update for as many months as its council says (or none ever)."""
        return self.unfinished().filter(_stalled(today))

    def with_owed_round(self):
        """Annotate ``owed_round_id``: the soonest due of the rounds it owes an update for, or None."""
        soonest = rounds_owed().order_by("due_date", "meeting_date", "pk").values("pk")[:1]
        return self.annotate(
            owed_round_id=Case(When(_finished(), then=Value(None)), default=Subquery(soonest))
        )

    def with_progress(self):
        """Annotate each with its latest progress update's status and date (from LatestProgress)."""
        return self.annotate(
            latest_status=F("latest_progress__status"),
            latest_status_wording=F("latest_progress__status_wording"),
            last_updated_date=F("latest_progress__last_updated_date"),
            previous_status=F("latest_progress__previous_status"),
            is_finished=Case(When(_finished(), then=Value(True)), default=Value(False)),
        )

    def with_standing(self, today=None):
        """Annotate what dashboards count and lists filter on, by the rules above.

        ``decision_key``: the response's decision, or NO_RESPONSE; ``status_key``:
        the latest update's status, or NO_STATUS where there is no update or it
        gave none; ``is_stalled`` and ``is_overdue`` as ``stalled()`` and
        ``overdue()`` say. To count or filter many by them, use those methods.
        """
        today = today or timezone.localdate()

        def flag(condition):
            return Case(
                When(_finished(), then=Value(False)), When(condition, then=Value(True)), default=Value(False)
            )

        return (
            self.with_progress()
            .annotate(
                decision_key=Coalesce("cabinet_response__decision", Value(NO_RESPONSE)),
                status_key=Coalesce(NullIf("latest_status", Value("")), Value(NO_STATUS)),
            )
            .annotate(
                is_stalled=flag(_stalled(today)),
                is_update_late=flag(Exists(rounds_owed().filter(due_date__lt=today))),
                is_overdue=flag(Q(target_date__lt=today)),
            )
        )


def _no_update_since(day):
    return Q(latest_progress__isnull=True) | Q(latest_progress__last_updated_date__lt=day)


def _stalled(today):
    """No update for as many months as the recommendation's council says: one term per choice, no join per row."""
    condition = Q(pk__in=[])
    for months in Council.STALLED_CHOICES:
        condition |= Q(review__council__stalled_after_months=months) & _no_update_since(
            months_before(today, months)
        )
    return condition


# What dashboards count a recommendation as when it has no response, or no
# status, yet: beside the models' own choices, and spelled once.
NO_RESPONSE = "none"
NO_STATUS = "none"


class ThemeQuerySet(models.QuerySet):
    def used_in(self, councils):
        """The themes the recommendations of these councils have, and those no recommendation has yet:
        what their people are shown (another council's themes would name its work). ``None``: every
        council's (a superuser's), which is every theme, used or not.

        Whether a theme is used at all is asked of each theme, which the database answers from its first
        link; the themes of some councils are found from those councils' recommendations. Asked of
        every link instead, a national data set's links are read in full on every list page.
        """
        if councils is None:
            return self.all()
        links = Recommendation.themes.through.objects
        unused = ~Exists(links.filter(theme=OuterRef("pk")))
        used = links.filter(recommendation__review__council__in=councils).values("theme_id")
        return self.filter(Q(pk__in=used) | unused)


class Theme(models.Model):
    """A subject that recommendations share across reviews and councils (housing, training, ...).

    Its name is one across councils, so that figures can be compared; but each
    council's people are offered only the themes their council uses.
    """

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)

    objects = ThemeQuerySet.as_manager()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def reference_label(reference: str, position: int) -> str:
    """A recommendation's name in a sentence: "1)" and "(1)" are 1, "R1" is R1; with no reference, its position."""
    return reference.strip().strip(".:)").lstrip("(").strip() or str(position)


class Recommendation(models.Model):
    """One recommendation of a review."""

    review = models.ForeignKey("reviews.Review", models.CASCADE, related_name="recommendations")
    # Its place in the review's order, 1, 2, 3 ...: for sorting and addresses.
    position = models.PositiveIntegerField()
    # Its reference as the council writes it ("1)", "a)", "R1", "SR (25/26) 01"), shown in
    # every page and paper; empty where the paper numbers none (its position stands in).
    reference = models.CharField(max_length=50, blank=True)
    # A short title, where the review gave one (Southwark's: "Training").
    title = models.CharField(max_length=300, blank=True)
    # The recommendation word for word, as the review made it.
    text = models.TextField()
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # What a paper said of it, kept as written until someone records more: the lead officer or
    # service it names, its timetable ("March 2025", "On-going"), priority, and whom it was made to.
    lead_officer_name = models.CharField(max_length=300, blank=True)
    timetable = models.CharField(max_length=300, blank=True)
    # Its current target date: the latest of its TargetDates, kept here by the services that add them.
    target_date = models.DateField(null=True, blank=True)
    priority = models.CharField(max_length=100, blank=True)
    made_to = models.CharField(max_length=300, blank=True)
    source_document = models.ForeignKey(
        "reviews.SourceDocument", models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Its place in the source: which table (where the paper has several), and the
    # table's row or the report's paragraph number.
    source_table = models.PositiveIntegerField(null=True, blank=True)
    source_position = models.PositiveIntegerField(null=True, blank=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    # Goes up by one with every saved edit, so a stale edit can be refused.
    version = models.PositiveIntegerField(default=1)

    objects = RecommendationQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        # By the review's id, not the review: ordering by a relation joins it.
        ordering = ["review_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "position"], name="recommendation_one_position_per_review"
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="recommendation_position_positive"
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendation_has_text"),
        ]
        # The list sorted by number: a page is read from it.
        indexes = [models.Index(fields=["position", "id"], name="recommendation_position")]

    def __str__(self):
        return f"Recommendation {self.label}"

    def get_absolute_url(self):
        return reverse(
            "recommendations:detail",
            args=[self.review.council.slug, self.review.slug, self.position],
        )

    @property
    def label(self):
        """How pages name it: its reference without the punctuation around it ("1)" is 1), or its position."""
        return reference_label(self.reference, self.position)

    @property
    def as_the_paper_says(self):
        """What its paper said of it that no one has recorded otherwise: (label, words) pairs."""
        said = [
            ("Reference", self.reference if self.reference and self.label != self.reference else ""),
            ("Lead officer or service, as the paper names them", self.lead_officer_name),
            ("Timetable", self.timetable),
            ("Priority", self.priority),
            ("Made to", self.made_to),
        ]
        return [(label, value) for label, value in said if value]

    @property
    def written_reference(self):
        """Its reference as a paper prints it before the text: as the council wrote it, else "3."."""
        return self.reference or f"{self.position}."

    @property
    def source_place(self):
        """Where in its source paper the text came from ("table 2, row 12", "paragraph 5"), or ""."""
        if self.source_document_id is None or self.source_position is None:
            return ""
        if self.source_table:
            return f"table {self.source_table}, row {self.source_position}"
        return f"paragraph {self.source_position}"

    @property
    def short_title(self):
        """The title, or the first words of the text where there is none."""
        if self.title:
            return self.title
        words = self.text.split()
        return " ".join(words[:14]) + (" …" if len(words) > 14 else "")


class Decision(models.TextChoices):
    """The executive's decision on a recommendation."""

    AGREE = "agree", "Agree"
    IN_PART = "in_part", "In part"
    DISAGREE = "disagree", "Disagree"
    # Neither agreed nor refused: counted apart.
    NOTED = "noted", "Noted"

    @property
    def tag_colour(self):
        """The GOV.UK tag colour it is shown in (with its words: never by colour alone)."""
        return {self.AGREE: "green", self.IN_PART: "yellow", self.DISAGREE: "red", self.NOTED: "purple"}[self]


class CabinetResponse(models.Model):
    """The executive's answer to one recommendation."""

    # Also at module level, so that Meta's constraints can name its values.
    Decision = Decision

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
                condition=models.Q(decision__in=Decision.values), name="response_decision_known"
            ),
        ]

    def __str__(self):
        return f"Response to {self.recommendation}: {self.wording}"

    @property
    def wording(self):
        return self.decision_wording or self.get_decision_display()

    @property
    def tag_colour(self):
        return self.Decision(self.decision).tag_colour


class Status(models.TextChoices):
    """How far a recommendation has got, as an update says."""

    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"
    # The outcomes, besides Completed, that close a recommendation: each needs its reason.
    ALTERNATIVE_ACTION = "alternative_action", "Alternative action taken"
    OVERTAKEN = "overtaken", "Overtaken by events"
    NOT_TAKEN_FORWARD = "not_taken_forward", "Will not be implemented"

    @classmethod
    def finished(cls) -> list["Status"]:
        """The statuses that close a recommendation: nothing more is owed on it."""
        return [cls.COMPLETED, *cls.closing()]

    @classmethod
    def closing(cls) -> list["Status"]:
        """The outcomes that close it without its being carried out as made: an update giving one says why."""
        return [cls.ALTERNATIVE_ACTION, cls.OVERTAKEN, cls.NOT_TAKEN_FORWARD]

    @property
    def tag_colour(self):
        """The GOV.UK tag colour (govuk-frontend 6's plain tag is blue), shown with its words."""
        return {
            self.NOT_STARTED: "grey",
            self.IN_PROGRESS: "",
            self.COMPLETED: "green",
            self.ALTERNATIVE_ACTION: "teal",
            self.OVERTAKEN: "magenta",
            self.NOT_TAKEN_FORWARD: "orange",
        }[self]


class Forecast(models.TextChoices):
    """Whether the officer expects it to be done by its target date: said at once, not at the next round."""

    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    OFF_TRACK = "off_track", "Off track"

    @property
    def tag_colour(self):
        return {self.ON_TRACK: "green", self.AT_RISK: "yellow", self.OFF_TRACK: "red"}[self]


class ProgressUpdate(models.Model):
    """A dated account of what has been done on one recommendation."""

    # Also at module level, so that Meta's constraints can name its values.
    Status = Status
    Forecast = Forecast

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="updates")
    round = models.ForeignKey(
        "reviews.UpdateRound", models.PROTECT, null=True, blank=True, related_name="updates"
    )
    # Blank where the paper gave no status.
    status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    status_wording = models.CharField(max_length=100, blank=True)
    # Why it closes this way, for a closing outcome (Status.closing()).
    outcome_reason = models.TextField(blank=True)
    # Blank where the officer gave none (and in imported updates).
    forecast = models.CharField(max_length=20, choices=Forecast.choices, blank=True)
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
            # Blank where the paper gave no status.
            models.CheckConstraint(
                condition=models.Q(status__in=[*Status.values, ""]), name="update_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(forecast__in=[*Forecast.values, ""]), name="update_forecast_known"
            ),
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
    forecast = models.CharField(max_length=20, blank=True)
    # The committee's latest assessment of the latest update (a SignOff outcome), "" where none.
    assessment = models.CharField(max_length=20, blank=True)
    # The committee sent the latest update back to the lead officer (not adequate, or its report of
    # completion not accepted): a new update is owed.
    sent_back = models.BooleanField(default=False)
    # The update's date, or its round's meeting date where it has none.
    last_updated_date = models.DateField(null=True, blank=True)
    round = models.ForeignKey(UpdateRound, models.SET_NULL, null=True, blank=True, related_name="+")
    # The status of the update before the latest: what moved. None (not "")
    # where there was no earlier update, as "" is an update that gave none.
    previous_status = models.CharField(max_length=30, null=True, blank=True)  # noqa: DJ001

    class Meta:
        indexes = [
            models.Index(fields=["status"], name="latest_progress_status"),
            # By date, then the recommendation: the list sorted by "Last updated" (then pk, either way
            # round) reads a page from it without sorting every row; and "no update since" a date.
            models.Index(fields=["last_updated_date", "recommendation"], name="latest_progress_date_pk"),
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
            "forecast",
            "update_date",
            "round_id",
            "round__meeting_date",
        )
        existing = cls.objects.all()
        if recommendation_ids is not None:
            updates = updates.filter(recommendation_id__in=recommendation_ids)
            existing = existing.filter(recommendation_id__in=recommendation_ids)
        assessments = SignOff.objects.order_by("update_id", "recorded_at", "id").values_list(
            "update_id", "outcome"
        )
        if recommendation_ids is not None:
            assessments = assessments.filter(recommendation_id__in=recommendation_ids)
        # The latest assessment of each update: later ones come later.
        assessed = dict(assessments.iterator(chunk_size=5000))
        inadequate = UpdateAssessment.objects.values_list("update_id", flat=True)
        if recommendation_ids is not None:
            inadequate = inadequate.filter(recommendation_id__in=recommendation_ids)
        sent_back = set(inadequate.iterator(chunk_size=5000))
        rows: list[LatestProgress] = []
        seen: dict[int, LatestProgress] = {}
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
                forecast=update["forecast"],
                assessment=assessed.get(update["id"], ""),
                sent_back=update["id"] in sent_back
                or assessed.get(update["id"]) == SignOffOutcome.NOT_ACCEPTED,
                last_updated_date=update["update_date"] or update["round__meeting_date"],
                round_id=update["round_id"],
            )
            rows.append(seen[recommendation_id])
        existing.delete()
        bulk.insert(cls, rows)


class TargetKind(models.TextChoices):
    ORIGINAL = "original", "Original target"
    REVISED = "revised", "Revised"
    EXTENDED = "extended", "Extension approved"


class ExtensionState(models.TextChoices):
    PENDING = "pending", "Waiting for the committee"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"


class TargetDate(models.Model):
    """One of a recommendation's target dates: the original, or a later one with its reason."""

    # Also at module level, so that Meta's constraints can name its values.
    Kind = TargetKind

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="targets")
    date = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    # Why it changed: needed for every target after the original.
    reason = models.TextField(blank=True)
    # Whether the target it replaced had already passed, unmet, when it was replaced: a slipped target.
    replaced_passed = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation_id", "recorded_at", "id"]
        # The recommendations whose target slipped (``slipped_condition``): a few, asked of each one.
        indexes = [
            models.Index(
                fields=["recommendation"], condition=Q(replaced_passed=True), name="target_replaced_passed"
            )
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=TargetKind.values), name="target_kind_known"),
            models.CheckConstraint(
                condition=models.Q(kind=TargetKind.ORIGINAL) | ~models.Q(reason=""),
                name="target_change_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date:%-d %B %Y} for {self.recommendation}"


class ExtensionRequest(models.Model):
    """An officer's request for a later target date, and the committee's decision on it."""

    State = ExtensionState

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="extension_requests")
    requested_date = models.DateField()
    reason = models.TextField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    # The committee's decision: the meeting that made it, who recorded it, and any note.
    meeting_date = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation_id", "requested_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=ExtensionState.values), name="extension_state_known"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="extension_has_reason"),
            # One request at a time waits for the committee.
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=models.Q(state=ExtensionState.PENDING),
                name="extension_one_pending",
            ),
        ]

    def __str__(self):
        return f"Extension to {self.requested_date:%-d %B %Y} for {self.recommendation}"

    @property
    def is_pending(self):
        return self.state == self.State.PENDING


class SignOffOutcome(models.TextChoices):
    SIGNED_OFF = "signed_off", "Signed off"
    NOT_ACCEPTED = "not_accepted", "Not accepted"
    REOPENED = "reopened", "Reopened"

    @classmethod
    def reopening(cls) -> list["SignOffOutcome"]:
        """The assessments that make a recommendation reported complete open again."""
        return [cls.NOT_ACCEPTED, cls.REOPENED]


class SignOff(models.Model):
    """The committee's assessment of an officer's report that a recommendation is complete (or closed),
    recorded by a council admin: signed off, not accepted, or (after sign-off) reopened."""

    Outcome = SignOffOutcome

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="sign_offs")
    # The update that reported it complete (or closed), which this assesses.
    update = models.ForeignKey(ProgressUpdate, models.CASCADE, related_name="sign_offs")
    outcome = models.CharField(max_length=20, choices=SignOffOutcome.choices)
    meeting_date = models.DateField(null=True, blank=True)
    minute_reference = models.CharField(max_length=100, blank=True)
    # Why it was not accepted, or reopened.
    reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation_id", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=SignOffOutcome.values), name="sign_off_outcome_known"
            ),
            models.CheckConstraint(
                condition=models.Q(outcome=SignOffOutcome.SIGNED_OFF) | ~models.Q(reason=""),
                name="sign_off_refusal_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.get_outcome_display()}: {self.recommendation}"


class UpdateAssessment(models.Model):
    """The committee's view that an update is not adequate, with its comment, recorded by a council
    admin: it sends the update back to the lead officer, and counts towards escalation."""

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="update_assessments")
    update = models.ForeignKey(ProgressUpdate, models.CASCADE, related_name="assessments")
    comment = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation_id", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(comment=""), name="update_assessment_has_comment"),
            models.UniqueConstraint(fields=["update"], name="update_assessed_once"),
        ]

    def __str__(self):
        return f"Not adequate: update {self.update_id} on {self.recommendation}"


class EvidenceFile(models.Model):
    """A file an officer attached to an update as evidence, kept in the database (so a backup keeps it)."""

    # What may be attached: the extension, the content type it is served as, and how its bytes begin.
    KINDS = {
        "pdf": ("application/pdf", (b"%PDF-",)),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (b"PK\x03\x04",)),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (b"PK\x03\x04",)),
        "pptx": (
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            (b"PK\x03\x04",),
        ),
        "odt": ("application/vnd.oasis.opendocument.text", (b"PK\x03\x04",)),
        "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
        "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
        "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
        "csv": ("text/csv", ()),
        "txt": ("text/plain", ()),
    }
    MAX_SIZE = 10 * 1024 * 1024

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="evidence_files")
    update = models.ForeignKey(ProgressUpdate, models.CASCADE, related_name="files")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField()

    # The bytes are not copied into every history row: the row says which file, and the file stays.
    history = HistoricalRecords(excluded_fields=["data"])

    class Meta:
        ordering = ["update_id", "uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="evidence_file_has_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        review = self.recommendation.review
        return reverse(
            "recommendations:evidence-file",
            args=[review.council.slug, review.slug, self.recommendation.position, self.pk],
        )


class Escalation(models.Model):
    """One step of the council's escalation ladder taken for a recommendation: when, by whom, and what
    was sent or decided."""

    recommendation = models.ForeignKey(Recommendation, models.CASCADE, related_name="escalations")
    step = models.ForeignKey("councils.EscalationStep", models.PROTECT, related_name="+")
    # When the step was taken (the letter sent, the meeting held), which may be before it was recorded.
    taken_on = models.DateField()
    note = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation_id", "recorded_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(note=""), name="escalation_has_note"),
            models.UniqueConstraint(fields=["recommendation", "step"], name="escalation_step_once"),
        ]

    def __str__(self):
        return f"{self.step}: {self.recommendation}"


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


class UpdateRequest(models.Model):
    """One e-mail asking a lead officer for what they owe a round: the request, a reminder, or the
    escalation of what was still owed after the last reminder. Once per officer, round and step."""

    # The request when the round asks; "before-N" and "after-N", N days from the due date, for the
    # reminders the council sets; "escalated" when the first step of the ladder was taken.
    REQUEST = "request"
    ESCALATED = "escalated"

    officer = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="update_requests")
    round = models.ForeignKey(UpdateRound, models.CASCADE, related_name="update_requests")
    step = models.CharField(max_length=20)
    sent_at = models.DateTimeField()
    recommendation_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["round", "officer", "sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["officer", "round", "step"], name="update_request_once_per_step"),
        ]

    def __str__(self):
        return f"{self.step} to {self.officer} for {self.round}"


# What the dashboards count and the list filters by: each decision and
# status, and NO_RESPONSE / NO_STATUS where there is none yet.
DECISION_KEYS = [*CabinetResponse.Decision.choices, (NO_RESPONSE, "No response yet")]
STATUS_KEYS = [*ProgressUpdate.Status.choices, (NO_STATUS, "No status yet")]


class Standing(models.Model):
    """Where one recommendation stands, by the keys the dashboards count it under.

    Derived from the recommendation, its response, updates, targets,
    escalations, review and rounds; kept by ``summaries.refresh`` in the
    writers' transactions, so that the tallies can be moved by the
    difference between what it was and what it is. Not a foreign key with a
    cascade: when a recommendation (or its review) is deleted, its row stays
    until the refresh takes its counts away.
    """

    recommendation = models.OneToOneField(
        Recommendation, models.DO_NOTHING, primary_key=True, db_constraint=False, related_name="standing"
    )
    council_id = models.PositiveIntegerField()
    review_id = models.PositiveIntegerField()
    decision_key = models.CharField(max_length=20)
    status_key = models.CharField(max_length=30)
    # The status it moved from at its latest update (a STATUS_KEYS key), "" where it did not move.
    moved_from = models.CharField(max_length=30, blank=True)
    is_finished = models.BooleanField()
    is_awaiting_sign_off = models.BooleanField()
    is_signed_off = models.BooleanField()
    is_sent_back = models.BooleanField()
    is_escalated = models.BooleanField()
    # A target was replaced after it had passed unmet.
    has_slipped_target = models.BooleanField()
    # Its response came after its review's due date.
    is_answered_late = models.BooleanField()
    target_date = models.DateField(null=True)
    # Its latest update's date; None where that update has no date.
    last_updated_date = models.DateField(null=True)
    has_update = models.BooleanField()
    # The soonest due date of the rounds asking it for an update it has not given.
    owed_due_date = models.DateField(null=True)
    # Its review's response due date, while it has no response.
    response_due_date = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["review_id"], name="standing_review"),
            # The list sorted by decision or status: a page is read from them.
            models.Index(fields=["decision_key", "recommendation"], name="standing_decision"),
            models.Index(fields=["status_key", "recommendation"], name="standing_status"),
            # The list by "Last updated": those never updated (or never on a known date), by pk.
            models.Index(
                fields=["recommendation"],
                condition=Q(last_updated_date__isnull=True),
                name="standing_undated",
            ),
            # The dashboards' "changed since the last round": those that moved, newest update first.
            # (Undated ones last: by a date before any, as SQLite's indexes know no NULLS LAST.)
            models.Index(
                Coalesce("last_updated_date", Value(datetime.date.min)).desc(),
                "recommendation",
                condition=Q(moved_from__gt=""),
                name="standing_moved_newest",
            ),
        ]

    def __str__(self):
        return f"Standing of {self.recommendation_id}"


class TallyKind(models.TextChoices):
    """What a tally row counts: recommendations by decision and status, or by one of the dates that matter."""

    COUNT = "count", "By decision and status"
    TARGET = "target", "Unfinished, by target date (flag: a target slipped)"
    STALE = "stale", "Unfinished, by the date of the latest update"
    OWED = "owed", "Unfinished, by the soonest due date of an update owed"
    RESPONSE = "response", "By the date a response is due, while none has come (flag: it came late)"


class TallyBase(models.Model):
    """How many recommendations of a council (``review_key`` 0), or of one of its reviews, share these keys."""

    Kind = TallyKind

    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    # The review's id, or 0 for the council as a whole: a key, so not a nullable foreign key.
    review_key = models.PositiveIntegerField()
    kind = models.CharField(max_length=10, choices=TallyKind.choices)
    decision_key = models.CharField(max_length=20, blank=True)
    status_key = models.CharField(max_length=30, blank=True)
    moved_from = models.CharField(max_length=30, blank=True)
    flag = models.BooleanField(default=False)
    day = models.DateField()
    n = models.IntegerField(default=0)
    awaiting_sign_off = models.IntegerField(default=0)
    signed_off = models.IntegerField(default=0)
    sent_back = models.IntegerField(default=0)
    escalated = models.IntegerField(default=0)

    KEYS = ["council_id", "review_key", "kind", "decision_key", "status_key", "moved_from", "flag", "day"]
    MEASURES = ["n", "awaiting_sign_off", "signed_off", "sent_back", "escalated"]

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.kind} {self.day}: {self.n}"


class Tally(TallyBase):
    """The dashboards' summary: counts by decision and status, and the date kinds by the month of their date.

    ``day`` is the first of the month (date.min for "never", date.max for "no
    date that can pass"), and date.min for the counts by decision and status.
    """

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "council",
                    "review_key",
                    "kind",
                    "decision_key",
                    "status_key",
                    "moved_from",
                    "flag",
                    "day",
                ],
                name="tally_one_row_per_key",
            ),
        ]
        indexes = [models.Index(fields=["review_key", "kind", "council"], name="tally_scope")]


class DayTally(TallyBase):
    """The date kinds again, by the day itself: read only for the month a date condition falls in."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "council",
                    "review_key",
                    "kind",
                    "decision_key",
                    "status_key",
                    "moved_from",
                    "flag",
                    "day",
                ],
                name="day_tally_one_row_per_key",
            ),
        ]
        indexes = [models.Index(fields=["review_key", "day"], name="day_tally_scope_day")]
