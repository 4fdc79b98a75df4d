"""LatestProgress, kept beside the updates, always says what rebuilding it from them says."""

import datetime
import io

from django.core.management import call_command

from recommendations import services
from recommendations.models import LatestProgress, ProgressUpdate, Status


def snapshot():
    return sorted(
        LatestProgress.objects.values_list(
            "recommendation_id", "update_id", "status", "last_updated_date", "round_id", "previous_status"
        )
    )


def test_recording_and_editing_updates_keeps_latest_progress_true(olive, recommendation, review):
    first = services.record_update(
        recommendation=recommendation,
        user=olive,
        status=Status.NOT_STARTED,
        text="Planned.",
        update_date="2024-01-01",
    )
    assert snapshot() == [
        (recommendation.pk, first.pk, Status.NOT_STARTED, datetime.date(2024, 1, 1), None, None)
    ]
    second = services.record_update(
        recommendation=recommendation,
        user=olive,
        status=Status.IN_PROGRESS,
        text="Begun.",
        update_date="2024-03-01",
    )
    services.edit_update(
        update=first, user=olive, version=1, update_date="2024-06-01", status=Status.COMPLETED
    )

    kept = snapshot()
    LatestProgress.refresh()
    assert snapshot() == kept
    latest = LatestProgress.objects.get()
    assert (latest.update_id, latest.status, latest.previous_status) == (
        first.pk,
        Status.COMPLETED,
        Status.IN_PROGRESS,
    )
    assert second.pk != latest.update_id


def test_importing_the_seeds_fills_latest_progress_for_the_updated_recommendations(seeded):
    kept = snapshot()
    assert len(kept) == ProgressUpdate.objects.values("recommendation").distinct().count() == 12
    LatestProgress.refresh()
    assert snapshot() == kept


def test_the_rebuild_command_finds_what_the_services_keep(olive, recommendation, review):
    first = services.record_update(
        recommendation=recommendation, user=olive, status=ProgressUpdate.Status.IN_PROGRESS, text="a"
    )
    services.record_update(
        recommendation=recommendation,
        user=olive,
        status=ProgressUpdate.Status.COMPLETED,
        text="b",
        update_date=datetime.date(2024, 2, 1),
    )
    services.edit_update(update=first, user=olive, version=1, update_date=datetime.date(2024, 5, 1))
    services.delete_update(update=first, user=olive, reason="Entered twice")
    kept = snapshot()

    out = io.StringIO()
    call_command("rebuild_latest_progress", stdout=out)

    assert "Rebuilt 1 latest-progress rows; 0 differed from the updates." in out.getvalue()
    assert snapshot() == kept


def test_the_rebuild_command_mends_a_row_left_behind(recommendation):
    update = services.record_update(
        recommendation=recommendation, user=None, status=ProgressUpdate.Status.IN_PROGRESS, text="a"
    )
    LatestProgress.objects.filter(recommendation=recommendation).delete()  # as a restore might leave it

    out = io.StringIO()
    call_command("rebuild_latest_progress", stdout=out)

    assert "1 differed" in out.getvalue()
    assert LatestProgress.objects.get().update_id == update.pk
