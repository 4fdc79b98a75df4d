"""Which files are read, returned to the caller or refused, judged by content and name together."""

import os
import random

import pytest

from importing.formats import MAX_BYTES, Paragraph, UnreadableFile, extract, reading

from .builders import docx_bytes, ole_file, pdf_bytes, pdf_paragraph, refused, text_pages_pdf, xlsx_bytes


def test_a_text_file_is_left_to_the_caller():
    assert extract("paper.txt", b"Cabinet response\n") is None
    assert extract("PAPER.TXT", b"") is None


def test_a_file_with_no_extension_that_is_text_is_left_to_the_caller():
    assert extract("paper", b"Cabinet response\n") is None
    assert extract("paper", b"MZ1\tThat the Council...\n") is None


def test_a_file_with_no_extension_is_read_by_its_content():
    read = extract("download", text_pages_pdf(1))
    assert read is not None and read.kind == "pdf"
    assert read.blocks == [Paragraph("Page 1 of the paper")]


def test_extensions_are_read_whatever_their_case():
    read = extract("Paper.PDF", text_pages_pdf(1))
    assert read is not None and read.kind == "pdf"


def test_a_file_over_20_mb_is_refused_before_anything_is_read(monkeypatch):
    def must_not_run(data):
        raise AssertionError("the content was looked at")

    monkeypatch.setattr(reading, "sniff", must_not_run)
    message = refused("huge.pdf", b"\x00" * (25 * 1024 * 1024))
    assert message == (
        "huge.pdf is 25.0 MB; the largest file this service reads is 20 MB. "
        "Upload only the part of the paper with the recommendations."
    )
    assert MAX_BYTES == 20 * 1024 * 1024


def test_a_very_long_file_name_is_shortened_in_messages():
    name = (
        "Cabinet response to the Scrutiny Review of Domestic Abuse Services, with appendices and annexes.docx"
    )
    message = refused(name, b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    assert message.startswith(name[:77] + "… is not a Word document")


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("old.doc", "an old-style Word document (.doc)"),
        ("old.xls", "an old-style Excel workbook (.xls)"),
        ("paper.odt", "an OpenDocument text file (.odt)"),
        ("paper.rtf", "a Rich Text Format file (.rtf)"),
        ("slides.pptx", "a PowerPoint presentation"),
        ("photo.png", "a .png file"),
    ],
)
def test_other_kinds_are_refused_naming_the_formats_that_are_read(name, what):
    message = refused(name, b"{\\rtf1 hello}")
    assert (
        message
        == f"{name} is {what}, which this service does not read. Save it as .docx, .pdf, .xlsx, .csv or .txt and upload that."
    )


def test_a_text_file_that_is_really_a_pdf_is_refused():
    message = refused("paper.txt", text_pages_pdf(1))
    assert message.startswith("paper.txt is not a text file: it looks like a PDF.")
    assert "give its name the extension .pdf" in message


def test_a_binary_file_with_no_extension_is_refused():
    assert "has no extension and looks like a PNG image" in refused(
        "scan", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    )


def test_an_image_named_pdf_is_refused_as_needing_text():
    message = refused("scan.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    assert message.startswith("scan.pdf is not a PDF: it looks like a JPEG image.")
    assert "needs the paper's text" in message


def test_an_encrypted_office_file_named_pdf_is_refused():
    assert "password-protected Office document" in refused("locked.pdf", ole_file("EncryptedPackage"))


def test_a_reader_failing_unexpectedly_still_raises_only_unreadable_file(monkeypatch):
    def broken(data, shown):
        raise KeyError("oops")

    monkeypatch.setitem(reading._READERS, "csv", broken)
    assert refused("any.csv", b"a,b\n") == "any.csv cannot be read as a CSV file: it may be damaged."


def valid_files() -> dict[str, bytes]:
    def word(document):
        document.add_paragraph("Hello")
        document.add_table(rows=2, cols=2).cell(0, 0).text = "a"

    return {
        "paper.docx": docx_bytes(word),
        "paper.xlsx": xlsx_bytes(lambda book: book.active.append(["a", 1])),
        "paper.pdf": pdf_bytes([pdf_paragraph("Hello")]),
        "paper.csv": b"a,b\n1,2\n",
    }


def test_damaged_files_of_every_kind_raise_only_unreadable_file():
    chance = random.Random(2024)
    for name, data in valid_files().items():
        for _ in range(25):
            damaged = bytearray(data)
            for _ in range(chance.randint(1, 20)):
                damaged[chance.randrange(len(damaged))] = chance.randrange(256)
            cut = chance.randint(1, len(damaged))
            for candidate in (bytes(damaged), bytes(damaged[:cut]), os.urandom(chance.randint(0, 2000))):
                try:
                    extract(name, candidate)
                except UnreadableFile as error:
                    assert str(error).startswith(name), error
