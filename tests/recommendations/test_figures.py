"""The figures committees are judged by: each rule on crafted data, the page, its CSV and its links."""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from django.utils import timezone

from common.dates import add_months
from councils.models import Committee
from recommendations import figures, services
from recommendations.models import Decision, LatestProgress, Recommendation, SignOff, Status
from reviews import services as reviews_services
from tests.conftest import make_recommendation, make_review, make_update

# A fixed day, so that ages and years come out the same whenever the tests run.
TODAY = datetime.date(2024, 6, 15)
CULTURE = "Cabinet Member for Culture"


def d(text):
    return datetime.date.fromisoformat(text)


def respond(recommendation, decision, *, on=None, role=""):
    services.save_response(
        recommendation=recommendation,
        user=None,
        version=None,
        decision=decision,
        decision_wording=decision.label,
        responder_role=role,
        response_date=on,
    )


def sign_off(recommendation, user, on):
    make_update(recommendation=recommendation, status=Status.COMPLETED, text="Done.", update_date=on)
    services.assess_completion(recommendation=recommendation, user=user, signed_off=True, meeting_date=on)


def dated_review(council, title, slug, recommended, committee=None):
    review = make_review(council, title, slug=slug)
    reviews_services.edit_review(
        review=review,
        user=None,
        reason="Dated",
        recommended_date=recommended,
        committee=committee or review.committee,
    )
    return review


@pytest.fixture
def world(testshire, adam):
    """Six reviews of Testshire, made to test each rule (the figures below are worked out by hand)."""
    housing = Committee.objects.create(council=testshire, name="Housing Panel")
    # Made 15 December 2021, due 15 February 2022, answered 14 January 2022: on time.
    a = dated_review(testshire, "Review of Libraries", "libraries", d("2021-12-15"))
    answered = d("2022-01-14")
    a1 = make_recommendation(a, 1, "Signed off after 10 months.")
    respond(a1, Decision.AGREE, on=answered, role=CULTURE)
    sign_off(a1, adam, d("2022-11-14"))  # 304 days
    a2 = make_recommendation(a, 2, "Signed off after 18 months.")
    respond(a2, Decision.IN_PART, on=answered, role=CULTURE)
    sign_off(a2, adam, d("2023-07-14"))  # 546 days
    respond(make_recommendation(a, 3, "Refused."), Decision.DISAGREE, on=answered)
    respond(make_recommendation(a, 4, "Noted."), Decision.NOTED, on=answered, role="Leader")
    a5 = make_recommendation(a, 5, "Agreed, not done.")
    respond(a5, Decision.AGREE, on=answered, role=CULTURE)
    make_update(recommendation=a5, status=Status.IN_PROGRESS, text="Begun.", update_date=d("2024-01-01"))
    # Made 15 January 2024, due 15 March 2024, answered 15 April 2024: late.
    b = dated_review(testshire, "Review of Parks", "parks", d("2024-01-15"), committee=housing)
    b1 = make_recommendation(b, 1, "Past its target.")
    respond(b1, Decision.AGREE, on=d("2024-04-15"), role="Cabinet Member for Parks")
    services.set_target(recommendation=b1, user=adam, date=d("2024-05-31"), version=b1.version)
    b2 = make_recommendation(b, 2, "Signed off after a month.")
    respond(b2, Decision.AGREE, on=d("2024-04-15"), role="Cabinet Member for Parks")
    sign_off(b2, adam, d("2024-05-15"))  # 30 days
    # No date of recommendation, so no due date: left out; its one item's age is not known.
    make_recommendation(dated_review(testshire, "Review of Museums", "museums", None), 1, "Unanswered.")
    # Made 15 October 2023, due 15 December 2023, not answered: late.
    make_recommendation(
        dated_review(testshire, "Review of Pools", "pools", d("2023-10-15")), 1, "Unanswered."
    )
    # Made 25 May 2024, due 25 July 2024: not yet due.
    make_recommendation(
        dated_review(testshire, "Review of Halls", "halls", d("2024-05-25")), 1, "Unanswered."
    )
    # Made 15 April 2023, answered on a day not recorded: left out of responses on time.
    f = dated_review(testshire, "Review of Markets", "markets", d("2023-04-15"))
    respond(make_recommendation(f, 1, "Agreed, undated."), Decision.AGREE)
    return {"housing": housing}


def build(scope=None, today=TODAY):
    return figures.build(Recommendation.objects.all(), scope=scope or {}, url="/figures/", today=today)


def test_acceptance_counts_agree_and_in_part_out_of_those_decided(world):
    overall = build().overall
    # agreed or in part: A1, A2, A5, B1, B2, F1; decided besides: A3 (disagree); A4 noted, three unanswered
    assert (overall.accepted, overall.decided, overall.acceptance) == (6, 7, 86)
    housing = next(g for g in build().by_committee if g.label == "Housing Panel")
    assert (housing.accepted, housing.decided, housing.acceptance) == (2, 2, 100)


def test_implemented_within_12_and_24_months_of_the_response(world):
    overall = build().overall
    # Judged: A1, A2, A5 (answered over 24 months ago) and B2 (signed off); not B1 (answered two months
    # ago, open) nor F1 (no response date). Within 12 months: A1, B2; within 24 also A2.
    assert overall.eligible == {12: 4, 24: 4}
    assert overall.implemented == {12: 2, 24: 3}
    assert (overall.within_12, overall.within_24) == (50, 75)


def test_a_sign_off_exactly_12_months_on_is_within_them_and_a_day_later_is_not(review, adam):
    responded = d("2022-03-31")
    on_time, after = (make_recommendation(review, n, f"Rec {n}.") for n in (1, 2))
    for recommendation, signed in ((on_time, add_months(responded, 12)), (after, d("2023-04-01"))):
        respond(recommendation, Decision.AGREE, on=responded)
        sign_off(recommendation, adam, signed)
    overall = build().overall
    assert overall.implemented == {12: 1, 24: 2} and overall.eligible == {12: 2, 24: 2}


def test_a_sign_off_with_no_meeting_date_is_dated_by_when_it_was_recorded(review, adam):
    recommendation = make_recommendation(review, 1, "Signed off, meeting not recorded.")
    respond(recommendation, Decision.AGREE, on=d("2024-01-10"))
    update = make_update(recommendation=recommendation, status=Status.COMPLETED, text="Done.")
    recorded = timezone.make_aware(datetime.datetime(2024, 3, 10, 12))
    SignOff.objects.create(
        recommendation=recommendation, update=update, outcome=SignOff.Outcome.SIGNED_OFF, recorded_at=recorded
    )
    LatestProgress.refresh([recommendation.pk])
    overall = build().overall
    assert overall.days == {60: 1} and overall.implemented == {12: 1, 24: 1}


def test_reopened_after_sign_off_is_not_implemented(review, adam):
    recommendation = make_recommendation(review, 1, "Reopened.")
    respond(recommendation, Decision.AGREE, on=d("2024-01-10"))
    sign_off(recommendation, adam, d("2024-02-10"))
    services.reopen(recommendation=recommendation, user=adam, reason="Not done after all.")
    overall = build().overall
    assert overall.implemented == {12: 0, 24: 0} and overall.signed_off == 0 and overall.open == 1


def test_responses_on_time_late_not_yet_due_and_left_out(world):
    overall = build().overall
    # on time: Libraries; late: Parks (answered after), Pools (none, past due); not due: Halls;
    # left out: Museums (no due date), Markets (a response of unknown date)
    assert (overall.on_time, overall.late, overall.not_due, overall.left_out) == (1, 2, 1, 2)
    assert overall.responses_on_time == 33
    by_committee = {g.label: (g.on_time, g.late) for g in build().by_committee}
    assert by_committee == {"Housing Panel": (0, 1), "Scrutiny Committee": (1, 1)}
    assert all(not g.has_responses for g in build().by_portfolio)


def test_a_response_on_its_due_date_is_on_time(review):
    reviews_services.edit_review(review=review, user=None, reason="Dated", recommended_date=d("2024-01-15"))
    review.refresh_from_db()
    respond(make_recommendation(review, 1, "On the day."), Decision.AGREE, on=review.response_due_date)
    assert (build().overall.on_time, build().overall.late) == (1, 0)


def test_median_days_from_response_to_sign_off(world):
    result = build()
    assert result.overall.days == {304: 1, 546: 1, 30: 1} and result.overall.median_days == 304
    culture = next(g for g in result.by_portfolio if g.label == CULTURE)
    assert culture.median_days == (304 + 546) / 2


def test_the_median_of_counted_values(db):
    assert figures.median({}) is None
    assert figures.median({5: 1}) == 5
    assert figures.median({1: 2, 9: 2}) == 5
    assert figures.median({1: 1, 2: 1000, 50: 1}) == 2


def test_open_items_by_months_since_the_response_else_the_recommendation(world):
    overall = build().overall
    # over 24: A3, A4, A5 (answered January 2022); 12 to 24: F1 (made April 2023, no response date);
    # 6 to 12: Pools (made October 2023); under 6: B1 (answered April 2024), Halls (made May 2024);
    # not known: Museums (neither date)
    assert dict(overall.age_counts) == {
        "Under 6 months": 2,
        "6 to 12 months": 1,
        "12 to 24 months": 1,
        "Over 24 months": 3,
        "Age not known": 1,
    }
    assert overall.open == 8


def test_age_bands_begin_on_the_day_the_months_are_up(db):
    assert figures.age_band(d("2023-12-16"), TODAY) == "under_6"
    assert figures.age_band(d("2023-12-15"), TODAY) == "6_to_12"
    assert figures.age_band(d("2023-06-15"), TODAY) == "12_to_24"
    assert figures.age_band(d("2022-06-15"), TODAY) == "over_24"
    assert figures.age_band(None, TODAY) == "unknown"


def test_slipped_targets_by_the_models_rule(world):
    result = build()
    assert result.overall.slipped == Recommendation.objects.slipped(TODAY).count() == 1
    assert {g.label: g.slipped for g in result.by_committee} == {"Housing Panel": 1, "Scrutiny Committee": 0}


def test_portfolios_and_years_not_recorded_are_named_so(world):
    result = build()
    portfolios = {g.label: g.recommendations for g in result.by_portfolio}
    # not recorded: A3 (blank), Museums, Pools and Halls (no response), Markets (blank)
    assert portfolios == {
        "Cabinet Member for Culture": 3,
        "Cabinet Member for Parks": 2,
        "Leader": 1,
        "Not recorded": 5,
    }
    assert [(g.label, g.recommendations) for g in result.by_year] == [
        ("2024", 3),
        ("2023", 2),
        ("2021", 5),
        ("Not recorded", 1),
    ]


def test_the_figures_of_a_review_are_its_own(world):
    parks = Recommendation.objects.filter(review__slug="parks")
    result = figures.build(parks, scope={"review": "parks"}, url="/", today=TODAY)
    assert (result.overall.recommendations, result.overall.accepted, result.overall.late) == (2, 2, 1)


def test_nothing_yet_gives_no_rates_and_no_error(db):
    overall = build().overall
    assert overall.acceptance is None and overall.within_12 is None and overall.median_days is None
    assert overall.responses_on_time is None


def test_figures_link_to_the_list_where_it_can_say_the_same(world, client, alice):
    today = timezone.localdate()
    result = figures.build(
        Recommendation.objects.all(), scope={"council": "testshire-county-council"}, url="/"
    )
    client.force_login(alice)
    links = []
    for group in [result.overall, *result.by_committee]:
        links += [(group.accepted_url, group.accepted), (group.decided_url, group.decided)]
        links += [(group.slipped_url, group.slipped)]
    for url, count in links:
        assert urlparse(url).path == reverse("recommendations:list")
        assert client.get(url).context["page"].paginator.count == count, parse_qs(urlparse(url).query)
    housing = next(g for g in result.by_committee if g.label == "Housing Panel")
    assert parse_qs(urlparse(housing.slipped_url).query)["committee"] == [str(world["housing"].pk)]
    # The list cannot pick out a portfolio or a year: those figures are not links.
    assert all(not g.accepted_url for g in [*result.by_portfolio, *result.by_year])
    assert result.overall.slipped == Recommendation.objects.slipped(today).count()


def test_the_figures_page_of_a_council_shows_the_breakdowns_and_definitions(world, client, alice):
    client.force_login(alice)
    response = client.get(reverse("recommendations:council-figures", args=["testshire-county-council"]))
    page = response.content.decode()
    assert response.context["figures"].overall.accepted == 6
    assert "Housing Panel" in page and "Cabinet Member for Parks" in page and "Not recorded" in page
    assert "How these figures are worked out" in page and "Noted, and those with no response yet" in page
    assert "Download these figures as CSV" in page


def test_the_csv_holds_every_figure_of_every_group(world, client, alice):
    client.force_login(alice)
    url = reverse("recommendations:review-figures", args=["testshire-county-council", "libraries"])
    response = client.get(url + "?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="figures-libraries-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == ["Breakdown", "Group", "Figure", "Number", "Out of", "Per cent"]
    cells = {(r[0], r[1], r[2]): r[3:] for r in rows[1:]}
    assert cells["All", "All", "Acceptance rate"] == ["3", "4", "75"]
    # Within 12 months: A1 of A1, A2, A5 (the review is judged as of today, long after its response)
    assert cells["All", "All", "Implemented within 12 months"] == ["1", "3", "33"]
    assert cells["All", "All", "Responses on time (reviews)"] == ["1", "1", "100"]
    assert cells["All", "All", "Median days from response to sign-off"] == ["425.0", "2", ""]
    assert cells["Portfolio", "Leader", "Acceptance rate"] == ["0", "0", ""]
    assert ("Portfolio", CULTURE, "Responses on time (reviews)") not in cells
    assert cells["Year of recommendation", "2021", "Targets slipped"] == ["0", "5", ""]


def test_a_csv_cell_that_looks_like_a_formula_is_written_as_text(review, client, alice):
    respond(
        make_recommendation(review, 1, "Agreed."), Decision.AGREE, on=d("2024-01-01"), role="=HYPERLINK(1)"
    )
    client.force_login(alice)
    response = client.get(reverse("recommendations:figures") + "?format=csv")
    text = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text.replace("\r", "")


def test_the_dashboards_carry_the_headline_figures_and_a_link_to_the_page(world, client, alice):
    client.force_login(alice)
    review_page = client.get(reverse("reviews:detail", args=["testshire-county-council", "parks"]))
    assert review_page.context["figures"].overall.recommendations == 2
    assert reverse("recommendations:review-figures", args=["testshire-county-council", "parks"]) in (
        review_page.content.decode()
    )
    home = client.get(reverse("home"))
    assert home.context["figures"].overall.recommendations == 11
    assert "The figures committees are judged by" in home.content.decode()


def grow(council, adam, reviews):
    """``reviews`` reviews of five recommendations each: answered, signed off, open, with targets."""
    for number in range(reviews):
        review = dated_review(council, f"Review {number}", f"review-{number}", d("2022-01-10"))
        for position in range(1, 6):
            recommendation = make_recommendation(review, position, f"Rec {position}.")
            respond(recommendation, Decision.AGREE, on=d("2022-02-01"), role=f"Member {number % 3}")
            if position == 1:
                sign_off(recommendation, adam, d("2022-12-01"))


@pytest.mark.parametrize("reviews", [1, 12])
def test_the_figures_take_three_queries_whatever_the_size(
    testshire, adam, reviews, django_assert_num_queries
):
    grow(testshire, adam, reviews)
    # the recommendations grouped, the sign-offs grouped, one row per review
    with django_assert_num_queries(3):
        result = build()
    assert result.overall.recommendations == 5 * reviews and result.overall.signed_off == reviews


@pytest.mark.parametrize("reviews", [1, 12])
def test_the_figures_page_takes_a_fixed_number_of_queries(
    testshire, adam, alice, client, reviews, django_assert_num_queries
):
    grow(testshire, adam, reviews)
    client.force_login(alice)
    # session, user, the council, the person's membership (their role), the figures' three, and the
    # header's unread notifications
    with django_assert_num_queries(8):
        response = client.get(reverse("recommendations:council-figures", args=[testshire.slug]))
    assert response.context["figures"].overall.recommendations == 5 * reviews


def test_across_many_councils_the_home_page_links_to_the_figures_instead_of_working_them_out(client, review):
    from councils.models import Council
    from tests.conftest import make_user

    for number in range(11):
        Council.objects.create(name=f"Council {number}", slug=f"council-{number}")
    make_recommendation(review, 1, decision=Decision.AGREE)
    client.force_login(make_user("root", is_superuser=True))

    page = client.get(reverse("home")).content.decode()

    assert "The figures committees are judged by, across these councils" in page
    assert "Acceptance rate" not in page
    figures_page = client.get(reverse("recommendations:figures")).content.decode()
    assert "Acceptance rate" in figures_page
