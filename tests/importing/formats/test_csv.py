"""CSV files: any encoding a spreadsheet saves, any usual delimiter, one padded table, and every refusal."""

import csv
import io
import time

import pytest

from importing.formats import Table, extract

from .builders import refused

ROWS = [
    ["Ref", "Recommendation", "Response"],
    ["1", "That the Council’s café opens\non Sundays", "Agreed – from April"],
    ["2", "That fees are reviewed", "Not agreed; see £ figures"],
]


def written(rows: list[list[str]], **dialect: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, **dialect).writerows(rows)
    return buffer.getvalue()


def test_a_csv_is_one_table_with_quoted_lines_kept_in_their_cells():
    extract_ = extract("responses.csv", written(ROWS).encode("utf-8"))
    assert extract_.kind == "csv"
    assert extract_.blocks == [Table(ROWS)]
    assert extract_.text.split("\n")[1] == "1\tThat the Council’s café opens on Sundays\tAgreed – from April"


def test_a_csv_with_a_byte_order_mark_is_read_without_it():
    assert extract("bom.csv", ("\ufeff" + written(ROWS)).encode("utf-8")).blocks == [Table(ROWS)]


def test_a_csv_in_utf16_is_read():
    assert extract("wide.csv", written(ROWS, delimiter="\t").encode("utf-16")).blocks == [Table(ROWS)]


def test_a_csv_in_latin1_is_read():
    rows = [["Ref", "Comment"], ["1", "Café at £5"]]
    assert extract("latin.csv", written(rows).encode("latin-1")).blocks == [Table(rows)]


def test_a_csv_in_windows_1252_keeps_its_curly_quotes_and_dashes():
    assert extract("windows.csv", written(ROWS).encode("cp1252")).blocks == [Table(ROWS)]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_the_delimiter_is_sniffed(delimiter):
    assert extract("any.csv", written(ROWS, delimiter=delimiter).encode()).blocks == [Table(ROWS)]


def test_short_rows_are_padded_and_empty_rows_and_columns_dropped():
    text = "Ref,Recommendation,Response,,\n1,Only two\n\n,,,,\n2,Three,Agreed,,\n"
    assert extract("ragged.csv", text.encode()).blocks == [
        Table([["Ref", "Recommendation", "Response"], ["1", "Only two", ""], ["2", "Three", "Agreed"]])
    ]


def test_control_characters_are_dropped_and_line_ends_made_plain():
    text = 'Ref,Text\r\n1,"Bell\x07 and\x1b escape\r\nnext line"\r\n'
    assert extract("controls.csv", text.encode()).blocks == [
        Table([["Ref", "Text"], ["1", "Bell and escape\nnext line"]])
    ]


def test_a_tsv_is_read_as_a_csv():
    assert extract("responses.tsv", written(ROWS, delimiter="\t").encode()).blocks == [Table(ROWS)]


def test_a_large_csv_is_read_in_time_linear_in_its_size():
    line = '1,"That the Council does a thing, quoted",Agreed\n'
    small, large = (("Ref,Text,Response\n" + line * count).encode() for count in (2_000, 20_000))

    def fastest(data):
        """The best of three runs: a shared machine's noise only ever adds time."""
        times = []
        for _ in range(3):
            started = time.perf_counter()
            blocks = extract("paper.csv", data).blocks
            times.append(time.perf_counter() - started)
        return min(times), blocks

    small_time, _ = fastest(small)
    large_time, (table,) = fastest(large)
    assert len(table.rows) == 20_001
    # Ten times the rows: linear is about 10 times as long, quadratic 100.
    assert large_time < 25 * small_time + 0.5


def test_sniffing_a_line_full_of_quotes_is_quick():
    started = time.perf_counter()
    extract("quotes.csv", ('a,"b' + ',"x' * 20_000 + "\n").encode())
    assert time.perf_counter() - started < 2


# Refusals


def test_a_csv_with_nul_bytes_is_refused():
    message = refused("binary.csv", b"Ref,Text\n1,ab\x00cd\n")
    assert message == (
        "binary.csv contains NUL bytes: it is not a text file. Save it from the spreadsheet as CSV and upload that."
    )


def test_a_field_over_a_megabyte_is_refused_and_the_limit_is_put_back():
    before = csv.field_size_limit()
    message = refused("huge.csv", b'Ref,Text\n1,"' + b"x" * (1024 * 1024 + 10) + b'"\n')
    assert message.startswith("huge.csv, line 2: a line or field is longer than 1 MB")
    assert csv.field_size_limit() == before


def test_a_line_over_a_megabyte_is_refused():
    message = refused("wide.csv", b"Ref,Text\n" + b"x," * (600 * 1024) + b"\n")
    assert message.startswith("wide.csv, line 2: a line or field is longer than 1 MB")


def test_a_quote_that_never_ends_is_refused_if_it_swallows_a_megabyte():
    message = refused("open.csv", b'Ref,Text\n1,"never closed\n' + b"more text\n" * 120_000)
    assert message.startswith("open.csv, line")


def test_an_xlsx_renamed_csv_is_refused():
    from .builders import xlsx_bytes

    message = refused("tracker.csv", xlsx_bytes(lambda book: book.active.append(["a"])))
    assert message.startswith("tracker.csv is not a CSV file: it looks like an Excel workbook (.xlsx).")
    assert "give its name the extension .xlsx" in message


def test_an_empty_csv_is_refused():
    assert refused("empty.csv", b"") == "empty.csv is empty."
    assert refused("commas.csv", b",,,\n,,\n").startswith("commas.csv is empty")
