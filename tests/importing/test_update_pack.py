"""The offline update pack: download what you owe, fill it in, upload it, check it, record it."""

import datetime
import io

import openpyxl
import pytest
from django.urls import reverse

from councils.models import Membership
from importing.models import PendingPack
from recommendations import services
from recommendations.models import ProgressUpdate, Status
from reviews.models import UpdateRound
from tests.conftest import join, make_recommendation, make_update, make_user
from tests.importing.packs import FILL, download, record, upload


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_an_officer_fills_in_the_pack_offline_and_the_updates_are_recorded_with_history(
    client, olive, owed, testshire, kind
):
    (first, second, third), update_round = owed
    client.force_login(olive)
    filled = FILL[kind](
        download(client, testshire, kind),
        {
            "1": {
                "text": "Opened on two Sundays as a trial.\n\nVisitors doubled.",
                "status": "In progress",
                "forecast": "At risk",
            },
            "3": {
                "text": "The council chose to lend e-books instead.",
                "status": "Alternative action taken",
                "reason": "Selling books would not pay for itself.",
            },
        },
    )

    checked = upload(client, testshire, filled, kind)

    pending = PendingPack.objects.get()
    assert checked["Location"] == pending.get_absolute_url()
    assert not ProgressUpdate.objects.exclude(recommendation=second).exists()
    page = client.get(pending.get_absolute_url())
    assert [s.row["reference"] for s in page.context["unchanged"]] == ["1", "3"]
    assert page.context["changed"] == []
    assert pending.skipped == 1  # the second row was left empty
    assert "Rows left empty" in page.content.decode()

    done = record(client, pending)

    assert done["Location"] == reverse("my-recommendations")
    assert not PendingPack.objects.exists()
    one = first.updates.get()
    assert (one.text, one.status, one.forecast, one.author, one.round) == (
        "Opened on two Sundays as a trial.\n\nVisitors doubled.",
        Status.IN_PROGRESS,
        ProgressUpdate.Forecast.AT_RISK,
        olive,
        update_round,
    )
    closed = third.updates.get()
    assert (closed.status, closed.outcome_reason) == (
        Status.ALTERNATIVE_ACTION,
        "Selling books would not pay for itself.",
    )
    assert second.updates.count() == 1  # its earlier update only
    for update in (one, closed):
        history = update.history.get()
        assert history.history_user == olive
        assert history.history_change_reason.startswith(f"Recorded from the update pack update-pack.{kind}")
    first.refresh_from_db()
    assert first.latest_progress.update == one


def test_the_pack_holds_what_the_officer_owes_and_nothing_else(client, olive, owed, review, testshire):
    (first, second, third), update_round = owed
    finished = make_recommendation(review, 4, "That the library is repainted.")
    services.assign_lead_officer(recommendation=finished, user=None, officer=olive, version=1)
    make_update(recommendation=finished, text="Repainted.", status=Status.COMPLETED, round=update_round)
    answered = make_recommendation(review, 5, "That the library has a café.")
    services.assign_lead_officer(recommendation=answered, user=None, officer=olive, version=1)
    make_update(recommendation=answered, text="Opened.", status=Status.IN_PROGRESS, round=update_round)
    not_hers = make_recommendation(review, 6, "That the library has a garden.")
    client.force_login(olive)

    workbook = openpyxl.load_workbook(io.BytesIO(download(client, testshire, "xlsx")))

    sheet = workbook["Updates"]
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["1", "2", "3"]
    assert {r.pk for r in (finished, answered, not_hers)}.isdisjoint(
        int(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    # The header stays in view, the pack's columns are locked and the officer's open, the lists are real.
    assert sheet.freeze_panes == "D2"
    assert sheet.protection.sheet
    assert sheet.column_dimensions["A"].hidden
    assert sheet["D2"].protection.locked and not sheet["H2"].protection.locked
    assert sheet["D2"].alignment.wrap_text
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == "list"}
    assert lists == {
        "I2:I4": '"Not started,In progress,Completed,Alternative action taken,Overtaken by events,Will not be implemented"',
        "K2:K4": '"On track,At risk,Off track"',
    }
    assert workbook["Pack"].sheet_state == "veryHidden"


def test_a_recommendation_sent_back_by_the_committee_is_in_the_pack(client, olive, review, adam, testshire):
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    sent = make_recommendation(review, 1, "That the library opens on Sundays.")
    services.assign_lead_officer(recommendation=sent, user=None, officer=olive, version=1)
    given = make_update(
        recommendation=sent, text="Thought about it.", status=Status.IN_PROGRESS, round=update_round
    )
    services.mark_not_adequate(update=given, user=adam, comment="Say what was done.")
    client.force_login(olive)

    filled = FILL["docx"](
        download(client, testshire, "docx"), {"1": {"text": "Opened.", "status": "Completed"}}
    )
    upload(client, testshire, filled, "docx")
    record(client, PendingPack.objects.get())

    assert sent.updates.latest("id").text == "Opened."


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_the_download_takes_the_same_queries_however_many_rows(
    client, olive, owed, review, testshire, kind, django_assert_num_queries
):
    client.force_login(olive)
    url = reverse(f"importing:pack-{kind}", args=[testshire.slug])
    # session, user, the council, the officer's role there, the pack's rows (reviews, responses and
    # latest updates with their authors joined in)
    with django_assert_num_queries(5):
        few = client.get(url)
    for position in range(4, 24):
        extra = make_recommendation(review, position, f"That the library does thing {position}.")
        services.assign_lead_officer(recommendation=extra, user=None, officer=olive, version=1)
        make_update(recommendation=extra, text="Begun.", user=olive, status=Status.IN_PROGRESS)

    with django_assert_num_queries(5):
        many = client.get(url)

    assert len(many.content) > len(few.content)


def test_my_recommendations_offers_the_pack_where_an_update_is_owed(client, olive, owed, testshire):
    client.force_login(olive)
    page = client.get(reverse("my-recommendations")).content.decode()
    assert "Download your update pack" in page
    assert reverse("importing:pack-xlsx", args=[testshire.slug]) in page
    assert reverse("importing:pack-docx", args=[testshire.slug]) in page
    assert reverse("importing:pack-upload", args=[testshire.slug]) in page


def test_an_officer_owing_nothing_is_offered_no_download(client, olive, review, testshire):
    led = make_recommendation(review, 1, "That the library opens on Sundays.")
    services.assign_lead_officer(recommendation=led, user=None, officer=olive, version=1)
    client.force_login(olive)
    page = client.get(reverse("my-recommendations")).content.decode()
    assert "Download your update pack" not in page and "You owe no updates" in page


def test_a_member_may_not_download_a_pack_and_another_council_gets_not_found(client, alice, oscar, testshire):
    client.force_login(alice)
    assert client.get(reverse("importing:pack-xlsx", args=[testshire.slug])).status_code == 403
    client.force_login(oscar)
    assert client.get(reverse("importing:pack-docx", args=[testshire.slug])).status_code == 404
    assert client.post(reverse("importing:pack-upload", args=[testshire.slug])).status_code == 404


def test_a_pack_waiting_for_one_officer_is_not_anothers(client, olive, owed, testshire):
    client.force_login(olive)
    filled = FILL["xlsx"](
        download(client, testshire, "xlsx"), {"1": {"text": "Begun.", "status": "In progress"}}
    )
    upload(client, testshire, filled, "xlsx")
    pending = PendingPack.objects.get()
    colleague = make_user("otto")
    join(colleague, testshire, Membership.Role.OFFICER)
    client.force_login(colleague)

    response = client.post(pending.get_absolute_url(), {"action": "record"})

    assert response["Location"] == reverse("importing:pack-upload", args=[testshire.slug])
    assert PendingPack.objects.filter(pk=pending.pk).exists()
    assert not ProgressUpdate.objects.filter(text="Begun.").exists()


def test_cancel_records_nothing(client, olive, owed, testshire):
    client.force_login(olive)
    filled = FILL["docx"](
        download(client, testshire, "docx"), {"1": {"text": "Begun.", "status": "In progress"}}
    )
    upload(client, testshire, filled, "docx")
    pending = PendingPack.objects.get()

    client.post(pending.get_absolute_url(), {"action": "cancel"})

    assert not PendingPack.objects.exists()
    assert not ProgressUpdate.objects.filter(text="Begun.").exists()


def test_a_pack_held_past_its_day_is_gone(client, olive, owed, testshire):
    client.force_login(olive)
    filled = FILL["xlsx"](
        download(client, testshire, "xlsx"), {"1": {"text": "Begun.", "status": "In progress"}}
    )
    upload(client, testshire, filled, "xlsx")
    pending = PendingPack.objects.get()
    pending.expires_at = pending.created_at - datetime.timedelta(seconds=1)
    pending.save()

    response = client.post(pending.get_absolute_url(), {"action": "record"})

    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(text="Begun.").exists()
