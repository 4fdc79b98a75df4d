"""The papers as Word documents: real headings, paragraphs, lists and tables."""

import io
import re

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

# What the officer writes, where a report to start from leaves it.
TO_WRITE = "[To be written.]"

# What XML, and so Word, cannot hold: control characters (ESC, BEL, form feed...) but tab and line breaks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text):
    """Text as a Word document can hold it: control characters dropped, a form feed as a line break."""
    return _NOT_XML.sub("", str(text).replace("\x0c", "\n").replace("\x0b", "\n"))


def _styled(document, text, style):
    """A paragraph in a named style. python-docx looks a style up by name, and checks it against the
    default style, by scanning every style for each paragraph: for a 1,000-recommendation paper that
    was most of its time. Each style's id is looked up once per document instead."""
    ids = document.__dict__.setdefault("_app_style_ids", {})
    if style not in ids:
        ids[style] = document.styles[style].style_id
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = ids[style]
    return paragraph


def _heading(document, text, level):
    """A heading, as ``document.add_heading`` makes it ("Title" for level 0, else "Heading N")."""
    return _styled(document, text, "Title" if level == 0 else f"Heading {level}")


def _past_note(paper):
    if paper.is_closed_view:
        return f"This paper shows the data as it stood when the round closed on {paper.as_at:%-d %B %Y}."
    if paper.is_past:
        return f"This paper shows the data as it stood at the end of {paper.as_at:%-d %B %Y}."
    return ""


def _table(document, rows, header=()):
    width = len(header) if header else max(len(row) for row in rows)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    if header:
        cells = table.add_row().cells
        for cell, text in zip(cells, header, strict=True):
            cell.paragraphs[0].add_run(_x(text)).bold = True
        # Repeat the column names at the top of every page.
        properties = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _fill(cell, value)
    return table


def _fill(cell, value):
    """A cell's text: a string, or a list of paragraphs."""
    paragraphs = value if isinstance(value, list) else [value]
    first, *rest = paragraphs or [""]
    cell.paragraphs[0].text = _x(first)
    for text in rest:
        cell.add_paragraph(_x(text))


def _blocks(document, blocks, level=2):
    for block in blocks:
        if block.kind == "heading":
            _heading(document, _x(block.text), level)
        elif block.kind == "bullets":
            for item in block.items:
                _styled(document, _x(item), "List Bullet")
        elif block.kind == "table":
            _table(document, block.body, block.header)
        else:
            document.add_paragraph(_x(block.text))


def _entries(document, entries):
    for entry in entries:
        if entry.change:
            document.add_paragraph().add_run(f"{entry.change} since the previous round").bold = True
        _blocks(document, entry.blocks, level=4)


def cabinet_response(document, paper):
    if paper.responder:
        document.add_paragraph(_x(paper.responder))
    rows = [[f"{row.reference} {row.text}", row.wording, row.comment] for row in paper.rows]
    _table(document, rows, ["Recommendation", "Decision", "Comment"])


def _status(section):
    text = f"Status: {section.status_label}"
    if section.status_change:
        was = f" (was {section.previous_status_label})" if section.previous_status_label else ""
        text += f" – {section.status_change}{was}"
    return text


def _summary(document, summary):
    if summary is None:
        return
    _heading(document, "Summary", 2)
    for sentence in summary.sentences:
        document.add_paragraph(_x(sentence))


def _carried(document, carried, empty):
    """A last known position carried forward (its note in bold, then the update), or ``empty``."""
    if carried is None:
        document.add_paragraph(empty)
        return
    document.add_paragraph().add_run(_x(carried.note)).bold = True
    if carried.entry:
        _blocks(document, carried.entry.blocks, level=4)


def _response_line(section):
    wording = section.response.wording if section.response else "No response yet"
    change = f" – {section.response_change} since the previous round" if section.response_change else ""
    return f"Cabinet response: {wording}{change}"


def _marked(text, change):
    """A line of the follow-through, with what is new or changed since the previous round said after it."""
    return f"{text} – {change} since the previous round" if change else text


def _follow_through(document, follow):
    """A recommendation's target dates, forecast, assessment and escalation: a paragraph each, in bold
    where new or changed since the previous round."""
    lines = follow.targets.lines
    for n, line in enumerate(lines, start=1):
        change = follow.targets.change if n == len(lines) else ""
        document.add_paragraph().add_run(_x(_marked(line, change))).bold = bool(change)
    document.add_paragraph(f"Forecast: {follow.forecast_label or 'None given'}")
    for assessment in follow.assessments or [None]:
        if assessment is None:
            document.add_paragraph("Committee's assessment: Not reported complete")
            continue
        text = _marked(f"Committee's assessment: {assessment.text}", assessment.change)
        document.add_paragraph().add_run(_x(text)).bold = bool(assessment.change)
    if not follow.steps:
        document.add_paragraph("Escalation: Not escalated")
    for step in follow.steps:
        document.add_paragraph().add_run(_x(_marked(f"Escalation: {step.text}", step.change))).bold = bool(
            step.change
        )


def _escalated(document, sections):
    """The update report's list of the recommendations still open that were escalated, and their steps."""
    _heading(document, "Escalated recommendations", 2)
    if not sections:
        document.add_paragraph("No recommendation in this report is escalated.")
        return
    rows = [
        [
            f"{section.recommendation.label}: {section.recommendation.short_title}",
            [_marked(step.text, step.change) for step in section.follow.steps],
        ]
        for section in sections
    ]
    _table(document, rows, ["Recommendation", "Steps taken"])


def update_report(document, paper):
    _table(document, [[f"{label}:", value] for label, value in paper.header])
    _blocks(document, paper.introduction)
    if paper.listed:
        _table(document, [[r.written_reference, r.text] for r in paper.listed])
    _blocks(document, paper.narrative)
    _summary(document, paper.summary)
    if paper.carries_forward:
        _escalated(document, paper.escalated)
    for section in paper.sections:
        label = "" if section.paragraph_number else f" {section.recommendation.label}"
        _heading(document, _x(f"RECOMMENDATION{label}"), 2)
        document.add_paragraph(_x(section.text))
        if paper.show_response:
            document.add_paragraph().add_run(_x(_response_line(section))).bold = bool(section.response_change)
            for line in section.comment:
                document.add_paragraph(_x(line))
        elif section.response_change and section.response:
            document.add_paragraph().add_run(_x(_response_line(section))).bold = True
        _heading(document, "UPDATE", 3)
        if section.updates:
            _entries(document, section.updates)
        else:
            _carried(document, section.carried, "No update was given for this round.")
        if paper.carries_forward:
            document.add_paragraph(_x(f"Lead officer: {section.lead_officer or 'Not assigned'}"))
        if section.status:
            paragraph = document.add_paragraph()
            paragraph.add_run(_x(_status(section))).bold = bool(section.status_change)
        if section.follow is not None:
            _follow_through(document, section.follow)
    _blocks(document, paper.closing)


def update_table(document, paper):
    meeting = paper.update_round.meeting_date
    document.add_paragraph(_x(f"{paper.committee}, {meeting:%-d %B %Y}"))
    _summary(document, paper.summary)
    _table(document, update_table_rows(paper), update_table_header(paper))


def update_table_header(paper):
    """The update table's column names: a round the tracker collects has its target dates too."""
    if paper.carries_forward:
        return ["Recommendation", "Cabinet response", "Update", "Target date", "Status"]
    return ["Recommendation", "Cabinet response", "Update", "Status"]


def _status_cell(row):
    """The update table's Status cell: the status, and in a round the tracker collects the forecast, the
    committee's assessment and the escalation steps."""
    cell = [row.status_label or "No status given"]
    follow = row.follow
    if follow is None:
        return cell[0]
    if follow.forecast:
        cell.append(f"Forecast: {follow.forecast_label}")
    cell += [_marked(f"Committee: {a.text}", a.change) for a in follow.assessments]
    cell += [_marked(f"Escalated: {step.text}", step.change) for step in follow.steps]
    return cell


def update_table_rows(paper):
    """The update table's rows, each cell a list of paragraphs (the covering report's appendix too)."""
    rows = []
    for row in paper.rows:
        response = [row.response.wording, *row.comment] if row.response else ["No response recorded"]
        updates = [text for entry in row.updates for text in entry.text.split("\n\n")]
        if not updates and row.carried is not None:
            updates = [row.carried.note]
            if row.carried.entry:
                updates += row.carried.entry.text.split("\n\n")
        if paper.carries_forward:
            updates.append(f"Lead officer: {row.lead_officer or 'Not assigned'}")
        cells = [
            f"{row.recommendation.written_reference} {row.recommendation.text}",
            response,
            updates or ["No update for this round"],
        ]
        if row.follow is not None:
            lines = row.follow.targets.lines
            cells.append([*lines[:-1], _marked(lines[-1], row.follow.targets.change)])
        rows.append([*cells, _status_cell(row)])
    return rows


def covering_report(document, paper):
    """A report to committee: its details, summary and recommendations, introduction, the headings the
    officer writes under, and the update table as Appendix 1."""
    _table(document, [[f"{label}:", value] for label, value in paper.header])
    _heading(document, "Summary and recommendations", 2)
    rows = [[f"{label}:", value] for label, value in paper.summary_rows]
    rows.append(
        [
            "Recommendation(s):",
            ["That the Committee resolves to:"]
            + [f"{n}. {text}" for n, text in enumerate(paper.recommendations_to_committee, start=1)],
        ]
    )
    _table(document, rows)
    _heading(document, "Appendices", 3)
    _table(document, [[label, value] for label, value in paper.appendices])
    _heading(document, "Introduction and background", 2)
    for text in paper.introduction:
        document.add_paragraph(_x(text))
    _heading(document, "Progress", 2)
    for text in paper.progress:
        document.add_paragraph(_x(text))
    for heading in paper.to_write:
        _heading(document, _x(heading), 2)
        document.add_paragraph(TO_WRITE)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    appendix = paper.appendix
    label, title = paper.appendices[0]
    _heading(document, _x(f"{label}: {title}"), 2)
    meeting = paper.update_round.meeting_date
    document.add_paragraph(_x(f"{appendix.committee}, {meeting:%-d %B %Y}"))
    _table(document, update_table_rows(appendix), update_table_header(appendix))


def write(paper, body):
    """The paper as the bytes of a .docx file; ``body(document, paper)`` writes what is its own."""
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = _x(paper.title)[:255]
    document.core_properties.author = paper.review.council.name
    note = _past_note(paper)
    # A running header on every page: council, paper, and the date of a past view.
    running = f"{paper.review.council.name} – {paper.name}"
    if paper.is_past:
        running += f" – as at {paper.as_at:%-d %B %Y}"
    document.sections[0].header.paragraphs[0].text = _x(running)
    _heading(document, _x(paper.title), 1)
    if note:
        document.add_paragraph().add_run(_x(note)).bold = True
    if paper.exists:
        body(document, paper)
    else:
        document.add_paragraph("There was no record of this paper's data by then.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
