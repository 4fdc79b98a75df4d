"""Time each committee paper (page, Word, CSV; now and "as at"), in a throw-away test database.

    .venv/bin/python benchmarks/papers.py [--repeat N] [--size N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scrutiny .venv/bin/python benchmarks/papers.py

Two reviews: Oxford's, from the seed papers (48 recommendations, one round),
and a generated one of 1,000 recommendations with 4 rounds of updates and a
fifth round with none yet (its papers carry every position forward), made
with history; one recommendation in 50 has a revised target date and is
signed off, not accepted, or escalated. Each paper is fetched through the test client as a signed-in
member, so the timings include the view, the queries and the rendering.
Prints the median and fastest of N runs, and the number of queries.
"""

import argparse
import io
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=1000, help="recommendations in the generated review")
    args = parser.parse_args()
    # Static files are served from the finders here; there is no collectstatic output.
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases
    from django.urls import reverse
    from django.utils import timezone

    from councils.models import Membership
    from papers.registry import PAPERS
    from reviews.models import Review
    from tests.conftest import SEEDS, join, make_user
    from tests.papers.builders import add_follow_through, make_big_review

    settings.ALLOWED_HOSTS = ["testserver"]
    config = setup_databases(verbosity=0, interactive=False)
    try:
        call_command("import_report", *map(str, SEEDS), stdout=io.StringIO())
        oxford = Review.objects.select_related("council").get(slug="domestic-abuse-review-group")
        start = time.perf_counter()
        big, rounds = make_big_review(args.size, rounds=4, slug="generated", next_round=True)
        add_follow_through(big)  # target dates, sign-offs, escalations for one in 50
        print(f"generated {args.size} recommendations x 4 rounds in {time.perf_counter() - start:.1f} s")
        reviews = [
            ("Oxford (48 recs, 1 round)", oxford, oxford.rounds.get().meeting_date),
            (f"generated ({args.size}, updated round)", big, rounds[-2].meeting_date),
            (f"generated ({args.size}, carried forward)", big, rounds[-1].meeting_date),
        ]
        user = make_user("benchmark")
        for council in {review.council for _, review, _ in reviews}:
            join(user, council, Membership.Role.MEMBER)
        client = Client()
        client.force_login(user)
        today = timezone.localdate().isoformat()

        print(f"\n{connection.vendor}, median / fastest of {args.repeat} runs, queries")
        print(
            f"{'review':36} {'paper':18} {'output':6} {'when':6} {'median':>9} {'fastest':>9} {'queries':>8}"
        )
        for label, review, meeting in reviews:
            for paper, kind in PAPERS.items():
                if "carried" in label and not kind.of_round:
                    continue  # the review's own paper: timed once
                for output in ["" if f == "html" else f"-{f}" for f in kind.formats]:
                    for when, query in [("now", {}), ("as at", {"as_at": today})]:
                        url_args = [review.council.slug, review.slug] + ([meeting] if kind.of_round else [])
                        url = reverse(f"papers:{paper}{output}", args=url_args)
                        timings = []
                        for _ in range(args.repeat):
                            with CaptureQueriesContext(connection) as queries:
                                began = time.perf_counter()
                                response = client.get(url, query)
                                timings.append(time.perf_counter() - began)
                            assert response.status_code == 200, (url, response.status_code)
                        print(
                            f"{label:36} {paper:18} {output.strip('-') or 'html':6} {when:6} "
                            f"{statistics.median(timings) * 1000:7.0f}ms {min(timings) * 1000:7.0f}ms "
                            f"{len(queries):8}"
                        )
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
