"""Told of what changed, with the keyboard alone and axe-core on every page: a member follows a review;
an officer records an update on one of its recommendations; the member sees it in the header and on the
notifications page, and the daily digest reaches a real SMTP server with an unsubscribe link that works."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from councils.models import Membership
from notifications import services as notification_services
from notifications.models import Preference
from notifications.schedule import send_daily_digests
from tests.conftest import make_council, make_recommendation, make_review, make_user, run_queued_tasks

from .test_next_paper import sign_in
from .test_officer_journey import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def press(page, locator):
    tab_to(page, locator, limit=200)
    page.keyboard.press("Enter")


def test_a_member_follows_a_review_and_is_told_of_an_officers_update(
    page, browser, live_server, axe, smtp_server
):
    council = make_council()
    review = make_review(council)
    recommendation = make_recommendation(review, text="That the Council opens the library on Sundays.")
    member = make_user("mia", first_name="Mia", last_name="Mason", email="mia@testshire.example")
    Membership.objects.create(user=member, council=council, role=Membership.Role.MEMBER)
    officer = make_user("olive", first_name="Olive", last_name="Okafor", email="olive@testshire.example")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    # Members follow their council's reviews unless they say otherwise; Mia had said otherwise.
    notification_services.set_following(user=member, target=review, is_following=False, reason="Earlier")
    run_queued_tasks()  # the news the set-up made

    # The member follows the review from its page.
    sign_in(page, live_server, "mia", review.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Review of Libraries")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    assert axe(page) == []
    press(page, page.get_by_role("button", name="Follow this review"))
    expect(page.get_by_text("You are following Review of Libraries.")).to_be_visible()
    expect(page.get_by_role("button", name="Unfollow this review")).to_be_visible()
    assert axe(page) == []

    # The officer records an update on one of its recommendations.
    officer_page = browser.new_page()
    sign_in(officer_page, live_server, "olive", recommendation.get_absolute_url())
    press(officer_page, officer_page.get_by_role("link", name=re.compile("^Add update")))
    tab_to(officer_page, officer_page.get_by_label("Not started"))
    officer_page.keyboard.press("ArrowDown")
    tab_to(officer_page, officer_page.get_by_label("Update", exact=True))
    officer_page.keyboard.type("The library opened on two Sundays in May.")
    press(officer_page, officer_page.get_by_role("button", name="Save update"))
    expect(officer_page.get_by_text("Your update on recommendation 1 has been saved.")).to_be_visible()

    # The worker tells the followers; the officer is not told of her own update.
    run_queued_tasks()
    page.reload()
    expect(page.get_by_role("link", name="Notifications, 1 unread")).to_be_visible()
    officer_page.reload()
    expect(officer_page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    press(page, page.get_by_role("link", name="Notifications, 1 unread"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(
        page.get_by_text("Olive Okafor gave a progress update. Status: In progress; forecast: none given.")
    ).to_be_visible()
    expect(page.get_by_text("New", exact=True)).to_be_visible()
    assert axe(page) == []
    press(page, page.get_by_role("link", name="Recommendation 1 of Review of Libraries"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendation 1")
    # Seen, so read.
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    # The preferences page: a daily digest, by default.
    page.goto(live_server.url + "/notifications/preferences/")
    expect(page.get_by_label("A daily digest")).to_be_checked()
    assert axe(page) == []

    # The day's digest reaches the SMTP server, naming the council, with its unsubscribe link.
    assert "1 e-mail(s) queued" in send_daily_digests(timezone.now())
    run_queued_tasks()
    (message,) = [m for m in smtp_server.messages if m["To"] == "mia@testshire.example"]
    assert message["Subject"] == "Testshire County Council: 1 change to what you follow"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "What changed in Testshire County Council" in body
    assert "The library opened" not in body and "Olive Okafor gave a progress update" in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.search(r"<([^>]+)>", str(message["List-Unsubscribe"])).group(1)
    assert link in body

    # The link works: it asks, and the button stops the e-mails.
    page.goto(live_server.url + link.removeprefix("http://127.0.0.1:8000"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stop e-mails about what you follow")
    assert axe(page) == []
    press(page, page.get_by_role("button", name="Stop the e-mails"))
    expect(page.get_by_role("heading", level=1)).to_have_text("We will not e-mail you again")
    assert axe(page) == []
    assert Preference.objects.get(user=member).email == Preference.Email.NEVER
