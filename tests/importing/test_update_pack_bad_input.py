"""Bad update packs: each gets a plain message beside the upload field, and nothing is held or written."""

import copy
import datetime
import io
import zipfile

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from councils.models import Membership
from importing.models import PendingPack
from recommendations import services
from recommendations.models import ProgressUpdate
from tests.conftest import join, make_recommendation, make_review, make_user
from tests.importing.packs import FILL, download, upload

KINDS = ["xlsx", "docx"]


def refused(response, *expected):
    """The upload page again, with each expected message beside the field; nothing held or written."""
    assert response.status_code == 200
    errors = response.context["form"].errors["pack"]
    for words in expected:
        assert any(words in error for error in errors), errors
    page = response.content.decode()
    assert "<title>Error: " in page
    assert 'class="govuk-error-message"' in page
    assert not PendingPack.objects.exists()
    assert not ProgressUpdate.objects.exclude(text="Advertised the post.").exists()
    return errors


GOOD = {"1": {"text": "Begun.", "status": "In progress"}}


@pytest.mark.parametrize("kind", KINDS)
def test_another_officers_pack_is_refused(client, olive, owed, testshire, review, kind):
    colleague = make_user("otto", first_name="Otto", last_name="Ortiz")
    join(colleague, testshire, Membership.Role.OFFICER)
    theirs = make_recommendation(review, 9, "That the library opens late.")
    services.assign_lead_officer(recommendation=theirs, user=None, officer=colleague, version=1)
    client.force_login(colleague)
    filled = FILL[kind](download(client, testshire, kind), {"9": {"text": "Begun.", "status": "In progress"}})
    client.force_login(olive)

    refused(upload(client, testshire, filled, kind), "is the update pack of Otto Ortiz, not yours")


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_of_another_council_is_refused(client, olive, owed, testshire, otherton, kind):
    join(olive, otherton, Membership.Role.OFFICER)
    elsewhere = make_recommendation(make_review(otherton, "Review of Parks"), 1, "That parks open late.")
    services.assign_lead_officer(recommendation=elsewhere, user=None, officer=olive, version=1)
    client.force_login(olive)
    filled = FILL[kind](download(client, otherton, kind), GOOD)

    refused(
        upload(client, testshire, filled, kind),
        "is an update pack for Otherton Borough Council, not Testshire County Council",
    )


def _add_xlsx_row(sheet):
    sheet.append(["", "Review of Libraries", "4", "A new one.", "", "", "", "Done it.", "Completed"])


def _add_docx_row(table):
    cells = table.add_row().cells
    cells[0].text = "4"
    cells[5].text = "Done it."
    cells[6].text = "Completed"


def _copy_docx_row(table):
    table._tbl.append(copy.deepcopy(table.rows[1]._tr))


def _copy_xlsx_row(sheet):
    sheet.append([cell.value for cell in sheet[2]])


@pytest.mark.parametrize("kind, change", [("xlsx", _add_xlsx_row), ("docx", _add_docx_row)])
def test_a_row_added_is_refused(client, olive, owed, testshire, kind, change):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD, change=change)

    refused(upload(client, testshire, filled, kind), "(“4”) was added to the pack")


@pytest.mark.parametrize("kind, change", [("xlsx", _copy_xlsx_row), ("docx", _copy_docx_row)])
def test_a_row_copied_is_refused(client, olive, owed, testshire, kind, change):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD, change=change)

    refused(upload(client, testshire, filled, kind), "(1) repeats row")


def _rename_xlsx(sheet):
    sheet["C3"] = "2a"


def _rename_docx(table):
    table.rows[2].cells[0].paragraphs[0].runs[-1].text = "2a"


@pytest.mark.parametrize("kind, change", [("xlsx", _rename_xlsx), ("docx", _rename_docx)])
def test_a_reference_changed_is_refused(client, olive, owed, testshire, kind, change):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD, change=change)

    refused(upload(client, testshire, filled, kind), "the reference was changed from “2” to “2a”")


@pytest.mark.parametrize(
    "value, message",
    [
        (42, "the new update is a number (42), not words"),
        (datetime.datetime(2030, 3, 1), "the new update is a date, not words"),
        (True, "the new update is TRUE, not words"),
        ("=1+1", "the new update is a formula"),
        ("12/03/2030", "the new update is only a date"),
    ],
)
def test_a_cell_of_the_wrong_type_in_excel_is_refused(client, olive, owed, testshire, value, message):
    client.force_login(olive)
    filled = FILL["xlsx"](
        download(client, testshire, "xlsx"), {"1": {"text": value, "status": "In progress"}}
    )

    refused(upload(client, testshire, filled, "xlsx"), f"Row 2 (1): {message}")


def test_a_number_for_the_update_in_word_is_refused(client, olive, owed, testshire):
    client.force_login(olive)
    filled = FILL["docx"](download(client, testshire, "docx"), {"1": {"text": "42", "status": "In progress"}})

    refused(upload(client, testshire, filled, "docx"), "Row 1 (1): the new update is only a number")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    "answer, message",
    [
        (
            {"text": "Begun.", "status": "Done"},
            "“Done” is not a status. Choose one of Not started, In progress",
        ),
        ({"text": "Begun.", "status": "In progress", "forecast": "Fine"}, "“Fine” is not a forecast"),
        (
            {"text": "Stopped.", "status": "Overtaken by events"},
            "enter why it closes as “Overtaken by events”",
        ),
        ({"status": "In progress"}, "enter the update in “New update”"),
        ({"text": "Begun."}, "choose a status in “Status”"),
        ({"text": "x" * 10_001, "status": "In progress"}, "the update must be 10,000 characters or fewer"),
    ],
)
def test_values_the_update_form_would_refuse_are_refused(
    client, olive, owed, testshire, kind, answer, message
):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), {"1": answer})

    refused(upload(client, testshire, filled, kind), message)


@pytest.mark.parametrize("kind", KINDS)
def test_every_row_wrong_is_listed_at_once(client, olive, owed, testshire, kind):
    client.force_login(olive)
    filled = FILL[kind](
        download(client, testshire, kind),
        {"1": {"text": "Begun.", "status": "Done"}, "3": {"text": "Begun."}},
    )

    errors = refused(
        upload(client, testshire, filled, kind), "(1): “Done” is not a status", "(3): choose a status"
    )
    assert len(errors) == 2


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_with_nothing_filled_in_is_refused(client, olive, owed, testshire, kind):
    client.force_login(olive)
    empty = download(client, testshire, kind)

    refused(upload(client, testshire, empty, kind), "has no updates filled in")


def _plain_workbook():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Reference", "Update"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _plain_document():
    document = docx.Document()
    document.add_paragraph("Our updates.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("pack.xlsx", _plain_workbook(), "is not an update pack made by this service"),
        ("pack.docx", _plain_document(), "is not an update pack made by this service"),
        ("pack.pdf", b"%PDF-1.4 a paper", "is not an update pack: it looks like a PDF"),
        ("pack.txt", b"Some updates", "is not an update pack: it looks like a text file"),
        ("pack.xlsx", b"PK\x03\x04 not really a zip", "cannot be read as an Excel workbook"),
        ("pack.docx", b"PK\x03\x04 not really a zip", "cannot be read as a Word document"),
    ],
)
def test_a_file_that_is_not_a_pack_is_refused(client, olive, owed, testshire, name, data, message):
    client.force_login(olive)
    response = client.post(
        reverse("importing:pack-upload", args=[testshire.slug]),
        {"pack": SimpleUploadedFile(name, data)},
    )

    refused(response, message)


@pytest.mark.parametrize("kind", KINDS)
def test_a_damaged_pack_is_refused(client, olive, owed, testshire, kind):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD)

    refused(upload(client, testshire, filled[: len(filled) // 2], kind), "cannot be read as")


def _rezip(data, edit):
    """The package with ``edit(name, bytes)`` applied to each part."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, edit(item.filename, source.read(item.filename)))
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_asking_for_entities_to_be_expanded_is_refused(client, olive, owed, testshire, kind):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD)
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'

    def hostile(name, data):
        if not name.endswith("Types].xml"):
            return data
        return laughs + (data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data)

    refused(upload(client, testshire, _rezip(filled, hostile), kind), "this service can read safely")


@pytest.mark.parametrize("kind", KINDS)
def test_a_pack_whose_identity_was_changed_is_refused(client, olive, owed, testshire, kind):
    client.force_login(olive)
    filled = FILL[kind](download(client, testshire, kind), GOOD)

    # The token is signed data (compressed, so it starts ".eJ"): changing one character breaks the signature.
    def tamper(name, data):
        if name.endswith(("sheet3.xml", "sharedStrings.xml", "document.xml")) and b".eJ" in data:
            start = data.index(b".eJ") + 5
            flipped = b"A" if data[start : start + 1] != b"A" else b"B"
            return data[:start] + flipped + data[start + 1 :]
        return data

    refused(
        upload(client, testshire, _rezip(filled, tamper), kind),
        "the part that identifies it has been changed",
    )


def test_a_pack_with_its_columns_moved_is_refused(client, olive, owed, testshire):
    client.force_login(olive)

    def swap(sheet):
        sheet["H1"], sheet["I1"] = "Status", "New update"

    filled = FILL["xlsx"](download(client, testshire, "xlsx"), GOOD, change=swap)

    refused(upload(client, testshire, filled, "xlsx"), "the columns of the “Updates” sheet were changed")


def test_a_pack_for_a_recommendation_deleted_since_is_refused(client, olive, owed, testshire):
    (first, _, _), _ = owed
    client.force_login(olive)
    filled = FILL["xlsx"](download(client, testshire, "xlsx"), GOOD)
    services.delete_recommendation(recommendation=first, user=None, reason="Made twice")

    refused(
        upload(client, testshire, filled, "xlsx"),
        "this recommendation has been deleted since the pack was made",
    )


def test_no_file_is_asked_for_beside_the_field(client, olive, testshire):
    client.force_login(olive)
    response = client.post(reverse("importing:pack-upload", args=[testshire.slug]), {})
    assert response.context["form"].errors["pack"] == ["Select your update pack"]
    assert "<title>Error: " in response.content.decode()
