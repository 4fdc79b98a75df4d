"""The figures committees are judged by, overall and by committee, portfolio and year of recommendation.

Acceptance, implementation within 12 and 24 months of the response, responses
on time, the median days from response to sign-off, the age of what is open,
and slipped targets. Three grouped queries whatever the data size: the
recommendations grouped by what the figures split them by, the sign-offs
grouped by their dates, and one row per review for the responses on time.
Python adds the rows up (the calendar months and the median are worked out
here, the same way on every database).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from common.dates import add_months, months_before

from .models import Decision, SignOff, signed_off_condition, slipped_condition

NOT_RECORDED = "Not recorded"
# The decisions that accept a recommendation, and those that decide it (Noted and no response do neither).
ACCEPTING = [Decision.AGREE, Decision.IN_PART]
DECIDING = [*ACCEPTING, Decision.DISAGREE]
# The months within which implementation is measured.
WITHIN = (12, 24)
# How long an open recommendation has been open: its key, its label, and the months it is under.
AGE_BANDS = [
    ("under_6", "Under 6 months", 6),
    ("6_to_12", "6 to 12 months", 12),
    ("12_to_24", "12 to 24 months", 24),
    ("over_24", "Over 24 months", None),
]
AGE_UNKNOWN = ("unknown", "Age not known")


def per_cent(count, out_of):
    """``count`` as a whole per cent of ``out_of`` (halves round up), or None where there is nothing to divide."""
    return (200 * count + out_of) // (2 * out_of) if out_of else None


def age_band(start, today):
    """The age band of an item open since ``start`` (None: not known)."""
    if start is None:
        return AGE_UNKNOWN[0]
    for key, _, under in AGE_BANDS:
        if under is None or start > months_before(today, under):
            return key
    raise AssertionError("the last band has no upper bound")


def median(counts: Counter) -> float | None:
    """The median of values given as {value: how many}."""
    total = sum(counts.values())
    if not total:
        return None
    # The value at each middle place (one for an odd total, two for an even one), walking the sorted values.
    middle = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value, n in sorted(counts.items()):
        found += [value for place in middle if seen <= place < seen + n]
        seen += n
    return sum(found) / 2


@dataclass
class Group:
    """The figures of one group of recommendations: all of them, or one committee, portfolio or year."""

    label: str
    # The list filters that pick out this group, added to the page's scope; None where the list has none.
    filters: dict | None
    scope: dict
    recommendations: int = 0
    decided: int = 0
    accepted: int = 0
    # Per months in WITHIN: how many may be judged, and how many were signed off within them.
    eligible: dict = field(default_factory=lambda: dict.fromkeys(WITHIN, 0))
    implemented: dict = field(default_factory=lambda: dict.fromkeys(WITHIN, 0))
    # Days from response to sign-off: {days: how many}.
    days: Counter = field(default_factory=Counter)
    # Reviews: answered on time, late, not yet due, left out (no due date, or a response of unknown date).
    on_time: int = 0
    late: int = 0
    not_due: int = 0
    left_out: int = 0
    # Whether responses on time are counted for this kind of group (not by portfolio: a review is due as a whole).
    has_responses: bool = True
    open: int = 0
    ages: Counter = field(default_factory=Counter)
    slipped: int = 0

    def _url(self, **filters):
        if self.filters is None:
            return ""
        params = {**self.scope, **self.filters, **filters}
        return reverse("recommendations:list") + ("?" + urlencode(params, doseq=True) if params else "")

    @property
    def acceptance(self):
        return per_cent(self.accepted, self.decided)

    @property
    def accepted_url(self):
        return self._url(decision=ACCEPTING)

    @property
    def decided_url(self):
        return self._url(decision=DECIDING)

    @property
    def slipped_url(self):
        return self._url(slipped="true")

    @property
    def within_12(self):
        return per_cent(self.implemented[12], self.eligible[12])

    @property
    def within_24(self):
        return per_cent(self.implemented[24], self.eligible[24])

    @property
    def responses_judged(self):
        return self.on_time + self.late

    @property
    def responses_on_time(self):
        return per_cent(self.on_time, self.responses_judged)

    @property
    def signed_off(self):
        return sum(self.days.values())

    @property
    def median_days(self):
        return median(self.days)

    @property
    def age_counts(self):
        """(label, how many) for each age band, then those of unknown age."""
        return [(label, self.ages[key]) for key, label, _ in [*AGE_BANDS, (*AGE_UNKNOWN, None)]]

    def lines(self):
        """Each figure as (figure, number, out of, per cent): the rows of the CSV."""
        yield "Acceptance rate", self.accepted, self.decided, self.acceptance
        for months in WITHIN:
            count, out_of = self.implemented[months], self.eligible[months]
            yield f"Implemented within {months} months", count, out_of, per_cent(count, out_of)
        if self.has_responses:
            yield "Responses on time (reviews)", self.on_time, self.responses_judged, self.responses_on_time
            yield (
                "Responses late (reviews)",
                self.late,
                self.responses_judged,
                per_cent(self.late, self.responses_judged),
            )
            yield "Responses not yet due (reviews)", self.not_due, "", None
            yield "Left out of responses on time (reviews)", self.left_out, "", None
        yield "Median days from response to sign-off", self.median_days, self.signed_off, None
        for label, count in self.age_counts:
            yield f"Open: {label.lower()}", count, self.open, None
        yield "Targets slipped", self.slipped, self.recommendations, None


@dataclass
class Figures:
    url: str
    today: datetime.date
    overall: Group
    by_committee: list[Group]
    by_portfolio: list[Group]
    by_year: list[Group]

    @property
    def breakdowns(self):
        """(name, groups) of each breakdown, in the page's order."""
        return [
            ("Committee", self.by_committee),
            ("Portfolio", self.by_portfolio),
            ("Year of recommendation", self.by_year),
        ]

    @property
    def csv_url(self):
        return self.url + "?format=csv"

    @property
    def late_responses_url(self):
        return self.overall._url(response_late="true")

    def csv_rows(self):
        yield ["Breakdown", "Group", "Figure", "Number", "Out of", "Per cent"]
        for name, groups in [("All", [self.overall]), *self.breakdowns]:
            for group in groups:
                for figure, number, out_of, share in group.lines():
                    yield [name, group.label, figure, "" if number is None else number, out_of, share]


def recommendation_rows(recommendations, today):
    """The recommendations grouped by committee, portfolio, year, decision, dates and whether finished."""
    return (
        recommendations.with_progress()
        .order_by()
        .values(
            "is_finished",
            committee_pk=F("review__committee_id"),
            committee_name=F("review__committee__name"),
            role=F("cabinet_response__responder_role"),
            recommended=F("review__recommended_date"),
            decided_as=F("cabinet_response__decision"),
            responded=F("cabinet_response__response_date"),
        )
        .annotate(
            n=Count("pk"),
            signed=Count("pk", filter=signed_off_condition()),
            slipped_n=Count("pk", filter=slipped_condition(today)),
        )
    )


def sign_off_rows(recommendations):
    """The standing sign-offs of accepted recommendations with a response date, grouped by their dates.

    The standing sign-off is the latest assessment of the recommendation's
    latest update, which is a sign-off (``signed_off()`` says the latest is).
    """
    latest = SignOff.objects.filter(update=OuterRef("latest_progress__update")).order_by(
        "-recorded_at", "-pk"
    )
    return (
        recommendations.signed_off()
        .filter(cabinet_response__decision__in=ACCEPTING, cabinet_response__response_date__isnull=False)
        .order_by()
        .annotate(
            met=Subquery(latest.values("meeting_date")[:1]),
            recorded=Subquery(latest.annotate(day=TruncDate("recorded_at")).values("day")[:1]),
        )
        .values(
            "met",
            "recorded",
            committee_pk=F("review__committee_id"),
            committee_name=F("review__committee__name"),
            role=F("cabinet_response__responder_role"),
            recommended=F("review__recommended_date"),
            responded=F("cabinet_response__response_date"),
        )
        .annotate(n=Count("pk"))
    )


def review_rows(recommendations):
    """One row per review: its due date, its earliest response date, and how many responses have no date."""
    return (
        recommendations.order_by()
        .values(
            "review_id",
            committee_pk=F("review__committee_id"),
            committee_name=F("review__committee__name"),
            recommended=F("review__recommended_date"),
            due=F("review__response_due_date"),
        )
        .annotate(
            first=Min("cabinet_response__response_date"),
            undated=Count(
                "pk", filter=Q(cabinet_response__isnull=False, cabinet_response__response_date__isnull=True)
            ),
        )
    )


def response_timing(row, today):
    """Whether a review was answered "on_time", "late", is "not_due" yet, or is "left_out"."""
    due, first = row["due"], row["first"]
    if due is None or row["undated"]:
        return "left_out"
    if first is not None:
        return "on_time" if first <= due else "late"
    return "late" if due < today else "not_due"


def build(recommendations, *, scope, url, today=None) -> Figures:
    """The figures of these recommendations (already limited to what the person may see).

    ``scope`` is the list filter the links carry (as the dashboard's); ``url``
    the figures page. Three queries, whatever the size.
    """
    today = today or timezone.localdate()
    groups: dict[tuple, Group] = {}

    def group(kind, key, label, filters):
        if (kind, key) not in groups:
            groups[kind, key] = Group(label, filters, scope, has_responses=kind != "portfolio")
        return groups[kind, key]

    def groups_of(row, *, portfolio=True):
        committee = row["committee_pk"]
        year = row["recommended"].year if row["recommended"] else None
        found = [
            group("all", None, "All", {}),
            group(
                "committee",
                committee,
                row["committee_name"] or NOT_RECORDED,
                {"committee": committee} if committee else None,
            ),
            group("year", year, str(year) if year else NOT_RECORDED, None),
        ]
        if portfolio:
            role = (row["role"] or "").strip()
            found.append(group("portfolio", role, role or NOT_RECORDED, None))
        return found

    # The dates each window began (for the recommendation rows) and ended (for each response date).
    began = {months: months_before(today, months) for months in WITHIN}
    for row in recommendation_rows(recommendations, today):
        n, responded = row["n"], row["responded"]
        for each in groups_of(row):
            each.recommendations += n
            each.slipped += row["slipped_n"]
            if row["decided_as"] in DECIDING:
                each.decided += n
            if row["decided_as"] in ACCEPTING:
                each.accepted += n
                for months in WITHIN:
                    # Judged once the months have passed since the response, or once signed off.
                    if responded is not None:
                        each.eligible[months] += n if responded <= began[months] else row["signed"]
            if not row["is_finished"]:
                each.open += n
                each.ages[age_band(responded or row["recommended"], today)] += n

    for row in sign_off_rows(recommendations):
        signed_on, responded = row["met"] or row["recorded"], row["responded"]
        within = [months for months in WITHIN if signed_on <= add_months(responded, months)]
        for each in groups_of(row):
            each.days[(signed_on - responded).days] += row["n"]
            for months in within:
                each.implemented[months] += row["n"]

    for row in review_rows(recommendations):
        timing = response_timing(row, today)
        for each in groups_of(row, portfolio=False):
            setattr(each, timing, getattr(each, timing) + 1)

    def listed(kind):
        found = [g for (k, _), g in groups.items() if k == kind]
        return sorted(found, key=lambda g: (g.label == NOT_RECORDED, g.label.casefold()))

    by_year = [g for (k, _), g in sorted(groups.items(), key=_year_order) if k == "year"]
    return Figures(
        url=url,
        today=today,
        overall=groups.get(("all", None)) or Group("All", {}, scope),
        by_committee=listed("committee"),
        by_portfolio=listed("portfolio"),
        by_year=by_year,
    )


def _year_order(item):
    (kind, year), _ = item
    return (kind, year is None, -(year or 0)) if kind == "year" else (kind, False, 0)
