"""grant: set up a council's people without the Django admin."""

import io
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from councils.models import Membership


def grant(*args, **options):
    out = io.StringIO()
    call_command("grant", *args, stdout=out, **options)
    return out.getvalue()


def test_grant_creates_a_user_with_an_email_and_sends_them_an_invitation(testshire, mailoutbox, run_tasks):
    output = grant(
        "newbie", council="testshire-county-council", role="officer", create=True, email="new@example.gov.uk"
    )

    user = get_user_model().objects.get(username="newbie")
    assert Membership.objects.get(user=user).role == "officer"
    assert not user.has_usable_password()
    assert "newbie is now officer of Testshire County Council." in output
    assert "Created the user newbie and sent an invitation to new@example.gov.uk." in output
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["new@example.gov.uk"] and "/password/set/" in mail.body


def test_grant_creates_a_user_without_an_email_and_prints_a_link_that_sets_the_password(
    testshire, client, mailoutbox, run_tasks
):
    output = grant("newbie", council=testshire.slug, role="member", create=True)

    user = get_user_model().objects.get(username="newbie")
    run_tasks()
    assert not user.has_usable_password() and mailoutbox == []
    link = output.strip().splitlines()[-1]
    path = urlsplit(link).path
    form = client.get(path, follow=True)
    answer = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "tall-green-hedges", "new_password2": "tall-green-hedges"},
    )
    assert answer.status_code == 302
    assert client.login(username="newbie", password="tall-green-hedges")


def test_grant_refuses_a_wrong_email(testshire):
    with pytest.raises(CommandError, match="“nobody” is not an e-mail address."):
        grant("newbie", council=testshire.slug, role="member", create=True, email="nobody")
    assert not get_user_model().objects.filter(username="newbie").exists()


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
