"""An officer records an update with the keyboard alone, and finds it in the history."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council, Membership
from recommendations.models import Recommendation
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page, locator, limit=60):
    """Press Tab until the locator has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never took the focus")


def test_officer_records_an_update_from_my_recommendations_with_the_keyboard(page, live_server, seeded, axe):
    officer = make_user("jtoy", first_name="Jonathon", last_name="Toy", email="jtoy@southwark.example")
    council = Council.objects.get(slug="southwark-council")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    recommendation = Recommendation.objects.get(review__council=council, position=3)
    recommendation.lead_officer = officer
    recommendation.save()

    page.goto(live_server.url + "/my-recommendations/")
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type("jtoy")
    page.keyboard.press("Tab")
    page.keyboard.type("password")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My recommendations")
    assert axe(page) == []

    tab_to(page, page.get_by_role("link", name="Add update to recommendation 3"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an update")
    assert axe(page) == []

    # Submitting nothing shows the errors, in the title and beside the fields.
    tab_to(page, page.get_by_role("button", name="Save update"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.get_by_role("link", name="Select a status")).to_be_visible()
    assert axe(page) == []

    tab_to(page, page.get_by_label("Not started"))
    page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    expect(page.get_by_label("In progress")).to_be_checked()
    tab_to(page, page.get_by_label("Update", exact=True))
    page.keyboard.type("Member training was agreed by the Member Development Group on 4 June.")
    tab_to(page, page.get_by_role("button", name="Save update"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendation 3: Training")
    expect(page.get_by_text("Your update on recommendation 3 has been saved.")).to_be_visible()
    expect(
        page.get_by_text("Member training was agreed by the Member Development Group on 4 June.")
    ).to_be_visible()
    tab_to(page, page.locator("summary", has_text="What changed"))
    page.keyboard.press("Enter")
    history = page.locator(".app-history__entry").first
    expect(history).to_contain_text("Progress update")
    expect(history).to_contain_text("by Jonathon Toy. Reason: Recorded a progress update")
    assert axe(page) == []

    page.goto(live_server.url + recommendation.review.get_absolute_url())
    row = page.get_by_role("region", name="Recommendations", exact=True).locator("tbody tr").nth(2)
    expect(row).to_contain_text("In progress")
    assert axe(page) == []
