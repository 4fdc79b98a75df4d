"""A review's data as it stands now, or as it stood at a past moment (from the history tables)."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import models

from councils.models import Committee, EscalationStep
from recommendations.models import (
    CabinetResponse,
    Escalation,
    ProgressUpdate,
    Recommendation,
    SignOff,
    TargetDate,
    UpdateAssessment,
)
from reviews.models import Review, SourceDocument, UpdateRound

LONDON = ZoneInfo("Europe/London")


def end_of_day(day):
    """The last moment of a day in Europe/London: "as at 16 January 2024" means then."""
    return datetime.datetime.combine(day, datetime.time.max, tzinfo=LONDON)


@dataclass
class Snapshot:
    """Everything a paper of one review needs, read in a fixed number of queries.

    ``moment`` is None for the data as it stands now. Records are model
    instances; their foreign keys are read through ``*_id`` and the maps
    here, never followed (which would query per row, and read today's data).
    """

    review: Review | None
    moment: datetime.datetime | None = None
    rounds: list[UpdateRound] = field(default_factory=list)
    committees: dict[int, str] = field(default_factory=dict)
    recommendations: list[Recommendation] = field(default_factory=list)
    # By recommendation id.
    responses: dict[int, CabinetResponse] = field(default_factory=dict)
    # Oldest first: by date (the update's, else its round's meeting), then id.
    updates: list[ProgressUpdate] = field(default_factory=list)
    # The names of the updates' authors and the recommendations' lead officers, by user id.
    people: dict[int, str] = field(default_factory=dict)
    # The layout each round's paper was imported from, by source document id.
    layouts: dict[int, str] = field(default_factory=dict)
    # The follow-through, read by ``load_follow_through`` for the rounds the tracker collects: target
    # dates, the committee's sign-offs and updates found not adequate, and escalation steps taken, each
    # oldest first (by when it was recorded), and the names of the steps by id.
    targets: list[TargetDate] = field(default_factory=list)
    sign_offs: list[SignOff] = field(default_factory=list)
    not_adequate: list[UpdateAssessment] = field(default_factory=list)
    escalations: list[Escalation] = field(default_factory=list)
    step_names: dict[int, str] = field(default_factory=dict)

    def round(self, round_id):
        return next((r for r in self.rounds if r.id == round_id), None)

    def committee_of(self, record):
        """The name of a round's or the review's committee."""
        return self.committees.get(record.committee_id, "")

    def round_name(self, update_round):
        """A round as papers name it: "Overview and Scrutiny Committee, 10 June 2013"."""
        committee = self.committee_of(update_round)
        meeting = f"{update_round.meeting_date:%-d %B %Y}"
        return f"{committee}, {meeting}" if committee else meeting

    def lead_officer_of(self, recommendation):
        """Who is asked for its updates: its lead officer's name, else the officer or service its paper names."""
        return self.people.get(recommendation.lead_officer_id) or recommendation.lead_officer_name


def _latest_of_each(records):
    """Instances from ``history.as_of()``: keep one per id, the latest version."""
    latest: dict[int, tuple[tuple[datetime.datetime, int], models.Model]] = {}
    for instance in records:
        record = instance._history
        key = (record.history_date, record.history_id)
        if instance.pk not in latest or key > latest[instance.pk][0]:
            latest[instance.pk] = (key, instance)
    return [instance for _, instance in latest.values()]


def load(review, moment=None):
    """The review's data now (``moment`` None), or at the end of ``moment`` from its history."""
    if moment is None:
        rounds = list(UpdateRound.objects.filter(review=review))
        recommendations = list(Recommendation.objects.filter(review=review))
        responses = list(CabinetResponse.objects.filter(recommendation__review=review))
        updates = list(ProgressUpdate.objects.filter(recommendation__review=review))
        committee_ids = {r.committee_id for r in rounds} | {review.committee_id}
        committees = Committee.objects.filter(id__in=committee_ids)
    else:
        review = Review.history.as_of(moment).filter(id=review.id).first()
        if review is None:
            return Snapshot(review=None, moment=moment)
        ever = Recommendation.history.filter(review_id=review.id).values("id")
        rounds = _latest_of_each(UpdateRound.history.as_of(moment).filter(review_id=review.id))
        recommendations = _latest_of_each(Recommendation.history.as_of(moment).filter(review_id=review.id))
        responses = _latest_of_each(CabinetResponse.history.as_of(moment).filter(recommendation_id__in=ever))
        updates = _latest_of_each(ProgressUpdate.history.as_of(moment).filter(recommendation_id__in=ever))
        committee_ids = {r.committee_id for r in rounds} | {review.committee_id}
        committees = _latest_of_each(Committee.history.as_of(moment).filter(id__in=committee_ids))
    # A response or update whose recommendation was deleted by then is not shown.
    present = {r.id for r in recommendations}
    meeting = {r.id: r.meeting_date for r in rounds}
    updates = [u for u in updates if u.recommendation_id in present]
    updates.sort(key=lambda u: (u.update_date or meeting.get(u.round_id) or datetime.date.min, u.id))
    person_ids = {u.author_id for u in updates if u.author_id}
    person_ids |= {r.lead_officer_id for r in recommendations if r.lead_officer_id}
    people = {}
    if person_ids:
        users = get_user_model().objects.filter(id__in=person_ids)
        people = {user.id: user.get_full_name() or user.username for user in users}
    layouts = {}
    source_ids = {r.source_document_id for r in rounds if r.source_document_id}
    if source_ids:
        layouts = dict(SourceDocument.objects.filter(id__in=source_ids).values_list("id", "layout"))
    return Snapshot(
        review=review,
        layouts=layouts,
        moment=moment,
        rounds=sorted(rounds, key=lambda r: (r.meeting_date, r.id)),
        committees={c.id: c.name for c in committees},
        recommendations=sorted(recommendations, key=lambda r: r.position),
        responses={r.recommendation_id: r for r in responses if r.recommendation_id in present},
        updates=updates,
        people=people,
    )


def load_follow_through(snapshot):
    """Add to the snapshot what the tracker holds beyond the papers, as recorded by its moment.

    Four queries, and one for the steps' names where any step was taken. As at a
    past moment, a record counts if its history had it then (so a record later
    deleted, with its update, still counts) and it was recorded by then.
    """
    review, moment = snapshot.review, snapshot.moment
    present = {r.id for r in snapshot.recommendations}

    def read(model):
        if moment is None:
            records = model.objects.filter(recommendation__review=review)
        else:
            ever = Recommendation.history.filter(review_id=review.id).values("id")
            records = _latest_of_each(
                model.history.as_of(moment).filter(recommendation_id__in=ever, recorded_at__lte=moment)
            )
        return sorted(
            (r for r in records if r.recommendation_id in present), key=lambda r: (r.recorded_at, r.id)
        )

    snapshot.targets = read(TargetDate)
    snapshot.sign_offs = read(SignOff)
    snapshot.not_adequate = read(UpdateAssessment)
    snapshot.escalations = read(Escalation)
    if snapshot.escalations:
        # A step is renamed only in its case or spacing, and retired rather than deleted: today's name serves.
        steps = EscalationStep.objects.filter(id__in={e.step_id for e in snapshot.escalations})
        snapshot.step_names = dict(steps.values_list("id", "name"))
    return snapshot


def responses_at(review, moment):
    """The review's cabinet responses at a moment (now if None), by recommendation id."""
    if moment is None:
        responses = CabinetResponse.objects.filter(recommendation__review=review)
    else:
        ever = Recommendation.history.filter(review_id=review.id).values("id")
        responses = _latest_of_each(CabinetResponse.history.as_of(moment).filter(recommendation_id__in=ever))
    return {r.recommendation_id: r for r in responses}
