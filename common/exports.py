"""The one CSV writer every download of the product goes through."""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

# A cell that starts like a formula is written with a leading apostrophe, so a
# spreadsheet shows it as text instead of running it (=HYPERLINK(...), +, -, @).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A value as a CSV cell that no spreadsheet will run."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class _Line:
    """A file-like object that keeps only what the csv writer last wrote."""

    def write(self, text: str) -> str:
        return text


def csv_lines(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """Each row as a line of CSV, its cells made safe: for writing to a file or streaming a response."""
    writer = csv.writer(_Line())
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row])
