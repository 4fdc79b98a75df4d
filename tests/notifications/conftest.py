"""People and helpers for the notifications' tests."""

import pytest

from councils.models import Membership
from notifications import services
from notifications.models import Preference
from tests.conftest import join, make_user


def prefer(user, email):
    """Set this person's e-mail preference, as the preferences page does."""
    return services.set_email_preference(user=user, email=email, reason="Set for a test")


def follow(user, target, is_following=True):
    return services.set_following(
        user=user, target=target, is_following=is_following, reason="Set for a test"
    )


@pytest.fixture
def mia(testshire):
    """A scrutiny member of Testshire with an e-mail address, who wants e-mail as it happens."""
    user = make_user("mia", first_name="Mia", last_name="Mason", email="mia@testshire.example")
    join(user, testshire, Membership.Role.MEMBER)
    prefer(user, Preference.Email.IMMEDIATE)
    return user


@pytest.fixture
def lead(olive, recommendation):
    """Olive, Testshire's officer, as the recommendation's lead officer."""
    from recommendations import services as recommendation_services

    recommendation_services.assign_lead_officer(
        recommendation=recommendation, user=None, officer=olive, version=recommendation.version
    )
    recommendation.refresh_from_db()
    return olive


@pytest.fixture
def settled(db):
    """Forget the news the other fixtures made (the recommendation's response): name it last."""
    from django.core import mail

    from councils.models import OutboundEmail
    from notifications.models import Event
    from tests.conftest import run_queued_tasks

    run_queued_tasks()
    Event.objects.all().delete()
    OutboundEmail.objects.all().delete()
    mail.outbox.clear()
