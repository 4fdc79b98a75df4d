"""The update pack as a Word document, and reading it back.

One table, a row per recommendation: the pack's columns shaded grey (Word
cannot lock some cells of a table and not others, so they are marked, and
ignored when read), the officer's four columns white. Each row's reference
cell starts with a hidden key naming the pack's row; a hidden paragraph at
the end holds the signed token.
"""

import io
import re
import zipfile

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree  # type: ignore[import-untyped]

from recommendations.models import ProgressUpdate

from ..formats.package import WORD, check_package, content_types, is_strict, main_part
from ..formats.word import TC, TR, P, R, T, paragraph_text
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

# Word's table drops the Review column: each recommendation's cell names its review first.
HEADER = [name for name in SHOWN if name != "Review"] + FILLED_IN
KEY_MARK, TOKEN_MARK = "pack-row:", "pack-identity:"
MAX_ROWS = 20_000
_WIDTHS = [1.6, 5.0, 3.6, 4.4, 2.0, 5.2, 2.2, 3.2, 1.8]  # centimetres, landscape A4 less margins
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_W_VANISH = qn("w:vanish")
_BR, _CR, _TAB = qn("w:br"), qn("w:cr"), qn("w:tab")
_SMALL = Pt(9)


def _x(text: object) -> str:
    return _NOT_XML.sub("", str(text))


def write_docx(pack: Pack) -> bytes:
    """The pack as a .docx document."""
    document = docx.Document()
    document.core_properties.title = pack.title
    document.core_properties.author = "Scrutiny Tracker"
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading(pack.title, level=1)
    closing = ", ".join(ProgressUpdate.Status(s).label for s in ProgressUpdate.Status.closing())
    for line in [
        f"Made on {pack.made}, with {len(pack.rows)} recommendations you owe an update on.",
        f"Write each update in “{NEW_UPDATE}” and give its “{STATUS}”: "
        f"{', '.join(ProgressUpdate.Status.labels)}. {closing} close it: say why in “Why it closes this way”.",
        f"“{FORECAST}” is optional: {', '.join(ProgressUpdate.Forecast.labels)}.",
        "Leave a row empty to give no update for it. Do not add rows or change the grey columns. "
        "Save it as a Word document (.docx) and upload it from My recommendations: you will see what "
        "will be recorded, and anything changed since the pack was made, before it is saved.",
    ]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = "Table Grid"
    table.autofit = False
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        _run(cell.paragraphs[0], name).bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in pack.rows:
        cells = table.add_row().cells
        _run(cells[0].paragraphs[0], f"{KEY_MARK}{row.id}").font.hidden = True
        _run(cells[0].paragraphs[0], row.reference)
        _run(cells[1].paragraphs[0], row.review).italic = True
        _lines(cells[1], row.text, first=False)
        _lines(cells[2], row.response)
        _lines(cells[3], row.last_update)
        _run(cells[4].paragraphs[0], f"{row.target_date:%-d %B %Y}" if row.target_date else row.timetable)
        for number, cell in enumerate(cells):
            cell.width = Cm(_WIDTHS[number])
            if number < len(HEADER) - len(FILLED_IN):
                _shade(cell)
    for cell, width in zip(table.rows[0].cells, _WIDTHS, strict=True):
        cell.width = Cm(width)
    identity = document.add_paragraph().add_run(TOKEN_MARK + pack.token())
    identity.font.hidden = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _run(paragraph, text: str):
    """A run of the table's small text (set on each run: Word's table styles do not size text)."""
    run = paragraph.add_run(_x(text))
    run.font.size = _SMALL
    return run


def _lines(cell, text: str, *, first: bool = True) -> None:
    """The text's lines as the cell's paragraphs, from its first (or after what it holds, with ``first`` off)."""
    lines = text.split("\n")
    if first:
        _run(cell.paragraphs[0], lines.pop(0))
    for line in lines:
        _run(cell.add_paragraph(), line)


def _shade(cell) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "F3F2F1")
    cell._tc.get_or_add_tcPr().append(shading)


def read_docx(data: bytes, shown: str) -> tuple[str, list[FilledRow]]:
    """The token and the rows of a filled-in pack saved as .docx; PackError if it is not one or cannot be read."""
    with reading(shown, as_what="a Word document", program="Word", suffix=".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, shown, WORD)
            part = main_part(archive, "wordprocessingml", "word/document.xml")
            if part is None or is_strict(archive, part) or b"template.main+xml" in content_types(archive):
                raise not_a_pack(shown)
        body = docx.Document(io.BytesIO(data)).element.body
        token = "".join(
            text.removeprefix(TOKEN_MARK)
            for paragraph in body.iterchildren(P)
            for text in [_hidden_text(paragraph)]
            if text.startswith(TOKEN_MARK)
        )
        table = next((t for t in body.iterchildren(qn("w:tbl")) if _header(t) == HEADER), None)
        if table is None:
            if token:
                raise PackError(
                    [
                        f"{shown}: the pack's table was changed (its columns are not as they were), so its rows "
                        "cannot be read. Download a new pack, or put the columns back as they were."
                    ]
                )
            raise not_a_pack(shown)
        return token, _rows(table, shown)


def _header(table: etree._Element) -> list[str]:
    first = next(table.iterchildren(TR), None)
    return [] if first is None else [_cell_text(cell, " ") for cell in first.iterchildren(TC)]


def _rows(table: etree._Element, shown: str) -> list[FilledRow]:
    rows: list[FilledRow] = []
    for number, tr in enumerate(table.iterchildren(TR)):
        if number == 0:
            continue
        if number > MAX_ROWS:
            raise PackError(
                [f"{shown} has far more rows than its pack: only the pack's own rows can be filled in."]
            )
        cells = list(tr.iterchildren(TC))
        keys = [_hidden_text(p) for p in cells[0].iter(P)] if cells else []
        key = next((k.removeprefix(KEY_MARK) for k in keys if k.startswith(KEY_MARK)), "")
        row = FilledRow(line=number, key=key, reference=_cell_text(cells[0], " ") if cells else "")
        if len(cells) != len(HEADER):
            if any(_cell_text(cell, " ") for cell in cells) or key:
                row.problems.append("its cells were merged or split. Put the row back as it was.")
                rows.append(row)
            continue
        inputs = dict(zip(FILLED_IN, cells[len(HEADER) - len(FILLED_IN) :], strict=True))
        row.text = _typed(inputs[NEW_UPDATE])
        row.status = " ".join(_typed(inputs[STATUS]).split())
        row.reason = _typed(inputs[REASON])
        row.forecast = " ".join(_typed(inputs[FORECAST]).split())
        if row.text and wrong_type(row.text):
            row.problems.append(
                f"the new update is only {wrong_type(row.text)}. Write what has been done in words."
            )
        rows.append(row)
    return rows


def _cell_text(cell: etree._Element, between: str) -> str:
    """The cell's visible text, its paragraphs joined by ``between`` (hidden text, the key, is not shown)."""
    return between.join(text for text in (paragraph_text(p) for p in cell.iter(P)) if text)


def _typed(cell: etree._Element) -> str:
    """What the officer typed in a cell: its paragraphs parted by blank lines, line breaks kept."""
    paragraphs = []
    for paragraph in cell.iter(P):
        parts = []
        for run in paragraph.iter(R):
            if _is_hidden(run):
                continue
            for piece in run:
                if piece.tag == T:
                    parts.append(piece.text or "")
                elif piece.tag in (_BR, _CR):
                    parts.append("\n")
                elif piece.tag == _TAB:
                    parts.append("\t")
        paragraphs.append("".join(parts))
    return tidy("\n\n".join(paragraphs))


def _hidden_text(paragraph: etree._Element) -> str:
    """The text of a paragraph's hidden runs: the key, or the token."""
    return "".join(text.text or "" for run in paragraph.iter(R) if _is_hidden(run) for text in run.iter(T))


def _is_hidden(run: etree._Element) -> bool:
    properties = run.find(qn("w:rPr"))
    vanish = properties.find(_W_VANISH) if properties is not None else None
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")
