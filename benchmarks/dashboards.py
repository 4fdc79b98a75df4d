"""Time the dashboards and the recommendations list against a large data set.

    DATABASE_URL=postgres://... .venv/bin/python benchmarks/dashboards.py [--runs N]

Build the data first, e.g.:

    DATABASE_URL=... .venv/bin/python manage.py generate_demo_data \\
        --councils 400 --reviews-per-council 10 --recommendations-per-review 25 --rounds 4 --seed 1

Each page is requested through Django's test client (middleware, view and
template, no network) by a superuser, who sees every council; the median of
the runs is reported after one warm-up, with the queries one request makes. In the same run it times,
for each dashboard's scope (every council, one council, one review), the
summary rows the dashboard reads and the bare SQL aggregate over the
recommendations that they replace, side by side; and the Django admin's
change list of the same recommendations, and gives the ratios. ``--explain`` prints, for each page,
the plan of its slowest query (its main one) as the database ran it:
``EXPLAIN (ANALYZE, BUFFERS)`` on PostgreSQL, ``EXPLAIN QUERY PLAN`` on
SQLite. Nothing is left behind: the superuser it signs in as is made inside
a transaction that is rolled back.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def median_ms(action, runs, slowest=None):
    """The median time of the runs after a warm-up, in ms, and the queries the warm-up made.

    ``slowest``, a dict, is given the warm-up's slowest query: its ``sql`` and ``params``.
    """
    from django.db import connection

    # Counted as they run: a request resets the debug log that CaptureQueriesContext reads.
    queries = []

    def count(execute, sql, params, many, context):
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append((time.perf_counter() - began, sql, params))

    with connection.execute_wrapper(count):
        action()  # warm-up
    if slowest is not None and queries:
        _, sql, params = max(queries, key=lambda query: query[0])
        slowest.update(sql=sql, params=params)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000, len(queries)


def explain(sql, params):
    """The plan of a query as the database runs it (PostgreSQL) or would (SQLite), as lines of text."""
    from django.db import connection

    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        return [" ".join(str(cell) for cell in row) for row in cursor.fetchall()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--explain", action="store_true", help="print each page's slowest query's plan, as it ran"
    )
    parser.add_argument(
        "--cold", action="store_true", help="empty the page cache before each request: pages as first drawn"
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection, transaction
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from recommendations import dashboard, summaries
    from recommendations.models import Decision, Recommendation, Status
    from reviews.models import Review

    count = Recommendation.objects.count()
    if not count:
        sys.exit("There are no recommendations: build a data set with generate_demo_data first.")
    review = Review.objects.select_related("council").order_by("pk").first()
    council = review.council

    with transaction.atomic():
        admin = get_user_model().objects.create_superuser("benchmark-admin", password="x")
        client = Client(HTTP_HOST="localhost")
        client.force_login(admin)

        def page(url, **params):
            def fetch():
                if args.cold:
                    cache.clear()  # the page as its first reader after a change sees it
                response = client.get(url, params)
                assert response.status_code == 200, (url, response.status_code)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)

            return fetch

        def bare(recommendations):
            sql, params = dashboard.counts_query(recommendations).query.sql_with_params()

            def run():
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    cursor.fetchall()

            return run

        def summary(scope):
            return lambda: summaries.read(scope, timezone.localdate())

        scopes = {
            "all councils": (Recommendation.objects.all(), summaries.everywhere()),
            "one council": (
                Recommendation.objects.filter(review__council=council),
                summaries.of_council(council),
            ),
            "one review": (Recommendation.objects.filter(review=review), summaries.of_review(review)),
        }
        side_by_side = {
            name: (median_ms(summary(rows), args.runs), median_ms(bare(recommendations), args.runs))
            for name, (recommendations, rows) in scopes.items()
        }
        pages = {
            "dashboard, all councils": page(reverse("home")),
            "dashboard, one council": page(council.get_absolute_url()),
            "review page with its dashboard": page(review.get_absolute_url()),
            "filtered list, page 1": page(
                reverse("recommendations:list"), decision=Decision.AGREE, status=Status.IN_PROGRESS
            ),
            "list by last updated, page 1": page(reverse("recommendations:list"), sort="updated"),
            "list by last updated, newest, page 3": page(
                reverse("recommendations:list"), sort="-updated", page=3
            ),
            **{
                f"list by {sort}, page 1": page(reverse("recommendations:list"), sort=sort)
                for sort in ("council", "review", "number", "decision", "status", "-status")
            },
            "free-text search": page(reverse("recommendations:list"), q="refuge"),
            "search, a word in most": page(reverse("recommendations:list"), q="council"),
            "search, a word left out": page(reverse("recommendations:list"), q="-council"),
            "search, a phrase": page(reverse("recommendations:list"), q='"young people"'),
            "recommendation page": page(
                review.recommendations.order_by("position").first().get_absolute_url()
            ),
            "Django admin change list": page(reverse("admin:recommendations_recommendation_changelist")),
        }
        timings, plans = {}, {}
        for name, action in pages.items():
            slowest: dict = {}
            timings[name] = median_ms(action, args.runs, slowest)
            if args.explain and slowest:
                plans[name] = explain(slowest["sql"], slowest["params"])
        transaction.set_rollback(True)

    kept = (
        "none of it cached (the cache emptied before each request)" if args.cold else "what is cached, cached"
    )
    print(f"{connection.vendor}, {count:,} recommendations, median of {args.runs} runs, {kept}:")
    for name, (ms, queries) in timings.items():
        print(f"  {name:42} {ms:8.1f} ms  {queries:3} queries")
    print("  the counting of each dashboard: its summary rows, and the bare SQL aggregate they replace")
    scope_pages = {"all councils": "dashboard, all councils", "one council": "dashboard, one council"}
    scope_pages["one review"] = "review page with its dashboard"
    for name, ((rows_ms, _), (bare_ms, _)) in side_by_side.items():
        page_ms = timings[scope_pages[name]][0]
        print(
            f"  {name:14} summary {rows_ms:7.1f} ms, bare aggregate {bare_ms:7.1f} ms; "
            f"page / bare aggregate {page_ms / bare_ms:.2f}x"
        )
    home = timings["dashboard, all councils"][0]
    print(f"  dashboard / admin change list: {home / timings['Django admin change list'][0]:.2f}x")
    for name, plan in plans.items():
        print(f"\n{name}: the plan of its slowest query")
        for line in plan:
            print(f"    {line}")


if __name__ == "__main__":
    main()
