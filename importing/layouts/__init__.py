"""Read council papers into what they say, before anything is written.

Each layout module offers ``recognises(text)`` and ``read(text)``, which
returns a ``ParsedPaper`` or raises ``PaperError``. ``read_paper`` picks the
layout by itself and turns every problem into one plain-English message that
names the file and, where it can, the line.
"""

import hashlib

from . import cabinet_response, committee_report, implementation_update, strategic_update
from .base import PaperError, ParsedPaper

LAYOUTS = [cabinet_response, implementation_update, committee_report, strategic_update]

__all__ = ["LAYOUTS", "PaperError", "ParsedPaper", "ReadPaper", "read_paper"]


class ReadPaper:
    """A file's name and checksum, its text and what the text says."""

    def __init__(self, name: str, data: bytes, text: str, parsed: ParsedPaper, checksum: str = ""):
        self.name = name
        self.checksum = checksum or hashlib.sha256(data).hexdigest()
        self.text = text
        self.parsed = parsed


def decode(name: str, data: bytes) -> str:
    if not data.strip():
        raise PaperError(f"{name} is empty.")
    if b"\0" in data[:8192]:
        raise PaperError(
            f"{name} is not a text file (it looks like a binary file). Save the paper as plain text (.txt) and try again."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PaperError(
            f"{name} is not a text file in UTF-8 (byte {error.start} cannot be read). "
            "Save the paper as plain text (.txt, UTF-8) and try again."
        ) from None


def read_paper(name: str, data: bytes) -> ReadPaper:
    """Read one file; raise PaperError naming the file and line on any problem."""
    text = decode(name, data)
    layout = next((layout for layout in LAYOUTS if layout.recognises(text)), None)
    if layout is None:
        known = "; ".join(layout.LAYOUT for layout in LAYOUTS)
        raise PaperError(f"{name} is not in a layout the importer knows. It reads these: {known}.")
    try:
        parsed = layout.read(text)
    except PaperError as error:
        where = f", line {error.line}" if error.line else ""
        raise PaperError(f"{name}{where} ({layout.LAYOUT}): {error}", error.line) from None
    return ReadPaper(name, data, text, parsed)
