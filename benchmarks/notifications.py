"""Time the fan-out of one change to 10,000 followers, and their daily digests, counting the queries.

    [DATABASE_URL=postgres://...] .venv/bin/python benchmarks/notifications.py [--followers N]

It builds its own throwaway test database (as the test suite does), with one
council whose N scrutiny members follow its reviews by default, records one
progress update, then times the fan-out (the task's work) and the daily digest
job, and reports the queries each made: the fan-out's grow by one per batch of
1,000 notifications; the digest's are fixed per batch of 500 people, and each
e-mail adds the outbox's own (its row and its delivery task). The database is
destroyed at the end.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def counted(action):
    """Run the action; its result, the seconds it took and the queries it made."""
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        start = time.perf_counter()
        result = action()
        seconds = time.perf_counter() - start
    return result, seconds, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=10_000)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args.followers)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def run(followers):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import connection
    from django.utils import timezone

    from councils.models import Membership, OutboundEmail
    from notifications import schedule, services
    from notifications.models import Event, Notification
    from tests.conftest import make_council, make_recommendation, make_review, make_update, make_user

    User = get_user_model()
    council = make_council()
    recommendation = make_recommendation(make_review(council))
    officer = make_user("officer")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(username=f"member{i}", email=f"member{i}@example.org", password=password)
            for i in range(followers)
        ],
        batch_size=2000,
    )
    members = User.objects.filter(username__startswith="member")
    Membership.objects.bulk_create(
        [
            Membership(user_id=pk, council=council, role=Membership.Role.MEMBER)
            for pk in members.values_list("pk", flat=True)
        ],
        batch_size=2000,
    )
    Event.objects.all().delete()  # the set-up's own news
    make_update(recommendation=recommendation, user=officer, text="Begun.")
    event = Event.objects.get()
    print(f"{connection.vendor}, {followers:,} followers of one council")

    told, seconds, queries = counted(lambda: services.fan_out(event_id=event.pk))
    # SQLite takes at most 999 parameters a statement, so Django makes its inserts smaller there.
    fields = [f for f in Notification._meta.concrete_fields if not f.primary_key]
    batch = min(services.BATCH_SIZE, connection.ops.bulk_batch_size(fields, [None] * told) or told)
    batches = -(-told // batch)
    print(
        f"fan-out: {told:,} notifications in {seconds * 1000:,.0f} ms, {queries} queries: "
        f"{batches} inserts of up to {batch:,} rows, and {queries - batches} besides"
    )

    summary, seconds, queries = counted(lambda: schedule.send_daily_digests(timezone.now()))
    emails = OutboundEmail.objects.filter(kind="digest").count()
    batches = -(-emails // schedule.DIGEST_BATCH)
    per_email = 4  # queue_email: its savepoint pair, the outbox row, the delivery task
    besides = queries - per_email * emails
    print(f"digest: {summary}")
    print(
        f"digest: {emails:,} e-mails in {seconds * 1000:,.0f} ms, {queries:,} queries: "
        f"{per_email} per e-mail (the outbox's) and {besides} for {batches} batch(es) of "
        f"{schedule.DIGEST_BATCH} people, i.e. {besides / batches:.1f} a batch (with one last look that finds no one)"
    )
    assert Notification.objects.awaiting_digest().count() == 0

    again, seconds, queries = counted(lambda: schedule.send_daily_digests(timezone.now()))
    print(f"digest run again: {again} ({queries} queries, {seconds * 1000:,.0f} ms)")


if __name__ == "__main__":
    main()
