"""Word documents: paragraphs and tables in document order, merged cells as a grid, and every refusal."""

import io
import zipfile

import docx
import pytest

from importing.formats import Paragraph, Table, extract, package

from .builders import W, add_xml_paragraph, docx_bytes, ole_file, refused, rewrite_zip

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


def cabinet_response(document):
    document.add_heading("Cabinet response to the Review of Libraries", level=0)
    document.add_heading("Recommendations", level=1)
    document.add_paragraph("The Cabinet   responded   on 3 November 2020.")
    document.add_paragraph("")
    table = document.add_table(rows=4, cols=3)
    for column, heading in enumerate(["Recommendation", "Agree?", "Comment"]):
        table.cell(0, column).text = heading
    table.cell(1, 0).text = "1) That the Council opens on Sundays."
    table.cell(1, 1).text = "Agree"
    table.cell(1, 2).text = "From April."
    # "2)" runs down two rows; its decision and comment run across two columns.
    merged_down = table.cell(2, 0).merge(table.cell(3, 0))
    merged_down.text = "2) That the Council reviews its fees."
    merged_across = table.cell(2, 1).merge(table.cell(2, 2))
    merged_across.text = "In part"
    table.cell(3, 1).text = "Disagree"
    comment = table.cell(3, 2)
    comment.text = "First paragraph of the comment."
    comment.add_paragraph("")
    comment.add_paragraph("Second   paragraph.")
    document.add_paragraph("Signed by the Cabinet Member.")
    second = document.add_table(rows=1, cols=2)
    second.cell(0, 0).text = "Contact"
    second.cell(0, 1).text = "Scrutiny Officer"


def test_paragraphs_and_tables_come_out_in_document_order():
    extract_ = extract("response.docx", docx_bytes(cabinet_response))
    assert extract_.kind == "docx"
    kinds = [type(block).__name__ for block in extract_.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph", "Table"]
    assert extract_.blocks[2] == Paragraph("The Cabinet responded on 3 November 2020.", "Normal")
    assert extract_.blocks[4] == Paragraph("Signed by the Cabinet Member.", "Normal")
    assert extract_.blocks[5] == Table([["Contact", "Scrutiny Officer"]])


def test_a_table_is_a_full_grid_with_merged_cells_in_their_first_column_and_in_each_row():
    table = extract("response.docx", docx_bytes(cabinet_response)).blocks[3]
    assert table == Table(
        [
            ["Recommendation", "Agree?", "Comment"],
            ["1) That the Council opens on Sundays.", "Agree", "From April."],
            ["2) That the Council reviews its fees.", "In part", ""],
            # Merged down two rows: what it says is said of both.
            [
                "2) That the Council reviews its fees.",
                "Disagree",
                "First paragraph of the comment.\nSecond paragraph.",
            ],
        ]
    )
    assert table.page is None and table.sheet == ""


def test_heading_and_title_styles_are_named_as_word_names_them():
    blocks = extract("response.docx", docx_bytes(cabinet_response)).blocks
    assert blocks[0] == Paragraph("Cabinet response to the Review of Libraries", "Title")
    assert blocks[1] == Paragraph("Recommendations", "Heading 1")


def test_the_plain_text_has_a_line_per_paragraph_and_a_tab_separated_line_per_row():
    text = extract("response.docx", docx_bytes(cabinet_response)).text
    lines = text.split("\n")
    assert lines[:3] == [
        "Cabinet response to the Review of Libraries",
        "Recommendations",
        "The Cabinet responded on 3 November 2020.",
    ]
    assert lines[3] == "Recommendation\tAgree?\tComment"
    assert (
        lines[6]
        == "2) That the Council reviews its fees.\tDisagree\tFirst paragraph of the comment. Second paragraph."
    )
    assert lines[-1] == "Contact\tScrutiny Officer"


def test_a_table_inside_a_cell_is_read_only_as_the_text_of_that_cell():
    def nested(document):
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "3"
        cell = outer.cell(0, 1)
        cell.text = "Actions:"
        inner = cell.add_table(rows=2, cols=2)
        for row, (action, owner) in enumerate([("Train staff", "HR"), ("Report back", "Chair")]):
            inner.cell(row, 0).text = action
            inner.cell(row, 1).text = owner

    blocks = extract("nested.docx", docx_bytes(nested)).blocks
    assert blocks == [Table([["3", "Actions:\nTrain staff\nHR\nReport back\nChair"]])]


def test_bookmarks_field_codes_deleted_text_and_hidden_text_are_not_text():
    def marked(document):
        add_xml_paragraph(
            document,
            '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
            "<w:r><w:t>That the Council</w:t></w:r>"
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> adopts</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            '<w:del w:id="1" w:author="A"><w:r><w:delText> never</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve"> the definition</w:t></w:r></w:ins>'
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>SECRET</w:t></w:r>"
            '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> of abuse</w:t></w:r></w:hyperlink>'
            '<w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> (see </w:t></w:r></w:sdtContent></w:sdt>'
            '<w:r><w:t>note</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t>).</w:t></w:r>',
        )

    blocks = extract("marked.docx", docx_bytes(marked)).blocks
    assert blocks == [Paragraph("That the Council adopts the definition of abuse (see note1).", "Normal")]


def test_line_breaks_and_tabs_inside_a_paragraph_become_lines_and_spaces():
    def broken(document):
        add_xml_paragraph(
            document, "<w:r><w:t>Lead:</w:t><w:tab/><w:t>Housing</w:t><w:br/><w:t>Date: 2024</w:t></w:r>"
        )

    assert extract("broken.docx", docx_bytes(broken)).blocks == [
        Paragraph("Lead: Housing\nDate: 2024", "Normal")
    ]


def test_content_controls_around_paragraphs_and_rows_are_looked_through():
    def controlled(document):
        table = document.add_table(rows=2, cols=2)
        for row in range(2):
            for column in range(2):
                table.cell(row, column).text = f"r{row}c{column}"
        # Wrap the second row in a repeating-section content control, as council templates do.
        row = table._tbl.tr_lst[1]
        sdt = docx.oxml.parse_xml(f"<w:sdt {W}><w:sdtContent/></w:sdt>")
        row.addprevious(sdt)
        sdt[0].append(row)
        paragraph = document.add_paragraph("Inside a control")._p
        block = docx.oxml.parse_xml(f"<w:sdt {W}><w:sdtContent/></w:sdt>")
        paragraph.addprevious(block)
        block[0].append(paragraph)

    blocks = extract("controls.docx", docx_bytes(controlled)).blocks
    assert blocks == [Table([["r0c0", "r0c1"], ["r1c0", "r1c1"]]), Paragraph("Inside a control", "Normal")]


def test_rows_that_start_late_or_end_early_are_padded_to_the_grid():
    def ragged(document):
        table = document.add_table(rows=2, cols=3)
        table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "a", "b", "c"
        row = table._tbl.tr_lst[1]
        row.remove(row.tc_lst[0])
        row.insert(0, docx.oxml.parse_xml(f'<w:trPr {W}><w:gridBefore w:val="1"/></w:trPr>'))
        row.tc_lst[0].append(docx.oxml.parse_xml(f"<w:p {W}><w:r><w:t>late</w:t></w:r></w:p>"))

    assert extract("ragged.docx", docx_bytes(ragged)).blocks == [Table([["a", "b", "c"], ["", "late", ""]])]


def test_a_long_table_is_read_quickly():
    def long(document):
        table = document.add_table(rows=300, cols=4)
        for row in table.rows:
            for cell in row.cells:
                cell.text = "Some words in a cell"

    (table,) = extract("long.docx", docx_bytes(long)).blocks
    assert len(table.rows) == 300 and {len(row) for row in table.rows} == {4}


def test_a_document_whose_main_part_has_another_name_is_read():
    def renamed_types(xml: bytes) -> bytes:
        return xml.replace(b'PartName="/word/document.xml"', b'PartName="/word/document2.xml"')

    def renamed_rels(xml: bytes) -> bytes:
        return xml.replace(b"word/document.xml", b"word/document2.xml")

    original = docx_bytes(cabinet_response)
    body = zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml")
    data = rewrite_zip(
        original,
        {
            "word/document.xml": None,
            "word/document2.xml": body,
            "[Content_Types].xml": renamed_types,
            "_rels/.rels": renamed_rels,
        },
    )
    data = rewrite_zip(
        data,
        {
            "word/_rels/document.xml.rels": None,
            "word/_rels/document2.xml.rels": zipfile.ZipFile(io.BytesIO(original)).read(
                "word/_rels/document.xml.rels"
            ),
        },
    )
    assert extract("renamed.docx", data).blocks == extract("original.docx", original).blocks


# Refusals


def test_a_png_renamed_docx_is_refused():
    message = refused("report.docx", PNG)
    assert message.startswith("report.docx is not a Word document: it looks like a PNG image.")


def test_a_pdf_renamed_docx_is_refused_with_the_extension_it_needs():
    message = refused("report.docx", b"%PDF-1.7\n" + b"0" * 100)
    assert "it looks like a PDF" in message and ".pdf" in message


def test_a_password_protected_docx_is_refused():
    message = refused("locked.docx", ole_file("EncryptionInfo", "EncryptedPackage"))
    assert message == (
        "locked.docx is password-protected. Open it in Word, remove the password, save it, and upload that."
    )


def test_an_old_doc_named_docx_is_refused():
    message = refused("old.docx", ole_file("WordDocument", "1Table"))
    assert message.startswith("old.docx is an old-style Word document (.doc), not a .docx file.")
    assert "save it as Word Document (.docx)" in message


def test_an_unknown_ole_file_named_docx_is_refused():
    message = refused("mystery.docx", ole_file("Something"))
    assert "remove the password / save it as .docx, and upload that." in message


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        # 300 MB of zeros, written a megabyte at a time, never held whole.
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            zeros = b"\x00" * (1024 * 1024)
            for _ in range(300):
                member.write(zeros)
    data = buffer.getvalue()
    assert len(data) < 2 * 1024 * 1024
    message = refused("bomb.docx", data)
    assert "zip bomb" in message and "was not opened" in message


def test_a_docx_unpacking_past_the_total_limit_is_refused(monkeypatch):
    monkeypatch.setattr(package, "MAX_UNPACKED", 10_000)
    message = refused("big.docx", docx_bytes(cabinet_response))
    assert "would unpack to far more than any real Word document does" in message


def test_a_docx_with_a_doctype_is_refused():
    def entity(xml: bytes) -> bytes:
        return xml.replace(
            b"?>",
            b'?>\n<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY ext SYSTEM "file:///etc/passwd">]>',
            1,
        )

    data = rewrite_zip(docx_bytes(cabinet_response), {"word/document.xml": entity})
    assert refused("entity.docx", data) == "entity.docx is not a Word document this service can read safely."


def test_a_doctype_in_utf16_xml_is_refused_too():
    data = rewrite_zip(
        docx_bytes(cabinet_response),
        {"word/styles.xml": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x []><x/>'.encode("utf-16-le")},
    )
    assert refused("wide.docx", data) == "wide.docx is not a Word document this service can read safely."


def test_a_docx_with_macros_is_refused():
    data = rewrite_zip(docx_bytes(cabinet_response), {"word/vbaProject.bin": b"\x00" * 100})
    message = refused("macros.docx", data)
    assert message == (
        "macros.docx contains macros; save it as a Word document (.docx) without macros and upload that."
    )


def test_a_macro_enabled_content_type_is_refused():
    def enable(xml: bytes) -> bytes:
        return xml.replace(b"document.main+xml", b"document.macroEnabled.main+xml")

    data = rewrite_zip(docx_bytes(cabinet_response), {"[Content_Types].xml": enable})
    assert "contains macros" in refused("macros.docx", data)


def test_a_docm_is_refused_for_its_macros():
    assert "contains macros; save it as a Word Document (.docx) without macros" in refused(
        "macros.docm", docx_bytes(cabinet_response)
    )


def test_a_corrupt_zip_is_refused():
    data = docx_bytes(cabinet_response)
    message = refused("cut.docx", data[: len(data) // 2])
    assert message.startswith("cut.docx is damaged") or message.startswith("cut.docx cannot be read")


def test_a_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/one.txt", "hello")
    message = refused("photos.docx", buffer.getvalue())
    assert message.startswith("photos.docx is not a Word document")


def test_a_zip_that_lies_about_its_sizes_is_refused_as_damaged():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * 2_000_000)
    data = bytearray(buffer.getvalue())
    member = zipfile.ZipFile(buffer).getinfo("word/document.xml")
    central = data.rindex(b"word/document.xml") - 46  # its entry in the central directory
    # Say, in its local header and in the central directory, that it unpacks to 1,000 bytes.
    for size_at in (member.header_offset + 22, central + 24):
        data[size_at : size_at + 4] = (1000).to_bytes(4, "little")
    message = refused("liar.docx", bytes(data))
    assert message.startswith("liar.docx is damaged") or message.startswith("liar.docx cannot be read")


def test_a_word_template_renamed_docx_is_refused():
    def template(xml: bytes) -> bytes:
        return xml.replace(b"document.main+xml", b"template.main+xml")

    data = rewrite_zip(docx_bytes(cabinet_response), {"[Content_Types].xml": template})
    assert "is a Word template" in refused("template.docx", data)


def test_an_empty_docx_is_refused():
    assert refused("empty.docx", b"") == "empty.docx is empty."


@pytest.mark.parametrize("cut", [10, 100, 1000, 3000, -200, -22])
def test_a_docx_cut_anywhere_raises_only_unreadable_file(cut):
    refused("cut.docx", docx_bytes(cabinet_response)[:cut])


def test_the_numbers_words_numbered_lists_draw_are_read_before_the_text():
    def numbered(document):
        table = document.add_table(rows=4, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "Recommendation", "Response"
        for row, text in enumerate(
            ["That the Council opens.", "That it closes.", "That it reopens."], start=1
        ):
            cell = table.cell(row, 0)
            cell.text = text
            cell.paragraphs[0].style = document.styles["List Number"]
            table.cell(row, 1).text = "Agreed"
        document.add_paragraph("Not a list.", style="List Bullet")

    blocks = extract("numbered.docx", docx_bytes(numbered)).blocks
    assert [row[0] for row in blocks[0].rows] == [
        "Recommendation",
        "1. That the Council opens.",
        "2. That it closes.",
        "3. That it reopens.",
    ]
    assert blocks[1] == Paragraph("Not a list.", "List Bullet")  # a bullet draws no number
