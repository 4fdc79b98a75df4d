"""A paper "as at" a date shows the data as it stood at the end of that day, from the history tables."""

import datetime

import pytest
from django.urls import reverse

from common.history import save_with_history
from councils.models import Committee
from papers.snapshot import LONDON
from recommendations.models import CabinetResponse, ProgressUpdate, Recommendation
from reviews.models import Review, UpdateRound
from tests.conftest import make_user
from tests.papers.conftest import import_seeds

OXFORD = ["oxford-city-council", "domestic-abuse-review-group"]
SOUTHWARK = ["southwark-council", "review-of-services-relating-to-domestic-violence-and-abuse"]
IMPORTED = datetime.datetime(2021, 1, 4, 10, 0, tzinfo=LONDON)


def date_history(model, when, **filters):
    """Move history rows to a known moment (imports are dated when they ran)."""
    model.history.filter(**filters).update(history_date=when)


def import_on(when, *names):
    import_seeds(*names)
    for model in (Review, Committee, UpdateRound, Recommendation, CabinetResponse, ProgressUpdate):
        date_history(model, when)


def import_oxford_on_4_january_2021():
    import_on(IMPORTED, "oxford-2020")


def change_response_5_on(when):
    response = CabinetResponse.objects.get(recommendation__position=5)
    response.decision, response.decision_wording = CabinetResponse.Decision.AGREE, "Agree"
    response.comment = "The Council has reviewed the Commission's findings after all."
    save_with_history(response, user=make_user("editor"), reason="Corrected")
    date_history(CabinetResponse, when, history_type="~")


def article(page):
    """The paper itself, without the page around it (whose CSRF token changes)."""
    html = page.content.decode()
    return html[html.index("<article") : html.index("</article>")]


def cabinet_response_page(client, as_at=None):
    url = reverse("papers:cabinet-response", args=OXFORD)
    return client.get(url, {"as_at": as_at} if as_at else {})


@pytest.mark.django_db
def test_changing_a_response_after_a_date_leaves_the_paper_as_at_that_date_unchanged(member_client):
    import_oxford_on_4_january_2021()
    client = member_client("oxford-city-council")
    csv_url = reverse("papers:cabinet-response-csv", args=OXFORD)
    before = article(cabinet_response_page(client, "2021-06-01"))
    before_csv = client.get(csv_url, {"as_at": "2021-06-01"}).content

    change_response_5_on(datetime.datetime(2022, 3, 1, 9, 0, tzinfo=LONDON))

    after = article(cabinet_response_page(client, "2021-06-01"))
    assert after == before
    assert client.get(csv_url, {"as_at": "2021-06-01"}).content == before_csv
    assert "Commission's findings after all" not in after
    assert "which may be different from other councils.." in after
    live = cabinet_response_page(client).content.decode()
    assert "Commission&#x27;s findings after all" in live


@pytest.mark.django_db
def test_the_change_shows_from_the_end_of_the_day_it_was_made_in_london(member_client):
    import_oxford_on_4_january_2021()
    # 23:30 on 1 March in London is still 1 March, though it is 2 March nowhere earlier.
    change_response_5_on(datetime.datetime(2022, 3, 1, 23, 30, tzinfo=LONDON))
    client = member_client("oxford-city-council")

    assert "findings after all" not in cabinet_response_page(client, "2022-02-28").content.decode()
    assert "findings after all" in cabinet_response_page(client, "2022-03-01").content.decode()


@pytest.mark.django_db
def test_a_past_view_says_so_in_a_notification_banner_and_the_live_view_does_not(member_client):
    import_oxford_on_4_january_2021()
    client = member_client("oxford-city-council")

    past = cabinet_response_page(client, "2021-06-01").content.decode()
    assert "govuk-notification-banner" in past
    assert "This is a past view. It shows the data as it stood at the end of 1 June 2021." in past
    assert "as-at-2021-06-01" not in past  # file names are given by the download itself
    assert (
        'href="/councils/oxford-city-council/reviews/domestic-abuse-review-group/papers/cabinet-response.docx?as_at=2021-06-01"'
        in past
    )
    assert "past view" not in cabinet_response_page(client).content.decode()


@pytest.mark.django_db
def test_the_date_can_be_typed_as_day_month_and_year_without_javascript(member_client):
    import_oxford_on_4_january_2021()
    client = member_client("oxford-city-council")
    url = reverse("papers:cabinet-response", args=OXFORD)

    page = client.get(url, {"as_at_0": "1", "as_at_1": "6", "as_at_2": "2021"}).content.decode()

    assert "at the end of 1 June 2021" in page


@pytest.mark.django_db
def test_a_recommendation_added_or_deleted_later_is_shown_as_it_was(member_client):
    import_oxford_on_4_january_2021()
    review = Recommendation.objects.first().review
    added = save_with_history(
        Recommendation(review=review, position=49, text="That the Council adds a later recommendation."),
        user=make_user("editor"),
        reason="Added",
    )
    date_history(Recommendation, datetime.datetime(2022, 1, 1, tzinfo=LONDON), id=added.id)
    gone = Recommendation.objects.get(review=review, position=48)
    gone_text = gone.text
    gone.delete()
    date_history(Recommendation, datetime.datetime(2022, 1, 1, tzinfo=LONDON), history_type="-")
    client = member_client("oxford-city-council")

    past = cabinet_response_page(client, "2021-12-31").content.decode()
    now = cabinet_response_page(client).content.decode()

    assert "adds a later recommendation" not in past and "adds a later recommendation" in now
    assert gone_text[:40] in past and gone_text[:40] not in now


@pytest.mark.django_db
def test_a_date_before_the_review_was_recorded_says_there_was_no_record(member_client):
    import_oxford_on_4_january_2021()
    client = member_client("oxford-city-council")

    page = cabinet_response_page(client, "2020-12-31").content.decode()

    assert "There was no record of this review by then" in page
    assert "That the Council formally adopts" not in page


@pytest.mark.django_db
def test_a_closed_round_shows_its_papers_as_at_its_closing_by_default(member_client):
    import_on(datetime.datetime(2023, 12, 1, tzinfo=LONDON), "southwark")
    update_round = UpdateRound.objects.get()
    closed = datetime.datetime(2024, 1, 1, 12, 0, tzinfo=LONDON)
    update_round.closed_at = closed
    save_with_history(update_round, user=make_user("admin"), reason="Closed")
    update = update_round.updates.order_by("paragraph_number").first()
    update.text = "A rewritten update."
    save_with_history(update, user=make_user("editor"), reason="Rewritten")
    date_history(ProgressUpdate, datetime.datetime(2024, 2, 1, tzinfo=LONDON), history_type="~", id=update.id)
    client = member_client("southwark-council")
    url = reverse("papers:update-report", args=[*SOUTHWARK, "2013-06-10"])

    page = client.get(url).content.decode()

    assert "This round closed on 1 January 2024" in page
    assert "A rewritten update." not in page
    assert "Data gathered from both Solace and the MPS" in page
    assert "A rewritten update." in client.get(url, {"as_at": "2024-02-02"}).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"as_at": "16/01/2024"}, "Enter the date as a day, month and year"),
        ({"as_at": "2024-02-30"}, "must be a real date"),
        ({"as_at_0": "1", "as_at_1": "", "as_at_2": "2024"}, "must include a month"),
        ({"as_at": "2099-01-01"}, "must be today or in the past"),
    ],
)
def test_a_bad_date_gets_a_plain_english_error_and_the_current_paper(member_client, query, message):
    import_oxford_on_4_january_2021()
    client = member_client("oxford-city-council")
    url = reverse("papers:cabinet-response", args=OXFORD)

    page = client.get(url, query).content.decode()

    assert "<title>Error: " in page
    assert "There is a problem" in page and message in page
    assert "past view" not in page
    download = client.get(reverse("papers:cabinet-response-docx", args=OXFORD), query)
    assert download.status_code == 400 and message in download.content.decode()
