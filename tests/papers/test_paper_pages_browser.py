"""A member opens a paper, then its "as at" past view, in a real browser; axe-core finds nothing."""

import datetime
import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, axe_violations, browser_type_launch_args  # noqa: F401
from tests.papers.conftest import import_seeds, member_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # As in tests/browser/: skipped without Chromium, except in CI, where that is a failure.
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"), reason="chromium is not installed"
    ),
]

PAPER = "/councils/southwark-council/reviews/review-of-services-relating-to-domestic-violence-and-abuse/rounds/2013-06-10/update-report/"


def sign_in(page, live_server, username):
    page.goto(live_server.url + "/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your councils and reviews")


def test_member_reads_an_update_report_and_its_past_view_with_no_accessibility_violations(page, live_server):
    import_seeds("southwark")
    member_of("southwark-council", "cllr.jones")
    sign_in(page, live_server, "cllr.jones")

    page.goto(live_server.url + PAPER)
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Update on implementation of recommendations"
    )
    expect(page.get_by_text("4. Accurate statistics - significantly")).to_be_visible()
    assert axe_violations(page) == []

    today = datetime.date.today()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Show the paper", exact=True).click()
    expect(page).to_have_url(re.compile(r"as_at_0="))
    expect(page.get_by_role("region", name="Past view")).to_contain_text("This is a past view")
    expect(page.get_by_text("5. Data gathered from both Solace")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Year").fill("201")
    page.get_by_role("button", name="Show the paper", exact=True).click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert axe_violations(page) == []
