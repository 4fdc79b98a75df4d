"""A pack filled in after its recommendations changed: shown row by row, theirs beside yours, and recorded
only where the officer confirms it, as a stale edit in the browser is."""

import datetime

import pytest
from django.urls import reverse

from importing.models import PendingPack
from importing.pack.services import PackChanged, compare, record_pack
from recommendations import services
from recommendations.models import CabinetResponse, ProgressUpdate, Status
from tests.conftest import make_update
from tests.importing.packs import FILL, download, record, upload

ANSWERS = {
    "1": {"text": "Opened on two Sundays.", "status": "In progress"},
    "2": {"text": "Interviewed three people.", "status": "In progress", "forecast": "On track"},
}


@pytest.fixture
def filled(client, olive, owed, testshire):
    """Olive's pack, filled in for the first two rows, not yet uploaded."""
    client.force_login(olive)
    return {kind: FILL[kind](download(client, testshire, kind), ANSWERS) for kind in ("xlsx", "docx")}


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_newer_update_is_shown_with_theirs_and_yours_and_is_not_recorded_unconfirmed(
    client, olive, adam, owed, testshire, filled, kind
):
    (first, second, _), _ = owed
    make_update(
        recommendation=first,
        user=adam,
        text="Opened on one Sunday.",
        status=Status.IN_PROGRESS,
        update_date=datetime.date(2030, 1, 5),
    )
    upload(client, testshire, filled[kind], kind)
    pending = PendingPack.objects.get()

    page = client.get(pending.get_absolute_url())

    ((standing, field),) = page.context["changed"]
    assert standing.row["reference"] == "1"
    assert standing.what == ["Adam gave a newer update on 5 January 2030."]
    assert ("Update", "Opened on one Sunday.", "Opened on two Sundays.", True) in standing.fields
    assert field.name == f"confirm_{first.pk}"
    text = page.content.decode()
    assert "Changed since your pack was made" in text and "Record my update on 1 anyway" in text

    record(client, pending)

    assert list(first.updates.values_list("text", flat=True)) == ["Opened on one Sunday."]
    assert second.updates.latest("id").text == "Interviewed three people."


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_a_changed_row_confirmed_is_recorded(client, olive, adam, owed, testshire, filled, kind):
    (first, _, _), _ = owed
    make_update(recommendation=first, user=adam, text="Opened on one Sunday.", status=Status.IN_PROGRESS)
    upload(client, testshire, filled[kind], kind)
    pending = PendingPack.objects.get()

    record(client, pending, **{f"confirm_{first.pk}": "on"})

    mine = first.updates.latest("id")
    assert (mine.text, mine.author) == ("Opened on two Sundays.", olive)
    assert not PendingPack.objects.exists()


def test_a_changed_response_and_target_are_named(client, olive, adam, owed, testshire, filled):
    (first, second, _), _ = owed
    services.save_response(
        recommendation=second, user=adam, version=None, decision=CabinetResponse.Decision.AGREE
    )
    first.refresh_from_db()
    services.set_target(
        recommendation=first, user=adam, date=datetime.date(2031, 3, 31), version=first.version
    )
    upload(client, testshire, filled["xlsx"], "xlsx")

    changed = {s.row["reference"]: s.what for s in compare(PendingPack.objects.get()) if s.is_changed}

    assert changed == {
        "1": ["Its target date is now 31 March 2031."],
        "2": ["Its cabinet response was changed: it is now “Agree”."],
    }


def test_a_change_after_the_check_page_was_shown_records_nothing(
    client, olive, adam, owed, testshire, filled
):
    (first, second, _), _ = owed
    upload(client, testshire, filled["docx"], "docx")
    pending = PendingPack.objects.get()
    form = client.get(pending.get_absolute_url()).context["form"]
    seen = {name: form[name].value() for name in form.fields if name.startswith("seen_")}
    # Someone else gives an update while Olive reads the check page.
    make_update(recommendation=second, user=adam, text="Shortlisted two.", status=Status.IN_PROGRESS)

    response = client.post(pending.get_absolute_url(), seen | {"action": "record"})

    assert response["Location"] == pending.get_absolute_url()
    assert not first.updates.exists()
    assert list(second.updates.order_by("id").values_list("text", flat=True)) == [
        "Advertised the post.",
        "Shortlisted two.",
    ]
    assert PendingPack.objects.filter(pk=pending.pk).exists()
    # Shown again, the change is there to confirm.
    changed = client.get(pending.get_absolute_url()).context["changed"]
    assert [s.row["reference"] for s, _ in changed] == ["2"]


def test_a_confirmed_row_that_changes_again_records_nothing(olive, adam, owed, client, testshire, filled):
    (first, _, _), _ = owed
    make_update(recommendation=first, user=adam, text="Opened on one Sunday.", status=Status.IN_PROGRESS)
    upload(client, testshire, filled["xlsx"], "xlsx")
    pending = PendingPack.objects.get()
    seen = {s.row["id"]: s.seen for s in compare(pending)}
    later = make_update(
        recommendation=first, user=adam, text="Closed on Sundays again.", status=Status.IN_PROGRESS
    )

    with pytest.raises(PackChanged) as changed:
        record_pack(pending=pending, user=olive, seen=seen, confirmed={first.pk})

    assert changed.value.references == ["1"]
    assert first.updates.latest("id") == later
    assert ProgressUpdate.objects.filter(author=olive).count() == 0


def test_an_edit_to_the_latest_update_makes_the_row_stale(client, olive, adam, owed, testshire, filled):
    (_, second, _), _ = owed
    given = second.updates.get()
    services.edit_update(update=given, user=adam, version=given.version, text="Advertised the post twice.")
    upload(client, testshire, filled["xlsx"], "xlsx")

    changed = [s.what for s in compare(PendingPack.objects.get()) if s.is_changed]

    assert changed == [["Its latest update was changed."]]


def test_the_check_page_of_a_gone_pack_sends_the_officer_back(client, olive, testshire):
    client.force_login(olive)
    response = client.get(reverse("importing:pack-check", args=[testshire.slug, 999]))
    assert response["Location"] == reverse("importing:pack-upload", args=[testshire.slug])
