"""Read a CSV file, in whatever encoding and with whichever delimiter a spreadsheet saved it: one table."""

import codecs
import csv
import io
import threading

from .blocks import Table, UnreadableFile, clean, grid

MAX_FIELD = 1024 * 1024
_DELIMITERS = ",;\t|"
# Enough lines for the sniffer to see the pattern: its quote-finding is
# quadratic in the sample, so the sample stays short.
_SAMPLE_LINES = 20
_SAMPLE_CHARS = 4 * 1024
# csv.field_size_limit is one setting for the whole process: set and restore it under a lock.
_LIMIT_LOCK = threading.Lock()


def decode(data: bytes) -> str:
    """The bytes as text: UTF-8 (with or without a byte order mark), UTF-16 with one, else Windows-1252; never fails."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the machine's code page; Latin-1 is a subset of it.
        return data.decode("cp1252", errors="replace")


def read_csv(data: bytes, shown: str) -> list[Table]:
    """The file as one table, every row padded to the widest; refuses NUL bytes and over-long fields or lines."""
    text = decode(data)
    if "\x00" in text:
        raise UnreadableFile(
            f"{shown} contains NUL bytes: it is not a text file. Save it from the spreadsheet as CSV and upload that."
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    reader = csv.reader(
        io.StringIO(text), delimiter=_delimiter(text), quotechar='"', doublequote=True, strict=False
    )
    rows: list[list[str]] = []
    with _LIMIT_LOCK:
        limit = csv.field_size_limit(MAX_FIELD)
        try:
            for record in reader:
                if sum(map(len, record)) + len(record) > MAX_FIELD:
                    raise _too_long(shown, reader.line_num)
                rows.append([clean(field) for field in record])
        except csv.Error:
            raise _too_long(shown, reader.line_num) from None
        finally:
            csv.field_size_limit(limit)
    rows = [row for row in rows if any(row)]
    if not rows:
        raise UnreadableFile(f"{shown} is empty: it has no rows with anything in them.")
    # Spreadsheets often end every line with spare delimiters: drop the columns that are empty throughout.
    width = max(max((i for i, field in enumerate(row, 1) if field), default=0) for row in rows)
    return [Table(grid([row[:width] for row in rows], shown))]


def _delimiter(text: str) -> str:
    """The delimiter the first lines use most consistently, of comma, semicolon, tab and pipe; comma if unclear."""
    sample = "\n".join(text[:_SAMPLE_CHARS].split("\n")[:_SAMPLE_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def _too_long(shown: str, line: int) -> UnreadableFile:
    return UnreadableFile(
        f"{shown}, line {line}: a line or field is longer than 1 MB, or a quoted field never ends. "
        "It cannot be read as CSV: check the file in a spreadsheet, save it again as CSV, and upload that."
    )
