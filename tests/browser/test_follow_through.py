"""Following a recommendation to done with the keyboard alone, axe-core on every page: an officer asks
for more time and records Completed with an evidence file; a council admin approves the extension and
signs the completion off; the dashboard figures and the update report move with them."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from councils.models import Committee, Council, Membership
from recommendations import services
from recommendations.models import ExtensionRequest, Recommendation, SignOff
from reviews import services as review_services
from tests.conftest import make_user
from tests.papers.conftest import import_seeds

from .test_next_paper import sign_in, type_date
from .test_officer_journey import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOUTHWARK = "/councils/southwark-council/reviews/review-of-services-relating-to-domestic-violence-and-abuse/"
RECOMMENDATION = f"{SOUTHWARK}recommendations/3/"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def press(page, locator):
    tab_to(page, locator, limit=400)
    page.keyboard.press("Enter")


def figure(page, words):
    """The count of a dashboard's headline figure, e.g. "overdue"."""
    link = page.get_by_role("list").get_by_role("link", name=re.compile(rf"^\d+ {words}$"))
    return int(link.inner_text().split()[0])


def test_an_extension_and_a_completion_signed_off_move_the_dashboard_and_the_paper(
    page, browser, live_server, axe, tmp_path
):
    import_seeds("southwark")
    council = Council.objects.get(slug="southwark-council")
    admin = make_user("sam", first_name="Sam", last_name="Admin")
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    officer = make_user("jtoy", first_name="Jonathon", last_name="Toy")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    recommendation = Recommendation.objects.get(review__council=council, position=3)
    services.assign_lead_officer(
        recommendation=recommendation, user=admin, officer=officer, version=recommendation.version
    )
    today = datetime.date.today()
    recommendation.refresh_from_db()
    services.set_target(
        recommendation=recommendation,
        user=officer,
        date=today - datetime.timedelta(days=7),
        version=recommendation.version,
    )
    meeting = today + datetime.timedelta(days=45)
    review_services.open_round(
        review=recommendation.review,
        user=admin,
        committee=Committee.objects.get(council=council, name="Overview and Scrutiny Committee"),
        meeting_date=meeting,
        due_date=meeting - datetime.timedelta(days=14),
    )
    evidence = tmp_path / "Training register.pdf"
    evidence.write_bytes(PDF)

    # The council's dashboard counts it overdue.
    sign_in(page, live_server, "sam", "/councils/southwark-council/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Southwark Council")
    assert axe(page) == []
    overdue_before = figure(page, "overdue")
    awaiting_before = figure(page, "reported complete, awaiting sign-off")
    signed_before = figure(page, "signed off")
    assert overdue_before >= 1

    # The officer asks for more time.
    officer_page = browser.new_page()
    sign_in(officer_page, live_server, "jtoy", RECOMMENDATION)
    expect(officer_page.get_by_role("heading", level=1)).to_contain_text("Recommendation 3")
    expect(officer_page.get_by_text("Overdue", exact=True)).to_be_visible()
    assert axe(officer_page) == []
    press(officer_page, officer_page.get_by_role("link", name="Request an extension"))
    expect(officer_page.get_by_role("heading", level=1)).to_contain_text("extension")
    assert axe(officer_page) == []
    new_date = today + datetime.timedelta(days=120)
    type_date(officer_page, "New target date you are asking for", new_date)
    tab_to(officer_page, officer_page.get_by_label("Why more time is needed"))
    officer_page.keyboard.type("The trainer for new councillors is booked for the spring.")
    press(officer_page, officer_page.get_by_role("button", name="Send the request"))
    expect(officer_page.get_by_text("is with the committee")).to_be_visible()
    assert ExtensionRequest.objects.get().state == "pending"

    # The admin records the committee's approval.
    page.goto(live_server.url + RECOMMENDATION)
    assert axe(page) == []
    press(page, page.get_by_role("link", name=re.compile("^Record the committee's decision")))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the committee's decision on the extension"
    )
    assert axe(page) == []
    tab_to(page, page.get_by_label(re.compile("^Approved")))
    page.keyboard.press("Space")
    type_date(page, "Date of the meeting that decided", today)
    press(page, page.get_by_role("button", name="Save the decision"))
    expect(
        page.get_by_text(re.compile("^The committee.s decision on the extension .* has been recorded"))
    ).to_be_visible()
    recommendation.refresh_from_db()
    assert recommendation.target_date == new_date

    page.goto(live_server.url + "/councils/southwark-council/")
    assert figure(page, "overdue") == overdue_before - 1

    # The officer records Completed, with the register as evidence.
    officer_page.goto(live_server.url + RECOMMENDATION)
    press(officer_page, officer_page.get_by_role("link", name="Add update"))
    expect(officer_page.get_by_role("heading", level=1)).to_have_text("Add an update")
    assert axe(officer_page) == []
    tab_to(officer_page, officer_page.get_by_label("Not started"))
    officer_page.keyboard.press("ArrowDown")
    officer_page.keyboard.press("ArrowDown")
    expect(officer_page.get_by_label("Completed")).to_be_checked()
    tab_to(officer_page, officer_page.get_by_label("Update", exact=True))
    officer_page.keyboard.type("Every new councillor has had the training; the register is attached.")
    # The file input is reached by keyboard; the file itself is given to the
    # input directly, since headless Chromium opens its chooser only sometimes
    # under load (the chooser is the browser's, not the page's).
    evidence_input = officer_page.get_by_label("Attach evidence files (optional)")
    tab_to(officer_page, evidence_input)
    expect(evidence_input).to_be_focused()
    evidence_input.set_input_files(str(evidence))
    press(officer_page, officer_page.get_by_role("button", name="Save update"))
    expect(officer_page.get_by_text("Your update on recommendation 3 has been saved.")).to_be_visible()
    expect(officer_page.get_by_text("Reported complete, awaiting sign-off")).to_be_visible()
    expect(officer_page.get_by_role("link", name="Training register.pdf")).to_be_visible()
    assert axe(officer_page) == []
    page.goto(live_server.url + "/councils/southwark-council/")
    assert figure(page, "reported complete, awaiting sign-off") == awaiting_before + 1

    # The admin signs it off.
    page.goto(live_server.url + RECOMMENDATION)
    press(page, page.get_by_role("link", name="Record the committee's assessment of its completion"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the committee's assessment of its completion"
    )
    assert axe(page) == []
    tab_to(page, page.get_by_label(re.compile("^Signed off")))
    page.keyboard.press("Space")
    type_date(page, "Date of the meeting", today)
    tab_to(page, page.get_by_label("Minute reference (optional)"))
    page.keyboard.type("OSC 14/26")
    press(page, page.get_by_role("button", name="Save the assessment"))
    expect(page.get_by_text("Recommendation 3 is signed off.")).to_be_visible()
    expect(page.get_by_text("(minute OSC 14/26)")).to_be_visible()
    assert axe(page) == []
    record = SignOff.objects.get()
    assert (record.outcome, record.minute_reference, record.recorded_by) == ("signed_off", "OSC 14/26", admin)

    # The dashboard moves from awaiting sign-off to signed off.
    page.goto(live_server.url + "/councils/southwark-council/")
    assert figure(page, "reported complete, awaiting sign-off") == awaiting_before
    assert figure(page, "signed off") == signed_before + 1

    # The round's update report shows the extended target, the status and the committee's sign-off.
    page.goto(live_server.url + f"{SOUTHWARK}rounds/{meeting.isoformat()}/")
    press(page, page.get_by_role("link", name="Update report", exact=True))
    report = page.get_by_role("region", name="Recommendations and updates")
    expect(report).to_contain_text("Every new councillor has had the training; the register is attached.")
    expect(report).to_contain_text(f"Current target date: {new_date:%-d %B %Y} (Extension approved:")
    expect(report).to_contain_text("Signed off at the meeting on")
    expect(report).to_contain_text("OSC 14/26")
    assert axe(page) == []
