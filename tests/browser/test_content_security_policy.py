"""Under the Content-Security-Policy, in a real browser: nothing is refused, and GOV.UK's JavaScript runs."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council, Membership
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/councils/oxford-city-council/",
    "/councils/oxford-city-council/reviews/domestic-abuse-review-group/",
    "/recommendations/",
    "/my-recommendations/",
    "/admin/",
]


def test_pages_break_no_rule_of_the_policy_and_their_scripts_run(page, live_server, seeded):
    admin = make_user("clerk", first_name="Casey", is_staff=True, is_superuser=True)
    Membership.objects.create(
        user=admin, council=Council.objects.get(slug="oxford-city-council"), role=Membership.Role.ADMIN
    )
    refused = []
    page.on(
        "console",
        lambda message: refused.append(f"{page.url}: {message.text}")
        if "Content Security Policy" in message.text
        else None,
    )
    page.goto(live_server.url + "/login/")
    # The static script marks the page before it is drawn, and GOV.UK Frontend's module starts.
    assert "js-enabled" in page.evaluate("document.body.className")
    assert "govuk-frontend-supported" in page.evaluate("document.body.className")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your councils and reviews")

    for path in PAGES:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        if not path.startswith("/admin/"):  # the admin draws its own pages
            assert "js-enabled" in page.evaluate("document.body.className"), path

    assert refused == []


def test_the_password_show_button_works_under_the_policy(page, live_server, db):
    page.goto(live_server.url + "/login/")
    password = page.get_by_label("Password", exact=True)
    password.fill("secret")

    page.get_by_role("button", name="Show password").click()

    expect(password).to_have_attribute("type", "text")


def test_the_authenticator_apps_qr_code_shows_under_the_policy(page, live_server, db, axe):
    make_user("clerk", first_name="Casey")
    refused = []
    page.on(
        "console",
        lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.goto(live_server.url + "/login/")
    page.get_by_label("Username").fill("clerk")
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Two-factor sign-in").click()
    page.get_by_role("button", name="Set up an authenticator app").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Set up your authenticator app")
    qr = page.get_by_role("img", name=re.compile("^QR code"))
    expect(qr).to_be_visible()
    assert qr.evaluate("image => image.complete && image.naturalWidth > 0")
    assert refused == []
    assert axe(page) == []
