"""Read council papers into what they say, before anything is written.

Each layout module offers ``recognises(text)`` and ``read(text)``, which
returns a ``ParsedPaper`` or raises ``PaperError``. ``read_paper`` picks the
layout by itself and turns every problem into one plain-English message that
names the file and, where it can, the line.
"""

from __future__ import annotations  # tables imports the layouts' clean-up: its names are read late

import codecs
import hashlib
import re
from pathlib import PurePath

from .. import formats, tables
from ..formats.text import read_text
from . import cabinet_response, committee_report, implementation_update, strategic_update, table
from .base import PaperError, ParsedPaper, councils_named_in

LAYOUTS = [cabinet_response, implementation_update, committee_report, strategic_update]

__all__ = ["LAYOUTS", "PaperError", "ParsedPaper", "ReadPaper", "read_paper"]


class ReadPaper:
    """A file's name and checksum, its text and what the text says."""

    def __init__(
        self,
        name: str,
        data: bytes,
        text: str,
        parsed: ParsedPaper,
        checksum: str = "",
        extract: formats.Extract | None = None,
    ):
        self.name = name
        self.data = data
        self.checksum = checksum or hashlib.sha256(data).hexdigest()
        self.text = text
        self.parsed = parsed
        # What the format reader found, so that corrections re-read it without the file.
        self.extract = extract


_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# No committee paper has a line this long: a longer one is a file made to be slow to read.
MAX_LINE = 200_000


def decode(name: str, data: bytes) -> str:
    """A text file's text: UTF-8, or UTF-16 or UTF-32 with their byte-order mark, else Windows-1252."""
    if not data.strip():
        raise PaperError(f"{name} is empty.")
    for mark, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                           (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(mark):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise PaperError(f"{name} cannot be read as text: it is damaged.") from None
            break
    else:
        if b"\0" in data:
            raise PaperError(
                f"{name} is not a text file: it contains NUL bytes, as binary files do. "
                "Save the paper as plain text (.txt), or upload the Word document or PDF itself."
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8: text saved by Windows programs is Windows-1252 (Latin-1 with € and curly quotes).
            text = data.decode("cp1252", errors="replace")
    if not text.strip():
        raise PaperError(f"{name} is empty.")
    longest = max((len(line) for line in text.splitlines()), default=0)
    if longest > MAX_LINE:
        raise PaperError(
            f"{name} has a line of {longest:,} characters, longer than any paper's. "
            "Save the paper again as plain text, or upload the Word document or PDF itself."
        )
    # Control characters (ESC, BEL...) are no one's words; a form feed or vertical tab ends a line.
    return _CONTROLS.sub("", text.replace("\x0c", "\n").replace("\x0b", "\n"))


def read_paper(
    name: str,
    data: bytes,
    *,
    council: str = "",
    columns: dict[str, str] | None = None,
    decisions: tables.Decisions | None = None,
) -> ReadPaper:
    """Read one file of any format; raise PaperError naming the file (and line) on any problem.

    ``council`` is whose paper it is where the paper does not say (the
    uploading admin's council, or ``--council``): a paper that plainly names
    another council is refused. ``columns`` and ``decisions`` correct what the
    table reader made of a table's columns and decision wordings.
    """
    try:
        extract = formats.extract(name, data)
    except formats.UnreadableFile as error:
        raise PaperError(str(error)) from None
    if extract is None:
        text = decode(name, data)
        layout = next((layout for layout in LAYOUTS if layout.recognises(text)), None)
        if layout is not None:
            try:
                parsed = layout.read(text)
            except PaperError as error:
                where = f", line {error.line}" if error.line else ""
                raise PaperError(f"{name}{where} ({layout.LAYOUT}): {error}", error.line) from None
            parsed.council = whose(name, text, parsed.council, council)
            return ReadPaper(name, data, text, parsed)
        extract = formats.Extract(kind="txt", text=text, blocks=read_text(text))
    return read_extract(name, data, extract, council=council, columns=columns, decisions=decisions)


def read_extract(
    name: str,
    data: bytes,
    extract: formats.Extract,
    *,
    council: str = "",
    columns: dict[str, str] | None = None,
    decisions: tables.Decisions | None = None,
    checksum: str = "",
) -> ReadPaper:
    """Read a paper's table of recommendations from what its format reader found in it."""
    try:
        parsed = table.read(extract, council=council, columns=columns, decisions=decisions)
    except PaperError as error:
        if extract.kind == "txt":
            known = "; ".join(layout.LAYOUT for layout in LAYOUTS)
            raise PaperError(
                f"{name} is not in a layout the importer knows ({known}), and {_lower_first(str(error))}"
            ) from None
        raise PaperError(f"{name}: {error}") from None
    parsed.council = whose(name, extract.text, parsed.council, council)
    parsed.review_title = parsed.review_title or title_from_name(name)
    return ReadPaper(name, data, extract.text, parsed, checksum, extract=extract)


def title_from_name(name: str) -> str:
    """A review's title from a paper's file name, where the paper gives none: "bus-services.csv"."""
    stem = PurePath(name).stem.replace("_", " ").replace("-", " ").strip()
    return (stem[:1].upper() + stem[1:])[:300] or "Untitled review"


def whose(name: str, text: str, named: str, given: str) -> str:
    """The paper's council: the one given, unless the paper plainly names another (then refused)."""
    if not given:
        if not named:
            raise PaperError(
                f"{name} does not name its council (for example “Oxford City Council”). Say whose it is with --council."
            )
        return named
    counts = councils_named_in(text)
    mentioned = {council.casefold() for council in counts}
    if given.casefold() in mentioned or not counts:
        return given
    other, times = counts.most_common(1)[0]
    if times >= 2 or (named and named.casefold() == other.casefold()):
        raise PaperError(f"{name} is a paper of {other}, not of {given}.")
    return given


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]
