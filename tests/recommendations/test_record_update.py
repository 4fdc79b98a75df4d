"""Officers record progress updates in the browser."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import ProgressUpdate, Status
from reviews.models import UpdateRound
from tests.conftest import make_update


def add_url(recommendation):
    review = recommendation.review
    return reverse(
        "recommendations:add-update", args=[review.council.slug, review.slug, recommendation.position]
    )


def valid(**overrides):
    today = timezone.localdate()
    data = {
        "status": Status.IN_PROGRESS,
        "text": "The library opened on two Sundays in May.",
        "update_date_0": str(today.day),
        "update_date_1": str(today.month),
        "update_date_2": str(today.year),
        "round": "",
        "evidence": "https://example.org/minutes",
    }
    return {**data, **overrides}


def test_an_officer_records_an_update_with_author_and_reason_in_history(client, olive, recommendation):
    client.force_login(olive)

    response = client.post(add_url(recommendation), valid())

    assert response.status_code == 302 and response["Location"] == recommendation.get_absolute_url()
    update = recommendation.updates.get()
    assert update.status == ProgressUpdate.Status.IN_PROGRESS
    assert update.text == "The library opened on two Sundays in May."
    assert update.update_date == timezone.localdate()
    assert update.author == olive and update.evidence == "https://example.org/minutes"
    history = update.history.get()
    assert history.history_user == olive and history.history_change_reason == "Recorded a progress update"
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Your update on recommendation 1 has been saved." in page
    assert "by Olive Okafor" in page


def test_the_form_offers_todays_date_and_the_open_round(client, olive, recommendation, review):
    open_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2020-01-10", closed_at=timezone.now()
    )
    client.force_login(olive)

    response = client.get(add_url(recommendation))

    form = response.context["form"]
    assert form["update_date"].value() == timezone.localdate()
    assert form["round"].value() == open_round.pk
    assert list(form.fields["round"].queryset) == [open_round]  # closed rounds are not offered
    page = response.content.decode()
    assert 'name="update_date_0"' in page and 'data-module="govuk-character-count"' in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"text": "  "}, "text", "Enter the update"),
        ({"status": ""}, "status", "Select a status"),
        ({"status": "done-ish"}, "status", "Select a status"),
        (
            {"update_date_0": "", "update_date_1": "", "update_date_2": ""},
            "update_date",
            "Enter the date of the update",
        ),
        (
            {"update_date_0": "31", "update_date_1": "2"},
            "update_date",
            "The date of the update must be a real date",
        ),
        ({"update_date_1": ""}, "update_date", "The date of the update must include a month"),
        ({"round": "99999"}, "round", "Select an update round from the list"),
        ({"status": Status.OVERTAKEN}, "outcome_reason", "Enter why it closes as “Overtaken by events”"),
        (
            {"status": Status.NOT_TAKEN_FORWARD, "outcome_reason": "   "},
            "outcome_reason",
            "Enter why it closes as “Will not be implemented”",
        ),
        ({"forecast": "hopeful"}, "forecast", "Select whether it is on track, at risk or off track"),
        (
            {"status": Status.ALTERNATIVE_ACTION, "outcome_reason": "x" * 2001},
            "outcome_reason",
            "The reason must be 2,000 characters or fewer",
        ),
    ],
)
def test_a_wrong_value_is_explained_beside_its_field_and_nothing_is_saved(
    client, olive, recommendation, overrides, field, message
):
    client.force_login(olive)

    response = client.post(add_url(recommendation), valid(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    page = response.content.decode()
    assert page.count(message) == 2  # in the summary and beside the field
    assert "<title>Error: " in page and "There is a problem" in page
    assert not ProgressUpdate.objects.exists()


def test_a_date_in_the_future_is_refused(client, olive, recommendation):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    client.force_login(olive)
    response = client.post(
        add_url(recommendation),
        valid(update_date_0=tomorrow.day, update_date_1=tomorrow.month, update_date_2=tomorrow.year),
    )
    assert response.context["form"].errors["update_date"] == [
        "The date of the update must be today or in the past"
    ]
    assert not ProgressUpdate.objects.exists()


def test_a_scrutiny_member_may_not_record_an_update(client, alice, recommendation):
    client.force_login(alice)
    assert client.get(add_url(recommendation)).status_code == 403
    assert client.post(add_url(recommendation), valid()).status_code == 403
    assert not ProgressUpdate.objects.exists()


def test_an_officer_of_another_council_gets_404(client, oscar, recommendation):
    client.force_login(oscar)
    assert client.post(add_url(recommendation), valid()).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_an_officer_changes_an_update_and_history_keeps_both(client, olive, recommendation):
    update = ProgressUpdate.objects.create(
        recommendation=recommendation, text="Planned.", status=Status.NOT_STARTED
    )
    review = recommendation.review
    url = reverse("recommendations:edit-update", args=[review.council.slug, review.slug, 1, update.pk])
    client.force_login(olive)

    response = client.post(url, valid(text="Begun.", version=1))

    assert response.status_code == 302
    update.refresh_from_db()
    assert (update.text, update.version) == ("Begun.", 2)
    assert [h.text for h in update.history.all()] == ["Begun.", "Planned."]
    assert update.history.first().history_change_reason == "Edited the progress update"


def test_the_form_preselects_the_round_it_owes_an_update_for(client, olive, recommendation, review):
    """Of two open rounds, the one already answered is offered but not chosen; with none owed, none is."""
    answered = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-03-10", due_date="2030-02-20"
    )
    owed = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    make_update(recommendation=recommendation, round=answered, text="Done for March.")
    client.force_login(olive)

    form = client.get(add_url(recommendation)).context["form"]

    assert form["round"].value() == owed.pk
    assert set(form.fields["round"].queryset) == {answered, owed}
    make_update(recommendation=recommendation, round=owed, text="Done for June.")
    assert client.get(add_url(recommendation)).context["form"]["round"].value() is None


def test_a_closing_outcome_keeps_its_reason_and_a_forecast_is_shown(client, olive, recommendation):
    client.force_login(olive)

    client.post(
        add_url(recommendation),
        valid(
            status=Status.ALTERNATIVE_ACTION,
            outcome_reason="The county's new hub does the same for all districts.",
            forecast=ProgressUpdate.Forecast.ON_TRACK,
        ),
    )

    update = recommendation.updates.get()
    assert (update.status, update.forecast) == (Status.ALTERNATIVE_ACTION, ProgressUpdate.Forecast.ON_TRACK)
    assert update.outcome_reason == "The county's new hub does the same for all districts."
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Alternative action taken" in page and "On track" in page
    assert "The county&#x27;s new hub does the same for all districts." in page
    # It is finished: no open round asks it for an update.
    assert recommendation.__class__.objects.finished().filter(pk=recommendation.pk).exists()


def test_a_reason_given_with_a_status_that_needs_none_is_not_kept(client, olive, recommendation):
    client.force_login(olive)

    client.post(add_url(recommendation), valid(outcome_reason="Left over from another choice."))

    assert recommendation.updates.get().outcome_reason == ""


def test_the_service_refuses_a_closing_outcome_without_a_reason(recommendation):
    with pytest.raises(ValueError, match="needs a reason"):
        make_update(
            recommendation=recommendation, status=Status.OVERTAKEN, text="Superseded by the county plan."
        )
    assert not ProgressUpdate.objects.exists()
