"""Every form page, drawn by the form renderer, as it first shows and with its errors: axe-core finds
nothing, "Error: " leads the title, and each error in the summary links to the field it is about."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from councils import services as council_services
from councils.models import Council, Membership
from importing import services as import_services
from recommendations import services
from recommendations.models import Recommendation
from tests.conftest import make_user, seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# (page, its button, whether pressing it with nothing filled in shows errors)
PAGES = [
    ("{rec}updates/new/", "Save update", True),
    ("{rec}response/", "Save response", True),
    ("{rec}lead-officer/", "Save lead officer", False),
    ("{rec}themes/", "Save themes", False),
    ("{review}rounds/new/", "Open the round", True),
    ("/councils/southwark-council/import/", "Check the paper", True),
    ("/councils/southwark-council/update-pack/", "Check the pack", True),
    ("/councils/southwark-council/people/", "Add person", True),
    ("/recommendations/?no_update_since=2024-13-45", "Apply filters", True),
    ("{review}papers/cabinet-response/?as_at=1-1-2999", "Show the paper as at this date", True),
    ("{rec}target/", "Save the target date", True),
    ("{rec}extensions/new/", "Send the request", True),
    ("{rec}updates/{update}/not-adequate/", "Send it back", True),
    ("{rec}escalate/", "Record the step", True),
    ("{done}sign-off/", "Save the assessment", True),
    ("/councils/southwark-council/settings/", "Save the settings", False),
    ("/password/change/", "Change password", True),
]
# Pages without a form, drawn with the follow-through's records in them.
READING = [
    "{rec}",
    "{done}",
    "/responses/",
    "/figures/",
    "/councils/southwark-council/figures/",
    "{review}figures/",
    "/two-factor/",
    "{importing}",
]


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/login/")
    expect(page).to_have_title(re.compile(r"^Sign in"))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()


def test_each_form_page_is_accessible_empty_and_with_its_errors(page, live_server, seeded, axe):
    admin = make_user("sadmin", first_name="Sam", last_name="Admin")
    council = Council.objects.get(slug="southwark-council")
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    recommendation = Recommendation.objects.get(review__council=council, position=3)
    # A ladder to climb, and a recommendation reported complete, waiting for the committee.
    council_services.set_escalation_steps(council=council, user=admin, names=["Reminder", "Chair's letter"])
    done = Recommendation.objects.get(review__council=council, position=4)
    services.record_update(
        recommendation=done, user=admin, text="Done.", status="completed", update_date=datetime.date.today()
    )
    # A large paper handed to the worker: the page that waits for it.
    held = import_services.hold_upload(
        council=council, user=admin, name="southwark.txt", data=seed("southwark").read_bytes()
    )
    held.queued_at = timezone.now()
    held.save()
    places = {
        "importing": held.get_absolute_url(),
        "rec": recommendation.get_absolute_url(),
        "review": recommendation.review.get_absolute_url(),
        "done": done.get_absolute_url(),
        "update": recommendation.updates.order_by("-update_date", "-id").first().pk,
    }
    sign_in(page, live_server, "sadmin")
    for path in READING:
        page.goto(live_server.url + path.format(**places))
        assert axe(page) == [], path

    for path, button, shows_errors in PAGES:
        url = live_server.url + path.format(**places)
        page.goto(url)
        assert axe(page) == [], path
        if "?" in path:  # a bad value given in the link: the errors show at once
            errors_shown = True
        else:
            page.get_by_role("button", name=button).click()
            errors_shown = shows_errors
        if not errors_shown:
            continue
        expect(page).to_have_title(re.compile(r"^Error: "))
        assert axe(page) == [], f"{path}, with its errors"
        links = page.locator(".govuk-error-summary__list a")
        assert links.count() >= 1, path
        for index in range(links.count()):
            target = links.nth(index).get_attribute("href")
            assert page.locator(target).count() == 1, f"{path}: {target} is not on the page"
