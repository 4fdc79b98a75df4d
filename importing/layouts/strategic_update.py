"""The strategic review update paper (Oxfordshire County Council, 2017).

Markdown, as a converter writes it: "## Title", "### Section" headings,
numbered paragraphs with bullets, the review's recommendations as a table
of "| N. | text |" rows (a row may be split across two tables by a page
break: the second half is joined on), then a bold sign-off naming the author
and the date of the meeting.
"""

import re

from reviews import prose
from reviews.models import SourceDocument

from .base import (
    PaperError,
    ParsedPaper,
    ParsedRecommendation,
    ParsedRound,
    clean,
    council_named_in,
    parse_date,
    prose_blocks,
    tidy,
)

LAYOUT = SourceDocument.Layout.STRATEGIC_UPDATE

_TABLE_ROW = re.compile(r"^(?:-\s*)?\|(?P<cells>.*)\|\s*$")
_SEPARATOR = re.compile(r"^\|[\s|:-]+\|\s*$")
_REVIEW = re.compile(r"recommendations from the (?:recent )?(?P<review>[A-Z][^“\"(.,]+?)\s*[“\"(.,]")
_COMMITTEE = re.compile(r"\binform the (?P<committee>(?:[A-Z][a-z]+ )+(?:Board|Committee|Panel|Group))\b")
_EXPECTED = re.compile(r"concluded with (?P<count>\w+) (?:separate )?recommendations")
_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_SIGN_OFF = re.compile(r"^\*\*(?P<text>.+?)\*\*\s*$")


def recognises(text: str) -> bool:
    lines = text.splitlines()
    return any(line.startswith("## ") for line in lines) and any(_SEPARATOR.match(line) for line in lines)


def is_heading(line: str) -> bool:
    return line.lstrip().startswith("#") or (
        len(line.split()) <= 4 and not line.rstrip().endswith((".", ":")) and not line[0].isdigit()
    )


def read(paper: str) -> ParsedPaper:
    lines = paper.splitlines()
    title_at = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if title_at is None:
        raise PaperError("The paper has no title (a “## ” line).")
    title = clean(lines[title_at][3:]).strip()

    rows = [i for i, line in enumerate(lines) if _TABLE_ROW.match(line)]
    if not rows:
        raise PaperError("The paper has no table of recommendations.")
    table_at, table_end = rows[0], rows[-1] + 1
    sign_off_at = next((i for i, line in enumerate(lines) if _SIGN_OFF.match(line)), len(lines))

    seen: dict[int, int] = {}
    introduction = prose_blocks(lines[title_at + 1 : table_at], title_at + 2, is_heading, seen)
    narrative = prose_blocks(lines[table_end:sign_off_at], table_end + 1, is_heading, seen)
    recommendations = _recommendations(lines, table_at, table_end)
    before_table = "\n".join(lines[:table_at])

    expected = _EXPECTED.search(before_table)
    if expected and expected["count"].lower() in _WORDS:
        count = _WORDS.index(expected["count"].lower()) + 1
        if count != len(recommendations):
            raise PaperError(
                f"The table lists {len(recommendations)} recommendations but the paper says "
                f"{expected['count']}. Is the table cut short?",
                table_at + 1,
            )
    review = _REVIEW.search(clean(before_table))
    if not review:
        raise PaperError("The paper does not name the review (“recommendations from the …”).")
    committee = _COMMITTEE.search(before_table)
    if not committee:
        raise PaperError("The paper does not say which board or committee it informs.")

    sign_off = [
        clean(match["text"]).strip() for line in lines[sign_off_at:] if (match := _SIGN_OFF.match(line))
    ]
    if not sign_off:
        raise PaperError("The paper has no signed-off date at its end.")
    meeting_date = parse_date(sign_off[-1], len(lines))
    author = ", ".join(sign_off[:-1])

    return ParsedPaper(
        kind=SourceDocument.Kind.UPDATE_REPORT,
        layout=LAYOUT,
        council=council_named_in(paper),
        title=title,
        paper_date=meeting_date,
        review_title=review["review"].strip(),
        recommendations=recommendations,
        round=ParsedRound(
            committee=committee["committee"],
            meeting_date=meeting_date,
            title=title,
            report_author=author,
            introduction=prose.join(introduction),
            narrative=prose.join(narrative),
            closing="\n".join(sign_off),
        ),
    )


def _recommendations(lines: list[str], start: int, end: int) -> list[ParsedRecommendation]:
    """The table's rows; a row with no number carries on the row above it."""
    recommendations: list[ParsedRecommendation] = []
    seen: dict[int, int] = {}
    for i in range(start, end):
        row = _TABLE_ROW.match(lines[i])
        if not row or _SEPARATOR.match(lines[i]):
            if lines[i].strip() and not _SEPARATOR.match(lines[i]):
                raise PaperError("A line inside the recommendations table is not a table row.", i + 1)
            continue
        cells = [tidy(clean(cell)).strip() for cell in row["cells"].split("|")]
        first, rest = cells[0], " ".join(cell for cell in cells[1:] if cell)
        match = re.fullmatch(r"(\d+)\.?", first)
        if match:
            number = int(match[1])
            if number in seen:
                raise PaperError(
                    f"Recommendation {number} is numbered twice (first at line {seen[number]}).", i + 1
                )
            seen[number] = i + 1
            if not rest:
                raise PaperError(f"Recommendation {number} has no text. Is the table cut short?", i + 1)
            recommendations.append(
                ParsedRecommendation(
                    position=number,
                    reference=first,
                    text=rest,
                    line=i + 1,
                    source_table=1,
                    source_position=number,
                )
            )
        elif first or rest:
            if not recommendations:
                raise PaperError("The recommendations table starts with a row that has no number.", i + 1)
            # The rest of a row that a page break split in two.
            recommendations[-1].text += " " + " ".join(cell for cell in cells if cell)
    for expected, recommendation in enumerate(recommendations, start=1):
        if recommendation.position != expected:
            raise PaperError(
                f"Recommendation {recommendation.position} comes where {expected} should: is a row missing?",
                recommendation.line,
            )
    return recommendations
