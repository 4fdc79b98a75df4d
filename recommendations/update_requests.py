"""Asking lead officers for the updates they owe: a request when a round asks, reminders on the days
their council sets around the due date, and then the first step of the escalation ladder.

Each e-mail is recorded as an ``UpdateRequest`` (once per officer, round and step) in the
transaction that queues it, so running this twice, or on two machines at once, sends nothing twice.
What an officer owes is the one rule of "owes an update", for each round (``owing_round``).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from common.history import system_user
from councils.mail import queue_email
from councils.models import EscalationStep
from reviews.models import UpdateRound

from . import services
from .models import Escalation, Recommendation, UpdateRequest


def scheduler_user():
    """The system user that the escalations taken by the schedule are recorded under."""
    return system_user("schedule", "Scheduled reminders")


@dataclass(frozen=True)
class Step:
    key: str  # UpdateRequest.step
    date: datetime.date | None  # the day it is due; None for the request, due as soon as the round asks


def schedule_of(update_round: UpdateRound, *, has_ladder: bool) -> list[Step]:
    """The round's steps in order: the request, the reminders, and the escalation if the council has a ladder."""
    due = update_round.due_date
    assert due is not None
    council = update_round.review.council
    steps = [Step(UpdateRequest.REQUEST, None)]
    for offset in council.reminder_offsets:
        key = f"before-{-offset}" if offset < 0 else f"after-{offset}"
        steps.append(Step(key, due + datetime.timedelta(days=offset)))
    if has_ladder:
        last = max([due, *(step.date for step in steps if step.date is not None)])
        steps.append(Step(UpdateRequest.ESCALATED, last + datetime.timedelta(days=1)))
    return steps


def step_due(steps: list[Step], sent: dict[str, datetime.date], today: datetime.date) -> Step | None:
    """The step to take today for one officer, given the steps already taken (key: the day sent), or None.

    The request comes first, whenever that is. After it, only the latest step that has come due
    since the request counts: reminders dated before the request went are covered by it, and a
    schedule that was not run for some days sends one reminder, not each one it missed.
    """
    if UpdateRequest.REQUEST not in sent:
        return steps[0]
    requested = sent[UpdateRequest.REQUEST]
    come = [step for step in steps[1:] if step.date is not None and requested < step.date <= today]
    if not come or come[-1].key in sent:
        return None
    return come[-1]


def owed_by_officer(round_ids: list[int] | None = None) -> dict[tuple[int, int], list[Recommendation]]:
    """(round id, officer id) -> the recommendations the officer leads and owes that round, in order.

    One query per round that asks for updates (with ``round_ids``, of those only).
    """
    rounds = UpdateRound.objects.asking()
    if round_ids is not None:
        rounds = rounds.filter(pk__in=round_ids)
    owed = defaultdict(list)
    for round_id in rounds.order_by("due_date", "pk").values_list("pk", flat=True):
        recommendations = (
            Recommendation.objects.owing_round(round_id)
            .filter(lead_officer__isnull=False, lead_officer__is_active=True)
            .select_related("lead_officer", "review__council")
            .order_by("position")
        )
        for recommendation in recommendations:
            owed[(round_id, recommendation.lead_officer_id)].append(recommendation)
    return owed


def _email(step: Step, update_round: UpdateRound, officer, items: list[Recommendation], today: datetime.date):
    count = len(items)
    plural = "s" if count != 1 else ""
    council = update_round.review.council
    if step.key == UpdateRequest.REQUEST:
        subject = (
            f"{council}: updates due by {update_round.due_date:%-d %B %Y} on {count} recommendation{plural}"
        )
    elif step.key == UpdateRequest.ESCALATED:
        subject = f"{council}: {count} update{plural} still owed, escalated"
    else:
        subject = f"Reminder from {council}: {count} update{plural} due by {update_round.due_date:%-d %B %Y}"
    context = {
        "officer": officer,
        "items": items,
        "round": update_round,
        "step": step,
        "is_request": step.key == UpdateRequest.REQUEST,
        "is_escalated": step.key == UpdateRequest.ESCALATED,
        "is_late": update_round.due_date is not None and update_round.due_date < today,
    }
    queue_email(
        recipient=officer,
        subject=subject,
        template="update_request",
        context=context,
        council=council,
        kind=f"update {'request' if step.key == UpdateRequest.REQUEST else 'reminder'}",
    )


def _escalate(items: list[Recommendation], update_round: UpdateRound, first_step_id: int, today, user) -> int:
    """Take the first step of the ladder for each item that has not had it; how many were escalated."""
    taken = set(
        Escalation.objects.filter(recommendation__in=items, step_id=first_step_id).values_list(
            "recommendation_id", flat=True
        )
    )
    escalated = 0
    for recommendation in items:
        if recommendation.pk in taken:
            continue
        try:
            services.escalate(
                recommendation=recommendation,
                user=user,
                step_id=first_step_id,
                taken_on=today,
                note=f"Update still owed for {update_round} after the last reminder.",
                today=today,
            )
        except services.RefusedChange:
            continue  # finished meanwhile, or someone escalated it by hand
        escalated += 1
    return escalated


def send_update_requests(now: datetime.datetime, *, round_ids: list[int] | None = None) -> str:
    """Send each lead officer the request or reminder due today for each round they owe; a summary."""
    today = timezone.localdate(now)
    owed = owed_by_officer(round_ids)
    rounds = UpdateRound.objects.select_related("review__council", "committee").in_bulk(
        {round_id for round_id, _ in owed}
    )
    # Each council's first step on its ladder, where it has one.
    ladders: dict[int, int] = {}
    for council_id, step_id in (
        EscalationStep.objects.filter(
            council__in={r.review.council_id for r in rounds.values()}, retired=False
        )
        .order_by("council_id", "position", "pk")
        .values_list("council_id", "pk")
    ):
        ladders.setdefault(council_id, step_id)
    sent_before: dict[tuple[int, int], dict[str, datetime.date]] = defaultdict(dict)
    for request in UpdateRequest.objects.filter(round__in=rounds.keys()):
        sent_before[(request.round_id, request.officer_id)][request.step] = timezone.localdate(
            request.sent_at
        )

    counts: dict[str, int] = defaultdict(int)
    user = None
    for (round_id, officer_id), items in owed.items():
        update_round = rounds[round_id]
        council_id = update_round.review.council_id
        steps = schedule_of(update_round, has_ladder=council_id in ladders)
        due = step_due(steps, sent_before[(round_id, officer_id)], today)
        if due is None:
            continue
        officer = items[0].lead_officer
        assert officer is not None  # owed_by_officer keeps only those with a lead officer
        try:
            with transaction.atomic():
                UpdateRequest.objects.create(
                    officer=officer,
                    round=update_round,
                    step=due.key,
                    sent_at=now,
                    recommendation_count=len(items),
                )
                if due.key == UpdateRequest.ESCALATED:
                    user = user or scheduler_user()
                    counts["escalated items"] += _escalate(
                        items, update_round, ladders[council_id], today, user
                    )
                _email(due, update_round, officer, items, today)
        except IntegrityError:
            counts["already sent"] += 1  # another run took this step a moment ago
            continue
        counts["requests" if due.key == UpdateRequest.REQUEST else "reminders"] += 1
    return (
        f"Update requests: {counts['requests']} requests and {counts['reminders']} reminders queued, "
        f"{counts['escalated items']} items escalated, {counts['already sent']} already sent."
    )


def send_for_round(round_id: int) -> str:
    """The requests of one round that has just opened (the schedule would send them on its next run)."""
    return send_update_requests(timezone.now(), round_ids=[round_id])
