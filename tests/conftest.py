"""Personas and small builders shared by the tests (after healthchecks' hc/test.py)."""

import email
import email.policy
import io
import os
import re
import socket
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import call_command

from councils.models import Committee, Council, Membership
from recommendations import services
from recommendations.models import CabinetResponse
from reviews.models import Review

# Playwright runs an event loop in the test thread; the ORM calls made by the
# tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SOURCES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
SEEDS = sorted(SOURCES.glob("*.txt"))


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with nothing cached: the database is rolled back between tests, and with it the
    change counts a cached page's key holds, so a page cached by one test could match another's."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def without_tokens(response):
    """The page without its per-request CSRF token (masked afresh for every response)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def seed(name):
    """The path of the seed paper whose file name starts with ``name``."""
    (path,) = [path for path in SEEDS if path.name.startswith(name)]
    return path


def make_user(username, **fields):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=username, password="password", **fields)
    return user


def make_council(name="Testshire County Council", slug=None):
    return Council.objects.create(name=name, slug=slug or name.lower().replace(" ", "-"))


def make_review(council, title="Review of Libraries", slug=None):
    committee, _ = Committee.objects.get_or_create(council=council, name="Scrutiny Committee")
    return Review.objects.create(
        council=council, committee=committee, title=title, slug=slug or f"{council.slug}-libraries"
    )


def make_recommendation(
    review, position=1, text="That the Council opens the library on Sundays.", decision=None
):
    recommendation = services.add_recommendation(
        review=review, user=None, reason="Made for a test", position=position, text=text
    )
    if decision:
        services.save_response(
            recommendation=recommendation,
            user=None,
            version=None,
            decision=decision,
            decision_wording=decision.label,
        )
    return recommendation


def join(user, council, role=Membership.Role.MEMBER):
    return Membership.objects.create(user=user, council=council, role=role)


@pytest.fixture
def alice(db):
    """A scrutiny member of Testshire."""
    return make_user("alice", first_name="Alice", last_name="Ashby")


@pytest.fixture
def bob(db):
    """A scrutiny member of another council."""
    return make_user("bob", first_name="Bob")


@pytest.fixture
def testshire(db, alice):
    council = make_council()
    join(alice, council)
    return council


@pytest.fixture
def otherton(db, bob):
    council = make_council("Otherton Borough Council", "otherton")
    join(bob, council)
    return council


@pytest.fixture
def seeded(db):
    """The five seed papers, imported."""
    call_command("import_report", *map(str, SEEDS), stdout=io.StringIO())


@pytest.fixture
def olive(db, testshire):
    """An officer of Testshire."""
    user = make_user("olive", first_name="Olive", last_name="Okafor", email="olive@testshire.example")
    join(user, testshire, Membership.Role.OFFICER)
    return user


@pytest.fixture
def adam(db, testshire):
    """A council admin of Testshire."""
    user = make_user("adam", first_name="Adam", email="adam@testshire.example")
    join(user, testshire, Membership.Role.ADMIN)
    return user


@pytest.fixture
def oscar(db, otherton):
    """An officer of Otherton, another council."""
    user = make_user("oscar", first_name="Oscar")
    join(user, otherton, Membership.Role.OFFICER)
    return user


@pytest.fixture
def review(testshire):
    return make_review(testshire)


@pytest.fixture
def recommendation(review):
    return make_recommendation(review, decision=CabinetResponse.Decision.IN_PART)


def make_update(*, recommendation, user=None, **fields):
    """A progress update, recorded as the officers' pages record one."""
    return services.record_update(
        recommendation=recommendation, user=user, reason="Made for a test", **fields
    )


def run_queued_tasks() -> int:
    """Run every task that is due, as `manage.py db_worker --batch` would; how many ran."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.finished().count()
    # The command's own Worker, without the signal handlers it installs for a real process, and
    # keeping the test's connection (the worker closes connections left in a transaction, as a
    # test's is).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="tests",
            excluded_queue_names=[],
        )
        worker.run()
    return DBTaskResult.objects.finished().count() - before


@pytest.fixture
def run_tasks(db):
    """Call it to run the tasks queued so far; it returns how many ran."""
    return run_queued_tasks


class SMTPServer:
    """A real SMTP server on the loopback interface; ``messages`` holds what it received, parsed."""

    def __init__(self):
        self.messages: list[email.message.Message] = []
        self.envelopes: list = []
        self.refuse = 0  # answer the next N messages with a temporary failure

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            self.refuse -= 1
            return "451 Try again later"
        self.envelopes.append(envelope)
        self.messages.append(email.message_from_bytes(envelope.original_content, policy=email.policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """Send e-mail through an SMTP server started on 127.0.0.1 for the test."""
    from aiosmtpd.controller import Controller

    handler = SMTPServer()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()
