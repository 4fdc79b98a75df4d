"""Read a Word document (.docx): its body's paragraphs and tables, in order, with merged cells laid out as a grid."""

import io
import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import docx
from docx.enum.style import WD_STYLE_TYPE
from lxml import etree  # type: ignore[import-untyped]

from .blocks import MAX_CELLS, Paragraph, Table, UnreadableFile, clean, grid
from .package import WORD, check_package, content_types, is_strict, main_part

logger = logging.getLogger(__name__)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
P, TBL, TR, TC, R = (_W + tag for tag in ("p", "tbl", "tr", "tc", "r"))
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
VAL = _W + "val"
# Elements that hold runs inside a paragraph and are shown as text: links,
# tracked insertions, smart tags, simple fields. Deletions (w:del, w:moveFrom)
# are not shown, so they are not read.
_RUN_HOLDERS = {
    _W + tag for tag in ("hyperlink", "ins", "moveTo", "smartTag", "fldSimple", "customXml", "dir", "bdo")
}
T = _W + "t"
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
# No Word table is this wide; a larger span is a hostile file asking for a huge grid.
_MAX_SPAN = 1000


@dataclass
class _Budget:
    """How many table cells the document has laid out so far, against the most it may."""

    cells: int = 0


def read_docx(data: bytes, shown: str) -> list[Paragraph | Table]:
    """The body's paragraphs and tables in order; refuses files that must not or cannot be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive, shown, WORD)
            part = main_part(archive, "wordprocessingml", "word/document.xml")
            if part is None:
                raise UnreadableFile(
                    f"{shown} is not a Word document: it is a zip file without a document inside it."
                )
            if is_strict(archive, part):
                raise UnreadableFile(
                    f"{shown} is saved as Strict Open XML, which this service cannot read. "
                    "Open it in Word, save it as Word Document (.docx), and upload that."
                )
            # python-docx opens documents only, not templates (.dotx) saved under a .docx name.
            if b"template.main+xml" in content_types(archive):
                raise UnreadableFile(
                    f"{shown} is a Word template. Open it in Word, save it as Word Document (.docx), and upload that."
                )
        document = docx.Document(io.BytesIO(data))
        styles = {style.style_id: style.name or style.style_id for style in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        reader = _Reader(styles, default.name if default is not None else "", shown)
        return list(reader.blocks(document.element.body))
    except UnreadableFile:
        raise
    except zipfile.BadZipFile:
        raise UnreadableFile(f"{shown} is damaged: it cannot be opened as a Word document.") from None
    except Exception:
        # Damaged files land here; so would a bug in a library or in this reader, hence the log.
        logger.info("%s could not be read as a Word document", shown, exc_info=True)
        raise UnreadableFile(
            f"{shown} cannot be read as a Word document: it may be damaged. "
            "Open it in Word, save it again as .docx, and upload that."
        ) from None


class _Reader:
    """Walks one document's XML, knowing its style names."""

    def __init__(self, styles: dict[str, str], default_style: str, shown: str) -> None:
        self.styles = styles
        self.default_style = default_style
        self.shown = shown
        self.budget = _Budget()
        self.tables = 0

    def blocks(self, container: etree._Element) -> Iterator[Paragraph | Table]:
        """The paragraphs and tables directly in ``container``, looking through content controls."""
        for child in _block_children(container):
            if child.tag == P:
                text = paragraph_text(child)
                if text:
                    yield Paragraph(text, self.style(child))
            else:
                self.tables += 1
                rows = self.table(child)
                if rows:
                    yield Table(grid(rows, self.shown, f"(table {self.tables})"))

    def style(self, paragraph: etree._Element) -> str:
        """The paragraph's style name as Word shows it ("Heading 1")."""
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        if style is None:
            return self.default_style
        style_id = style.get(VAL, "")
        return self.styles.get(style_id, style_id)

    def table(self, table: etree._Element) -> list[list[str]]:
        """The table's rows with each merged cell's text in its first column and "" in the rest."""
        rows = []
        for row in _children(table, TR):
            cells: list[str] = [""] * _grid_count(row, "gridBefore")
            for cell in _children(row, TC):
                properties = cell.find(_W + "tcPr")
                span, covered = 1, False
                if properties is not None:
                    span = max(_number(properties.find(_W + "gridSpan")), 1)
                    # A vertically merged cell's continuation, and the old-style
                    # horizontal merge, hold no text of their own.
                    for merge in (properties.find(_W + "vMerge"), properties.find(_W + "hMerge")):
                        if merge is not None and merge.get(VAL, "continue") != "restart":
                            covered = True
                cells.append("" if covered else self.cell_text(cell))
                cells.extend([""] * (span - 1))
            cells.extend([""] * _grid_count(row, "gridAfter"))
            self.budget.cells += len(cells)
            if self.budget.cells > MAX_CELLS:
                raise UnreadableFile(
                    f"{self.shown} has tables of more than {MAX_CELLS:,} cells in all (at table {self.tables}), "
                    "far more than a committee paper has: it cannot be read."
                )
            rows.append(cells)
        return rows

    def cell_text(self, cell: etree._Element) -> str:
        """The cell's paragraphs, one a line; a table inside it gives its cells' text, one a line."""
        lines = []
        for child in _block_children(cell):
            if child.tag == P:
                lines.append(paragraph_text(child))
            else:
                lines.extend(
                    self.cell_text(inner) for row in _children(child, TR) for inner in _children(row, TC)
                )
        return "\n".join(line for line in lines if line)


def paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph's text as Word shows it, cleaned; bookmarks, field codes and deleted text are not text."""
    parts: list[str] = []
    _runs(paragraph, parts)
    return clean("".join(parts))


def _runs(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        if child.tag == R:
            if not _hidden(child):
                for piece in child:
                    if piece.tag == T:
                        parts.append(piece.text or "")
                    elif piece.tag in _RUN_TEXT:
                        parts.append(_RUN_TEXT[piece.tag])
        elif child.tag in _RUN_HOLDERS:
            _runs(child, parts)
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                _runs(content, parts)


def _hidden(run: etree._Element) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(VAL, "true") not in ("0", "false", "off")


def _block_children(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of a body or cell, looking through content controls and custom XML."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_children(content)
        elif child.tag == CUSTOM_XML:
            yield from _block_children(child)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The element's children of one kind (rows of a table, cells of a row), looking through content controls."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)


def _grid_count(row: etree._Element, name: str) -> int:
    found = row.find(f"{_W}trPr/{_W}{name}")
    return _number(found) if found is not None else 0


def _number(element: etree._Element | None) -> int:
    """An element's w:val as a count of grid columns, 1 when absent, never beyond what a table can have."""
    if element is None:
        return 1
    try:
        return min(max(int(element.get(VAL, "1")), 0), _MAX_SPAN)
    except ValueError:
        return 1
