"""Holding a filled-in pack for its officer to check, and recording it: the pack's only writes.

An upload is read and checked once and held as a ``PendingPack``; nothing of
the council's is written until the officer says "Record the updates". Then
every row is compared again with its recommendation as it now is: a row
whose recommendation changed since the pack was made is recorded only if
the officer confirmed it against the state the check page showed them, and
if anything changed after that, nothing is recorded and the page says so.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from councils.models import Council
from recommendations import services as recommendation_services
from recommendations.models import ProgressUpdate, Recommendation

from ..formats.blocks import MAX_BYTES, shown_name
from ..formats.reading import extension_of
from ..formats.sniff import sniff
from ..models import PendingPack
from .check import Checked, check_filled
from .content import PackError, fingerprint, state_of, with_state
from .excel import read_xlsx
from .word import read_docx

# How long an uploaded pack waits for its officer to record it.
PENDING_FOR = datetime.timedelta(hours=24)
_READERS = {"xlsx": read_xlsx, "docx": read_docx}


def read_pack(*, user: User, council: Council, name: str, data: bytes) -> Checked:
    """The rows a filled-in pack may record (a ``Checked``); PackError, saying why, if it cannot be used."""
    shown = shown_name(name)
    if len(data) > MAX_BYTES:
        raise PackError(
            [
                f"{shown} is {len(data) / 1024 / 1024:.1f} MB: an update pack is far smaller. Upload the pack you downloaded."
            ]
        )
    content = sniff(data)
    kind = content.kind if content.kind in _READERS else extension_of(name)
    if kind not in _READERS or content.kind not in (kind, "zip"):
        raise PackError(
            [
                f"{shown} is not an update pack: it looks like {content.looks_like}. Upload the Excel (.xlsx) "
                "or Word (.docx) pack you downloaded from My recommendations, with your updates filled in."
            ]
        )
    token, rows = _READERS[kind](data, shown)
    return check_filled(token=token, rows=rows, user=user, council=council, shown=shown)


def hold_pack(*, user: User, council: Council, name: str, data: bytes) -> PendingPack:
    """Read and check an uploaded pack, and keep what it would record for its officer to check.

    Raises PackError, writing nothing, if it is not this officer's pack for this council or any row is wrong.
    """
    checked = read_pack(user=user, council=council, name=name, data=data)
    ids = [row["id"] for row in checked.rows]
    present = set(
        Recommendation.objects.filter(pk__in=ids, review__council=council).values_list("pk", flat=True)
    )
    gone = [row for row in checked.rows if row["id"] not in present]
    if gone:
        raise PackError(
            [
                f"Row {row['line']} ({row['reference']}): this recommendation has been deleted since the pack "
                "was made, so its update cannot be recorded. Clear the row, or download a new pack."
                for row in gone
            ]
        )
    now = timezone.now()
    with transaction.atomic():
        PendingPack.objects.expired(now).delete()
        return PendingPack.objects.create(
            owner=user,
            council=council,
            name=shown_name(name),
            checksum=hashlib.sha256(data).hexdigest(),
            generated_at=checked.identity.generated_at,
            rows=checked.rows,
            skipped=checked.skipped,
            expires_at=now + PENDING_FOR,
        )


# What the check page says of a row whose recommendation has been deleted since the pack was made.
DELETED = "deleted"


@dataclass
class Standing:
    """A held row beside its recommendation as it is now: what changed since the pack was made (nothing,
    for most), and, where something did, theirs beside yours."""

    row: dict[str, Any]
    recommendation: Recommendation | None
    # The state the officer is shown (its fingerprint), which recording checks is still so.
    seen: str
    what: list[str] = field(default_factory=list)
    # (field, theirs, yours, differs)
    fields: list[tuple[str, str, str, bool]] = field(default_factory=list)

    @property
    def is_changed(self) -> bool:
        return bool(self.what)


def compare(pending: PendingPack) -> list[Standing]:
    """Each held row beside its recommendation as it stands now; one query, whatever their number."""
    current = _current(pending)
    standings = []
    for row in pending.rows:
        recommendation = current.get(row["id"])
        if recommendation is None:
            standings.append(
                Standing(row, None, DELETED, ["It has been deleted, so its update cannot be recorded."])
            )
        elif state_of(recommendation) == row["state"]:
            standings.append(Standing(row, recommendation, fingerprint(row["state"])))
        else:
            standings.append(_change(row, recommendation))
    return standings


def _current(pending: PendingPack) -> dict[int, Recommendation]:
    ids = [row["id"] for row in pending.rows]
    recommendations = with_state(
        Recommendation.objects.filter(pk__in=ids, review__council_id=pending.council_id)
    ).select_related("review", "latest_progress__update__author")
    return {recommendation.pk: recommendation for recommendation in recommendations}


def _change(row: dict[str, Any], recommendation: Recommendation) -> Standing:
    was, now = row["state"], state_of(recommendation)
    latest = getattr(recommendation, "latest_progress", None)
    update = latest.update if latest else None
    what = []
    if was["update"] != now["update"]:
        if update is None:
            what.append("Its latest update was deleted.")
        else:
            when = f" on {update.update_date:%-d %B %Y}" if update.update_date else ""
            who = update.author_display or "Someone"
            what.append(f"{who} gave a newer update{when}.")
    elif was["update_version"] != now["update_version"]:
        what.append("Its latest update was changed.")
    if was["response"] != now["response"]:
        response = getattr(recommendation, "cabinet_response", None)
        what.append(
            f"Its cabinet response was changed: it is now “{response.wording}”."
            if response
            else "Its cabinet response was taken away."
        )
    if was["words"] != now["words"]:
        what.append("The recommendation's words were changed.")
    if was["target"] != now["target"]:
        target = recommendation.target_date
        what.append(
            f"Its target date is now {target:%-d %B %Y}." if target else "Its target date was taken away."
        )
    status = ProgressUpdate.Status
    forecast = ProgressUpdate.Forecast
    theirs = {
        "Status": status(update.status).label if update and update.status else "",
        "Forecast": forecast(update.forecast).label if update and update.forecast else "",
        "Update": update.text if update else "",
    }
    yours = {
        "Status": status(row["status"]).label,
        "Forecast": forecast(row["forecast"]).label if row["forecast"] else "",
        "Update": row["text"],
    }
    fields = [(name, theirs[name], yours[name], theirs[name] != yours[name]) for name in theirs]
    return Standing(row, recommendation, fingerprint(now), what, fields)


class PackChanged(Exception):
    """Recommendations changed after the check page was shown: nothing was recorded."""

    def __init__(self, references: list[str]) -> None:
        self.references = references
        super().__init__(", ".join(references))


def record_pack(*, pending: PendingPack, user: User, seen: dict[int, str], confirmed: set[int]) -> int:
    """Record the held pack's updates with the officer as author, all or nothing; how many were recorded.

    ``seen`` gives, for each row, the state of its recommendation the check
    page showed (its ``fingerprint``). A row changed since the pack was made
    is recorded only if ``confirmed`` names it; one not confirmed is left out.
    Raises PackChanged, writing nothing, if any recommendation is no longer in
    the state the page showed.
    """
    ids = sorted(row["id"] for row in pending.rows)
    today = timezone.localdate()
    with transaction.atomic():
        # Held in pk order while they are compared, so nothing lands between the comparison and the
        # write (the services take the same locks) and two packs at once cannot deadlock.
        list(Recommendation.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
        current = _current(pending)
        owed = dict(
            Recommendation.objects.filter(pk__in=ids).with_owed_round().values_list("pk", "owed_round_id")
        )
        updates, moved = [], []
        for row in pending.rows:
            recommendation = current.get(row["id"])
            if recommendation is None:
                if seen.get(row["id"]) != DELETED:
                    moved.append(row["reference"])
                continue  # deleted: nothing to record it on
            now = state_of(recommendation)
            if seen.get(row["id"]) != fingerprint(now):
                moved.append(row["reference"])
                continue
            if now != row["state"] and row["id"] not in confirmed:
                continue  # changed since the pack was made, and the officer kept theirs
            updates.append(
                ProgressUpdate(
                    recommendation=recommendation,
                    round_id=owed.get(row["id"]),
                    status=row["status"],
                    outcome_reason=row["outcome_reason"],
                    forecast=row["forecast"],
                    text=row["text"],
                    update_date=today,
                    author=user,
                )
            )
        if moved:
            raise PackChanged(moved)
        made = f"{timezone.localtime(pending.generated_at):%-d %B %Y %H:%M}"
        recommendation_services.add_updates(
            updates, user=user, reason=f"Recorded from the update pack {pending.name} (made {made})"
        )
        pending.delete()
    return len(updates)
