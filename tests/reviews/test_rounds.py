"""Council admins open update rounds and close them."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from councils.models import Committee
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


def past_rounds(review):
    """Rounds of yesterday's meeting (one kept open), today's, and one closed long ago."""
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    make = UpdateRound.objects.create
    other = Committee.objects.create(council=review.council, name="Cabinet")
    return {
        "past": make(review=review, committee=review.committee, meeting_date=yesterday),
        "kept": make(review=review, committee=other, meeting_date=yesterday, keep_open=True),
        "today": make(review=review, committee=review.committee, meeting_date=today),
        "closed": make(
            review=review,
            committee=other,
            meeting_date="2020-01-10",
            closed_at=timezone.now() - datetime.timedelta(days=9),
        ),
    }


def test_a_round_closes_itself_after_its_meeting_unless_kept_open(review):
    rounds = past_rounds(review)
    out = io.StringIO()

    call_command("close_past_rounds", stdout=out)

    state = {name: UpdateRound.objects.get(pk=r.pk) for name, r in rounds.items()}
    assert [name for name, r in state.items() if r.is_open] == ["kept", "today"]
    assert state["closed"].closed_at == rounds["closed"].closed_at  # left as it was
    history = state["past"].history.latest("history_date")
    assert history.history_user.username == "command-line"
    assert history.history_change_reason == (
        f"Closed itself after its meeting on {rounds['past'].meeting_date:%-d %B %Y}"
    )
    assert "Closed 1 round whose meeting has been." in out.getvalue()
    # Run again (cron runs it daily): nothing more to close, nothing written.
    before = UpdateRound.history.count()
    call_command("close_past_rounds", stdout=io.StringIO())
    assert UpdateRound.history.count() == before


def test_close_past_rounds_dry_run_and_a_given_day(review):
    rounds = past_rounds(review)
    out = io.StringIO()

    call_command("close_past_rounds", "--dry-run", stdout=out)
    assert "Would close 1 round" in out.getvalue() and UpdateRound.objects.open().count() == 3

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    call_command("close_past_rounds", "--today", tomorrow.isoformat(), stdout=io.StringIO())
    assert {r.pk for r in UpdateRound.objects.open()} == {rounds["kept"].pk}
    with pytest.raises(CommandError, match="--today must be a date written YYYY-MM-DD"):
        call_command("close_past_rounds", "--today", "next week")


def test_an_admin_keeps_a_round_open_after_its_meeting_and_lets_it_close_again(client, adam, review):
    update_round = past_rounds(review)["past"]
    url = reverse("reviews:keep-round-open", args=[review.council.slug, review.slug, update_round.pk])
    client.force_login(adam)

    client.post(url, {"keep_open": "yes"})
    call_command("close_past_rounds", stdout=io.StringIO())
    update_round.refresh_from_db()
    assert update_round.is_open and update_round.keep_open
    history = update_round.history.latest("history_date")
    assert (
        history.history_user == adam
        and history.history_change_reason == "Kept the round open after its meeting"
    )
    progress = reverse("reviews:round-progress", args=[review.council.slug, review.slug, update_round.pk])
    assert "Kept open until an admin closes it" in client.get(progress).content.decode()

    client.post(url, {"keep_open": "no"})
    call_command("close_past_rounds", stdout=io.StringIO())
    update_round.refresh_from_db()
    assert not update_round.is_open
    # A closed round cannot be kept open: the page says so, and nothing changes.
    before = update_round.history.count()
    page = client.post(url, {"keep_open": "yes"}, follow=True).content.decode()
    assert "is already closed" in page and update_round.history.count() == before
