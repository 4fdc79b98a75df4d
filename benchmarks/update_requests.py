"""Time opening a round on a big review: the web request, and the worker's requests to the officers.

    .venv/bin/python benchmarks/update_requests.py [--recommendations 1000] [--officers 200] [--repeat 3]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scrutiny .venv/bin/python benchmarks/update_requests.py

In a throw-away test database: one review of N recommendations, led by M officers in turn. Each run
opens a round through the "Open an update round" page as a council admin (what the admin waits
for: the round and one queued task), then runs the worker, which queues one e-mail per officer
in the outbox and sends them (to Django's in-memory mail backend). Prints the median and range
of each, and the queries of each; the request's queries do not grow with the review.
"""

import argparse
import datetime
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
    parser.add_argument("--recommendations", type=int, default=1000)
    parser.add_argument("--officers", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_databases, teardown_databases
    from django.urls import reverse
    from django.utils import timezone

    from councils.models import Committee, Membership, OutboundEmail
    from recommendations.models import Recommendation
    from tests.conftest import join, make_council, make_review, make_user, run_queued_tasks

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    config = setup_databases(verbosity=0, interactive=False)
    try:
        council = make_council()
        review = make_review(council)
        admin = make_user("benchadmin", email="admin@bench.example")
        join(admin, council, Membership.Role.ADMIN)
        officers = []
        for number in range(args.officers):
            officer = make_user(f"officer{number}", email=f"officer{number}@bench.example")
            join(officer, council, Membership.Role.OFFICER)
            officers.append(officer)
        Recommendation.objects.bulk_create(
            Recommendation(
                review=review,
                position=position,
                text=f"Recommendation {position}.",
                lead_officer=officers[position % len(officers)],
            )
            for position in range(1, args.recommendations + 1)
        )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        client = Client()
        client.force_login(admin)
        committee = Committee.objects.get(council=council)
        url = reverse("reviews:open-round", args=[council.slug, review.slug])
        request_times, worker_times = [], []
        for run in range(args.repeat):
            meeting = timezone.localdate() + datetime.timedelta(days=60 + run)
            due = meeting - datetime.timedelta(days=14)
            form = {
                "committee": committee.pk,
                **{f"meeting_date_{i}": v for i, v in enumerate((meeting.day, meeting.month, meeting.year))},
                **{f"due_date_{i}": v for i, v in enumerate((due.day, due.month, due.year))},
            }
            with CaptureQueriesContext(connection) as request_queries:
                start = time.perf_counter()
                response = client.post(url, form)
                request_times.append(time.perf_counter() - start)
            assert response.status_code == 302, response.status_code
            before = OutboundEmail.objects.count()
            with CaptureQueriesContext(connection) as worker_queries:
                start = time.perf_counter()
                run_queued_tasks()
                worker_times.append(time.perf_counter() - start)
            queued = OutboundEmail.objects.count() - before
            # Each officer owes every open round: one request each for the new one.
            assert queued == args.officers, queued
        print(
            f"{connection.vendor}, {args.recommendations} recommendations, {args.officers} lead officers, "
            f"{args.repeat} runs"
        )
        for name, times, queries in [
            ("open the round (web request)", request_times, len(request_queries)),
            ("worker: requests queued and sent", worker_times, len(worker_queries)),
        ]:
            print(
                f"  {name:36} median {statistics.median(times) * 1000:8.1f} ms  "
                f"range {min(times) * 1000:.1f}-{max(times) * 1000:.1f} ms  {queries} queries"
            )
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
