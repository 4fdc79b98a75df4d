"""Hostile and broken files, through the command and the upload page: each refused in plain English,
naming the file, with nothing written (every table counted before and after), in bounded time."""

import io
import time
import zipfile

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from councils.models import Council, Membership
from importing.models import PendingImport
from tests.conftest import make_user, seed
from tests.importing.formats.builders import (
    docx_bytes,
    drawing_only_pdf,
    ole_file,
    rewrite_zip,
)
from tests.importing.test_import_seed_papers import database_state

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 200


def response_docx(document):
    document.add_paragraph("Testshire County Council")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["No.", "Recommendation", "Response"], strict=True):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["1", "That the Council opens on Sundays.", "Agreed."], strict=True
    ):
        cell.text = text


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"\x00" * (1024 * 1024))
    return buffer.getvalue()


def entities() -> bytes:
    def add_doctype(xml: bytes) -> bytes:
        return xml.replace(b"?>", b'?>\n<!DOCTYPE w:document [<!ENTITY ext SYSTEM "file:///etc/passwd">]>', 1)

    return rewrite_zip(docx_bytes(response_docx), {"word/document.xml": add_doctype})


def formulas_only() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ref", "Recommendation", "Response"])
    for row in range(2, 6):
        sheet.append(["=ROW()-1", f'="That the Council does "&A{row}', "=1+1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def no_recommendations_csv() -> bytes:
    return b"Name,Age,Ward\nAlice,34,North\nBob,51,South\n"


def duplicates_csv() -> bytes:
    return (
        b"Ref,Recommendation,Response\n"
        b"1,That the Council opens on Sundays.,Agreed\n"
        b"1,That the Council reviews its fees.,Not agreed\n"
    )


def encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    page.drawString(72, 750, "Testshire County Council")
    page.showPage()
    page.save()
    return buffer.getvalue()


def long_field_csv() -> bytes:
    return b'Ref,Recommendation,Response\n1,"' + b"x" * (2 * 1024 * 1024) + b'",Agreed\n'


# (file name, its bytes, words the message must hold)
HOSTILE = [
    ("empty.txt", lambda: b"", "empty.txt is empty"),
    ("blank.txt", lambda: b" \n\t\n  ", "blank.txt is empty"),
    ("image.docx", lambda: PNG, "image.docx is not a Word document: it looks like a PNG image"),
    ("image.pdf", lambda: PNG, "image.pdf is not a PDF"),
    ("image.txt", lambda: PNG, "image.txt is not a text file"),
    ("bomb.docx", zip_bomb, "zip bomb"),
    ("entities.docx", entities, "is not a Word document this service can read safely"),
    (
        "locked.docx",
        lambda: ole_file("EncryptionInfo", "EncryptedPackage"),
        "locked.docx is password-protected",
    ),
    ("old.docx", lambda: ole_file("WordDocument"), "old-style Word document (.doc)"),
    (
        "macros.docx",
        lambda: rewrite_zip(docx_bytes(response_docx), {"word/vbaProject.bin": b"\x00" * 64}),
        "macros.docx contains macros",
    ),
    ("macros.docm", lambda: docx_bytes(response_docx), "contains macros"),
    ("damaged.docx", lambda: docx_bytes(response_docx)[:400], "damaged.docx"),
    (
        "nodocument.docx",
        lambda: rewrite_zip(docx_bytes(response_docx), {"word/document.xml": None}),
        "nodocument.docx",
    ),
    ("scan.pdf", drawing_only_pdf, "scan.pdf is a scanned PDF with no text in it"),
    ("noise.pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40, "noise.pdf cannot be read as a PDF"),
    ("secret.pdf", encrypted_pdf, "secret.pdf is a password-protected PDF"),
    ("sums.xlsx", formulas_only, "its formulas have never been worked out"),
    ("macros.xlsm", lambda: rewrite_zip(formulas_only(), {}), "contains macros"),
    ("old.xls", lambda: ole_file("Workbook"), "old-style Excel workbook"),
    ("paper.rtf", lambda: b"{\\rtf1 Testshire County Council}", "which this service does not read"),
    ("paper.odt", lambda: b"PK\x03\x04" + b"\x00" * 100, "which this service does not read"),
    ("huge.txt", lambda: b"x" * (21 * 1024 * 1024), "the largest file this service reads is 20 MB"),
    ("one-line.txt", lambda: b"Testshire County Council " * 420_000, "has a line of"),
    (
        "nul.txt",
        lambda: b"Recommendation\tResponse\n1 That\x00 the Council\tAgreed\n",
        "nul.txt is not a text file",
    ),
    ("nul.csv", lambda: b"Ref,Recommendation\n1,That\x00 the Council\n", "contains NUL bytes"),
    ("people.csv", no_recommendations_csv, "no table of recommendations the importer can find"),
    (
        "minutes.txt",
        lambda: b"Minutes of the meeting\n\nPresent: all.\n",
        "not in a layout the importer knows",
    ),
    ("duplicates.csv", duplicates_csv, "the reference “1” is given to two recommendations"),
    ("long-cell.csv", long_field_csv, "long-cell.csv"),
    (
        "other-council.txt",
        lambda: seed("oxfordshire").read_bytes(),
        "is a paper of Oxfordshire County Council, not of Testshire County Council",
    ),
    ("x" * 240 + ".docx", lambda: PNG, "x" * 77 + "…"),
    ("program.exe", lambda: b"MZ\x90\x00" + b"\x00" * 300, "which this service does not read"),
]


@pytest.fixture
def admin_client(client, db):
    council = Council.objects.create(name="Testshire County Council", slug="testshire")
    admin = make_user("admin")
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    client.force_login(admin)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "words"), HOSTILE, ids=[case[0][:30] for case in HOSTILE])
def test_the_command_refuses_it_in_plain_english_and_writes_nothing(tmp_path, name, data, words):
    Council.objects.create(name="Testshire County Council", slug="testshire")
    path = tmp_path / name
    path.write_bytes(data())
    before = database_state()
    began = time.perf_counter()
    with pytest.raises(CommandError) as refused:
        call_command(
            "import_report", str(path), "--council", "Testshire County Council", stdout=io.StringIO()
        )
    assert time.perf_counter() - began < 30
    message = str(refused.value)
    assert words in message
    assert message.endswith("Nothing was imported.")
    assert "Traceback" not in message and "Error:" not in message
    assert database_state() == before


@pytest.mark.parametrize(("name", "data", "words"), HOSTILE, ids=[case[0][:30] for case in HOSTILE])
def test_the_upload_page_refuses_it_beside_the_field_and_writes_nothing(admin_client, name, data, words):
    url = reverse("importing:upload", args=["testshire"])
    before = database_state()
    response = admin_client.post(url, {"paper": SimpleUploadedFile(name, data())})
    assert response.status_code == 200
    errors = response.context["form"].errors["paper"]
    assert len(errors) == 1
    if "20 MB" in words:
        assert errors == ["The selected file must be smaller than 20 MB"]  # refused before reading
    elif name == "empty.txt":
        assert errors == ["The selected file is empty"]
    else:
        assert words in errors[0]
    assert "<title>Error: " in response.content.decode()
    assert database_state() == before
    assert not PendingImport.objects.exists()


@pytest.mark.django_db
def test_a_paper_in_utf16_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(seed("oxford-2020").read_text().encode("utf-16"))
    call_command("import_report", str(path), stdout=io.StringIO())
    assert Council.objects.get().name == "Oxford City Council"


def test_script_in_a_cell_is_kept_as_text_and_escaped_on_every_page(admin_client):
    hostile = (
        b"Ref,Recommendation,Response\n"
        b'1,"That the Council <script>alert(1)</script> opens on Sundays.",'
        b'"Agreed. <img src=x onerror=alert(2)>"\n'
    )
    upload = admin_client.post(
        reverse("importing:upload", args=["testshire"]), {"paper": SimpleUploadedFile("script.csv", hostile)}
    )
    check = admin_client.get(upload["Location"]).content.decode()
    assert "<script>alert(1)" not in check and "&lt;script&gt;alert(1)&lt;/script&gt;" in check
    assert "<img src=x" not in check
    pending = PendingImport.objects.get()
    form = admin_client.get(pending.get_absolute_url()).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["title"] = "Review of Sunday opening"
    done = admin_client.post(pending.get_absolute_url(), data | {"action": "apply"})
    done = admin_client.post(pending.get_absolute_url(), data | {"action": "import"})
    from recommendations.models import Recommendation

    recommendation = Recommendation.objects.get()
    assert "<script>alert(1)</script>" in recommendation.text  # kept, word for word
    page = admin_client.get(recommendation.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert done.status_code == 302


@pytest.mark.django_db
def test_formula_cells_are_neutralised_in_every_csv(admin_client, tmp_path):
    from recommendations import services
    from tests.conftest import make_recommendation, make_review

    council = Council.objects.get()
    review = make_review(council)
    recommendation = make_recommendation(review, text='=HYPERLINK("http://evil.example","Click")')
    services.save_response(
        recommendation=recommendation, user=None, version=None, decision="agree", comment="+cmd|' /C calc'!A0"
    )
    services.record_update(recommendation=recommendation, user=None, text="@SUM(1+1)*cmd|' /C calc'!A0")
    lists = b"".join(
        admin_client.get(reverse("recommendations:list"), {"format": "csv"}).streaming_content
    ).decode()
    assert "'=HYPERLINK(" in lists and "\n=HYPERLINK" not in lists and ",=HYPERLINK" not in lists
    paper = admin_client.get(
        reverse("papers:cabinet-response-csv", args=[council.slug, review.slug])
    ).content.decode()
    assert "'=HYPERLINK(" in paper and "'+cmd" in paper
    assert ",=HYPERLINK" not in paper and ",+cmd" not in paper


@pytest.mark.django_db
def test_a_paper_with_a_long_file_name_imports_with_its_name_in_the_history(tmp_path):
    name = "oxford-2020-cabinet-response-" + "domestic-abuse-review-" * 9 + ".txt"
    path = tmp_path / name
    path.write_bytes(seed("oxford-2020").read_bytes())
    call_command("import_report", str(path), stdout=io.StringIO())
    from recommendations.models import Recommendation

    assert Recommendation.history.first().history_change_reason == f"Imported from {name}"


@pytest.mark.django_db
def test_control_characters_in_the_data_do_not_break_the_word_papers(admin_client):
    from recommendations import services
    from tests.conftest import make_recommendation, make_review

    council = Council.objects.get()
    review = make_review(council)
    recommendation = make_recommendation(review, text="That the Council\x1b[31m opens\x07 on\x0c Sundays.")
    services.save_response(
        recommendation=recommendation,
        user=None,
        version=None,
        decision="agree",
        comment="Bell\x07 and escape\x1b.",
    )
    response = admin_client.get(reverse("papers:cabinet-response-docx", args=[council.slug, review.slug]))
    assert response.status_code == 200
    text = "\n".join(
        p.text for t in docx.Document(io.BytesIO(response.content)).tables for p in t._cells[3].paragraphs
    )
    assert "That the Council[31m opens on" in text
