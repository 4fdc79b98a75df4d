"""Read an Excel workbook (.xlsx): each visible sheet with values becomes one table of cell texts."""

import datetime
import io
import logging
import zipfile
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from .blocks import MAX_CELLS, Paragraph, Table, UnreadableFile, clean, grid
from .package import EXCEL, check_package, is_strict, main_part

logger = logging.getLogger(__name__)

MAX_ROWS = 100_000
# Rows a sheet may run through, empty ones included: a sheet claiming a million
# rows must not take a million steps to find it says nothing.
MAX_ROWS_SCANNED = 1_100_000
MAX_CELL = 1024 * 1024
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def read_xlsx(data: bytes, shown: str) -> list[Paragraph | Table]:
    """Each visible sheet's name and table of cell texts; refuses files that must not or cannot be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, shown, EXCEL)
            part = main_part(archive, "spreadsheetml", "xl/workbook.xml")
            if part is None:
                raise UnreadableFile(
                    f"{shown} is not an Excel workbook: it is a zip file without a workbook inside it."
                )
            if is_strict(archive, part):
                raise UnreadableFile(
                    f"{shown} is saved as Strict Open XML, which this service cannot read. "
                    "Open it in Excel, save it as Excel Workbook (.xlsx), and upload that."
                )
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                sheets = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
                _check_calculated(archive, sheets, shown)
                return _read_sheets(sheets, shown)
            finally:
                workbook.close()
    except UnreadableFile:
        raise
    except zipfile.BadZipFile:
        raise UnreadableFile(f"{shown} is damaged: it cannot be opened as an Excel workbook.") from None
    except Exception:
        # Damaged files land here; so would a bug in a library or in this reader, hence the log.
        logger.info("%s could not be read as a workbook", shown, exc_info=True)
        raise UnreadableFile(
            f"{shown} cannot be read as an Excel workbook: it may be damaged. "
            "Open it in Excel, save it again as .xlsx, and upload that."
        ) from None


def _read_sheets(sheets: list[Any], shown: str) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    kept_in_all = scanned = cells = 0
    for sheet in sheets:
        # The size a sheet declares may be wrong or hostile (A1:XFD1048576):
        # read only the cells it has.
        sheet.reset_dimensions()
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            scanned += 1
            cells += len(values)
            if scanned > MAX_ROWS_SCANNED or cells > 2 * MAX_CELLS:
                raise _too_big(shown, sheet.title)
            texts = [
                _text(value, shown, sheet.title, number, column) for column, value in enumerate(values, 1)
            ]
            if any(texts):
                rows.append(texts)
                kept_in_all += 1
                if kept_in_all > MAX_ROWS:
                    raise _too_big(shown, sheet.title)
        if rows:
            width = max(max((i for i, text in enumerate(row, 1) if text), default=0) for row in rows)
            blocks.append(Paragraph(clean(sheet.title)))
            blocks.append(
                Table(
                    grid([row[:width] for row in rows], shown, f"(sheet “{sheet.title}”)"), sheet=sheet.title
                )
            )
    return blocks


def _text(value: object, shown: str, sheet: str, row: int, column: int) -> str:
    """A cell's value as the sheet shows it: 3 not 3.0, dates as 31/03/2024, TRUE and FALSE."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # Excel shows 15 significant digits, so 0.30000000000000004 is 0.3 and 3.0 is 3.
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M" if not value.second else "%d/%m/%Y %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M" if not value.second else "%H:%M:%S")
    text = str(value)
    if len(text) > MAX_CELL:
        raise UnreadableFile(
            f"{shown}, sheet “{sheet}”, cell {get_column_letter(column)}{row}, holds more than 1 MB of text, "
            "more than a spreadsheet cell can: it cannot be read."
        )
    return clean(text)


def _check_calculated(archive: zipfile.ZipFile, sheets: list[Any], shown: str) -> None:
    """Refuse a workbook whose formulas were never worked out: written by a program, not saved from Excel."""
    uncalculated: tuple[str, str] | None = None
    for sheet in sheets:
        path = getattr(sheet, "_worksheet_path", "")
        if path not in archive.namelist():
            continue
        with archive.open(path) as source:
            for _, cell in etree.iterparse(source, tag=_S + "c", resolve_entities=False, no_network=True):
                formula = cell.find(_S + "f")
                if formula is not None:
                    if cell.findtext(_S + "v"):
                        return  # Calculated at least once: a formula without a value here is simply empty.
                    uncalculated = uncalculated or (sheet.title, cell.get("r", ""))
                # Keep memory flat on a large sheet: drop each cell, and the cells before it, once seen.
                cell.clear()
                while cell.getprevious() is not None:
                    del cell.getparent()[0]
    if uncalculated:
        sheet_title, reference = uncalculated
        raise UnreadableFile(
            f"{shown}, sheet “{sheet_title}”, cell {reference}: its formulas have never been worked out "
            "(the file was written by a program, not saved from Excel), so their values are not in it. "
            "Open it in Excel, save it, and upload that."
        )


def _too_big(shown: str, sheet: str) -> UnreadableFile:
    return UnreadableFile(
        f"{shown} has more than {MAX_ROWS:,} rows of data (at sheet “{sheet}”), more than this service reads. "
        "Upload a workbook with only the recommendations in it."
    )
