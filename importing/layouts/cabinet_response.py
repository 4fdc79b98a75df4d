"""The cabinet response table (Oxford City Council, 2020).

A heading naming the committee, the date and the review; a line naming who
responded; then a three-column table, one tab-indented cell a line:
Recommendation | Agree? | Comment. A comment may run on over several lines.
"""

import re
from typing import Any

from reviews.models import SourceDocument

from ..vocabulary import DECISION_WORDS, decision_of
from .base import (
    PaperError,
    ParsedPaper,
    ParsedRecommendation,
    ParsedResponse,
    clean,
    council_named_in,
    parse_date,
    tidy,
)

LAYOUT = SourceDocument.Layout.CABINET_RESPONSE

_HEADING = re.compile(
    r"^Cabinet response to (?:the )?recommendations of the (?P<committee>.+?) made on "
    r"(?P<date>\d{1,2}/\d{1,2}/\d{4}) concerning the (?P<review>.+?)(?: report)?\s*$"
)
_RESPONDER = re.compile(r"^Response provided by (?P<role>.+?),\s*(?P<name>(?:Councillor|Cllr\.?) .+?)\s*$")
_ROW = re.compile(r"^\t\s*(?P<number>\d+)\)\s*(?P<text>.*)$")


def recognises(text: str) -> bool:
    return bool(_HEADING.match(_first_line(text)))


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def read(paper: str) -> ParsedPaper:
    lines = paper.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip())
    heading = _HEADING.match(lines[start])
    assert heading is not None  # recognises() matched it
    responder_line = lines[start + 1].strip() if start + 1 < len(lines) else ""
    responder = _RESPONDER.match(responder_line)
    if responder:
        responder_role, responder_name = responder["role"], responder["name"]
    elif responder_line.startswith("Response provided by "):
        responder_role, responder_name = "", responder_line.removeprefix("Response provided by ")
    else:
        raise PaperError("The second line should say who responded (“Response provided by …”).", start + 2)

    header_at = _find_table_header(lines, start + 2)
    rows = _rows(lines, header_at + 3)
    if not rows:
        raise PaperError("The table has no recommendations in it.", header_at + 1)

    recommendations: list[ParsedRecommendation] = []
    seen: dict[int, int] = {}
    for row in rows:
        number, line = row["number"], row["line"]
        if number in seen:
            raise PaperError(
                f"Recommendation {number} is numbered twice (first at line {seen[number]}).", line
            )
        seen[number] = line
        expected = len(recommendations) + 1
        if number != expected:
            raise PaperError(
                f"Recommendation {number} comes where {expected} should: is a row missing?", line
            )
        cells = row["cells"]
        if len(cells) < 3:
            missing = "decision or comment" if len(cells) == 1 else "comment column"
            raise PaperError(
                f"The table stops part-way through recommendation {number}: it has no {missing}. "
                "Is the table cut short?",
                line,
            )
        if len(cells) > 3:
            raise PaperError(
                f"Recommendation {number} has {len(cells)} cells, but the table has three columns.", line
            )
        text, wording, comment = (tidy(clean(cell)) for cell in cells)
        if not text:
            raise PaperError(f"Recommendation {number} has no text.", line)
        decision = decision_of(wording)
        if decision is None:
            known = ", ".join(sorted(DECISION_WORDS))
            raise PaperError(
                f"Recommendation {number}'s decision “{wording}” is not one the importer knows ({known}).",
                line + 1,
            )
        response = ParsedResponse(
            decision=decision,
            decision_wording=wording,
            comment=comment,
            responder_name=responder_name,
            responder_role=responder_role,
            source_position=number,
        )
        recommendations.append(
            ParsedRecommendation(
                position=number,
                reference=f"{number})",
                text=text,
                line=line,
                source_table=1,
                source_position=number,
                response=response,
            )
        )

    return ParsedPaper(
        kind=SourceDocument.Kind.CABINET_RESPONSE,
        layout=LAYOUT,
        council=council_named_in(paper),
        title=lines[start].strip(),
        paper_date=None,
        review_title=heading["review"].strip(),
        review_committee=heading["committee"].strip(),
        review_recommended_date=parse_date(heading["date"], start + 1),
        recommendations=recommendations,
    )


def _find_table_header(lines: list[str], start: int) -> int:
    for i in range(start, len(lines) - 2):
        cells = lines[i : i + 3]
        if lines[i].strip() == "Recommendation" and all(cell.startswith("\t") for cell in cells):
            return i
    raise PaperError("There is no table with the columns Recommendation, decision and Comment.")


def _rows(lines: list[str], start: int) -> list[dict[str, Any]]:
    """Group the table's lines into rows of cells, remembering each row's line."""
    rows: list[dict[str, Any]] = []
    for i in range(start, len(lines)):
        line = lines[i]
        row = _ROW.match(line)
        if row:
            rows.append({"number": int(row["number"]), "line": i + 1, "cells": [row["text"]]})
        elif not rows:
            if line.strip():
                raise PaperError("The table should start with recommendation 1).", i + 1)
        elif line.startswith("\t"):
            rows[-1]["cells"].append(line[1:])
        else:
            # A cell that runs on over several lines, blank ones included.
            rows[-1]["cells"][-1] += "\n" + line
    return rows
