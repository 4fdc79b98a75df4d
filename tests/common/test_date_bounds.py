"""Absurd dates (year 1, year 9999) were accepted by the forms; now every date field keeps to 1980-2100."""

import pytest
from django.urls import reverse

from recommendations.models import CabinetResponse, ProgressUpdate


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1", "Year must include 4 numbers"),
        ("1979", "Year must be between 1980 and 2100"),
        ("9999", "Year must be between 1980 and 2100"),
    ],
)
def test_an_absurd_year_is_refused_beside_the_field_and_nothing_is_written(
    client, olive, recommendation, year, message
):
    review = recommendation.review
    client.force_login(olive)
    forms = {
        "add-update": {"status": "in_progress", "text": "Begun.", "round": ""},
        "edit-response": {"decision": "agree", "comment": "Yes.", "version": "1"},
    }
    field = {"add-update": "update_date", "edit-response": "response_date"}
    before = (ProgressUpdate.objects.count(), CabinetResponse.history.count())

    for name, form in forms.items():
        url = reverse(
            f"recommendations:{name}", args=[review.council.slug, review.slug, recommendation.position]
        )
        dated = {f"{field[name]}_0": "1", f"{field[name]}_1": "6", f"{field[name]}_2": year}
        page = client.post(url, {**form, **dated}).content.decode()
        assert page.count(message) == 2, name  # the error summary and the field

    assert (ProgressUpdate.objects.count(), CabinetResponse.history.count()) == before
