"""An edit or a deletion in the Django admin moves the dashboards, as the officers' pages do.

The admin writes through the same services, so the latest-progress row the
dashboards count from can never be left behind by it.
"""

import pytest
from django.urls import reverse

from recommendations.models import NO_STATUS, LatestProgress, ProgressUpdate
from tests.conftest import make_update, make_user

IN_PROGRESS, COMPLETED = ProgressUpdate.Status.IN_PROGRESS, ProgressUpdate.Status.COMPLETED


@pytest.fixture
def root(db):
    return make_user("root", is_staff=True, is_superuser=True)


def admin_form(client, url):
    """The admin change form's current values, as the browser would post them back."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = value if not hasattr(value, "pk") else value.pk
    return data


def dashboard_statuses(client):
    board = client.get(reverse("home")).context["dashboard"]
    return {figure.key: figure.count for figure in board.by_status if figure.count}


def test_changing_an_updates_status_in_the_admin_moves_the_dashboard(client, root, recommendation):
    update = make_update(recommendation=recommendation, status=IN_PROGRESS, text="Begun.")
    client.force_login(root)
    assert dashboard_statuses(client) == {IN_PROGRESS: 1}

    url = reverse("admin:recommendations_progressupdate_change", args=[update.pk])
    data = admin_form(client, url) | {"status": COMPLETED}
    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert dashboard_statuses(client) == {COMPLETED: 1}
    update.refresh_from_db()
    change = update.history.first()
    assert (change.history_user, change.history_change_reason) == (
        root,
        "Changed in the administration site: status",
    )


def test_deleting_the_latest_update_in_the_admin_falls_back_to_the_one_before(client, root, recommendation):
    earlier = make_update(
        recommendation=recommendation, status=IN_PROGRESS, text="a", update_date="2024-01-01"
    )
    latest = make_update(recommendation=recommendation, status=COMPLETED, text="b", update_date="2024-06-01")
    client.force_login(root)

    url = reverse("admin:recommendations_progressupdate_delete", args=[latest.pk])
    response = client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(pk=latest.pk).exists()
    deletion = ProgressUpdate.history.filter(id=latest.pk).first()
    assert (deletion.history_type, deletion.history_user, deletion.history_change_reason) == (
        "-",
        root,
        "Deleted in the administration site",
    )
    assert LatestProgress.objects.get(recommendation=recommendation).update_id == earlier.pk
    assert dashboard_statuses(client) == {IN_PROGRESS: 1}


def test_deleting_the_only_update_in_the_admin_leaves_no_status(client, root, recommendation):
    only = make_update(recommendation=recommendation, status=COMPLETED, text="Done.")
    client.force_login(root)

    url = reverse("admin:recommendations_progressupdate_delete", args=[only.pk])
    client.post(url, {"post": "yes"})

    assert not LatestProgress.objects.filter(recommendation=recommendation).exists()
    assert dashboard_statuses(client) == {NO_STATUS: 1}
