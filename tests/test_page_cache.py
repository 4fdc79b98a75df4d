"""The cached parts of the busiest pages: never stale once a change is committed, never another council's."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from common.history import save_with_history
from councils import versions
from councils.models import ChangeCount, Council, Membership
from recommendations import services
from recommendations.models import CabinetResponse, ProgressUpdate

from .conftest import (
    join,
    make_council,
    make_recommendation,
    make_review,
    make_update,
    make_user,
    without_tokens,
)

Status = ProgressUpdate.Status


@pytest.fixture
def signed_in(client, alice):
    client.force_login(alice)
    return client


def test_the_review_page_shows_an_update_as_soon_as_it_is_recorded(signed_in, review):
    recommendation = make_recommendation(review, decision=CabinetResponse.Decision.AGREE)
    first = without_tokens(signed_in.get(review.get_absolute_url()))
    assert "No updates yet" in first
    assert without_tokens(signed_in.get(review.get_absolute_url())) == first  # from the cache

    make_update(recommendation=recommendation, text="Opened on Sundays.", status=Status.COMPLETED)

    page = signed_in.get(review.get_absolute_url()).content.decode()
    assert "No updates yet" not in page and "Completed" in page


# What each cached page shows of one recommendation's response, before and after a Disagree is recorded.
DISAGREE_IN_ALL = '>{}<span class="govuk-visually-hidden"> disagree in all</span>'
SHOWN_OF_A_DISAGREE = {
    "home": (DISAGREE_IN_ALL.format(0), DISAGREE_IN_ALL.format(1)),
    "council": (DISAGREE_IN_ALL.format(0), DISAGREE_IN_ALL.format(1)),
    "review": (DISAGREE_IN_ALL.format(0), DISAGREE_IN_ALL.format(1)),
    "recommendation": ("No cabinet response has been recorded yet.", "Disagree</strong>"),
}


@pytest.mark.parametrize("page", list(SHOWN_OF_A_DISAGREE))
def test_each_cached_page_follows_a_change_of_wording(signed_in, review, page):
    recommendation = make_recommendation(review, text="That the library opens on Sundays.")
    url = {
        "home": "/",
        "council": review.council.get_absolute_url(),
        "review": review.get_absolute_url(),
        "recommendation": recommendation.get_absolute_url(),
    }[page]
    before, after = SHOWN_OF_A_DISAGREE[page]
    first = without_tokens(signed_in.get(url))
    assert before in first and after not in first
    assert without_tokens(signed_in.get(url)) == first  # from the cache

    services.save_response(
        recommendation=recommendation,
        user=None,
        version=None,
        decision=CabinetResponse.Decision.DISAGREE,
        decision_wording="Disagree",
    )

    # The page as drawn, not its context: the context's lazy parts are worked out afresh whether or not
    # the cached part of the page is used.
    page_after = signed_in.get(url).content.decode()
    assert after in page_after and before not in page_after


def test_another_councils_change_leaves_a_page_in_the_cache(signed_in, review, django_assert_num_queries):
    other = make_review(make_council("Otherton Borough Council", "otherton"), slug="otherton-libraries")
    make_recommendation(review)
    signed_in.get(review.get_absolute_url())
    before = versions.key_of(Council.objects.filter(pk=review.council_id))

    make_recommendation(other)  # another council's change

    assert versions.key_of(Council.objects.filter(pk=review.council_id)) == before
    with django_assert_num_queries(6):  # the page itself, from the cache
        signed_in.get(review.get_absolute_url())


def test_a_cached_page_is_refused_to_someone_of_another_council(client, alice, bob, review, otherton):
    make_recommendation(review, text="That the Testshire library opens on Sundays.")
    client.force_login(alice)
    assert client.get(review.get_absolute_url()).status_code == 200  # now cached

    client.force_login(bob)
    response = client.get(review.get_absolute_url())
    assert response.status_code == 404
    assert "Testshire library" not in response.content.decode()


def test_the_home_page_is_cached_per_set_of_councils(client, alice, bob, review, otherton):
    make_recommendation(review, text="That the Testshire library opens on Sundays.")
    client.force_login(alice)
    assert "Testshire County Council" in client.get("/").content.decode()
    client.force_login(bob)
    page = client.get("/").content.decode()
    assert "Otherton Borough Council" in page and "Testshire County Council" not in page


def test_what_a_role_may_do_is_not_shown_to_another_role_from_the_cache(client, alice, adam, review):
    make_recommendation(review)
    client.force_login(adam)
    assert "Open a round" in client.get(review.get_absolute_url()).content.decode()
    client.force_login(alice)
    assert "Open a round" not in client.get(review.get_absolute_url()).content.decode()


def test_a_change_rolled_back_leaves_the_count_alone(review):
    before = versions.key_of(Council.objects.filter(pk=review.council_id))
    with pytest.raises(RuntimeError), transaction.atomic():
        make_recommendation(review)
        assert (
            versions.key_of(Council.objects.filter(pk=review.council_id)) != before
        )  # seen inside the writer's transaction
        raise RuntimeError
    assert versions.key_of(Council.objects.filter(pk=review.council_id)) == before


def test_a_deleted_council_keeps_its_count_so_the_sum_never_comes_back(db):
    first, second = make_council("First Council", "first"), make_council("Second Council", "second")
    before, ids = versions.key_of(None), [first.pk, second.pk]
    second.delete()
    after = versions.key_of(None)
    assert after != before
    assert ChangeCount.objects.filter(council_id__in=ids).count() == 2


def test_renaming_a_person_marks_their_councils_pages_stale_but_signing_in_does_not(client, review):
    officer = make_user("olga", first_name="Olga")
    join(officer, review.council, Membership.Role.OFFICER)
    before = versions.key_of(Council.objects.filter(pk=review.council_id))
    client.force_login(officer)  # saves last_login only
    assert versions.key_of(Council.objects.filter(pk=review.council_id)) == before

    person = get_user_model().objects.get(pk=officer.pk)
    person.first_name = "Olwen"
    person.save()
    assert versions.key_of(Council.objects.filter(pk=review.council_id)) != before


def test_updates_written_in_bulk_mark_their_council_stale(review):
    recommendation = make_recommendation(review)
    before = versions.key_of(Council.objects.filter(pk=review.council_id))
    services.add_updates(
        [ProgressUpdate(recommendation=recommendation, text="Imported.", update_date="2024-01-01")],
        user=None,
        reason="Imported for a test",
    )
    assert versions.key_of(Council.objects.filter(pk=review.council_id)) != before


def test_the_list_follows_a_change_and_is_kept_per_set_of_councils(client, alice, bob, review, otherton):
    recommendation = make_recommendation(review, text="That the Testshire library opens on Sundays.")
    client.force_login(alice)
    url = "/recommendations/?status=completed"
    assert "Testshire library" not in client.get(url).content.decode()
    make_update(recommendation=recommendation, text="Done.", status=Status.COMPLETED)
    assert "Testshire library" in client.get(url).content.decode()

    client.force_login(bob)
    assert "Testshire library" not in client.get(url).content.decode()


def test_the_recommendation_pages_history_follows_a_change(signed_in, review):
    recommendation = make_recommendation(review)

    def changes_shown():
        page = signed_in.get(recommendation.get_absolute_url()).content.decode()
        return int(re.search(r"What changed \((\d+) change", page)[1])

    before = changes_shown()
    assert changes_shown() == before  # from the cache
    make_update(recommendation=recommendation, text="Opened on Sundays now.", status=Status.IN_PROGRESS)
    assert changes_shown() == before + 1


def test_the_recommendation_page_shows_an_update_as_soon_as_it_is_recorded(signed_in, recommendation):
    url = recommendation.get_absolute_url()
    first = without_tokens(signed_in.get(url))
    assert "No progress updates have been recorded yet" in first
    assert without_tokens(signed_in.get(url)) == first  # from the cache

    make_update(recommendation=recommendation, text="Opened on Sundays since May.", status=Status.COMPLETED)

    page = signed_in.get(url).content.decode()
    assert "No progress updates have been recorded yet" not in page
    assert "Opened on Sundays since May." in page and "Reported complete, awaiting sign-off" in page


def test_another_councils_change_leaves_the_recommendation_page_in_the_cache(
    signed_in, recommendation, django_assert_num_queries
):
    other = make_review(make_council("Otherton Borough Council", "otherton"), slug="otherton-libraries")
    url = recommendation.get_absolute_url()
    first = without_tokens(signed_in.get(url))

    make_update(recommendation=make_recommendation(other), text="Otherton's news.")  # another council's

    # session, user, the recommendation with its council's change count, the person's role, their follows
    # and the header's unread count: the rest is the page from the cache
    with django_assert_num_queries(6):
        again = signed_in.get(url)
    assert without_tokens(again) == first


def test_what_a_role_may_do_on_a_recommendation_is_not_shown_to_another_role_from_the_cache(
    client, alice, olive, adam, recommendation
):
    url = recommendation.get_absolute_url()

    def page_of(person):
        client.force_login(person)
        return client.get(url).content.decode()

    # Each role's page is cached in turn; each sees only what its role may do.
    for person in (adam, olive, alice, olive, adam):
        page = page_of(person)
        may_edit, may_manage = person in (olive, adam), person == adam
        assert ("Add update" in page) == may_edit, person
        assert ("Change the cabinet response" in page) == may_edit, person
        assert ("Set the target date" in page) == may_edit, person
        assert ("Set it on the council" in page) == may_manage, person


def test_a_cached_recommendation_page_is_refused_to_someone_of_another_council(
    client, alice, bob, oscar, recommendation
):
    recommendation.text = "That the Testshire library opens on Sundays."
    save_with_history(recommendation, user=None, reason="Made for a test")
    url = recommendation.get_absolute_url()
    client.force_login(alice)
    assert "Testshire library" in client.get(url).content.decode()  # now cached

    for person in (bob, oscar):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 404
        assert "Testshire library" not in response.content.decode()


def test_the_recommendation_page_is_drawn_again_the_next_day(signed_in, olive, recommendation, monkeypatch):
    day = datetime.date(2030, 1, 1)
    services.set_target(recommendation=recommendation, user=olive, date=day, version=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: day)
    assert "Overdue</strong>" not in signed_in.get(recommendation.get_absolute_url()).content.decode()

    monkeypatch.setattr(timezone, "localdate", lambda *args: day + datetime.timedelta(days=1))
    assert "Overdue</strong>" in signed_in.get(recommendation.get_absolute_url()).content.decode()


def test_renaming_a_person_marks_stale_the_pages_of_councils_that_name_them_without_membership(
    review, otherton
):
    """A superuser (or a former member) may lead, record and change things in councils they do not
    belong to: their name shows there, so a rename reaches those pages too, and no other council's."""
    root = get_user_model().objects.create_superuser("root", password="x", first_name="Rhiannon")
    led = make_recommendation(review)
    services.assign_lead_officer(recommendation=led, user=None, officer=root, version=led.version)
    elsewhere = make_recommendation(make_review(otherton, "Review of Bins", slug="bins"))
    make_update(recommendation=elsewhere, user=root, text="Checked by the centre.")
    third = make_council("Third Council", "third")
    assert versions.councils_naming(root) == {review.council_id, otherton.pk}

    keys = {
        council.pk: versions.key_of(Council.objects.filter(pk=council.pk))
        for council in Council.objects.all()
    }
    root.first_name = "Rhian"
    root.save()
    after = {
        council.pk: versions.key_of(Council.objects.filter(pk=council.pk))
        for council in Council.objects.all()
    }
    assert after[review.council_id] != keys[review.council_id]
    assert after[otherton.pk] != keys[otherton.pk]
    assert after[third.pk] == keys[third.pk]


def test_a_person_named_very_often_marks_every_council_stale_and_an_unchanged_save_none(
    review, otherton, monkeypatch
):
    root = get_user_model().objects.create_superuser("root", password="x", first_name="Rhiannon")
    led = make_recommendation(review)
    services.assign_lead_officer(recommendation=led, user=root, officer=root, version=led.version)
    make_council("Third Council", "third")

    def keys():
        return [versions.key_of(Council.objects.filter(pk=c.pk)) for c in Council.objects.order_by("pk")]

    before = keys()
    root.is_staff = True  # nothing any page shows
    root.set_password("y")
    root.save()
    assert keys() == before

    monkeypatch.setattr(versions, "NAMED_OFTEN", 0)  # so the recommendation they lead is too many
    assert versions.councils_naming(root) is None
    root.first_name = "Rhian"
    root.save()
    assert all(after != key for after, key in zip(keys(), before, strict=True))
