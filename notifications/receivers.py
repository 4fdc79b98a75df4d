"""What happened, in words: the receivers of the services' signals, each writing one event.

The services say what they wrote; these decide whether it is news and how to
word it, and hand it to ``services.record_event`` in the same transaction.
"""

from recommendations.models import (
    CabinetResponse,
    Escalation,
    ExtensionRequest,
    ProgressUpdate,
    SignOff,
    TargetDate,
)
from recommendations.signals import recorded
from reviews.signals import round_closed, round_opened

from . import services
from .models import Event


def connect():
    recorded.connect(on_recorded, dispatch_uid="notifications-recorded")
    round_opened.connect(on_round_opened, dispatch_uid="notifications-round-opened")
    round_closed.connect(on_round_closed, dispatch_uid="notifications-round-closed")


def _who(user):
    """Who did it, as a sentence starts: their name, or the tracker for a command's work."""
    if user is None or not user.is_authenticated or not user.is_active:
        return "The tracker"
    return user.get_full_name() or user.username


def _date(day):
    return f"{day:%-d %B %Y}"


def _label(choices, value):
    return choices(value).label if value else "none given"


def on_recorded(sender, recommendation, record, created, user, **kwargs):
    worded = _word(record, created, user)
    if worded is not None:
        kind, summary = worded
        services.record_event(kind=kind, recommendation=recommendation, actor=user, summary=summary)


def _word(record, created, user):
    """The event's kind and sentence for a record the services wrote, or None where it is not news."""
    who = _who(user)
    if isinstance(record, ProgressUpdate):
        return _word_update(record, created, who)
    if isinstance(record, CabinetResponse):
        verb = "recorded" if created else "changed"
        return Event.Kind.RESPONSE, f"{who} {verb} the cabinet response: {record.wording}."
    if isinstance(record, TargetDate):
        if record.kind == TargetDate.Kind.ORIGINAL:
            return Event.Kind.TARGET, f"{who} set the target date: {_date(record.date)}."
        return Event.Kind.TARGET, f"{who} revised the target date to {_date(record.date)}: {record.reason}"
    if isinstance(record, ExtensionRequest):
        decision = "approved" if record.state == ExtensionRequest.State.APPROVED else "declined"
        return (
            Event.Kind.EXTENSION,
            f"The committee {decision} the extension to {_date(record.requested_date)}"
            f" (meeting of {_date(record.meeting_date)}).",
        )
    if isinstance(record, SignOff):
        if record.outcome == SignOff.Outcome.SIGNED_OFF:
            return Event.Kind.SIGN_OFF, f"Signed off by the committee on {_date(record.meeting_date)}."
        if record.outcome == SignOff.Outcome.NOT_ACCEPTED:
            return Event.Kind.SIGN_OFF, f"The committee did not accept that it is complete: {record.reason}"
        return Event.Kind.REOPENED, f"{who} reopened it: {record.reason}"
    if isinstance(record, Escalation):
        return Event.Kind.ESCALATION, f"Escalated: {record.step.name} ({_date(record.taken_on)})."
    return None


def _word_update(update, created, who):
    status = _label(ProgressUpdate.Status, update.status)
    forecast = _label(ProgressUpdate.Forecast, update.forecast)
    if created:
        summary = f"{who} gave a progress update. Status: {status}; forecast: {forecast}."
        before = (
            ProgressUpdate.objects.filter(recommendation_id=update.recommendation_id)
            .exclude(pk=update.pk)
            .order_by("-update_date", "-id")
            .values("status", "forecast")
            .first()
        )
        moved = before is not None and (before["status"], before["forecast"]) != (
            update.status,
            update.forecast,
        )
        if before is not None and moved:
            was = (
                _label(ProgressUpdate.Status, before["status"]),
                _label(ProgressUpdate.Forecast, before["forecast"]),
            )
            summary += f" It was {was[0]}; forecast {was[1]}."
        return Event.Kind.UPDATE, summary
    # An edit is news only where it moved the status or the forecast: its history says what it was.
    rows = list(update.history.order_by("-history_date", "-history_id").values("status", "forecast")[:2])
    if len(rows) < 2 or (rows[0]["status"], rows[0]["forecast"]) == (rows[1]["status"], rows[1]["forecast"]):
        return None
    was = (
        _label(ProgressUpdate.Status, rows[1]["status"]),
        _label(ProgressUpdate.Forecast, rows[1]["forecast"]),
    )
    return (
        Event.Kind.STATUS,
        f"{who} changed a progress update. Status: {status} (was {was[0]}); forecast: {forecast} (was {was[1]}).",
    )


def on_round_opened(sender, update_round, user, **kwargs):
    due = f"; updates are due by {_date(update_round.due_date)}" if update_round.due_date else ""
    services.record_event(
        kind=Event.Kind.ROUND_OPENED,
        review=update_round.review,
        actor=user,
        summary=f"{_who(user)} opened an update round for {update_round.committee}, "
        f"{_date(update_round.meeting_date)}{due}.",
    )


def on_round_closed(sender, update_round, user, **kwargs):
    services.record_event(
        kind=Event.Kind.ROUND_CLOSED,
        review=update_round.review,
        actor=user,
        summary=f"The update round for {update_round.committee}, {_date(update_round.meeting_date)}, was closed.",
    )
