"""The first pages: who may see them, and what they show."""

import datetime

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from common.history import save_with_history
from recommendations import services
from recommendations.models import CabinetResponse, ProgressUpdate, Status
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_review, make_update, without_tokens


def page_urls(recommendation):
    review = recommendation.review
    return [
        reverse("home"),
        review.council.get_absolute_url(),
        review.get_absolute_url(),
        recommendation.get_absolute_url(),
    ]


def test_anonymous_visitors_are_sent_to_the_login_page(client, recommendation):
    for url in page_urls(recommendation):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_the_login_page_signs_a_member_in(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "password"})
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_a_wrong_password_is_refused_with_a_message(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "Error: " in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_home_lists_only_the_councils_a_person_belongs_to(client, alice, recommendation, otherton):
    make_review(otherton, "Review of Parks")
    client.force_login(alice)

    response = client.get(reverse("home"))

    assert list(response.context["councils"]) == [recommendation.review.council]
    assert response.context["dashboard"].total.count == 1
    page = response.content.decode()
    assert "Testshire County Council" in page and "Otherton" not in page


def test_a_member_of_another_council_gets_404_everywhere(client, bob, otherton, recommendation):
    client.force_login(bob)
    for url in page_urls(recommendation)[1:]:
        assert client.get(url).status_code == 404, url


def test_a_superuser_sees_every_council(client, django_user_model, recommendation, otherton):
    admin = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin)
    response = client.get(reverse("home"))
    assert [c.name for c in response.context["councils"]] == [
        "Otherton Borough Council",
        "Testshire County Council",
    ]


def test_the_review_page_lists_recommendations_with_decision_and_latest_status(
    client, alice, review, recommendation, django_assert_num_queries
):
    make_recommendation(review, position=2, text="That the Council extends opening hours.")
    make_update(
        recommendation=recommendation,
        status=ProgressUpdate.Status.COMPLETED,
        text="Done.",
        update_date="2024-05-01",
    )
    make_update(
        recommendation=recommendation,
        status=ProgressUpdate.Status.IN_PROGRESS,
        text="Begun.",
        update_date="2024-01-01",
    )
    client.force_login(alice)

    # session, user, review (with its council's change count, the cache key of everything below the
    # heading), the person's role, recommendations with their latest update, rounds, when the response
    # came, papers, the dashboard's three (the counts, overdue or stalled, changed) and the figures'
    # three (recommendations, sign-offs, reviews, each grouped); the follow button's one (the person's
    # follows of it and its council; their role is known) and the header's unread count
    with django_assert_num_queries(16):
        response = client.get(review.get_absolute_url())

    rows = list(response.context["recommendations"])
    assert [r.position for r in rows] == [1, 2]
    assert rows[0].latest_status == Status.COMPLETED and str(rows[0].last_updated_date) == "2024-05-01"
    assert rows[1].latest_status is None
    page = response.content.decode()
    assert "In part" in page and "No response yet" in page and "Completed" in page


def test_the_review_page_query_count_does_not_grow_with_recommendations(
    client, alice, review, django_assert_num_queries
):
    for number in range(1, 41):
        recommendation = make_recommendation(review, position=number, decision=CabinetResponse.Decision.AGREE)
        make_update(recommendation=recommendation, text="Progress.", update_date="2024-01-01")
    client.force_login(alice)
    with django_assert_num_queries(16):
        first = client.get(review.get_absolute_url())
    # Again, from the cache: session, user, review with the change count, role, the person's follows
    # and the header's unread count.
    with django_assert_num_queries(6):
        again = client.get(review.get_absolute_url())
    assert without_tokens(again) == without_tokens(first)


def test_the_recommendation_page_shows_text_response_updates_and_history(
    client, alice, review, recommendation, django_assert_num_queries
):
    committee = review.committee
    update_round = UpdateRound.objects.create(review=review, committee=committee, meeting_date="2024-06-10")
    make_update(
        recommendation=recommendation,
        round=update_round,
        text="First paragraph.\n\nSecond paragraph.",
        paragraph_number=7,
        author_name="Jo Bloggs, Head of Libraries",
    )
    response_obj = recommendation.cabinet_response
    response_obj.comment = "Sundays are under review."
    save_with_history(response_obj, user=alice, reason="Corrected the comment")
    client.force_login(alice)

    # session, user, recommendation (with its council's change count, the key of the cached page), the
    # person's role; then, for the page below the heading: its standing (overdue, slipped, escalatable)
    # with its latest progress, extensions, themes, the history of the recommendation (with its themes),
    # response, updates, evidence, target dates, extensions, sign-offs, assessments, evidence files and
    # escalations, its sign-offs, the steps taken and the escalation ladder, its updates with their
    # evidence files and assessments, and evidence (its target dates are read only where it has one);
    # the follow button's one (the person's follows of it, its review, council and themes; their role is
    # known) and the unread count
    with django_assert_num_queries(27):
        response = client.get(recommendation.get_absolute_url())
    # Again: all below the heading comes from the cache.
    with django_assert_num_queries(6):
        again = client.get(recommendation.get_absolute_url())
    assert without_tokens(again) == without_tokens(response)

    page = response.content.decode()
    assert "Recommendation 1" in page
    assert "That the Council opens the library on Sundays." in page
    assert "7. First paragraph." in page and "8. Second paragraph." in page
    assert "Jo Bloggs, Head of Libraries" in page
    changed = next(e for e in response.context["page"]["history"] if e.action == "Changed")
    assert (
        changed.subject == "Cabinet response"
        and changed.who == alice
        and changed.why == "Corrected the comment"
    )
    assert [(c.label, c.old, c.new) for c in changed.changes] == [
        ("Comment", "", "Sundays are under review.")
    ]
    assert "<ins>Sundays are under review.</ins>" in page
    assert "Reason: Corrected the comment" in page


def test_the_recommendation_page_query_count_does_not_grow_with_what_hangs_off_it(
    client, alice, olive, recommendation
):
    url = recommendation.get_absolute_url()
    client.force_login(alice)
    services.set_target(recommendation=recommendation, user=olive, date=datetime.date(2030, 1, 1), version=1)
    make_update(recommendation=recommendation, text="Begun.", update_date="2024-01-01")

    def queries_of_the_page():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = queries_of_the_page()
    for number in range(2, 7):
        make_update(recommendation=recommendation, text=f"Step {number}.", update_date=f"2024-0{number}-01")
    recommendation.refresh_from_db()
    services.set_themes(
        recommendation=recommendation,
        user=olive,
        themes=[],
        new_names=["Libraries", "Parks"],
        version=recommendation.version,
    )
    recommendation.refresh_from_db()
    services.set_target(
        recommendation=recommendation,
        user=olive,
        date=datetime.date(2031, 1, 1),
        reason="Later",
        version=recommendation.version,
    )
    services.request_extension(
        recommendation=recommendation, user=olive, date=datetime.date(2032, 1, 1), reason="Later still"
    )
    assert queries_of_the_page() == few


def test_signing_in_with_empty_fields_says_what_to_enter(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    page = response.content.decode()
    assert "<title>Error: Sign in" in page
    assert "Enter your username" in page and "Enter your password" in page


def test_a_change_made_in_the_admin_is_recorded_with_who_made_it(client, django_user_model, recommendation):
    admin = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(admin)
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    form = {
        "review": recommendation.review_id,
        "position": 1,
        "title": "Sunday opening",
        "text": recommendation.text,
        "lead_officer": "",
        "source_document": "",
        "source_position": "",
        "version": recommendation.version,
    }

    response = client.post(url, form)

    assert response.status_code == 302
    latest = recommendation.history.first()
    assert latest.title == "Sunday opening" and latest.history_user == admin
