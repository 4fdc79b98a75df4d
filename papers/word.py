"""The papers as Word documents: real headings, paragraphs, lists and tables."""

import io
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from lxml import etree  # type: ignore[import-untyped]

# What the officer writes, where a report to start from leaves it.
TO_WRITE = "[To be written.]"

# What XML, and so Word, cannot hold: control characters (ESC, BEL, form feed...) but tab and line breaks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# A run's text, cut where python-docx writes a tab or a line break as an element of its own.
_RUN_PARTS = re.compile("([\t\r\n])")

_P, _PPR, _PSTYLE, _R, _RPR, _B, _T, _TAB, _BR = map(
    qn, ["w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:b", "w:t", "w:tab", "w:br"]
)
_TR, _TRPR, _TBLHEADER, _TC, _TCPR, _TCW, _TBLSTYLE = map(
    qn, ["w:tr", "w:trPr", "w:tblHeader", "w:tc", "w:tcPr", "w:tcW", "w:tblStyle"]
)
_VAL, _TYPE, _W, _SPACE = qn("w:val"), qn("w:type"), qn("w:w"), qn("xml:space")


def _x(text):
    """Text as a Word document can hold it: control characters dropped, a form feed as a line break."""
    return _NOT_XML.sub("", str(text).replace("\x0c", "\n").replace("\x0b", "\n"))


def _run(p, text, bold=None):
    """Append a run of ``text`` to ``p``, as python-docx's ``add_run(text)`` (and ``.bold``) writes it."""
    r = etree.SubElement(p, _R)
    if bold is not None:
        b = etree.SubElement(etree.SubElement(r, _RPR), _B)
        if not bold:
            b.set(_VAL, "0")
    for part in _RUN_PARTS.split(text) if text else ():
        if part == "\t":
            etree.SubElement(r, _TAB)
        elif part == "\r" or part == "\n":
            etree.SubElement(r, _BR)
        elif part:
            t = etree.SubElement(r, _T)
            t.text = part
            if len(part.strip()) < len(part):
                t.set(_SPACE, "preserve")
    return r


class _Body:
    """A paper's body, written element by element into the document as python-docx would write it.

    python-docx's ``add_paragraph`` looks for the body's closing section properties by scanning
    every element already written, and ``add_table`` and ``table.style`` look each style up by name,
    so a paper took time growing with the square of its length (6.4 s for 2,000 recommendations).
    Here the section properties are found once and each element is put before them, and each
    style's id is looked up once.
    """

    def __init__(self, document):
        self.document = document
        self._end = document.element.body.sectPr
        self._style_ids = {}
        self._block_width = document._block_width

    def _style_id(self, name):
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def _add(self, tag):
        element = OxmlElement(tag)
        self._end.addprevious(element)
        return element

    def paragraph(self, text="", style=None):
        """A paragraph of ``text`` (none, if empty), in the named style if given."""
        p = self._add("w:p")
        if style is not None:
            etree.SubElement(etree.SubElement(p, _PPR), _PSTYLE).set(_VAL, self._style_id(style))
        if text:
            _run(p, text)
        return p

    def bold(self, text, bold=True):
        """A paragraph of one run, bold or (``bold=False``) explicitly not."""
        p = self._add("w:p")
        _run(p, text, bold=bold)
        return p

    def page_break(self):
        p = self._add("w:p")
        etree.SubElement(etree.SubElement(p, _R), _BR).set(_TYPE, "page")

    def table(self, rows, header=()):
        """A table in the "Table Grid" style, its columns the page's width shared out; ``header`` in
        bold, repeated at the top of every page. Each cell is a string or a list of paragraphs."""
        width = len(header) if header else max(len(row) for row in rows)
        tbl = self._add("w:tbl")
        tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
        etree.SubElement(tbl_pr, _TBLSTYLE).set(_VAL, self._style_id("Table Grid"))
        tbl_w = etree.SubElement(tbl_pr, qn("w:tblW"))
        tbl_w.set(_TYPE, "auto")
        tbl_w.set(_W, "0")
        look = etree.SubElement(tbl_pr, qn("w:tblLook"))
        for name, value in [
            ("w:firstColumn", "1"),
            ("w:firstRow", "1"),
            ("w:lastColumn", "0"),
            ("w:lastRow", "0"),
            ("w:noHBand", "0"),
            ("w:noVBand", "1"),
            ("w:val", "04A0"),
        ]:
            look.set(qn(name), value)
        twips = str(Emu(self._block_width // width).twips)
        grid = etree.SubElement(tbl, qn("w:tblGrid"))
        for _ in range(width):
            etree.SubElement(grid, qn("w:gridCol")).set(_W, twips)
        if header:
            tr = etree.SubElement(tbl, _TR)
            etree.SubElement(etree.SubElement(tr, _TRPR), _TBLHEADER).set(_VAL, "true")
            for text in header:
                _run(etree.SubElement(self._cell(tr, twips), _P), _x(text), bold=True)
        for row in rows:
            tr = etree.SubElement(tbl, _TR)
            if len(row) != width:
                raise ValueError(f"A row of {len(row)} cells in a table of {width} columns.")
            for value in row:
                tc = self._cell(tr, twips)
                paragraphs = value if isinstance(value, list) else [value]
                first, *rest = paragraphs or [""]
                # The first paragraph always has a run (python-docx's ``paragraph.text = ...``).
                _run(etree.SubElement(tc, _P), _x(first))
                for text in rest:
                    text = _x(text)
                    p = etree.SubElement(tc, _P)
                    if text:
                        _run(p, text)
        return tbl

    @staticmethod
    def _cell(tr, twips):
        tc = etree.SubElement(tr, _TC)
        tc_w = etree.SubElement(etree.SubElement(tc, _TCPR), _TCW)
        tc_w.set(_TYPE, "dxa")
        tc_w.set(_W, twips)
        return tc


def _heading(body, text, level):
    """A heading, as python-docx's ``add_heading`` makes it ("Title" for level 0, else "Heading N")."""
    return body.paragraph(text, "Title" if level == 0 else f"Heading {level}")


def _past_note(paper):
    if paper.is_closed_view:
        return f"This paper shows the data as it stood when the round closed on {paper.as_at:%-d %B %Y}."
    if paper.is_past:
        return f"This paper shows the data as it stood at the end of {paper.as_at:%-d %B %Y}."
    return ""


def _blocks(body, blocks, level=2):
    for block in blocks:
        if block.kind == "heading":
            _heading(body, _x(block.text), level)
        elif block.kind == "bullets":
            for item in block.items:
                body.paragraph(_x(item), "List Bullet")
        elif block.kind == "table":
            body.table(block.body, block.header)
        else:
            body.paragraph(_x(block.text))


def _entries(body, entries):
    for entry in entries:
        if entry.change:
            body.bold(f"{entry.change} since the previous round")
        _blocks(body, entry.blocks, level=4)


def cabinet_response(body, paper):
    if paper.responder:
        body.paragraph(_x(paper.responder))
    rows = [[f"{row.reference} {row.text}", row.wording, row.comment] for row in paper.rows]
    body.table(rows, ["Recommendation", "Decision", "Comment"])


def _status(section):
    text = f"Status: {section.status_label}"
    if section.status_change:
        was = f" (was {section.previous_status_label})" if section.previous_status_label else ""
        text += f" – {section.status_change}{was}"
    return text


def _summary(body, summary):
    if summary is None:
        return
    _heading(body, "Summary", 2)
    for sentence in summary.sentences:
        body.paragraph(_x(sentence))


def _carried(body, carried, empty):
    """A last known position carried forward (its note in bold, then the update), or ``empty``."""
    if carried is None:
        body.paragraph(empty)
        return
    body.bold(_x(carried.note))
    if carried.entry:
        _blocks(body, carried.entry.blocks, level=4)


def _response_line(section):
    wording = section.response.wording if section.response else "No response yet"
    change = f" – {section.response_change} since the previous round" if section.response_change else ""
    return f"Cabinet response: {wording}{change}"


def _marked(text, change):
    """A line of the follow-through, with what is new or changed since the previous round said after it."""
    return f"{text} – {change} since the previous round" if change else text


def _follow_through(body, follow):
    """A recommendation's target dates, forecast, assessment and escalation: a paragraph each, in bold
    where new or changed since the previous round."""
    lines = follow.targets.lines
    for n, line in enumerate(lines, start=1):
        change = follow.targets.change if n == len(lines) else ""
        body.bold(_x(_marked(line, change)), bool(change))
    body.paragraph(f"Forecast: {follow.forecast_label or 'None given'}")
    for assessment in follow.assessments or [None]:
        if assessment is None:
            body.paragraph("Committee's assessment: Not reported complete")
            continue
        text = _marked(f"Committee's assessment: {assessment.text}", assessment.change)
        body.bold(_x(text), bool(assessment.change))
    if not follow.steps:
        body.paragraph("Escalation: Not escalated")
    for step in follow.steps:
        body.bold(_x(_marked(f"Escalation: {step.text}", step.change)), bool(step.change))


def _escalated(body, sections):
    """The update report's list of the recommendations still open that were escalated, and their steps."""
    _heading(body, "Escalated recommendations", 2)
    if not sections:
        body.paragraph("No recommendation in this report is escalated.")
        return
    rows = [
        [
            f"{section.recommendation.label}: {section.recommendation.short_title}",
            [_marked(step.text, step.change) for step in section.follow.steps],
        ]
        for section in sections
    ]
    body.table(rows, ["Recommendation", "Steps taken"])


def update_report(body, paper):
    body.table([[f"{label}:", value] for label, value in paper.header])
    _blocks(body, paper.introduction)
    if paper.listed:
        body.table([[r.written_reference, r.text] for r in paper.listed])
    _blocks(body, paper.narrative)
    _summary(body, paper.summary)
    if paper.carries_forward:
        _escalated(body, paper.escalated)
    for section in paper.sections:
        label = "" if section.paragraph_number else f" {section.recommendation.label}"
        _heading(body, _x(f"RECOMMENDATION{label}"), 2)
        body.paragraph(_x(section.text))
        if paper.show_response:
            body.bold(_x(_response_line(section)), bool(section.response_change))
            for line in section.comment:
                body.paragraph(_x(line))
        elif section.response_change and section.response:
            body.bold(_x(_response_line(section)))
        _heading(body, "UPDATE", 3)
        if section.updates:
            _entries(body, section.updates)
        else:
            _carried(body, section.carried, "No update was given for this round.")
        if paper.carries_forward:
            body.paragraph(_x(f"Lead officer: {section.lead_officer or 'Not assigned'}"))
        if section.status:
            body.bold(_x(_status(section)), bool(section.status_change))
        if section.follow is not None:
            _follow_through(body, section.follow)
    _blocks(body, paper.closing)


def update_table(body, paper):
    meeting = paper.update_round.meeting_date
    body.paragraph(_x(f"{paper.committee}, {meeting:%-d %B %Y}"))
    _summary(body, paper.summary)
    body.table(update_table_rows(paper), update_table_header(paper))


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


def covering_report(body, paper):
    """A report to committee: its details, summary and recommendations, introduction, the headings the
    officer writes under, and the update table as Appendix 1."""
    body.table([[f"{label}:", value] for label, value in paper.header])
    _heading(body, "Summary and recommendations", 2)
    rows = [[f"{label}:", value] for label, value in paper.summary_rows]
    rows.append(
        [
            "Recommendation(s):",
            ["That the Committee resolves to:"]
            + [f"{n}. {text}" for n, text in enumerate(paper.recommendations_to_committee, start=1)],
        ]
    )
    body.table(rows)
    _heading(body, "Appendices", 3)
    body.table([[label, value] for label, value in paper.appendices])
    _heading(body, "Introduction and background", 2)
    for text in paper.introduction:
        body.paragraph(_x(text))
    _heading(body, "Progress", 2)
    for text in paper.progress:
        body.paragraph(_x(text))
    for heading in paper.to_write:
        _heading(body, _x(heading), 2)
        body.paragraph(TO_WRITE)
    body.page_break()
    appendix = paper.appendix
    label, title = paper.appendices[0]
    _heading(body, _x(f"{label}: {title}"), 2)
    meeting = paper.update_round.meeting_date
    body.paragraph(_x(f"{appendix.committee}, {meeting:%-d %B %Y}"))
    body.table(update_table_rows(appendix), update_table_header(appendix))


def write(paper, write_body):
    """The paper as the bytes of a .docx file; ``write_body(body, paper)`` writes what is its own."""
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
    body = _Body(document)
    _heading(body, _x(paper.title), 1)
    if note:
        body.bold(_x(note))
    if paper.exists:
        write_body(body, paper)
    else:
        body.paragraph("There was no record of this paper's data by then.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
