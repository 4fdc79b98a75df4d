"""Workflows that write recommendations, responses and progress updates.

Each keeps history with who and why, and refuses a stale edit: an edit
carries the version it started from, and if the record has moved on since,
``StaleEdit`` is raised with the record as it now is, and nothing is saved.
"""

from django.db import transaction

from common.history import save_with_history
from common.slugs import unique_slug

from .models import CabinetResponse, LatestProgress, ProgressUpdate, Recommendation, Theme


class StaleEdit(Exception):
    """Someone else saved the record after this edit began."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"{current} was changed by someone else (now version {current.version}).")


def _lock(model, pk, version):
    """The record, locked for this transaction, if it is still at ``version``."""
    current = model.objects.select_for_update().get(pk=pk)
    if current.version != version:
        raise StaleEdit(current)
    return current


@transaction.atomic
def record_update(*, recommendation, user, reason="Recorded a progress update", **fields):
    """Add a progress update by ``user`` (its author)."""
    update = save_with_history(
        ProgressUpdate(recommendation=recommendation, author=user, **fields), user=user, reason=reason
    )
    LatestProgress.refresh([recommendation.pk])
    return update


@transaction.atomic
def edit_update(*, update, user, version, reason="Edited the progress update", **fields):
    current = _lock(ProgressUpdate, update.pk, version)
    for name, value in fields.items():
        setattr(current, name, value)
    current.version += 1
    save_with_history(current, user=user, reason=reason)
    LatestProgress.refresh([current.recommendation_id])
    return current


@transaction.atomic
def save_response(*, recommendation, user, version, reason="", **fields):
    """Record the cabinet response, or change it if ``version`` is the current one.

    ``version`` is None for a new response; if one was recorded meanwhile,
    that is a stale edit too.
    """
    existing = CabinetResponse.objects.select_for_update().filter(recommendation=recommendation).first()
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
    return save_with_history(response, user=user, reason=reason or default)


@transaction.atomic
def assign_lead_officer(*, recommendation, user, officer, version):
    current = _lock(Recommendation, recommendation.pk, version)
    current.lead_officer = officer
    current.version += 1
    name = (officer.get_full_name() or officer.username) if officer else "nobody"
    return save_with_history(current, user=user, reason=f"Lead officer set to {name}")


@transaction.atomic
def set_themes(*, recommendation, user, themes, new_names=(), version):
    """Set the recommendation's themes, making any new ones; one history row says so."""
    current = _lock(Recommendation, recommendation.pk, version)
    themes = {theme.pk: theme for theme in themes}
    for name in new_names:
        existing = Theme.objects.filter(name__iexact=name).first()
        theme = existing or save_with_history(
            Theme(name=name, slug=unique_slug(Theme.objects, name)), user=user, reason="Added as a theme"
        )
        themes[theme.pk] = theme
    themes = list(themes.values())
    # The links are recorded once, with the save below, rather than per add and remove.
    current.skip_history_when_saving = True
    try:
        current.themes.set(themes)
    finally:
        del current.skip_history_when_saving
    current.version += 1
    names = ", ".join(sorted(theme.name for theme in themes))
    return save_with_history(
        current, user=user, reason=f"Themes set to {names}" if names else "Themes cleared"
    )
