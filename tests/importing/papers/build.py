"""A corpus of other councils' scrutiny papers, written as real files, each with what it says.

Every builder writes one paper into a directory with the library a council's own
software would have used (python-docx for Word, openpyxl for Excel, reportlab for
PDF, the csv module, plain text as a person saves or copies it) and returns
``(path, expected)``: one dict per recommendation, in the paper's order, holding
the four things an importer must read exactly:

- ``reference``: the label as the paper writes it, trimmed ("" when it has none);
- ``text``: the recommendation without its leading reference;
- ``decision``: "agree", "in_part", "disagree", "noted", or "" when none is stated;
- ``comment``: the executive's response comment as the paper gives it ("" when none).

The councils are real English councils; the papers, the people named in them and
the figures are made up, in the way those councils lay out a cabinet (or executive) response to a
scrutiny review, an action plan, or a recommendations tracker. They stand in for
papers the importer has never seen, so none is shaped to suit a parser.
"""

import csv
import datetime
import re
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

Expected = list[dict[str, str]]


@dataclass(frozen=True)
class Paper:
    name: str
    council: str
    build: Callable[[Path], tuple[Path, Expected]]


PAPERS: dict[str, Paper] = {}


def paper(council: str):
    """Register a builder as the paper of ``council``, named after the function."""

    def register(build: Callable[[Path], tuple[Path, Expected]]):
        PAPERS[build.__name__] = Paper(build.__name__, council, build)
        return build

    return register


def rec(reference: str, text: str, decision: str, comment: str) -> dict[str, str]:
    assert decision in ("agree", "in_part", "disagree", "noted", ""), decision
    return {"reference": reference, "text": text, "decision": decision, "comment": comment}


def para(*lines: str) -> str:
    """A cell of several paragraphs, as the expected value sees it (white space is normalised)."""
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Word


def _word(landscape_page: bool = False) -> docx.document.Document:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    if landscape_page:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(1.5)
    return document


def _bold_paragraph(document, text: str, size: int = 12):
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    return paragraph


def _fill_cell(cell, value, bold: bool = False) -> None:
    """Write ``value`` (a string, or a list of paragraphs) into a Word table cell."""
    paragraphs = value if isinstance(value, list) else [value]
    cell.text = ""
    for index, text in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = paragraph.add_run(text)
        run.bold = bold


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_as_header(row) -> None:
    """Mark a row as Word's "Repeat as header row at the top of each page"."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _word_table(document, header: list, rows: list[list], widths_cm: list[float] | None = None):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        _fill_cell(cell, value, bold=True)
        _shade(cell, "D9D9D9")
    _repeat_as_header(table.rows[0])
    for values in rows:
        _word_row(table, values)
    if widths_cm:
        for row in table.rows:
            for cell, width in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(width)
    return table


def _word_row(table, values: list) -> None:
    cells = table.add_row().cells
    for cell, value in zip(cells, values, strict=True):
        _fill_cell(cell, value)


def _word_heading_row(table, text: str) -> None:
    """A row whose one cell spans the table, as a section heading inside it."""
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    _fill_cell(merged, text, bold=True)
    _shade(merged, "F2F2F2")


# ---------------------------------------------------------------------------
# PDF

_STYLES = getSampleStyleSheet()
_CELL = ParagraphStyle("cell", parent=_STYLES["Normal"], fontName="Helvetica", fontSize=9, leading=11)
_HEAD = ParagraphStyle("head", parent=_CELL, fontName="Helvetica-Bold")
_BODY = ParagraphStyle("body", parent=_STYLES["Normal"], fontName="Helvetica", fontSize=10.5, leading=14)
_TITLE = ParagraphStyle("title", parent=_BODY, fontName="Helvetica-Bold", fontSize=14, leading=18)
_SUBTITLE = ParagraphStyle("subtitle", parent=_BODY, fontName="Helvetica-Bold", fontSize=11.5, leading=15)


def _pdf_cell(value, style=_CELL):
    if isinstance(value, list):
        return [Paragraph(escape(text), style) for text in value]
    return Paragraph(escape(value), style)


def _pdf_table(header: list[str], rows: list[list], widths_cm: list[float]) -> Table:
    data = [[_pdf_cell(text, _HEAD) for text in header]]
    data += [[_pdf_cell(value) for value in row] for row in rows]
    table = Table(data, colWidths=[width * cm for width in widths_cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _pdf(path: Path, story: list, pagesize=A4, footer: str = "") -> None:
    def furniture(canvas, document):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(document.leftMargin, 1.2 * cm, footer)
        canvas.drawRightString(pagesize[0] - document.rightMargin, 1.2 * cm, f"Page {document.page}")
        canvas.restoreState()

    SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=path.stem,
    ).build(story, onFirstPage=furniture, onLaterPages=furniture)


# ---------------------------------------------------------------------------
# 1. Word cabinet response: No. | Recommendation | Agreed? | Cabinet response, with a
# footnote marker on a heading, the header typed again part-way down, and a row
# carried on in a second row.


@paper("London Borough of Lewisham")
def lewisham_temporary_accommodation(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That the Council publishes, each quarter, the number of households in temporary "
            "accommodation, the number with children, and the number placed outside the borough.",
            "Agreed",
            "agree",
            "These figures are already returned to the Ministry of Housing, Communities and Local "
            "Government each quarter. From April 2025 the same figures will be published on the "
            "Council’s website alongside the Housing Select Committee’s performance report.",
        ),
        (
            "2",
            "That no family with children is placed in bed and breakfast accommodation for longer than "
            "the six-week legal limit, and that any breach is reported to the Cabinet Member within five "
            "working days.",
            "Partially agreed",
            "in_part",
            "The Council shares the Committee’s aim. Placements beyond six weeks fell from 41 in 2023/24 "
            "to 12 in the first half of 2024/25, and every case is now reviewed weekly by the Head of "
            "Temporary Accommodation. Reporting each breach to the Cabinet Member within five working "
            "days is agreed; however, the Council cannot guarantee that no breach will occur while "
            "demand exceeds the supply of self-contained accommodation.",
        ),
        (
            "3",
            "That the Council ends the use of out-of-borough placements for households with a child "
            "in a Lewisham school in year 10 or year 11.",
            "Not agreed",
            "disagree",
            "The Council will always try to keep these families within reach of their school, and the "
            "placement policy already gives them priority. A blanket ban would mean some families "
            "staying longer in bed and breakfast accommodation, which the Council does not consider "
            "to be in their interest.",
        ),
        (
            "4",
            "That every temporary accommodation property is inspected before a household moves in, "
            "and at least once a year after that.",
            "Agreed",
            "agree",
            "A pre-letting inspection is already carried out for all self-contained properties. The "
            "annual inspection programme will start in June 2025 and will be carried out by the "
            "Private Sector Housing Agency.",
        ),
    ]
    split = (
        "5",
        "That the Council works with the other London boroughs, through Capital Letters and "
        "London Councils, to agree a common rate for nightly-paid accommodation,",
        "and to stop boroughs outbidding one another for the same properties.",
        "Agreed",
        "agree",
        "Lewisham signed the Inter-Borough Accommodation Agreement in 2023, and the Cabinet Member",
        "will continue to press for the agreed rates to be reviewed every year.",
    )
    later = [
        (
            "6",
            "That every household in temporary accommodation is given a named caseworker and a "
            "telephone number that is answered during office hours.",
            "Agreed",
            "agree",
            "Each household has had a named officer since September 2024. A dedicated telephone line "
            "will be in place from March 2025.",
        ),
        (
            "7",
            "That the Cabinet lobbies the Government to raise the housing benefit subsidy rate for "
            "temporary accommodation, which is still based on January 2011 Local Housing Allowance "
            "levels.",
            "Noted",
            "noted",
            "The subsidy rate is a matter for the Government. The Cabinet Member wrote to the Minister "
            "for Housing and Planning on 4 November 2024 and will share the reply with the Committee.",
        ),
        (
            "8",
            "That the Council reviews its temporary accommodation procurement strategy and reports "
            "back to the Committee within twelve months.",
            "Agreed",
            "agree",
            "The strategy will be reviewed as part of the Housing Strategy refresh and reported to "
            "the Committee in January 2026.",
        ),
    ]

    document = _word()
    _bold_paragraph(document, "London Borough of Lewisham", 14)
    _bold_paragraph(
        document,
        "Cabinet response to the recommendations of the Housing Select Committee review of "
        "temporary accommodation",
    )
    document.add_paragraph("Mayor and Cabinet, 15 January 2025")
    document.add_paragraph(
        "Response of Councillor Amara Okafor, Cabinet Member for Housing Management and Homelessness"
    )
    document.add_paragraph(
        "The Housing Select Committee agreed its report on 12 November 2024. The Cabinet’s response "
        "to each of the Committee’s eight recommendations is set out in the table below."
    )
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    header = table.rows[0].cells
    for cell, text in zip(header, ["No.", "Recommendation", "Agreed?", "Cabinet response"], strict=True):
        _fill_cell(cell, text, bold=True)
    marker = header[2].paragraphs[0].add_run("[i]")
    marker.font.superscript = True
    _repeat_as_header(table.rows[0])
    for ref, text, wording, _, comment in rows:
        _word_row(table, [ref, text, wording, comment])
    # The header typed again at the top of the next page, as officers do.
    _word_row(table, ["No.", "Recommendation", "Agreed?", "Cabinet response"])
    for cell in table.rows[-1].cells:
        cell.paragraphs[0].runs[0].bold = True
    ref, text_one, text_two, wording, _, comment_one, comment_two = split
    _word_row(table, [ref, text_one, wording, comment_one])
    _word_row(table, ["", text_two, "", comment_two])
    for ref, text, wording, _, comment in later:
        _word_row(table, [ref, text, wording, comment])
    for row in table.rows:
        for cell, width in zip(row.cells, [1.3, 6.5, 2.5, 6.7], strict=True):
            cell.width = Cm(width)
    document.add_paragraph(
        "[i] Agreed: the recommendation will be carried out as set out. Partially agreed: part of the "
        "recommendation will be carried out. Not agreed: the recommendation will not be carried out. "
        "Noted: the recommendation is a matter for another body."
    )
    document.add_paragraph(
        "Background papers: Housing Select Committee, Review of temporary accommodation, 12 November 2024."
    )
    path = directory / "lewisham-cabinet-response-temporary-accommodation.docx"
    document.save(path)

    expected = [rec(ref, text, label, comment) for ref, text, _, label, comment in rows]
    expected.append(rec(split[0], f"{text_one} {text_two}", split[4], f"{comment_one} {comment_two}"))
    expected += [rec(ref, text, label, comment) for ref, text, _, label, comment in later]
    return path, expected


# ---------------------------------------------------------------------------
# 2. Word executive response: the reference leads the recommendation, and the decision
# is only in the response ("Agreed. ...", "Accepted in principle. ...", "... (Accepted).").


@paper("Herefordshire Council")
def herefordshire_school_transport(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "R1",
            "That the executive reviews the eligibility criteria for post-16 transport so that students "
            "attending their nearest suitable college are not charged more than the county’s average "
            "bus fare.",
            "agree",
            "Agreed. The post-16 transport policy statement for 2025/26 will cap the contribution at the "
            "average fare, and a draft will be brought to the scrutiny committee in May 2025.",
        ),
        (
            "R2",
            "That the council offers independent travel training to every eligible child with special "
            "educational needs and disabilities who is able to benefit from it.",
            "in_part",
            "Accepted in principle. Independent travel training will be offered to children whose "
            "education, health and care plan review identifies it as suitable. Offering it to every "
            "eligible child depends on the invest-to-save bid to be considered in the 2025/26 budget.",
        ),
        (
            "R3",
            "That the council withdraws the charge for concessionary seats on school buses for families "
            "in receipt of Universal Credit.",
            "disagree",
            "Not agreed. The charge is already waived for families entitled to free school meals, which "
            "covers most families in receipt of Universal Credit. Withdrawing it for all would cost an "
            "estimated £180,000 a year.",
        ),
        (
            "R4",
            "That the route and timings of every contracted school bus are published on the council’s "
            "website before the start of each term.",
            "agree",
            "Routes and timings will be published on the council’s website from September 2025, once the "
            "new contracts have been awarded. (Accepted).",
        ),
        (
            "R5",
            "That the council works with schools to stagger start and finish times where this would allow "
            "one vehicle to serve two schools.",
            "agree",
            "Agreed. Officers have identified eleven pairs of schools where staggered times could reduce "
            "the number of vehicles needed, and will write to the head teachers in the spring term.",
        ),
        (
            "R6",
            "That the scrutiny committee receives a report on progress against these recommendations in "
            "six months’ time.",
            "agree",
            "Agreed.",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "Herefordshire Council", 14)
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(
        table.rows,
        [
            ("Meeting:", "Cabinet"),
            ("Meeting date:", "Thursday 27 February 2025"),
            ("Title of report:", "Executive response to the review of home to school transport"),
            ("Report by:", "Cabinet member children and young people"),
        ],
        strict=True,
    ):
        _fill_cell(row.cells[0], label, bold=True)
        _fill_cell(row.cells[1], value)
    document.add_paragraph()
    _bold_paragraph(
        document,
        "Appendix 1: Executive response to the recommendations of the Children and Young People "
        "Scrutiny Committee: review of home to school transport",
    )
    document.add_paragraph(
        "The committee made six recommendations at its meeting on 9 December 2024. The executive’s "
        "response to each is below."
    )
    _word_table(
        document,
        ["Recommendation", "Executive Response"],
        [[f"{ref} {text}", comment] for ref, text, _, comment in rows],
        [8.5, 8.5],
    )
    document.add_paragraph("Councillor Helen Marsh, Cabinet member children and young people")
    path = directory / "herefordshire-executive-response-home-to-school-transport.docx"
    document.save(path)
    return path, [rec(ref, text, label, comment) for ref, text, label, comment in rows]


# ---------------------------------------------------------------------------
# 3. Word action plan: eight columns (a Priority number that is not the reference),
# theme rows spanning the table, and a second table that carries on the numbering.


@paper("Durham County Council")
def durham_loneliness_action_plan(directory: Path) -> tuple[Path, Expected]:
    header = [
        "Ref",
        "Recommendation",
        "Response (Agree/Disagree)",
        "Comments",
        "Lead Officer",
        "Cabinet Member",
        "Timetable",
        "Priority",
    ]
    adults = "Cllr Peter Ainsley, Adult and Health Services"
    first = [
        "Theme 1: Prevention",
        (
            "OSC-01",
            "That the Council adopts a loneliness and social isolation strategy, developed with the "
            "voluntary and community sector, by March 2026.",
            "Agree",
            "agree",
            "A draft strategy will be co-produced with the Durham Community Action network during "
            "2025/26 and brought to Cabinet for approval.",
            "Head of Public Health",
            adults,
            "March 2026",
            "1",
        ),
        (
            "OSC-02",
            "That loneliness awareness is included in the induction training of all front-line staff.",
            "Agree",
            "agree",
            "An e-learning module will be added to the corporate induction programme.",
            "Workforce Development Manager",
            "Cllr Joan Mercer, Resources",
            "September 2025",
            "2",
        ),
        (
            "OSC-03",
            "That the Council funds a social prescribing link worker in every Primary Care Network area.",
            "Disagree",
            "disagree",
            "Link workers are funded by the NHS through the Additional Roles Reimbursement Scheme. The "
            "Council will continue to work with the Integrated Care Board but cannot commit its own "
            "funding.",
            "Strategic Manager, Partnerships",
            adults,
            "N/A",
            "3",
        ),
        "Theme 2: Connecting communities",
        (
            "OSC-04",
            "That the Council maps the community groups and activities that help people to stay "
            "connected, and makes the map available online and in every library.",
            "Partially agree",
            "in_part",
            "The online community directory will be extended to include these activities. A printed "
            "version for libraries will be considered once the online map is complete.",
            "Head of Partnerships and Community Engagement",
            "Cllr Alan Fenwick, Equality and Inclusion",
            "December 2025",
            "2",
        ),
    ]
    second = [
        "Theme 3: Transport and digital inclusion",
        (
            "OSC-05",
            "That the Council reviews the community transport grant scheme with a view to extending "
            "services in rural areas in the evenings and at weekends.",
            "Agree",
            "agree",
            "The grant scheme will be reviewed in 2025/26 and any changes will take effect from April 2026.",
            "Head of Transport and Contract Services",
            "Cllr Elaine Stoddart, Economy and Partnerships",
            "April 2026",
            "1",
        ),
        (
            "OSC-06",
            "That free digital skills sessions aimed at older residents are offered in every library.",
            "Agree",
            "agree",
            "Sessions already run in 27 of the county’s 39 libraries; the remaining libraries will offer "
            "them from October 2025.",
            "Library Services Manager",
            "Cllr Elaine Stoddart, Economy and Partnerships",
            "October 2025",
            "2",
        ),
        (
            "OSC-07",
            "That the Council lobbies the Government to make broadband social tariffs automatic for "
            "eligible households.",
            "Disagree",
            "disagree",
            "The Council supports the aim, but lobbying on this is best led by the Local Government "
            "Association, which has already raised it with the Department for Science, Innovation and "
            "Technology.",
            "Head of Digital Services",
            "Cllr Joan Mercer, Resources",
            "N/A",
            "3",
        ),
    ]
    widths = [1.6, 6.0, 2.3, 5.6, 3.0, 3.2, 2.2, 1.6]

    def fill(table, items):
        for item in items:
            if isinstance(item, str):
                _word_heading_row(table, item)
            else:
                ref, text, wording, _, comment, lead, member, timetable, priority = item
                _word_row(table, [ref, text, wording, comment, lead, member, timetable, priority])

    document = _word(landscape_page=True)
    _bold_paragraph(document, "Durham County Council", 14)
    _bold_paragraph(document, "Cabinet")
    document.add_paragraph("12 March 2025")
    _bold_paragraph(
        document,
        "Overview and Scrutiny Management Board review of loneliness and social isolation: Cabinet "
        "response and action plan",
    )
    document.add_paragraph(
        "Report of Corporate Director of Adult and Health Services. Electoral division(s) affected: "
        "Countywide."
    )
    document.add_paragraph(
        "The review made seven recommendations. The action plan below sets out Cabinet’s response to "
        "each, the officer leading the work, the timetable and the priority given to it (1 = high, "
        "3 = low)."
    )
    table = _word_table(document, header, [])
    fill(table, first)
    document.add_paragraph()
    document.add_paragraph(
        "The recommendations under Theme 3 fall within the portfolio of the Cabinet Member for Economy "
        "and Partnerships, and were considered with the Transport Asset Management Plan. The "
        "responses are set out in the table below."
    )
    document.add_paragraph("Table 2: Transport and digital inclusion")
    table_two = _word_table(document, header, [])
    fill(table_two, second)
    for each in (table, table_two):
        for row in each.rows:
            if len(row.cells) == len(widths) and row.cells[0]._tc is not row.cells[-1]._tc:
                for cell, width in zip(row.cells, widths, strict=True):
                    cell.width = Cm(width)
    document.add_paragraph(
        "Contact: Gemma Robson, Overview and Scrutiny Officer. Progress will be reported to the "
        "Board in six months."
    )
    path = directory / "durham-loneliness-review-cabinet-response-and-action-plan.docx"
    document.save(path)
    expected = [
        rec(item[0], item[1], item[3], item[4]) for item in first + second if not isinstance(item, str)
    ]
    return path, expected


# ---------------------------------------------------------------------------
# 4. Word, lettered references with roman sub-recommendations in rows of their own,
# decided Yes / No / Partly.


@paper("Cornwall Council")
def cornwall_high_streets(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "a)",
            "That the Council creates a single point of contact for town councils and business "
            "improvement districts on high street regeneration.",
            "Yes",
            "agree",
            "The Town Centres team will act as the single point of contact from April 2025, and its "
            "details will be sent to every town council.",
            "April 2025",
        ),
        (
            "b)",
            "That the Council introduces a shop front improvement grant scheme and, in doing so:",
            "Partly",
            "in_part",
            "A scheme of £250,000 will be funded from the UK Shared Prosperity Fund in 2025/26. The two "
            "conditions the Committee proposed are answered below.",
            "July 2025",
        ),
        (
            "(i)",
            "gives priority to listed buildings and to buildings in conservation areas;",
            "Yes",
            "agree",
            "Listed buildings and buildings in conservation areas will score more highly.",
            "July 2025",
        ),
        (
            "(ii)",
            "offers grants of up to 100% of the cost to businesses with fewer than five employees.",
            "No",
            "disagree",
            "Every applicant will be asked to contribute at least 25% of the cost, so that the fund can "
            "reach more businesses.",
            "N/A",
        ),
        (
            "c)",
            "That the Council reviews car parking charges in market towns with a view to making the "
            "first hour free.",
            "Partly",
            "in_part",
            "Parking tariffs will be reviewed in 2025. A free first hour will be trialled in Bodmin and "
            "Liskeard before any decision is taken for the rest of Cornwall.",
            "December 2025",
        ),
        (
            "d)",
            "That the Council makes fuller use of its powers to bring long-term empty shops back into "
            "use, including compulsory purchase where an owner cannot be traced.",
            "Yes",
            "agree",
            "An empty commercial property officer has been appointed and will bring forward the first "
            "cases to the Cabinet Member by the autumn.",
            "October 2025",
        ),
        (
            "e)",
            "That the Cabinet asks the Government to reform business rates so that small independent "
            "retailers do not pay more than online businesses.",
            "No",
            "disagree",
            "The Leader has already raised business rates with the Government through the County "
            "Councils Network, and the Cabinet does not propose to write separately.",
            "N/A",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "Cornwall Council", 14)
    _bold_paragraph(
        document,
        "Economic Growth and Development Overview and Scrutiny Committee: Inquiry into the future of "
        "Cornwall’s high streets",
    )
    _bold_paragraph(document, "Response of the Cabinet, 2 April 2025")
    document.add_paragraph(
        "Portfolio Holder: Councillor Loveday Penrose, Portfolio Holder for Economy. The Cabinet "
        "considered the Committee’s report of 23 January 2025 and its response to each recommendation "
        "is shown below."
    )
    _word_table(
        document,
        ["No.", "Recommendation", "Accepted (Yes / No / Partly)", "Portfolio Holder comments", "Timescale"],
        [[ref, text, wording, comment, when] for ref, text, wording, _, comment, when in rows],
        [1.3, 5.8, 2.4, 5.5, 2.2],
    )
    path = directory / "cornwall-high-streets-inquiry-cabinet-response.docx"
    document.save(path)
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment, _ in rows]


# ---------------------------------------------------------------------------
# 5. Word, no references at all, decided Accepted / Rejected.


@paper("Bath and North East Somerset Council")
def bath_fleet_decarbonisation(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "That the Cabinet sets a date by which every vehicle in the Council’s fleet under 3.5 tonnes "
            "will be electric.",
            "Accepted",
            "agree",
            "The Fleet Strategy adopted in 2024 commits the Council to all light vehicles being electric "
            "by 2030. This date will be published in the Climate Emergency Action Plan.",
            "Head of Fleet Services",
        ),
        (
            "That the Cabinet commits to replacing the refuse collection fleet with electric vehicles "
            "when the present vehicles reach the end of their life in 2027.",
            "Rejected",
            "disagree",
            "Electric refuse vehicles cost about twice as much as diesel ones, and the Keynsham depot "
            "does not have the grid capacity to charge them. Instead, two electric refuse vehicles will "
            "be trialled from 2026 and the results reported to the Panel.",
            "Head of Waste and Fleet Services",
        ),
        (
            "That the Cabinet installs vehicle charging points at all Council depots by the end of 2026.",
            "Partially accepted",
            "in_part",
            "Charging points will be installed at the Pixash Lane and Midland Road depots by the end of "
            "2026. The smaller depots will follow once grid connections are available.",
            "Head of Property Services",
        ),
        (
            "That the Cabinet uses hydrotreated vegetable oil (HVO) in place of diesel in vehicles that "
            "cannot yet be electrified.",
            "Rejected",
            "disagree",
            "HVO costs around 15% more than diesel and a supply of sustainably sourced HVO cannot be "
            "assured. The Council will keep this under review.",
            "Head of Fleet Services",
        ),
        (
            "That the Cabinet reports each year to the Panel on the carbon emissions of the Council’s fleet.",
            "Accepted",
            "agree",
            "An annual report will be brought to the Panel each July, starting in July 2025.",
            "Climate Emergency Programme Manager",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "Bath & North East Somerset Council", 14)
    document.add_paragraph("Cabinet – 6 March 2025")
    _bold_paragraph(
        document,
        "Cabinet response to the recommendations of the Climate Emergency and Sustainability Policy "
        "Development and Scrutiny Panel: decarbonising the Council’s fleet",
    )
    document.add_paragraph(
        "Cabinet Member: Councillor Rachel Hibbert, Deputy Leader and Cabinet Member for Climate "
        "Emergency and Sustainable Travel"
    )
    _word_table(
        document,
        ["Recommendation", "Accept/Reject", "Cabinet Response", "Lead officer"],
        [[text, wording, comment, officer] for text, wording, _, comment, officer in rows],
        [6.0, 2.4, 6.0, 2.6],
    )
    path = directory / "banes-fleet-decarbonisation-cabinet-response.docx"
    document.save(path)
    return path, [rec("", text, label, comment) for text, _, label, comment, _ in rows]


# ---------------------------------------------------------------------------
# 6. PDF cabinet (executive board) response over several pages, refs "1.", the header
# repeated on each page.


@paper("Leeds City Council")
def leeds_fly_tipping(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "That the Director of Communities, Housing and Environment publishes a fly-tipping "
            "enforcement report every six months, showing incidents, investigations, fixed penalty "
            "notices and prosecutions by ward.",
            "Agree",
            "agree",
            "The first report will be published in October 2025 and will then be produced every six "
            "months. Ward level figures will be shared with ward members before publication.",
        ),
        (
            "That the Council increases the fixed penalty for fly-tipping to the maximum of £1,000 "
            "allowed by the Environmental Protection Act 1990.",
            "Agree",
            "agree",
            "The penalty will rise to £1,000 from 1 July 2025, with a reduction to £600 for payment "
            "within ten days, in line with Government guidance.",
        ),
        (
            "That the Council introduces a free bulky waste collection for households in receipt of "
            "council tax support.",
            "Disagree",
            "disagree",
            "The bulky waste service costs £1.3 million a year to run and is already subsidised. A free "
            "collection for all households in receipt of council tax support would cost an estimated "
            "£420,000 a year, for which there is no budget. The Council will instead offer one free "
            "collection a year to households in receipt of council tax support aged over 75.",
        ),
        (
            "That the Council deploys mobile CCTV cameras at the twenty sites most often fly-tipped, "
            "and publicises their use.",
            "In part",
            "in_part",
            "Twelve further cameras have been bought and will be placed at hot spots chosen each month "
            "from the incident data. Cameras will not be placed at every one of the twenty sites at "
            "once, as moving them has been found to be more effective.",
        ),
        (
            "That the Council works with West Yorkshire Police to stop and search vehicles suspected of "
            "carrying waste without a licence.",
            "Agree",
            "agree",
            "Joint operations with West Yorkshire Police and the Environment Agency took place in "
            "September and November 2024 and will continue every quarter.",
        ),
        (
            "That the household waste sorting sites open until 8pm between April and September.",
            "Disagree",
            "disagree",
            "Evening opening was trialled in 2019 and very few residents used the sites after 6pm. The "
            "cost of longer opening could not be justified.",
        ),
        (
            "That landlords of houses in multiple occupation are reminded of their duty of care for "
            "their tenants’ waste at the end of each tenancy.",
            "Agree",
            "agree",
            "A letter will be sent to every licensed landlord in May 2025, before the end of the academic "
            "year, and the licence conditions will be reviewed.",
        ),
        (
            "That the Council runs a campaign to explain that residents can be fined if their waste is "
            "fly-tipped by an unlicensed carrier they have paid.",
            "Agree",
            "agree",
            "The ‘Check your carrier’ campaign will run in spring 2025 on social media, on bin lorries and "
            "in the Council’s residents’ newsletter.",
        ),
        (
            "That every ward has a named environmental enforcement officer.",
            "In part",
            "in_part",
            "Each of the three area teams has a named lead for each ward. The service does not have "
            "enough officers for one officer to be dedicated to each of the 33 wards.",
        ),
        (
            "That fly-tipped waste reported on private land is removed by the Council and the cost "
            "recovered from the landowner.",
            "Disagree",
            "disagree",
            "The removal of waste from private land is the landowner’s responsibility. The Council will "
            "continue to serve notices under section 59 of the Environmental Protection Act 1990, and to "
            "remove the waste in default where a notice is not complied with.",
        ),
        (
            "That the Council reports fly-tipping on land owned by Network Rail and National Highways "
            "to those bodies within two working days.",
            "Agree",
            "agree",
            "A protocol with both bodies has been agreed and reports are now passed on automatically "
            "from the Council’s reporting system.",
        ),
        (
            "That the Scrutiny Board receives an update on progress against these recommendations in "
            "twelve months’ time.",
            "Agree",
            "agree",
            "An update will be provided to the Scrutiny Board in March 2026.",
        ),
    ]
    numbered = [(f"{number}.", *row) for number, row in enumerate(rows, start=1)]
    story = [
        Paragraph("Leeds City Council", _TITLE),
        Paragraph("Scrutiny Board (Environment, Housing and Communities)", _SUBTITLE),
        Paragraph("Inquiry into fly-tipping and waste enforcement", _SUBTITLE),
        Paragraph("Executive Board response – 19 March 2025", _BODY),
        Spacer(1, 8),
        Paragraph(
            escape(
                "The Scrutiny Board published its inquiry report on 22 January 2025. In line with the "
                "Council’s Constitution, the Executive Board must respond to the Board’s recommendations "
                "within two months. The response to each recommendation is set out below, approved by "
                "Councillor Imran Sadiq, Executive Member for Climate, Energy, Environment and "
                "Green Space."
            ),
            _BODY,
        ),
        Spacer(1, 10),
        _pdf_table(
            ["No.", "Recommendation", "Decision (Agree / Disagree / In part)", "Comments"],
            [[ref, text, wording, comment] for ref, text, wording, _, comment in numbered],
            [1.2, 6.3, 2.8, 6.7],
        ),
        Spacer(1, 10),
        Paragraph("Contact officer: Joanne Pickersgill, Principal Scrutiny Adviser", _BODY),
    ]
    path = directory / "leeds-fly-tipping-inquiry-executive-board-response.pdf"
    _pdf(path, story, footer="Leeds City Council – Scrutiny Board (Environment, Housing and Communities)")
    expected = [rec(ref, text, label, comment) for ref, text, _, label, comment in numbered]
    return path, expected


# ---------------------------------------------------------------------------
# 7. PDF recommendations tracker: Agreed, Progress update, Status and Target date, one of
# whose cells says "Completed". It has no response comment column.


@paper("Norfolk County Council")
def norfolk_highway_maintenance_tracker(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That a single online map of planned highway works is published and kept up to date each week.",
            "Yes",
            "agree",
            "The map went live on the County Council’s website in January 2025 and is refreshed every "
            "Monday.",
            "Completed",
            "Completed",
        ),
        (
            "2",
            "That pothole repairs on A and B roads are completed within five working days of being reported.",
            "Partly",
            "in_part",
            "Repairs on A roads now meet the five-day target in 91% of cases. B roads remain on a "
            "twenty-eight day target until the new term contract starts.",
            "On-going",
            "April 2026",
        ),
        (
            "3",
            "That parish councils are offered training so that their volunteers can carry out minor "
            "highway repairs.",
            "Yes",
            "agree",
            "A training package is being prepared with the Norfolk Association of Local Councils.",
            "Not started",
            "30/09/2025",
        ),
        (
            "4",
            "That the Council doubles the budget for footway resurfacing in 2025/26.",
            "No",
            "disagree",
            "Not applicable: the recommendation was not agreed. The footway budget was increased by 10%.",
            "N/A",
            "N/A",
        ),
        (
            "5",
            "That drainage gullies on roads with a history of flooding are cleared twice a year.",
            "Yes",
            "agree",
            "A list of 1,140 priority gullies has been drawn up and the first round of cleansing was "
            "finished in November 2024. The second round is under way.",
            "On-going",
            "31/03/2025",
        ),
        (
            "6",
            "That the Select Committee receives a report on the condition of the road network every year.",
            "Yes",
            "agree",
            "The annual highway asset performance report will come to the Committee in July each year.",
            "Completed",
            "July 2025",
        ),
    ]
    story = [
        Paragraph("Norfolk County Council", _TITLE),
        Paragraph("Infrastructure and Development Select Committee", _SUBTITLE),
        Paragraph("14 May 2025 – Item 9", _BODY),
        Paragraph("Review of highway maintenance: recommendations tracker", _SUBTITLE),
        Paragraph(
            escape(
                "The Committee’s review of highway maintenance was reported to Cabinet on 2 September "
                "2024, which agreed four of its six recommendations in full and one in part. This "
                "tracker shows progress as at 30 April 2025."
            ),
            _BODY,
        ),
        Spacer(1, 10),
        _pdf_table(
            ["Rec No", "Recommendation", "Agreed", "Progress update", "Status", "Target date"],
            [
                [ref, text, wording, update, status, due]
                for ref, text, wording, _, update, status, due in rows
            ],
            [1.5, 7.0, 1.8, 9.0, 2.3, 2.6],
        ),
        Spacer(1, 8),
        Paragraph("Officer contact: Andrew Haswell, Director of Highways, Transport and Waste", _BODY),
    ]
    path = directory / "norfolk-highway-maintenance-recommendations-tracker.pdf"
    _pdf(path, story, pagesize=landscape(A4), footer="Infrastructure and Development Select Committee")
    return path, [rec(ref, text, label, "") for ref, text, _, label, *_ in rows]


# ---------------------------------------------------------------------------
# 8. Excel tracker: a title row and a blank row above the header, codes like
# "SR (25/26) 01", real date cells, and a Notes sheet.


@paper("Wokingham Borough Council")
def wokingham_tracker_xlsx(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "SR (25/26) 01",
            "That the Executive adopts a Local Enforcement Plan setting out how breaches of planning "
            "control will be prioritised.",
            "Agreed",
            "agree",
            "A draft Local Enforcement Plan will be consulted on over the summer and adopted in the autumn.",
            "Assistant Director, Planning",
            datetime.date(2025, 10, 31),
        ),
        (
            "SR (25/26) 02",
            "That every complaint about a suspected breach of planning control is acknowledged within "
            "three working days.",
            "Agreed",
            "agree",
            "Acknowledgements are now sent automatically when a complaint is logged.",
            "Planning Enforcement Team Leader",
            datetime.date(2025, 7, 1),
        ),
        (
            "SR (25/26) 03",
            "That two additional planning enforcement officers are recruited.",
            "Partially agreed",
            "in_part",
            "One additional post has been funded in the 2025/26 budget. A second post will be "
            "considered in the 2026/27 budget round.",
            "Assistant Director, Planning",
            datetime.date(2026, 4, 1),
        ),
        (
            "SR (25/26) 04",
            "That ward members are told when an enforcement case in their ward is opened and when it "
            "is closed.",
            "Agreed",
            "agree",
            "Ward members will receive a monthly list of opened and closed cases from September 2025.",
            "Planning Enforcement Team Leader",
            datetime.date(2025, 9, 30),
        ),
        (
            "SR (25/26) 05",
            "That the Council publishes the name of every person prosecuted for a planning offence.",
            "Not agreed",
            "disagree",
            "The outcome of every prosecution is already a matter of public record. Publishing names "
            "separately raises data protection concerns.",
            "Head of Legal Services",
            None,
        ),
        (
            "SR (25/26) 06",
            "That the Executive Member writes to the Secretary of State asking for the time limit for "
            "enforcement against unauthorised changes of use to be extended.",
            "Noted",
            "noted",
            "The Levelling-up and Regeneration Act 2023 has already extended the time limit to ten years "
            "in most cases.",
            "Assistant Director, Planning",
            None,
        ),
        (
            "SR (25/26) 07",
            "That the Council reviews the fees it charges for retrospective planning applications.",
            "",
            "",
            "To be considered by the Executive on 27 November 2025.",
            "Assistant Director, Planning",
            None,
        ),
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet["A1"] = "Overview and Scrutiny Management Committee – Scrutiny Recommendations Tracker 2025/26"
    sheet["A1"].font = Font(bold=True, size=14)
    headings = ["Ref", "Recommendation", "Decision", "Response", "Lead", "Due date"]
    sheet.append([])
    sheet.append(headings)
    for cell in sheet[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E78")
    for ref, text, wording, _, comment, lead, due in rows:
        sheet.append([ref, text, wording or None, comment, lead, due])
        sheet.cell(sheet.max_row, 6).number_format = "dd/mm/yyyy"
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEF", [16, 60, 16, 60, 30, 12], strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    notes = workbook.create_sheet("Notes")
    for line in [
        ["How to use this tracker"],
        [],
        ["Each recommendation of a scrutiny review is given a reference in the form SR (year) number."],
        ["The Decision column records the Executive's decision on the recommendation."],
        ["Lead officers should update the Response column before each meeting of the Committee."],
        ["Last updated by Democratic Services, 3 November 2025."],
    ]:
        notes.append(line)
    notes.column_dimensions["A"].width = 100
    path = directory / "wokingham-scrutiny-recommendations-tracker-2025-26.xlsx"
    workbook.save(path)
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment, *_ in rows]


# ---------------------------------------------------------------------------
# 9. Excel monitoring sheet whose references are numbers and which has a formula column.


@paper("Kirklees Council")
def kirklees_carers_monitoring_xlsx(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "That the Council refreshes the Kirklees Carers Strategy with carers, and publishes it by "
            "the end of 2025.",
            "Agreed",
            "agree",
            "A steering group including six carers has been set up and the strategy is being drafted.",
            "Head of Adult Social Care Commissioning",
            datetime.date(2025, 12, 31),
            "Green",
        ),
        (
            "That every carer who asks for a carer’s assessment has it within 28 days.",
            "Agreed in part",
            "in_part",
            "The service will aim for 28 days, but cannot commit to it until the new assessment team "
            "is fully staffed. The average wait is now 41 days.",
            "Service Director, Adults",
            datetime.date(2025, 3, 31),
            "Amber",
        ),
        (
            "That the Council gives every young carer a free leisure pass.",
            "Not agreed",
            "disagree",
            "Young carers are already offered discounted passes through the Kirklees Active Leisure "
            "concession scheme.",
            "Head of Early Support",
            None,
            None,
        ),
        (
            "That carers are offered a named contact in the adult social care front door team.",
            "Agreed",
            "agree",
            "Carers are now told the name of the worker dealing with their enquiry.",
            "Head of Adult Social Care Operations",
            datetime.date(2024, 11, 30),
            "Green",
        ),
        (
            "That the carers’ breaks grant is increased in line with inflation each year.",
            "Agreed",
            "agree",
            "The grant was increased by 6.7% in April 2025 and will be reviewed each year as part of "
            "the budget.",
            "Head of Adult Social Care Commissioning",
            datetime.date(2025, 4, 1),
            "Green",
        ),
        (
            "That the Panel’s concern about the shortage of respite beds is passed to the West Yorkshire "
            "Integrated Care Board.",
            "Noted",
            "noted",
            "The Panel’s report has been sent to the Integrated Care Board’s Kirklees Place Partnership.",
            "Service Director, Adults",
            None,
            None,
        ),
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Recommendations"
    headings = [
        "No.",
        "Recommendation",
        "Cabinet decision",
        "Cabinet response",
        "Responsible officer",
        "Target date",
        "Days overdue",
        "RAG",
    ]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="BDD7EE")
    for number, (text, wording, _, comment, officer, due, rag) in enumerate(rows, start=1):
        line = number + 1
        overdue = f'=IF(F{line}="","",MAX(0,TODAY()-F{line}))'
        sheet.append([number, text, wording, comment, officer, due, overdue, rag])
        sheet.cell(line, 6).number_format = "dd/mm/yyyy"
        sheet.cell(line, 7).number_format = "0"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGH", [6, 55, 16, 55, 30, 12, 12, 8], strict=True):
        sheet.column_dimensions[column].width = width
    path = directory / "kirklees-carers-review-recommendations-monitoring.xlsx"
    workbook.save(path)
    # Excel keeps the value each formula last worked out to beside it; openpyxl cannot,
    # so write the values as Excel would have on the day the sheet was last saved.
    saved = datetime.date(2025, 6, 2)
    _cache_formula_values(
        path,
        "xl/worksheets/sheet1.xml",
        {
            f"G{number + 1}": "" if due is None else max(0, (saved - due).days)
            for number, (_, _, _, _, _, due, _) in enumerate(rows, start=1)
        },
    )
    return path, [
        rec(str(number), text, label, comment)
        for number, (text, _, label, comment, *_) in enumerate(rows, start=1)
    ]


def _cache_formula_values(path: Path, member: str, values: dict[str, object]) -> None:
    """Give formula cells the cached values Excel stores with them (openpyxl writes none)."""
    with zipfile.ZipFile(path) as source:
        contents = {info.filename: source.read(info) for info in source.infolist()}
    sheet = contents[member].decode("utf-8")
    for reference, value in values.items():
        pattern = re.compile(rf'<c r="{reference}"( s="\d+")?><f>(.*?)</f><v\s*/?>(</v>)?</c>')
        kind = ' t="str"' if isinstance(value, str) else ""
        sheet, count = pattern.subn(
            lambda match, reference=reference, kind=kind, value=value: (
                f'<c r="{reference}"{match.group(1) or ""}{kind}><f>{match.group(2)}</f>'
                f"<v>{escape(str(value))}</v></c>"
            ),
            sheet,
        )
        assert count == 1, f"no formula cell {reference} in {member}"
    contents[member] = sheet.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in contents.items():
            target.writestr(name, data)


# ---------------------------------------------------------------------------
# 10. CSV (commas, quoted cells of several lines, saved by Excel with a byte order mark).


@paper("Gloucestershire County Council")
def gloucestershire_bus_services_csv(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That the Cabinet Member asks bus operators to publish the reliability of each route every "
            "quarter, as part of the Enhanced Partnership.",
            "Agreed",
            "agree",
            para(
                "Reliability figures for each route will be published from the first quarter of 2025/26.",
                "The Enhanced Partnership Board will review them at each of its meetings.",
            ),
        ),
        (
            "2",
            "That the Council restores the evening services on the 61 and 62 routes that were "
            "withdrawn in 2023.",
            "Not agreed",
            "disagree",
            para(
                "The evening journeys carried an average of three passengers each and cost £11 a "
                "passenger to run.",
                "The Council will instead extend the Robin demand-responsive service into the evening "
                "in the Forest of Dean from September 2025.",
            ),
        ),
        (
            "3",
            "That every bus stop in the county has up-to-date timetable information, and that real "
            "time displays are installed at the 100 busiest stops.",
            "Agreed in part",
            "in_part",
            para(
                "The timetable case at every stop will be checked and brought up to date by December 2025.",
                "Real time displays will be installed at the 40 busiest stops using Bus Service "
                "Improvement Plan funding; further displays depend on future funding.",
            ),
        ),
        (
            "4",
            "That a single, simple ticket valid on all operators' buses in Gloucester and Cheltenham "
            "is introduced.",
            "Agreed",
            "agree",
            "Work with the operators on a multi-operator ticket has begun, and the ticket is expected "
            "to be on sale in spring 2026.",
        ),
        (
            "5",
            "That the Committee receives a report on the use of the Robin demand-responsive service.",
            "Agreed",
            "agree",
            "",
        ),
    ]
    path = directory / "gloucestershire-bus-services-executive-response.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["Number", "Recommendation", "Agreed?", "Response"])
        for ref, text, wording, _, comment in rows:
            writer.writerow([ref, text, wording, comment])
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 11. CSV with semicolons, in Latin-1, decided Supported / Not supported.


@paper("Torbay Council")
def torbay_night_time_economy_csv(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "NTE1",
            "That the Council designates a night-time economy champion from among its Cabinet members.",
            "Supported",
            "agree",
            "The Cabinet Member for Tourism, Culture and Events will take on this role from May.",
        ),
        (
            "NTE2",
            "That the Council extends the café and pavement licence scheme to allow outdoor seating "
            "until 11pm in the harbourside areas of Torquay, Paignton and Brixham.",
            "Supported",
            "agree",
            "The pavement licence policy will be amended so that licences can be granted until 11pm, "
            "subject to conditions on noise.",
        ),
        (
            "NTE3",
            "That a late night levy is introduced to fund extra policing and street cleansing.",
            "Not supported",
            "disagree",
            "A levy of up to £1,100 a year per premises would fall on businesses still recovering from "
            "the pandemic. The Council will instead work with the Business Improvement District on a "
            "voluntary scheme.",
        ),
        (
            "NTE4",
            "That the Council funds a taxi marshal scheme on Friday and Saturday nights in Torquay "
            "town centre.",
            "Supported in part",
            "in_part",
            "A marshal scheme will run on Saturday nights from June to September, funded by the "
            "Community Safety Partnership (£18,500). Friday nights will be considered in the light "
            "of the results.",
        ),
        (
            "NTE5",
            "That the Council works with the Torbay Business Improvement District to achieve Purple "
            "Flag accreditation for Torquay by 2027.",
            "Supported",
            "agree",
            "An application will be prepared with the Business Improvement District and the police.",
        ),
    ]
    path = directory / "torbay-night-time-economy-cabinet-response.csv"
    with path.open("w", encoding="latin-1", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        # Saved from Excel, the sheet's title and the blank row under it come too.
        writer.writerow(
            [
                "Torbay Council - Cabinet response to the Overview and Scrutiny Board review of the night-time economy",
                "",
                "",
                "",
            ]
        )
        writer.writerow(["", "", "", ""])
        writer.writerow(["Ref", "Recommendation", "Cabinet position", "Comments"])
        for ref, text, wording, _, comment in rows:
            writer.writerow([ref, text, wording, comment])
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 12. Text saved from Word: tab-separated cells, the comment's later paragraphs on lines
# of their own without tabs, the reference at the start of the recommendation.


@paper("Hertfordshire County Council")
def hertfordshire_libraries_txt(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1.",
            "That Hertfordshire Libraries extends opening hours at the ten busiest libraries to 8pm on "
            "two evenings a week.",
            "Agreed",
            "agree",
            [
                "Evening opening until 8pm on Tuesdays and Thursdays will begin at Stevenage, Watford, "
                "St Albans and Hemel Hempstead libraries in September 2025.",
                "The other six libraries will follow in April 2026, subject to recruitment.",
            ],
        ),
        (
            "2.",
            "That the library service ends all fines for overdue items for children and young people "
            "under 18.",
            "Agreed",
            "agree",
            ["Fines for under 18s were removed on 1 April 2025."],
        ),
        (
            "3.",
            "That the County Council keeps every library building open and does not reduce the number "
            "of libraries during the life of the current Library Strategy.",
            "Not agreed",
            "disagree",
            [
                "The Cabinet cannot give this commitment while the library estate review is under way.",
                "Any proposal to close or relocate a library would be subject to public consultation "
                "and would be brought to the Topic Group first.",
            ],
        ),
        (
            "4.",
            "That community-managed libraries receive the same book fund per visitor as libraries run "
            "by the County Council.",
            "Partially agreed",
            "in_part",
            [
                "The book fund for community-managed libraries will rise by 20% in 2025/26, which "
                "brings it to about 80% of the county rate.",
                "Full parity will be considered in the next budget round.",
            ],
        ),
        (
            "5.",
            "That the Topic Group revisits these recommendations in twelve months.",
            "Agreed",
            "agree",
            [],
        ),
    ]
    lines = [
        "Hertfordshire County Council",
        "Cabinet – 16 June 2025",
        "Cabinet response to the Libraries Scrutiny Topic Group",
        "Response provided by Councillor Margaret Ashby, Executive Member for Community Safety and Libraries",
        "",
        "Recommendation\tResponse\tComments",
    ]
    for ref, text, wording, _, comment in rows:
        first = comment[0] if comment else ""
        if ref == "3.":
            first = "[bookmark: _GoBack]" + first  # as text saved from Word keeps it; not part of the comment
        lines.append(f"{ref} {text}\t{wording}\t{first}")
        lines.extend(comment[1:])
    lines += ["", "Background information: Libraries Scrutiny Topic Group report, 11 March 2025.", ""]
    path = directory / "hertfordshire-libraries-topic-group-cabinet-response.txt"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    return path, [rec(ref, text, label, para(*comment)) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 13. Text copied out of a PDF or web page: pipe-separated cells wrapped over several
# lines, a rule under the header.


def _pipe_rows(cells: list[str], widths: list[int]) -> list[str]:
    """One table row laid out as lines of ``| a | b |``, each cell wrapped to its width."""
    wrapped = [
        textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
        for text, width in zip(cells, widths, strict=True)
    ]
    height = max(len(lines) for lines in wrapped)
    out = []
    for index in range(height):
        parts = [
            (lines[index] if index < len(lines) else "").ljust(width)
            for lines, width in zip(wrapped, widths, strict=True)
        ]
        out.append("| " + " | ".join(parts) + " |")
    return out


@paper("Wiltshire Council")
def wiltshire_home_education_txt(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That the Council keeps a register of children known to be electively home educated and "
            "reports the numbers to the Committee twice a year.",
            "Agreed",
            "agree",
            "The register is already kept. Figures will be reported to the Committee each March and "
            "September from September 2025.",
        ),
        (
            "2",
            "That every family who chooses elective home education is offered a visit from the Elective "
            "Home Education team within four weeks of the child coming off a school roll.",
            "Agreed",
            "agree",
            "The team will begin offering visits within four weeks from May 2025, once two new advisers "
            "are in post.",
        ),
        (
            "3",
            "That the Council reviews its policy on elective home education and publishes clear "
            "guidance for parents.",
            "Agreed",
            "agree",
            "The team will begin the review in May and will publish new guidance for parents in the "
            "autumn term.",
        ),
        (
            "4",
            "That the Council pays for home educated children to sit GCSE examinations at a local centre.",
            "Not agreed",
            "disagree",
            "There is no funding for this. Families will be given a list of examination centres and "
            "their charges.",
        ),
        (
            "5",
            "That the Cabinet Member writes to the Department for Education in support of a national "
            "register of children not in school.",
            "Partially agreed",
            "in_part",
            "The Cabinet Member supports a national register and will write in those terms, but the "
            "letter will not ask for the register to include children educated at home by choice.",
        ),
    ]
    widths = [3, 44, 16, 44]
    lines = [
        "Wiltshire Council",
        "Cabinet 22 April 2025",
        "Executive response to the report of the Elective Home Education Task Group",
        "(Children’s Select Committee)",
        "",
        "Cabinet Member: Cllr Helen Dunford, Cabinet Member for Children’s Services, Education and Skills",
        "",
        "| "
        + " | ".join(
            h.ljust(w) for h, w in zip(["No.", "Recommendation", "Decision", "Response"], widths, strict=True)
        )
        + " |",
        "|" + "|".join("-" * (w + 2) for w in widths) + "|",
    ]
    for ref, text, wording, _, comment in rows:
        lines += _pipe_rows([ref, text, wording, comment], widths)
    lines += ["", "Page 3 of 3", ""]
    path = directory / "wiltshire-home-education-task-group-executive-response.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 14. Text copied from a Word table: every cell on a line of its own, blank (or
# space-only) lines between cells, references like "3a".


@paper("Hampshire County Council")
def hampshire_hospital_discharge_txt(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That the County Council and the two acute hospital trusts agree a single discharge to "
            "assess pathway for the whole county.",
            "Agreed",
            "agree",
            "A single pathway was agreed by the Hampshire and Isle of Wight Integrated Care Board and "
            "the County Council in February 2025 and will be in use from June.",
        ),
        (
            "2",
            "That the number of people waiting in hospital for a social care package is reported to "
            "the Select Committee every quarter.",
            "Agreed",
            "agree",
            "Quarterly figures will be included in the adult social care performance report from July 2025.",
        ),
        (
            "3a",
            "That the County Council commissions more short-term reablement beds in the north of the county.",
            "Agreed",
            "agree",
            "Twenty additional beds will be commissioned in Basingstoke and Andover from October 2025.",
        ),
        (
            "3b",
            "That the County Council builds its own reablement unit on the site of the former Oakridge "
            "care home.",
            "Not agreed",
            "disagree",
            "The site is not large enough and the capital cost would be around £14 million. Beds will be "
            "commissioned from the independent sector instead.",
        ),
        (
            "3c",
            "That reablement beds are reviewed every six months to check that they are in the right places.",
            "Agreed",
            "agree",
            "Occupancy and waiting times will be reviewed every six months by the Discharge Programme Board.",
        ),
        (
            "4",
            "That the County Council pays home care providers for the time their carers spend "
            "travelling between visits in rural areas.",
            "Partially agreed",
            "in_part",
            "Travel time is already paid in the rates for rural areas of the New Forest and East "
            "Hampshire. Extending it to the whole county will be considered when the home care "
            "framework is retendered in 2026.",
        ),
    ]
    cells = ["Ref", "Recommendation", "Agreed / Not agreed", "Cabinet Member comment"]
    for ref, text, wording, _, comment in rows:
        cells += [ref, text, wording, comment]
    lines = [
        "Hampshire County Council",
        "",
        "Health and Adult Social Care Select Committee – 10 March 2025",
        "",
        "Hospital Discharge Working Group: response to the recommendations",
        "",
        "Response provided by Councillor Jane Ellery, Cabinet Member for Adult Services and Public Health",
        "",
    ]
    for index, cell in enumerate(cells):
        lines.append(cell)
        lines.append(" " if index % 3 == 1 else "")
    path = directory / "hampshire-hospital-discharge-working-group-response.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 15. Word: a "Recommendation made to" column, a "Cabinet Member Response" heading, the
# decision in the last column, and cells of several paragraphs.


@paper("Calderdale Council")
def calderdale_flood_resilience(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            [
                "That the Cabinet adopts a flood resilience plan for each of the six most flood-prone "
                "communities in the Upper Calder Valley.",
                "The Board considers that these plans should be written with the community flood "
                "groups and reviewed every three years.",
            ],
            "Cabinet",
            [
                "Community plans for Mytholmroyd and Hebden Bridge were completed in 2024. Plans for "
                "Todmorden, Walsden, Sowerby Bridge and Elland will be completed by March 2026.",
                "Each plan will be reviewed with the community flood group every three years.",
            ],
            "Agreed",
            "agree",
        ),
        (
            "2",
            [
                "That the Council offers property flood resilience grants to every household that has "
                "flooded since 2012."
            ],
            "Cabinet",
            [
                "Grants of up to £7,500 are available to households flooded in 2015 and 2020 through the "
                "Government’s Property Flood Resilience Recovery Support Scheme.",
                "There is no budget to extend the grants to households flooded in other years, but the "
                "Council will help them to find other sources of support.",
            ],
            "Partially agreed",
            "in_part",
        ),
        (
            "3",
            [
                "That the Environment Agency completes the Calder Valley flood alleviation scheme at "
                "Hebden Bridge without further delay."
            ],
            "Environment Agency",
            [
                "This recommendation is for the Environment Agency, which has been sent the Board’s report.",
                "The Council will continue to press for the scheme to be completed as a member of the "
                "Calderdale Flood Partnership.",
            ],
            "Noted",
            "noted",
        ),
        (
            "4",
            [
                "That Yorkshire Water publishes its plans to increase the capacity of the combined sewer "
                "network in Sowerby Bridge."
            ],
            "Yorkshire Water",
            ["This recommendation is for Yorkshire Water. The Board’s report has been sent to it."],
            "Noted",
            "noted",
        ),
        (
            "5",
            ["That the Council stops granting planning permission for new homes on land in Flood Zone 3."],
            "Cabinet",
            [
                "Applications in Flood Zone 3 are already decided in line with national policy, which "
                "applies the sequential and exception tests.",
                "A blanket refusal would not be lawful and could not be defended at appeal.",
            ],
            "Not agreed",
            "disagree",
        ),
        (
            "6",
            [
                "That the Cabinet Member reports to the Board on progress with these recommendations "
                "in twelve months."
            ],
            "Cabinet",
            ["A progress report will come to the Board in January 2026."],
            "Agreed",
            "agree",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "CALDERDALE METROPOLITAN BOROUGH COUNCIL", 13)
    document.add_paragraph("PLACE SCRUTINY BOARD")
    document.add_paragraph("21 January 2025")
    _bold_paragraph(document, "Response to the Board’s review of flood resilience in Calderdale")
    document.add_paragraph(
        "Cabinet Member Response: Councillor Ruth Sutcliffe, Cabinet Member for Towns, Engagement "
        "and Communities"
    )
    document.add_paragraph(
        "Several of the Board’s recommendations were made to partner organisations. Those "
        "organisations have been sent the report, and their responses will be reported to the Board "
        "when received."
    )
    _word_table(
        document,
        ["No.", "Recommendation", "Recommendation made to", "Cabinet Member Response", "Agreed / Not agreed"],
        [[ref, text, made_to, comment, wording] for ref, text, made_to, comment, wording, _ in rows],
        [1.2, 5.8, 2.6, 6.0, 2.2],
    )
    path = directory / "calderdale-flood-resilience-review-cabinet-member-response.docx"
    document.save(path)
    return path, [rec(ref, para(*text), label, para(*comment)) for ref, text, _, comment, _, label in rows]


# ---------------------------------------------------------------------------
# 16. Word: report details, contents and membership tables before the recommendations,
# and a table of background papers after them, none of which holds recommendations.


@paper("Stockton-on-Tees Borough Council")
def stockton_adult_learning(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That the Council maps the adult learning offered by the Council, colleges and voluntary "
            "groups in the borough and publishes it in one place online.",
            "Accepted",
            "agree",
            "An online directory of adult learning will be launched on the Council’s website in "
            "September 2025.",
            "Learning and Skills Manager",
            "September 2025",
        ),
        (
            "2",
            "That English for Speakers of Other Languages classes are offered in every town in the "
            "borough, with evening classes for those in work.",
            "Partially accepted",
            "in_part",
            "Classes will be offered in Stockton, Thornaby, Billingham and Ingleby Barwick from "
            "September 2025. Evening classes will start at two venues and will be extended if demand "
            "is shown.",
            "Learning and Skills Manager",
            "September 2025",
        ),
        (
            "3",
            "That the Council pays the course fees of all residents aged over 60 who enrol on adult "
            "learning courses.",
            "Not accepted",
            "disagree",
            "The Adult Skills Fund, devolved to the Tees Valley Combined Authority, sets the rules on "
            "fees. The Council will continue to waive fees for residents on means-tested benefits.",
            "Director of Adults, Health and Wellbeing",
            "N/A",
        ),
        (
            "4",
            "That the Council works with the Tees Valley Combined Authority to provide digital skills "
            "courses in every library.",
            "Accepted",
            "agree",
            "Courses will run in all ten libraries from January 2026.",
            "Library and Information Manager",
            "January 2026",
        ),
        (
            "5",
            "That the Committee receives a report on learner numbers and outcomes each year.",
            "Accepted",
            "agree",
            "The first annual report will come to the Committee in November 2025.",
            "Learning and Skills Manager",
            "November 2025",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "Stockton-on-Tees Borough Council", 14)
    _bold_paragraph(document, "Scrutiny Review of Adult Community Learning: Cabinet response and action plan")
    details = document.add_table(rows=0, cols=2)
    details.style = "Table Grid"
    for label, value in [
        ("Report to", "Cabinet"),
        ("Date of meeting", "10 April 2025"),
        ("Cabinet Member", "Cabinet Member for Adult Social Care – Councillor Denise Harker"),
        ("Report of", "People Select Committee"),
        ("Wards affected", "All wards"),
        ("Key decision", "No"),
    ]:
        cells = details.add_row().cells
        _fill_cell(cells[0], label, bold=True)
        _fill_cell(cells[1], value)
    document.add_paragraph()
    _bold_paragraph(document, "Contents", 11)
    _word_table(
        document,
        ["Section", "Page"],
        [
            ["1. Summary", "2"],
            ["2. Membership of the Committee", "3"],
            ["3. Recommendations and Cabinet response", "4"],
            ["Appendix A: Background papers", "7"],
        ],
        [12, 3],
    )
    _bold_paragraph(document, "1. Summary", 11)
    document.add_paragraph(
        "The People Select Committee reviewed the Council’s adult community learning service between "
        "June and December 2024. The Committee found that learner numbers had recovered to their "
        "level before the pandemic but that too few residents knew what was on offer."
    )
    _bold_paragraph(document, "2. Membership of the Committee", 11)
    _word_table(
        document,
        ["Councillor", "Role"],
        [
            ["Councillor Maureen Cairns", "Chair"],
            ["Councillor Carol Hebden", "Vice-Chair"],
            ["Councillor Susan Lumley", "Member"],
            ["Councillor Philip Redfearn", "Member"],
        ],
        [9, 6],
    )
    _bold_paragraph(document, "3. Recommendations and Cabinet response", 11)
    document.add_paragraph(
        "The Cabinet’s response to each of the Committee’s recommendations is set out below."
    )
    _word_table(
        document,
        [
            "Rec.",
            "Recommendation",
            "Accepted?",
            "Cabinet Response",
            "Responsible Officer",
            "Date for completion",
        ],
        [
            [ref, text, wording, comment, officer, when]
            for ref, text, wording, _, comment, officer, when in rows
        ],
        [1.2, 5.0, 2.2, 5.0, 2.4, 2.2],
    )
    _bold_paragraph(document, "Appendix A: Background papers", 11)
    _word_table(
        document,
        ["Document", "Date"],
        [
            [
                "People Select Committee – Scrutiny Review of Adult Community Learning: Scope and Project Plan",
                "June 2024",
            ],
            ["Adult Learning Service self-assessment report 2023/24", "November 2024"],
        ],
        [12, 3],
    )
    path = directory / "stockton-adult-community-learning-review-cabinet-response.docx"
    document.save(path)
    return path, [rec(ref, text, label, comment) for ref, text, _, label, comment, *_ in rows]


# ---------------------------------------------------------------------------
# 17. PDF "Cabinet Member response": the reference leads the recommendation ("1)") and
# the decision leads the response ("Accepted – ...").


@paper("Derbyshire County Council")
def derbyshire_road_safety_pdf(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1)",
            "That 20mph limits are introduced outside every primary school on a road with a 30mph limit "
            "where the community asks for one.",
            "in_part",
            "Partially accepted – 20mph limits will be introduced outside schools where the speed survey "
            "shows they would be effective. A request from the community alone will not be enough.",
            "Head of Highway Network",
            "From April 2025",
        ),
        (
            "2)",
            "That the School Crossing Patrol service is kept at its present level.",
            "agree",
            "Accepted – No reductions to the service are planned. Vacant patrol sites will continue to be "
            "advertised.",
            "Road Safety Manager",
            "Ongoing",
        ),
        (
            "3)",
            "That the County Council installs average speed cameras on the A6 between Matlock and Bakewell.",
            "disagree",
            "Not accepted – Cameras are a matter for the Derbyshire Road Safety Partnership, whose "
            "criteria the route does not currently meet. The route will be kept under review.",
            "Head of Highway Network",
            "N/A",
        ),
        (
            "4)",
            "That every school is offered a School Street trial, closing the road outside the school "
            "to traffic at the start and end of the day.",
            "agree",
            "Accepted – Five trials will run in 2025/26 and further schools will be invited to apply "
            "from September 2026.",
            "Active Travel Manager",
            "September 2025",
        ),
        (
            "5)",
            "That the Improvement and Scrutiny Committee receives an update on road casualty figures "
            "around schools every year.",
            "agree",
            "Accepted – The annual road safety report will include figures for school journeys.",
            "Road Safety Manager",
            "Annual, from June 2025",
        ),
    ]
    story = [
        Paragraph("Derbyshire County Council", _TITLE),
        Paragraph("Improvement and Scrutiny Committee – Places", _SUBTITLE),
        Paragraph("Review of road safety outside schools", _SUBTITLE),
        Paragraph("Cabinet Member response", _SUBTITLE),
        Paragraph(
            escape(
                "Councillor Claire Ashworth, Cabinet Member for Highways Assets and Transport, responded "
                "to the Committee’s recommendations at Cabinet on 13 February 2025."
            ),
            _BODY,
        ),
        Spacer(1, 10),
        _pdf_table(
            ["Recommendation", "Cabinet Member response", "Officer responsible", "Timescale"],
            [[f"{ref} {text}", comment, officer, when] for ref, text, _, comment, officer, when in rows],
            [6.0, 6.5, 2.5, 2.0],
        ),
    ]
    path = directory / "derbyshire-road-safety-review-cabinet-member-response.pdf"
    _pdf(path, story, footer="Derbyshire County Council")
    return path, [rec(ref, text, label, comment) for ref, text, label, comment, *_ in rows]


# ---------------------------------------------------------------------------
# 18. PDF exported from Word, where a long row breaks across the page: the rest of
# its cells carry on under the header repeated at the top of the next page.


@paper("Shropshire Council")
def shropshire_mental_health_pdf(directory: Path) -> tuple[Path, Expected]:
    rows = [
        (
            "1",
            "That every secondary school in Shropshire is offered a Mental Health Support Team by "
            "September 2026.",
            "Agreed",
            "agree",
            [
                "Mental Health Support Teams now cover 14 of the county’s 21 secondary schools. The "
                "NHS has agreed to fund two further teams from April 2026, which will cover the "
                "remaining schools."
            ],
        ),
        (
            "2",
            "That waiting times for a first appointment with the Child and Adolescent Mental Health "
            "Service are reported to the People Overview Committee every quarter.",
            "Agreed",
            "agree",
            [
                "Quarterly figures will be provided by the NHS Shropshire, Telford and Wrekin Integrated "
                "Care Board from the July 2025 meeting."
            ],
        ),
        (
            "3",
            "That the Council funds a counselling service for children and young people aged 11 to 18 "
            "that they can refer themselves to, without going through their school or their GP.",
            "Partially agreed",
            "in_part",
            [
                "The Council recognises the evidence the Task and Finish Group heard from young people "
                "that they do not always want to approach a teacher or their GP, and that some of them "
                "have waited many months for support after a referral was made on their behalf. The "
                "Group’s report sets out clearly how a service that young people can contact "
                "themselves would help them earlier, before their difficulties grow.",
                "The Council already funds the Kooth online counselling service, which any young person "
                "aged 11 to 18 in Shropshire can use without a referral, at any time of the day or "
                "night. Use of Kooth has risen by 38% in the last year, and young people rate it highly. "
                "The contract will be extended for a further two years from April 2025.",
                "A face-to-face counselling service that young people can refer themselves to would "
                "cost in the region of £400,000 a year. There is no provision for this in the Medium "
                "Term Financial Strategy, and the Council cannot commit to funding it at this time. "
                "Officers will, however, work with the Integrated Care Board and the voluntary sector "
                "to bid for national funding for a pilot in Shrewsbury and Oswestry, and will report "
                "the outcome of any bid to the People Overview Committee.",
                "In the meantime, the Council will make sure that information about Kooth and the other "
                "services young people can contact directly is given to every pupil in year 7 and year "
                "10, and is available in libraries and youth settings across the county.",
            ],
        ),
        (
            "4",
            "That all school staff are offered training in mental health first aid.",
            "Agreed",
            "agree",
            [
                "The training will be offered to every school through the Shropshire Learning Gateway. "
                "Take-up will be reported to the Committee each year."
            ],
        ),
        (
            "5",
            "That the Council writes to the Secretary of State for Education calling for mental health "
            "to be given equal weight to physical health in the school inspection framework.",
            "Not agreed",
            "disagree",
            [
                "The new inspection framework already looks at pupils’ wellbeing and personal "
                "development. The Council does not consider that a letter would add to this."
            ],
        ),
        (
            "6",
            "That the Committee reviews progress against these recommendations in twelve months.",
            "Agreed",
            "agree",
            ["A report will be brought to the People Overview Committee in May 2026."],
        ),
    ]
    background = [
        "1.1 The People Overview Committee set up a Task and Finish Group in June 2024 to look at "
        "the support available to children and young people in Shropshire with mental health needs. "
        "The Group met eight times, heard from head teachers, school nurses, the Child and Adolescent "
        "Mental Health Service, voluntary groups and, most of all, from young people themselves.",
        "1.2 The Group’s report was agreed by the Committee on 16 December 2024 and made six "
        "recommendations to Cabinet. Under the Council’s Overview and Scrutiny Procedure Rules, "
        "Cabinet must respond within two months.",
        "1.3 Cabinet considered the report on 12 February 2025. Its response to each recommendation is "
        "set out in the table below. Where a recommendation is only partly agreed, the comment explains "
        "which parts the Council will take forward.",
        "1.4 The Task and Finish Group asked that its thanks be recorded to the young people of the "
        "Shropshire Youth Parliament, who gave evidence to two of its meetings.",
    ]
    story = [
        Paragraph("Shropshire Council", _TITLE),
        Paragraph("Cabinet – 12 February 2025", _BODY),
        Paragraph(
            escape(
                "Response to the recommendations of the People Overview Committee’s Task and Finish "
                "Group on children and young people’s mental health"
            ),
            _SUBTITLE,
        ),
        Paragraph(
            "Responsible Cabinet Member: Councillor Kirsty Hollins, Portfolio Holder for Children and "
            "Education",
            _BODY,
        ),
        Spacer(1, 8),
        Paragraph("1. Background", _SUBTITLE),
        *[Paragraph(escape(text), _BODY) for text in background],
        Spacer(1, 8),
        Paragraph("2. Cabinet response", _SUBTITLE),
    ]
    header = [
        "Rec. no.",
        "Recommendation",
        "Cabinet response: Agreed / Not agreed / Partially agreed",
        "Comment",
    ]
    widths = [1.6, 5.6, 3.0, 6.8]
    # Word breaks row 3 at the foot of page 1: the rest of its comment carries on in the
    # first row on page 2, under the repeated header, with its other cells empty.
    long_ref, long_text, long_wording, _, long_comment = rows[2]
    opening, second = long_comment[0], long_comment[1]
    break_at = second.index(" Use of Kooth")
    on_page_one = [opening, second[:break_at]]
    on_page_two = [second[break_at + 1 :], *long_comment[2:]]
    first_rows = [[ref, text, wording, comment] for ref, text, wording, _, comment in rows[:2]]
    first_rows.append([long_ref, long_text, long_wording, on_page_one])
    later_rows = [["", "", "", on_page_two]]
    later_rows += [[ref, text, wording, comment] for ref, text, wording, _, comment in rows[3:]]
    story += [_pdf_table(header, first_rows, widths), PageBreak(), _pdf_table(header, later_rows, widths)]
    path = directory / "shropshire-children-mental-health-task-and-finish-group-cabinet-response.pdf"
    _pdf(path, story, footer="Shropshire Council – Cabinet, 12 February 2025")
    return path, [rec(ref, text, label, para(*comment)) for ref, text, _, label, comment in rows]


# ---------------------------------------------------------------------------
# 19. Word, numbered by Word itself (the recommendation paragraphs are an automatic
# numbered list, so "1." is shown but not typed), decisions typed with a full stop,
# one response cell merged down over two recommendations, a line break inside a cell.


@paper("Essex County Council")
def essex_school_readiness(directory: Path) -> tuple[Path, Expected]:
    joint = [
        "Recommendations 3 and 4 are answered together.",
        "Family hubs in all twelve districts now run stay and play sessions, and health visitors "
        "refer families to them at the two-year review. From September 2025 the sessions will be "
        "advertised through every early years setting and GP surgery.",
    ]
    rows = [
        (
            "That the Council sets a target for the proportion of children reaching a good level of "
            "development at the end of Reception, and reports progress against it each year.",
            "Agreed.",
            "agree",
            [
                "A target of 72% by 2028 has been set in the Early Years Strategy. Progress will be "
                "reported to the Committee each January."
            ],
            "Director, Education",
        ),
        (
            "That every family eligible for 15 hours of free childcare for two-year-olds is contacted "
            "directly and offered help to find a place.",
            "Agreed in part.",
            "in_part",
            [
                "Every eligible family is already sent a letter.",
                "Telephone calls to families who have not taken up a place will be made in the three "
                "districts with the lowest take-up, Tendring, Harlow and Basildon, from April 2025.",
            ],
            "Head of Early Years",
        ),
        (
            "That stay and play sessions are available in every district.",
            "Agreed.",
            "agree",
            joint,
            "Head of Family Hubs",
        ),
        (
            "That health visitors refer families to stay and play sessions at the two-year review.",
            "Agreed.",
            "agree",
            joint,
            "Head of Family Hubs",
        ),
        (
            "That the Council funds a speech and language therapist in every family hub.",
            "Not agreed.",
            "disagree",
            [
                "Speech and language therapy is commissioned by the NHS. The Council will continue to "
                "fund the Early Talk Boost programme in early years settings, which trained 410 staff "
                "last year."
            ],
            "Head of Early Years",
        ),
    ]
    document = _word()
    _bold_paragraph(document, "Essex County Council", 14)
    document.add_paragraph("People and Families Policy and Scrutiny Committee")
    _bold_paragraph(document, "Scrutiny review of school readiness: Cabinet Member response")
    document.add_paragraph("Cabinet Member for Education Excellence, Lifelong Learning and Employability")
    document.add_paragraph("Date:\xa027\xa0March 2025")
    table = _word_table(
        document,
        ["Recommendation", "Agreed / Not agreed", "Cabinet Member response", "Lead"],
        [],
    )
    for text, wording, _, comment, lead in rows:
        cells = table.add_row().cells
        cells[0].text = ""
        numbered = cells[0].paragraphs[0]
        numbered.style = document.styles["List Number"]
        numbered.add_run(text)
        _fill_cell(cells[1], wording)
        _fill_cell(cells[3], lead)
        if comment is joint and len(table.rows) == 5:
            continue  # the second of the pair: filled by the merge below
        first, *rest = comment
        _fill_cell(cells[2], "")
        paragraph = cells[2].paragraphs[0]
        if rest and comment is not joint:
            # one response typed as two lines with Shift+Enter, not as two paragraphs
            paragraph.add_run(first).add_break()
            paragraph.add_run(" ".join(rest))
        else:
            paragraph.add_run(first)
            for more in rest:
                cells[2].add_paragraph(more)
    # Rows 4 and 5 (recommendations 3 and 4) share one response cell, merged down.
    upper, lower = table.cell(3, 2), table.cell(4, 2)
    upper.merge(lower)
    for row in table.rows:
        for cell, width in zip(row.cells, [7.0, 2.4, 6.0, 2.6], strict=True):
            cell.width = Cm(width)
    document.add_paragraph()
    document.add_paragraph(
        "Councillor Tony Ballard, Cabinet Member for Education Excellence, Lifelong Learning and "
        "Employability"
    )
    path = directory / "essex-school-readiness-scrutiny-review-cabinet-member-response.docx"
    document.save(path)
    return path, [
        rec(f"{number}.", text, label, para(*comment))
        for number, (text, _, label, comment, _) in enumerate(rows, start=1)
    ]


# ---------------------------------------------------------------------------
# 20. Excel monitoring sheet with headings over two rows (merged group headings over
# "Decision" / "Comment" and "Update" / "RAG") and merged theme rows.


@paper("Cheshire West and Chester Council")
def cheshire_west_obesity_xlsx(directory: Path) -> tuple[Path, Expected]:
    themes = [
        (
            "Theme A: Healthy places",
            [
                (
                    "AO1",
                    "That the Council adopts a supplementary planning document restricting new hot food "
                    "takeaways within 400 metres of a secondary school.",
                    "Agreed",
                    "agree",
                    "A draft supplementary planning document will go out to consultation in the autumn.",
                    "Consultation draft being prepared.",
                    "Green",
                ),
                (
                    "AO2",
                    "That advertising of foods high in fat, sugar and salt is banned on all Council-owned "
                    "advertising sites.",
                    "Partially agreed",
                    "in_part",
                    "The ban will apply to new advertising contracts from 2026. Existing contracts cannot "
                    "be changed without compensation.",
                    "Advertising policy revised; applies to contracts let from January 2026.",
                    "Amber",
                ),
            ],
        ),
        (
            "Theme B: Support for residents",
            [
                (
                    "AO3",
                    "That the adult weight management service is available in every locality, including "
                    "evening and online sessions.",
                    "Agreed",
                    "agree",
                    "The service will be recommissioned from April 2026 with this requirement.",
                    "Procurement under way.",
                    "Green",
                ),
                (
                    "AO4",
                    "That free swimming is offered to all residents aged over 65.",
                    "Not agreed",
                    "disagree",
                    "Free swimming would cost Brio Leisure an estimated £310,000 a year. Discounted "
                    "swimming is available to all residents aged over 65 with a Brio card.",
                    "",
                    "",
                ),
                (
                    "AO5",
                    "That the Integrated Care Board increases the number of places on the NHS Digital "
                    "Weight Management Programme.",
                    "Noted",
                    "noted",
                    "This is a matter for the Integrated Care Board, to which the Committee’s report has "
                    "been sent.",
                    "",
                    "",
                ),
            ],
        ),
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Adult obesity review"
    sheet["A1"] = (
        "Health and Wellbeing Scrutiny Committee – Review of Adult Obesity: Recommendations Monitoring"
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = "Last updated: 1 September 2025"
    sheet["A3"], sheet["B3"], sheet["C3"], sheet["E3"] = (
        "Ref",
        "Recommendation",
        "Cabinet response",
        "Progress",
    )
    sheet["C4"], sheet["D4"], sheet["E4"], sheet["F4"] = "Decision", "Comment", "Update", "RAG"
    for merged in ("A3:A4", "B3:B4", "C3:D3", "E3:F3"):
        sheet.merge_cells(merged)
    for row in sheet.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="D9E1F2")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    line = 5
    for theme, rows in themes:
        sheet.cell(line, 1, theme).font = Font(bold=True)
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=6)
        line += 1
        for ref, text, wording, _, comment, update, rag in rows:
            for column, value in enumerate(
                [ref, text, wording, comment, update or None, rag or None], start=1
            ):
                cell = sheet.cell(line, column, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            line += 1
    for column, width in zip("ABCDEF", [8, 55, 16, 50, 40, 8], strict=True):
        sheet.column_dimensions[column].width = width
    path = directory / "cheshire-west-adult-obesity-review-monitoring.xlsx"
    workbook.save(path)
    return path, [
        rec(ref, text, label, comment) for _, rows in themes for ref, text, _, label, comment, *_ in rows
    ]


def build_all(directory: Path) -> dict[str, tuple[Path, Expected]]:
    """Every paper of the corpus built into ``directory``, by name."""
    return {name: each.build(directory) for name, each in PAPERS.items()}
