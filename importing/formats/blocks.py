"""What every reader turns a file into, and the clean-up of text they share."""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

MAX_BYTES = 20 * 1024 * 1024
# A table bigger than this is not a committee paper, and building its padded
# grid could exhaust memory: a refused file is better than a stalled server.
MAX_CELLS = 5_000_000


@dataclass
class Paragraph:
    """One paragraph of a paper, with its style name where the format has one."""

    text: str
    style: str = ""


@dataclass
class Table:
    """One table of a paper: a full grid of cell texts, every row the same length."""

    rows: list[list[str]] = field(default_factory=list)
    page: int | None = None
    sheet: str = ""


@dataclass
class Extract:
    """A file's paragraphs and tables in document order, and the whole of it as plain text."""

    kind: str
    text: str
    blocks: list[Paragraph | Table]


class UnreadableFile(Exception):
    """The file cannot be read; the message says why in plain English and names the file."""


def shown_name(name: str) -> str:
    """The file's name as a message shows it: without control characters, and cut to 80 characters."""
    name = _CONTROLS.sub("", name.replace("\r", "").replace("\n", " ")).strip() or "The file"
    return name if len(name) <= 80 else name[:77] + "…"


# Vertical tab and form feed are how Word and PDFs write line and page breaks
# into plain text: they end a line rather than vanish, so words stay apart.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")
_SPACES = re.compile(r"[^\S\n]+")


def clean(text: str) -> str:
    """Text with line breaks made "\n", control characters dropped, spaces collapsed within lines and blank lines gone."""
    text = _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def grid(rows: Sequence[Sequence[str]], shown: str, where: str = "") -> list[list[str]]:
    """The rows padded with "" to the width of the widest; refuses a table too big to be a paper's."""
    width = max((len(row) for row in rows), default=0)
    if width * len(rows) > MAX_CELLS:
        place = f" {where}" if where else ""
        raise UnreadableFile(
            f"{shown} has a table{place} of {len(rows):,} rows and {width:,} columns, "
            f"more than the {MAX_CELLS:,} cells this service reads. Upload the table with only the rows and columns it needs."
        )
    return [[*row, *[""] * (width - len(row))] for row in rows]


def plain_text(blocks: Iterable[Paragraph | Table]) -> str:
    """The blocks as plain text: a paragraph a line, a table row a line of tab-separated cells."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend("\t".join(cell.replace("\n", " ") for cell in row) for row in block.rows)
    return "\n".join(lines)


def to_json(extract: Extract) -> dict:
    """An extract as JSON, to keep while a paper waits to be checked."""
    return {
        "kind": extract.kind,
        "text": extract.text,
        "blocks": [
            {"paragraph": block.text, "style": block.style}
            if isinstance(block, Paragraph)
            else {"table": block.rows, "page": block.page, "sheet": block.sheet}
            for block in extract.blocks
        ],
    }


def from_json(data: dict) -> Extract:
    blocks: list[Paragraph | Table] = [
        Paragraph(block["paragraph"], block["style"])
        if "paragraph" in block
        else Table(block["table"], block["page"], block["sheet"])
        for block in data["blocks"]
    ]
    return Extract(kind=data["kind"], text=data["text"], blocks=blocks)
