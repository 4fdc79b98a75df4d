"""How the Word papers' time grows with the number of recommendations, in a throw-away test database.

    .venv/bin/python benchmarks/word_growth.py [--sizes 250 500 1000 2000] [--repeat N] [--papers ...]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scrutiny .venv/bin/python benchmarks/word_growth.py

For each size it generates a review of that many recommendations with two
rounds of updates and a third with none yet (every position carried forward),
one recommendation in 50 with follow-through (made as benchmarks/papers.py
makes its review). Each round's Word papers are fetched through the test client
as a signed-in member (view, queries, building the paper and writing the .docx),
and the writing of the .docx alone is timed from the same built paper; each
run times every size in turn. Prints
the median and the spread (fastest-slowest) of N runs, and the median and the
fastest as a multiple of the size before: on a doubling of the size, linear
growth doubles the time and quadratic growth quadruples it.
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

PAPERS = ("update-report", "update-table", "covering-report")


def timed(action, repeat):
    """The median, fastest and slowest of ``repeat`` runs of ``action``, in ms."""
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings), min(timings), max(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--papers", nargs="+", choices=PAPERS, default=list(PAPERS), help="(default: all three)"
    )
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_databases, teardown_databases

    from councils.models import Membership
    from papers.registry import PAPERS as KINDS
    from tests.conftest import join, make_user
    from tests.papers.builders import add_follow_through, make_big_review

    settings.ALLOWED_HOSTS = ["testserver"]
    config = setup_databases(verbosity=0, interactive=False)
    try:
        user = make_user("benchmark")
        client = Client()
        client.force_login(user)
        actions = {}  # (paper, round, part) -> {size: action}
        for size in args.sizes:
            start = time.perf_counter()
            review, rounds = make_big_review(size, rounds=2, slug=f"generated-{size}", next_round=True)
            add_follow_through(review)
            join(user, review.council, Membership.Role.MEMBER)
            print(f"generated {size:,} recommendations in {time.perf_counter() - start:.1f} s", flush=True)
            for round_label, update_round in [("updated", rounds[-2]), ("carried", rounds[-1])]:
                for slug in args.papers:
                    kind = KINDS[slug]
                    url = kind.url(review, update_round, "docx")

                    def fetch(url=url):
                        response = client.get(url)
                        assert response.status_code == 200, (url, response.status_code)

                    built = kind.make(review, update_round=update_round)
                    for part, action in [
                        ("request", fetch),
                        ("writing", lambda kind=kind, built=built: kind.render(built, "docx")),
                    ]:
                        action()  # warm-up
                        actions.setdefault((slug, round_label, part), {})[size] = action
        # The sizes side by side, taken in turn in every run: on a shared machine a busy moment then
        # slows all of them, not one size's runs.
        timings: dict = {key: {size: [] for size in by_size} for key, by_size in actions.items()}
        for _ in range(args.repeat):
            for key, by_size in actions.items():
                for size, action in by_size.items():
                    timings[key][size].append(timed(action, 1)[0])
        results = {
            key: {size: (statistics.median(t), min(t), max(t)) for size, t in by_size.items()}
            for key, by_size in timings.items()
        }
    finally:
        teardown_databases(config, verbosity=0)

    sizes = args.sizes
    print(f"\n{connection.vendor}, median (fastest-slowest) of {args.repeat} runs, in ms; under each, the")
    print("median and the fastest as a multiple of the size before (linear growth: x2, quadratic: x4)\n")
    print(f"{'paper':16} {'round':8} {'part':8} " + " ".join(f"{size:>18,}" for size in sizes))
    for (slug, round_label, part), by_size in results.items():
        cells = [f"{m:6.0f} ({f:.0f}-{s:.0f})".rjust(18) for m, f, s in (by_size[size] for size in sizes)]
        print(f"{slug:16} {round_label:8} {part:8} " + " ".join(cells))
        ratios = [" " * 18] + [
            f"x{by_size[size][0] / by_size[before][0]:.2f} x{by_size[size][1] / by_size[before][1]:.2f}".rjust(
                18
            )
            for before, size in zip(sizes, sizes[1:], strict=False)
        ]
        print(f"{'':34} " + " ".join(ratios))


if __name__ == "__main__":
    main()
