"""Evidence files attached to updates; the council's escalation ladder, climbed step by step."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from councils import services as council_services
from recommendations import services
from recommendations.models import Escalation, EvidenceFile, ProgressUpdate, Recommendation
from tests.conftest import make_update

TODAY = timezone.localdate()
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def url(recommendation, name, *extra):
    review = recommendation.review
    return reverse(
        f"recommendations:{name}", args=[review.council.slug, review.slug, recommendation.position, *extra]
    )


def date_fields(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def update_form(**extra):
    return {"status": "completed", "text": "Done.", **date_fields("update_date", TODAY), "round": "", **extra}


def test_an_officer_records_completed_with_evidence_files_that_members_can_download(
    client, olive, alice, oscar, recommendation
):
    client.force_login(olive)
    files = [
        SimpleUploadedFile("Minutes of the board.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("figures.csv", b"month,visits\nMay,12\n", content_type="text/csv"),
    ]

    response = client.post(url(recommendation, "add-update"), update_form(evidence_files=files))

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    kept = list(update.files.order_by("name"))
    assert [(f.name, f.size, f.content_type, bytes(f.data)) for f in kept] == [
        ("Minutes of the board.pdf", len(PDF), "application/pdf", PDF),
        ("figures.csv", 20, "text/csv", b"month,visits\nMay,12\n"),
    ]
    assert kept[0].history.get().history_user == olive
    assert Recommendation.objects.awaiting_sign_off().get() == recommendation

    client.force_login(alice)
    page = client.get(url(recommendation, "detail")).content.decode()
    assert "Minutes of the board.pdf" in page
    download = client.get(kept[0].get_absolute_url())
    assert download.content == PDF and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"

    client.force_login(oscar)  # another council's officer does not learn it exists
    assert client.get(kept[0].get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("script.exe", b"MZ\x90\x00", "The file must be one of these types"),
        ("report.pdf", b"<html><script>alert(1)</script>", "report.pdf is not a real .pdf file"),
        ("notes.txt", b"\x00\x01binary", "notes.txt is not a text file"),
        ("huge.pdf", b"%PDF-" + b"0" * EvidenceFile.MAX_SIZE, "huge.pdf is too big"),
        ("empty.txt", b"", "empty.txt is empty"),
    ],
)
def test_a_refused_file_is_explained_beside_the_field_and_nothing_is_written(
    client, olive, recommendation, name, data, message
):
    client.force_login(olive)

    response = client.post(
        url(recommendation, "add-update"), update_form(evidence_files=[SimpleUploadedFile(name, data)])
    )

    page = response.content.decode()
    assert response.status_code == 200 and message in page and "govuk-error-message" in page
    assert not ProgressUpdate.objects.exists() and not EvidenceFile.objects.exists()


def ladder(council, user):
    return council_services.set_escalation_steps(
        council=council,
        user=user,
        names=["Reminder to the lead officer", "The chair writes to the director", "Cabinet member invited"],
    )


def test_an_overdue_item_is_escalated_step_by_step(client, adam, olive, testshire, recommendation):
    steps = ladder(testshire, adam)
    services.set_target(
        recommendation=recommendation, user=olive, date=TODAY - datetime.timedelta(days=10), version=1
    )
    make_update(recommendation=recommendation, user=olive, text="Begun.", update_date=TODAY)
    client.force_login(adam)

    page = client.get(url(recommendation, "detail")).content.decode()
    assert "Escalate: Reminder to the lead officer" in page

    for step in steps[:2]:
        form = {**date_fields("taken_on", TODAY), "note": f"Sent: {step.name}", "step": step.pk}
        assert client.post(url(recommendation, "escalate"), form).status_code == 302

    taken = list(Escalation.objects.order_by("recorded_at").values_list("step__name", "note", "recorded_by"))
    assert taken == [
        ("Reminder to the lead officer", "Sent: Reminder to the lead officer", adam.pk),
        ("The chair writes to the director", "Sent: The chair writes to the director", adam.pk),
    ]
    assert (
        Escalation.objects.first().history.get().history_change_reason
        == "Escalated: Reminder to the lead officer"
    )
    assert set(Recommendation.objects.escalated()) == {recommendation}
    page = client.get(url(recommendation, "detail")).content.decode()
    assert "Escalate: Cabinet member invited" in page and page.count("Taken</strong>") == 2

    # A second admin's page, opened before the last step was taken, is stale.
    services.escalate(
        recommendation=recommendation, user=adam, step_id=steps[2].pk, taken_on=TODAY, note="Invited."
    )
    with pytest.raises(services.RefusedChange, match="Every step"):
        services.escalate(
            recommendation=recommendation, user=adam, step_id=steps[2].pk, taken_on=TODAY, note="Again."
        )
    assert Escalation.objects.count() == 3


def test_a_stale_step_and_an_item_neither_overdue_stalled_nor_sent_back_are_refused(
    adam, olive, testshire, recommendation
):
    steps = ladder(testshire, adam)
    services.set_target(
        recommendation=recommendation, user=olive, date=TODAY + datetime.timedelta(days=60), version=1
    )
    make_update(recommendation=recommendation, user=olive, text="Going well.", update_date=TODAY)

    with pytest.raises(services.RefusedChange, match="overdue, stalled or sent back"):
        services.escalate(
            recommendation=recommendation, user=adam, step_id=steps[0].pk, taken_on=TODAY, note="x"
        )

    services.mark_not_adequate(update=recommendation.updates.get(), user=adam, comment="No figures.")
    with pytest.raises(services.RefusedChange, match="Someone else escalated it first"):
        services.escalate(
            recommendation=recommendation, user=adam, step_id=steps[1].pk, taken_on=TODAY, note="x"
        )
    with pytest.raises(services.RefusedChange, match="what was sent"):
        services.escalate(
            recommendation=recommendation, user=adam, step_id=steps[0].pk, taken_on=TODAY, note=" "
        )
    assert not Escalation.objects.exists()
    services.escalate(
        recommendation=recommendation, user=adam, step_id=steps[0].pk, taken_on=TODAY, note="Sent."
    )
    assert Escalation.objects.count() == 1


def test_without_a_ladder_the_page_says_where_to_set_one(client, adam, recommendation):
    client.force_login(adam)

    page = client.get(url(recommendation, "detail")).content.decode()
    response = client.get(url(recommendation, "escalate"), follow=True)

    assert "The council has not set an escalation ladder" in page
    assert "set the council&#x27;s escalation ladder on its settings page" in response.content.decode()
