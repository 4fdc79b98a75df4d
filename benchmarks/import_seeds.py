"""Time the import of the five seed papers, in a throw-away test database.

    .venv/bin/python benchmarks/import_seeds.py [--repeat N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scrutiny .venv/bin/python benchmarks/import_seeds.py

Each run imports all five papers into an empty database and rolls back, so
every run does the same work. Prints the median and the fastest run.
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection, transaction
    from django.test.utils import setup_databases, teardown_databases

    from importing.services import import_papers

    files = [(path.name, path.read_bytes()) for path in sorted((ROOT / "fixtures" / "sources").glob("*.txt"))]
    config = setup_databases(verbosity=0, interactive=False)
    try:
        timings = []
        for _ in range(args.repeat):
            with transaction.atomic():
                start = time.perf_counter()
                outcomes = import_papers(files=files)
                timings.append(time.perf_counter() - start)
                transaction.set_rollback(True)
        created = sum(outcome.recommendations for outcome in outcomes)
        print(
            f"{connection.vendor}: imported {len(files)} papers ({created} recommendations) "
            f"in a median {statistics.median(timings) * 1000:.0f} ms, fastest {min(timings) * 1000:.0f} ms "
            f"over {args.repeat} runs"
        )
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
