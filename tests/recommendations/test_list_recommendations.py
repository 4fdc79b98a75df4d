"""The filtered list of recommendations: filters in the URL, search, pages, CSV."""

import csv
import io
import re

from django.urls import reverse

from recommendations.models import CabinetResponse, Decision, Status, Theme
from tests.conftest import make_recommendation, make_review, make_update

LIST = reverse("recommendations:list")


def numbers(response):
    return [r.position for r in response.context["page"].object_list]


def test_the_list_shows_only_the_councils_a_person_belongs_to(client, alice, review, otherton):
    make_recommendation(review, 1, "Testshire's.")
    make_recommendation(make_review(otherton, "Review of Parks", slug="parks"), 1, "Otherton's.")
    client.force_login(alice)
    response = client.get(LIST)
    assert [r.text for r in response.context["page"].object_list] == ["Testshire's."]
    # Another council's slug in the URL is refused, not obeyed.
    refused = client.get(LIST, {"council": "otherton"})
    assert refused.context["page"].paginator.count == 0
    assert "Select a valid choice" in refused.content.decode()


def test_filters_combine_and_stay_in_the_url(client, alice, review):
    housing = Theme.objects.create(name="Housing", slug="housing")
    first = make_recommendation(review, 1, "Refuges for women.", CabinetResponse.Decision.AGREE)
    first.themes.add(housing)
    make_recommendation(review, 2, "Training for staff.", CabinetResponse.Decision.AGREE)
    make_recommendation(review, 3, "Refuge funding.", CabinetResponse.Decision.DISAGREE)
    make_update(recommendation=first, status=Status.COMPLETED, text="Opened.", update_date="2024-01-01")
    client.force_login(alice)

    assert numbers(client.get(LIST, {"decision": Decision.AGREE})) == [1, 2]
    assert numbers(client.get(LIST, {"decision": [Decision.AGREE, Decision.DISAGREE], "status": "none"})) == [
        2,
        3,
    ]
    assert numbers(client.get(LIST, {"theme": "housing"})) == [1]
    assert numbers(client.get(LIST, {"status": Status.COMPLETED, "review": review.slug})) == [1]
    assert numbers(client.get(LIST, {"no_update_since": "2025-01-01"})) == [1, 2, 3]
    assert numbers(client.get(LIST, {"no_update_since": "2023-01-01"})) == [2, 3]
    page = client.get(LIST, {"decision": Decision.AGREE, "theme": "housing"})
    removes = {tag["value"]: tag["remove"] for tag in page.context["applied"]}
    assert removes["Agree"] == "theme=housing"
    assert "csv_query" in page.context and "format=csv" in page.context["csv_query"]


def test_free_text_searches_recommendations_comments_and_updates(client, alice, review):
    make_recommendation(review, 1, "That the Council funds a refuge.")
    comment = make_recommendation(review, 2, "That the Council trains staff.", CabinetResponse.Decision.AGREE)
    comment.cabinet_response.comment = "Training will cover refuges."
    comment.cabinet_response.save()
    update = make_recommendation(review, 3, "That the Council lobbies ministers.")
    make_update(recommendation=update, text="Letters sent about refuge places.")
    make_recommendation(review, 4, "That the Council reviews its website.")
    client.force_login(alice)

    assert numbers(client.get(LIST, {"q": "refuge"})) == [1, 2, 3]
    assert numbers(client.get(LIST, {"q": "website"})) == [4]


def test_results_are_paged_and_sortable(client, alice, review):
    for number in range(1, 56):
        make_recommendation(review, number, f"Recommendation {number}.")
    client.force_login(alice)
    first = client.get(LIST)
    assert len(numbers(first)) == 50 and first.context["page"].paginator.num_pages == 2
    assert numbers(client.get(LIST, {"page": 2})) == list(range(51, 56))
    assert numbers(client.get(LIST, {"sort": "-number"}))[:3] == [55, 54, 53]


def test_the_csv_keeps_the_filters(client, alice, review):
    make_recommendation(review, 1, "Agreed one.", CabinetResponse.Decision.AGREE)
    make_recommendation(review, 2, "Refused one.", CabinetResponse.Decision.DISAGREE)
    client.force_login(alice)

    response = client.get(LIST, {"decision": Decision.AGREE, "format": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="recommendations-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:7] == ["Council", "Review", "Reference", "Title", "Recommendation", "Decision", "Status"]
    assert [row[4] for row in rows[1:]] == ["Agreed one."]
    assert rows[1][5:7] == ["Agree", "No status yet"]


def test_a_page_of_the_list_takes_a_fixed_number_of_queries(
    client, alice, review, django_assert_max_num_queries
):
    for number in range(1, 120):
        recommendation = make_recommendation(
            review, number, f"Recommendation {number}.", CabinetResponse.Decision.AGREE
        )
        make_update(recommendation=recommendation, status=Status.IN_PROGRESS, text="x")
    client.force_login(alice)
    # session, user, the filter form's five choice lists, count, the page (from both of the parts of
    # "Last updated", as the first, of those dated, is short: these updates have no date), the header's
    # unread count, the councils' change count (the cache key)
    with django_assert_max_num_queries(13):
        response = client.get(LIST, {"decision": Decision.AGREE, "sort": "-updated"})
    assert len(numbers(response)) == 50
    # Again: from the cache, without the choice lists, the count or the page.
    with django_assert_max_num_queries(8):
        again = client.get(LIST, {"decision": Decision.AGREE, "sort": "-updated"})
    assert numbers(again) == numbers(response)


def test_with_many_councils_reviews_are_listed_once_a_council_is_chosen(client, django_user_model):
    from councils.models import Council
    from recommendations.filters import NARROW_ABOVE

    root = django_user_model.objects.create_superuser("root", password="x")
    for index in range(NARROW_ABOVE + 1):
        council = Council.objects.create(name=f"Council {index}", slug=f"council-{index}")
        make_recommendation(make_review(council, f"Review {index}", slug=f"review-{index}"), 1, "Text.")
    client.force_login(root)

    unscoped = client.get(LIST)
    assert review_options(unscoped) == [("Any review", True)]
    assert "Choose a council, then apply the filters" in unscoped.content.decode()
    scoped = client.get(LIST, {"council": "council-3"})
    assert review_options(scoped) == [("Any review", True), ("Review 3", False)]
    # A review of any council is still accepted, and stays selected.
    by_review = client.get(LIST, {"review": "review-7"})
    assert by_review.context["page"].paginator.count == 1
    assert ("Review 7", True) in review_options(by_review)


def review_options(response):
    """The review filter's options as the page draws them: (label, selected)."""
    page = response.content.decode()
    select = re.search(r'<select name="review".*?</select>', page, re.S).group(0)
    return [
        (label, bool(chosen))
        for chosen, label in re.findall(r"<option[^>]*?( selected)?>([^<]*)</option>", select)
    ]
