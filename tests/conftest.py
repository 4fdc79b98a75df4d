"""Personas and small builders shared by the tests (after healthchecks' hc/test.py)."""

import io
import os
from pathlib import Path

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
