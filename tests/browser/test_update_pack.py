"""The update pack in a real browser: My recommendations offers it, the upload and check pages pass axe,
and a row changed since the pack was made is recorded once ticked."""

import re

import pytest
from playwright.sync_api import expect

from councils.models import Council, Membership
from importing.pack import excel
from importing.pack.content import build_pack
from recommendations import services
from recommendations.models import ProgressUpdate, Status
from reviews.models import UpdateRound
from tests.browser.test_form_pages import sign_in
from tests.conftest import make_recommendation, make_review, make_update, make_user
from tests.importing.packs import fill_xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_checks_a_pack_with_a_changed_row_and_records_it(page, live_server, tmp_path, axe):
    council = Council.objects.create(name="Testshire County Council", slug="testshire")
    officer = make_user("olive", first_name="Olive", last_name="Okafor")
    Membership.objects.create(user=officer, council=council, role=Membership.Role.OFFICER)
    review = make_review(council)
    UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    first = make_recommendation(review, 1, "That the library opens on Sundays.")
    second = make_recommendation(review, 2, "That the library hires a librarian.")
    for recommendation in (first, second):
        services.assign_lead_officer(recommendation=recommendation, user=None, officer=officer, version=1)
    pack = build_pack(officer=officer, council=council)
    filled = fill_xlsx(
        excel.write_xlsx(pack),
        {
            "1": {"text": "Opened on two Sundays.", "status": "In progress", "forecast": "On track"},
            "2": {"text": "Appointed.", "status": "Completed"},
        },
    )
    path = tmp_path / "update-pack.xlsx"
    path.write_bytes(filled)
    make_update(recommendation=first, text="Opened on one Sunday.", status=Status.IN_PROGRESS)

    sign_in(page, live_server, "olive")
    page.goto(live_server.url + "/my-recommendations/")
    assert axe(page) == []
    page.get_by_role("link", name="Upload a filled-in pack").click()
    expect(page).to_have_title(re.compile(r"^Upload your update pack"))
    page.get_by_label("Upload your filled-in update pack").set_input_files(str(path))
    page.get_by_role("button", name="Check the pack").click()

    expect(page).to_have_title(re.compile(r"^Check your update pack"))
    assert axe(page) == []
    expect(page.get_by_text("Changed since your pack was made", exact=True)).to_be_visible()
    page.get_by_label("Record my update on 1 anyway").check()
    page.get_by_role("button", name="Record the updates").click()

    expect(page).to_have_title(re.compile(r"^My recommendations"))
    expect(page.get_by_text("2 updates from your update pack have been recorded.")).to_be_visible()
    assert list(
        ProgressUpdate.objects.filter(author=officer)
        .order_by("recommendation__position")
        .values_list("text", flat=True)
    ) == ["Opened on two Sundays.", "Appointed."]
