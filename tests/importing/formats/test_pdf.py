"""PDFs: ruled tables page by page, the text around them in reading order, and every refusal."""

import io
import os
import zlib

import pytest
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from importing.formats import Paragraph, Table, extract, pdf

from .builders import (
    drawing_only_pdf,
    pdf_bytes,
    pdf_paragraph,
    pdf_with_stream,
    refused,
    ruled_table,
    text_pages_pdf,
)

WRAPPING = "which is a long recommendation that wraps onto a second line of its cell"


@pytest.fixture(scope="module")
def response() -> bytes:
    return two_page_response()


@pytest.fixture(scope="module")
def read(response):
    return extract("response.pdf", response)


def two_page_response() -> bytes:
    rows = [["Ref", "Recommendation", "Decision"]]
    rows += [
        [str(n), pdf_paragraph(f"That the Council does thing {n} {WRAPPING}"), "Agree"] for n in range(1, 41)
    ]
    # Recommendation 2's text runs across the Decision column too.
    table = ruled_table(rows, [40, 300, 80], spans=[((1, 2), (2, 2))])
    return pdf_bytes(
        [
            pdf_paragraph("Cabinet response to the review", "Title"),
            pdf_paragraph("The Cabinet met on 3 November 2020."),
            table,
            pdf_paragraph("Signed by the Cabinet Member."),
        ]
    )


def test_a_ruled_table_across_two_pages_comes_out_as_one_table_a_page(read):
    tables = [block for block in read.blocks if isinstance(block, Table)]
    assert [table.page for table in tables] == [1, 2]
    first, second = tables
    assert first.rows[0] == second.rows[0] == ["Ref", "Recommendation", "Decision"]
    numbers = [row[0] for table in tables for row in table.rows[1:]]
    assert numbers == [str(n) for n in range(1, 41)]
    assert {len(row) for table in tables for row in table.rows} == {3}


def test_lines_wrapped_inside_a_pdf_cell_are_joined_with_a_space(read):
    first = next(block for block in read.blocks if isinstance(block, Table))
    assert first.rows[1] == ["1", f"That the Council does thing 1 {WRAPPING}", "Agree"]


def test_a_cell_spanning_columns_leaves_the_columns_it_covers_empty(read):
    first = next(block for block in read.blocks if isinstance(block, Table))
    assert first.rows[2] == ["2", f"That the Council does thing 2 {WRAPPING}", ""]


def test_text_around_the_tables_comes_out_in_reading_order(read):
    extract_ = read
    assert extract_.kind == "pdf"
    blocks = extract_.blocks
    assert blocks[0] == Paragraph("Cabinet response to the review")
    assert blocks[1] == Paragraph("The Cabinet met on 3 November 2020.")
    assert isinstance(blocks[2], Table) and blocks[2].page == 1
    assert isinstance(blocks[3], Table) and blocks[3].page == 2
    assert blocks[4] == Paragraph("Signed by the Cabinet Member.")
    assert len(blocks) == 5, "no text inside a table is read twice as a paragraph"
    assert extract_.text.split("\n")[2] == "Ref\tRecommendation\tDecision"


def test_text_between_two_tables_on_a_page_stays_between_them():
    data = pdf_bytes(
        [
            ruled_table([["A", "B"], ["1", "2"]], [100, 100]),
            pdf_paragraph("Between the tables."),
            ruled_table([["C", "D"], ["3", "4"]], [100, 100]),
        ]
    )
    assert extract("two.pdf", data).blocks == [
        Table([["A", "B"], ["1", "2"]], page=1),
        Paragraph("Between the tables."),
        Table([["C", "D"], ["3", "4"]], page=1),
    ]


def test_prose_is_never_taken_for_a_table():
    prose = " ".join(
        ["The committee considered the report and agreed the recommendations set out in it."] * 40
    )
    extract_ = extract("prose.pdf", pdf_bytes([pdf_paragraph(prose), pdf_paragraph("1. " + prose)]))
    assert all(isinstance(block, Paragraph) for block in extract_.blocks)


def test_a_table_set_out_in_columns_without_lines_is_found_when_no_table_is_ruled():
    from reportlab.platypus import Table as PdfTable

    rows = [["Ref", "Recommendation", "Decision"]] + [[str(n), f"Do thing {n}", "Agree"] for n in range(1, 6)]
    data = pdf_bytes([pdf_paragraph("Responses"), PdfTable(rows, colWidths=[60, 250, 80])])
    tables = [block for block in extract("unruled.pdf", data).blocks if isinstance(block, Table)]
    assert tables == [Table(rows, page=1)]


def test_a_pdf_with_a_blank_password_is_read():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("", "owner"))
    page.drawString(72, 700, "Printing is restricted")
    page.save()
    assert extract("restricted.pdf", buffer.getvalue()).blocks == [Paragraph("Printing is restricted")]


# Refusals


def test_a_scanned_pdf_is_refused():
    assert refused("scan.pdf", drawing_only_pdf(pages=2)) == (
        "scan.pdf is a scanned PDF with no text in it. The importer needs the text: "
        "ask for the Word version, or a PDF saved from Word."
    )


def test_random_bytes_named_pdf_are_refused():
    message = refused("noise.pdf", os.urandom(5000))
    assert message.startswith("noise.pdf is not a PDF")


def test_a_damaged_pdf_is_refused():
    data = b"%PDF-1.4\n" + os.urandom(5000)
    assert refused("damaged.pdf", data).startswith("damaged.pdf cannot be read as a PDF")


def test_a_pdf_cut_short_raises_only_unreadable_file(response):
    data = response
    for cut in (20, 200, len(data) // 3, len(data) // 2):
        try:
            extract("cut.pdf", data[:cut])
        except Exception as error:
            assert type(error).__name__ == "UnreadableFile", error


def test_a_password_protected_pdf_is_refused():
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, encrypt=pdfencrypt.StandardEncryption("secret", "owner"))
    page.drawString(72, 700, "Confidential")
    page.save()
    assert refused("locked.pdf", buffer.getvalue()) == (
        "locked.pdf is a password-protected PDF. Ask for a copy without a password, "
        "or the Word version, and upload that."
    )


def test_a_pdf_of_more_than_300_pages_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    assert extract("three.pdf", text_pages_pdf(3)) is not None
    message = refused("four.pdf", text_pages_pdf(4))
    assert message.startswith("four.pdf has more than 3 pages")


def test_a_pdf_whose_streams_unpack_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_UNPACKED", 1024 * 1024)
    content = b"BT /F1 12 Tf 72 700 Td (Hi) Tj ET\n" + b" " * (3 * 1024 * 1024)
    message = refused("bomb.pdf", pdf_with_stream(zlib.compress(content, 9)))
    assert "zip bomb" in message


def test_a_pdf_with_a_page_crammed_with_text_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_CHARS_PER_PAGE", 10)
    message = refused("dense.pdf", text_pages_pdf(2))
    assert message.startswith("dense.pdf has more text on page 1")


def test_a_pdf_that_takes_too_long_to_read_is_refused(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_SECONDS", -1)
    message = refused("slow.pdf", text_pages_pdf(2))
    assert message.startswith("slow.pdf is taking too long to read (it had reached page 1)")


def test_a_page_too_busy_with_drawing_is_read_for_its_text_alone(monkeypatch, response):
    monkeypatch.setattr(pdf, "MAX_DRAWING_PER_PAGE", 10)
    blocks = extract("chart.pdf", response).blocks
    assert blocks and not any(isinstance(block, Table) and block.page == 1 for block in blocks)
    assert Paragraph("Cabinet response to the review") in blocks
