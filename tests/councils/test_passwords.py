"""Changing a password, and setting a new one by e-mail, with Django's password validators."""

import re

import pytest
from django.urls import reverse

CHANGE = reverse("password-change")
RESET = reverse("password-reset")


def test_changing_the_password_needs_the_current_one(client, alice):
    client.force_login(alice)
    wrong = client.post(
        CHANGE,
        {"old_password": "guess", "new_password1": "tall-green-hedges", "new_password2": "tall-green-hedges"},
    )
    assert wrong.context["form"].errors == {
        "old_password": ["Your current password is wrong. Enter it again."]
    }
    assert (
        wrong.content.decode().startswith("<!DOCTYPE html>")
        and "Error: Change your password" in wrong.content.decode()
    )
    alice.refresh_from_db()
    assert alice.check_password("password")

    right = client.post(
        CHANGE,
        {
            "old_password": "password",
            "new_password1": "tall-green-hedges",
            "new_password2": "tall-green-hedges",
        },
    )
    assert right["Location"] == reverse("password-change-done")
    alice.refresh_from_db()
    assert alice.check_password("tall-green-hedges")
    # Still signed in: Django keeps the session that changed the password.
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize(
    ("password", "error"),
    [
        ("password", "This password is too common."),
        ("short", "This password is too short. It must contain at least 8 characters."),
        ("4815162342", "This password is entirely numeric."),
        ("alice2025", "The password is too similar to the username."),
    ],
)
def test_the_validators_refuse_a_weak_password_beside_the_field(client, alice, password, error):
    client.force_login(alice)
    response = client.post(
        CHANGE, {"old_password": "password", "new_password1": password, "new_password2": password}
    )
    assert error in response.context["form"].errors["new_password1"]
    assert "new_password2" not in response.context["form"].errors
    beside = response.content.decode().split('id="id_new_password1_error"')[1].split("</p>")[0]
    assert error in beside.replace("&#x27;", "'")
    alice.refresh_from_db()
    assert alice.check_password("password")


def test_two_different_passwords_are_refused(client, alice):
    client.force_login(alice)
    response = client.post(
        CHANGE,
        {
            "old_password": "password",
            "new_password1": "tall-green-hedges",
            "new_password2": "tall-red-hedges",
        },
    )
    assert response.context["form"].errors == {
        "new_password2": ["The passwords do not match. Enter the same password twice."]
    }


def test_a_reset_email_is_sent_to_a_known_address_and_its_link_sets_the_password(
    client, alice, mailoutbox, run_tasks
):
    alice.email = "alice@testshire.example"
    alice.save()

    response = client.post(RESET, {"email": "Alice@Testshire.example"})

    assert response["Location"] == reverse("password-reset-done")
    run_tasks()
    (mail,) = mailoutbox
    assert (
        mail.to == ["alice@testshire.example"] and mail.subject == "Set a new password for Scrutiny Tracker"
    )
    path = re.search(r"http://127\.0\.0\.1:8000(/password/set/\S+/)", mail.body).group(1)
    form = client.get(path, follow=True)
    answer = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "tall-green-hedges", "new_password2": "tall-green-hedges"},
    )
    assert answer["Location"] == reverse("password-reset-complete")
    alice.refresh_from_db()
    assert alice.check_password("tall-green-hedges")


def test_an_unknown_address_gets_the_same_page_and_no_email(client, alice, mailoutbox, run_tasks):
    alice.email = "alice@testshire.example"
    alice.save()
    known = client.post(RESET, {"email": "alice@testshire.example"}, follow=True)
    unknown = client.post(RESET, {"email": "nobody@testshire.example"}, follow=True)

    run_tasks()
    assert len(mailoutbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content


def test_the_reset_page_asks_for_an_address_in_the_right_format(client, mailoutbox, run_tasks):
    response = client.post(RESET, {"email": "not an address"})
    assert response.context["form"].errors == {
        "email": ["Enter an e-mail address in the correct format, like name@example.gov.uk"]
    }
    run_tasks()
    assert mailoutbox == []


def test_the_sign_in_page_links_to_the_reset_and_the_header_to_the_change(client, alice):
    assert f'href="{RESET}">Forgotten your password?' in client.get(reverse("login")).content.decode()
    client.force_login(alice)
    assert f'href="{CHANGE}">Change your password' in client.get(reverse("home")).content.decode()


def test_someone_invited_who_never_set_a_password_can_ask_for_a_new_link(db, client, mailoutbox, run_tasks):
    from councils import services

    person = services.new_account(username="pat", email="pat@testshire.example")
    client.post(RESET, {"email": "pat@testshire.example"})
    run_tasks()
    assert mailoutbox[0].to == [person.email]
