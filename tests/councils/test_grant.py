"""grant: set up a council's people without the Django admin."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from councils.models import Membership


def grant(*args, **options):
    out = io.StringIO()
    call_command("grant", *args, stdout=out, **options)
    return out.getvalue()


def test_grant_creates_a_user_with_a_one_time_password(testshire, client):
    output = grant("newbie", council="testshire-county-council", role="officer", create=True)

    user = get_user_model().objects.get(username="newbie")
    assert Membership.objects.get(user=user).role == "officer"
    password = output.split("One-time password: ")[1].split()[0]
    assert client.login(username="newbie", password=password)
    assert "newbie is now officer of Testshire County Council." in output


def test_grant_changes_a_role_and_says_when_nothing_changes(alice, testshire):
    assert "alice is now council admin" in grant("alice", council=testshire.slug, role="admin")
    assert Membership.objects.get(user=alice).role == "admin"
    assert "alice was already council admin" in grant("alice", council=testshire.slug, role="admin")
    assert Membership.objects.get(user=alice).history.count() == 2
    latest = Membership.objects.get(user=alice).history.first()
    assert (latest.history_user.username, latest.history_change_reason) == (
        "command-line",
        "Role changed to council admin",
    )


def test_grant_records_who_granted_it(alice, adam, testshire):
    grant("alice", council=testshire.slug, role="officer", by="adam")
    assert Membership.objects.get(user=alice).history.first().history_user == adam
    with pytest.raises(CommandError, match="There is no user named “nobody” to record as granting it."):
        grant("alice", council=testshire.slug, role="member", by="nobody")


def test_grant_refuses_an_unknown_council_or_user(testshire):
    with pytest.raises(CommandError, match="There is no council with the slug “nowhere”"):
        grant("alice", council="nowhere", role="member")
    with pytest.raises(CommandError, match="There is no user named “ghost”. Add --create to make one."):
        grant("ghost", council=testshire.slug, role="member")
    assert not get_user_model().objects.filter(username="ghost").exists()
