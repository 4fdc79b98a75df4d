"""The filtered list's pages are stable: every sort ends with the pk, so no recommendation is on two
pages and none is missed, even when many share the value sorted by; and a page costs the same queries
whatever the size of the list."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.history import save_with_history
from recommendations.filters import search
from recommendations.models import CabinetResponse, Recommendation, Status
from tests.conftest import make_recommendation, make_review, make_update

LIST = reverse("recommendations:list")
DAY = datetime.date(2024, 3, 1)


def positions(response):
    return [r.position for r in response.context["page"].object_list]


def every_page(client, query):
    """The positions on each page of the list, in order, page after page."""
    first = client.get(LIST, query)
    pages = [positions(first)]
    for number in range(2, first.context["page"].paginator.num_pages + 1):
        pages.append(positions(client.get(LIST, {**query, "page": number})))
    return pages


def make_many(review, count, *, undated=()):
    """``count`` recommendations, all updated on one day but three (on the day before), ``undated``
    ones never updated. Made in shuffled order of position, so pk and position disagree."""
    order = sorted(range(1, count + 1), key=lambda n: (n * 37) % count)
    for position in order:
        recommendation = make_recommendation(review, position, f"Recommendation {position}.")
        if position in undated:
            continue
        day = DAY - datetime.timedelta(days=1) if position % 40 == 0 else DAY
        make_update(recommendation=recommendation, status=Status.IN_PROGRESS, text="x", update_date=day)


@pytest.mark.parametrize("sort", ["updated", "-updated", "status", "-decision", "council"])
def test_paging_through_a_sort_shows_each_recommendation_once(client, alice, review, sort):
    make_many(review, 110, undated={7, 77})
    client.force_login(alice)

    pages = every_page(client, {"sort": sort})

    shown = [position for page in pages for position in page]
    assert [len(page) for page in pages] == [50, 50, 10]
    assert sorted(shown) == list(range(1, 111))  # none twice, none missing


def test_last_updated_puts_the_never_updated_first_and_newest_first_is_its_exact_reverse(
    client, alice, review
):
    make_many(review, 110, undated={7, 77})
    client.force_login(alice)
    by_pk = list(
        Recommendation.objects.filter(review=review).order_by("pk").values_list("position", flat=True)
    )

    oldest_first = [p for page in every_page(client, {"sort": "updated"}) for p in page]
    newest_first = [p for page in every_page(client, {"sort": "-updated"}) for p in page]

    # never updated (by pk), then the day before (by pk), then the day (by pk)
    day_before = [p for p in by_pk if p % 40 == 0 and p not in (7, 77)]
    on_the_day = [p for p in by_pk if p % 40 and p not in (7, 77)]
    assert oldest_first == [p for p in by_pk if p in (7, 77)] + day_before + on_the_day
    assert newest_first == oldest_first[::-1]


def test_the_csv_lists_last_updated_in_the_order_of_the_pages(client, alice, review):
    make_many(review, 60, undated={5})
    client.force_login(alice)

    paged = [p for page in every_page(client, {"sort": "-updated"}) for p in page]
    response = client.get(LIST, {"sort": "-updated", "format": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [int(row[2]) for row in rows[1:]] == paged


def test_an_update_with_no_date_sorts_with_those_never_updated(client, alice, review):
    make_many(review, 3)
    # An imported update may have neither a date nor a round: its recommendation has no last updated date.
    undated = make_recommendation(review, 4, "Updated, but when?")
    make_update(recommendation=undated, text="Undated.", update_date=None)
    client.force_login(alice)

    assert positions(client.get(LIST, {"sort": "updated"}))[0] == 4
    assert positions(client.get(LIST, {"sort": "-updated"}))[-1] == 4


@pytest.mark.parametrize(
    "query",
    [{"sort": "updated", "page": 2}, {"sort": "-updated"}, {"sort": "updated"}, {"q": "Recommendation"}],
)
def test_a_page_costs_the_same_queries_at_two_sizes(client, alice, review, query):
    client.force_login(alice)
    counts = []
    for size, another in [(60, review), (150, make_review(review.council, "Review of Parks", slug="parks"))]:
        make_many(another, size, undated={1, 2, 3})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST, query)
        assert positions(response)  # a page of them (the second, of 60, has ten)
        counts.append(len(queries))
    # session, user, how many councils the person has (to narrow the options), the filter form's
    # reviews, committees, officers, councils and themes, the count, the page; "Last updated" counts its
    # two parts at once, and reads a page from both where it spans them (oldest first, page 1: the
    # never updated, then the first of the dated); and the header's count of unread notifications
    # One more than before the page was cached: the change count of its councils (the cache key).
    # The count is of the summary rows where they count by the filters (see test_list_counts.py); so
    # "Last updated" counts its first part only for a page past it (page 2 here, after the three never
    # updated), having read it to find it empty.
    # On PostgreSQL a search first asks the database's plan how common its words are, and how many
    # recommendations there are (``filters.common``); and its statements' time limit is set and set back
    # (``common.limits``), in a savepoint here, inside the test's transaction.
    expected = 14 if query.get("page") == 2 else 13 if query.get("sort") == "updated" else 12
    if "q" in query and connection.vendor == "postgresql":
        expected += 2 + 4
    assert counts == [expected, expected]


def test_the_search_counts_the_rows_its_pages_show(client, alice, review):
    make_many(review, 70)
    for position in (3, 33, 63):
        # Found twice over, in an update too: counted once.
        recommendation = Recommendation.objects.get(review=review, position=position)
        make_update(recommendation=recommendation, text="More refuge places.", update_date=DAY)
    make_update(recommendation=make_recommendation(review, 71, "Refuges for all."), text="Begun.")
    client.force_login(alice)

    for query in ({"q": "Recommendation"}, {"q": "refuge", "sort": "-updated"}, {"q": "refuge"}):
        first = client.get(LIST, query)
        shown = [p for page in every_page(client, query) for p in page]
        assert first.context["page"].paginator.count == len(shown) == len(set(shown))
    assert sorted(shown) == [3, 33, 63, 71]


def test_the_search_as_one_union_of_ids_finds_the_same_rows(review):
    make_many(review, 5)
    make_update(recommendation=Recommendation.objects.get(position=2), text="Refuge places.", update_date=DAY)
    make_recommendation(review, 6, "Refuges for all.", CabinetResponse.Decision.AGREE)
    responded = make_recommendation(review, 7, "Training.", CabinetResponse.Decision.AGREE)
    responded.cabinet_response.comment = "Refuge staff first."
    save_with_history(responded.cabinet_response, user=None, reason="Made for a test")
    recommendations = Recommendation.objects.all()

    alternatives = set(search(recommendations, "refuge").values_list("position", flat=True))
    union = set(search(recommendations, "refuge", by_ids=True).values_list("position", flat=True))

    assert alternatives == union == {2, 6, 7}
