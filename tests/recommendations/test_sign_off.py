"""Completion signed off by members: the officer reports it complete, the committee signs it off or does
not accept it (which reopens it), a signed-off one can be reopened; updates found not adequate go back."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations import services
from recommendations.models import LatestProgress, Recommendation, SignOff, UpdateAssessment
from tests.conftest import make_update

TODAY = timezone.localdate()
MEETING = TODAY - datetime.timedelta(days=3)


def url(recommendation, name, *extra):
    review = recommendation.review
    return reverse(
        f"recommendations:{name}", args=[review.council.slug, review.slug, recommendation.position, *extra]
    )


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def completed(recommendation, user, **fields):
    return services.record_update(
        recommendation=recommendation, user=user, text="Done.", status="completed", **fields
    )


def ids(query):
    return set(query.values_list("pk", flat=True))


def test_an_admin_signs_off_what_the_officer_reported_complete(client, olive, adam, recommendation):
    update = completed(recommendation, olive)
    everything = Recommendation.objects.all()
    assert ids(everything.awaiting_sign_off()) == {recommendation.pk}
    assert ids(everything.finished()) == {recommendation.pk}  # closed unless the committee says otherwise
    client.force_login(adam)

    page = client.get(url(recommendation, "detail")).content.decode()
    assert "Reported complete, awaiting sign-off" in page and url(recommendation, "sign-off") in page

    response = client.post(
        url(recommendation, "sign-off"),
        {
            "decision": "signed_off",
            **date_fields("meeting_date", MEETING),
            "minute_reference": "42/26",
            "reason": "",
            "update": update.pk,
        },
    )

    assert response["Location"] == recommendation.get_absolute_url()
    record = SignOff.objects.get()
    assert (record.outcome, record.meeting_date, record.minute_reference, record.recorded_by) == (
        "signed_off",
        MEETING,
        "42/26",
        adam,
    )
    assert record.history.get().history_user == adam
    assert ids(everything.signed_off()) == {recommendation.pk} and not everything.awaiting_sign_off().exists()
    page = client.get(url(recommendation, "detail")).content.decode()
    assert "Signed off" in page and "(minute 42/26)" in page and url(recommendation, "reopen") in page


def test_not_accepted_needs_a_reason_and_reopens_it_as_sent_back(client, olive, adam, recommendation):
    services.assign_lead_officer(recommendation=recommendation, user=adam, officer=olive, version=1)
    update = completed(recommendation, olive)
    client.force_login(adam)
    data = {"decision": "not_accepted", **date_fields("meeting_date", MEETING), "update": update.pk}

    refused = client.post(url(recommendation, "sign-off"), {**data, "reason": ""})
    assert (
        refused.status_code == 200 and "Enter why the committee did not accept it" in refused.content.decode()
    )
    assert not SignOff.objects.exists()

    client.post(url(recommendation, "sign-off"), {**data, "reason": "The new policy is not yet published."})

    everything = Recommendation.objects.all()
    assert ids(everything.unfinished()) == {recommendation.pk}
    assert ids(everything.sent_back()) == {recommendation.pk}
    assert not everything.awaiting_sign_off().exists() and not everything.signed_off().exists()
    # The officer sees it first on My recommendations, and a new update answers it.
    client.force_login(olive)
    assert "Sent back by the committee" in client.get(reverse("my-recommendations")).content.decode()
    completed(recommendation, olive, update_date=TODAY)
    assert ids(everything.awaiting_sign_off()) == {recommendation.pk} and not everything.sent_back().exists()


def test_a_signed_off_recommendation_is_reopened_with_a_reason(client, olive, adam, recommendation):
    update = completed(recommendation, olive)
    services.assess_completion(
        recommendation=recommendation, user=adam, signed_off=True, meeting_date=MEETING, update_id=update.pk
    )
    client.force_login(adam)

    refused = client.post(url(recommendation, "reopen"), {"reason": ""})
    assert refused.status_code == 200 and "Enter why it is being reopened" in refused.content.decode()

    client.post(url(recommendation, "reopen"), {"reason": "The refuge closed again."})

    latest = LatestProgress.objects.get(recommendation=recommendation)
    assert latest.assessment == "reopened" and not latest.sent_back
    assert ids(Recommendation.objects.unfinished()) == {recommendation.pk}
    assert not Recommendation.objects.signed_off().exists()
    reopened = SignOff.objects.latest("recorded_at")
    assert (
        reopened.reason == "The refuge closed again."
        and reopened.history.get().history_change_reason == "Reopened"
    )


@pytest.mark.parametrize("assessment", ["none", "in_progress", "signed_off"])
def test_what_cannot_be_signed_off_or_reopened_is_refused_and_nothing_is_written(
    adam, olive, recommendation, assessment
):
    if assessment == "in_progress":
        make_update(recommendation=recommendation, user=olive, text="Begun.", status="in_progress")
    if assessment == "signed_off":
        update = completed(recommendation, olive)
        services.assess_completion(
            recommendation=recommendation,
            user=adam,
            signed_off=True,
            meeting_date=MEETING,
            update_id=update.pk,
        )
    before = SignOff.objects.count()

    with pytest.raises(services.RefusedChange):
        services.assess_completion(
            recommendation=recommendation, user=adam, signed_off=True, meeting_date=MEETING
        )
    if assessment != "signed_off":
        with pytest.raises(services.RefusedChange):
            services.reopen(recommendation=recommendation, user=adam, reason="Why not.")

    assert SignOff.objects.count() == before


def test_the_sign_off_page_of_a_recommendation_never_reported_complete_says_so(client, adam, recommendation):
    client.force_login(adam)

    response = client.get(url(recommendation, "sign-off"), follow=True)

    assert "is not waiting for sign-off" in response.content.decode()
    assert not SignOff.objects.exists()


def test_a_sign_off_of_an_update_since_replaced_is_refused(client, olive, adam, recommendation):
    """A stale page: a new update came after the admin opened the sign-off form."""
    old = completed(recommendation, olive, update_date=TODAY - datetime.timedelta(days=5))
    completed(recommendation, olive, update_date=TODAY)
    client.force_login(adam)

    response = client.post(
        url(recommendation, "sign-off"),
        {"decision": "signed_off", **date_fields("meeting_date", MEETING), "update": old.pk},
        follow=True,
    )

    assert "A new update was given since this page was opened" in response.content.decode()
    assert not SignOff.objects.exists()


def test_a_future_meeting_date_is_refused_beside_the_field(client, olive, adam, recommendation):
    update = completed(recommendation, olive)
    client.force_login(adam)

    response = client.post(
        url(recommendation, "sign-off"),
        {
            "decision": "signed_off",
            **date_fields("meeting_date", TODAY + datetime.timedelta(days=9)),
            "update": update.pk,
        },
    )

    assert response.status_code == 200 and "govuk-error-message" in response.content.decode()
    assert not SignOff.objects.exists()


def test_an_update_found_not_adequate_goes_back_to_the_officer(client, olive, adam, recommendation):
    update = make_update(
        recommendation=recommendation, user=olive, text="Some progress.", status="in_progress"
    )
    client.force_login(adam)

    refused = client.post(
        url(recommendation, "not-adequate", update.pk), {"comment": "", "update": update.pk}
    )
    assert refused.status_code == 200 and not UpdateAssessment.objects.exists()

    client.post(
        url(recommendation, "not-adequate", update.pk),
        {"comment": "No dates, no figures.", "update": update.pk},
    )

    assessment = UpdateAssessment.objects.get()
    assert (assessment.comment, assessment.recorded_by, assessment.update) == (
        "No dates, no figures.",
        adam,
        update,
    )
    assert ids(Recommendation.objects.sent_back()) == {recommendation.pk}
    assert ids(Recommendation.objects.escalatable(TODAY)) == {recommendation.pk}
    page = client.get(url(recommendation, "detail")).content.decode()
    assert "The committee found this update not adequate" in page and "Sent back to the lead officer" in page
    # Only once, and only the latest update.
    with pytest.raises(services.RefusedChange):
        services.mark_not_adequate(update=update, user=adam, comment="Again.")
    newer = make_update(
        recommendation=recommendation, user=olive, text="Dates and figures.", update_date=TODAY
    )
    assert not Recommendation.objects.sent_back().exists()
    with pytest.raises(services.RefusedChange):
        services.mark_not_adequate(update=update, user=adam, comment="The old one.")
    assert UpdateAssessment.objects.count() == 1 and newer.assessments.count() == 0


def test_officers_and_members_cannot_record_the_committees_assessment(client, alice, olive, recommendation):
    update = completed(recommendation, olive)
    data = {"decision": "signed_off", **date_fields("meeting_date", MEETING), "update": update.pk}
    for person in (alice, olive):
        client.force_login(person)
        assert client.post(url(recommendation, "sign-off"), data).status_code == 403
    assert not SignOff.objects.exists()
