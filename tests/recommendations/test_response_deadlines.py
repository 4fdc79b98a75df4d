"""The executive's response is due within the council's period after the recommendations were made: its
due date, the date it came, and days late, on the review page, the council's reviews and the list of
responses; late ones stay visible after they arrive. Filters for the follow-through."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations import services
from recommendations.models import CabinetResponse, Recommendation
from reviews import services as review_services
from tests.conftest import make_recommendation, make_review

TODAY = timezone.localdate()


def made(review, user, day):
    return review_services.edit_review(
        review=review, user=user, reason="Recommendations made", recommended_date=day
    )


def respond(recommendation, user, day):
    return services.save_response(
        recommendation=recommendation,
        user=user,
        decision=CabinetResponse.Decision.AGREE,
        response_date=day,
        version=None,
    )


@pytest.fixture
def three_reviews(adam, testshire):
    """One answered on time, one answered late, one still awaited and overdue."""
    on_time, late, awaited = (
        make_review(testshire, title, slug=title.lower().replace(" ", "-"))
        for title in ("Parks", "Libraries 2", "Buses")
    )
    day = TODAY - datetime.timedelta(days=200)
    for review in (on_time, late, awaited):
        made(review, adam, day)
    respond(make_recommendation(on_time, 1), adam, day + datetime.timedelta(days=30))
    respond(make_recommendation(late, 1), adam, day + datetime.timedelta(days=100))
    make_recommendation(late, 2)  # answered with the first
    make_recommendation(awaited, 1)
    return on_time, late, awaited


def test_the_due_date_follows_the_council_period(adam, review):
    made(review, adam, datetime.date(2025, 12, 31))
    assert review.response_due_date == datetime.date(2026, 2, 28)
    history = review.history.latest()
    assert history.response_due_date == datetime.date(2026, 2, 28) and history.history_user == adam


def test_the_list_of_responses_shows_the_awaited_and_the_late(client, alice, three_reviews):
    on_time, late, awaited = three_reviews
    client.force_login(alice)

    page = client.get(reverse("recommendations:responses")).content.decode()

    awaiting, came_late = page.split("Responses that came late")
    assert "Buses" in awaiting and "Libraries 2" not in awaiting and "Parks" not in awaiting
    assert "Libraries 2" in came_late and "Buses" not in came_late
    due = late.response_due_date
    assert f"{(TODAY - datetime.timedelta(days=100) - due).days}</td>" in came_late
    assert "1 review had its response on time" in page


def test_the_review_page_and_the_councils_reviews_show_due_date_and_days_late(client, alice, three_reviews):
    on_time, late, awaited = three_reviews
    client.force_login(alice)

    late_page = client.get(late.get_absolute_url()).content.decode()
    awaited_page = client.get(awaited.get_absolute_url()).content.decode()
    council_page = client.get(late.council.get_absolute_url()).content.decode()

    days = (TODAY - datetime.timedelta(days=100) - late.response_due_date).days
    assert "Responded late" in late_page and f"{days} days late" in late_page
    overdue = (TODAY - awaited.response_due_date).days
    assert "Response overdue" in awaited_page and f"{overdue} days late" in awaited_page
    assert "Responded on time" in council_page and "Response overdue" in council_page


def test_without_a_made_date_no_deadline_is_invented_and_an_undated_response_is_not_called_late(
    client, alice, adam, testshire
):
    undated = make_review(testshire, "Undated", slug="undated")
    make_recommendation(undated, 1, decision=CabinetResponse.Decision.AGREE)  # a response with no date
    made(undated, adam, TODAY - datetime.timedelta(days=400))
    no_date = make_review(testshire, "No date", slug="no-date")
    make_recommendation(no_date, 1)
    client.force_login(alice)

    assert "Responded, date not recorded" in client.get(undated.get_absolute_url()).content.decode()
    assert "No deadline" in client.get(no_date.get_absolute_url()).content.decode()
    page = client.get(reverse("recommendations:responses")).content.decode()
    assert "Undated" not in page.split("Responses that came late")[0] and "No date" not in page
    assert not Recommendation.objects.response_late(TODAY).exists()


def test_another_councils_responses_are_not_found(client, oscar, testshire):
    client.force_login(oscar)
    assert client.get(reverse("recommendations:responses"), {"council": testshire.slug}).status_code == 404


def test_the_filters_for_late_responses_sign_off_sent_back_escalated_and_forecast(
    client, alice, adam, olive, three_reviews
):
    on_time, late, awaited = three_reviews
    signed = on_time.recommendations.get()
    update = services.record_update(recommendation=signed, user=olive, text="Done.", status="completed")
    services.assess_completion(
        recommendation=signed, user=adam, signed_off=True, meeting_date=TODAY, update_id=update.pk
    )
    waiting = late.recommendations.get(position=1)
    services.record_update(recommendation=waiting, user=olive, text="Done.", status="completed")
    risky = late.recommendations.get(position=2)
    services.record_update(
        recommendation=risky, user=olive, text="Slow.", status="in_progress", forecast="at_risk"
    )
    client.force_login(alice)

    def listed(**query):
        rows = b"".join(
            client.get(reverse("recommendations:list"), {**query, "format": "csv"}).streaming_content
        )
        return {review.title for review in (on_time, late, awaited) if f",{review.title},".encode() in rows}

    assert listed(response_late="true") == {"Libraries 2", "Buses"}
    assert listed(signed_off="true") == {"Parks"}
    assert listed(awaiting_sign_off="true") == {"Libraries 2"}
    assert listed(forecast="at_risk") == {"Libraries 2"}
    assert listed(sent_back="true") == set() and listed(escalated="true") == set()
    assert set(Recommendation.objects.response_late(TODAY)) == {
        *late.recommendations.all(),
        *awaited.recommendations.all(),
    }


def test_the_seed_papers_show_what_they_say_and_nothing_invented(client, seeded):
    from django.contrib.auth import get_user_model

    from reviews.models import Review

    oxford = Review.objects.get(council__name="Oxford City Council")
    southwark = Review.objects.get(council__name="Southwark Council")
    oxfordshire = Review.objects.get(council__name="Oxfordshire County Council")
    client.force_login(get_user_model().objects.create_superuser("root", password="x"))

    # Oxford's recommendations were made on 3 November 2020; its responses carry no date, so whether they
    # came on time is not known, and nothing calls them late.
    assert oxford.response_due_date == datetime.date(2021, 1, 3)
    assert "Responded, date not recorded" in client.get(oxford.get_absolute_url()).content.decode()
    assert not Recommendation.objects.response_late(TODAY).exists()
    # Oxfordshire's and Southwark's papers do not say when theirs were made: no deadline.
    assert oxfordshire.response_due_date is None and southwark.response_due_date is None
    # Southwark's updates give no targets, and none is made up.
    assert southwark.recommendations.count() == 12
    assert not Recommendation.objects.filter(target_date__isnull=False).exists()
    assert (
        not Recommendation.objects.awaiting_sign_off().exists()
        and not Recommendation.objects.signed_off().exists()
    )
