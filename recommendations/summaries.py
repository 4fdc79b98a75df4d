"""The dashboards' summary rows: kept in the writers' transactions, read in a few rows per council.

Each recommendation has a ``Standing`` row: the keys it is counted under
(decision, status, the status it moved from, the follow-through flags, and
the dates that decide the figures that change with the calendar). The
``Tally`` rows count the standings of a council, and of each review, by
those keys; the figures that depend on today's date are counted by the
month of their date in ``Tally`` and by the day in ``DayTally``, so that a
condition "before this date" sums whole months from one and only the days of
the date's own month from the other, and comes out exact.

``refresh`` is the one place they change: it works out the standing of the
recommendations given from their records, and moves the tallies by the
difference from what their standing was, as increments (``INSERT ... ON
CONFLICT DO UPDATE SET n = n + excluded.n``). Two writers moving one tally
row at once therefore queue on that row and both counts land: an increment
is applied to the row as committed, where recounting a key from the
records under the recommendation's lock would miss the other writer's
uncommitted change to another recommendation of the same key. Each
recommendation's standing is read and written under its row lock, so the
difference is taken from the standing the last writer left.
"""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from common import bulk
from common.dates import months_before
from councils.models import Council

from .models import (
    NO_RESPONSE,
    NO_STATUS,
    DayTally,
    Recommendation,
    Standing,
    Tally,
    TallyBase,
    TallyKind,
    TargetDate,
    awaiting_sign_off_condition,
    escalated_condition,
    rounds_owed,
    sent_back_condition,
    signed_off_condition,
)

# A date that is before every day ("never updated": always stale), and one that no day passes.
NEVER, NO_DATE = datetime.date.min, datetime.date.max
DATED = [TallyKind.TARGET, TallyKind.OWED, TallyKind.RESPONSE]
# Recommendations by their latest update, newest first and undated last, as the standing's index holds them.
NEWEST_FIRST = Coalesce("standing__last_updated_date", Value(NEVER)).desc()
BATCH = 500

_STANDING_FIELDS = [
    "council_id",
    "review_id",
    "decision_key",
    "status_key",
    "moved_from",
    "is_finished",
    "is_awaiting_sign_off",
    "is_signed_off",
    "is_sent_back",
    "is_escalated",
    "has_slipped_target",
    "is_answered_late",
    "target_date",
    "last_updated_date",
    "has_update",
    "owed_due_date",
    "response_due_date",
]


# --------------------------------------------------------------------------
# Working out the standing of recommendations from their records
# --------------------------------------------------------------------------


def _flag(condition):
    return Case(When(condition, then=Value(True)), default=Value(False))


def work_out(recommendation_ids: Iterable[int] | QuerySet | None) -> dict[int, Standing]:
    """The standing of these recommendations (ids, a query of ids, or all, given None) by the rules of
    models.py, from their records."""
    queryset = Recommendation.objects.all()
    if isinstance(recommendation_ids, QuerySet):
        queryset = queryset.filter(pk__in=recommendation_ids)
    elif recommendation_ids is not None:
        queryset = queryset.filter(pk__in=list(recommendation_ids))
    soonest_owed = rounds_owed().order_by("due_date").values("due_date")[:1]
    slipped = TargetDate.objects.filter(recommendation=OuterRef("pk"), replaced_passed=True)
    rows = (
        queryset.with_progress()
        .order_by()
        .annotate(
            council_key=F("review__council_id"),
            decision=Coalesce("cabinet_response__decision", Value(NO_RESPONSE)),
            status=Coalesce(NullIf("latest_status", Value("")), Value(NO_STATUS)),
            awaiting=_flag(awaiting_sign_off_condition()),
            signed=_flag(signed_off_condition()),
            back=_flag(sent_back_condition()),
            escalated=_flag(escalated_condition()),
            slipped=Exists(slipped),
            owed=Subquery(soonest_owed),
            has_response=_flag(Q(cabinet_response__isnull=False)),
            responded=F("cabinet_response__response_date"),
            due=F("review__response_due_date"),
            updated=_flag(Q(latest_progress__isnull=False)),
        )
        .values(
            "pk",
            "council_key",
            "review_id",
            "decision",
            "status",
            "latest_status",
            "previous_status",
            "is_finished",
            "awaiting",
            "signed",
            "back",
            "escalated",
            "slipped",
            "target_date",
            "last_updated_date",
            "updated",
            "owed",
            "has_response",
            "responded",
            "due",
        )
    )
    found = {}
    for row in rows.iterator(chunk_size=5000):
        previous, latest = row["previous_status"], row["latest_status"]
        moved = previous is not None and previous != latest
        found[row["pk"]] = Standing(
            recommendation_id=row["pk"],
            council_id=row["council_key"],
            review_id=row["review_id"],
            decision_key=row["decision"],
            status_key=row["status"],
            moved_from=(previous or NO_STATUS) if moved else "",
            is_finished=row["is_finished"],
            is_awaiting_sign_off=row["awaiting"],
            is_signed_off=row["signed"],
            is_sent_back=row["back"],
            is_escalated=row["escalated"],
            has_slipped_target=row["slipped"],
            # As response_late_condition() says: after the due date; a response of no known date is not late.
            is_answered_late=bool(
                row["due"] and row["responded"] and row["has_response"] and row["responded"] > row["due"]
            ),
            target_date=row["target_date"],
            last_updated_date=row["last_updated_date"],
            has_update=row["updated"],
            owed_due_date=None if row["is_finished"] else row["owed"],
            response_due_date=row["due"] if not row["has_response"] else None,
        )
    return found


def _contributions(standing: Standing) -> list[tuple[tuple, tuple]]:
    """The tally keys (kind, decision, status, moved from, flag, day) one standing counts under, each with
    its measures (n, awaiting sign-off, signed off, sent back, escalated)."""
    one = (1, 0, 0, 0, 0)
    found = [
        (
            (
                TallyKind.COUNT.value,
                standing.decision_key,
                standing.status_key,
                standing.moved_from,
                False,
                NEVER,
            ),
            (
                1,
                int(standing.is_awaiting_sign_off),
                int(standing.is_signed_off),
                int(standing.is_sent_back),
                int(standing.is_escalated),
            ),
        )
    ]

    def dated(kind, flag, day):
        found.append(((kind.value, "", "", "", flag, day), one))

    if not standing.is_finished and standing.target_date is not None:
        dated(TallyKind.TARGET, standing.has_slipped_target, standing.target_date)
    elif standing.has_slipped_target:
        dated(TallyKind.TARGET, True, NO_DATE)
    if not standing.is_finished:
        # Stalled is "no update, or none since the cutoff": an update of no known date is never stale.
        if not standing.has_update:
            dated(TallyKind.STALE, False, NEVER)
        elif standing.last_updated_date is not None:
            dated(TallyKind.STALE, False, standing.last_updated_date)
        if standing.owed_due_date is not None:
            dated(TallyKind.OWED, False, standing.owed_due_date)
    if standing.response_due_date is not None:
        dated(TallyKind.RESPONSE, False, standing.response_due_date)
    elif standing.is_answered_late:
        dated(TallyKind.RESPONSE, True, NO_DATE)
    return found


def _rows(standing: Standing) -> Iterable[tuple[type[TallyBase], tuple, tuple]]:
    """(table, full key, measures) of each tally row the standing counts in: its council's and its review's,
    by month in Tally and, for a real date, by day in DayTally."""
    for (kind, *rest, day), measures in _contributions(standing):
        for review_key in (0, standing.review_id):
            scope = (standing.council_id, review_key, kind, *rest)
            month = day if day in (NEVER, NO_DATE) else day.replace(day=1)
            yield Tally, (*scope, month), measures
            if kind != TallyKind.COUNT and day not in (NEVER, NO_DATE):
                yield DayTally, (*scope, day), measures


def _add(totals, standings, sign):
    for standing in standings:
        for table, key, measures in _rows(standing):
            current = totals[table].get(key)
            moved = tuple(sign * m for m in measures)
            totals[table][key] = (
                moved if current is None else tuple(a + b for a, b in zip(current, moved, strict=True))
            )


# --------------------------------------------------------------------------
# Keeping them
# --------------------------------------------------------------------------


def refresh(recommendation_ids: Iterable[int]) -> None:
    """Bring the standing of these recommendations, and the tallies counting them, up to date with their
    records; recommendations no longer there are taken out. Call it inside the writer's transaction."""
    ids = sorted(set(recommendation_ids))
    if not ids:
        return
    # Held for the transaction (the writers hold them already): the old standing is the one the last writer left.
    for start in range(0, len(ids), 5000):
        list(
            Recommendation.objects.select_for_update()
            .filter(pk__in=ids[start : start + 5000])
            .order_by("pk")
            .values_list("pk")
        )
    new, old = {}, {}
    for start in range(0, len(ids), 5000):
        new.update(work_out(ids[start : start + 5000]))
        old.update(Standing.objects.in_bulk(ids[start : start + 5000]))
    changed = [pk for pk in ids if _values(old.get(pk)) != _values(new.get(pk))]
    if not changed:
        return
    totals: dict[type[TallyBase], dict[tuple, tuple]] = {Tally: {}, DayTally: {}}
    _add(totals, [old[pk] for pk in changed if pk in old], -1)
    _add(totals, [new[pk] for pk in changed if pk in new], +1)
    for start in range(0, len(changed), 5000):
        Standing.objects.filter(recommendation_id__in=changed[start : start + 5000]).delete()
    bulk.insert(Standing, [new[pk] for pk in changed if pk in new])
    for table, moves in totals.items():
        _increment(table, {key: measures for key, measures in moves.items() if any(measures)})


def count_new(recommendations: QuerySet) -> None:
    """Give recommendations just written in bulk (a query of their ids), none of which has a standing yet,
    their standing, and count them in the tallies: ``refresh`` without reading standings that are not
    there. For a bulk writer of new records (the demo data), in its transaction."""
    new = work_out(recommendations)
    bulk.insert(Standing, new.values())
    totals: dict[type[TallyBase], dict[tuple, tuple]] = {Tally: {}, DayTally: {}}
    _add(totals, new.values(), +1)
    for table, moves in totals.items():
        _increment(table, moves)


def refresh_reviews(review_ids: Iterable[int]) -> None:
    """``refresh`` for every recommendation of these reviews, and any that the standing still places there
    (a review moved to another council, or deleted)."""
    review_ids = list(review_ids)
    ids = set(Recommendation.objects.filter(review_id__in=review_ids).values_list("pk", flat=True))
    ids |= set(Standing.objects.filter(review_id__in=review_ids).values_list("recommendation_id", flat=True))
    refresh(ids)


def _values(standing: Standing | None):
    return None if standing is None else tuple(getattr(standing, name) for name in _STANDING_FIELDS)


def _increment(table: type[TallyBase], moves: dict[tuple, tuple]) -> None:
    """Add the measures to the rows of these keys (making those missing), in key order so that two
    writers lock shared rows in the same order; rows left counting nothing are deleted."""
    if not moves:
        return
    name = connection.ops.quote_name(table._meta.db_table)
    keys = [connection.ops.quote_name(column) for column in Tally.KEYS]
    measures = [connection.ops.quote_name(column) for column in Tally.MEASURES]
    upsert = (
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
        + ", ".join(f"{m} = {name}.{m} + excluded.{m}" for m in measures)
        + f" RETURNING id, {measures[0]}"
    )
    emptied = []
    ordered = sorted(moves.items())
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One statement, its rows as one array a column: a bulk writer moves tens of thousands at once.
            by_name = {field.attname: field for field in table._meta.concrete_fields}
            fields = [by_name[column] for column in Tally.KEYS + Tally.MEASURES]
            arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for field in fields)
            columns = list(zip(*[(*key, *values) for key, values in ordered], strict=True))
            cursor.execute(
                f"INSERT INTO {name} ({', '.join(keys + measures)}) "
                f"SELECT {', '.join(keys + measures)} FROM unnest({arrays}) "
                f"WITH ORDINALITY AS moved ({', '.join(keys + measures)}, position) ORDER BY position "
                + upsert,
                [list(column) for column in columns],
            )
            emptied += [pk for pk, n in cursor.fetchall() if n == 0]
        else:
            for start in range(0, len(ordered), BATCH):
                batch = ordered[start : start + BATCH]
                params: list[Any] = []
                for key, values in batch:
                    params += [*key, *values]
                row = "(" + ", ".join(["%s"] * (len(keys) + len(measures))) + ")"
                cursor.execute(
                    f"INSERT INTO {name} ({', '.join(keys + measures)}) VALUES {', '.join([row] * len(batch))} "
                    + upsert,
                    params,
                )
                emptied += [pk for pk, n in cursor.fetchall() if n == 0]
    if emptied:
        table._default_manager.filter(pk__in=emptied).delete()


def rebuild() -> None:
    """Work every standing and tally out again from the records, from scratch."""
    Standing.objects.all().delete()
    Tally.objects.all().delete()
    DayTally.objects.all().delete()
    standings = list(work_out(None).values())
    bulk.insert(Standing, standings)
    totals: dict[type[TallyBase], dict[tuple, tuple]] = {Tally: {}, DayTally: {}}
    _add(totals, standings, +1)
    for table, rows in totals.items():
        table._default_manager.bulk_create(
            [
                table(
                    **dict(zip(Tally.KEYS, key, strict=True)),
                    **dict(zip(Tally.MEASURES, measures, strict=True)),
                )
                for key, measures in rows.items()
            ],
            batch_size=5000,
        )


def snapshot() -> dict[str, set]:
    """Every standing and tally row's values, to compare what is kept with what a rebuild makes."""
    return {
        "standing": set(Standing.objects.values_list("recommendation_id", *_STANDING_FIELDS)),
        "tally": set(Tally.objects.values_list(*Tally.KEYS, *Tally.MEASURES)),
        "day tally": set(DayTally.objects.values_list(*Tally.KEYS, *Tally.MEASURES)),
    }


# --------------------------------------------------------------------------
# Reading them
# --------------------------------------------------------------------------


def everywhere() -> dict:
    """The tally rows of every council, as a whole."""
    return {"review_key": 0}


def of_councils(councils) -> dict:
    """The tally rows of these councils (a query of them), each as a whole."""
    return {"review_key": 0, "council__in": councils}


def of_council(council: Council) -> dict:
    return {"review_key": 0, "council": council}


def of_review(review) -> dict:
    return {"review_key": review.pk}


def read(summary: dict, today: datetime.date) -> dict[str, Any]:
    """The counts of the scope's tallies: ``groups`` by decision, status and the status moved from, with the
    follow-through measures; and the figures that depend on ``today``. One query, of a few rows per council.

    A date figure counts the rows dated before its cutoff (today; for stalled, the council's months
    before today): whole months before the cutoff's month from Tally, and the days of that month
    before the cutoff from DayTally. ``passed`` is that count; ``passed_or_flagged`` adds those of
    the kind's flag (a slipped target, a response that came late).
    """
    first = today.replace(day=1)
    stale_before = Q(pk__in=[])
    window = Q(kind__in=DATED, day__gte=first, day__lt=today)
    for months in Council.STALLED_CHOICES:
        cutoff = months_before(today, months)
        of_council = Q(council__stalled_after_months=months)
        stale_before |= of_council & Q(day__lt=cutoff.replace(day=1))
        window |= Q(kind=TallyKind.STALE) & of_council & Q(day__gte=cutoff.replace(day=1), day__lt=cutoff)
    keys = ["kind", "decision_key", "status_key", "moved_from"]
    nothing = Value(0, output_field=IntegerField())
    no_dates = {"passed": nothing, "passed_or_flagged": nothing}
    no_counts = dict.fromkeys(["total", "awaiting", "signed", "back", "chased"], nothing)
    tallies = Tally.objects.filter(**summary).order_by()
    # Four parts, each of its own rows: the counts; the date kinds by month (stale ones by the council's
    # months, so only they join the council); and the days of the cutoffs' months.
    counts = (
        tallies.filter(kind=TallyKind.COUNT)
        .values(*keys)
        .annotate(
            total=Sum("n"),
            awaiting=Sum("awaiting_sign_off"),
            signed=Sum("signed_off"),
            back=Sum("sent_back"),
            chased=Sum("escalated"),
            **no_dates,
        )
    )

    def passed(queryset, before: Q | None, or_flagged: Q):
        return queryset.values(*keys).annotate(
            **no_counts,
            passed=Coalesce(Sum("n", filter=before) if before is not None else Sum("n"), 0),
            passed_or_flagged=Coalesce(Sum("n", filter=or_flagged), 0),
        )

    dated = passed(tallies.filter(kind__in=DATED), Q(day__lt=first), Q(day__lt=first) | Q(flag=True))
    stale = passed(tallies.filter(kind=TallyKind.STALE), stale_before, stale_before)
    # Flagged ones are counted by their month's row already, whatever their day.
    days = passed(DayTally.objects.filter(**summary).filter(window).order_by(), None, Q(flag=False))
    rows = list(counts.union(dated, stale, days, all=True))
    found = dict.fromkeys(DATED + [TallyKind.STALE], (0, 0))
    for row in rows:
        if row["kind"] != TallyKind.COUNT:
            before, flagged = found[row["kind"]]
            found[row["kind"]] = (before + row["passed"], flagged + row["passed_or_flagged"])
    return {
        "groups": [row for row in rows if row["kind"] == TallyKind.COUNT],
        "overdue": found[TallyKind.TARGET][0],
        "slipped": found[TallyKind.TARGET][1],
        "stalled": found[TallyKind.STALE][0],
        "update_late": found[TallyKind.OWED][0],
        "response_late": found[TallyKind.RESPONSE][1],
    }


# The list's follow-through filters that the counts by decision and status measure: each a measure's column.
MEASURED = ("awaiting_sign_off", "signed_off", "sent_back", "escalated")
# The list's filters that are date figures of ``read``, by the figure's name.
DATED_FIGURES = {
    "is_overdue": "overdue",
    "slipped": "slipped",
    "is_update_late": "update_late",
    "is_stalled": "stalled",
    "response_late": "response_late",
}


def count(summary: dict, *, decisions=(), statuses=(), flag: str | None = None, today=None) -> int | None:
    """How many recommendations of the scope's tallies have one of these decisions and one of these statuses
    (any, given none) and, given ``flag``, are flagged so: one of ``MEASURED``, or, with no decision or
    status asked for, one of ``DATED_FIGURES``. None for what the tallies do not count (a date figure of
    one decision, say). A few rows per council, where counting the records reads every match."""
    if flag in DATED_FIGURES:
        if decisions or statuses:
            return None
        return read(summary, today or timezone.localdate())[DATED_FIGURES[flag]]
    if flag is not None and flag not in MEASURED:
        return None
    tallies = Tally.objects.filter(**summary, kind=TallyKind.COUNT)
    if decisions:
        tallies = tallies.filter(decision_key__in=decisions)
    if statuses:
        tallies = tallies.filter(status_key__in=statuses)
    return tallies.aggregate(n=Coalesce(Sum(flag or "n"), 0))["n"]
