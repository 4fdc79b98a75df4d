"""The only code that creates, changes or deletes recommendations, responses and progress updates.

The officers' pages, the importer, the demo data, the commands and the
Django admin all write through these functions, so each write keeps its
history with who and why, and the latest-progress row the dashboards count
from is refreshed in the same transaction, here and nowhere else.

An edit carries the version it started from: if the record has moved on
since, ``StaleEdit`` is raised with the record as it now is, and nothing is
saved. Writes to one recommendation's updates take a lock on the
recommendation first, so that two at once are done one after the other.
"""

import datetime
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from common.history import delete_with_history, save_with_history
from common.slugs import unique_slug
from councils import versions
from councils.models import Council, EscalationStep
from reviews.models import Review, SourceDocument

from . import summaries
from .models import (
    CabinetResponse,
    Escalation,
    EvidenceFile,
    EvidenceLink,
    ExtensionRequest,
    LatestProgress,
    ProgressUpdate,
    Recommendation,
    SignOff,
    TargetDate,
    Theme,
    UpdateAssessment,
)
from .signals import recorded


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""

    def __init__(self, current: Recommendation | CabinetResponse | ProgressUpdate | ExtensionRequest) -> None:
        self.current = current
        super().__init__(f"{current} was changed by someone else (now version {current.version}).")


# The records an edit carries a version of.
_Versioned = TypeVar("_Versioned", Recommendation, ProgressUpdate, ExtensionRequest)


def _lock(model: type[_Versioned], pk: int, version: int) -> _Versioned:
    """The record, locked for this transaction, if it is still at ``version``."""
    current = model.objects.select_for_update().get(pk=pk)
    if current.version != version:
        raise StaleEdit(current)
    return current


def _lock_recommendation(recommendation_id: int) -> Recommendation:
    """Hold the recommendation's row, so that writes to its updates and response queue behind each other."""
    return Recommendation.objects.select_for_update().get(pk=recommendation_id)


# The refreshes a bulk writer gathers to do once, at its end (see summaries_refreshed_once), per thread.
_gathered = threading.local()


def refresh_summaries(recommendation_ids: Iterable[int] = (), *, review_ids: Iterable[int] = ()) -> None:
    """Bring the dashboards' summary rows of these recommendations (and of every recommendation of these
    reviews) up to date with their records.

    Called by every function here that changes what a dashboard counts, in
    its transaction, after refresh_latest_progress; and, through the
    reviews app's ``reviews_changed`` signal, by the writers of reviews and
    rounds. ``rebuild_summaries`` rebuilds them all.
    """
    pending = getattr(_gathered, "pending", None)
    if pending is not None:
        pending[0].update(recommendation_ids)
        pending[1].update(review_ids)
        return
    summaries.refresh(recommendation_ids)
    if review_ids:
        summaries.refresh_reviews(review_ids)


def summarise_new(recommendations: QuerySet) -> None:
    """The dashboards' rows of recommendations just written in bulk, with their updates and follow-through
    (a query of their ids): for a writer of new records only (the demo data), in its transaction."""
    LatestProgress.refresh(recommendations)
    summaries.count_new(recommendations)


@contextmanager
def summaries_refreshed_once() -> Iterator[None]:
    """Inside it (and inside the bulk writer's transaction), the summary refreshes the writers ask for are
    gathered and done once, at the end: for importers and other writers of many records at once."""
    if getattr(_gathered, "pending", None) is not None:
        yield  # an outer one will refresh
        return
    pending: tuple[set[int], set[int]] = (set(), set())
    _gathered.pending = pending
    try:
        yield
    finally:
        _gathered.pending = None
    summaries.refresh(pending[0])
    if pending[1]:
        summaries.refresh_reviews(pending[1])


def refresh_latest_progress(recommendation_ids: Iterable[int] | None) -> None:
    """Bring the dashboards' latest-progress rows of these recommendations up to date with their updates.

    Called by every function here that writes updates, in its transaction;
    ``rebuild_latest_progress`` calls it for all.
    """
    LatestProgress.refresh(recommendation_ids)


# --------------------------------------------------------------------------
# Recommendations
# --------------------------------------------------------------------------


@transaction.atomic
def add_recommendation(
    *, review: Review, user: AbstractBaseUser | None, reason: str, **fields: Any
) -> Recommendation:
    """Add a recommendation to a review."""
    recommendation = save_with_history(Recommendation(review=review, **fields), user=user, reason=reason)
    refresh_summaries([recommendation.pk])
    return recommendation


@transaction.atomic
def edit_recommendation(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    version: int,
    reason: str,
    themes: Iterable[Theme] | None = None,
    **fields: Any,
) -> Recommendation:
    """Change a recommendation's fields (and, given ``themes``, its themes), in one history row."""
    current = _lock(Recommendation, recommendation.pk, version)
    for name, value in fields.items():
        setattr(current, name, value)
    if themes is not None:
        _set_theme_links(current, themes)
    current.version += 1
    saved = save_with_history(current, user=user, reason=reason)
    refresh_summaries([current.pk])
    return saved


@transaction.atomic
def delete_recommendation(
    *, recommendation: Recommendation, user: AbstractBaseUser | None, reason: str
) -> None:
    """Delete a recommendation, and its response, updates and evidence links, each with its history."""
    current = _lock_recommendation(recommendation.pk)
    for update in current.updates.all():
        delete_with_history(update, user=user, reason=reason)
    response = CabinetResponse.objects.filter(recommendation=current).first()
    if response:
        delete_with_history(response, user=user, reason=reason)
    for link in current.evidence_links.all():
        delete_with_history(link, user=user, reason=reason)
    pk = current.pk
    delete_with_history(current, user=user, reason=reason)
    refresh_summaries([pk])


@transaction.atomic
def assign_lead_officer(
    *, recommendation: Recommendation, user: AbstractBaseUser | None, officer: User | None, version: int
) -> Recommendation:
    current = _lock(Recommendation, recommendation.pk, version)
    current.lead_officer = officer
    current.version += 1
    name = (officer.get_full_name() or officer.username) if officer else "nobody"
    return save_with_history(current, user=user, reason=f"Lead officer set to {name}")


@transaction.atomic
def release_lead_officer(*, council: Council, officer: User, user: AbstractBaseUser | None) -> int:
    """Someone removed from a council leads nothing there any more: each assignment cleared, with history."""
    released = 0
    for recommendation in Recommendation.objects.select_for_update().filter(
        review__council=council, lead_officer=officer
    ):
        recommendation.lead_officer = None
        recommendation.version += 1
        name = officer.get_full_name() or officer.username
        save_with_history(recommendation, user=user, reason=f"Lead officer cleared: {name} left the council")
        released += 1
    return released


@transaction.atomic
def set_themes(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    themes: Iterable[Theme],
    new_names: Iterable[str] = (),
    version: int,
) -> Recommendation:
    """Set the recommendation's themes, making any new ones; one history row says so."""
    current = _lock(Recommendation, recommendation.pk, version)
    chosen = {theme.pk: theme for theme in themes}
    for name in new_names:
        existing = Theme.objects.filter(name__iexact=name).first()
        theme = existing or save_with_history(
            Theme(name=name, slug=unique_slug(Theme.objects.all(), name)),
            user=user,
            reason="Added as a theme",
        )
        chosen[theme.pk] = theme
    _set_theme_links(current, chosen.values())
    current.version += 1
    names = ", ".join(sorted(theme.name for theme in chosen.values()))
    return save_with_history(
        current, user=user, reason=f"Themes set to {names}" if names else "Themes cleared"
    )


def _set_theme_links(recommendation: Recommendation, themes: Iterable[Theme]) -> None:
    # The links are recorded once, with the caller's save, rather than per add and remove.
    recommendation.skip_history_when_saving = True  # type: ignore[attr-defined]  # simple-history's flag
    try:
        recommendation.themes.set(list(themes))
    finally:
        del recommendation.skip_history_when_saving  # type: ignore[attr-defined]


@transaction.atomic
def link_evidence(
    *, recommendation: Recommendation, document: SourceDocument, user: AbstractBaseUser | None, reason: str
) -> bool:
    """Keep a paper as evidence of progress on a recommendation; False if it already is."""
    if EvidenceLink.objects.filter(recommendation=recommendation, source_document=document).exists():
        return False
    save_with_history(
        EvidenceLink(recommendation=recommendation, source_document=document), user=user, reason=reason
    )
    return True


# --------------------------------------------------------------------------
# Cabinet responses
# --------------------------------------------------------------------------


@transaction.atomic
def save_response(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    version: int | None,
    reason: str = "",
    **fields: Any,
) -> CabinetResponse:
    """Record the cabinet response, or change it if ``version`` is the current one.

    ``version`` is None for a new response; if one was recorded meanwhile,
    that is a stale edit too.
    """
    _lock_recommendation(recommendation.pk)
    existing = CabinetResponse.objects.filter(recommendation=recommendation).first()
    if existing is None and version is not None:
        raise StaleEdit(recommendation)
    if existing is not None:
        if version != existing.version:
            raise StaleEdit(existing)
        response = existing
        response.version += 1
    else:
        response = CabinetResponse(recommendation=recommendation)
    for name, value in fields.items():
        setattr(response, name, value)
    default = "Edited the cabinet response" if existing else "Recorded the cabinet response"
    saved = save_with_history(response, user=user, reason=reason or default)
    refresh_summaries([recommendation.pk])
    recorded.send(
        CabinetResponse, recommendation=recommendation, record=saved, created=existing is None, user=user
    )
    return saved


@transaction.atomic
def delete_response(*, response: CabinetResponse, user: AbstractBaseUser | None, reason: str) -> None:
    _lock_recommendation(response.recommendation_id)
    delete_with_history(response, user=user, reason=reason)
    refresh_summaries([response.recommendation_id])


# --------------------------------------------------------------------------
# Progress updates
# --------------------------------------------------------------------------


@transaction.atomic
def record_update(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    reason: str = "Recorded a progress update",
    **fields: Any,
) -> ProgressUpdate:
    """Add a progress update; its author is ``user`` unless ``author`` is given."""
    _check_reason(fields.get("status", ""), fields.get("outcome_reason", ""))
    _lock_recommendation(recommendation.pk)
    fields.setdefault("author", user)
    update = save_with_history(
        ProgressUpdate(recommendation=recommendation, **fields), user=user, reason=reason
    )
    refresh_latest_progress([recommendation.pk])
    refresh_summaries([recommendation.pk])
    recorded.send(ProgressUpdate, recommendation=recommendation, record=update, created=True, user=user)
    return update


@transaction.atomic
def add_updates(
    updates: Iterable[ProgressUpdate], *, user: AbstractBaseUser | None, reason: str
) -> list[ProgressUpdate]:
    """Add many updates at once (an imported round, the demo data), each with its history row.

    An update's ``_history_date``, where set, dates its history row.
    """
    updates = list(updates)
    # From the instances, not recommendation_id: that is unset for one made before its recommendation was saved.
    ids = sorted({update.recommendation.pk for update in updates})
    list(Recommendation.objects.select_for_update().filter(pk__in=ids).values_list("pk"))
    created = bulk_create_with_history(
        updates, ProgressUpdate, batch_size=2000, default_user=user, default_change_reason=reason
    )
    refresh_latest_progress(ids)
    refresh_summaries(ids)
    # Written without save(), so without the signal that marks their councils' cached pages stale.
    versions.bump(Recommendation.objects.filter(pk__in=ids).values_list("review__council_id", flat=True))
    return created


@transaction.atomic
def edit_update(
    *,
    update: ProgressUpdate,
    user: AbstractBaseUser | None,
    version: int,
    reason: str = "Edited the progress update",
    **fields: Any,
) -> ProgressUpdate:
    _lock_recommendation(update.recommendation_id)
    current = _lock(ProgressUpdate, update.pk, version)
    for name, value in fields.items():
        setattr(current, name, value)
    if {"status", "outcome_reason"} & fields.keys():
        _check_reason(current.status, current.outcome_reason)
    current.version += 1
    save_with_history(current, user=user, reason=reason)
    refresh_latest_progress([current.recommendation_id])
    refresh_summaries([current.recommendation_id])
    recorded.send(
        ProgressUpdate, recommendation=current.recommendation, record=current, created=False, user=user
    )
    return current


def _check_reason(status: str, reason: str) -> None:
    """An officer closing a recommendation other than by completing it says why (imports keep the paper's words)."""
    if status in ProgressUpdate.Status.closing() and not reason.strip():
        raise ValueError(
            f"An update that closes a recommendation as “{ProgressUpdate.Status(status).label}” needs a reason."
        )


@transaction.atomic
def delete_update(*, update: ProgressUpdate, user: AbstractBaseUser | None, reason: str) -> None:
    """Delete a progress update; the recommendation's latest progress falls back to the one before."""
    _lock_recommendation(update.recommendation_id)
    delete_with_history(update, user=user, reason=reason)
    refresh_latest_progress([update.recommendation_id])
    refresh_summaries([update.recommendation_id])


# --------------------------------------------------------------------------
# Target dates and extensions
# --------------------------------------------------------------------------


class RefusedChange(ValueError):
    """A change the rules do not allow; the message says why, in plain English."""


def _person(user: AbstractBaseUser | None) -> User | None:
    """The signed-in person a record names as who did it (None for a command's system work)."""
    return user if isinstance(user, User) and user.is_authenticated else None


def _is_finished(recommendation: Recommendation) -> bool:
    return Recommendation.objects.finished().filter(pk=recommendation.pk).exists()


def _add_target(
    current: Recommendation,
    *,
    date: datetime.date,
    kind: str,
    reason: str,
    user: AbstractBaseUser | None,
    history_reason: str = "",
) -> TargetDate:
    """Record a target date and make it the recommendation's current one, both with history."""
    today = timezone.localdate()
    passed = bool(current.target_date and current.target_date < today and not _is_finished(current))
    target = save_with_history(
        TargetDate(
            recommendation=current,
            date=date,
            kind=kind,
            reason=reason,
            replaced_passed=passed,
            recorded_by=_person(user),
            recorded_at=timezone.now(),
        ),
        user=user,
        reason=history_reason or f"{TargetDate.Kind(kind).label}: {date:%-d %B %Y}",
    )
    current.target_date = date
    current.version += 1
    save_with_history(current, user=user, reason=history_reason or f"Target date set to {date:%-d %B %Y}")
    refresh_summaries([current.pk])
    return target


@transaction.atomic
def set_target(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    date: datetime.date,
    reason: str = "",
    version: int,
    history_reason: str = "",
) -> TargetDate:
    """Its original target date, or (with a reason) a revised one. ``history_reason`` words the history
    ("Imported from …") where the default would not."""
    current = _lock(Recommendation, recommendation.pk, version)
    if current.target_date is None:
        target = _add_target(
            current,
            date=date,
            kind=TargetDate.Kind.ORIGINAL,
            reason=reason.strip(),
            user=user,
            history_reason=history_reason,
        )
    else:
        if not reason.strip():
            raise RefusedChange("Enter why the target date is changing")
        if date == current.target_date:
            raise RefusedChange(f"The target date is already {date:%-d %B %Y}")
        target = _add_target(
            current, date=date, kind=TargetDate.Kind.REVISED, reason=reason.strip(), user=user
        )
    recorded.send(TargetDate, recommendation=current, record=target, created=True, user=user)
    return target


@transaction.atomic
def request_extension(
    *, recommendation: Recommendation, user: AbstractBaseUser | None, date: datetime.date, reason: str
) -> ExtensionRequest:
    """An officer asks the committee for a later target date."""
    current = _lock_recommendation(recommendation.pk)
    if current.target_date is None:
        raise RefusedChange("It has no target date to extend: set one first")
    if date <= current.target_date:
        raise RefusedChange(
            f"The new date must be after the current target date, {current.target_date:%-d %B %Y}"
        )
    if not reason.strip():
        raise RefusedChange("Enter why more time is needed")
    if current.extension_requests.filter(state=ExtensionRequest.State.PENDING).exists():
        raise RefusedChange("An extension is already waiting for the committee's decision")
    return save_with_history(
        ExtensionRequest(
            recommendation=current,
            requested_date=date,
            reason=reason.strip(),
            requested_by=_person(user),
            requested_at=timezone.now(),
        ),
        user=user,
        reason=f"Asked for an extension to {date:%-d %B %Y}",
    )


@transaction.atomic
def decide_extension(
    *,
    request: ExtensionRequest,
    user: AbstractBaseUser | None,
    approved: bool,
    meeting_date: datetime.date,
    note: str = "",
    version: int,
) -> ExtensionRequest:
    """Record the committee's decision on an extension; an approved one becomes the target date."""
    current_recommendation = _lock_recommendation(request.recommendation_id)
    current = _lock(ExtensionRequest, request.pk, version)
    if not current.is_pending:
        raise RefusedChange(f"This extension was already {current.get_state_display().lower()}")
    current.state = ExtensionRequest.State.APPROVED if approved else ExtensionRequest.State.DECLINED
    current.meeting_date, current.decision_note = meeting_date, note.strip()
    current.decided_by = _person(user)
    current.decided_at = timezone.now()
    current.version += 1
    save_with_history(
        current,
        user=user,
        reason=f"The committee {'approved' if approved else 'declined'} the extension on {meeting_date:%-d %B %Y}",
    )
    if approved:
        _add_target(
            current_recommendation,
            date=current.requested_date,
            kind=TargetDate.Kind.EXTENDED,
            reason=current.reason,
            user=user,
        )
    recorded.send(
        ExtensionRequest, recommendation=current_recommendation, record=current, created=False, user=user
    )
    return current


# --------------------------------------------------------------------------
# The committee's sign-off of completion
# --------------------------------------------------------------------------


def _claim(recommendation: Recommendation, update_id: int | None) -> LatestProgress:
    """Its latest progress, which must report it complete (or closed) and be the update the page showed."""
    latest = LatestProgress.objects.select_related("update").filter(recommendation=recommendation).first()
    if latest is None or latest.status not in ProgressUpdate.Status.finished():
        raise RefusedChange("It has not been reported complete, so there is nothing to sign off")
    if update_id is not None and latest.update_id != update_id:
        raise RefusedChange("A new update was given since this page was opened: check it, and try again")
    return latest


@transaction.atomic
def assess_completion(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    signed_off: bool,
    meeting_date: datetime.date,
    minute_reference: str = "",
    reason: str = "",
    update_id: int | None = None,
) -> SignOff:
    """The committee's assessment of the officer's report that it is complete: signed off, or not accepted
    (with the reason), which reopens it."""
    current = _lock_recommendation(recommendation.pk)
    latest = _claim(current, update_id)
    if latest.assessment == SignOff.Outcome.SIGNED_OFF:
        raise RefusedChange("It is already signed off")
    if latest.assessment == SignOff.Outcome.NOT_ACCEPTED:
        raise RefusedChange(
            "The committee did not accept this report: the officer needs to give a new update first"
        )
    if not signed_off and not reason.strip():
        raise RefusedChange("Enter why the committee did not accept it")
    outcome = SignOff.Outcome.SIGNED_OFF if signed_off else SignOff.Outcome.NOT_ACCEPTED
    record = save_with_history(
        SignOff(
            recommendation=current,
            update=latest.update,
            outcome=outcome,
            meeting_date=meeting_date,
            minute_reference=minute_reference.strip(),
            reason=reason.strip(),
            recorded_by=_person(user),
            recorded_at=timezone.now(),
        ),
        user=user,
        reason=f"{outcome.label} by the committee on {meeting_date:%-d %B %Y}",
    )
    refresh_latest_progress([current.pk])
    refresh_summaries([current.pk])
    recorded.send(SignOff, recommendation=current, record=record, created=True, user=user)
    return record


@transaction.atomic
def reopen(*, recommendation: Recommendation, user: AbstractBaseUser | None, reason: str) -> SignOff:
    """Reopen a signed-off recommendation, with the reason: it is open again until reported complete anew."""
    current = _lock_recommendation(recommendation.pk)
    latest = _claim(current, None)
    if latest.assessment != SignOff.Outcome.SIGNED_OFF:
        raise RefusedChange("Only a signed-off recommendation can be reopened")
    if not reason.strip():
        raise RefusedChange("Enter why it is being reopened")
    record = save_with_history(
        SignOff(
            recommendation=current,
            update=latest.update,
            outcome=SignOff.Outcome.REOPENED,
            reason=reason.strip(),
            recorded_by=_person(user),
            recorded_at=timezone.now(),
        ),
        user=user,
        reason="Reopened",
    )
    refresh_latest_progress([current.pk])
    refresh_summaries([current.pk])
    recorded.send(SignOff, recommendation=current, record=record, created=True, user=user)
    return record


# --------------------------------------------------------------------------
# The committee's view of each update
# --------------------------------------------------------------------------


@transaction.atomic
def mark_not_adequate(
    *, update: ProgressUpdate, user: AbstractBaseUser | None, comment: str
) -> UpdateAssessment:
    """The committee finds an update not adequate: it goes back to the lead officer for a new one."""
    _lock_recommendation(update.recommendation_id)
    if not comment.strip():
        raise RefusedChange("Enter what the committee found lacking in the update")
    if UpdateAssessment.objects.filter(update_id=update.pk).exists():
        raise RefusedChange("This update is already marked not adequate")
    latest = LatestProgress.objects.filter(recommendation_id=update.recommendation_id).first()
    if latest is None or latest.update_id != update.pk:
        raise RefusedChange("Only the latest update can be sent back: a newer one has been given since")
    record = save_with_history(
        UpdateAssessment(
            recommendation_id=update.recommendation_id,
            update=update,
            comment=comment.strip(),
            recorded_by=_person(user),
            recorded_at=timezone.now(),
        ),
        user=user,
        reason="Update marked not adequate and sent back to the lead officer",
    )
    refresh_latest_progress([update.recommendation_id])
    refresh_summaries([update.recommendation_id])
    return record


# --------------------------------------------------------------------------
# Evidence files
# --------------------------------------------------------------------------


def check_evidence_file(name: str, data: bytes) -> tuple[str, str]:
    """The file's cleaned name and the content type it is served as; RefusedChange if it may not be kept."""
    cleaned = "".join(ch for ch in name.replace("\\", "/").rsplit("/", 1)[-1] if ch.isprintable()).strip()
    cleaned = cleaned[-200:] if len(cleaned) > 200 else cleaned
    extension = cleaned.rsplit(".", 1)[-1].lower() if "." in cleaned else ""
    if extension not in EvidenceFile.KINDS:
        kinds = ", ".join(sorted(EvidenceFile.KINDS))
        raise RefusedChange(f"The file must be one of these types: {kinds}")
    if not data:
        raise RefusedChange(f"{cleaned} is empty")
    if len(data) > EvidenceFile.MAX_SIZE:
        raise RefusedChange(f"The file must be smaller than {EvidenceFile.MAX_SIZE // (1024 * 1024)} MB")
    content_type, starts = EvidenceFile.KINDS[extension]
    if starts and not data.startswith(starts):
        raise RefusedChange(f"{cleaned} is not a real .{extension} file")
    if not starts and b"\x00" in data[:8192]:
        raise RefusedChange(f"{cleaned} is not a text file")
    return cleaned, content_type


@transaction.atomic
def attach_evidence(
    *, update: ProgressUpdate, user: AbstractBaseUser | None, name: str, data: bytes
) -> EvidenceFile:
    """Keep a file as evidence for an update, in the database."""
    cleaned, content_type = check_evidence_file(name, data)
    _lock_recommendation(update.recommendation_id)
    return save_with_history(
        EvidenceFile(
            recommendation_id=update.recommendation_id,
            update=update,
            name=cleaned,
            content_type=content_type,
            size=len(data),
            data=data,
            uploaded_by=_person(user),
            uploaded_at=timezone.now(),
        ),
        user=user,
        reason=f"Attached {cleaned} as evidence",
    )


# --------------------------------------------------------------------------
# Escalation
# --------------------------------------------------------------------------


def next_escalation_step(recommendation: Recommendation) -> EscalationStep | None:
    """The council's next step on the ladder for it: the first in order not yet taken (None: all taken)."""
    taken = Escalation.objects.filter(recommendation=recommendation).values("step_id")
    return (
        EscalationStep.objects.filter(council_id=recommendation.review.council_id, retired=False)
        .exclude(pk__in=taken)
        .order_by("position", "id")
        .first()
    )


@transaction.atomic
def escalate(
    *,
    recommendation: Recommendation,
    user: AbstractBaseUser | None,
    step_id: int,
    taken_on: datetime.date,
    note: str,
    today: datetime.date | None = None,
) -> Escalation:
    """Take the next step of the council's escalation ladder for an overdue, stalled or sent-back item."""
    current = _lock_recommendation(recommendation.pk)
    today = today or timezone.localdate()
    if not note.strip():
        raise RefusedChange("Enter what was sent or decided")
    if not Recommendation.objects.escalatable(today).filter(pk=current.pk).exists():
        raise RefusedChange(
            "Only an item that is overdue, stalled or sent back by the committee can be escalated"
        )
    step = next_escalation_step(current)
    if step is None:
        raise RefusedChange("Every step of the council's escalation ladder has been taken for it")
    if step.pk != step_id:
        raise RefusedChange("Someone else escalated it first: check where it stands, and try again")
    escalation = save_with_history(
        Escalation(
            recommendation=current,
            step=step,
            taken_on=taken_on,
            note=note.strip(),
            recorded_by=_person(user),
            recorded_at=timezone.now(),
        ),
        user=user,
        reason=f"Escalated: {step.name}",
    )
    refresh_summaries([current.pk])
    recorded.send(Escalation, recommendation=current, record=escalation, created=True, user=user)
    return escalation
