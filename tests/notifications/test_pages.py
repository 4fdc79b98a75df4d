"""The follow buttons, the notifications page with its unread count, what you follow, and the preferences."""

import pytest
from django.urls import reverse

from notifications.models import Event, Follow, Notification, Preference
from recommendations import services as recommendation_services
from recommendations.models import Theme
from tests.conftest import make_recommendation, make_review, make_update

from .conftest import follow

pytestmark = pytest.mark.django_db


def follow_url(recommendation):
    review = recommendation.review
    return reverse(
        "notifications:follow-recommendation",
        args=[review.council.slug, review.slug, recommendation.position],
    )


def test_a_member_follows_and_unfollows_a_recommendation_from_its_page(client, olive, recommendation):
    client.force_login(olive)
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert 'value="yes"' in page and "Follow<span" in page

    response = client.post(
        follow_url(recommendation), {"following": "yes", "next": recommendation.get_absolute_url()}
    )
    assert response.status_code == 302 and response["Location"] == recommendation.get_absolute_url()
    row = Follow.objects.get(user=olive)
    assert row.recommendation == recommendation and row.is_following
    assert row.history.get().history_user == olive
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "You are following recommendation 1 of Review of Libraries." in page
    assert "Unfollow<span" in page

    client.post(follow_url(recommendation), {"following": "no"})
    row.refresh_from_db()
    assert row.is_following is False
    assert row.history.count() == 2


def test_a_member_follows_the_councils_reviews_by_default_and_can_turn_that_off(client, alice, review):
    client.force_login(alice)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Scrutiny members follow their council&#x27;s reviews." in page
    client.post(
        reverse("notifications:follow-review", args=[review.council.slug, review.slug]), {"following": "no"}
    )
    assert Follow.objects.get(user=alice).is_following is False
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Following</strong>" not in page


def test_an_officer_does_not_follow_the_councils_reviews_by_default(client, olive, review):
    client.force_login(olive)
    page = client.get(review.get_absolute_url()).content.decode()
    assert "Scrutiny members follow" not in page and "Following</strong>" not in page


def test_a_follow_of_another_councils_recommendation_is_404_and_writes_nothing(client, oscar, recommendation):
    client.force_login(oscar)
    assert client.post(follow_url(recommendation), {"following": "yes"}).status_code == 404
    review = recommendation.review
    for url in (
        reverse("notifications:follow-review", args=[review.council.slug, review.slug]),
        reverse("notifications:follow-council", args=[review.council.slug]),
    ):
        assert client.post(url, {"following": "yes"}).status_code == 404
    assert Follow.objects.count() == 0


def test_a_theme_only_another_council_uses_is_404(client, oscar, otherton, testshire, recommendation):
    housing = Theme.objects.create(name="Housing", slug="housing")
    recommendation_services.set_themes(recommendation=recommendation, user=None, themes=[housing], version=1)
    client.force_login(oscar)
    assert (
        client.post(reverse("notifications:follow-theme", args=["housing"]), {"following": "yes"}).status_code
        == 404
    )
    assert Follow.objects.count() == 0


def test_a_bad_value_a_hostile_next_or_a_get_writes_nothing(client, alice, recommendation):
    client.force_login(alice)
    response = client.post(follow_url(recommendation), {"following": "maybe"})
    assert response.status_code == 302
    assert "Choose whether to follow it" in client.get(response["Location"]).content.decode()
    response = client.post(follow_url(recommendation), {"following": "yes", "next": "https://evil.example/"})
    assert response["Location"] == recommendation.get_absolute_url()
    assert client.get(follow_url(recommendation)).status_code == 405
    assert Follow.objects.filter(is_following=True).count() == 1


def test_the_header_counts_unread_notifications_in_one_query(
    client, alice, olive, recommendation, run_tasks, django_assert_num_queries, settled
):
    for text in ("One.", "Two.", "Three."):
        make_update(recommendation=recommendation, user=olive, text=text)
    run_tasks()
    client.force_login(alice)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Notifications, 3 unread" in page
    # The session, the person, the preference, and the count.
    with django_assert_num_queries(4):
        client.get(reverse("notifications:preferences"))


def test_the_notifications_page_shows_newest_first_and_marks_those_shown_read(
    client, alice, olive, recommendation, run_tasks, settled, monkeypatch
):
    from notifications import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for text in ("One.", "Two.", "Three."):
        make_update(recommendation=recommendation, user=olive, text=text, status="in_progress")
    run_tasks()
    client.force_login(alice)
    newest = list(Notification.objects.filter(user=alice).order_by("-created_at", "-id"))

    client.head(reverse("notifications:list"))
    client.get(reverse("notifications:list"), headers={"Sec-Purpose": "prefetch"})
    assert Notification.objects.filter(user=alice, read_at=None).count() == 3  # not seen yet

    page = client.get(reverse("notifications:list")).content.decode()
    assert page.count("New</strong>") == 2
    assert "Notifications, 3 unread" in page  # the header was drawn before they were marked
    assert set(Notification.objects.filter(user=alice, read_at=None)) == {newest[2]}
    assert "Notifications, 1 unread" in client.get(reverse("notifications:list") + "?page=2").content.decode()
    assert Notification.objects.filter(user=alice, read_at=None).count() == 0


def test_the_notifications_page_hides_news_of_a_council_one_has_left(
    client, alice, adam, olive, recommendation, run_tasks, settled
):
    from councils.services import remove_member

    make_update(recommendation=recommendation, user=olive, text="One.")
    run_tasks()
    remove_member(membership=alice.memberships.get(), user=adam)
    client.force_login(alice)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Nothing has changed on what you follow yet." in page
    assert "unread" not in page


def test_what_you_follow_lists_choices_and_defaults(
    client, alice, olive, testshire, lead, recommendation, review
):
    follow(olive, testshire)
    follow(olive, review, is_following=False)
    client.force_login(olive)
    page = client.get(reverse("notifications:following")).content.decode()
    assert "Testshire County Council</a>" in page
    assert "You unfollowed" in page and "Review of Libraries, Testshire County Council" in page
    assert "You follow the recommendations you lead" in page
    client.force_login(alice)
    page = client.get(reverse("notifications:following")).content.decode()
    assert "As a scrutiny member, you follow every review of" in page


def test_the_preferences_page_saves_a_choice_and_refuses_a_bad_one(client, alice):
    client.force_login(alice)
    url = reverse("notifications:preferences")
    page = client.get(url).content.decode()
    assert 'value="digest" checked' in page.replace("\n", " ") or "checked" in page
    response = client.post(url, {"email": "sometimes"})
    assert "Error: " in response.content.decode() and "Select when to e-mail you" in response.content.decode()
    assert not Preference.objects.exists()
    response = client.post(url, {"email": "immediate"})
    assert response.status_code == 302
    assert Preference.objects.get(user=alice).email == "immediate"
    assert Preference.history.get().history_change_reason == "Changed on the preferences page"


def test_news_of_another_council_is_never_shown(
    client, alice, bob, otherton, recommendation, run_tasks, settled
):
    other = make_recommendation(make_review(otherton, "Review of Parks"), text="That parks open late.")
    make_update(recommendation=other, user=None, text="Otherton news.")
    run_tasks()
    assert Event.objects.count() == 1
    client.force_login(alice)
    assert "Otherton" not in client.get(reverse("notifications:list")).content.decode()
