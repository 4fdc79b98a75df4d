"""Dashboards count what was agreed and done, and link each figure to its list."""

import datetime
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from councils import services as councils_services
from recommendations import dashboard, services, summaries
from recommendations.filters import RecommendationFilter
from recommendations.models import CabinetResponse, Decision, Recommendation, Status
from reviews import services as reviews_services
from tests.conftest import make_recommendation, make_review, make_update

TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=400)


@pytest.fixture
def mixed(review):
    """Five recommendations in different states, and an overdue open round."""
    agree, in_part, disagree = (
        CabinetResponse.Decision.AGREE,
        CabinetResponse.Decision.IN_PART,
        CabinetResponse.Decision.DISAGREE,
    )
    done = make_recommendation(review, 1, "Done.", agree)
    moving = make_recommendation(review, 2, "Moving.", agree)
    stalled = make_recommendation(review, 3, "Stalled.", in_part)
    make_recommendation(review, 4, "Refused.", disagree)
    make_recommendation(review, 5, "Unanswered.")
    update_round = reviews_services.open_round(
        review=review,
        user=None,
        committee=review.committee,
        meeting_date=TODAY,
        due_date=TODAY - datetime.timedelta(days=1),
    )
    make_update(recommendation=done, status=Status.IN_PROGRESS, text="a", update_date=LONG_AGO)
    make_update(recommendation=done, status=Status.COMPLETED, text="b", update_date=TODAY, round=update_round)
    make_update(recommendation=moving, status=Status.NOT_STARTED, text="c", update_date=LONG_AGO)
    make_update(recommendation=moving, status=Status.IN_PROGRESS, text="d", update_date=TODAY)
    make_update(recommendation=stalled, status=Status.IN_PROGRESS, text="e", update_date=LONG_AGO)
    return review


def test_the_dashboard_counts_decisions_statuses_and_what_needs_attention(mixed, django_assert_num_queries):
    # the summary's rows (by month, and the days of the cutoffs' months, in one), then the two short lists
    with django_assert_num_queries(3):
        board = dashboard.build(
            Recommendation.objects.all(), scope={"review": mixed.slug}, summary=summaries.of_review(mixed)
        )

    assert board.total.count == 5 and board.agreed.count == 2 and board.completed.count == 1
    assert {f.key: f.count for f in board.by_decision} == {
        Decision.AGREE: 2,
        Decision.IN_PART: 1,
        Decision.DISAGREE: 1,
        Decision.NOTED: 0,
        "none": 1,
    }
    assert {f.key: f.count for f in board.by_status} == {
        Status.NOT_STARTED: 0, Status.IN_PROGRESS: 2, Status.COMPLETED: 1, Status.ALTERNATIVE_ACTION: 0,
        Status.OVERTAKEN: 0, Status.NOT_TAKEN_FORWARD: 0, "none": 2,
    }  # fmt: skip
    agreed_row = next(cells for decision, cells in board.grid if decision.key == Decision.AGREE)
    assert {cell.key: cell.count for cell in agreed_row if cell.count} == {
        Status.IN_PROGRESS: 1,
        Status.COMPLETED: 1,
    }
    # 2, 3, 4, 5 owe an update for the round past its due date; 3, 4, 5 have had none for six months;
    # none has a target date, so none is overdue.
    assert board.update_late.count == 4 and board.stalled.count == 3 and board.overdue.count == 0
    assert [r.position for r in board.changed] == [1, 2]
    assert {f.label: f.count for f in board.movement} == {
        "In progress to Completed": 1,
        "Not started to In progress": 1,
    }


def test_each_figure_links_to_the_list_filtered_the_same_way(mixed, client, alice):
    board = dashboard.build(
        Recommendation.objects.all(), scope={"review": mixed.slug}, summary=summaries.of_review(mixed)
    )
    client.force_login(alice)
    figures = [
        board.total,
        board.agreed,
        board.completed,
        board.overdue,
        board.update_late,
        board.stalled,
        *board.by_decision,
        *board.by_status,
    ]
    figures += [cell for _, cells in board.grid for cell in cells]
    for figure in figures:
        assert urlparse(figure.url).path == reverse("recommendations:list")
        listed = client.get(figure.url).context["page"].paginator.count
        assert listed == figure.count, f"{figure.label}: {parse_qs(urlparse(figure.url).query)}"


def test_the_dashboard_query_count_does_not_grow_with_the_data(review, django_assert_num_queries):
    for number in range(1, 201):
        recommendation = make_recommendation(
            review, number, f"Recommendation {number}.", CabinetResponse.Decision.AGREE
        )
        make_update(recommendation=recommendation, status=Status.IN_PROGRESS, text="x", update_date=LONG_AGO)
        make_update(recommendation=recommendation, status=Status.COMPLETED, text="y", update_date=TODAY)
    # the summary's rows and the two short lists, as for five
    with django_assert_num_queries(3):
        board = dashboard.build(Recommendation.objects.all(), scope={}, summary=summaries.everywhere())
    assert board.completed.count == 200 and len(board.changed) == dashboard.LIST_LENGTH


def test_home_and_council_pages_carry_their_dashboards(mixed, client, alice, otherton):
    other = make_review(otherton, "Review of Parks", slug="parks")
    make_recommendation(other, 1, "Not Testshire's.")
    client.force_login(alice)
    home = client.get(reverse("home")).context["dashboard"]
    council = client.get(mixed.council.get_absolute_url()).context["dashboard"]
    assert home.total.count == council.total.count == 5  # nothing of Otherton
    assert "council=testshire-county-council" in council.agreed.url


@pytest.fixture
def followed(review, adam):
    """One recommendation in each state of the committee's follow-through, and one in none."""

    def done(position):
        recommendation = make_recommendation(
            review, position, f"Done {position}.", CabinetResponse.Decision.AGREE
        )
        make_update(recommendation=recommendation, status=Status.COMPLETED, text="Done.", update_date=TODAY)
        return recommendation

    done(1)  # awaiting sign-off
    services.assess_completion(recommendation=done(2), user=adam, signed_off=True, meeting_date=TODAY)
    services.assess_completion(
        recommendation=done(3), user=adam, signed_off=False, meeting_date=TODAY, reason="No evidence."
    )  # not accepted: sent back
    lacking = make_recommendation(review, 4, "Lacking.", CabinetResponse.Decision.AGREE)
    update = make_update(recommendation=lacking, status=Status.IN_PROGRESS, text="Thin.", update_date=TODAY)
    services.mark_not_adequate(update=update, user=adam, comment="Say what was done.")
    chased = make_recommendation(review, 5, "Never updated, so stalled.", CabinetResponse.Decision.AGREE)
    (step,) = councils_services.set_escalation_steps(council=review.council, user=adam, names=["A chase"])
    services.escalate(recommendation=chased, user=adam, step_id=step.pk, taken_on=TODAY, note="Chased.")
    slipping = make_recommendation(review, 6, "Past its target.", CabinetResponse.Decision.AGREE)
    services.set_target(recommendation=slipping, user=adam, date=LONG_AGO, version=slipping.version)
    # A review whose response was due long ago and has not come.
    late = make_review(review.council, "Review of Parks", slug="parks")
    reviews_services.edit_review(review=late, user=adam, reason="Dated", recommended_date=LONG_AGO)
    make_recommendation(late, 1, "Unanswered.")
    return review


def test_the_dashboard_counts_what_the_committee_has_done_in_the_same_queries(
    followed, django_assert_num_queries
):
    # still the summary's rows and the two lists: each follow-through figure rides on the summary's counts
    with django_assert_num_queries(3):
        board = dashboard.build(
            Recommendation.objects.all(),
            scope={"council": followed.council.slug},
            summary=summaries.of_council(followed.council),
        )
    assert {f.key: f.count for f in board.follow_through} == {
        "awaiting_sign_off": 1,
        "signed_off": 1,
        "sent_back": 2,
        "escalated": 1,
        "response_late": 1,
        "slipped": 1,
    }


def test_each_follow_through_figure_links_to_the_list_by_its_own_filter(followed, client, alice):
    board = dashboard.build(
        Recommendation.objects.all(),
        scope={"council": followed.council.slug},
        summary=summaries.of_council(followed.council),
    )
    client.force_login(alice)
    for figure in board.follow_through:
        query = parse_qs(urlparse(figure.url).query)
        assert query == {"council": [followed.council.slug], figure.key: ["true"]}
        if figure.key in RecommendationFilter.base_filters:  # the list knows the filter: it lists as many
            assert client.get(figure.url).context["page"].paginator.count == figure.count, figure.label


def test_the_dashboard_page_shows_the_follow_through_figures(followed, client, alice):
    client.force_login(alice)
    page = client.get(followed.council.get_absolute_url()).content.decode()
    assert "reported complete, awaiting sign-off</a>" in page and "escalated</a>" in page
    assert "awaiting_sign_off=true" in page and "response_late=true" in page
