"""Read a PDF with a text layer: each page's tables and the text around them, top to bottom."""

import bisect
import io
import logging
import re
import time
import zlib
from collections.abc import Sequence
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.table import Table as FoundTable
from pdfplumber.utils.exceptions import PdfminerException

from .blocks import Paragraph, Table, UnreadableFile, clean, grid

logger = logging.getLogger(__name__)

MAX_PAGES = 300
# However a PDF is made, reading it stops here rather than hold up the server.
MAX_SECONDS = 120
# The most a page may hold: more characters than any printed page has is a
# hostile file, and the table finder's work grows with their square.
MAX_CHARS_PER_PAGE = 40_000
# Past this many lines and boxes a page is a chart or a map, not a table: its
# text is still read, but no table is looked for in its drawing.
MAX_DRAWING_PER_PAGE = 3_000
# What a PDF's compressed page streams may unpack to in all. pdfminer unpacks
# each stream whole, so this is checked first (images are not unpacked by it).
MAX_UNPACKED = 150 * 1024 * 1024

# A table set out without lines in a committee paper has a few columns; prose
# mistaken for one has a "column" for every word.
_MOST_TEXT_COLUMNS = 8
_TEXT_STRATEGY = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 16 * 1024


def read_pdf(data: bytes, shown: str) -> list[Paragraph | Table]:
    """The pages' tables and paragraphs in reading order; refuses scans, encrypted, damaged and oversized PDFs."""
    _check_streams(data, shown)
    where = ""
    try:
        # Not pdfplumber.open(): closing that walks every page of the file,
        # however many there are. A BytesIO holds nothing that needs closing.
        pdf = pdfplumber.PDF(io.BytesIO(data))
        pages = _pages(pdf, shown)
        deadline = time.monotonic() + MAX_SECONDS
        # Each page's blocks are kept, not its parsed objects: a page is
        # closed once read, so memory stays that of one page.
        read: list[list[Paragraph | Table]] = []
        has_text = has_ruled_table = False
        for page in pages:
            where = f" (page {page.page_number})"
            _check_page(page, shown, deadline)
            has_text = has_text or bool(page.chars)
            tables = _ruled_tables(page)
            has_ruled_table = has_ruled_table or bool(tables)
            read.append(_page_blocks(page, tables, shown))
            page.close()
        if not has_text:
            raise UnreadableFile(
                f"{shown} is a scanned PDF with no text in it. The importer needs the text: "
                "ask for the Word version, or a PDF saved from Word."
            )
        if not has_ruled_table:
            # A PDF without ruled tables may still set one out in columns of
            # text; it is taken only where it is unmistakably a table.
            columns: list[float] | None = None
            for index, page in enumerate(pages):
                where = f" (page {page.page_number})"
                _check_page(page, shown, deadline)
                tables, columns = _rules_tables(page, columns)
                tables = tables or _text_tables(page)
                if tables:
                    read[index] = _page_blocks(page, tables, shown)
                page.close()
        return [block for blocks in read for block in blocks]
    except UnreadableFile:
        raise
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise UnreadableFile(
                f"{shown} is a password-protected PDF. Ask for a copy without a password, "
                "or the Word version, and upload that."
            ) from None
        raise _damaged(shown, where) from None
    except Exception:
        # Damaged files land here; so would a bug in a library or in this reader, hence the log.
        logger.info("%s could not be read as a PDF", shown, exc_info=True)
        raise _damaged(shown, where) from None


def _pages(pdf: pdfplumber.PDF, shown: str) -> list[Page]:
    """The PDF's pages, refusing a PDF with more than MAX_PAGES before reading any of them."""
    pages: list[Page] = []
    top = 0.0
    for number, pdf_page in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > MAX_PAGES:
            raise UnreadableFile(
                f"{shown} has more than {MAX_PAGES} pages, more than this service reads. "
                "Upload only the part of the paper with the recommendations."
            )
        page = Page(pdf, pdf_page, page_number=number, initial_doctop=top)
        top += float(page.height)
        pages.append(page)
    return pages


def _check_page(page: Page, shown: str, deadline: float) -> None:
    """Refuse a page too full to be a paper's, or a file that has taken too long already."""
    if time.monotonic() > deadline:
        raise UnreadableFile(
            f"{shown} is taking too long to read (it had reached page {page.page_number}): it is too complex "
            "for this service. Ask for the Word version, or upload only the pages with the recommendations."
        )
    if len(page.chars) > MAX_CHARS_PER_PAGE:
        raise UnreadableFile(
            f"{shown} has more text on page {page.page_number} ({len(page.chars):,} characters) than "
            "any printed page holds: it cannot be read safely."
        )


def _ruled_tables(page: Page) -> list[FoundTable]:
    """The page's tables drawn with lines, unless its drawing is too busy to be a table's."""
    if len(page.rects) + len(page.lines) + len(page.curves) > MAX_DRAWING_PER_PAGE:
        return []
    # Shaded rows without lines are boxes one column wide: rows, not a ruled table.
    return [
        table for table in page.find_tables() if table.cells and max(len(row.cells) for row in table.rows) > 1
    ]


def _text_tables(page: Page) -> list[FoundTable]:
    """The page's tables set out in columns of text without lines, where they are unmistakably tables."""
    if not page.chars:
        return []
    return [table for table in page.find_tables(_TEXT_STRATEGY) if _plausible(page, table)]


def _rules_tables(page: Page, carried: list[float] | None) -> tuple[list[FoundTable], list[float] | None]:
    """The page's table ruled with horizontal lines only, its columns where the header's words start.

    Many a council's house style draws a table's rows and no columns. Each
    column's words start at its left edge, so the header row between the
    first two rules, split where its words are far apart, says where the
    columns are; a page whose first row names none carries on the columns of
    the page before. Returns the tables and the columns, for the next page.
    """
    if len(page.rects) + len(page.lines) + len(page.curves) > MAX_DRAWING_PER_PAGE:
        return [], carried
    lines = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 1]
    lines += [rect for rect in page.rects if rect["height"] < 3]
    # A row shaded across the table rules it above and below.
    bands = [rect for rect in page.rects if rect["height"] >= 3 and rect["width"] >= page.width / 2]
    lines += bands
    rules = sorted(
        {round(float(line["top"]), 1) for line in lines} | {round(float(band["bottom"]), 1) for band in bands}
    )
    if len(rules) < 3 or not page.chars:
        return [], carried
    # The table runs as wide as its rules.
    left = min(float(line["x0"]) for line in lines)
    right = max(float(line["x1"]) for line in lines)
    header = page.crop((0, rules[0], page.width, rules[1])).extract_words()
    columns = _column_starts(header) or carried
    if not columns or not 2 <= len(columns) <= _MOST_TEXT_COLUMNS:
        return [], carried
    edges = [left, *[start - 2 for start in columns[1:]], right]
    settings = {
        "vertical_strategy": "explicit",
        "explicit_vertical_lines": edges,
        "horizontal_strategy": "lines",
    }
    tables = [table for table in page.find_tables(settings) if len(table.rows) >= 2]
    return tables, columns


def _column_starts(words: list[dict[str, Any]]) -> list[float] | None:
    """Where a row's cells start: its words split where the gap between them is wider than a few spaces."""
    if len(words) < 2:
        return None
    words = sorted(words, key=lambda word: word["x0"])
    size = sorted(float(word["bottom"] - word["top"]) for word in words)[len(words) // 2]
    starts = [float(words[0]["x0"])]
    reach = float(words[0]["x1"])
    for word in words[1:]:
        if float(word["x0"]) - reach > 2 * size:
            starts.append(float(word["x0"]))
        reach = max(reach, float(word["x1"]))
    return starts if len(starts) >= 2 else None


def _plausible(page: Page, table: FoundTable) -> bool:
    """Whether columns found from text alone are surely a table's: 3 or more, filled, and set well apart."""
    rows = [row for row in table.extract() if any(cell and cell.strip() for cell in row)]
    if len(rows) < 3 or not 3 <= len(rows[0]) <= _MOST_TEXT_COLUMNS:
        return False
    if sum(1 for row in rows if all(cell and cell.strip() for cell in row)) < 3:
        return False
    x0, _, x1, _ = table.bbox
    edges = sorted({cell[0] for cell in table.cells} | {cell[2] for cell in table.cells})
    inner = [edge for edge in edges if x0 + 1 < edge < x1 - 1]
    area = page.crop(table.bbox)
    words = area.extract_words()
    # Prose lined up by justification yields "columns" that cut through words...
    if any(word["x0"] + 1 < edge < word["x1"] - 1 for word in words for edge in inner):
        return False
    # ...or that are one space apart, where a table's columns have a margin between them.
    sizes = sorted(char["size"] for char in area.chars)
    space = sizes[len(sizes) // 2] if sizes else 10.0
    words.sort(key=_middle)
    middles = [_middle(word) for word in words]
    lines = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        lines.append(words[bisect.bisect_left(middles, top) : bisect.bisect_right(middles, bottom)])
    for edge in inner:
        gaps = sorted(gap for line in lines if (gap := _gap(line, edge)) is not None)
        if gaps and gaps[len(gaps) // 2] < space:
            return False
    return True


def _middle(obj: dict[str, Any]) -> float:
    return float(obj["top"] + obj["bottom"]) / 2


def _gap(line: list[dict[str, Any]], edge: float) -> float | None:
    """The white space across ``edge`` between the words of one line, None if it has words on one side only."""
    left = [word["x1"] for word in line if word["x1"] <= edge + 1]
    right = [word["x0"] for word in line if word["x0"] >= edge - 1]
    return float(min(right) - max(left)) if left and right else None


def _page_blocks(page: Page, tables: Sequence[FoundTable], shown: str) -> list[Paragraph | Table]:
    """The page's tables and the lines of text outside them, ordered by how far down the page they start."""
    placed: list[tuple[float, Paragraph | Table]] = []
    for number, table in enumerate(tables, start=1):
        # Lines inside a PDF cell are where the text wrapped, not paragraphs.
        rows = [[clean((cell or "").replace("\n", " ")) for cell in row] for row in table.extract()]
        # Gaps between lines of text come out as rows of nothing: they are not rows of the table.
        rows = [row for row in rows if any(row)]
        where = f"(page {page.page_number}, table {number})"
        placed.append((float(table.bbox[1]), Table(grid(rows, shown, where), page=page.page_number)))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    for line in outside.extract_text_lines(return_chars=False):
        text = clean(line["text"])
        if text:
            placed.append((float(line["top"]), Paragraph(text)))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _inside(obj: dict[str, Any], boxes: Sequence[tuple[float, float, float, float]]) -> bool:
    middle_x = (obj["x0"] + obj["x1"]) / 2
    middle_y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _check_streams(data: bytes, shown: str) -> None:
    """Refuse a PDF whose compressed streams (other than images) would unpack past MAX_UNPACKED."""
    unpacked = 0
    for match in _STREAM.finditer(data):
        start = match.start()
        if data[max(start - 3, 0) : start] == b"end":
            continue
        # The stream's dictionary is just before it, after the object's "obj".
        header = data[max(start - 2048, 0) : start]
        header = header[header.rfind(b"obj") + 1 :]
        if b"/Fl" not in header or b"/Image" in header or b"/EmbeddedFile" in header:
            continue
        unpacked += _unpacked_size(data, match.end(), MAX_UNPACKED - unpacked)
        if unpacked > MAX_UNPACKED:
            raise UnreadableFile(
                f"{shown} would unpack to far more than any real PDF does (it may be a 'zip bomb'), so it was not read."
            )


def _unpacked_size(data: bytes, start: int, budget: int) -> int:
    """How far the deflated stream at ``start`` unpacks, counting no further than just past ``budget``."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    try:
        while position < len(data) and not inflater.eof and size <= budget:
            size += len(inflater.decompress(data[position : position + _CHUNK]))
            position += _CHUNK
    except zlib.error:
        pass  # Damaged or not deflated after all: pdfminer decides what to make of it.
    return size


def _damaged(shown: str, where: str) -> UnreadableFile:
    return UnreadableFile(
        f"{shown} cannot be read as a PDF{where}: it may be damaged. "
        "Ask for the Word version, or a PDF saved again from Word."
    )
