"""What a filled-in pack may record: every row checked against the pack's signed identity, nothing trusted.

A reader turns a file into its token and its rows (``FilledRow``), noting
cells of the wrong type as it goes; ``check_filled`` then refuses, row by
row, a pack of someone else or of another council, rows added or copied,
references changed, and values the update form would refuse.
"""

import re
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User

from councils.models import Council
from recommendations.forms import MAX_REASON_LENGTH, MAX_UPDATE_LENGTH
from recommendations.models import ProgressUpdate

from ..formats.blocks import clean
from .content import NEW_UPDATE, REASON, STATUS, Identity, PackError, read_token

# The most problems listed at once: past these, the officer is told how many more there are.
MAX_PROBLEMS = 20


@dataclass
class FilledRow:
    """One row of a filled-in pack as its reader found it."""

    line: int  # where it is: the sheet's row number, or the table's row counting from the first below the header
    key: str  # the hidden key naming the pack's row ("" where there is none: a row someone added)
    reference: str
    text: str = ""
    status: str = ""
    reason: str = ""
    forecast: str = ""
    # Cells of the wrong type the reader found ("the new update is a date"), in the row's words.
    problems: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.status or self.reason or self.forecast or self.problems)


@dataclass
class Checked:
    """A filled-in pack that may be recorded: its identity, the rows filled in, and how many were left empty."""

    identity: Identity
    rows: list[dict[str, Any]]
    skipped: int


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


STATUSES = {_key(label): value for value, label in ProgressUpdate.Status.choices}
FORECASTS = {_key(label): value for value, label in ProgressUpdate.Forecast.choices}
_NUMBER = re.compile(r"[-+]?[£$€]?\d[\d,]*(\.\d+)?%?")
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")


def tidy(text: str) -> str:
    """Words typed into a cell, each line cleaned, blank lines kept (one at most): they part paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(clean(line) for line in text.split("\n"))).strip()


def wrong_type(text: str) -> str:
    """What a cell that should hold words holds instead ("a number", "a date"), or "" if it holds words."""
    stripped = text.strip()
    if _NUMBER.fullmatch(stripped):
        return "a number"
    if _DATE.fullmatch(stripped):
        return "a date"
    return ""


def check_filled(*, token: str, rows: list[FilledRow], user: User, council: Council, shown: str) -> Checked:
    """The rows a filled-in pack may record; PackError, listing every problem, if any row is wrong."""
    identity = read_token(token, shown)
    if identity.officer_id != user.pk:
        owner = User.objects.filter(pk=identity.officer_id).first()
        whose = (
            f"the update pack of {owner.get_full_name() or owner.username}" if owner else "another officer's"
        )
        raise PackError(
            [
                f"{shown} is {whose}, not yours: updates from it would be recorded as yours. "
                "Download your own pack from My recommendations."
            ]
        )
    if identity.council_id != council.pk:
        other = Council.objects.filter(pk=identity.council_id).first()
        raise PackError(
            [
                f"{shown} is an update pack for {other or 'another council'}, not {council}. "
                f"Upload it on {other or 'that council'}'s page, or download {council}'s pack."
            ]
        )
    problems: list[str] = []
    filled: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    skipped = 0
    for row in rows:
        pk = int(row.key) if row.key.isdigit() else None
        if pk is None or pk not in identity.rows:
            if row.key or row.reference or not row.is_empty:
                named = f" (“{row.reference}”)" if row.reference else ""
                problems.append(
                    f"Row {row.line}{named} was added to the pack: only the pack's own rows can be filled in. "
                    "Put the update in its recommendation's row, and delete this row."
                )
            continue
        reference, state = identity.rows[pk]
        where = f"Row {row.line} ({reference})"
        if pk in seen:
            problems.append(
                f"{where} repeats row {seen[pk]}: each recommendation has one row. Delete the copy."
            )
            continue
        seen[pk] = row.line
        if _key(row.reference) != _key(reference):
            problems.append(
                f"Row {row.line}: the reference was changed from “{reference}” to “{row.reference}”. "
                "Put it back as it was: the reference says which recommendation the update is for."
            )
            continue
        found = [f"{where}: {problem}" for problem in row.problems]
        status = STATUSES.get(_key(row.status)) if row.status else ""
        forecast = FORECASTS.get(_key(row.forecast)) if row.forecast else ""
        if status is None:
            found.append(
                f"{where}: “{row.status}” is not a status. Choose one of "
                f"{_listed(ProgressUpdate.Status.labels)}."
            )
        if forecast is None:
            found.append(
                f"{where}: “{row.forecast}” is not a forecast. Choose one of "
                f"{_listed(ProgressUpdate.Forecast.labels)}, or leave it empty."
            )
        if found:
            problems += found
            continue
        if row.is_empty:
            skipped += 1
            continue
        if not row.text:
            found.append(f"{where}: enter the update in “{NEW_UPDATE}”, or clear the row to leave it out.")
        elif len(row.text) > MAX_UPDATE_LENGTH:
            found.append(f"{where}: the update must be {MAX_UPDATE_LENGTH:,} characters or fewer.")
        if not status:
            found.append(f"{where}: choose a status in “{STATUS}”.")
        elif status in ProgressUpdate.Status.closing() and not row.reason:
            label = ProgressUpdate.Status(status).label
            found.append(f"{where}: enter why it closes as “{label}” in “{REASON}”.")
        if len(row.reason) > MAX_REASON_LENGTH:
            found.append(f"{where}: the reason must be {MAX_REASON_LENGTH:,} characters or fewer.")
        if found:
            problems += found
            continue
        filled.append(
            {
                "id": pk,
                "reference": reference,
                "line": row.line,
                "text": row.text,
                "status": status,
                # A reason belongs only to a closing outcome, as on the update form.
                "outcome_reason": row.reason if status in ProgressUpdate.Status.closing() else "",
                "forecast": forecast,
                "state": state,
            }
        )
    if problems:
        more = len(problems) - MAX_PROBLEMS
        raise PackError(
            problems[:MAX_PROBLEMS] + ([f"And {more:,} more problems like these."] if more > 0 else [])
        )
    # Rows taken out of the file are left out, as empty ones are.
    skipped += len(identity.rows) - len(seen)
    if not filled:
        raise PackError(
            [f"{shown} has no updates filled in. Write each update in “{NEW_UPDATE}” with its “{STATUS}”."]
        )
    return Checked(identity=identity, rows=filled, skipped=skipped)


def _listed(labels: list[str]) -> str:
    return ", ".join(labels[:-1]) + " or " + labels[-1]
