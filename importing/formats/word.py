"""Read a Word document (.docx): its body's paragraphs and tables, in order, with merged cells laid out as a grid."""

import io
import logging
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import docx
import docx.document
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
        reader = _Reader(styles, default.name if default is not None else "", shown, _Numbering(document))
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

    def __init__(
        self, styles: dict[str, str], default_style: str, shown: str, numbering: "_Numbering"
    ) -> None:
        self.styles = styles
        self.default_style = default_style
        self.shown = shown
        self.numbering = numbering
        self.budget = _Budget()
        self.tables = 0

    def text(self, paragraph: etree._Element) -> str:
        """The paragraph's text, after the number Word draws before it where it is in a numbered list."""
        text = paragraph_text(paragraph)
        label = self.numbering.label(paragraph)
        return f"{label} {text}" if label and text else text

    def blocks(self, container: etree._Element) -> Iterator[Paragraph | Table]:
        """The paragraphs and tables directly in ``container``, looking through content controls."""
        for child in _block_children(container):
            if child.tag == P:
                text = self.text(child)
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
        """The table's rows as a grid: a cell merged across columns has its text in its first column and ""
        in the rest; a cell merged down rows has its text in each row it covers (one response to two
        recommendations answers both)."""
        rows: list[list[str]] = []
        for row in _children(table, TR):
            cells: list[str] = [""] * _grid_count(row, "gridBefore")
            for cell in _children(row, TC):
                properties = cell.find(_W + "tcPr")
                span, text = 1, None
                if properties is not None:
                    span = max(_number(properties.find(_W + "gridSpan")), 1)
                    merge = properties.find(_W + "vMerge")
                    if merge is not None and merge.get(VAL, "continue") != "restart":
                        column = len(cells)
                        text = rows[-1][column] if rows and column < len(rows[-1]) else ""
                    merge = properties.find(
                        _W + "hMerge"
                    )  # the old-style horizontal merge: no text of its own
                    if merge is not None and merge.get(VAL, "continue") != "restart":
                        text = ""
                cells.append(self.cell_text(cell) if text is None else text)
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
                lines.append(self.text(child))
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


# Word's number formats, as a list's numbers are drawn.
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    # Word's a, b, … z, aa, bb, …
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


class _Numbering:
    """The numbers Word draws before the paragraphs of numbered lists, which are not in their text.

    Councils number their recommendations with Word's lists as often as by
    typing the numbers: "1.", "a)", "(iii)" come from the list's level, counted
    in document order. Bullets and unknown formats draw no number here.
    """

    def __init__(self, document: docx.document.Document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (format, text, start)
        self.counts: dict[str, dict[int, int]] = {}
        self.style_numbers: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return  # no numbered lists in the document
        abstract = {}
        for element in numbering.findall(_W + "abstractNum"):
            levels = {}
            for level in element.findall(_W + "lvl"):
                ilvl = int(level.get(_W + "ilvl", "0"))
                form = level.find(_W + "numFmt")
                text = level.find(_W + "lvlText")
                start = level.find(_W + "start")
                levels[ilvl] = (
                    form.get(VAL, "decimal") if form is not None else "decimal",
                    text.get(VAL, "") if text is not None else "",
                    int(start.get(VAL, "1")) if start is not None else 1,
                )
            abstract[element.get(_W + "abstractNumId")] = levels
        for element in numbering.findall(_W + "num"):
            link = element.find(_W + "abstractNumId")
            if link is not None:
                self.levels[element.get(_W + "numId", "")] = abstract.get(link.get(VAL), {})
        for style in document.styles.element.findall(_W + "style"):
            number = style.find(f"{_W}pPr/{_W}numPr")
            if number is not None:
                found = number.find(_W + "numId")
                level = number.find(_W + "ilvl")
                if found is not None:
                    self.style_numbers[style.get(_W + "styleId", "")] = (
                        found.get(VAL, ""),
                        int(level.get(VAL, "0")) if level is not None else 0,
                    )

    def label(self, paragraph: etree._Element) -> str:
        """The number drawn before this paragraph ("3.", "b)"), counting it; "" if none is drawn."""
        if not self.levels:
            return ""
        number = paragraph.find(f"{_W}pPr/{_W}numPr")
        num_id, ilvl = "", 0
        if number is not None:
            found, level = number.find(_W + "numId"), number.find(_W + "ilvl")
            num_id = found.get(VAL, "") if found is not None else ""
            ilvl = int(level.get(VAL, "0")) if level is not None else 0
        else:
            style = paragraph.find(f"{_W}pPr/{_W}pStyle")
            if style is not None:
                num_id, ilvl = self.style_numbers.get(style.get(VAL, ""), ("", 0))
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [level for level in counts if level > ilvl]:
            del counts[deeper]
        form, text, _ = levels[ilvl]
        if form not in _FORMATS or "%" not in text:
            return ""
        label = text
        for level in range(ilvl + 1):
            value = counts.get(level, levels.get(level, ("decimal", "", 1))[2])
            level_form = levels.get(level, ("decimal", "", 1))[0]
            label = label.replace(f"%{level + 1}", _FORMATS.get(level_form, str)(value))
        return label.strip()
