"""The update report marks, in words, what is new or changed since the previous round."""

import datetime

import pytest
from django.urls import reverse

from common.history import save_with_history
from papers.snapshot import LONDON
from recommendations.models import CabinetResponse, ProgressUpdate
from reviews.models import UpdateRound
from tests.conftest import join, make_council, make_recommendation, make_review, make_user

FIRST, SECOND = datetime.date(2023, 1, 10), datetime.date(2023, 7, 10)


@pytest.fixture
def two_rounds(db):
    council = make_council()
    review = make_review(council)
    first, second = (
        UpdateRound.objects.create(review=review, committee=review.committee, meeting_date=day)
        for day in (FIRST, SECOND)
    )
    recommendations = [
        make_recommendation(review, n, f"That the Council does thing {n}.", CabinetResponse.Decision.AGREE)
        for n in (1, 2, 3)
    ]
    IN_PROGRESS, COMPLETED = ProgressUpdate.Status.IN_PROGRESS, ProgressUpdate.Status.COMPLETED
    for recommendation, first_text, second_text, status in [
        (recommendations[0], "Work carries on.", "Work carries on.", IN_PROGRESS),  # copied forward
        (recommendations[1], "Work has begun.", "The work is finished.", COMPLETED),  # new, status changed
        (recommendations[2], None, "A first word on thing 3.", IN_PROGRESS),  # new, first status
    ]:
        if first_text:
            ProgressUpdate.objects.create(
                recommendation=recommendation, round=first, text=first_text, status=IN_PROGRESS
            )
        ProgressUpdate.objects.create(
            recommendation=recommendation, round=second, text=second_text, status=status
        )
    # Everything so far was on record before the first meeting; then a response changed.
    CabinetResponse.history.update(history_date=datetime.datetime(2022, 12, 1, tzinfo=LONDON))
    response = CabinetResponse.objects.get(recommendation=recommendations[0])
    response.decision, response.decision_wording = CabinetResponse.Decision.IN_PART, "In part"
    save_with_history(response, user=make_user("editor"), reason="Corrected")
    CabinetResponse.history.filter(history_type="~").update(
        history_date=datetime.datetime(2023, 3, 1, tzinfo=LONDON)
    )
    member = make_user("member")
    join(member, council)
    return review, member


def section(html, number):
    """The part of the report about one recommendation."""
    start = html.index(f"That the Council does thing {number}.")
    end = html.find("That the Council does thing", start + 10)
    return html[start : end if end > 0 else None]


def test_new_updates_changed_statuses_and_changed_responses_are_tagged_in_words(client, two_rounds):
    review, member = two_rounds
    client.force_login(member)
    url = reverse("papers:update-report", args=[review.council.slug, review.slug, SECOND])

    html = client.get(url).content.decode()

    copied, finished, first_word = section(html, 1), section(html, 2), section(html, 3)
    assert "New<span" not in copied  # the update was copied forward: nothing new
    assert 'Changed<span class="govuk-visually-hidden"> cabinet response' in copied
    assert 'New<span class="govuk-visually-hidden"> update' in finished
    assert 'Changed<span class="govuk-visually-hidden"> status' in finished
    assert "(was In progress)" in finished
    assert 'New<span class="govuk-visually-hidden"> status' in first_word
    assert "cabinet response since" not in finished


def test_the_first_round_marks_nothing(client, two_rounds):
    review, member = two_rounds
    client.force_login(member)
    url = reverse("papers:update-report", args=[review.council.slug, review.slug, FIRST])

    html = client.get(url).content.decode()

    assert "since the previous round" not in html
