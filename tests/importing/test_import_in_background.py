"""A large paper is imported by the task worker; its check page waits for it, then says what came of it."""

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from importing.models import PendingImport
from recommendations.models import Recommendation
from reviews.models import Review
from tests.importing.test_import_seed_papers import database_state
from tests.importing.test_upload_page import admin_of, as_shown, upload


@pytest.fixture
def large(settings):
    """Southwark's paper, with 12 recommendations, counts as large."""
    settings.IMPORT_IN_BACKGROUND_FROM = 10


def held(client, admin):
    client.force_login(admin)
    client.post(reverse("importing:upload", args=["southwark-council"]), {"paper": upload("southwark")})
    return PendingImport.objects.get(owner=admin)


def test_a_large_paper_is_imported_by_the_worker_and_the_page_then_says_so(client, db, large, run_tasks):
    admin = admin_of("southwark-council", "Southwark Council")
    pending = held(client, admin)
    before = database_state()

    queued = client.post(pending.get_absolute_url(), as_shown(client, pending) | {"action": "import"})

    assert queued["Location"] == pending.get_absolute_url()
    assert Recommendation.objects.count() == 0  # the request only queued it
    assert database_state() == before | {"django_tasks_database.DBTaskResult": 1}
    page = client.get(pending.get_absolute_url()).content.decode()
    assert "We are importing" in page and "It has 12 recommendations" in page
    # Pressing Import again (a second tab, a double click) does not queue it twice.
    client.post(pending.get_absolute_url(), {"action": "import"})
    assert DBTaskResult.objects.count() == 1

    # The import, and the fan-out of the news it made (the past round it closed).
    assert run_tasks() == 2

    review = Review.objects.get()
    assert Recommendation.objects.filter(review=review).count() == 12
    assert {h.history_user.username for h in Recommendation.history.all()} == {"admin-southwark-council"}
    done = client.get(pending.get_absolute_url(), follow=True)
    assert done.redirect_chain[-1][0] == review.get_absolute_url()
    assert [str(m) for m in done.context["messages"]] == [f"{pending.name} has been imported."]
    assert not PendingImport.objects.exists()


def test_the_same_paper_imported_meanwhile_changes_nothing_and_says_so(client, db, large, run_tasks):
    admin = admin_of("southwark-council", "Southwark Council")
    first = held(client, admin)
    client.post(first.get_absolute_url(), as_shown(client, first) | {"action": "import"})
    second = PendingImport.objects.create(
        **{
            f.name: getattr(first, f.name)
            for f in PendingImport._meta.fields
            if f.name not in ("id", "queued_at")
        }
    )
    client.post(second.get_absolute_url(), as_shown(client, second) | {"action": "import"})

    run_tasks()

    assert Recommendation.objects.count() == 12
    done = client.get(second.get_absolute_url(), follow=True)
    (message,) = [str(m) for m in done.context["messages"]]
    assert message.startswith(f"{first.name} was ") and message.endswith("; nothing changed.")


def test_an_import_that_fails_in_the_worker_writes_nothing_and_is_reported(
    client, db, large, run_tasks, monkeypatch
):
    admin = admin_of("southwark-council", "Southwark Council")
    pending = held(client, admin)
    client.post(pending.get_absolute_url(), as_shown(client, pending) | {"action": "import"})
    before = database_state()

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr("importing.services.import_read", broken)
    run_tasks()

    assert database_state() == before
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED" and "the disk is full" in failed.traceback
    done = client.get(pending.get_absolute_url(), follow=True)
    assert done.redirect_chain[-1][0] == reverse("importing:upload", args=["southwark-council"])
    (message,) = [str(m) for m in done.context["messages"]]
    assert message.startswith("Nothing was imported:") and "could not be imported" in message


def test_another_admins_queued_import_is_not_theirs_to_see(client, db, large):
    admin = admin_of("southwark-council", "Southwark Council")
    pending = held(client, admin)
    client.post(pending.get_absolute_url(), as_shown(client, pending) | {"action": "import"})
    from councils.models import Council, Membership
    from tests.conftest import make_user

    other = make_user("other-admin")
    Membership.objects.create(user=other, council=Council.objects.get(), role=Membership.Role.ADMIN)
    client.force_login(other)
    page = client.get(pending.get_absolute_url(), follow=True)
    assert "no longer waiting to be imported" in page.content.decode()
    assert PendingImport.objects.get().result is None
