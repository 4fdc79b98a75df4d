"""The general table reader: finds the table of recommendations in any paper and reads its rows.

A paper of any format arrives as paragraphs and tables (``importing.formats``).
The reader finds the tables whose headings name a recommendation (a table
split across pages, or continued after a page break, is joined on), works out
what each column holds from its heading, or from its cells where the heading
says nothing, and reads each row: a recommendation, or the rest of the one
above (a row split across a page), or a heading, a repeated header, a
footnote or page furniture, which are not recommendations. It knows no
council's layout: the words are in ``vocabulary``, and the admin corrects what
it got wrong on the check page (``columns`` and ``decisions``).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from recommendations.models import Decision

from .formats import Paragraph, Table
from .layouts.base import clean, tidy
from .parsed import ParsedRecommendation, ParsedResponse, ParsedUpdate
from .vocabulary import (
    decision_in,
    decision_of,
    field_of_heading,
    heading_key,
    is_aside,
    is_reference,
    split_reference,
    status_of,
    words_key,
)

# How far down a table its header row may be (below a title row or two).
HEADER_WITHIN = 6
# The longest decision wording kept as the council's words for it (the model's limit).
WORDING_MAX = 100
# Fields whose columns, where a table has two of them, are read together.
JOINED = {"text", "comment", "update"}


@dataclass
class Row:
    """One row of a recommendations table, and what the reader made of it."""

    table: int  # the table's number in the paper, from 1; 0 where recommendations are paragraphs
    row: int  # the row's number in its table, from 1; or the paragraph's number in the paper
    cells: list[str]
    # "recommendation", "continued" (the rest of the one above), "heading",
    # "header" (repeated), "footnote", "furniture" or "empty".
    kind: str = "recommendation"


def place(table: int | None, row: int | None) -> str:
    """Where in the paper a recommendation was read: "table 2, row 4", or "paragraph 12"."""
    return f"table {table}, row {row}" if table else f"paragraph {row}"


@dataclass
class Reading:
    """What the reader found: the table's columns, what each holds, and every row."""

    header: list[str]
    fields: list[str]
    # Which columns were worked out from their cells, not their headings.
    guessed: list[bool]
    tables: list[int]
    rows: list[Row] = field(default_factory=list)
    # Where recommendations are paragraphs, not a table: the first one's paragraph number, from 1.
    first_paragraph: int | None = None
    warnings: list[str] = field(default_factory=list)
    # The header's own rows (two where headings are grouped), to know them again after a page break.
    header_rows: list[list[str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "header": self.header,
            "fields": self.fields,
            "guessed": self.guessed,
            "tables": self.tables,
            "rows": [[r.table, r.row, r.cells, r.kind] for r in self.rows],
            "warnings": self.warnings,
            "header_rows": self.header_rows,
            "first_paragraph": self.first_paragraph,
        }


# --------------------------------------------------------------------------
# Finding the table
# --------------------------------------------------------------------------


def _header_fields(row: list[str]) -> list[str | None]:
    return [field_of_heading(cell) if len(cell) <= 80 else None for cell in row]


def _header_at(table: Table) -> int | None:
    """The index of the table's header row: the first near the top that names a recommendation column."""
    for index, row in enumerate(table.rows[:HEADER_WITHIN]):
        fields = _header_fields(row)
        named = {f for f in fields if f}
        if "text" in named and len(named) >= 2:
            return index
        if len(named) >= 3 and named & {"reference", "decision", "comment", "update", "status"}:
            return index  # "Ref | Detail | Response | Officer": a recommendations table with its own words
    return None


def _is_repeat_of(row: list[str], header_rows: list[list[str]]) -> bool:
    keys = [heading_key(cell) for cell in row]
    return any(any(header) and keys == [heading_key(cell) for cell in header] for header in header_rows)


def _grouped(table: Table, at: int) -> list[str] | None:
    """The row under a header that names what its grouped headings hold ("Cabinet response" over
    "Decision" and "Comment"), or None if the row under it is not such a row."""
    if at + 1 >= len(table.rows):
        return None
    below = table.rows[at + 1]
    filled = [cell for cell in below if cell]
    named = [field for field in _header_fields(below) if field]
    if (
        len(named) >= 2
        and all(len(cell) <= 40 for cell in filled)
        and not any(is_reference(c) for c in filled)
    ):
        return below
    return None


def find(blocks: list[Paragraph | Table], columns: dict[str, str] | None = None) -> Reading | None:
    """The recommendations table(s) of a paper, read; None if it has none the reader can see.

    ``columns`` corrects what a column holds, by its heading or its number
    from 1 ({"Agree?": "decision", "3": "comment"}).
    """
    tables = [(number, block) for number, block in enumerate(_tables(blocks), start=1)]
    reading: Reading | None = None
    width = 0
    for number, table in tables:
        if not table.rows:
            continue
        at = _header_at(table)
        if at is None:
            if reading is not None and len(table.rows[0]) == width:
                # A table split by a page break, its header not repeated: it carries on.
                reading.tables.append(number)
                _add_rows(reading, number, table.rows, 0)
            continue
        header, fields = list(table.rows[at]), [f or "" for f in _header_fields(table.rows[at])]
        rows = [table.rows[at]]
        below = _grouped(table, at)
        if below is not None:
            rows.append(below)
            for index, sub in enumerate(below):
                if sub:
                    header[index] = f"{header[index]}: {sub}" if header[index] else sub
                    fields[index] = field_of_heading(sub) or fields[index]
        if reading is None:
            reading = Reading(header=header, fields=fields, guessed=[False] * len(header), tables=[number])
            reading.header_rows = rows
            width = len(header)
        elif len(header) != width:
            continue  # another table with other columns (a summary, an appendix): not this one
        else:
            reading.tables.append(number)
        _add_rows(reading, number, table.rows, at + len(rows))
    if reading is None:
        reading = _records(tables) or _paragraphs(blocks)
    if reading is None:
        return None
    _fill_in_fields(reading)
    if columns:
        _correct(reading, columns)
    _classify(reading)
    return reading


def _pairs(table: Table) -> list[tuple[str, str]]:
    """A label-and-value table's rows as (label, value); a cell merged across a row counts once."""
    pairs: list[tuple[str, str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row:
            if cell and (not cells or cell != cells[-1]):
                cells.append(cell)
        if not cells:
            continue
        labels = cells[0::2]
        if len(cells) >= 4 and len(cells) % 2 == 0 and all(_label_field(label) for label in labels):
            # "Lead officer | Jo Bloggs | Timescale | March 2026": two pairs a row.
            pairs.extend(zip(labels, cells[1::2], strict=True))
        else:
            pairs.append((cells[0], "\n".join(cells[1:])))
    return pairs


def _label_field(label: str) -> str | None:
    label = label.strip().rstrip(":").strip()
    if len(label) > 60:
        return None
    if is_reference(label):
        return "reference"
    return field_of_heading(label)


def _records(tables: list[tuple[int, Table]]) -> Reading | None:
    """Recommendations set out a table each, a label and its value a row ("Recommendation 1 | That …",
    "Response | …"): read as one table, a row a recommendation; None if the paper has no such tables."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    for number, table in tables:
        pairs = _pairs(table)
        known = [_label_field(label) for label, _ in pairs]
        has_text = any(
            field in ("text", "reference") and value and len(value) > 20
            for field, (_, value) in zip(known, pairs, strict=True)
        )
        if len(pairs) >= 2 and has_text and sum(1 for f in known if f) >= max(2, 0.6 * len(pairs)):
            records.append((number, pairs))
    if not records:
        return None
    reading = _reading_of(records, table=True)
    reading.tables = [number for number, _ in records]
    return reading


# "Recommendation 3: That …", "Rec 3 – That …", "R3. That …": a recommendation set out as a paragraph.
_NAMED_REFERENCE = re.compile(r"^(rec(ommendation)?\.?\s*|r)(no\.?\s*)?\d", re.IGNORECASE)
# Where a paper's recommendations end: its next numbered section ("3. Financial implications").
_SECTION = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z]")
_LABELLED = re.compile(r"^(?P<label>[^:\n]{1,60}):\s*(?P<value>.*)$", re.DOTALL)


def _paragraphs(blocks: list[Paragraph | Table]) -> Reading | None:
    """Recommendations written as paragraphs, each starting with its reference ("Recommendation 1:
    That …") and followed by labelled paragraphs ("Response: Agreed. …"); None if there are not two."""
    records: list[tuple[int, list[tuple[str, str]]]] = []
    current: list[tuple[str, str]] | None = None
    number = 0
    for block in blocks:
        if isinstance(block, Table):
            current = None
            continue
        number += 1
        text = block.text.strip()
        reference, rest = split_reference(text)
        label, value = _label_and_value(text)
        if reference and _NAMED_REFERENCE.match(reference):
            current = [(reference.rstrip(":.").strip(), rest)]
            records.append((number, current))
        elif is_reference(text) and _NAMED_REFERENCE.match(text):
            # "Recommendation 2" as a heading of its own, its text in the paragraphs below.
            current = [(text.rstrip(":.").strip(), "")]
            records.append((number, current))
        elif current is None or not text:
            continue
        elif block.style.lower().startswith(("heading", "title")) and not label or _SECTION.match(text):
            current = None
        elif label:
            current.append((label, value))
        else:
            before, earlier = current[-1]
            current[-1] = (before, f"{earlier}\n{text}" if earlier else text)
    if len(records) < 2:
        return None
    reading = _reading_of(records, table=False)
    reading.first_paragraph = records[0][0]
    return reading


def _label_and_value(text: str) -> tuple[str, str]:
    """A labelled paragraph's ("Response: Agreed …", or "Cabinet response" alone) label and value."""
    labelled = _LABELLED.match(text)
    if labelled and _label_field(labelled["label"]):
        return labelled["label"].strip(), labelled["value"].strip()
    if len(text) <= 60 and _label_field(text) and not is_reference(text):
        return text, ""
    return "", ""


def _reading_of(records: list[tuple[int, list[tuple[str, str]]]], *, table: bool) -> Reading:
    """Records of (label, value) pairs as one table: a column a label, a row a record."""
    header: list[str] = []
    fields: list[str] = []
    keys: dict[str, int] = {}

    def column(heading: str, name: str) -> int:
        key = heading_key(heading)
        if key not in keys:
            keys[key] = len(header)
            header.append(heading)
            fields.append(name)
        return keys[key]

    rows: list[tuple[int, dict[int, str]]] = []
    for number, pairs in records:
        cells: dict[int, str] = {}
        for label, value in pairs:
            label = label.strip().rstrip(":").strip()
            if is_reference(label):
                # "Recommendation 1": the label is the reference, the value the recommendation.
                cells[column("Reference", "reference")] = label
                at = column("Recommendation", "text")
            else:
                at = column(label, _label_field(label) or "")
            if value:
                cells[at] = f"{cells[at]}\n{value}" if cells.get(at) else value
        rows.append((number, cells))
    reading = Reading(header=header, fields=fields, guessed=[False] * len(header), tables=[])
    reading.header_rows = [header]
    for number, cells in rows:
        reading.rows.append(
            Row(
                table=number if table else 0,
                row=1 if table else number,
                cells=[tidy(clean(cells.get(i, ""))) for i in range(len(header))],
            )
        )
    return reading


def _tables(blocks: list[Paragraph | Table]) -> list[Table]:
    return [block for block in blocks if isinstance(block, Table)]


def _add_rows(reading: Reading, table: int, rows: list[list[str]], start: int) -> None:
    for index in range(start, len(rows)):
        # Word's bookmarks and converters' emphasis marks are not the council's words.
        reading.rows.append(
            Row(table=table, row=index + 1, cells=[tidy(clean(cell)) for cell in rows[index]])
        )


# --------------------------------------------------------------------------
# What each column holds
# --------------------------------------------------------------------------


def _cells(reading: Reading, column: int) -> list[str]:
    return [row.cells[column] for row in reading.rows if column < len(row.cells) and row.cells[column]]


def _share(cells: list[str], test) -> float:
    return sum(1 for cell in cells if test(cell)) / len(cells) if cells else 0.0


def _mean_length(cells: list[str]) -> float:
    return sum(len(cell) for cell in cells) / len(cells) if cells else 0.0


def _fill_in_fields(reading: Reading) -> None:
    """Work out from their cells what the columns the headings do not name hold, and join duplicates."""
    fields = reading.fields
    columns = range(len(fields))

    def unnamed(index: int) -> bool:
        return not fields[index]

    def guess(index: int, name: str) -> None:
        fields[index] = name
        reading.guessed[index] = True

    # A column of references under a heading that says "Recommendation", with the texts beside it.
    if "reference" not in fields:
        for index in columns:
            cells = _cells(reading, index)
            if fields[index] in ("", "text") and cells and _share(cells, is_reference) >= 0.6:
                if fields[index] == "text":
                    texts = [
                        i
                        for i in columns
                        if i != index and unnamed(i) and _mean_length(_cells(reading, i)) > 30
                    ]
                    if not texts:
                        continue
                    guess(texts[0], "text")
                guess(index, "reference")
                break
    if "text" not in fields:
        candidates = [i for i in columns if unnamed(i)]
        if candidates:
            guess(max(candidates, key=lambda i: _mean_length(_cells(reading, i))), "text")
    # A "Response" column that holds only "Agreed" / "Not agreed" is the decision.
    if "decision" not in fields:
        for index in columns:
            cells = _cells(reading, index)
            decisions = _share(cells, lambda c: decision_of(c) is not None)
            if fields[index] in ("", "comment") and cells and decisions >= 0.7 and _mean_length(cells) <= 40:
                guess(index, "decision")
                break
    if "status" not in fields:
        for index in columns:
            cells = _cells(reading, index)
            if unnamed(index) and cells and _share(cells, lambda c: status_of(c) is not None) >= 0.7:
                guess(index, "status")
                break
    # "Notes" beside a "Response" column are the officers' notes, not the response.
    comments = [i for i in columns if fields[i] == "comment"]
    asides = [i for i in comments if is_aside(reading.header[i])]
    if asides and len(asides) < len(comments):
        for index in asides:
            fields[index] = ""
            reading.warnings.append(
                f"Column {index + 1} (“{reading.header[index]}”) is not used: another column gives the response. "
                "If it is part of the response, say so below."
            )
    # Two columns for one field: text, comments and updates read together, the rest the first only.
    seen: set[str] = set()
    for index in columns:
        name = fields[index]
        if name and name in seen and name not in JOINED:
            fields[index] = ""
            reading.warnings.append(
                f"Column {index + 1} (“{reading.header[index]}”) is not used: column "
                f"{fields.index(name) + 1} already gives the {name.replace('_', ' ')}."
            )
        seen.add(name)


def _correct(reading: Reading, columns: dict[str, str]) -> None:
    """Apply the admin's corrections, by column heading or number."""
    by_heading = {heading_key(heading): field for heading, field in columns.items() if not heading.isdigit()}
    for index, heading in enumerate(reading.header):
        given = columns.get(str(index + 1), by_heading.get(heading_key(heading)))
        if given is not None:
            reading.fields[index] = given
            reading.guessed[index] = False


# --------------------------------------------------------------------------
# What each row is
# --------------------------------------------------------------------------

_FURNITURE = re.compile(
    r"^(page \d+( of \d+)?|\d{1,3}|continued( overleaf| on next page)?|\(?cont(inue)?'?d\.?\)?|end of table|ends?)$",
    re.IGNORECASE,
)
# A row that counts the others: "Total | 9 recommendations".
_TOTALS = re.compile(r"^(sub-?)?totals?\b|^(number|count) of recommendations\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(\[(?:[ivxlc]+|\d{1,2}|[a-z])\]|[*†‡]|(notes?|source|key)\s*[:.-])", re.IGNORECASE)


def _reference_of(reading: Reading, row: Row) -> str:
    fields = reading.fields
    if "reference" in fields:
        return row.cells[fields.index("reference")]
    if "text" in fields:
        return split_reference(row.cells[fields.index("text")])[0]
    return ""


def _classify(reading: Reading) -> None:
    fields = reading.fields
    text_at = fields.index("text") if "text" in fields else None
    candidates = [row for row in reading.rows if any(row.cells)]
    numbered = sum(1 for row in candidates if _reference_of(reading, row))
    has_references = bool(candidates) and numbered / len(candidates) >= 0.5
    previous: Row | None = None
    for row in reading.rows:
        filled = [(i, cell) for i, cell in enumerate(row.cells) if cell]
        if not filled:
            row.kind = "empty"
        elif _is_repeat_of(row.cells, reading.header_rows or [reading.header]):
            row.kind = "header"
        elif (len(filled) == 1 and _FURNITURE.match(filled[0][1])) or _TOTALS.match(filled[0][1]):
            row.kind = "furniture"
        elif _FOOTNOTE.match(filled[0][1]) and not (has_references and _reference_of(reading, row)):
            row.kind = "footnote"
        elif len(filled) == 1 and _is_heading(filled[0], text_at, has_references):
            row.kind = "heading"
        elif has_references and not _reference_of(reading, row) and previous is not None:
            row.kind = "continued"
        else:
            row.kind = "recommendation"
        if row.kind == "recommendation":
            previous = row
        elif row.kind == "heading":
            previous = None


def _is_heading(cell: tuple[int, str], text_at: int | None, has_references: bool) -> bool:
    """A row with one short cell and no recommendation in it: "Theme 1: Prevention"."""
    index, text = cell
    short = len(text.split()) <= 12 and not text.rstrip().endswith((".", ";"))
    if index != text_at:
        return short or not has_references
    return short and not re.match(r"^(that|the|to|we|council|cabinet)\b", text, re.IGNORECASE)


# --------------------------------------------------------------------------
# Rows into recommendations
# --------------------------------------------------------------------------


@dataclass
class Decisions:
    """The decision each wording found records: the vocabulary's, or the admin's correction."""

    corrections: dict[str, str] = field(default_factory=dict)  # words_key(wording) -> a Decision value, or ""

    def of(self, wording: str) -> Decision | None:
        key = words_key(wording)
        if key in self.corrections:
            chosen = self.corrections[key]
            return Decision(chosen) if chosen else None
        return decision_of(wording)


def recommendations(reading: Reading, decisions: Decisions | None = None) -> list[ParsedRecommendation]:
    """Each recommendation row as a recommendation, with the rows that continue it joined on."""
    decisions = decisions or Decisions()
    merged: list[tuple[Row, list[str]]] = []
    for row in reading.rows:
        if row.kind == "recommendation":
            merged.append((row, list(row.cells)))
        elif row.kind == "continued" and merged:
            cells = merged[-1][1]
            for index, cell in enumerate(row.cells):
                if cell and index < len(cells):
                    cells[index] = f"{cells[index]}\n{cell}" if cells[index] else cell
    found = []
    for position, (row, cells) in enumerate(merged, start=1):
        item = _recommendation(reading, cells, position, decisions)
        item.source_table, item.source_position = row.table, row.row
        if item.response:
            item.response.source_position = row.row
        found.append(item)
    return found


def _recommendation(
    reading: Reading, cells: list[str], position: int, decisions: Decisions
) -> ParsedRecommendation:
    values: dict[str, list[str]] = {}
    for name, cell in zip(reading.fields, cells, strict=False):
        if name and cell:
            values.setdefault(name, []).append(cell)

    def one(name: str) -> str:
        return "\n\n".join(values.get(name, []))

    text, reference = one("text"), one("reference")
    leading, rest = split_reference(text)
    if leading and (not reference or words_key(leading) == words_key(reference)):
        reference, text = reference or leading, rest
    item = ParsedRecommendation(
        position=position,
        text=text,
        reference=reference,
        title=one("title"),
        lead_officer=one("lead_officer"),
        target=one("target"),
        priority=one("priority"),
        made_to=one("made_to"),
    )
    wording, comment = one("decision"), one("comment")
    decision = decisions.of(wording) if wording else None
    if wording and ("\n" in wording or len(wording) > 60):
        # A decision column that holds the response too: "Agreed – the service will …". Its words
        # are the decision; the whole is the comment, where no other column gives one.
        stated = decision_in(wording)
        if decision is None and stated:
            decision = stated[0]
        comment = comment or wording
        wording = stated[1] if stated else wording.split("\n")[0][:WORDING_MAX]
    if not wording and comment:
        stated = decision_in(comment)
        if stated:
            decision, wording = stated
    if decision is not None or comment or wording:
        item.response = ParsedResponse(
            decision=decision.value if decision is not None else "",
            decision_wording=wording,
            comment=comment,
            responder_name=one("cabinet_member"),
        )
    status_wording, update = one("status"), one("update")
    status = status_of(status_wording) if status_wording else None
    # A timetable that says "Completed" or "On-going" is where the work has got to, not a date.
    if not status_wording and item.target and status_of(item.target):
        status, status_wording = status_of(item.target), item.target
    if update or status_wording:
        item.update = ParsedUpdate(
            text=update,
            status=status.value if status is not None else "",
            status_wording=status_wording,
        )
    return item


def warnings(
    reading: Reading, items: list[ParsedRecommendation], decisions: Decisions | None = None
) -> list[str]:
    """What the admin should look at before importing, in plain English."""
    decisions = decisions or Decisions()
    found = list(reading.warnings)
    counts = Counter(item.reference for item in items if item.reference)
    for reference, count in counts.items():
        if count > 1:
            found.append(f"The reference “{reference}” is given to {count} recommendations.")
    for item in items:
        where = place(item.source_table, item.source_position).capitalize()
        if not item.text:
            found.append(f"{where} has no recommendation text: it will not be imported.")
        if item.response and item.response.decision_wording and not item.response.decision:
            found.append(
                f"{where}: the decision “{item.response.decision_wording}” is not one the importer knows. "
                "Say what it records below, or the response will be imported without a decision."
            )
        if item.update and item.update.status_wording and not item.update.status:
            found.append(f"{where}: the status “{item.update.status_wording}” is not one the importer knows.")
    skipped = Counter(row.kind for row in reading.rows if row.kind in ("footnote", "heading"))
    for kind, count in skipped.items():
        found.append(f"{count} row{'s' if count != 1 else ''} read as {kind}s, not recommendations.")
    return found
