"""What changed on a recommendation, its response, updates, evidence, target dates, extensions, the
committee's assessments and escalations, and by whom."""

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps

from .models import (
    CabinetResponse,
    Escalation,
    EvidenceFile,
    EvidenceLink,
    ExtensionRequest,
    ProgressUpdate,
    Recommendation,
    SignOff,
    TargetDate,
    UpdateAssessment,
)

# Fields that say where a record came from rather than what it says, or that
# are bookkeeping; themes are compared from one query below, not per version.
_HIDDEN = {
    "id",
    "source_document",
    "source_position",
    "recommendation",
    "version",
    "themes",
    "recorded_at",
    "decided_at",
    "uploaded_at",
    "update",
}
_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldChange:
    label: str
    old: object
    new: object
    # For text: [(op, words)] with op "equal", "insert" or "delete".
    words: list = field(default_factory=list)


@dataclass
class HistoryEntry:
    record: Any  # a historical record, which simple-history gives no type
    subject: str
    action: str  # "Created", "Changed" or "Deleted"
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def when(self):
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def who_name(self):
        user = self.record.history_user
        return (user.get_full_name() or user.username) if user else ""

    @property
    def why(self):
        return self.record.history_change_reason


def word_diff(old, new):
    """The words of two texts, marked as kept, inserted or deleted."""
    old_tokens, new_tokens = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    words = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            words.append(("delete", "".join(old_tokens[a1:a2])))
        if op in ("insert", "replace"):
            words.append(("insert", "".join(new_tokens[b1:b2])))
        if op == "equal":
            words.append(("equal", "".join(old_tokens[a1:a2])))
    return words


def _entries(records, subject, extra=None):
    """Pair each version with the one before it, oldest first per object.

    ``extra(record, before)`` adds changes the records' own fields do not show.
    """
    entries: list[HistoryEntry] = []
    previous: dict[int, Any] = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        before = previous.get(record.id)
        label = subject(record)
        if record.history_type == "+":
            entries.append(HistoryEntry(record, label, "Created"))
        elif record.history_type == "-":
            entries.append(HistoryEntry(record, label, "Deleted"))
        else:
            changes = []
            if before is not None:
                delta = record.diff_against(before, excluded_fields=_HIDDEN)
                for change in delta.changes:
                    model_field = record.instance_type._meta.get_field(change.field)
                    words = word_diff(change.old, change.new) if isinstance(change.old, str) else []
                    changes.append(
                        FieldChange(str(model_field.verbose_name).capitalize(), change.old, change.new, words)
                    )
                if extra:
                    changes += extra(record, before)
            entries.append(HistoryEntry(record, label, "Changed", changes))
        previous[record.id] = record
    return entries


def history_of(recommendation):
    """Every change to the recommendation and what hangs off it, newest first."""
    users = ("history_user",)
    versions = list(Recommendation.history.filter(id=recommendation.id).select_related(*users))
    themes = _themes_by_version(versions)

    def theme_changes(record, before):
        old, new = themes.get(before.history_id, []), themes.get(record.history_id, [])
        if old == new:
            return []
        return [
            FieldChange("Themes", ", ".join(old), ", ".join(new), word_diff(", ".join(old), ", ".join(new)))
        ]

    entries = _entries(versions, lambda r: "Recommendation", theme_changes)
    entries += _entries(
        CabinetResponse.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: "Cabinet response",
    )
    entries += _entries(
        ProgressUpdate.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: f"Progress update{f' of {r.update_date:%-d %B %Y}' if r.update_date else ''}",
    )
    entries += _entries(
        EvidenceLink.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: "Evidence",
    )
    entries += _entries(
        TargetDate.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: f"Target date of {r.date:%-d %B %Y}",
    )
    entries += _entries(
        ExtensionRequest.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: f"Extension to {r.requested_date:%-d %B %Y}",
    )
    entries += _entries(
        SignOff.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: f"The committee's assessment: {r.get_outcome_display().lower()}",
    )
    entries += _entries(
        UpdateAssessment.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: "Update found not adequate",
    )
    entries += _entries(
        EvidenceFile.history.filter(recommendation_id=recommendation.id).select_related(*users),
        lambda r: f"Evidence file {r.name}",
    )
    entries += _entries(
        Escalation.history.filter(recommendation_id=recommendation.id).select_related(*users, "step"),
        lambda r: f"Escalation: {r.step.name}",
    )
    return sorted(entries, key=lambda e: (e.when, e.record.history_id), reverse=True)


def _themes_by_version(versions):
    """The theme names each version of a recommendation had, in one query."""
    links = (
        apps.get_model("recommendations", "HistoricalRecommendation_themes")
        .objects.filter(history__in=[version.history_id for version in versions])
        .select_related("theme")
    )
    names: dict[int, list[str]] = {}
    for link in links:
        names.setdefault(link.history_id, []).append(link.theme.name)
    return {history_id: sorted(theme_names) for history_id, theme_names in names.items()}
