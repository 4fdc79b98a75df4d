"""The update on implementation report (Southwark Council, 2013).

A header table (date, committee, title, wards, cabinet member); numbered
paragraphs under capitalised headings; each recommendation of the review as a
RECOMMENDATION paragraph followed by its UPDATE paragraphs; then appendices,
background documents and the audit trail. Recommendations have no numbers of
their own: they are numbered 1, 2, 3 ... in the report's order, and keep the
report's paragraph numbers.
"""

import re
from typing import cast

from reviews import prose
from reviews.models import SourceDocument

from .base import (
    PaperError,
    ParsedPaper,
    ParsedRecommendation,
    ParsedRound,
    ParsedUpdate,
    clean,
    council_named_in,
    numbered,
    parse_date,
    prose_blocks,
    tidy,
)

LAYOUT = SourceDocument.Layout.IMPLEMENTATION_UPDATE

_HEADING = re.compile(r"^[A-Z][A-Z &/()'-]{3,}$")
_REVIEW = re.compile(
    r"contained in the (?P<committee>.+?) Report on (?P<review>.+?) dated (?P<dated>[A-Z][a-z]+ \d{4})"
)
# "Accurate statistics - significantly, ...": a short title before a dash.
_TITLE = re.compile(r"^(?P<title>[^.;:]{3,120}?)\s+[-–]\s+\S")


def recognises(text: str) -> bool:
    lines = {line.strip() for line in text.splitlines()}
    return {"RECOMMENDATION", "UPDATE"} <= lines and "Report to:" in text


def is_heading(line: str) -> bool:
    return bool(_HEADING.match(line.strip()))


def read(paper: str) -> ParsedPaper:
    lines = [clean(line) for line in paper.splitlines()]
    header = _header(lines)
    for label in ("Date", "Report to", "Report title"):
        if not header.get(label):
            raise PaperError(f"The report's header has no “{label}:”.")

    title = header["Report title"]
    review = _REVIEW.search(title)
    if not review:
        raise PaperError(
            "The report title does not name the review it updates "
            "(“… Report on <review> dated <month year>”)."
        )
    review_committee = ""
    named = re.search(re.escape(review["committee"]) + r" (?:Sub-Committee|Committee)\b", paper)
    if named:
        review_committee = named.group(0)

    sections = _sections(lines)
    if not any(heading == "RECOMMENDATION" for heading, _, _ in sections):
        raise PaperError("The report has no RECOMMENDATION paragraphs.")

    seen: dict[int, int] = {}
    introduction: list[str] = []
    closing: list[str] = []
    recommendations: list[ParsedRecommendation] = []
    for heading, first_line, body in sections:
        if heading == "RECOMMENDATION":
            recommendations.append(_recommendation(body, first_line, len(recommendations) + 1, seen))
        elif heading == "UPDATE":
            if not recommendations or recommendations[-1].update:
                raise PaperError("An UPDATE comes with no RECOMMENDATION before it.", first_line - 1)
            recommendations[-1].update = _update(body, first_line, seen)
        elif not recommendations:
            introduction.append(prose.heading(heading))
            introduction.extend(prose_blocks(body, first_line, seen=seen))
        else:
            closing.append(prose.heading(heading))
            closing.append(tidy("\n".join(line for line in body if line.strip())))

    for recommendation in recommendations:
        if recommendation.update is None:
            raise PaperError(
                f"The RECOMMENDATION at paragraph {recommendation.source_position} has no UPDATE after it. "
                "Is the report cut short?",
                recommendation.line,
            )

    audit = _audit_trail(lines)
    report_date = parse_date(audit["Dated"]) if audit.get("Dated") else None
    author = audit.get("Report Author", "")
    for recommendation in recommendations:
        update = recommendation.update
        assert update is not None  # each has one, as checked above
        update.update_date = report_date
        update.author_name = author

    return ParsedPaper(
        kind=SourceDocument.Kind.UPDATE_REPORT,
        layout=LAYOUT,
        council=council_named_in(paper),
        title=title,
        paper_date=report_date,
        review_title=review["review"],
        review_committee=review_committee,
        review_report_dated=review["dated"],
        recommendations=recommendations,
        round=ParsedRound(
            committee=header["Report to"],
            meeting_date=parse_date(header["Date"]),
            title=title,
            report_author=author,
            cabinet_member=header.get("Cabinet Member", ""),
            wards=header.get("Ward(s) or groups affected", ""),
            introduction=prose.join(introduction),
            closing=prose.join(closing),
        ),
    )


def _header(lines: list[str]) -> dict[str, str]:
    """The "Label: value" cells of the header table, before the first heading."""
    header: dict[str, str] = {}
    for line in lines:
        if is_heading(line):
            break
        cells = [cell.strip() for cell in line.split("\t")]
        label = None
        for cell in cells:
            if label and cell:
                header[label], label = cell, None
            elif ":" in cell:
                name, _, value = cell.partition(":")
                if value.strip():
                    header[name.strip()] = value.strip()
                else:
                    label = name.strip()
    return header


def _sections(lines: list[str]) -> list[tuple[str, int, list[str]]]:
    """(heading, line number of its first line, its lines) for each heading."""
    sections: list[tuple[str, int, list[str]]] = []
    for i, line in enumerate(lines):
        if is_heading(line):
            sections.append((line.strip(), i + 2, []))
        elif sections:
            sections[-1][2].append(line)
    return sections


def _recommendation(
    body: list[str], first_line: int, number: int, seen: dict[int, int]
) -> ParsedRecommendation:
    blocks = prose_blocks(body, first_line, seen=seen)
    if len(blocks) != 1 or not numbered(blocks[0]):
        raise PaperError("A RECOMMENDATION should be one numbered paragraph.", first_line)
    first = numbered(blocks[0])
    assert first is not None  # checked just above
    paragraph, text = first
    title = _TITLE.match(text)
    return ParsedRecommendation(
        position=number,
        text=text,
        line=first_line,
        title=title["title"] if title else "",
        source_position=paragraph,
    )


def _update(body: list[str], first_line: int, seen: dict[int, int]) -> ParsedUpdate:
    blocks = prose_blocks(body, first_line, seen=seen)
    paragraphs = [numbered(block) for block in blocks]
    if not paragraphs or not all(paragraphs):
        raise PaperError("An UPDATE should be numbered paragraphs.", first_line)
    checked = cast(list[tuple[int, str]], paragraphs)  # all numbered, as checked just above
    numbers = [number for number, _ in checked]
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        raise PaperError(
            f"The UPDATE's paragraphs are numbered {numbers}, not one after another.", first_line
        )
    return ParsedUpdate(
        text="\n\n".join(text for _, text in checked),
        paragraph_number=numbers[0],
    )


def _audit_trail(lines: list[str]) -> dict[str, str]:
    """The AUDIT TRAIL's two-column rows, label to value."""
    rows: dict[str, str] = {}
    inside = False
    for line in lines:
        if line.strip() == "AUDIT TRAIL":
            inside = True
        elif inside and "\t" in line:
            cells = [cell.strip() for cell in line.split("\t")]
            if len(cells) >= 2 and cells[0] and cells[1]:
                rows.setdefault(cells[0], cells[1])
    return rows
