"""The filtered list counts its matches from the dashboards' summary rows where they count by the filters
chosen, and that count is always the number of recommendations the list's pages show."""

import io
import itertools
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from councils.models import Council, Membership
from recommendations.filters import FLAGS, RecommendationFilter
from recommendations.models import DECISION_KEYS, STATUS_KEYS, Recommendation
from reviews.models import Review
from tests.conftest import join, make_user


def generate():
    # As of today, so the date flags (overdue, stalled, update late) hold for some and not for others.
    call_command(
        "generate_demo_data",
        *["--councils", "3", "--reviews-per-council", "5", "--recommendations-per-review", "12"],
        *["--rounds", "4", "--seed", "8", "--as-of", timezone.localdate().isoformat()],
        stdout=io.StringIO(),
    )


def filtered(user, query):
    recommendations = Recommendation.objects.for_user(user).with_standing()
    filters = RecommendationFilter(RequestFactory().get("/", query).GET, queryset=recommendations, user=user)
    return filters


def queries(rng, councils, reviews):
    """Filters the summary rows count by: scopes, decisions and statuses, and one flag at a time."""
    decisions, statuses = [key for key, _ in DECISION_KEYS], [key for key, _ in STATUS_KEYS]
    scopes = [{}, *({"council": c.slug} for c in councils), *({"review": r.slug} for r in reviews)]
    # A review of one council with another council chosen: nothing matches.
    scopes.append({"council": councils[0].slug, "review": reviews[-1].slug})
    for scope, flag in itertools.product(scopes, [None, *FLAGS]):
        query = {**scope}
        if flag:
            query[flag] = "true"
        yield query
        if flag is None or flag in ("awaiting_sign_off", "signed_off", "sent_back", "escalated"):
            yield {**query, "decision": rng.sample(decisions, rng.randint(1, 3))}
            yield {**query, "status": rng.sample(statuses, rng.randint(1, 3))}
            yield {
                **query,
                "decision": rng.sample(decisions, rng.randint(1, 2)),
                "status": rng.sample(statuses, rng.randint(1, 4)),
            }


@pytest.mark.django_db
def test_the_summary_count_is_the_number_of_matches_for_every_filter_it_counts_by(django_user_model):
    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    councils = list(Council.objects.order_by("pk"))
    reviews = [Review.objects.filter(council=c).order_by("pk").first() for c in councils]
    officer = make_user("officer")
    join(officer, councils[1], Membership.Role.OFFICER)
    rng = random.Random(3)
    tried = 0
    for user, query in itertools.product([root, officer], queries(rng, councils, reviews)):
        filters = filtered(user, query)
        if not filters.is_valid():
            assert user is officer  # another council's, not offered to them
            continue
        counted = filters.counted()
        assert counted is not None, query
        assert counted == filters.qs.count(), (user, query)
        tried += 1
    assert tried > 250
    # The data is varied enough for the comparison to mean something.
    assert 0 < filtered(root, {"overdue": "true"}).counted() < Recommendation.objects.count()
    assert filtered(root, {"escalated": "true", "decision": "agree"}).counted() > 0
    assert (
        filtered(officer, {}).counted() == Recommendation.objects.filter(review__council=councils[1]).count()
    )


@pytest.mark.django_db
def test_filters_the_summary_does_not_count_by_are_counted_from_the_records(client, django_user_model):
    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    review = Review.objects.order_by("pk").first()
    theme = Recommendation.themes.through.objects.select_related("theme").first().theme
    for query in [
        {"overdue": "true", "stalled": "true"},  # two flags
        {"overdue": "true", "decision": "agree"},  # a date flag of one decision
        {"theme": theme.slug},
        {"q": "council", "theme": theme.slug},
        {"q": "council", "overdue": "true"},
        {"committee": review.committee_id},
        {"no_update_since": "2020-01-01"},
    ]:
        filters = filtered(root, query)
        assert filters.counted() is None, query
        client.force_login(root)
        page = client.get("/recommendations/", query).context["page"]
        assert page.paginator.count == filters.qs.count(), query


@pytest.mark.django_db
def test_every_page_of_a_summary_counted_list_holds_the_matches_once(client, django_user_model):
    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    for query in [{"decision": "agree"}, {"sort": "-updated"}, {"sort": "updated", "status": "completed"}]:
        first = client.get("/recommendations/", query).context["page"]
        shown = [r.pk for r in first.object_list]
        for number in range(2, first.paginator.num_pages + 1):
            shown += [
                r.pk for r in client.get("/recommendations/", {**query, "page": number}).context["page"]
            ]
        assert first.paginator.count == len(shown) == len(set(shown))
        assert sorted(shown) == sorted(filtered(root, query).qs.values_list("pk", flat=True))


@pytest.mark.django_db
def test_a_search_is_counted_by_the_standing_rows_of_what_it_finds(client, django_user_model):
    """On PostgreSQL, with the scope, decisions, statuses and flags the standing rows hold; elsewhere from
    the records. Either way, the count is what the pages show."""
    from django.db import connection

    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    council = Council.objects.order_by("pk").last()
    review = Review.objects.filter(council=council).order_by("pk").first()
    officer = make_user("officer")
    join(officer, council, Membership.Role.OFFICER)
    words = ["council", "library", "residents consultation", '"young people"', "-council"]
    tried = set()
    for user, q, extra in itertools.product(
        [root, officer],
        words,
        [
            {},
            {"council": council.slug},
            {"review": review.slug},
            {"decision": ["agree", "in_part"]},
            {"status": ["in_progress", "none"], "escalated": "true"},
            {"signed_off": "true", "sent_back": "true"},
        ],
    ):
        filters = filtered(user, {"q": q, **extra})
        assert filters.is_valid()
        counted = filters.counted()
        expected = filters.qs.count()
        if connection.vendor == "postgresql" and not q.startswith("-"):
            assert counted is not None
            assert counted.count() == expected, (user, q, extra)
        else:
            # Elsewhere from the records; a search of only a word left out is asked row by row, and
            # counted as it is listed (up to COMMON_COUNTED_UP_TO).
            assert counted is None
        tried.add(expected > 0)
        client.force_login(user)
        page = client.get("/recommendations/", {"q": q, **extra, "sort": "-updated"}).context["page"]
        assert page.paginator.count == expected
    assert tried == {True, False}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search")
@pytest.mark.django_db
def test_a_common_word_is_found_row_by_row_and_counted_up_to_a_point(client, django_user_model, monkeypatch):
    """Words in most recommendations are asked of each in the list's order, not gathered from the indexes
    in full: the same recommendations in the same order, counted up to COMMON_COUNTED_UP_TO."""
    from recommendations import filters

    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    words = ["council", "residents", "library"]
    gathered = {}
    for q, sort in itertools.product(words, ["", "-updated", "status"]):
        page = client.get("/recommendations/", {"q": q, "sort": sort}).context["page"]
        gathered[q, sort] = ([r.pk for r in page.object_list], page.paginator.count)
        assert not filters.common(q)  # a small data set: nothing is common

    monkeypatch.setattr(filters, "COMMON_AT_LEAST", 0)
    monkeypatch.setattr(filters, "COMMON_SHARE", 0.0)
    monkeypatch.setattr(filters, "COMMON_COUNTED_UP_TO", 60)
    from django.core.cache import cache

    cache.clear()
    for q, sort in itertools.product(words, ["", "-updated", "status"]):
        assert filters.common(q)
        response = client.get("/recommendations/", {"q": q, "sort": sort})
        page = response.context["page"]
        shown, total = gathered[q, sort]
        assert [r.pk for r in page.object_list] == shown, (q, sort)
        assert page.paginator.count == min(total, 60)
        more = "More than <strong>60</strong> recommendations" in response.content.decode()
        assert more == (total > 60), (q, sort, total)
    assert any(total > 60 for _, total in gathered.values())
    assert any(total <= 60 for _, total in gathered.values())
