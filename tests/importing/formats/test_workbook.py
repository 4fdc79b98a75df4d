"""Excel workbooks: a table a visible sheet, cells as the sheet shows them, and every refusal."""

import datetime

from importing.formats import Paragraph, Table, extract, workbook

from .builders import ole_file, refused, rewrite_zip, xlsx_bytes


def tracker(book):
    sheet = book.active
    sheet.title = "Tracker"
    sheet.append(["Ref", "Recommendation", "Target", "Done", "Cost", "Total", "Note"])
    sheet.append(
        ["R1", "That the Council\nopens on Sundays", datetime.date(2024, 3, 31), True, 2.5, "=E2*2", None]
    )
    sheet.append([None, None, None, None, None, None, None])  # a wholly empty row
    sheet.append(
        ["R2", "=not a formula", datetime.datetime(2024, 4, 1, 9, 30), False, 3, None, "  spaced   out "]
    )
    sheet["B4"].data_type = "s"  # written as the text "=not a formula", as a council might type it
    sheet["Z10"] = None  # touches the sheet far out without giving it a value
    book.create_sheet("Empty")
    hidden = book.create_sheet("Lists")
    hidden.append(["Agreed", "Not agreed"])
    hidden.sheet_state = "hidden"
    second = book.create_sheet("Archive")
    second.append(["Old", 1])


def calculated(data: bytes) -> bytes:
    """The workbook as Excel saves it: its formula with the value it worked out, its numbers as floats."""

    def cache(xml: bytes) -> bytes:
        xml = xml.replace(b"<f>E2*2</f><v></v>", b"<f>E2*2</f><v>5.0</v>").replace(
            b"<f>E2*2</f><v />", b"<f>E2*2</f><v>5.0</v>"
        )
        return xml.replace(b'<c r="E4" t="n"><v>3</v>', b'<c r="E4" t="n"><v>3.0</v>')

    return rewrite_zip(data, {"xl/worksheets/sheet1.xml": cache})


def test_each_visible_sheet_with_values_becomes_a_table_after_its_name():
    extract_ = extract("tracker.xlsx", calculated(xlsx_bytes(tracker)))
    assert extract_.kind == "xlsx"
    assert [type(block).__name__ for block in extract_.blocks] == ["Paragraph", "Table", "Paragraph", "Table"]
    assert extract_.blocks[0] == Paragraph("Tracker")
    assert extract_.blocks[2] == Paragraph("Archive")
    assert extract_.blocks[3] == Table([["Old", "1"]], sheet="Archive")


def test_cells_read_as_the_sheet_shows_them():
    table = extract("tracker.xlsx", calculated(xlsx_bytes(tracker))).blocks[1]
    assert table.sheet == "Tracker" and table.page is None
    assert table.rows == [
        ["Ref", "Recommendation", "Target", "Done", "Cost", "Total", "Note"],
        ["R1", "That the Council\nopens on Sundays", "31/03/2024", "TRUE", "2.5", "5", ""],
        ["R2", "=not a formula", "01/04/2024 09:30", "FALSE", "3", "", "spaced out"],
    ]


def test_the_plain_text_puts_a_sheet_row_on_a_line():
    text = extract("tracker.xlsx", calculated(xlsx_bytes(tracker))).text
    assert text.split("\n")[2] == "R1\tThat the Council opens on Sundays\t31/03/2024\tTRUE\t2.5\t5\t"


def test_trailing_empty_columns_and_rows_are_trimmed():
    def sparse(book):
        book.active["B2"] = "only"
        book.active["F9"] = "   "

    (name, table) = extract("sparse.xlsx", xlsx_bytes(sparse)).blocks
    assert table.rows == [["", "only"]]


def test_a_sheet_claiming_to_fill_every_cell_is_read_by_what_it_holds():
    def claim(xml: bytes) -> bytes:
        return xml.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>')

    data = rewrite_zip(
        xlsx_bytes(lambda book: book.active.append(["a", "b"])), {"xl/worksheets/sheet1.xml": claim}
    )
    assert extract("claims.xlsx", data).blocks[1].rows == [["a", "b"]]


# Refusals


def test_a_workbook_whose_formulas_were_never_calculated_is_refused():
    def formulas(book):
        book.active.title = "Sums"
        for row in range(1, 6):
            book.active.append([f"=ROW()*{row}", f"=A{row}+1"])

    message = refused("sums.xlsx", xlsx_bytes(formulas))
    assert message.startswith("sums.xlsx, sheet “Sums”, cell A1: its formulas have never been worked out")
    assert message.endswith("Open it in Excel, save it, and upload that.")


def test_a_workbook_with_macros_is_refused():
    data = rewrite_zip(xlsx_bytes(tracker), {"xl/vbaProject.bin": b"\x00" * 64})
    assert refused("macros.xlsx", data) == (
        "macros.xlsx contains macros; save it as an Excel workbook (.xlsx) without macros and upload that."
    )


def test_an_xlsm_is_refused_for_its_macros():
    assert "contains macros" in refused("tracker.xlsm", xlsx_bytes(tracker))


def test_an_old_xls_named_xlsx_is_refused():
    message = refused("old.xlsx", ole_file("Workbook"))
    assert message.startswith("old.xlsx is an old-style Excel workbook (.xls), not an .xlsx file.")


def test_a_password_protected_xlsx_is_refused():
    message = refused("locked.xlsx", ole_file("EncryptionInfo", "EncryptedPackage"))
    assert "Open it in Excel, remove the password" in message


def test_a_word_document_named_xlsx_is_refused():
    import docx

    document = docx.Document()
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    message = refused("tracker.xlsx", buffer.getvalue())
    assert message.startswith("tracker.xlsx is not an Excel workbook: it looks like a Word document (.docx).")


def test_a_workbook_with_too_many_rows_is_refused(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_ROWS", 2)
    message = refused("long.xlsx", calculated(xlsx_bytes(tracker)))
    assert message.startswith("long.xlsx has more than 2 rows of data (at sheet “Tracker”)")


def test_a_cell_of_more_than_a_megabyte_is_refused(monkeypatch):
    monkeypatch.setattr(workbook, "MAX_CELL", 10)
    message = refused("wordy.xlsx", calculated(xlsx_bytes(tracker)))
    assert message.startswith("wordy.xlsx, sheet “Tracker”, cell B1, holds more than 1 MB of text")


def test_a_damaged_workbook_is_refused():
    data = xlsx_bytes(tracker)
    damaged = rewrite_zip(data, {"xl/workbook.xml": b"<workbook><sheets><sheet"})
    assert refused("damaged.xlsx", damaged).startswith("damaged.xlsx cannot be read as an Excel workbook")
    assert refused("cut.xlsx", data[: len(data) // 2]).startswith("cut.xlsx is damaged")


def test_a_workbook_unpacking_too_far_is_refused(monkeypatch):
    from importing.formats import package

    monkeypatch.setattr(package, "MAX_UNPACKED", 5_000)
    assert "would unpack to far more than any real Excel workbook does" in refused(
        "big.xlsx", xlsx_bytes(tracker)
    )


def test_a_workbook_with_a_doctype_is_refused():
    def entity(xml: bytes) -> bytes:
        return b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + xml

    data = rewrite_zip(xlsx_bytes(tracker), {"xl/workbook.xml": entity})
    assert (
        refused("entity.xlsx", data) == "entity.xlsx is not an Excel workbook this service can read safely."
    )
