"""Target dates, their revisions and extensions; overdue by target, slipped, and stalled apart."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from common.dates import months_before
from councils import services as council_services
from recommendations import dashboard, services, summaries
from recommendations.models import ExtensionRequest, Recommendation, TargetDate
from tests.conftest import make_recommendation, make_update

TODAY = timezone.localdate()
LATER = TODAY + datetime.timedelta(days=90)


def url(recommendation, name, *extra):
    review = recommendation.review
    return reverse(
        f"recommendations:{name}", args=[review.council.slug, review.slug, recommendation.position, *extra]
    )


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def target(recommendation, day, user=None, reason=""):
    recommendation.refresh_from_db()
    return services.set_target(
        recommendation=recommendation, user=user, date=day, reason=reason, version=recommendation.version
    )


def test_an_officer_sets_the_first_target_and_an_admin_revises_it_with_a_reason(
    client, olive, adam, recommendation
):
    client.force_login(olive)
    response = client.post(
        url(recommendation, "target"), {**date_fields("date", LATER), "version": recommendation.version}
    )

    assert response["Location"] == recommendation.get_absolute_url()
    recommendation.refresh_from_db()
    assert recommendation.target_date == LATER
    first = recommendation.targets.get()
    assert (first.kind, first.recorded_by, first.reason) == (TargetDate.Kind.ORIGINAL, olive, "")
    assert first.history.get().history_user == olive
    # An officer does not revise a target: they ask the committee for more time.
    assert client.get(url(recommendation, "target")).status_code == 403

    client.force_login(adam)
    page = client.post(
        url(recommendation, "target"),
        {**date_fields("date", LATER + datetime.timedelta(days=30)), "version": recommendation.version},
    )
    assert "Enter why the target date is changing" in page.content.decode()
    assert recommendation.targets.count() == 1

    client.post(
        url(recommendation, "target"),
        {
            **date_fields("date", LATER + datetime.timedelta(days=30)),
            "reason": "The contract was re-let.",
            "version": recommendation.version,
        },
    )
    recommendation.refresh_from_db()
    assert recommendation.target_date == LATER + datetime.timedelta(days=30)
    revised = recommendation.targets.last()
    assert (revised.kind, revised.reason, revised.replaced_passed) == (
        TargetDate.Kind.REVISED,
        "The contract was re-let.",
        False,
    )
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "Original target" in page and "The contract was re-let." in page
    assert "Target date of" in page  # in its history


def test_a_stale_target_edit_is_refused_and_changes_nothing(client, adam, recommendation):
    target(recommendation, LATER)
    client.force_login(adam)
    stale = recommendation.version  # the page was opened before the target was set

    response = client.post(
        url(recommendation, "target"),
        {**date_fields("date", TODAY), "reason": "Sooner.", "version": stale},
        follow=True,
    )

    assert "Someone else changed this recommendation first" in response.content.decode()
    recommendation.refresh_from_db()
    assert recommendation.target_date == LATER and recommendation.targets.count() == 1


def test_an_extension_is_asked_for_and_the_committees_decision_recorded(client, olive, adam, recommendation):
    target(recommendation, LATER, olive)
    client.force_login(olive)
    wanted = LATER + datetime.timedelta(days=60)

    # No reason, or a date before the target: refused beside the field, nothing written.
    assert (
        "Enter why more time is needed"
        in client.post(url(recommendation, "request-extension"), date_fields("date", wanted)).content.decode()
    )
    early = client.post(
        url(recommendation, "request-extension"), {**date_fields("date", TODAY), "reason": "x"}
    )
    assert "The new date must be after the current target date" in early.content.decode()
    assert not ExtensionRequest.objects.exists()

    client.post(
        url(recommendation, "request-extension"),
        {**date_fields("date", wanted), "reason": "The supplier failed."},
    )
    extension = ExtensionRequest.objects.get()
    assert extension.is_pending and extension.requested_by == olive
    again = client.post(
        url(recommendation, "request-extension"), {**date_fields("date", wanted), "reason": "Again."}
    )
    assert "already waiting for the committee" in again.content.decode()
    # Only an admin records the committee's decision.
    assert client.get(url(recommendation, "decide-extension", extension.pk)).status_code == 403

    client.force_login(adam)
    decide = url(recommendation, "decide-extension", extension.pk)
    assert (
        "Select the committee&#x27;s decision"
        in client.post(decide, {**date_fields("meeting_date", TODAY), "version": 1}).content.decode()
    )
    client.post(
        decide,
        {
            "decision": "approved",
            **date_fields("meeting_date", TODAY),
            "note": "Agreed at item 6.",
            "version": 1,
        },
    )

    extension.refresh_from_db()
    recommendation.refresh_from_db()
    assert extension.state == ExtensionRequest.State.APPROVED and extension.decided_by == adam
    assert extension.meeting_date == TODAY and extension.decision_note == "Agreed at item 6."
    assert recommendation.target_date == wanted
    extended = recommendation.targets.last()
    assert (extended.kind, extended.reason, extended.replaced_passed) == (
        TargetDate.Kind.EXTENDED,
        "The supplier failed.",
        False,
    )
    assert not Recommendation.objects.slipped(TODAY).exists()

    # The same decision again (a second tab): refused, nothing changed.
    response = client.post(
        decide, {"decision": "declined", **date_fields("meeting_date", TODAY), "version": 1}, follow=True
    )
    assert "was approved by someone else first" in response.content.decode()
    assert recommendation.targets.count() == 2


def test_a_declined_extension_leaves_the_target(adam, olive, recommendation):
    target(recommendation, LATER, olive)
    extension = services.request_extension(
        recommendation=recommendation, user=olive, date=LATER + datetime.timedelta(days=9), reason="Staff."
    )

    services.decide_extension(
        request=extension, user=adam, approved=False, meeting_date=TODAY, version=extension.version
    )

    recommendation.refresh_from_db()
    assert recommendation.target_date == LATER and recommendation.targets.count() == 1


def test_overdue_is_past_the_target_and_stalled_is_no_recent_update(review, olive):
    overdue_not_stalled = make_recommendation(review, 1, "That one.")
    target(overdue_not_stalled, TODAY - datetime.timedelta(days=1))
    make_update(recommendation=overdue_not_stalled, text="Nearly there.", update_date=TODAY)
    stalled_not_overdue = make_recommendation(review, 2, "That two.")
    target(stalled_not_overdue, LATER)
    make_update(recommendation=stalled_not_overdue, text="Begun.", update_date=months_before(TODAY, 7))
    finished_past_target = make_recommendation(review, 3, "That three.")
    target(finished_past_target, TODAY - datetime.timedelta(days=30))
    make_update(recommendation=finished_past_target, text="Done.", status="completed", update_date=TODAY)

    recommendations = Recommendation.objects.filter(review=review)
    assert list(recommendations.overdue(TODAY)) == [overdue_not_stalled]
    assert list(recommendations.stalled(TODAY)) == [stalled_not_overdue]
    board = dashboard.build(
        recommendations, scope={"review": review.slug}, summary=summaries.of_review(review)
    )
    assert (board.overdue.count, board.stalled.count, board.update_late.count) == (1, 1, 0)
    assert {r.position for r in board.attention} == {1, 2}


def test_a_target_revised_after_it_passed_has_slipped(review, adam):
    recommendation = make_recommendation(review, 1, "That one.")
    target(recommendation, TODAY - datetime.timedelta(days=10))
    assert list(Recommendation.objects.slipped(TODAY)) == [recommendation]  # overdue now

    target(recommendation, LATER, adam, reason="Missed; a new plan.")

    assert recommendation.targets.last().replaced_passed
    assert not Recommendation.objects.overdue(TODAY).exists()
    assert list(Recommendation.objects.slipped(TODAY)) == [recommendation]  # and it stays so


def test_stalled_follows_the_councils_number_of_months(review):
    recommendation = make_recommendation(review, 1, "That one.")
    make_update(recommendation=recommendation, text="Begun.", update_date=months_before(TODAY, 4))
    assert not Recommendation.objects.stalled(TODAY).exists()  # six months by default

    council_services.save_council_settings(council=review.council, user=None, stalled_after_months=3)

    assert list(Recommendation.objects.stalled(TODAY)) == [recommendation]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 3, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 3, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2026, 1, 15), 6, datetime.date(2025, 7, 15)),
        (datetime.date(2026, 12, 1), 24, datetime.date(2024, 12, 1)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected
