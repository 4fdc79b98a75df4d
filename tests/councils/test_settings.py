"""A council admin sets what the papers of the rounds the council collects cover and show, and when a
recommendation is stalled."""

import datetime

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

    response = client.post(
        url,
        {
            "cover": "open",
            "show_response": "yes",
            "stalled_after_months": "3",
            "response_period_months": "2",
            "escalation_steps": "",
        },
    )

    assert response["Location"] == testshire.get_absolute_url()
    council = Council.objects.get(pk=testshire.pk)
    assert (council.papers_cover, council.papers_show_response) == (PaperCover.OPEN, True)
    assert council.stalled_after_months == 3
    history = council.history.latest("history_date")
    assert history.history_user == adam and history.history_change_reason == "Changed the council's settings"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"show_response": "yes", "stalled_after_months": "6", "response_period_months": "2"},
            "Select which recommendations to include",
        ),
        (
            {
                "cover": "some",
                "show_response": "yes",
                "stalled_after_months": "6",
                "response_period_months": "2",
            },
            "Select which recommendations to include",
        ),
        (
            {
                "cover": "open",
                "show_response": "maybe",
                "stalled_after_months": "6",
                "response_period_months": "2",
            },
            "Select yes or no",
        ),
        (
            {
                "cover": "open",
                "show_response": "no",
                "stalled_after_months": "5",
                "response_period_months": "2",
            },
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


SETTINGS = {"cover": "all", "show_response": "no", "stalled_after_months": "6", "response_period_months": "2"}


def test_the_ladder_is_set_in_order_and_a_step_taken_off_is_kept_retired(client, adam, testshire):
    client.force_login(adam)
    url = reverse("councils:settings", args=[testshire.slug])
    ladder = "Reminder to the lead officer\n\nThe chair writes to the director\n"

    client.post(url, {**SETTINGS, "escalation_steps": ladder})
    first = list(testshire.escalation_steps.filter(retired=False).values_list("position", "name"))
    client.post(
        url, {**SETTINGS, "escalation_steps": "The chair writes to the director\nCabinet member invited"}
    )

    assert first == [(1, "Reminder to the lead officer"), (2, "The chair writes to the director")]
    steps = testshire.escalation_steps.order_by("retired", "position")
    assert [(s.position, s.name, s.retired) for s in steps] == [
        (1, "The chair writes to the director", False),
        (2, "Cabinet member invited", False),
        (1, "Reminder to the lead officer", True),
    ]
    reminder = steps.get(name="Reminder to the lead officer")
    assert reminder.history.latest().history_user == adam
    assert "The chair writes to the director\nCabinet member invited" in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("ladder", "message"),
    [
        ("Reminder\nreminder", "Each step must have its own name: two lines say the same"),
        ("x" * 201, "Each step must be 200 characters or fewer"),
    ],
)
def test_a_wrong_ladder_is_explained_and_changes_nothing(client, adam, testshire, ladder, message):
    client.force_login(adam)

    response = client.post(
        reverse("councils:settings", args=[testshire.slug]), {**SETTINGS, "escalation_steps": ladder}
    )

    assert response.status_code == 200 and response.content.decode().count(message) == 2
    assert not testshire.escalation_steps.exists()


def test_a_new_response_period_moves_the_due_dates_of_the_councils_reviews(client, adam, testshire, review):
    from reviews import services as review_services

    review_services.edit_review(
        review=review, user=adam, reason="Made on", recommended_date=datetime.date(2026, 1, 31)
    )
    assert review.response_due_date == datetime.date(2026, 3, 31)
    client.force_login(adam)

    client.post(
        reverse("councils:settings", args=[testshire.slug]),
        {**SETTINGS, "response_period_months": "3", "escalation_steps": ""},
    )

    review.refresh_from_db()
    assert review.response_due_date == datetime.date(2026, 4, 30)
    moved = review.history.latest()
    assert moved.history_user == adam and "now gives 3 month(s)" in moved.history_change_reason
