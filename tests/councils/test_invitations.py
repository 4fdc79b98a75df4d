"""A new person is invited by e-mail to set their own password; nobody else ever sees one."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from django.urls import reverse

from councils.models import Membership, OutboundEmail

NEW_PASSWORD = {"new_password1": "tall-green-hedges", "new_password2": "tall-green-hedges"}


def invite_pat(client, adam, testshire):
    client.force_login(adam)
    return client.post(
        reverse("councils:people", args=[testshire.slug]),
        {"email": "pat@testshire.example", "role": "officer"},
    )


def link_in(mail):
    """The path of the link to set a password that an e-mail gives."""
    return re.search(r"http://127\.0\.0\.1:8000(/password/set/\S+/)", mail.body).group(1)


def set_password(client, path, data=NEW_PASSWORD):
    """Follow the link, then send the form it leads to; the page answered."""
    form = client.get(path, follow=True)
    return form, client.post(form.redirect_chain[-1][0] if form.redirect_chain else path, data)


def test_the_invitation_sets_the_password_once_and_fails_the_second_time(
    client, adam, testshire, mailoutbox, run_tasks
):
    invite_pat(client, adam, testshire)
    client.logout()
    run_tasks()
    path = link_in(mailoutbox[0])

    form, answer = set_password(client, path)
    assert "Set your password" in form.content.decode() and "<strong>pat</strong>" in form.content.decode()
    assert answer.status_code == 302 and answer["Location"] == reverse("password-reset-complete")
    assert client.login(username="pat", password="tall-green-hedges")
    client.logout()

    again = client.get(path, follow=True)
    assert "This link has expired or has already been used" in again.content.decode()
    _, answer = set_password(
        client, path, {"new_password1": "other-words-here", "new_password2": "other-words-here"}
    )
    assert answer.status_code == 200
    assert client.login(username="pat", password="tall-green-hedges")


def test_the_invitation_expires(client, adam, testshire, mailoutbox, run_tasks, monkeypatch, settings):
    invite_pat(client, adam, testshire)
    client.logout()
    later = datetime.datetime.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)

    run_tasks()
    page = client.get(link_in(mailoutbox[0]), follow=True)

    assert "This link has expired or has already been used" in page.content.decode()
    assert "The link works once and expires in 3 days." in mailoutbox[0].body
    assert not get_user_model().objects.get(username="pat").has_usable_password()


def test_no_password_is_in_the_page_the_message_or_any_cookie(client, adam, testshire, mailoutbox, run_tasks):
    response = invite_pat(client, adam, testshire)

    pat = get_user_model().objects.get(username="pat")
    assert not pat.has_usable_password()  # there is no password to show
    storage = CookieStorage(RequestFactory().get("/"))
    stored = [str(message) for message in storage._decode(response.cookies["messages"].value)]
    assert stored == [
        "We have sent an invitation to pat@testshire.example. They are officer of Testshire County Council."
    ]
    page = client.get(response["Location"])
    assert "password is" not in page.content.decode().lower()
    for cookie in [*response.cookies.values(), *page.cookies.values()]:
        assert "password" not in cookie.value.lower()
    run_tasks()
    assert "password is" not in mailoutbox[0].body


def test_an_admin_sends_the_invitation_again(client, adam, testshire, mailoutbox, run_tasks):
    invite_pat(client, adam, testshire)
    membership = Membership.objects.get(user__username="pat")
    people = client.get(reverse("councils:people", args=[testshire.slug])).content.decode()
    assert "Send the invitation again" in people

    response = client.post(
        reverse("councils:resend-invitation", args=[testshire.slug, membership.pk]), follow=True
    )

    assert [str(m) for m in response.context["messages"]] == [
        "We have sent a new invitation to pat@testshire.example."
    ]
    run_tasks()
    assert len(mailoutbox) == 2 and mailoutbox[1].to == ["pat@testshire.example"]
    # Both links work until one of them is used; then neither does.
    first, second = link_in(mailoutbox[0]), link_in(mailoutbox[1])
    client.logout()
    set_password(client, second)
    assert "This link has expired" in client.get(first, follow=True).content.decode()


def test_no_invitation_for_someone_who_has_set_a_password(
    client, adam, alice, testshire, mailoutbox, run_tasks
):
    client.force_login(adam)
    membership = Membership.objects.get(user=alice)
    response = client.post(
        reverse("councils:resend-invitation", args=[testshire.slug, membership.pk]), follow=True
    )
    run_tasks()
    assert mailoutbox == []
    assert [str(m) for m in response.context["messages"]] == [
        "alice has already set a password. They can reset it from the sign-in page."
    ]


def test_the_invitation_is_queued_with_the_person_and_sent_after_the_request(
    client, adam, testshire, mailoutbox, run_tasks
):
    invite_pat(client, adam, testshire)

    # The request added the person and queued the e-mail, in one transaction; it sent nothing.
    person = get_user_model().objects.get(username="pat")
    assert mailoutbox == []
    (queued,) = OutboundEmail.objects.filter(recipient=person)
    assert (queued.kind, queued.status, queued.council) == ("invitation", "queued", testshire)
    assert run_tasks() == 1
    assert [mail.to for mail in mailoutbox] == [["pat@testshire.example"]]
    queued.refresh_from_db()
    assert queued.status == "sent"


@pytest.mark.parametrize("email", ["a" * 64 + "@example.gov.uk", "o'brien+scrutiny@example.gov.uk"])
def test_an_unusual_address_still_makes_an_account(client, adam, testshire, mailoutbox, run_tasks, email):
    client.force_login(adam)
    client.post(reverse("councils:people", args=[testshire.slug]), {"email": email, "role": "member"})
    assert get_user_model().objects.get(email=email).memberships.get().council == testshire
    run_tasks()
    assert mailoutbox[0].to == [email]
