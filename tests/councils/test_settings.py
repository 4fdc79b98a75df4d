"""A council admin sets what the papers of the rounds the council collects cover and show, and when a
recommendation is stalled."""

import pytest
from django.urls import reverse

from councils.models import Council, PaperCover


def test_an_admin_changes_the_settings_with_history(client, adam, testshire):
    client.force_login(adam)
    url = reverse("councils:settings", args=[testshire.slug])

    page = client.get(url).content.decode()
    assert (
        'value="all" id="id_cover_0" checked' in page and 'value="no" id="id_show_response_1" checked' in page
    )

    response = client.post(url, {"cover": "open", "show_response": "yes", "stalled_after_months": "3"})

    assert response["Location"] == testshire.get_absolute_url()
    council = Council.objects.get(pk=testshire.pk)
    assert (council.papers_cover, council.papers_show_response) == (PaperCover.OPEN, True)
    assert council.stalled_after_months == 3
    history = council.history.latest("history_date")
    assert history.history_user == adam and history.history_change_reason == "Changed the council's settings"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"show_response": "yes", "stalled_after_months": "6"}, "Select which recommendations to include"),
        (
            {"cover": "some", "show_response": "yes", "stalled_after_months": "6"},
            "Select which recommendations to include",
        ),
        ({"cover": "open", "show_response": "maybe", "stalled_after_months": "6"}, "Select yes or no"),
        (
            {"cover": "open", "show_response": "no", "stalled_after_months": "5"},
            "Select how many months from the list",
        ),
    ],
)
def test_a_wrong_answer_is_explained_and_changes_nothing(client, adam, testshire, data, message):
    client.force_login(adam)
    before = testshire.history.count()

    response = client.post(reverse("councils:settings", args=[testshire.slug]), data)

    assert response.status_code == 200 and message in response.content.decode()
    assert response.content.decode().count(message) == 2  # the summary and the field
    assert Council.objects.get(pk=testshire.pk).papers_cover == PaperCover.ALL
    assert testshire.history.count() == before
