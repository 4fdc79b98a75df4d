"""When the executive's response to each review is due, when it came, and how late it is.

A review's response is due its council's period (two months by statute)
after the committee made its recommendations (``Review.response_due_date``,
kept by the reviews' services). The response came on the earliest date
recorded on the responses to its recommendations. Where the recommendations'
date is not known there is no deadline; where responses are recorded without
a date, it is not known whether they were on time: neither is invented.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, OuterRef, Subquery, Value, When

from .models import CabinetResponse


def with_response(reviews):
    """Annotate ``responded_on`` (the earliest recorded response date) and ``has_response``."""
    first = (
        CabinetResponse.objects.filter(recommendation__review=OuterRef("pk"), response_date__isnull=False)
        .order_by("response_date")
        .values("response_date")[:1]
    )
    # Any response at all, found through the review's own recommendations (a correlated lookup: as an
    # EXISTS the planner would hash every response of every council).
    any_response = CabinetResponse.objects.filter(recommendation__review=OuterRef("pk")).values("pk")[:1]
    return reviews.annotate(responded_on=Subquery(first), any_response=Subquery(any_response)).annotate(
        has_response=Case(When(any_response__isnull=False, then=Value(True)), default=Value(False))
    )


@dataclass(frozen=True)
class ResponseStanding:
    due: datetime.date | None
    came: datetime.date | None
    has_response: bool
    today: datetime.date

    @property
    def state(self) -> str:
        """no_deadline, awaiting, overdue (awaiting, past due), on_time, late, or date_unknown."""
        if self.due is None:
            return "no_deadline"
        if self.came is not None:
            return "late" if self.came > self.due else "on_time"
        if self.has_response:
            return "date_unknown"
        return "overdue" if self.today > self.due else "awaiting"

    @property
    def days_late(self) -> int:
        """Days after the due date it came (or, still awaited, today is): 0 if not late."""
        if self.due is None:
            return 0
        end = self.came or (None if self.has_response else self.today)
        return max(0, (end - self.due).days) if end else 0

    @property
    def label(self) -> str:
        return {
            "no_deadline": "No deadline: when the recommendations were made is not recorded",
            "awaiting": "Awaiting the response",
            "overdue": "Response overdue",
            "on_time": "Responded on time",
            "late": "Responded late",
            "date_unknown": "Responded, date not recorded",
        }[self.state]

    @property
    def tag_colour(self) -> str:
        return {
            "no_deadline": "grey",
            "awaiting": "blue",
            "overdue": "red",
            "on_time": "green",
            "late": "orange",
            "date_unknown": "grey",
        }[self.state]


def standing(review, today: datetime.date) -> ResponseStanding:
    """The standing of a review annotated by ``with_response``."""
    return ResponseStanding(review.response_due_date, review.responded_on, review.has_response, today)
