"""A member signs in, opens a review and a recommendation; axe-core finds nothing."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council, Membership
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/login/\?next=/$"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your councils and reviews")


def test_member_reads_a_seeded_review_with_no_accessibility_violations(page, live_server, seeded, axe):
    member = make_user("cllr.jones", first_name="Sam", last_name="Jones")
    Membership.objects.create(
        user=member, council=Council.objects.get(slug="oxford-city-council"), role=Membership.Role.MEMBER
    )

    sign_in(page, live_server, "cllr.jones")
    assert axe(page) == []
    expect(page.get_by_text("Southwark")).to_have_count(0)  # not their council

    page.get_by_role("link", name="Oxford City Council", exact=True).click()
    page.get_by_role("link", name="Domestic Abuse Review Group", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Domestic Abuse Review Group")
    rows = page.get_by_role("region", name="Recommendations", exact=True).locator("tbody tr")
    expect(rows).to_have_count(48)
    expect(rows.nth(4)).to_contain_text("Disagree")
    assert axe(page) == []

    page.get_by_role(
        "link", name="That the Council seeks DAHA accreditation for its housing services"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendation 16")
    page.get_by_text("What changed").click()
    expect(
        page.get_by_text("Imported from oxford-2020-cabinet-response-domestic-abuse-review.txt").first
    ).to_be_visible()
    assert axe(page) == []

    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(live_server.url + "/councils/oxford-city-council/reviews/domestic-abuse-review-group/")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320, f"the page scrolls sideways at 320px ({scroll_width}px wide)"
    assert axe(page) == []
