"""A council admin sets what the papers of the rounds the council collects cover and show."""

import pytest
from django.urls import reverse

from councils.models import Council, PaperCover


def test_an_admin_sets_the_papers_defaults_with_history(client, adam, testshire):
    client.force_login(adam)
    url = reverse("councils:paper-defaults", args=[testshire.slug])

    page = client.get(url).content.decode()
    assert (
        'value="all" id="id_cover_0" checked' in page and 'value="no" id="id_show_response_1" checked' in page
    )

    response = client.post(url, {"cover": "open", "show_response": "yes"})

    assert response["Location"] == testshire.get_absolute_url()
    council = Council.objects.get(pk=testshire.pk)
    assert (council.papers_cover, council.papers_show_response) == (PaperCover.OPEN, True)
    history = council.history.latest("history_date")
    assert history.history_user == adam and history.history_change_reason == "Changed the papers' defaults"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"show_response": "yes"}, "Select which recommendations to include"),
        ({"cover": "some", "show_response": "yes"}, "Select which recommendations to include"),
        ({"cover": "open", "show_response": "maybe"}, "Select yes or no"),
    ],
)
def test_a_wrong_answer_is_explained_and_changes_nothing(client, adam, testshire, data, message):
    client.force_login(adam)
    before = testshire.history.count()

    response = client.post(reverse("councils:paper-defaults", args=[testshire.slug]), data)

    assert response.status_code == 200 and message in response.content.decode()
    assert response.content.decode().count(message) == 2  # the summary and the field
    assert Council.objects.get(pk=testshire.pk).papers_cover == PaperCover.ALL
    assert testshire.history.count() == before
