"""Read a paper saved or copied as plain text into paragraphs and tables.

A table comes out of Word, a PDF or a web page as text in one of three ways,
and each is read back into rows of cells:

- tab-separated: a row a line, cells between tabs, a cell's further lines
  (its wrapped text, its later paragraphs) on lines of their own;
- pipe-separated: "| 1 | That the Council … | Agreed |", a separator line
  under the header, a row's wrapped text on the next line with its first
  cell empty;
- one cell a line: the header's cells, then each row's, one to a line with
  blank (or space-only) lines between them, a row starting at its reference.
"""

import csv
import re
from collections.abc import Callable

from ..vocabulary import decision_of, field_of_heading, is_reference, split_reference, status_of
from .blocks import Paragraph, Table, grid

_PIPE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?[\s|:+=-]+\|?\s*$")
# Tab lines further apart than this are two tables.
_TABLE_GAP = 40


def read_text(text: str) -> list[Paragraph | Table]:
    """The text's paragraphs and tables, in order."""
    lines = _join_quoted(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    blocks: list[Paragraph | Table] = []
    index = 0
    tab_lines = [i for i, line in enumerate(lines) if _cells_by_tab(line)]
    is_tab_line = set(tab_lines)
    while index < len(lines):
        line = lines[index]
        if _PIPE_ROW.match(line):
            index = _pipe_table(lines, index, blocks)
        elif index in is_tab_line:
            index = _tab_table(lines, index, tab_lines, blocks)
        else:
            cells_end = _cell_lines_table(lines, index, blocks)
            if cells_end is not None:
                index = cells_end
            else:
                if line.strip():
                    blocks.append(Paragraph(line.strip()))
                index += 1
    return blocks


# The most lines one quoted cell may run to: a quote never closed is not a cell.
_QUOTED_LINES = 60


def _join_quoted(lines: list[str]) -> list[str]:
    """Lines with a tab-separated row's quoted cells (as Excel saves a cell with line breaks or quotes
    in it: "…""…") unquoted, and the cell's own lines joined into the row with vertical tabs, which
    read as a line break inside the cell."""
    joined: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line or not any(cell.lstrip().startswith('"') for cell in line.split("\t")):
            joined.append(line)
            index += 1
            continue
        end = index
        whole = line
        while _open_quote(whole) and end + 1 < len(lines) and end - index < _QUOTED_LINES:
            end += 1
            whole = f"{whole}\x0b{lines[end]}"
        if _open_quote(whole):
            joined.append(line)  # a stray quote mark, not a quoted cell
            index += 1
            continue
        cells = next(csv.reader([whole], delimiter="\t"))
        joined.append("\t".join(cell.replace("\t", " ") for cell in cells))
        index = end + 1
    return joined


def _open_quote(line: str) -> bool:
    """Whether a tab-separated line ends inside a quoted cell."""
    try:
        next(csv.reader([line], delimiter="\t", strict=True))
    except csv.Error:
        return True
    return False


def _cells_by_tab(line: str) -> list[str]:
    cells = [cell.strip() for cell in line.split("\t")]
    return cells if sum(1 for cell in cells if cell) >= 2 else []


def _tab_table(lines: list[str], start: int, tab_lines: list[int], blocks: list[Paragraph | Table]) -> int:
    """Rows from ``start`` to the last tab line of its run; lines between carry on the cell above."""
    end = start
    for i in tab_lines:
        if i >= start and i - end <= _TABLE_GAP:
            end = i
    rows: list[list[str]] = []
    width = 0
    for i in range(start, end + 1):
        line = lines[i]
        cells = _cells_by_tab(line) if "\t" in line else []
        width = width or len(cells)
        if cells and rows and _breaks_a_row(rows[-1], cells, width):
            # A line break inside a cell, saved as a line end: the row goes on on this line.
            last = rows[-1]
            last[-1] = f"{last[-1]}\n{cells[0]}" if last[-1] else cells[0]
            last.extend(cells[1:])
        elif cells:
            rows.append(cells)
        elif line.strip() and rows:
            last = rows[-1]
            filled = max((j for j, cell in enumerate(last) if cell), default=0)
            last[filled] = f"{last[filled]}\n{line.strip()}"
    blocks.append(Table(rows=grid(rows, "")))
    return end + 1


def _breaks_a_row(row: list[str], cells: list[str], width: int) -> bool:
    """Whether ``cells`` are the rest of ``row``: both short of the header's width, and together
    exactly as wide, the second not starting with a reference of its own."""
    return (
        len(row) < width
        and len(cells) < width
        and len(row) + len(cells) - 1 == width
        and not (is_reference(cells[0]) and is_reference(row[0]))
    )


def _pipe_table(lines: list[str], start: int, blocks: list[Paragraph | Table]) -> int:
    """A Markdown-style table; a row with an empty first cell is the wrapped rest of the one above."""
    rows: list[list[str]] = []
    index = start
    while index < len(lines):
        line = lines[index]
        row = _PIPE_ROW.match(line)
        if row and not _PIPE_SEPARATOR.match(line):
            cells = [cell.strip() for cell in row["cells"].split("|")]
            if rows and not cells[0] and any(cells) and len(rows) > 1:
                last = rows[-1]
                for j, cell in enumerate(cells):
                    if cell and j < len(last):
                        last[j] = f"{last[j]} {cell}" if last[j] else cell
            else:
                rows.append(cells)
        elif not row and not _PIPE_SEPARATOR.match(line):
            break
        index += 1
    blocks.append(Table(rows=grid(rows, "")))
    return index


def _chunks(lines: list[str], start: int) -> list[tuple[int, str]]:
    """The text from ``start`` as (first line, text) chunks, split at blank or space-only lines."""
    chunks: list[tuple[int, str]] = []
    current: list[str] = []
    first = start
    for i in range(start, len(lines)):
        line = lines[i]
        if line.strip():
            if not current:
                first = i
            current.append(line.strip())
        elif current:
            chunks.append((first, "\n".join(current)))
            current = []
    if current:
        chunks.append((first, "\n".join(current)))
    return chunks


def _cell_lines_table(lines: list[str], start: int, blocks: list[Paragraph | Table]) -> int | None:
    """A table written a cell a line, if its header starts at ``start``: the index after it, else None.

    Cells are set apart by blank lines, or, where the header's cells follow
    one another without them (text copied out of a PDF), by line ends: then
    a row has one line a cell, and the table ends where a full row is
    followed by a line that does not start another.
    """
    if not lines[start].strip() or field_of_heading(lines[start]) is None or split_reference(lines[start])[0]:
        return None
    chunks = _chunks(lines, start)
    by_line = "\n" in chunks[0][1] and all(field_of_heading(line) for line in chunks[0][1].split("\n")[:2])
    if by_line:
        chunks = [(i, lines[i].strip()) for i in range(start, len(lines)) if lines[i].strip()]
    header: list[str] = []
    for _, chunk in chunks:
        # "Recommendation 4: That …" is a recommendation, not the heading "Recommendation".
        if "\n" not in chunk and field_of_heading(chunk) and not split_reference(chunk)[0]:
            header.append(chunk)
        else:
            break
    fields = [field_of_heading(cell) for cell in header]
    if len(header) < 2 or "text" not in fields:
        return None
    starts_row = _row_start(fields)
    rows: list[list[str]] = []
    current: list[str] = []
    last_line = start
    for first, chunk in chunks[len(header) :]:
        if starts_row(chunk):
            if current:
                rows.append(_fit(current, fields))
            current = [chunk]
        elif current and not (by_line and len(current) >= len(header)):
            current.append(chunk)
        else:
            break
        last_line = first + chunk.count("\n")
    if current:
        rows.append(_fit(current, fields))
    if not rows:
        return None
    blocks.append(Table(rows=grid([header, *rows], "")))
    return last_line + 1


def _row_start(fields: list[str | None]) -> Callable[[str], bool]:
    """How to tell the first cell of a row: its reference, alone or at the start of its text."""
    if fields[0] == "reference":
        return lambda chunk: "\n" not in chunk and is_reference(chunk)
    return lambda chunk: bool(split_reference(chunk)[0])


def _fit(chunks: list[str], fields: list[str | None]) -> list[str]:
    """A row's chunks into the header's columns: in order where they fit, by what they say where cells are empty."""
    width = len(fields)
    if len(chunks) == width:
        return chunks
    cells = [""] * width
    cells[0] = chunks[0]
    rest = chunks[1:]
    if fields[0] == "reference" and rest and width > 1:
        cells[1], rest = rest[0], rest[1:]
    open_columns = [j for j in range(width) if not cells[j]]
    for chunk in rest:
        typed = next(
            (
                j
                for j in open_columns
                if (fields[j] == "decision" and decision_of(chunk))
                or (fields[j] == "status" and status_of(chunk))
            ),
            None,
        )
        if typed is None:
            # Not a decision or status: the next column that is not waiting for one.
            typed = next((j for j in open_columns if fields[j] not in ("decision", "status")), None)
        if typed is None:
            last = max(j for j in range(width) if fields[j] not in ("decision", "status", "reference"))
            cells[last] = f"{cells[last]}\n{chunk}"
            continue
        cells[typed] = chunk
        open_columns.remove(typed)
    return cells
