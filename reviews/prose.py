"""The stored form of a round's prose (its introduction, narrative and closing), read and written here only.

Blocks are separated by blank lines. A block that starts with "## " is a
heading; lines that start with "- " are bullets; a block with tab-separated
cells is a table; any other line is a paragraph of its own. The importer
writes this form and the rebuilt papers read it.
"""

import re
from dataclasses import dataclass, field

HEADING = "## "
BULLET = "- "


def heading(text: str) -> str:
    """A heading, as stored."""
    return HEADING + text.strip()


def is_heading(block: str) -> bool:
    return block.startswith(HEADING)


def join(blocks) -> str:
    """Store blocks as text: one blank line between blocks."""
    return "\n\n".join(block for block in blocks if block.strip())


@dataclass
class Block:
    """One piece of a paper's prose: a heading, a paragraph, a bulleted list or a table."""

    kind: str  # "heading", "paragraph", "bullets" or "table"
    text: str = ""
    # Bullets: their texts. Table: its rows of cells.
    items: list = field(default_factory=list)
    # A table whose first row names its columns.
    has_header: bool = False

    @property
    def header(self):
        return self.items[0] if self.has_header else []

    @property
    def body(self):
        return self.items[1:] if self.has_header else self.items

    @property
    def plain(self) -> str:
        """The block as text again."""
        if self.kind == "bullets":
            return "\n".join(BULLET + item for item in self.items)
        if self.kind == "table":
            return "\n".join("\t".join(row) for row in self.items)
        return self.text


def _table(lines):
    rows = []
    for line in lines:
        cells = [cell.strip() for cell in line.split("\t")]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        rows.append(cells)
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    # Column names are short ("Background Papers", "Held At"); a first row
    # with a sentence in it ("Cabinet Member | Councillor ...") is data.
    has_header = len(rows) > 1 and width > 1 and all(cell and len(cell.split()) <= 4 for cell in rows[0])
    return Block("table", items=rows, has_header=has_header)


def blocks(text: str) -> list[Block]:
    """Read stored text into blocks."""
    result: list[Block] = []
    heading_text = ""
    for chunk in re.split(r"\n[ \t]*\n", text.strip()):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if any("\t" in line for line in lines) and not is_heading(lines[0]):
            table = _table(lines)
            table.text = heading_text.capitalize() if heading_text.isupper() else heading_text  # names it
            result.append(table)
            continue
        bullets = None
        for line in lines:
            stripped = line.strip()
            if is_heading(stripped):
                heading_text = stripped[len(HEADING) :].strip()
                result.append(Block("heading", heading_text))
                bullets = None
            elif stripped.startswith(BULLET) or stripped == BULLET.strip():
                if bullets is None:
                    bullets = Block("bullets")
                    result.append(bullets)
                bullets.items.append(stripped[1:].strip())
            else:
                result.append(Block("paragraph", stripped))
                bullets = None
    return result
