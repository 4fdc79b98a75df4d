"""Searches whose words the indexes cannot look up, and searches the database cannot answer in time."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from recommendations import filters
from recommendations.models import Recommendation

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's full-text search"),
    pytest.mark.django_db,
]

WORDS = [
    "council",
    "-council",
    "-council or library",
    "residents -library",
    '"young people"',
    "-zzzzq",
    "the",
]


def generate():
    call_command(
        "generate_demo_data",
        *["--councils", "2", "--reviews-per-council", "4", "--recommendations-per-review", "10"],
        *["--rounds", "3", "--seed", "5"],
        stdout=io.StringIO(),
    )


def test_asked_of_each_recommendation_the_words_find_what_the_indexes_find():
    """The row-by-row form of a search (``_mentions``) and the union of what the indexes find
    (``found_ids``) are the same recommendations, for words found, left out and phrased."""
    generate()
    sizes = set()
    for words in WORDS:
        asked = set(Recommendation.objects.filter(filters._mentions(words)).values_list("pk", flat=True))
        assert asked == set(filters.found_ids(words)), words
        sizes.add(len(asked))
    total = Recommendation.objects.count()
    assert 0 in sizes and any(0 < size < total for size in sizes)


def test_a_search_of_only_words_left_out_is_asked_row_by_row():
    """The indexes cannot find what a text lacks: such a search is a common one however few
    recommendations there are (statistics say nothing of it)."""
    generate()
    assert filters.common("-council")
    assert filters.common("-council or library")
    assert filters.common("-zzzzq")
    assert not filters.common("residents -library")
    assert not filters.common("council")  # a small data set
    assert not filters.common("the")  # no word to look up: nothing matches


def test_a_search_that_takes_too_long_asks_to_be_narrowed_and_leaves_the_connection_as_it_was(
    client, django_user_model, monkeypatch, settings
):
    generate()
    root = django_user_model.objects.create_superuser("root", password="x")
    client.force_login(root)
    found = client.get("/recommendations/", {"q": "residents"}).context["page"].paginator.count
    assert found > 0

    def slow(queryset, words, **options):
        asleep = RawSQL("pg_sleep(0.5)::text IS NULL", [], output_field=BooleanField())
        return queryset.alias(asleep=asleep).filter(asleep=False)

    monkeypatch.setattr(filters, "search", slow)
    settings.SEARCH_TIME_LIMIT_MS = 100
    response = client.get("/recommendations/", {"q": "residents", "review": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This search would take too long to answer" in html
    assert 'href="#id_q"' in html  # the error summary links to the search box
    assert "<strong>0</strong> recommendations" in html
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("0",)

    monkeypatch.undo()
    # The same search answered in time is listed, not the error remembered.
    response = client.get("/recommendations/", {"q": "residents", "review": ""})
    assert "This search would take too long" not in response.content.decode()
    assert response.context["page"].paginator.count == found
