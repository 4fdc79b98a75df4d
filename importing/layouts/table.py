"""Any council's table of recommendations: a cabinet response, an action plan or a tracker.

The table is found and read by its headings (``importing.tables``); the
paragraphs before it give the paper's title, date and committee where they
say them. Nothing a paper does not state is invented: a missing date or
committee stays empty for the admin to fill in on the check page.
"""

from __future__ import annotations  # tables imports the layouts' clean-up: its names are read late

import re
from datetime import date

from reviews.models import SourceDocument

from .. import tables
from ..formats import Extract, Paragraph, Table
from .base import PaperError, ParsedPaper, ParsedRound, council_named_in, parse_date

LAYOUT = SourceDocument.Layout.TABLE

_DATE = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})\b"
)
_COMMITTEE = re.compile(
    r"\b((?:[A-Z][\w&'’-]*\s+)+?(?:and\s+(?:[A-Z][\w'’-]*\s+)+)?(?:Scrutiny\s+)?(?:Sub-Committee|Committee|Panel|Board|Commission))\b"
)
_NOT_COMMITTEE_START = {"The", "This", "That", "A", "To", "Of", "Report", "Meeting", "Date"}
# What a title says before it names the review: "Cabinet response to the recommendations of the …".
_TITLE_PREFIX = re.compile(
    r"^(?:(?:the\s+)?(?:cabinet|executive|council|mayor'?s?)(?:\s+member)?(?:'s)?\s+response\s+to\s+(?:the\s+)?"
    r"(?:recommendations?\s+(?:of|from|arising from|in)\s+(?:the\s+)?)?|action plan[:\s-]+|"
    r"recommendations?\s+(?:tracker|monitoring|update)[:\s-]+)",
    re.IGNORECASE,
)


def read(
    extract: Extract,
    *,
    council: str = "",
    columns: dict[str, str] | None = None,
    decisions: tables.Decisions | None = None,
) -> ParsedPaper:
    """The paper's recommendations from its table; raises PaperError if it has none the reader can find."""
    reading = tables.find(extract.blocks, columns)
    if reading is None:
        raise PaperError(
            "It has no table of recommendations the importer can find: it looks for a table with a column "
            "headed “Recommendation” (or a reference, and a response or decision). If the paper has one, "
            "check its headings, or name its columns with --columns."
        )
    if "text" not in reading.fields:
        raise PaperError("Its table has no column of recommendation texts. Say which it is with --columns.")
    items = tables.recommendations(reading, decisions)
    warnings = tables.warnings(reading, items, decisions)
    items = [item for item in items if item.text]
    for position, item in enumerate(items, start=1):
        item.position = position
    if not items:
        raise PaperError("Its table of recommendations has no recommendations in it.")
    before = _before(extract.blocks, reading.tables[0] if reading.tables else None, reading.first_paragraph)
    head = "\n".join(before)
    title = next((line for line in before if len(line) <= 300), "")
    committee = _committee(head)
    paper_date = _first_date(head)
    has_updates = any(item.update for item in items)
    parsed = ParsedPaper(
        kind=SourceDocument.Kind.UPDATE_REPORT
        if has_updates and not any(item.response for item in items)
        else SourceDocument.Kind.CABINET_RESPONSE,
        layout=LAYOUT,
        council=council or _council(extract.text),
        title=title,
        paper_date=paper_date,
        review_title=_review_title(title),
        review_committee=committee,
        recommendations=items,
        warnings=warnings,
        reading=reading.as_json(),
    )
    if has_updates and committee and paper_date:
        parsed.round = ParsedRound(committee=committee, meeting_date=paper_date, title=title)
    return parsed


def _before(
    blocks: list[Paragraph | Table], first_table: int | None, first_paragraph: int | None
) -> list[str]:
    """The paragraphs before the paper's recommendations (its title, its date...)."""
    lines: list[str] = []
    tables = paragraphs = 0
    for block in blocks:
        if isinstance(block, Table):
            tables += 1
            if first_table is not None and tables >= first_table:
                break
            continue
        paragraphs += 1
        if first_paragraph is not None and paragraphs >= first_paragraph:
            break
        lines.extend(line.strip() for line in block.text.split("\n") if line.strip())
    return lines[:40]


def _council(text: str) -> str:
    try:
        return council_named_in(text)
    except PaperError:
        return ""  # the admin's council, or --council, says whose it is


def _first_date(text: str) -> date | None:
    for found in _DATE.finditer(text):
        try:
            return parse_date(found[1])
        except PaperError:
            continue
    return None


def _committee(text: str) -> str:
    for found in _COMMITTEE.finditer(text):
        words = found[1].split()
        while words and words[0] in _NOT_COMMITTEE_START:
            words.pop(0)
        if len(words) >= 2:
            return " ".join(words)
    return ""


def _review_title(title: str) -> str:
    """The review a paper's title names: "Cabinet response to the Review of X" is the Review of X."""
    return _TITLE_PREFIX.sub("", title).strip().strip(".:–-").strip() or title
