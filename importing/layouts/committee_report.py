"""The committee report template (Oxford City Council, 2024 and 2025).

A header of labelled cells ("To:", "Date:", "Report of:", "Title of Report:",
...), each label on its own tab-indented line with its value on the next;
then the report's prose under short headings. With "Decision being taken:" it
is a decision paper, kept as evidence; otherwise it is an update report to
the committee it is addressed to.
"""

import re

from reviews import prose
from reviews.models import SourceDocument

from .base import (
    PaperError,
    ParsedPaper,
    ParsedRound,
    clean,
    council_named_in,
    parse_date,
    prose_blocks,
)

LAYOUT = SourceDocument.Layout.COMMITTEE_REPORT

_LABELS = ("To:", "Date:", "Report of:", "Title of Report:")
_DATE = r"(\d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4})"
_PREVIOUS = re.compile(r"since the previous update on " + _DATE)
_ENDORSED = re.compile(r"endorsed by the [A-Z][\w ]+? on " + _DATE)


def recognises(text: str) -> bool:
    cells = [line.strip() for line in text.splitlines() if line.startswith(("\t", " \t"))]
    return all(label in cells for label in _LABELS)


def is_heading(line: str) -> bool:
    """A short line with no closing punctuation: "Financial implications"."""
    text = line.strip()
    return len(text.split()) <= 6 and not text.endswith((".", ":", ";", ",")) and not text[0].isdigit()


def read(paper: str) -> ParsedPaper:
    lines = [clean(line) for line in paper.splitlines()]
    body_at = next(
        (i for i, line in enumerate(lines) if line.strip() and not line.startswith(("\t", " \t"))),
        len(lines),
    )
    header, summary = _header(lines[:body_at])
    for label in ("To", "Date", "Title of Report"):
        if not header.get(label):
            raise PaperError(f"The report's header has no value for “{label}:”.")
    meeting_date = parse_date(header["Date"])
    body = lines[body_at:]
    text = "\n".join(body)
    is_decision = "Decision being taken" in header

    parsed = ParsedPaper(
        kind=SourceDocument.Kind.DECISION_PAPER if is_decision else SourceDocument.Kind.UPDATE_REPORT,
        layout=LAYOUT,
        council=council_named_in(paper),
        title=header["Title of Report"],
        paper_date=meeting_date,
    )
    if is_decision:
        return parsed

    endorsed = _ENDORSED.search(text)
    previous = _PREVIOUS.search(text)
    parsed.review_endorsed_date = parse_date(endorsed[1]) if endorsed else None
    parsed.round = ParsedRound(
        committee=header["To"],
        meeting_date=meeting_date,
        title=header["Title of Report"],
        report_author=header.get("Report of", ""),
        cabinet_member=header.get("Cabinet Member", ""),
        introduction=prose.join(summary),
        narrative=prose.join(prose_blocks(body, body_at + 1, heading=is_heading)),
        previous_update_date=parse_date(previous[1]) if previous else None,
    )
    return parsed


def _header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The labelled header cells, and the summary as blocks to keep."""
    cells = [line.strip() for line in lines if line.strip()]
    header: dict[str, str] = {}
    summary: list[str] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        label, colon, rest = cell.partition(":")
        if colon and not rest.strip() and i + 1 < len(cells):
            value = cells[i + 1]
            header[label.strip()] = value
            if label.strip() not in ("To", "Date", "Report of", "Title of Report", "Cabinet Member"):
                summary.append(f"{label.strip()}: {value}")
            i += 2
        elif colon:
            summary.append(cell)
            i += 1
        elif re.fullmatch(r"\d+\.", cell) and i + 1 < len(cells):
            summary.append(f"{cell} {cells[i + 1]}")
            i += 2
        elif cell.startswith("Appendix ") and i + 1 < len(cells):
            summary.append(f"{cell}: {cells[i + 1]}")
            i += 2
        else:
            summary.append(prose.heading(cell))
            i += 1
    return header, summary
