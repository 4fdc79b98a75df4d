"""The update pack as an Excel workbook, and reading it back.

The "Updates" sheet has a row per recommendation under a frozen header: the
pack's columns shaded and locked (the sheet is protected, without a password:
the lock stops slips, the signed token stops tampering), the officer's four
columns open, the status and forecast offered as lists that refuse anything
else. Column A, hidden, keys each row to the pack's; the hidden "Pack" sheet
holds the signed token.
"""

import datetime
import io
import itertools
import zipfile

import openpyxl  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from recommendations.forms import MAX_REASON_LENGTH, MAX_UPDATE_LENGTH
from recommendations.models import ProgressUpdate

from ..formats.blocks import clean
from ..formats.package import EXCEL, check_package, is_strict, main_part
from .check import FilledRow, tidy, wrong_type
from .content import (
    FILLED_IN,
    FORECAST,
    NEW_UPDATE,
    REASON,
    SHOWN,
    STATUS,
    Pack,
    PackError,
    not_a_pack,
    reading,
)

SHEET, TOKEN_SHEET = "Updates", "Pack"
KEY = "Pack row"
HEADER = [KEY, *SHOWN, *FILLED_IN]
WIDTHS = [8, 24, 11, 50, 40, 50, 14, 60, 20, 36, 12]
# Excel holds at most 32,767 characters in a cell: the token is split over cells of this many.
TOKEN_CELL = 30_000
# The most cells of it read back: far more than a pack of any size needs.
TOKEN_CELLS = 100
# The most rows read: more than any officer owes, never a hostile sheet's million.
MAX_ROWS = 20_000

_SHADE = PatternFill("solid", fgColor="F3F2F1")
_HEADER = PatternFill("solid", fgColor="0B0C0C")
_WRAP = Alignment(wrap_text=True, vertical="top")


def write_xlsx(pack: Pack) -> bytes:
    """The pack as an .xlsx workbook."""
    workbook = openpyxl.Workbook()
    workbook.properties.title = pack.title
    workbook.properties.creator = "Scrutiny Tracker"
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(HEADER)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER
        cell.alignment = _WRAP
    for row in pack.rows:
        target = row.target_date or row.timetable
        sheet.append(
            [str(row.id), row.review, row.reference, row.text, row.response, row.last_update, target]
            + [None] * len(FILLED_IN)
        )
    first_input = len(HEADER) - len(FILLED_IN) + 1
    for cells in sheet.iter_rows(min_row=2, max_row=len(pack.rows) + 1):
        for column, cell in enumerate(cells, start=1):
            cell.alignment = _WRAP
            if column >= first_input:
                cell.protection = Protection(locked=False)
            else:
                cell.fill = _SHADE
                # Text, not a number: "3" stays "3", and the reader compares it as written.
                cell.number_format = "d mmm yyyy" if isinstance(cell.value, datetime.date) else "@"
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.column_dimensions["A"].hidden = True
    sheet.freeze_panes = "D2"
    _validate(sheet, len(pack.rows), first_input)
    # No password: the lock keeps the pack's columns from being typed over by mistake; rows and
    # columns may still be resized.
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    _how_to(workbook.create_sheet("How to fill it in"), pack)
    tokens = workbook.create_sheet(TOKEN_SHEET)
    token = pack.token()
    for start in range(0, len(token), TOKEN_CELL):
        tokens.append([token[start : start + TOKEN_CELL]])
    tokens.sheet_state = "veryHidden"
    tokens.protection.sheet = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _validate(sheet, count: int, first_input: int) -> None:
    """The lists and limits of the update form, as Excel's data validation."""
    if not count:
        return
    last = count + 1
    text, status, reason, forecast = (get_column_letter(first_input + i) for i in range(4))
    closing = ", ".join(ProgressUpdate.Status(s).label for s in ProgressUpdate.Status.closing())
    rules = [
        (
            DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_UPDATE_LENGTH)),
            text,
            NEW_UPDATE,
            "What has been done since the last update. Leave it empty to give no update.",
            f"The update must be {MAX_UPDATE_LENGTH:,} characters or fewer.",
        ),
        (
            DataValidation(type="list", formula1=_choices(ProgressUpdate.Status.labels)),
            status,
            STATUS,
            f"Choose from the list. {closing} close it, and need a reason.",
            "Choose a status from the list.",
        ),
        (
            DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(MAX_REASON_LENGTH)),
            reason,
            "Why it closes this way",
            f"Needed for {closing}.",
            f"The reason must be {MAX_REASON_LENGTH:,} characters or fewer.",
        ),
        (
            DataValidation(type="list", formula1=_choices(ProgressUpdate.Forecast.labels)),
            forecast,
            FORECAST,
            "Will it be done by its target date? Optional.",
            "Choose On track, At risk or Off track from the list, or leave it empty.",
        ),
    ]
    for rule, column, title, prompt, error in rules:
        rule.allow_blank = True
        rule.promptTitle, rule.prompt = title[:32], prompt
        rule.errorTitle, rule.error = "Not allowed", error
        rule.showInputMessage = rule.showErrorMessage = True
        rule.add(f"{column}2:{column}{last}")
        sheet.add_data_validation(rule)


def _choices(labels: list[str]) -> str:
    return '"' + ",".join(labels) + '"'


def _how_to(sheet, pack: Pack) -> None:
    lines = [
        pack.title,
        f"Made on {pack.made}, with {len(pack.rows)} recommendations you owe an update on.",
        "",
        f"1. On the “{SHEET}” sheet, write each update in “{NEW_UPDATE}” and choose its “{STATUS}”.",
        f"2. For a closing outcome, say why in “{REASON}”.",
        f"3. “{FORECAST}” is optional: On track, At risk or Off track.",
        "4. Leave a row empty to give no update for it. Do not add rows or change the shaded columns.",
        "5. Save the file as an Excel workbook (.xlsx) and upload it from My recommendations.",
        "You will see what will be recorded, and anything changed since the pack was made, before it is saved.",
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 110


def read_xlsx(data: bytes, shown: str) -> tuple[str, list[FilledRow]]:
    """The token and the rows of a filled-in pack saved as .xlsx; PackError if it is not one or cannot be read."""
    with reading(shown, as_what="an Excel workbook", program="Excel", suffix=".xlsx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, shown, EXCEL)
            part = main_part(archive, "spreadsheetml", "xl/workbook.xml")
            if part is None or is_strict(archive, part):
                raise not_a_pack(shown)
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            if SHEET not in workbook.sheetnames or TOKEN_SHEET not in workbook.sheetnames:
                raise not_a_pack(shown)
            token = _token(workbook[TOKEN_SHEET])
            return token, _rows(workbook[SHEET], shown)
        finally:
            workbook.close()


def _token(sheet) -> str:
    """The signed token, from the first cells of the hidden sheet's first column."""
    sheet.reset_dimensions()
    cells = itertools.islice(sheet.iter_rows(max_col=1, values_only=True), TOKEN_CELLS)
    return "".join(value for value, *_ in cells if isinstance(value, str))


def _rows(sheet, shown: str) -> list[FilledRow]:
    # The size a sheet declares may be wrong or hostile: read only the cells it has.
    sheet.reset_dimensions()
    rows: list[FilledRow] = []
    for number, cells in enumerate(sheet.iter_rows(max_col=len(HEADER)), start=1):
        if number > MAX_ROWS:
            raise PackError(
                [f"{shown} has far more rows than its pack: only the pack's own rows can be filled in."]
            )
        values = [cell.value for cell in cells]
        if number == 1:
            if [_plain(value) for value in values] != HEADER:
                raise PackError(
                    [
                        f"{shown}: the columns of the “{SHEET}” sheet were changed, so its rows cannot be read. "
                        "Download a new pack, or put the columns back as they were."
                    ]
                )
            continue
        if all(value is None or (isinstance(value, str) and not value.strip()) for value in values):
            continue
        key, _review, reference, *_shown_cells = values[: len(SHOWN) + 1]
        row = FilledRow(line=number, key=_plain(key), reference=_plain(reference))
        inputs = dict(zip(FILLED_IN, cells[len(SHOWN) + 1 :], strict=False))
        row.text = _words(inputs.get(NEW_UPDATE), "the new update", row)
        row.status = _words(inputs.get(STATUS), "the status", row)
        row.reason = _words(inputs.get(REASON), "the reason", row)
        row.forecast = _words(inputs.get(FORECAST), "the forecast", row)
        rows.append(row)
    return rows


def _plain(value: object) -> str:
    """A cell the pack wrote, as text: 3 and 3.0 as "3"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def _words(cell, what: str, row: FilledRow) -> str:
    """A cell that should hold words; any other type is noted on the row as a problem, and read as ""."""
    if cell is None:
        return ""
    value = cell.value
    if value is None:
        return ""
    if getattr(cell, "data_type", "") == "f" or (isinstance(value, str) and value.startswith("=")):
        row.problems.append(f"{what} is a formula. Type the words themselves.")
        return ""
    if getattr(cell, "data_type", "") == "e":
        row.problems.append(f"{what} shows an error ({value}). Type the words themselves.")
        return ""
    if isinstance(value, bool):
        row.problems.append(f"{what} is {'TRUE' if value else 'FALSE'}, not words.")
        return ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        row.problems.append(f"{what} is a date, not words. Write it as text.")
        return ""
    if isinstance(value, int | float):
        row.problems.append(f"{what} is a number ({value:g}), not words. Write it as text.")
        return ""
    text = tidy(str(value))
    if what == "the new update" and wrong_type(text):
        row.problems.append(f"{what} is only {wrong_type(text)}. Write what has been done in words.")
        return ""
    return text
