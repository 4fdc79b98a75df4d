"""The figures a scrutiny dashboard shows, each with the filtered list behind it."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from . import summaries
from .models import (
    DECISION_KEYS,
    STATUS_KEYS,
    CabinetResponse,
    ProgressUpdate,
    awaiting_sign_off_condition,
    escalated_condition,
    response_late_condition,
    sent_back_condition,
    signed_off_condition,
    slipped_condition,
)

LIST_LENGTH = 10


@dataclass
class Figure:
    label: str
    count: int
    url: str
    key: str = ""
    # For the chart: the bar's length as a share of the longest, in per cent.
    share: float = 0.0


@dataclass
class Dashboard:
    total: Figure
    agreed: Figure
    completed: Figure
    overdue: Figure
    update_late: Figure
    stalled: Figure
    by_decision: list[Figure]
    by_status: list[Figure]
    # Rows of (decision figure, [figure per status]).
    grid: list[tuple[Figure, list[Figure]]]
    attention: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    movement: list[Figure] = field(default_factory=list)
    # What the committee has done with them: awaiting sign-off, signed off, sent back, escalated, and
    # the responses and targets that came late.
    follow_through: list[Figure] = field(default_factory=list)

    @property
    def chart_height(self):
        return len(self.by_status) * 40 + 10


def list_url(scope, **filters):
    """The recommendations list filtered to ``scope`` (e.g. council=slug) and ``filters``."""
    params = {**scope, **{name: value for name, value in filters.items() if value is not None}}
    return reverse("recommendations:list") + ("?" + urlencode(params) if params else "")


# The follow-through figures: the list filter that shows each, its label, and its rule as a condition,
# counted in the same pass as the rest (a scalar count of the whole scope per figure costs a scan each).
FOLLOW_THROUGH = [
    (
        "awaiting_sign_off",
        "Reported complete, awaiting sign-off",
        lambda today: awaiting_sign_off_condition(),
    ),
    ("signed_off", "Signed off", lambda today: signed_off_condition()),
    ("sent_back", "Sent back", lambda today: sent_back_condition()),
    ("escalated", "Escalated", lambda today: escalated_condition()),
    ("response_late", "Response late", response_late_condition),
    ("slipped", "Target slipped", slipped_condition),
]


def counts_query(recommendations, today=None):
    """The counting the summary replaces, straight from the records (the benchmark times it beside the
    dashboards, and the tests check the summary against it): one group per decision, latest and previous status, with how many are stalled and overdue; and how
    many have an update late.

    The grid, the headline figures and the movement all come from these few
    rows. "Update late" and the follow-through figures are each counted by a
    filter the database works out once (a semi-join), not by a value per row,
    and come with every row.
    """
    today = today or timezone.localdate()
    late = (
        recommendations.update_late(today)
        .order_by()
        .annotate(all=Value(1))
        .values("all")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        recommendations.with_standing(today)
        .order_by()
        .values("decision_key", "status_key", "previous_status", "latest_status")
        .annotate(
            n=Count("pk"),
            stalled=Count("pk", filter=Q(is_stalled=True)),
            overdue=Count("pk", filter=Q(is_overdue=True)),
            update_late=Coalesce(Subquery(late), 0),
            **{name: Count("pk", filter=rule(today)) for name, _, rule in FOLLOW_THROUGH},
        )
    )


def build(recommendations, *, scope, summary, today=None):
    """The dashboard of these recommendations (already limited to what the person may see).

    ``scope`` is the list filter that the figures' links carry, e.g.
    {"council": "oxford-city-council"}; ``summary`` the same scope's tally
    rows (``summaries.of_council(council)`` and the like). Three queries,
    whatever the size: one of the summary counts everything, two find the
    short lists.
    """
    today = today or timezone.localdate()
    standing = recommendations.with_standing(today)
    counted = summaries.read(summary, today)
    groups = counted["groups"]
    decisions, statuses = DECISION_KEYS, STATUS_KEYS
    status_labels = dict(statuses)

    def total(decision=None, status=None, measure="total"):
        return sum(
            row[measure]
            for row in groups
            if (decision is None or row["decision_key"] == decision)
            and (status is None or row["status_key"] == status)
        )

    by_decision = [
        Figure(label, total(decision=key), list_url(scope, decision=key), key) for key, label in decisions
    ]
    by_status = [
        Figure(label, total(status=key), list_url(scope, status=key), key) for key, label in statuses
    ]
    longest = max([f.count for f in by_status] + [1])
    for figure in by_status:
        figure.share = round(100 * figure.count / longest, 1)
    grid = [
        (
            decision,
            [
                Figure(
                    label, total(decision.key, key), list_url(scope, decision=decision.key, status=key), key
                )
                for key, label in statuses
            ],
        )
        for decision in by_decision
    ]

    # In the order of the index, so the database stops at the tenth: the
    # whole list, sortable, is a link away.
    attention = list(
        standing.filter(Q(is_overdue=True) | Q(is_update_late=True) | Q(is_stalled=True))
        .select_related("review__council")
        .order_by("review_id", "position")[:LIST_LENGTH]
    )
    # Found and ordered by the standing row (its status moved; its latest update's date), whose index
    # holds them newest first, so the database stops at the tenth.
    moved = standing.filter(standing__moved_from__gt="")
    if "council" in summary:
        # One council's: said of the standing rows too, the database sorts that council's own (a few
        # thousand at most) rather than reading every council's newest until ten of this one's turn up.
        moved = moved.filter(standing__council_id=summary["council"].pk)
    changed = list(
        moved.select_related("review__council").order_by(summaries.NEWEST_FIRST, "pk")[:LIST_LENGTH]
    )
    transitions: dict[tuple[str, str], int] = {}
    for row in groups:
        if row["moved_from"]:
            key = (row["moved_from"], row["status_key"])
            transitions[key] = transitions.get(key, 0) + row["total"]
    movement = [
        Figure(f"{status_labels[before]} to {status_labels[after]}", n, list_url(scope, status=after))
        for (before, after), n in sorted(transitions.items(), key=lambda item: (-item[1], item[0]))
    ]
    agree, completed = CabinetResponse.Decision.AGREE.value, ProgressUpdate.Status.COMPLETED.value
    follow_through = {
        "awaiting_sign_off": total(measure="awaiting"),
        "signed_off": total(measure="signed"),
        "sent_back": total(measure="back"),
        "escalated": total(measure="chased"),
        "response_late": counted["response_late"],
        "slipped": counted["slipped"],
    }
    return Dashboard(
        total=Figure("Recommendations", total(), list_url(scope)),
        agreed=Figure("Agreed", total(decision=agree), list_url(scope, decision=agree)),
        completed=Figure("Completed", total(status=completed), list_url(scope, status=completed)),
        overdue=Figure("Overdue", counted["overdue"], list_url(scope, overdue="true")),
        update_late=Figure("Update late", counted["update_late"], list_url(scope, update_late="true")),
        stalled=Figure("Stalled", counted["stalled"], list_url(scope, stalled="true")),
        by_decision=by_decision,
        by_status=by_status,
        grid=grid,
        attention=attention,
        changed=changed,
        movement=movement,
        follow_through=[
            Figure(label, follow_through[name], list_url(scope, **{name: "true"}), name)
            for name, label, _ in FOLLOW_THROUGH
        ],
    )
