"""What an update pack holds: the recommendations an officer owes an update on, and its signed identity.

The identity (whose pack, which council, when it was made, and for each row
its recommendation and the state it was made against) travels in the file as
one token signed with the site's secret key: the officer's edits cannot
change it without the signature failing, so the reader never has to trust
the cells a person can type in.
"""

import datetime
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core import signing
from django.db.models import QuerySet
from django.utils import timezone

from councils.models import Council
from recommendations.models import ProgressUpdate, Recommendation

from ..formats.blocks import UnreadableFile

SALT = "importing.pack"
# Bumped if the token's shape changes, so that an old pack is told apart from a damaged one.
FORMAT = 1

# The columns both formats show, in order: the pack's own (which the reader ignores) and the officer's.
REFERENCE = "Reference"
SHOWN = ["Review", REFERENCE, "Recommendation", "Response", "Last update", "Target date"]
NEW_UPDATE, STATUS, REASON, FORECAST = (
    "New update",
    "Status",
    "Why it closes this way (closing outcomes only)",
    "Forecast",
)
FILLED_IN = [NEW_UPDATE, STATUS, REASON, FORECAST]


class PackError(Exception):
    """The file cannot be used as an update pack; ``problems`` says why in plain English, a line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(" ".join(problems))


logger = logging.getLogger(__name__)


def not_a_pack(shown: str) -> PackError:
    return PackError(
        [
            f"{shown} is not an update pack made by this service. Download your update pack from "
            "My recommendations, fill it in, and upload that."
        ]
    )


@contextmanager
def reading(shown: str, *, as_what: str, program: str, suffix: str) -> Iterator[None]:
    """Turn any failure to read the file into a PackError in plain words (a PackError passes as it is)."""
    try:
        yield
    except PackError:
        raise
    except UnreadableFile as error:
        raise PackError([str(error)]) from None
    except Exception:
        # Damaged files land here; so would a bug in a library or in a reader, hence the log.
        logger.info("%s could not be read as an update pack", shown, exc_info=True)
        raise PackError(
            [
                f"{shown} cannot be read as {as_what}: it may be damaged. "
                f"Open it in {program}, save it again as {suffix}, and upload that."
            ]
        ) from None


def owed_by(user: User, council: Council) -> "QuerySet[Recommendation]":
    """What an officer owes in a council, by the rules My recommendations shows: those they lead that owe
    an update for an open round, or whose latest update the committee sent back."""
    led = Recommendation.objects.filter(review__council=council, lead_officer=user)
    return led.owing_update() | led.sent_back()


def state_of(recommendation: Recommendation) -> dict[str, Any]:
    """What a pack row was made against: its latest update (and that update's version), its response's
    version, its words and its target date. A change to any of them makes the row stale."""
    latest = getattr(recommendation, "latest_progress", None)
    response = getattr(recommendation, "cabinet_response", None)
    return {
        "update": latest.update_id if latest else None,
        "update_version": latest.update.version if latest else None,
        "response": response.version if response else None,
        "words": hashlib.sha256(recommendation.text.encode()).hexdigest()[:16],
        "target": recommendation.target_date.isoformat() if recommendation.target_date else None,
    }


def fingerprint(state: dict[str, Any]) -> str:
    """A short name for a state, for the check page to say which state the officer saw."""
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()[:16]


def with_state(recommendations: "QuerySet[Recommendation]") -> "QuerySet[Recommendation]":
    """The recommendations with what ``state_of`` reads joined in: one query however many."""
    return recommendations.select_related("latest_progress__update", "cabinet_response")


@dataclass
class PackRow:
    """One recommendation as the pack shows it."""

    id: int
    review: str
    reference: str
    text: str
    response: str
    last_update: str
    target_date: datetime.date | None
    timetable: str
    state: dict[str, Any]


@dataclass
class Pack:
    """An officer's update pack for one council, ready to be written as a file."""

    officer: User
    council: Council
    generated_at: datetime.datetime
    rows: list[PackRow]

    @property
    def officer_name(self) -> str:
        return self.officer.get_full_name() or self.officer.username

    @property
    def title(self) -> str:
        return f"Update pack for {self.officer_name}, {self.council}"

    @property
    def made(self) -> str:
        return f"{timezone.localtime(self.generated_at):%-d %B %Y at %H:%M}"

    def token(self) -> str:
        """The pack's identity, signed: whose, which council, when, and each row's recommendation and state."""
        return signing.dumps(
            {
                "format": FORMAT,
                "officer": self.officer.pk,
                "council": self.council.pk,
                "generated_at": self.generated_at.isoformat(),
                "rows": [[row.id, row.reference, row.state] for row in self.rows],
            },
            salt=SALT,
            compress=True,
        )


def build_pack(*, officer: User, council: Council) -> Pack:
    """The officer's pack for the council: one row per recommendation they owe, in review order.

    One query for the rows, whatever their number (their reviews, responses
    and latest updates with their authors are joined in).
    """
    recommendations = with_state(owed_by(officer, council)).select_related(
        "review", "latest_progress__update__author"
    )
    rows = [
        PackRow(
            id=recommendation.pk,
            review=recommendation.review.title,
            reference=recommendation.label,
            text=recommendation.text,
            response=_response(recommendation),
            last_update=_last_update(recommendation),
            target_date=recommendation.target_date,
            timetable=recommendation.timetable,
            state=state_of(recommendation),
        )
        for recommendation in recommendations.order_by("review__title", "review_id", "position")
    ]
    return Pack(officer=officer, council=council, generated_at=timezone.now(), rows=rows)


def _response(recommendation: Recommendation) -> str:
    response = getattr(recommendation, "cabinet_response", None)
    if response is None:
        return "No response yet"
    return f"{response.wording}: {response.comment}" if response.comment else response.wording


def _last_update(recommendation: Recommendation) -> str:
    latest = getattr(recommendation, "latest_progress", None)
    if latest is None:
        return "No update yet"
    update = latest.update
    said = [f"{update.update_date:%-d %B %Y}" if update.update_date else "Undated"]
    if update.status:
        said.append(ProgressUpdate.Status(update.status).label)
    if update.author_display:
        said.append(f"by {update.author_display}")
    sent_back = " Sent back by the committee: a new update is needed." if latest.sent_back else ""
    return f"{', '.join(said)}.{sent_back}\n{update.text}"


@dataclass
class Identity:
    """A pack's identity as its token says: whose, which council, when made, and its rows by recommendation."""

    officer_id: int
    council_id: int
    generated_at: datetime.datetime
    # Each row's recommendation id: (its reference as the pack showed it, the state it was made against).
    rows: dict[int, tuple[str, dict[str, Any]]]


def read_token(token: str, shown: str) -> Identity:
    """The identity a pack's token carries; PackError if there is none, or it was changed."""
    if not token:
        raise PackError(
            [
                f"{shown} is not an update pack made by this service. Download your update pack from "
                "My recommendations, fill it in, and upload that."
            ]
        )
    try:
        data = signing.loads(token, salt=SALT)
        if data["format"] != FORMAT:
            raise PackError(
                [f"{shown} is an update pack of an older kind. Download a new pack and fill that in."]
            )
        return Identity(
            officer_id=int(data["officer"]),
            council_id=int(data["council"]),
            generated_at=datetime.datetime.fromisoformat(data["generated_at"]),
            rows={int(pk): (str(reference), dict(state)) for pk, reference, state in data["rows"]},
        )
    except PackError:
        raise
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise PackError(
            [
                f"{shown} says it is an update pack, but the part that identifies it has been changed, "
                "so it cannot be trusted. Download a new pack, fill it in, and upload that."
            ]
        ) from None
