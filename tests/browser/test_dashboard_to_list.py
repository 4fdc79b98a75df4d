"""A member clicks a dashboard figure and lands on the filtered list behind it."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council, Membership
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_follows_a_dashboard_figure_to_its_filtered_list(page, live_server, seeded, axe):
    member = make_user("cllr.smith", first_name="Alex", last_name="Smith")
    Membership.objects.create(
        user=member, council=Council.objects.get(slug="oxford-city-council"), role="member"
    )

    page.goto(live_server.url + "/councils/oxford-city-council/")
    page.get_by_label("Username").fill("cllr.smith")
    page.get_by_label("Password", exact=True).fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Oxford City Council")
    expect(page.get_by_role("img", name=re.compile("Progress of the recommendations"))).to_be_visible()
    assert axe(page) == []

    page.get_by_role("link", name="9 disagree in all").click()

    expect(page).to_have_url(re.compile(r"/recommendations/\?council=oxford-city-council&decision=disagree$"))
    expect(page.get_by_role("status")).to_contain_text("9 recommendations")
    expect(
        page.get_by_role("link", name=re.compile("Remove this filter: Cabinet decision: Disagree"))
    ).to_be_visible()
    expect(page.get_by_label("Disagree")).to_be_checked()
    assert axe(page) == []

    # Filters are a plain form: narrowing by search works without JavaScript too.
    page.get_by_label("Search the text, comments and updates").fill("training")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("status")).to_contain_text("1 recommendation")
    expect(
        page.get_by_role("link", name=re.compile("^47\\. That the Council includes within domestic abuse"))
    ).to_be_visible()
    assert axe(page) == []
