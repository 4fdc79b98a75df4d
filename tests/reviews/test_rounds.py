"""Council admins open update rounds and close them."""

import pytest
from django.urls import reverse

from reviews.models import UpdateRound


def open_url(review):
    return reverse("reviews:open-round", args=[review.council.slug, review.slug])


def form(review, **overrides):
    data = {
        "committee": review.committee.pk,
        "meeting_date_0": "10",
        "meeting_date_1": "6",
        "meeting_date_2": "2030",
        "due_date_0": "20",
        "due_date_1": "5",
        "due_date_2": "2030",
        "title": "Six-monthly update",
    }
    return {**data, **overrides}


def test_an_admin_opens_a_round(client, adam, review):
    client.force_login(adam)

    response = client.post(open_url(review), form(review))

    update_round = UpdateRound.objects.get()
    assert response["Location"] == reverse(
        "reviews:round-progress", args=[review.council.slug, review.slug, update_round.pk]
    )
    assert (str(update_round.meeting_date), str(update_round.due_date)) == ("2030-06-10", "2030-05-20")
    assert update_round.is_open
    history = update_round.history.get()
    assert history.history_user == adam and history.history_change_reason == "Opened the update round"


def test_updates_due_after_the_meeting_are_refused(client, adam, review):
    client.force_login(adam)
    response = client.post(open_url(review), form(review, due_date_1="7"))
    assert response.context["form"].errors["due_date"] == [
        "The date updates are due must be on or before the date of the meeting"
    ]
    assert not UpdateRound.objects.exists()


def test_a_second_round_for_the_same_meeting_is_refused(client, adam, review):
    client.force_login(adam)
    client.post(open_url(review), form(review))
    response = client.post(open_url(review), form(review))
    assert response.context["form"].errors["meeting_date"] == [
        "There is already a round for Scrutiny Committee on that date"
    ]
    assert UpdateRound.objects.count() == 1


@pytest.mark.parametrize("persona", ["olive", "alice"])
def test_officers_and_members_may_not_open_or_close_rounds(client, review, persona, request):
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-01-01"
    )
    client.force_login(request.getfixturevalue(persona))
    close = reverse("reviews:close-round", args=[review.council.slug, review.slug, update_round.pk])
    assert client.post(open_url(review), form(review)).status_code == 403
    assert client.post(close).status_code == 403
    update_round.refresh_from_db()
    assert update_round.is_open and UpdateRound.objects.count() == 1


def test_closing_a_round_freezes_it_with_history(client, adam, review, recommendation):
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-01-01"
    )
    client.force_login(adam)
    progress = reverse("reviews:round-progress", args=[review.council.slug, review.slug, update_round.pk])
    assert "Not yet" in client.get(progress).content.decode()

    response = client.post(
        reverse("reviews:close-round", args=[review.council.slug, review.slug, update_round.pk])
    )

    assert response["Location"] == progress
    update_round.refresh_from_db()
    assert not update_round.is_open
    assert update_round.history.first().history_change_reason == "Closed the update round"
    assert "Close the round" not in client.get(progress).content.decode()
