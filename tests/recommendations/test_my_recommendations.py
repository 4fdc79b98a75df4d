"""An officer's own page: what they lead, the due ones first."""

from django.urls import reverse

from recommendations.models import Status
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_review, make_update


def test_my_recommendations_lists_what_i_lead_with_the_due_ones_first(
    client, olive, review, testshire, django_assert_num_queries
):
    done = make_recommendation(review, position=1, text="That the Council publishes opening hours.")
    due = make_recommendation(review, position=2, text="That the Council opens on Sundays.")
    updated = make_recommendation(review, position=3, text="That the Council hires a librarian.")
    not_mine = make_recommendation(review, position=4, text="That the Council sells the building.")
    for recommendation in (done, due, updated):
        recommendation.lead_officer = olive
        recommendation.save()
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    make_update(recommendation=done, status=Status.COMPLETED, text="Done.", update_date="2024-01-01")
    make_update(
        recommendation=updated,
        round=update_round,
        status=Status.IN_PROGRESS,
        text="Advertised.",
        update_date="2024-02-01",
    )
    other_review = make_review(testshire, "Review of Parks", slug="parks")
    elsewhere = make_recommendation(other_review, position=1, text="That the parks stay open late.")
    elsewhere.lead_officer = olive
    elsewhere.save()
    client.force_login(olive)

    # session, user, my recommendations with their progress, the open rounds, the header's unread count
    with django_assert_num_queries(5):
        response = client.get(reverse("my-recommendations"))

    groups = response.context["groups"]
    libraries = groups[review]
    assert [r.position for r in libraries] == [2, 1, 3]
    assert [r.is_due for r in libraries] == [True, False, False]
    assert [r.position for r in groups[other_review]] == [1]
    assert not_mine not in libraries
    page = response.content.decode()
    assert page.count("Due for the 10 June round") == 1
    assert page.count("Add update") == 4


def test_an_officer_leading_nothing_is_told_so(client, olive):
    client.force_login(olive)
    page = client.get(reverse("my-recommendations")).content.decode()
    assert "You do not lead any recommendations yet." in page


def test_lead_officer_is_assigned_with_history(client, olive, recommendation):
    review = recommendation.review
    url = reverse("recommendations:lead-officer", args=[review.council.slug, review.slug, 1])
    client.force_login(olive)

    response = client.post(url, {"lead_officer": olive.pk, "version": 1})

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.lead_officer == olive and recommendation.version == 2
    assert recommendation.history.first().history_change_reason == "Lead officer set to Olive Okafor"


def test_only_officers_of_the_council_can_be_made_lead(client, olive, alice, oscar, recommendation):
    review = recommendation.review
    url = reverse("recommendations:lead-officer", args=[review.council.slug, review.slug, 1])
    client.force_login(olive)
    for person in (alice, oscar):  # a member, and an officer of another council
        response = client.post(url, {"lead_officer": person.pk, "version": 1})
        assert response.context["form"].errors["lead_officer"] == [
            "Select an officer of this council from the list"
        ]
    recommendation.refresh_from_db()
    assert recommendation.lead_officer is None


def test_an_officer_sets_themes_and_the_history_shows_the_change(client, olive, recommendation):
    from recommendations.models import Theme

    housing = Theme.objects.create(name="Housing", slug="housing")
    review = recommendation.review
    url = reverse("recommendations:themes", args=[review.council.slug, review.slug, 1])
    client.force_login(olive)

    response = client.post(url, {"themes": [housing.pk], "new_themes": "Refuges, housing ", "version": 1})

    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert sorted(t.name for t in recommendation.themes.all()) == ["Housing", "Refuges"]
    assert Theme.objects.count() == 2  # "housing" matched the existing theme
    latest = recommendation.history.first()
    assert latest.history_user == olive and latest.history_change_reason == "Themes set to Housing, Refuges"
    page = client.get(recommendation.get_absolute_url())
    change = next(e for e in page.context["history"] if e.action == "Changed")
    assert [(c.label, c.old, c.new) for c in change.changes] == [("Themes", "", "Housing, Refuges")]
    assert 'href="/recommendations/?theme=refuges"' in page.content.decode()
