"""Two-factor sign-in with an authenticator app: set up, then a code after the password."""

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from councils import services
from tests.conftest import make_user

LOGIN, CODE = reverse("login"), reverse("two-factor-sign-in")
SET_UP, STATUS = reverse("two-factor-set-up"), reverse("two-factor")


def code_of(device, offset=0):
    """The code the person's app shows now (or ``offset`` steps of 30 seconds from now)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def sign_in(client, username="alice", password="password", **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra}, REMOTE_ADDR="10.0.0.1")


def signed_in(client):
    return SESSION_KEY in client.session


@pytest.fixture
def alice_with_app(alice):
    device = services.start_two_factor(person=alice)
    assert services.confirm_two_factor(device=device, code=code_of(device))
    device.refresh_from_db()
    device.last_t = -1  # let the next code, the same one in this half minute, be used to sign in
    device.save()
    return device


def test_a_person_sets_up_an_authenticator_app(client, alice, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a person takes longer than the wait after a wrong code
    client.force_login(alice)
    assert "Set up an authenticator app" in client.get(STATUS).content.decode()

    assert client.post(STATUS, {"action": "set-up"})["Location"] == SET_UP
    device = TOTPDevice.objects.get(user=alice)
    assert not device.confirmed  # not used to sign in until a code confirms it
    page = client.get(SET_UP).content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    key = page.split('<code class="app-secret-key">')[1].split("</code>")[0]
    assert len(key.replace(" ", "")) == 32 and "otpauth://" not in page

    wrong = client.post(SET_UP, {"code": f"{(int(code_of(device)) + 1) % 1_000_000:06d}"})
    assert wrong.context["form"].errors["code"][0].startswith("The code is not right.")
    assert not TOTPDevice.objects.get(user=alice).confirmed

    right = client.post(SET_UP, {"code": code_of(device)}, follow=True)
    assert right.redirect_chain[-1][0] == reverse("home")
    assert TOTPDevice.objects.get(user=alice).confirmed
    assert "Two-factor sign-in is on." in right.content.decode()


def test_signing_in_asks_for_the_code_after_the_password(client, alice_with_app):
    answer = sign_in(client)

    assert answer["Location"] == CODE and not signed_in(client)
    assert client.get(reverse("home"))["Location"].startswith(LOGIN)
    page = client.get(CODE)
    assert "Enter the code from your authenticator app" in page.content.decode()

    done = client.post(CODE, {"code": code_of(alice_with_app)})
    assert done["Location"] == reverse("home") and signed_in(client)
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_code_is_refused(client, alice_with_app):
    sign_in(client)
    wrong = f"{(int(code_of(alice_with_app)) + 500_000) % 1_000_000:06d}"

    answer = client.post(CODE, {"code": wrong})

    assert answer.status_code == 200 and not signed_in(client)
    assert answer.context["form"].errors == {
        "code": ["The code is not right. Enter the code your app shows now."]
    }
    assert "Error: " in answer.content.decode().split("</title>")[0]
    letters = client.post(CODE, {"code": "abcdef"})
    assert letters.context["form"].errors == {"code": ["The code must be 6 numbers"]}
    # Straight after a wrong code, even the right one waits (django-otp's throttling).
    again = client.post(CODE, {"code": code_of(alice_with_app)})
    assert again.context["form"].errors == {
        "code": ["You have entered a wrong code too many times. Wait a minute, then try again."]
    }
    assert not signed_in(client)


def test_a_code_is_not_accepted_twice(client, alice_with_app):
    sign_in(client)
    code = code_of(alice_with_app)
    client.post(CODE, {"code": code})
    other = Client()
    sign_in(other)
    assert other.post(CODE, {"code": code}).status_code == 200 and not signed_in(other)


def test_the_code_page_needs_the_password_first_and_not_too_long_ago(client, alice_with_app, monkeypatch):
    assert client.get(CODE)["Location"] == LOGIN
    sign_in(client)
    later = time.time() + 11 * 60
    monkeypatch.setattr(time, "time", lambda: later)
    answer = client.post(CODE, {"code": code_of(alice_with_app)})
    assert answer["Location"] == LOGIN and not signed_in(client)


def test_the_admins_sign_in_refuses_someone_with_two_factor(client, alice_with_app):
    alice = alice_with_app.user
    alice.is_staff = True
    alice.save()
    answer = client.post(reverse("admin:login"), {"username": "alice", "password": "password"})
    assert "Your account uses two-factor sign-in" in answer.content.decode()
    assert not signed_in(client)


def test_turning_it_off_signs_in_with_the_password_alone(client, alice_with_app):
    client.force_login(alice_with_app.user)
    client.post(STATUS, {"action": "turn-off"})
    assert not TOTPDevice.objects.exists()
    client.logout()
    assert sign_in(client)["Location"] == reverse("home") and signed_in(client)


def test_without_the_setting_admins_sign_in_with_the_password_alone(client, adam):
    assert sign_in(client, "adam")["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("who", ["adam", "root"])
def test_when_required_admins_are_sent_to_set_it_up_before_anything_else(client, settings, adam, who):
    settings.REQUIRE_TWO_FACTOR_FOR_ADMINS = True
    make_user("root", is_superuser=True, is_staff=True)

    assert sign_in(client, who)["Location"] == STATUS
    assert client.get(reverse("home"))["Location"] == STATUS
    assert client.get(reverse("admin:index"))["Location"] == STATUS
    assert "You must set up two-factor sign-in" in client.get(STATUS).content.decode()
    client.post(STATUS, {"action": "set-up"})
    device = TOTPDevice.objects.get(user__username=who)
    client.post(SET_UP, {"code": code_of(device)})

    assert client.get(reverse("home")).status_code == 200
    refused = client.post(STATUS, {"action": "turn-off"}, follow=True)
    assert (
        "cannot be turned off" in refused.content.decode()
        and TOTPDevice.objects.filter(confirmed=True).exists()
    )


def test_when_required_others_are_not_asked(client, settings, alice):
    settings.REQUIRE_TWO_FACTOR_FOR_ADMINS = True
    assert sign_in(client)["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
