"""Unsubscribe links: one click, no sign-in; a tampered, expired or someone else's link changes nothing."""

import pytest
from django.core import signing
from django.urls import reverse

from notifications.models import Follow, Preference
from notifications.tokens import SALT, make_token
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def pat(testshire):
    from tests.conftest import join

    person = make_user("pat", email="pat@testshire.example")
    join(person, testshire)
    return person


def url(token):
    return reverse("notifications:unsubscribe", args=[token])


def preference(user):
    return Preference.objects.filter(user=user).values_list("email", flat=True).first()


def test_get_asks_and_post_stops_all_email_without_signing_in(client, pat):
    link = url(make_token(pat))
    page = client.get(link)
    assert page.status_code == 200
    assert "We will no longer e-mail pat@testshire.example" in page.content.decode()
    assert preference(pat) is None  # a GET changes nothing

    done = client.post(link)
    assert "We will not e-mail you again" in done.content.decode()
    assert preference(pat) == Preference.Email.NEVER
    # Its history says how.
    assert Preference.history.get().history_change_reason == "Unsubscribed by the link in an e-mail"
    # Used again, it is still done, and nothing more is written.
    assert client.post(link).status_code == 200
    assert Preference.history.count() == 1


def test_a_mail_programs_one_click_post_works_without_a_csrf_token(pat):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        url(make_token(pat)), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert preference(pat) == Preference.Email.NEVER


def test_a_link_for_one_follow_unfollows_only_that(client, pat, review, recommendation):
    response = client.post(url(make_token(pat, recommendation)))
    assert "You no longer follow recommendation 1 of Review of Libraries" in response.content.decode()
    follow = Follow.objects.get(user=pat)
    assert follow.recommendation == recommendation and follow.is_following is False
    assert preference(pat) is None  # other e-mail still comes


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # the signature
        lambda token: "x" + token,
        lambda token: signing.dumps({"u": 1, "a": "0" * 16}, salt="another"),  # signed for something else
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_link_changes_nothing(client, pat, tamper):
    response = client.post(url(tamper(make_token(pat))))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert preference(pat) is None


def test_a_link_signed_with_another_persons_id_changes_nothing(client, pat, alice):
    forged = signing.dumps({"u": alice.pk, "a": "0" * 16}, salt=SALT, compress=True)
    assert client.post(url(forged)).status_code == 400
    assert preference(alice) is None


def test_an_expired_link_changes_nothing(client, pat, settings, monkeypatch):
    token = make_token(pat)
    settings.UNSUBSCRIBE_LINK_DAYS = 90
    import time

    later = time.time() + 91 * 24 * 60 * 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert client.post(url(token)).status_code == 400
    assert preference(pat) is None


def test_a_link_opened_by_someone_else_signed_in_changes_nothing(client, pat, alice):
    client.force_login(alice)
    response = client.post(url(make_token(pat)))
    assert response.status_code == 403
    assert "It was sent to someone else" in response.content.decode()
    assert preference(pat) is None and preference(alice) is None


def test_a_link_sent_to_an_address_the_account_no_longer_has_changes_nothing(client, pat):
    token = make_token(pat)
    pat.email = "someone.new@testshire.example"
    pat.save()
    assert client.post(url(token)).status_code == 400
    assert preference(pat) is None


def test_a_link_of_a_closed_account_or_a_deleted_recommendation_changes_nothing(client, pat, recommendation):
    token = make_token(pat, recommendation)
    recommendation.delete()
    assert client.post(url(token)).status_code == 400
    pat.is_active = False
    pat.save()
    assert client.post(url(make_token(pat))).status_code == 400
    assert Follow.objects.count() == 0
