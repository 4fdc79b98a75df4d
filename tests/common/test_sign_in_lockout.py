"""Sign-in throttling: 50 wrong passwords lock the account, on the service's form and the admin's."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

SIGN_IN_FORMS = [reverse("login"), reverse("admin:login")]
ATTACKER, ALICE_DESK, BOB_DESK = "203.0.113.66", "198.51.100.10", "198.51.100.20"


def sign_in(client, url, username, password, address):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def is_signed_in(client):
    return "_auth_user_id" in client.session


@pytest.fixture
def staff_alice(db):
    """Alice, who may use the admin too, so that both forms would sign her in."""
    return make_user("alice", is_staff=True)


@pytest.mark.parametrize("url", SIGN_IN_FORMS)
def test_fifty_wrong_passwords_lock_the_account_and_the_right_one_then_does_not_sign_in(
    url, staff_alice, client
):
    answers = [sign_in(client, url, "alice", f"guess-{n}", ATTACKER) for n in range(50)]

    # The first four are the form's own "Enter a correct username and password"; the fifth locks.
    assert [answer.status_code for answer in answers[:4]] == [200] * 4
    assert {answer.status_code for answer in answers[4:]} == {429}
    right = sign_in(client, url, "alice", "password", ATTACKER)
    assert right.status_code == 429
    assert "You have tried to sign in too many times" in right.text
    assert "You can try again in 30 minutes." in right.text
    assert "ask your council's admin" in right.text
    assert not is_signed_in(client)
    # Alice at her own desk is locked out too: the lock is on the account, wherever it is tried from.
    at_desk = Client()
    assert sign_in(at_desk, url, "alice", "password", ALICE_DESK).status_code == 429
    assert not is_signed_in(at_desk)
    assert AccessFailureLog.objects.filter(username="alice").count() == 52


def test_a_locked_out_account_cannot_sign_in_on_the_other_form_either(staff_alice, client):
    for n in range(5):
        sign_in(client, reverse("login"), "alice", f"guess-{n}", ATTACKER)

    answer = sign_in(Client(), reverse("admin:login"), "alice", "password", ALICE_DESK)

    assert answer.status_code == 429


def test_a_different_account_is_not_locked(staff_alice, client):
    make_user("bob")
    for n in range(50):
        sign_in(client, reverse("login"), "alice", f"guess-{n}", ATTACKER)

    bobs = Client()
    answer = sign_in(bobs, reverse("login"), "bob", "password", BOB_DESK)

    assert answer.status_code == 302
    assert is_signed_in(bobs)


def test_an_address_that_failed_too_often_cannot_try_other_accounts(db, client):
    for name in ["carol", "dan", "erin", "fay", "gus", "bob"]:
        make_user(name)
    for name in ["carol", "dan", "erin", "fay", "gus"]:
        sign_in(client, reverse("login"), name, "Password1", ATTACKER)

    # Bob's right password, from the address that tried five accounts, is refused; from his desk it is not.
    assert sign_in(client, reverse("login"), "bob", "password", ATTACKER).status_code == 429
    assert sign_in(Client(), reverse("login"), "bob", "password", BOB_DESK).status_code == 302


def test_four_failures_still_let_the_right_password_sign_in(staff_alice, client):
    for n in range(4):
        sign_in(client, reverse("login"), "alice", f"guess-{n}", ALICE_DESK)

    answer = sign_in(client, reverse("login"), "alice", "password", ALICE_DESK)

    assert answer.status_code == 302
    assert is_signed_in(client)


def test_the_lockout_page_is_drawn_in_the_service_layout(staff_alice, client):
    for n in range(5):
        answer = sign_in(client, reverse("login"), "alice", f"guess-{n}", ATTACKER)

    assert "<title>You have tried to sign in too many times – Scrutiny Tracker</title>" in answer.text
    assert 'href="/login/"' in answer.text
    assert "Account locked" not in answer.text  # not django-axes' own English


def test_an_admin_sees_the_lockout_and_lifting_it_lets_the_person_sign_in(staff_alice, client):
    for n in range(50):
        sign_in(client, reverse("login"), "alice", f"guess-{n}", ATTACKER)
    get_user_model().objects.create_superuser("root", password="root-password")
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="root"))

    listing = admin.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    assert "alice" in listing.text and ATTACKER in listing.text
    attempt = AccessAttempt.objects.get(username="alice")
    assert attempt.failures_since_start == 50
    lifted = admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )

    assert lifted.status_code == 302
    assert not AccessAttempt.objects.exists()
    answer = sign_in(Client(), reverse("login"), "alice", "password", ALICE_DESK)
    assert answer.status_code == 302
    # The record of the failures stays for the admin after the lockout is lifted.
    assert AccessFailureLog.objects.filter(username="alice", locked_out=True).count() == 46


def test_axes_reset_username_lifts_the_lockout(staff_alice, client):
    for n in range(50):
        sign_in(client, reverse("admin:login"), "alice", f"guess-{n}", ATTACKER)

    call_command("axes_reset_username", "alice", stdout=None)

    retry = Client()
    answer = sign_in(retry, reverse("admin:login"), "alice", "password", ATTACKER)
    assert answer.status_code == 302
    assert is_signed_in(retry)


def test_failures_and_lockouts_are_logged(staff_alice, client, caplog):
    with caplog.at_level("WARNING", logger="axes"):
        for n in range(5):
            sign_in(client, reverse("login"), "alice", f"guess-{n}", ATTACKER)

    messages = [record.getMessage() for record in caplog.records]
    assert any("login failure" in message for message in messages)
    assert any(
        "Locking out" in message and "alice" in message and ATTACKER in message for message in messages
    )


def test_a_forged_forwarded_address_does_not_escape_the_lockout(staff_alice, client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        client.post(
            reverse("login"),
            {"username": "alice", "password": f"guess-{n}"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {ATTACKER}",
        )

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}
    # Nonsense where the proxy's entry should be is not stored (the column holds addresses): the peer is.
    answer = client.post(
        reverse("login"),
        {"username": "bob", "password": "x"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="not an address",
    )
    assert answer.status_code == 200
    assert AccessAttempt.objects.filter(username="bob").get().ip_address == "10.0.0.2"
