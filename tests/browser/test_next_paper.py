"""The next committee paper, with the keyboard alone: an admin opens a round, an officer gives one
update, and the round's update report carries every other recommendation's last known position
forward, naming its lead officer; the Word, CSV and covering report downloads say the same."""

import csv
import datetime
import io
import re

import pytest
from docx import Document
from playwright.sync_api import expect

from councils.models import Council, Membership
from recommendations import services
from recommendations.models import ProgressUpdate, Recommendation
from reviews.models import UpdateRound
from tests.conftest import make_user
from tests.papers.conftest import import_seeds

from .test_officer_journey import tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOUTHWARK = "/councils/southwark-council/reviews/review-of-services-relating-to-domestic-violence-and-abuse/"
CARRIED = "No new update. Last reported 28 May 2013, for Overview and Scrutiny Committee, 10 June 2013:"


def sign_in(page, live_server, username, path):
    page.goto(live_server.url + path)
    tab_to(page, page.get_by_label("Username"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type("password")
    page.keyboard.press("Enter")


def type_date(page, group, day):
    """Fill a GOV.UK date input, a box at a time, from its Day box."""
    tab_to(page, page.get_by_role("group", name=group).get_by_label("Day"))
    for part in (day.day, day.month, day.year):
        page.keyboard.type(str(part))
        page.keyboard.press("Tab")


def download(page, link):
    tab_to(page, link)
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    return info.value


def test_the_next_update_report_carries_forward_every_position_it_has_no_update_for(
    page, browser, live_server, axe
):
    import_seeds("southwark")
    council = Council.objects.get(slug="southwark-council")
    admin = make_user("sam", first_name="Sam", last_name="Admin")
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    officer = make_user("jtoy", first_name="Jonathon", last_name="Toy")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    recommendations = list(Recommendation.objects.filter(review__council=council).order_by("position"))
    for recommendation in recommendations[:4]:
        services.assign_lead_officer(
            recommendation=recommendation, user=admin, officer=officer, version=recommendation.version
        )
    meeting = datetime.date.today() + datetime.timedelta(days=60)

    # The admin opens a round for the next meeting.
    sign_in(page, live_server, "sam", SOUTHWARK)
    tab_to(page, page.get_by_role("link", name="Open a round of updates"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open an update round")
    assert axe(page) == []
    tab_to(page, page.get_by_label("Committee the updates go to"))
    page.keyboard.type("Overview")
    type_date(page, "Date of the meeting", meeting)
    type_date(page, "Date updates are due", meeting - datetime.timedelta(days=14))
    tab_to(page, page.get_by_role("button", name="Open the round"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Updates for Overview and Scrutiny Committee"
    )
    assert axe(page) == []
    new_round = UpdateRound.objects.get(meeting_date=meeting)

    # The officer gives one update: the form has chosen the round it is owed for.
    officer_page = browser.new_page()
    sign_in(officer_page, live_server, "jtoy", f"{SOUTHWARK}recommendations/3/updates/new/")
    expect(officer_page.get_by_role("heading", level=1)).to_have_text("Add an update")
    assert axe(officer_page) == []
    expect(officer_page.get_by_label("Update round (optional)")).to_have_value(str(new_round.pk))
    tab_to(officer_page, officer_page.get_by_label("Not started"))
    officer_page.keyboard.press("ArrowDown")  # radios move with the arrow keys
    expect(officer_page.get_by_label("In progress")).to_be_checked()
    tab_to(officer_page, officer_page.get_by_label("Update", exact=True))
    officer_page.keyboard.type("Member training on domestic abuse is booked for every new councillor.")
    tab_to(officer_page, officer_page.get_by_role("button", name="Save update"))
    officer_page.keyboard.press("Enter")
    expect(officer_page.get_by_text("Your update on recommendation 3 has been saved.")).to_be_visible()
    assert ProgressUpdate.objects.get(round=new_round).recommendation == recommendations[2]

    # The round's update report: the new update, and every other position carried forward.
    page.goto(live_server.url + f"{SOUTHWARK}rounds/{meeting.isoformat()}/")
    tab_to(page, page.get_by_role("link", name="Update report", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Update")
    report = page.get_by_role("region", name="Recommendations and updates")
    expect(report).to_contain_text("Member training on domestic abuse is booked for every new councillor.")
    expect(report.get_by_text(CARRIED)).to_have_count(11)
    expect(report.get_by_text("Lead officer: Jonathon Toy")).to_have_count(4)
    expect(report.get_by_text("Lead officer: Not assigned")).to_have_count(8)
    summary = page.get_by_role("region", name="Summary")
    expect(summary).to_contain_text(
        "This report covers 12 recommendations. 1 has an update for this round and 11 do not."
    )
    assert axe(page) == []
    page_text = report.inner_text()

    # Word says the same.
    word = download(page, page.get_by_role("link", name=re.compile(r"^Download as Word")))
    document = Document(word.path())
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs.count(CARRIED) == 11
    assert "Member training on domestic abuse is booked for every new councillor." in paragraphs
    assert paragraphs.count("Lead officer: Jonathon Toy") == 4
    for text in paragraphs:
        if text.startswith(("5. Data gathered", "No new update", "Lead officer")):
            assert text in page_text

    # CSV too.
    spreadsheet = download(page, page.get_by_role("link", name=re.compile(r"^Download as CSV")))
    rows = list(csv.DictReader(io.StringIO(spreadsheet.path().read_text(encoding="utf-8-sig"))))
    assert len(rows) == 12
    assert [row["Update"] != "" for row in rows] == [position == 3 for position in range(1, 13)]
    carried = [row["Last known position (no new update)"] for row in rows]
    assert sum(1 for cell in carried if cell.startswith(CARRIED)) == 11
    assert [row["Lead officer"] for row in rows] == ["Jonathon Toy"] * 4 + [""] * 8

    # The covering report opens as a Word document, with the update table as its appendix.
    page.goto(live_server.url + f"{SOUTHWARK}rounds/{meeting.isoformat()}/")
    covering = download(page, page.get_by_role("link", name="Covering report (Word)"))
    document = Document(covering.path())
    assert document.tables[0].rows[0].cells[1].text == "Overview and Scrutiny Committee"
    appendix = document.tables[-1]
    assert len(appendix.rows) == 13
    assert "Member training on domestic abuse" in appendix.rows[3].cells[2].text
    assert appendix.rows[1].cells[2].text.startswith(CARRIED)
