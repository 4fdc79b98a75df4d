"""Two people editing one record: the second save is refused, never silently lost."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from recommendations import services
from recommendations.models import CabinetResponse, Decision, ProgressUpdate, Status
from tests.conftest import join, make_user


def response_url(recommendation):
    review = recommendation.review
    return reverse(
        "recommendations:edit-response", args=[review.council.slug, review.slug, recommendation.position]
    )


def response_form(**overrides):
    data = {
        "decision": Decision.AGREE,
        "decision_wording": "Agree",
        "comment": "",
        "responder_name": "",
        "responder_role": "",
        "response_date_0": "",
        "response_date_1": "",
        "response_date_2": "",
        "reason": "",
        "version": "1",
    }
    return {**data, **overrides}


def test_a_stale_response_edit_shows_both_versions_and_saves_nothing(client, olive, recommendation):
    response_obj = recommendation.cabinet_response
    services.save_response(
        recommendation=recommendation,
        user=None,
        version=1,
        comment="Theirs: Sundays from June.",
        decision=Decision.AGREE,
    )
    client.force_login(olive)

    page = client.post(response_url(recommendation), response_form(comment="Mine: Sundays from July."))

    assert page.status_code == 409
    html = page.content.decode()
    assert "Someone else saved this first" in html
    assert "Theirs: Sundays from June." in html and "Mine: Sundays from July." in html
    response_obj.refresh_from_db()
    assert (response_obj.comment, response_obj.version) == ("Theirs: Sundays from June.", 2)
    # The form offered again carries the new version, so re-applying works.
    assert page.context["form"]["version"].value() == 2
    again = client.post(
        response_url(recommendation), response_form(comment="Mine: Sundays from July.", version="2")
    )
    assert again.status_code == 302
    response_obj.refresh_from_db()
    assert (response_obj.comment, response_obj.version) == ("Mine: Sundays from July.", 3)
    assert [h.comment for h in response_obj.history.all()][:2] == [
        "Mine: Sundays from July.",
        "Theirs: Sundays from June.",
    ]


def test_recording_a_response_that_someone_recorded_meanwhile_is_refused(client, olive, review):
    from tests.conftest import make_recommendation

    recommendation = make_recommendation(review, position=2)
    services.save_response(recommendation=recommendation, user=None, version=None, decision=Decision.DISAGREE)
    client.force_login(olive)

    page = client.post(response_url(recommendation), response_form(version=""))

    assert page.status_code == 409
    assert CabinetResponse.objects.get(recommendation=recommendation).decision == Decision.DISAGREE


def test_a_stale_update_edit_is_refused(client, olive, recommendation):
    update = ProgressUpdate.objects.create(
        recommendation=recommendation, text="Planned.", status=Status.NOT_STARTED
    )
    services.edit_update(update=update, user=None, version=1, text="Begun.")
    review = recommendation.review
    url = reverse("recommendations:edit-update", args=[review.council.slug, review.slug, 1, update.pk])
    client.force_login(olive)

    page = client.post(
        url,
        {
            "status": Status.COMPLETED,
            "text": "Done.",
            "update_date_0": "1",
            "update_date_1": "5",
            "update_date_2": "2024",
            "version": "1",
        },
    )

    assert page.status_code == 409
    update.refresh_from_db()
    assert (update.text, update.version) == ("Begun.", 2)


@pytest.mark.django_db(transaction=True)
def test_two_real_sessions_saving_at_once_cannot_both_win(testshire):
    """Two threads, two database connections, one record: exactly one save wins."""
    from tests.conftest import make_recommendation, make_review

    recommendation = make_recommendation(make_review(testshire), decision=CabinetResponse.Decision.AGREE)
    first, second = make_user("first"), make_user("second")
    for user in (first, second):
        join(user, testshire, "officer")
    start = threading.Barrier(2)
    outcomes = {}

    def edit(user, comment):
        try:
            start.wait()
            services.save_response(recommendation=recommendation, user=user, version=1, comment=comment)
            outcomes[user.username] = "saved"
        except services.StaleEdit:
            outcomes[user.username] = "refused"
        except Exception as error:  # reported below, rather than lost in the thread
            outcomes[user.username] = repr(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=edit, args=(first, "First's comment")),
        threading.Thread(target=edit, args=(second, "Second's comment")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    response = CabinetResponse.objects.get()
    assert response.version == 2
    assert response.comment == f"{winner.capitalize()}'s comment"
    assert response.history.filter(history_type="~").count() == 1
