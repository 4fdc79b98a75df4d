"""A blind corpus of councils' scrutiny papers, written without reading the importer.

Each builder writes one paper into a directory the caller gives it and returns
``(path, expected)``: the file written and, in the paper's order, what an exact
reading of each recommendation is (``reference``, ``text``, ``decision`` and
``comment``). The councils, reviews and people are fictional; the furniture is
the kind real councils' agenda packs carry.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font, PatternFill
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

AGREE, IN_PART, DISAGREE, NOTED, NONE = "agree", "in_part", "disagree", "noted", ""


@dataclass
class Rec:
    """One recommendation as the paper prints it, with the reading it should get."""

    ref: str
    text: str
    decision: str  # the canonical decision an exact reading gives
    comment: str  # the executive's response as the paper gives it
    wording: str = ""  # the decision as printed in its own column, where there is one
    lead: str = ""
    target: str = ""
    rag: str = ""
    progress: str = ""
    group: str = ""  # a section heading printed before this row


def expected(recs: list[Rec]) -> list[dict[str, str]]:
    return [{"reference": r.ref, "text": r.text, "decision": r.decision, "comment": r.comment} for r in recs]


# ---------------------------------------------------------------------------
# Word helpers


def _set_cell(cell, value: str, bold: bool = False, size: float | None = None) -> None:
    """Write a cell; a newline in ``value`` starts a new paragraph, as Word does."""
    parts = value.split("\n")
    cell.text = ""
    first = cell.paragraphs[0]
    for i, part in enumerate(parts):
        paragraph = first if i == 0 else cell.add_paragraph()
        run = paragraph.add_run(part)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def _add_row(table, values: list[str], bold: bool = False, size: float | None = None):
    row = table.add_row()
    for cell, value in zip(row.cells, values, strict=True):
        _set_cell(cell, value, bold=bold, size=size)
    return row


def _add_merged_row(table, value: str, bold: bool = True, shade: str | None = "D9D9D9"):
    row = table.add_row()
    merged = row.cells[0].merge(row.cells[-1])
    _set_cell(merged, value, bold=bold)
    if shade:
        merged._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shade}"/>')
        )
    return row


def _mark_header(row) -> None:
    """Word's "Repeat as header row at the top of each page"."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _new_table(doc, cols: int):
    table = doc.add_table(rows=0, cols=cols)
    table.style = "Table Grid"
    return table


def _key_value_table(doc, pairs: list[tuple[str, str]]):
    table = _new_table(doc, 2)
    for key, value in pairs:
        row = _add_row(table, [key, value])
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True
    return table


def _landscape(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1.5)


def _letter_numbering(doc, fmt: str = "lowerLetter", text: str = "%1)") -> int:
    """Add a one-level list definition to the document and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id, num_id = 40, 40
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    first_num.addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def _number_paragraph(paragraph, num_id: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert(
        0,
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'),
    )


# ---------------------------------------------------------------------------
# PDF helpers

_SS = getSampleStyleSheet()
CELL = ParagraphStyle("cell", parent=_SS["BodyText"], fontName="Helvetica", fontSize=8.5, leading=10.5)
CELL_BOLD = ParagraphStyle("cellb", parent=CELL, fontName="Helvetica-Bold")
BODY = ParagraphStyle("body", parent=_SS["BodyText"], fontName="Helvetica", fontSize=10, leading=13)
H1 = ParagraphStyle("h1", parent=_SS["Heading1"], fontName="Helvetica-Bold", fontSize=14, leading=17)
H2 = ParagraphStyle("h2", parent=_SS["Heading2"], fontName="Helvetica-Bold", fontSize=11.5, leading=14)


def _p(text: str, style=CELL) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _numbered_canvas(header: str, footer: str):
    """A canvas that prints a running header and "Page x of y" on every page."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                width, height = self._pagesize
                self.setFont("Helvetica", 8)
                if header:
                    self.drawString(1.5 * cm, height - 1.0 * cm, header)
                self.drawString(1.5 * cm, 0.8 * cm, footer)
                self.drawRightString(width - 1.5 * cm, 0.8 * cm, f"Page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    return NumberedCanvas


GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
]


def _pdf_table(
    header: list[str], rows: list[list[str]], widths, style=None, repeat: int = 1, cell=CELL
) -> Table:
    bold = ParagraphStyle("cellbx", parent=cell, fontName="Helvetica-Bold")
    data = [[_p(h, bold) for h in header]] + [[_p(v, cell) for v in row] for row in rows]
    table = Table(data, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle(style or GRID))
    return table


def _kv_pdf_table(pairs: list[tuple[str, str]], widths) -> Table:
    data = [[_p(k, CELL_BOLD), _p(v)] for k, v in pairs]
    table = Table(data, colWidths=widths)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


# ---------------------------------------------------------------------------
# Spreadsheet helpers

WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="1F4E78")
GROUP_FILL = PatternFill("solid", fgColor="D9D9D9")


def _sheet_row(ws, row: int, values: list, bold: bool = False, fill=None) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col, value=value if value != "" else None)
        cell.alignment = WRAP
        if bold:
            cell.font = Font(bold=True, color="FFFFFF") if fill is HEAD_FILL else BOLD
        if fill is not None:
            cell.fill = fill


def _widths(ws, widths: list[float]) -> None:
    for i, width in enumerate(widths):
        ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = width


# ===========================================================================
# The papers
# ===========================================================================


def kingsmead_temporary_accommodation(directory: Path):
    """Word. London borough: cover "Report details" table, then the response table with
    merged theme headings, its own decision column, then a "Background papers" table."""
    lead_a, lead_b = "Head of Housing Needs", "Temporary Accommodation Manager"
    recs = [
        Rec(
            "1",
            "That the Council publishes a temporary accommodation placement policy setting out how and where households are placed, including the criteria for out-of-borough placements.",
            AGREE,
            "The placement policy will be refreshed and published on the Council’s website following consultation with partners. It will set out the factors considered when offering out-of-borough accommodation.",
            "Agreed",
            lead_a,
            "September 2024",
            group="Theme 1: Preventing homelessness",
        ),
        Rec(
            "2",
            "That a dedicated prevention officer is based in each of the three family hubs at least one day a week.",
            IN_PART,
            "Funding from the Homelessness Prevention Grant will allow officers to attend two of the three hubs weekly. The third hub will be covered by a monthly drop-in until further funding is identified.",
            "Partially agreed",
            lead_a,
            "June 2024",
        ),
        Rec(
            "3",
            "That the Council writes to the Secretary of State calling for Local Housing Allowance rates to be restored to the 30th percentile of local rents.",
            AGREE,
            "The Leader wrote to the Secretary of State on 2 February 2024. A copy of the letter is available on request.",
            "Agreed",
            "Director of Housing",
            "Complete",
        ),
        Rec(
            "4",
            "That landlords of nightly-paid accommodation are required to sign up to the Council’s Temporary Accommodation Charter as a condition of any booking.",
            AGREE,
            "The Charter will be made a condition of the framework agreement when it is re-procured in 2024/25. Existing providers will be asked to sign up voluntarily in the meantime.",
            "Agreed",
            lead_b,
            "April 2025",
            group="Theme 2: Quality of temporary accommodation",
        ),
        Rec(
            "5",
            "That every household placed in temporary accommodation receives an inspection of their unit within ten working days of moving in.",
            DISAGREE,
            "The service does not have the capacity to inspect every unit within ten working days. Instead, all units will be inspected before first use and a risk-based programme of re-inspection will follow.",
            "Not agreed",
            lead_b,
            "N/A",
        ),
        Rec(
            "6",
            "That residents in temporary accommodation are given a single named caseworker and a direct telephone number.",
            AGREE,
            "",
            "Agreed",
            lead_b,
            "July 2024",
        ),
        Rec(
            "7",
            "That the Housing Scrutiny Commission receives a six-monthly report on the number of families in bed and breakfast accommodation for longer than six weeks.",
            AGREE,
            "Reports will be scheduled in the Commission’s work programme from July 2024.",
            "Agreed",
            "Scrutiny Officer",
            "July 2024",
            group="Theme 3: Oversight",
        ),
        Rec(
            "8",
            "That the Council explores the purchase of up to 100 homes for use as temporary accommodation, funded through prudential borrowing.",
            IN_PART,
            "A business case for the purchase of 50 homes is being prepared for Cabinet in June 2024. The number will be reviewed once the first acquisitions have been evaluated.",
            "Partially agreed",
            "Director of Housing",
            "June 2024",
        ),
    ]
    doc = docx.Document()
    _landscape(doc)
    doc.add_paragraph("Royal Borough of Kingsmead").runs[0].bold = True
    doc.add_paragraph("Cabinet – 14 March 2024")
    doc.add_heading("Report details", level=2)
    _key_value_table(
        doc,
        [
            (
                "Report title",
                "Executive response to the Housing Scrutiny Commission review of temporary accommodation",
            ),
            ("Report of", "Director of Housing"),
            ("Cabinet Member", "Councillor Priya Okonjo, Cabinet Member for Housing"),
            ("Wards affected", "All wards"),
            ("Key decision", "No"),
            ("Classification", "Open"),
        ],
    )
    doc.add_paragraph("")
    doc.add_heading("1. Recommendations", level=2)
    doc.add_paragraph(
        "1.1 That Cabinet agrees the responses to the recommendations of the Housing Scrutiny Commission set out in Appendix 1."
    )
    doc.add_heading("Appendix 1: Response to recommendations", level=2)
    header = [
        "No.",
        "Scrutiny recommendation",
        "Cabinet Member decision",
        "Response from the Executive",
        "Lead officer",
        "Target completion",
    ]
    table = _new_table(doc, len(header))
    _mark_header(_add_row(table, header, bold=True))
    for r in recs:
        if r.group:
            _add_merged_row(table, r.group)
        _add_row(table, [r.ref, r.text, r.wording, r.comment, r.lead, r.target])
    doc.add_paragraph("")
    doc.add_heading("Background papers", level=2)
    bg = _new_table(doc, 2)
    _add_row(bg, ["Document", "Location"], bold=True)
    _add_row(
        bg,
        [
            "Housing Scrutiny Commission – Review of temporary accommodation, final report (November 2023)",
            "Democratic Services, Kingsmead Town Hall",
        ],
    )
    _add_row(bg, ["Homelessness and Rough Sleeping Strategy 2022–2027", "www.kingsmead.gov.uk/housing"])
    path = directory / "kingsmead-cabinet-response-temporary-accommodation.docx"
    doc.save(path)
    return path, expected(recs)


def northbridge_highways(directory: Path):
    """Word. County council: reference at the start of the recommendation text ("1. That…"),
    decision only at the start of the response ("Agreed.", "Accepted –"), a merged title
    row inside the table, and a response of several paragraphs."""
    recs = [
        Rec(
            "1.",
            "That the Cabinet adopts a ‘fix first time’ approach to pothole repairs on all A and B roads.",
            AGREE,
            "Agreed. A ‘fix first time’ standard has been included in the new highways term contract, which begins on 1 April 2025.",
            target="April 2025",
        ),
        Rec(
            "2.",
            "That the Council publishes an online map showing the location and status of every reported defect.",
            IN_PART,
            "Agreed in part. The existing FixMyStreet integration shows reported defects. Completed repairs will be added to the map, but the inspection history of each defect will not be published because of the cost of changing the system.",
            target="December 2025",
        ),
        Rec(
            "3.",
            "That parish and town councils are offered the opportunity to commission minor repairs directly from the term contractor.",
            DISAGREE,
            "Not agreed. Legal advice is that a direct commissioning route would breach the terms of the procurement. Parishes can continue to fund schemes through the Local Highways Improvement Fund.",
            target="–",
        ),
        Rec(
            "4.",
            "That the Cabinet lobbies Government for a multi-year settlement for highways maintenance funding.",
            AGREE,
            "Accepted – the Leader and the Cabinet Member for Highways raised this with the Minister for Roads in November 2024 and will continue to do so through the County Councils Network.",
            target="Ongoing",
        ),
        Rec(
            "5.",
            "That drainage gullies on routes with a history of flooding are cleansed at least twice a year.",
            AGREE,
            "Agreed.\nA risk-based cleansing programme has been drawn up with the Lead Local Flood Authority.\nGullies on the 212 roads with a recorded flooding history will be cleansed twice a year from 2025/26.",
            target="2025/26",
        ),
        Rec(
            "6.",
            "That the Task and Finish Group’s findings are shared with the Local Access Forum.",
            NOTED,
            "Noted. The report will be circulated to the Forum ahead of its next meeting.",
            target="March 2025",
        ),
        Rec(
            "7.",
            "That the Cabinet Member reports back to the Place Overview and Scrutiny Committee on progress in twelve months.",
            AGREE,
            "Agreed. A report will be brought to the Committee in January 2026.",
            target="January 2026",
        ),
    ]
    doc = docx.Document()
    doc.add_paragraph("NORTHBRIDGE COUNTY COUNCIL").runs[0].bold = True
    doc.add_paragraph("CABINET\n5 February 2025")
    doc.add_paragraph("Report of the Cabinet Member for Highways and Transport, Councillor Martin Feltham")
    doc.add_heading("Response to the Highways Maintenance Task and Finish Group", level=1)
    doc.add_paragraph(
        "1. The Place Overview and Scrutiny Committee established a Task and Finish Group in June 2024 to examine the "
        "condition of the county’s roads. Its report was received by the Committee on 11 November 2024 and its seven "
        "recommendations are set out below with the proposed response."
    )
    doc.add_paragraph("2. Cabinet is asked to approve the responses in Appendix A.")
    table = _new_table(doc, 3)
    _add_merged_row(
        table, "Appendix A – Executive response to the Highways Maintenance Task and Finish Group", shade=None
    )
    _add_row(table, ["Recommendation", "Response", "Timescale"], bold=True)
    for r in recs:
        _add_row(table, [f"{r.ref} {r.text}", r.comment, r.target])
    doc.add_paragraph("Contact officer: Sarah Whitlock, Head of Highway Asset Management")
    path = directory / "northbridge-cabinet-highways-task-group-response.docx"
    doc.save(path)
    return path, expected(recs)


def ashdown_leisure(directory: Path):
    """Word. District council: the number is drawn by Word's "List Number" style, the
    decision column is headed "Accepted / Rejected / Partially accepted"."""
    recs = [
        Rec(
            "1.",
            "The Council should require the leisure operator to publish quarterly usage figures for each centre, broken down by activity.",
            AGREE,
            "Quarterly reporting will be added to the contract monitoring schedule from the next quarter.",
            "Accepted",
        ),
        Rec(
            "2.",
            "Concessionary prices for residents on means-tested benefits should be extended to swimming lessons for children.",
            IN_PART,
            "The operator has agreed to extend concessions to group lessons. Private one-to-one lessons will remain at full price.",
            "Partially accepted",
        ),
        Rec(
            "3.",
            "The Council should bring the leisure service back in-house when the current contract ends in 2027.",
            DISAGREE,
            "An options appraisal carried out in 2023 found that in-house delivery would cost the Council an additional £640,000 a year, largely because of business rates relief available to the operator’s charitable trust.",
            "Rejected",
        ),
        Rec(
            "4.",
            "A users’ forum should be set up at each leisure centre and meet at least twice a year.",
            AGREE,
            "",
            "Accepted",
        ),
        Rec(
            "5.",
            "The Council should carry out a condition survey of Ashdown Pool before any decision about its future is made.",
            AGREE,
            "A condition survey was commissioned in May 2024 and will report in the autumn.",
            "Accepted",
        ),
        Rec(
            "6.",
            "Members should note the operator’s improved customer satisfaction scores since 2022.",
            NOTED,
            "The satisfaction scores will continue to be reported to the Overview and Scrutiny Committee annually.",
            "Noted",
        ),
    ]
    doc = docx.Document()
    doc.add_paragraph("Ashdown District Council")
    doc.add_heading("Overview and Scrutiny Committee – Leisure Contract Review", level=1)
    doc.add_paragraph("Response of the Cabinet, 18 July 2024")
    doc.add_paragraph(
        "The Committee’s review of the leisure management contract was reported to Cabinet on 20 June 2024. "
        "Officers have considered each recommendation and the Cabinet’s response is given below."
    )
    table = _new_table(doc, 3)
    _add_row(
        table, ["Recommendation", "Accepted / Rejected / Partially accepted", "Officer comments"], bold=True
    )
    for r in recs:
        row = table.add_row()
        paragraph = row.cells[0].paragraphs[0]
        paragraph.style = doc.styles["List Number"]
        paragraph.add_run(r.text)
        _set_cell(row.cells[1], r.wording)
        _set_cell(row.cells[2], r.comment)
    table.add_row()  # the empty last row a table so often ends with
    doc.add_paragraph("Officer contact: Gareth Penrose, Leisure and Culture Manager, 01632 960412")
    path = directory / "ashdown-leisure-contract-review-cabinet-response.docx"
    doc.save(path)
    return path, expected(recs)


def teifi_welsh_medium(directory: Path):
    """Word. Welsh county borough: "R1" references, a Yes/No/Partly column, a bilingual
    response heading, and the table pasted in two parts so its header appears twice."""
    recs = [
        Rec(
            "R1",
            "That the Council increases the number of Welsh-medium Cylch Meithrin places in the north of the county by at least 40 places by 2026.",
            AGREE,
            "Capital funding of £1.2 million has been secured through the Welsh Government’s Welsh-medium Capital Grant to expand provision at Ysgol Gynradd Bryn Teg and Llanfair.",
            "Yes",
            "Head of Education Inclusion",
            "September 2026",
        ),
        Rec(
            "R2",
            "That information about the benefits of Welsh-medium education is given to parents at the 18-month health visitor check.",
            AGREE,
            "The Health Board has agreed to include the Council’s ‘Bod yn Ddwyieithog’ leaflet in the pack given at the check.",
            "Yes",
            "Welsh Language Officer",
            "April 2025",
        ),
        Rec(
            "R3",
            "That free transport is provided to any Welsh-medium nursery setting regardless of distance.",
            DISAGREE,
            "The Council’s Learner Travel Policy already exceeds the statutory minimum. Extending free transport to all nursery settings would cost an estimated £310,000 a year, which cannot be met from the current budget.",
            "No",
            "Head of Transport",
            "–",
        ),
        Rec(
            "R4",
            "That the Council works with Mudiad Meithrin to recruit and train Welsh-speaking early years practitioners.",
            IN_PART,
            "The Council will continue to fund the Cam wrth Gam training scheme. A dedicated recruitment campaign will be considered as part of the 2025/26 budget.",
            "Partly",
            "Early Years Manager",
            "March 2026",
        ),
        Rec(
            "R5",
            "That the Welsh in Education Strategic Plan annual report includes data on transition from Welsh-medium early years settings into Welsh-medium primary education.",
            AGREE,
            "This will be included from the 2024 annual report.",
            "Yes",
            "WESP Co-ordinator",
            "July 2024",
        ),
        Rec(
            "R6",
            "That the Committee receives an update on progress in twelve months’ time.",
            AGREE,
            "",
            "Yes",
            "Scrutiny Officer",
            "June 2025",
        ),
        Rec(
            "R7",
            "That a Welsh-medium childcare setting is opened at the new Parc Menter business park.",
            DISAGREE,
            "The site developer has not identified a suitable building. The Council will keep the proposal under review.",
            "No",
            "Early Years Manager",
            "–",
        ),
    ]
    doc = docx.Document()
    _landscape(doc)
    doc.add_paragraph("Cyngor Bwrdeistref Sirol Dyffryn Teifi\nTeifi Valley County Borough Council")
    doc.add_heading(
        "Pwyllgor Craffu Plant a Phobl Ifanc\nChildren and Young People Scrutiny Committee", level=1
    )
    doc.add_paragraph("13 June 2024")
    doc.add_paragraph(
        "Executive response to the Task and Finish Group report: Welsh-medium early years provision"
    )
    header = [
        "Rec No.",
        "Recommendation",
        "Accepted (Yes/No)",
        "Executive Member's response / Ymateb yr Aelod Cabinet",
        "Responsible Officer",
        "By when",
    ]
    table = _new_table(doc, len(header))
    _mark_header(_add_row(table, header, bold=True))
    for i, r in enumerate(recs):
        if i == 4:
            _add_row(table, header, bold=True)
        _add_row(table, [r.ref, r.text, r.wording, r.comment, r.lead, r.target])
    doc.add_paragraph("Councillor Eleri Pughe, Executive Member for Education and Welsh Language")
    path = directory / "teifi-cyp-scrutiny-welsh-medium-early-years.docx"
    doc.save(path)
    return path, expected(recs)


def strathallan_school_transport(directory: Path):
    """Word. Scottish council: no references at all, "The Committee recommends that…",
    the decision column after the response ("Accepted / Not accepted")."""
    recs = [
        Rec(
            "",
            "The Committee recommends that the Council reviews the safety of all designated walking routes to school before the start of the 2025/26 session.",
            AGREE,
            "All 64 designated routes will be re-assessed by Roads and Transportation using the national guidance.",
            "Accepted",
            "Service Manager, Roads and Transportation",
            "August 2025",
        ),
        Rec(
            "",
            "The Committee recommends that parents are notified of changes to school bus routes at least four weeks in advance.",
            AGREE,
            "Operators will be required to give six weeks’ notice of any changes so that the four-week notification to parents can be met.",
            "Accepted",
            "Passenger Transport Manager",
            "Immediate",
        ),
        Rec(
            "",
            "The Committee recommends that the distance threshold for free school transport for secondary pupils is reduced from three miles to two miles.",
            DISAGREE,
            "The estimated cost of £1.9 million a year is not affordable within the Council’s current financial position.",
            "Not accepted",
            "Chief Education Officer",
            "n/a",
        ),
        Rec(
            "",
            "The Committee recommends that the Council introduces a single online application and appeals process for school transport.",
            IN_PART,
            "A single application form will be introduced in 2025. Integrating the appeals process will depend on the replacement of the education management system.",
            "Accepted in principle",
            "Head of Digital Services",
            "2026",
        ),
        Rec(
            "",
            "The Committee recommends that all drivers and escorts on contracted school transport complete additional support needs awareness training.",
            AGREE,
            "Training will be a contract requirement from August 2025.",
            "Accepted",
            "Passenger Transport Manager",
            "August 2025",
        ),
        Rec(
            "",
            "The Committee recommends that an annual report on school transport is presented to the Education Committee.",
            AGREE,
            "",
            "Accepted",
            "Chief Education Officer",
            "Annually",
        ),
    ]
    doc = docx.Document()
    doc.add_paragraph("STRATHALLAN COUNCIL")
    doc.add_paragraph("Audit and Scrutiny Committee – 27 February 2025")
    doc.add_heading("Scrutiny review of school transport: response to recommendations", level=1)
    doc.add_paragraph("Report by Executive Director, Education and Children’s Services")
    doc.add_heading("1. Purpose", level=2)
    doc.add_paragraph(
        "1.1 This report sets out the response of the Education Committee to the six recommendations of the Audit and Scrutiny Committee’s review of school transport."
    )
    doc.add_heading("2. Response to recommendations", level=2)
    header = ["Recommendation", "Response", "Accepted / Not accepted", "Responsible officer", "Timescale"]
    table = _new_table(doc, len(header))
    _add_row(table, header, bold=True)
    for r in recs:
        _add_row(table, [r.text, r.comment, r.wording, r.lead, r.target])
    doc.add_heading("3. Implications", level=2)
    doc.add_paragraph(
        "3.1 Financial: there are no additional costs arising from the accepted recommendations beyond those already in the revenue budget."
    )
    path = directory / "strathallan-audit-scrutiny-school-transport.docx"
    doc.save(path)
    return path, expected(recs)


def wyvern_night_time_economy(directory: Path):
    """Word. Borough council: "a)" drawn by a Word list definition applied directly to the
    recommendation paragraphs, column "What the committee recommended", decision last
    in "Supported" words."""
    recs = [
        Rec(
            "a)",
            "That the Council seeks Purple Flag accreditation for the town centre by 2026.",
            AGREE,
            "The Town Centre Partnership will lead a bid, with officer support from the Economic Development team.",
            "Supported",
        ),
        Rec(
            "b)",
            "That the late-night levy is introduced to fund additional street marshals.",
            DISAGREE,
            "The Cabinet does not consider a levy appropriate while many venues are still recovering from the pandemic. Street marshals will continue to be funded from the Business Improvement District.",
            "Not supported",
        ),
        Rec(
            "c)",
            "That taxi marshals are provided at the Market Square rank on Friday and Saturday nights.",
            IN_PART,
            "Marshals will be provided on Saturday nights from April 2025. Friday provision will be reviewed after six months.",
            "Supported in part",
        ),
        Rec(
            "d)",
            "That the Council’s licensing policy is amended to encourage later opening of cafés and other venues that do not primarily sell alcohol.",
            AGREE,
            "This will be considered as part of the statutory review of the Statement of Licensing Policy in 2025.",
            "Supported",
        ),
        Rec(
            "e)",
            "That Ask for Angela training is offered free of charge to all licensed premises in the borough.",
            AGREE,
            "Training will be offered through the Licensing team’s Pubwatch meetings.",
            "Supported",
        ),
    ]
    doc = docx.Document()
    num_id = _letter_numbering(doc)
    doc.add_paragraph("Wyvern Vale Borough Council")
    doc.add_heading("Appendix B", level=2)
    doc.add_paragraph(
        "Communities Scrutiny Panel – Review of the night-time economy: Executive response (Cabinet, 9 December 2024)"
    )
    table = _new_table(doc, 3)
    _add_row(table, ["What the committee recommended", "Executive response", "Decision"], bold=True)
    for r in recs:
        row = table.add_row()
        paragraph = row.cells[0].paragraphs[0]
        _number_paragraph(paragraph, num_id)
        paragraph.add_run(r.text)
        _set_cell(row.cells[1], r.comment)
        _set_cell(row.cells[2], r.wording)
    doc.add_paragraph("Portfolio Holder: Councillor Dev Raman, Community Safety and Licensing")
    path = directory / "wyvern-night-time-economy-executive-response.docx"
    doc.save(path)
    return path, expected(recs)


def eastmoor_young_carers(directory: Path):
    """Word converted from a PDF: the table broken into three tables at the page breaks,
    each with its header again, "Page x of 3" as paragraphs and as a row, "Rec 1"
    references, and a "Report details" table first."""
    recs = [
        Rec(
            "Rec 1",
            "Schools should be encouraged to appoint a young carers’ lead member of staff.",
            AGREE,
            "The Education Partnership Board has endorsed this and 41 of 58 schools now have a lead.",
            "Agreed",
            "Head of School Improvement",
        ),
        Rec(
            "Rec 2",
            "The Council should introduce a young carers’ identity card recognised by pharmacies, GP surgeries and schools.",
            AGREE,
            "A card will be piloted with the Carers’ Centre from September 2024.",
            "Agreed",
            "Carers Commissioning Lead",
        ),
        Rec(
            "Rec 3",
            "Young carers’ assessments should be completed within 28 days of referral.",
            DISAGREE,
            "Current staffing does not allow a 28-day standard. Performance against the existing 45-day target will be reported to the Panel quarterly.",
            "Not agreed",
            "Head of Early Help",
        ),
        Rec(
            "Rec 4",
            "Free leisure passes should be offered to all young carers known to the Council.",
            AGREE,
            "Passes will be offered through the Active Eastmoor scheme.",
            "Agreed",
            "Leisure Development Manager",
        ),
        Rec(
            "Rec 5",
            "The Council should run an awareness campaign for GPs on identifying young carers.",
            AGREE,
            "",
            "Agreed",
            "Public Health Consultant",
        ),
        Rec(
            "Rec 6",
            "A young carers’ representative should be invited to sit on the Children’s Partnership Board.",
            AGREE,
            "The Board will invite a representative from the Young Carers’ Forum from its next meeting.",
            "Agreed",
            "Partnership Manager",
        ),
        Rec(
            "Rec 7",
            "The Council should fund a dedicated young carers’ worker in each locality.",
            DISAGREE,
            "No funding is available for additional posts in 2024/25. The existing Carers’ Centre contract includes one worker covering the whole borough.",
            "Not agreed",
            "Carers Commissioning Lead",
        ),
        Rec(
            "Rec 8",
            "Progress against these recommendations should be reported to the Children’s Scrutiny Panel in twelve months.",
            AGREE,
            "A report will be scheduled for April 2025.",
            "Agreed",
            "Scrutiny Officer",
        ),
    ]
    doc = docx.Document()
    doc.add_paragraph("Eastmoor Metropolitan Borough Council")
    _key_value_table(
        doc,
        [
            ("Meeting", "Children’s Scrutiny Panel"),
            ("Date", "25 April 2024"),
            ("Report title", "Executive response to the review of support for young carers"),
            ("Report author", "Joanne Ashworth, Scrutiny Officer"),
        ],
    )
    doc.add_paragraph("")
    header = ["Rec", "Proposed recommendation", "Response", "Agreed / Not agreed", "Lead"]
    parts = [recs[0:3], recs[3:6], recs[6:8]]
    for n, part in enumerate(parts, start=1):
        table = _new_table(doc, len(header))
        _add_row(table, header, bold=True)
        for r in part:
            _add_row(table, [r.ref, r.text, r.comment, r.wording, r.lead])
        if n == 2:
            _add_merged_row(table, "Page 2 of 3", bold=False, shade=None)
        else:
            doc.add_paragraph(f"Page {n} of 3")
    path = directory / "eastmoor-young-carers-response-converted.docx"
    doc.save(path)
    return path, expected(recs)


def thornbury_fly_tipping(directory: Path):
    """Word. An action plan: "FT01" codes, "Accepted / Rejected", the executive's answer in
    an "Action to be taken" column, with Lead and By when."""
    lead = "Environmental Enforcement Manager"
    recs = [
        Rec(
            "FT01",
            "Increase the fixed penalty for fly-tipping to the statutory maximum of £1,000.",
            AGREE,
            "Delegated decision to set the new penalty level; publicise through social media and the residents’ magazine.",
            "Accepted",
            lead,
            "April 2025",
        ),
        Rec(
            "FT02",
            "Install covert CCTV at the ten worst fly-tipping hotspots.",
            AGREE,
            "Procure four redeployable cameras and rotate them around hotspots on a monthly basis.",
            "Accepted",
            lead,
            "June 2025",
        ),
        Rec(
            "FT03",
            "Introduce a free bulky waste collection for all households once a year.",
            DISAGREE,
            "No action. A free collection would cost an estimated £380,000 a year. The charge will remain, with a 50% concession for residents on benefits.",
            "Rejected",
            "Waste Services Manager",
            "–",
        ),
        Rec(
            "FT04",
            "Work with neighbouring councils on a joint enforcement campaign.",
            IN_PART,
            "Raise at the next meeting of the Waste Partnership Board and report back.",
            "Accepted in principle",
            "Head of Environment",
            "September 2025",
        ),
        Rec(
            "FT05",
            "Require landlords to provide waste information to new tenants.",
            AGREE,
            "Add a waste page to the private landlords’ newsletter and the HMO licence conditions.",
            "Accepted",
            "Private Sector Housing Manager",
            "October 2025",
        ),
        Rec(
            "FT06",
            "Report enforcement results to the Environment Scrutiny Committee twice a year.",
            AGREE,
            "Add to the Committee’s work programme for June and December.",
            "Accepted",
            "Scrutiny Officer",
            "June 2025",
        ),
    ]
    doc = docx.Document()
    _landscape(doc)
    doc.add_paragraph("Thornbury Moor Borough Council")
    doc.add_heading("Action plan – Environment Scrutiny Committee review of fly-tipping enforcement", level=1)
    doc.add_paragraph(
        "Agreed by the Executive on 4 March 2025. Portfolio Holder: Councillor Helen Marchbank."
    )
    header = ["Ref", "Recommendation", "Accepted / Rejected", "Action to be taken", "Lead", "By when"]
    table = _new_table(doc, len(header))
    _add_row(table, header, bold=True)
    for r in recs:
        _add_row(table, [r.ref, r.text, r.wording, r.comment, r.lead, r.target])
    path = directory / "thornbury-fly-tipping-action-plan.docx"
    doc.save(path)
    return path, expected(recs)


# ---------------------------------------------------------------------------
# PDFs


def hartmoor_discharge_tracker(directory: Path):
    """PDF, landscape, several pages: running header and "Page x of y" on each page, the
    table header repeated, "ASC/2023/01" codes, decision after the response, RAG and
    progress columns (not the comment), one recommendation still awaiting a response."""
    recs = [
        Rec(
            "ASC/2023/01",
            "That the Council and the Integrated Care Board agree a joint discharge-to-assess model for the county by March 2024.",
            AGREE,
            "A joint model was agreed by the Health and Wellbeing Board in January 2024 and is being implemented in all three acute hospitals.",
            "Accepted",
            "Director of Adult Social Care",
            "Mar 2024",
            "Green",
            "Complete. The model went live on 1 February 2024.",
        ),
        Rec(
            "ASC/2023/02",
            "That the Council increases reablement capacity by 20% to reduce waiting times for home care on discharge.",
            IN_PART,
            "Reablement capacity will be increased by 10% in 2024/25, funded from the Better Care Fund. A further increase will be considered subject to evaluation.",
            "Partially accepted",
            "Head of Reablement",
            "Mar 2025",
            "Amber",
            "Six new reablement workers recruited; recruitment continues.",
        ),
        Rec(
            "ASC/2023/03",
            "That every person discharged from hospital with a package of care receives a follow-up call within 72 hours.",
            AGREE,
            "A follow-up call will be made by the reablement team for all new packages.",
            "Accepted",
            "Head of Reablement",
            "Jun 2024",
            "Green",
            "Calls are being made in 93% of cases.",
        ),
        Rec(
            "ASC/2023/04",
            "That the Council ends the use of short-term residential placements as a discharge route for people who could return home.",
            DISAGREE,
            "Short-term placements remain necessary where home care cannot be sourced in time. The Council will instead set a target to reduce their use by a quarter.",
            "Rejected",
            "Assistant Director, Commissioning",
            "N/A",
            "N/A",
            "",
        ),
        Rec(
            "ASC/2023/05",
            "That carers are involved in discharge planning and offered a carer’s assessment before the person they care for leaves hospital.",
            AGREE,
            "Hospital social work teams will include carers in discharge meetings and offer an assessment at the point of discharge.",
            "Accepted",
            "Principal Social Worker",
            "Sep 2024",
            "Amber",
            "Carer involvement recorded in 61% of discharges.",
        ),
        Rec(
            "ASC/2023/06",
            "That the Council publishes monthly data on delayed discharges attributable to social care.",
            AGREE,
            "Monthly data will be published on the Council’s website alongside the NHS England discharge dataset.",
            "Accepted",
            "Head of Performance",
            "Apr 2024",
            "Green",
            "Published monthly since April 2024.",
        ),
        Rec(
            "ASC/2023/07",
            "That a trusted assessor scheme is introduced with care homes in the county.",
            NONE,
            "",
            "",
            "Assistant Director, Commissioning",
            "TBC",
            "",
            "Response due at the Cabinet meeting on 12 December 2024.",
        ),
        Rec(
            "ASC/2023/08",
            "That the Council works with the voluntary sector to provide a ‘home from hospital’ settling-in service.",
            AGREE,
            "The Council will fund Age Concern Hartmoor to extend its existing service to the south of the county.",
            "Accepted",
            "Prevention Commissioning Manager",
            "Jun 2024",
            "Green",
            "Service extended in June 2024.",
        ),
        Rec(
            "ASC/2023/09",
            "That the Council reviews the hourly rate paid to home care providers in rural areas to reflect travel time.",
            AGREE,
            "A rural uplift of £1.20 an hour was included in the 2024/25 fee setting.",
            "Accepted",
            "Assistant Director, Commissioning",
            "Apr 2024",
            "Green",
            "Complete.",
        ),
        Rec(
            "ASC/2023/10",
            "That equipment needed for discharge is delivered within 24 hours of being ordered.",
            IN_PART,
            "The community equipment contract requires delivery within 48 hours. A 24-hour standard will be sought when the contract is re-let in 2025, but cannot be imposed on the current provider.",
            "Partially accepted",
            "Integrated Equipment Manager",
            "Oct 2025",
            "Amber",
            "Contract specification being drafted.",
        ),
        Rec(
            "ASC/2023/11",
            "That members of the Adult Social Care and Health Overview and Scrutiny Committee visit the Integrated Discharge Hub.",
            NOTED,
            "Arrangements for a visit will be made by the Scrutiny Officer.",
            "Noted",
            "Scrutiny Officer",
            "Sep 2024",
            "Green",
            "Visit held on 5 September 2024.",
        ),
        Rec(
            "ASC/2023/12",
            "That a further progress report is brought to the Committee in twelve months.",
            AGREE,
            "A report will be scheduled for the Committee’s meeting in November 2024.",
            "Accepted",
            "Scrutiny Officer",
            "Nov 2024",
            "Green",
            "This report.",
        ),
    ]
    path = directory / "hartmoor-asch-osc-discharge-recommendation-tracker.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.6 * cm,
    )
    story = [
        Paragraph("Hartmoor County Council", H1),
        Paragraph("Adult Social Care and Health Overview and Scrutiny Committee – 21 November 2024", H2),
        Paragraph("Review of hospital discharge and reablement: recommendation tracker", H2),
        Paragraph(
            "This appendix sets out each recommendation of the Committee’s review (reported to Cabinet on 14 September 2023), "
            "the Cabinet’s response and decision, and progress reported by the lead officer. RAG: Green – complete or on track; "
            "Amber – some slippage; Red – off track.",
            BODY,
        ),
        Paragraph(
            "The review took evidence over four sessions between January and June 2023 from the Council’s hospital social work "
            "teams, the three acute trusts, the Integrated Care Board, home care providers, Healthwatch Hartmoor and carers. "
            "Members also visited the discharge lounge at Hartmoor Royal Infirmary. The Committee’s report made twelve "
            "recommendations, which are listed in the order in which they appear in the report.",
            BODY,
        ),
        Paragraph(
            "Lead officers were asked to update the progress column by 1 November 2024. Where a recommendation was not "
            "accepted, no progress is reported. The Committee is asked to consider whether any completed recommendations "
            "can be signed off and removed from future reports.",
            BODY,
        ),
        Spacer(1, 8),
    ]
    header = [
        "Ref",
        "Recommendation",
        "Executive response",
        "Decision",
        "Lead Officer",
        "Target date",
        "RAG",
        "Progress to date",
    ]
    rows = [[r.ref, r.text, r.comment, r.wording, r.lead, r.target, r.rag, r.progress] for r in recs]
    widths = [2.8 * cm, 5.8 * cm, 6.2 * cm, 2.2 * cm, 3.0 * cm, 1.7 * cm, 1.5 * cm, 3.5 * cm]
    big = ParagraphStyle("cell10", parent=CELL, fontSize=10, leading=12.5)
    story.append(_pdf_table(header, rows, widths, cell=big))
    story += [
        Spacer(1, 10),
        Paragraph("Contact: Naomi Threlfall, Scrutiny Officer, scrutiny@hartmoor.gov.uk", BODY),
    ]
    doc.build(
        story,
        canvasmaker=_numbered_canvas(
            "Hartmoor County Council – ASC&H OSC – Recommendation tracker", "Appendix 2"
        ),
    )
    return path, expected(recs)


def fenwick_public_toilets(directory: Path):
    """PDF, portrait: "(1)" references in an unheaded first column, "Agreed?" with
    Yes / No / In part, a footnote after the table and a "Background papers" table."""
    recs = [
        Rec(
            "(1)",
            "That the Council keeps open all eleven public toilets currently proposed for closure until a community toilet scheme is in place.",
            IN_PART,
            "Seven of the eleven will remain open until March 2026. Four with very low usage and high repair costs will close in April 2025.",
            "In part",
        ),
        Rec(
            "(2)",
            "That a community toilet scheme is launched, paying local businesses to allow the public to use their facilities.",
            AGREE,
            "Twenty-three businesses have expressed interest. The scheme will launch in summer 2025.",
            "Yes",
        ),
        Rec(
            "(3)",
            "That the Council introduces a 20p charge at its busiest seafront toilets to fund cleaning.",
            DISAGREE,
            "Income would not cover the cost of installing and maintaining payment equipment.",
            "No",
        ),
        Rec(
            "(4)",
            "That Changing Places toilets are installed at Fenwick Quay and the Abbey Gardens.",
            AGREE,
            "Funding of £180,000 has been awarded from the Changing Places Fund.",
            "Yes",
        ),
        Rec(
            "(5)",
            "That opening hours are displayed clearly on every toilet block and on the Council’s website.",
            AGREE,
            "",
            "Yes",
        ),
        Rec(
            "(6)",
            "That town and parish councils are offered the option of taking on the management of toilets in their area.",
            AGREE,
            "Letters were sent to all town and parish councils in January 2025. Three have asked for further discussions.",
            "Yes",
        ),
        Rec(
            "(7)",
            "That the Council seeks sponsorship for its public toilets.",
            DISAGREE,
            "Officers consider that the income would be minimal and not worth the administrative cost.",
            "No",
        ),
    ]
    path = directory / "fenwick-cabinet-public-toilets-scrutiny-response.pdf"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm
    )
    story = [
        Paragraph("FENWICK DISTRICT COUNCIL", H1),
        Paragraph("Cabinet – 12 February 2025", H2),
        Paragraph(
            "Agenda item 9: Response to the Overview and Scrutiny Committee’s review of public toilet provision",
            H2,
        ),
        Paragraph("Cabinet Member: Councillor Roger Tamblyn, Portfolio Holder for Environment", BODY),
        Spacer(1, 6),
        Paragraph(
            "The Committee made seven recommendations. The Cabinet’s response to each is set out below.", BODY
        ),
        Spacer(1, 6),
    ]
    rows = [[r.ref, r.text, r.wording, r.comment] for r in recs]
    story.append(
        _pdf_table(
            ["", "Recommendation", "Agreed?", "Comments"], rows, [1.2 * cm, 7.0 * cm, 1.8 * cm, 7.0 * cm]
        )
    )
    story += [
        Spacer(1, 4),
        Paragraph(
            "* ‘In part’ means the Cabinet has agreed some, but not all, of the recommendation.",
            ParagraphStyle("fn", parent=BODY, fontSize=8),
        ),
        Spacer(1, 10),
        Paragraph("Background papers", H2),
        _pdf_table(
            ["Title", "Date", "Where available"],
            [
                [
                    "Overview and Scrutiny Committee – Public Toilet Provision Review, final report",
                    "4 December 2024",
                    "Council website",
                ],
                ["Public Conveniences Asset Review", "March 2024", "Democratic Services"],
            ],
            [8 * cm, 3 * cm, 6 * cm],
        ),
    ]
    doc.build(story, canvasmaker=_numbered_canvas("", "Fenwick District Council – Cabinet 12.02.25"))
    return path, expected(recs)


def north_mercia_bus_franchising(directory: Path):
    """PDF: combined authority, a "Report details" table first, "4.1" paragraph references
    under "Para", decision column headed with the three words it may hold."""
    recs = [
        Rec(
            "4.1",
            "The Combined Authority should publish a timetable for each stage of the franchising assessment.",
            AGREE,
            "A timetable was published on 3 June 2024 and will be kept up to date on the Combined Authority’s website.",
            "Accepted",
        ),
        Rec(
            "4.2",
            "Bus operators’ staff should be consulted on the transfer arrangements before any decision is made.",
            IN_PART,
            "The Combined Authority will consult the trade unions, but formal consultation with staff is a matter for the operators as employers.",
            "Accepted in principle",
        ),
        Rec(
            "4.3",
            "The Combined Authority should guarantee that no existing bus route will be withdrawn in the first two years of franchising.",
            DISAGREE,
            "It would be irresponsible to give a guarantee before the network review is complete.",
            "Not accepted",
        ),
        Rec(
            "4.4",
            "A passenger charter setting out standards for punctuality, cleanliness and accessibility should be adopted before the first franchise starts.",
            AGREE,
            "A draft charter will be brought to the Transport Committee in the autumn.",
            "Accepted",
        ),
        Rec(
            "4.5",
            "The Combined Authority should set up a Bus Users’ Panel with representation from each constituent council area.",
            AGREE,
            "",
            "Accepted",
        ),
        Rec(
            "4.6",
            "Scrutiny should receive a report on the financial risks of franchising before the Mayor’s decision.",
            AGREE,
            "A confidential briefing on the financial case will be offered to members of the Committee in advance of the decision.",
            "Accepted",
        ),
    ]
    path = directory / "nmca-transport-scrutiny-bus-franchising-response.pdf"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm
    )
    story = [
        Paragraph("North Mercia Combined Authority", H1),
        _kv_pdf_table(
            [
                ("Meeting", "Transport Scrutiny Committee"),
                ("Date", "15 July 2024"),
                ("Report title", "Bus franchising readiness – response to scrutiny recommendations"),
                ("Portfolio", "Transport – Councillor Aisha Bellingham"),
                ("Report author", "Tom Ridgeway, Head of Bus Reform"),
                ("Exempt", "No"),
            ],
            [4 * cm, 13 * cm],
        ),
        Spacer(1, 10),
        Paragraph("1. Purpose", H2),
        Paragraph(
            "1.1 To set out the Mayor’s and the Portfolio Lead’s response to the recommendations in section 4 of the Committee’s report of 22 April 2024.",
            BODY,
        ),
        Spacer(1, 8),
    ]
    rows = [[r.ref, r.text, r.comment, r.wording] for r in recs]
    story.append(
        _pdf_table(
            [
                "Para",
                "Recommendation",
                "Response of the Mayor and Portfolio Lead",
                "Accepted / Accepted in principle / Not accepted",
            ],
            rows,
            [1.3 * cm, 6.2 * cm, 6.5 * cm, 3.0 * cm],
        )
    )
    story += [
        Spacer(1, 8),
        Paragraph("2. Next steps", H2),
        Paragraph("2.1 The Committee will monitor implementation through its work programme.", BODY),
    ]
    doc.build(story)
    return path, expected(recs)


def kestrel_bay_coastal(directory: Path):
    """PDF over two pages with only horizontal rules: "i." references, the decision only in
    brackets at the end of the response."""
    recs = [
        Rec(
            "i.",
            "That the Council updates its Shoreline Management Plan action plan and publishes it online.",
            AGREE,
            "The action plan is being updated with the Environment Agency and will be published in spring 2025 (Accepted).",
        ),
        Rec(
            "ii.",
            "That residents in properties at risk from coastal erosion are offered a free household resilience survey.",
            IN_PART,
            "Surveys will be offered to the 140 properties identified as at highest risk. Extending them to all at-risk properties is not affordable at present (Partially accepted).",
        ),
        Rec(
            "iii.",
            "That the Council establishes a coastal adaptation fund to help households relocate.",
            DISAGREE,
            "The Council has no power to fund relocation on this scale and will instead continue to press Government for a national adaptation scheme. (Rejected)",
        ),
        Rec(
            "iv.",
            "That sandbag stocks are held at each of the four town council offices.",
            AGREE,
            "Stocks have been placed at all four offices and will be replenished each October. (Accepted)",
        ),
        Rec(
            "v.",
            "That the flood warden network is expanded to cover every ward with a flood risk.",
            AGREE,
            "Recruitment of wardens will be supported through the Community Resilience Officer, and training will be provided by the county’s Emergency Planning team twice a year. (Accepted)",
        ),
        Rec("vi.", "That the Committee notes the work of the Coastal Partnership.", NOTED, "(Noted)"),
    ]
    path = directory / "kestrel-bay-place-scrutiny-coastal-resilience.pdf"
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2.2 * cm,
        bottomMargin=2 * cm,
    )
    intro = (
        "The Place Scrutiny Panel carried out a review of coastal erosion and flood resilience between March and September 2024, "
        "taking evidence from the Environment Agency, the Coastal Partnership, town councils and residents of the Sandhaven and "
        "Marsh End frontages. The Panel heard that more than 300 homes are expected to be at risk of erosion within the next fifty "
        "years. The Cabinet considered the Panel’s report on 6 November 2024 and its responses are set out in the table below."
    )
    story = [
        Paragraph("Kestrel Bay Borough Council", H1),
        Paragraph("Cabinet response: Coastal erosion and flood resilience", H2),
    ]
    story += [Paragraph(intro, BODY), Spacer(1, 6)]
    story += [
        Paragraph(
            "Each of the recommendations below was considered against the Council’s Coastal Strategy 2021–2031, the medium-term "
            "financial plan and the powers available to a coast protection authority. " * 3,
            BODY,
        )
        for _ in range(6)
    ]
    style = [
        ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    rows = [[r.ref, r.text, r.comment] for r in recs]
    story.append(
        _pdf_table(
            ["No.", "Recommendation", "Cabinet response"], rows, [1.2 * cm, 7.4 * cm, 8.0 * cm], style=style
        )
    )
    doc.build(story, canvasmaker=_numbered_canvas("Kestrel Bay Borough Council", "Cabinet – 6 November 2024"))
    return path, expected(recs)


def dorrington_air_quality(directory: Path):
    """PDF: a "Report details" table, then a table whose first row is a spanning title,
    with the decision column before the recommendation."""
    recs = [
        Rec(
            "1",
            "That School Streets schemes are introduced at every primary school where the site is suitable.",
            AGREE,
            "A programme of 12 School Streets a year will be delivered from 2025.",
            "Agreed",
        ),
        Rec(
            "2",
            "That anti-idling enforcement is carried out outside schools at drop-off and pick-up times.",
            AGREE,
            "Civil enforcement officers will carry out patrols at 20 schools each term.",
            "Agreed",
        ),
        Rec(
            "3",
            "That air quality monitors are installed at every school in the city.",
            DISAGREE,
            "Monitoring at every school is not needed to understand local air quality. Monitors will be placed at the 15 schools nearest main roads.",
            "Rejected",
        ),
        Rec(
            "4",
            "That the Council funds green screens (hedges and planting) along school boundaries next to main roads.",
            AGREE,
            "",
            "Agreed",
        ),
        Rec(
            "5",
            "That the Clean Air Zone is extended to include the ring road.",
            DISAGREE,
            "The Government’s modelling shows the current zone will achieve compliance. An extension would need a new business case.",
            "Rejected",
        ),
        Rec(
            "6",
            "That schools are supported to include air quality in the curriculum.",
            AGREE,
            "Teaching resources have been shared with all schools through the Healthy Schools programme.",
            "Agreed",
        ),
    ]
    path = directory / "dorrington-cabinet-air-quality-schools.pdf"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm
    )
    story = [
        Paragraph("Dorrington City Council", H1),
        _kv_pdf_table(
            [
                ("Report to", "Cabinet"),
                ("Date of meeting", "8 October 2024"),
                ("Report of", "Strategic Director, Place"),
                ("Lead member", "Councillor Fiona Castellane, Cabinet Member for Climate and Environment"),
                ("Wards", "All"),
            ],
            [4 * cm, 13 * cm],
        ),
        Spacer(1, 10),
        Paragraph(
            "The Environment Scrutiny Committee’s review of air quality near schools made six recommendations.",
            BODY,
        ),
        Spacer(1, 6),
    ]
    data = [
        [
            _p(
                "Table 1 – Cabinet response to the recommendations of the Environment Scrutiny Committee",
                CELL_BOLD,
            ),
            "",
            "",
            "",
        ]
    ]
    data.append([_p(h, CELL_BOLD) for h in ["No.", "Decision", "Recommendation", "Response"]])
    data += [[_p(v) for v in (r.ref, r.wording, r.text, r.comment)] for r in recs]
    table = Table(data, colWidths=[1.2 * cm, 2.0 * cm, 6.8 * cm, 7.0 * cm], repeatRows=2)
    table.setStyle(
        TableStyle(
            [("SPAN", (0, 0), (-1, 0)), *GRID, ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#EEEEEE"))]
        )
    )
    story.append(table)
    story += [Spacer(1, 8), Paragraph("Background papers: none.", BODY)]
    doc.build(story)
    return path, expected(recs)


# ---------------------------------------------------------------------------
# Spreadsheets


def wessex_vale_handover_tracker(directory: Path):
    """Workbook: NHS joint health scrutiny tracker, a "Read me" sheet first, frozen title
    rows, a hidden notes column, "R01" references, Yes / No / Partly, a recommendation
    still awaiting its response, RAG and progress, a key row under the table."""
    ro = "Chief Operating Officer, Wessex Vale ICB"
    recs = [
        Rec(
            "R01",
            "That the ICB agrees a maximum handover time of 45 minutes with both acute trusts.",
            AGREE,
            "A 45-minute standard has been agreed and is included in the 2024/25 urgent and emergency care plan.",
            "Yes",
            ro,
            date(2024, 3, 31),
            "Green",
            "Standard in place. Average handover time in September was 38 minutes.",
        ),
        Rec(
            "R02",
            "That the ambulance service and the acute trusts publish joint monthly handover data.",
            AGREE,
            "Data will be published on the ICB website from April 2024.",
            "Yes",
            "Head of Urgent Care",
            date(2024, 4, 30),
            "Green",
            "Published monthly.",
        ),
        Rec(
            "R03",
            "That a hospital ambulance liaison officer is on duty at each emergency department 24 hours a day.",
            IN_PART,
            "HALOs will be on duty from 8am to midnight at both sites. Overnight cover will be reviewed in the light of demand.",
            "Partly",
            "Ambulance Service Area Manager",
            date(2025, 1, 31),
            "Amber",
            "Extended hours in place at the Royal Wessex; Vale General from January 2025.",
        ),
        Rec(
            "R04",
            "That ambulances are permitted to leave patients in a cohorting area after 30 minutes without formal handover.",
            DISAGREE,
            "Clinical advice is that a formal handover is needed for patient safety. Cohorting areas will be used but will be staffed by the trust.",
            "No",
            "Medical Director, Royal Wessex Hospital",
            None,
            "N/A",
            "",
        ),
        Rec(
            "R05",
            "That the ICB funds additional community urgent response capacity to avoid conveyance to hospital.",
            AGREE,
            "An additional £2.4 million has been allocated to urgent community response teams.",
            "Yes",
            ro,
            date(2024, 10, 1),
            "Green",
            "Two new teams operational.",
        ),
        Rec(
            "R06",
            "That the Committee receives evidence from patients and families who experienced long waits.",
            AGREE,
            "",
            "Yes",
            "Scrutiny Officer",
            date(2024, 7, 18),
            "Green",
            "Healthwatch Wessex Vale presented patient stories in July 2024.",
        ),
        Rec(
            "R07",
            "That delays over 60 minutes are reported as patient safety incidents.",
            IN_PART,
            "Delays over 60 minutes will be logged and reviewed weekly. Only those where harm may have occurred will be reported as patient safety incidents.",
            "Partly",
            "Director of Nursing, Vale General Hospital",
            date(2024, 6, 30),
            "Amber",
            "Weekly review in place.",
        ),
        Rec(
            "R08",
            "That the trusts’ boards receive a quarterly report on handover performance.",
            NONE,
            "",
            "",
            "Trust Board Secretaries",
            None,
            "Grey",
            "Response awaited from Vale General Hospital NHS Trust.",
        ),
        Rec(
            "R09",
            "That a joint improvement plan is brought back to the Committee in six months.",
            AGREE,
            "The improvement plan will be presented to the Committee in October 2024.",
            "Yes",
            ro,
            date(2024, 10, 17),
            "Green",
            "On this agenda.",
        ),
    ]
    notes = ["Chased 03/09 – KP", "", "Awaiting VGH confirmation", "", "", "", "", "Chased twice", ""]
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "Read me"
    readme["A1"] = "How to use this tracker"
    readme["A1"].font = BOLD
    readme["A3"] = (
        "Lead officers update the Progress update and RAG columns on the Tracker sheet before each meeting."
    )
    readme["A4"] = "Do not change the wording of the recommendation or the response."
    readme.column_dimensions["A"].width = 100
    ws = wb.create_sheet("Tracker")
    ws["A1"] = "Wessex Vale Joint Health Overview and Scrutiny Committee"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "Recommendation tracking – Review of ambulance handover delays"
    ws["A2"].font = Font(bold=True, size=12)
    ws["A3"] = "Last updated: 14 October 2024"
    header = [
        "Ref",
        "Recommendation",
        "Accepted?",
        "Trust / ICB response",
        "Internal notes",
        "Responsible Officer",
        "Target completion",
        "RAG",
        "Progress update",
    ]
    _sheet_row(ws, 5, header, bold=True, fill=HEAD_FILL)
    for i, (r, note) in enumerate(zip(recs, notes, strict=True)):
        row = 6 + i
        _sheet_row(ws, row, [r.ref, r.text, r.wording, r.comment, note, r.lead, r.target, r.rag, r.progress])
        if r.target:
            ws.cell(row=row, column=7).number_format = "dd/mm/yyyy"
    ws.cell(
        row=6 + len(recs) + 1,
        column=1,
        value="Key: RAG ratings are explained on the ‘RAG key’ sheet. Grey = response not yet received.",
    )
    ws.freeze_panes = "C6"
    ws.column_dimensions["E"].hidden = True
    _widths(ws, [8, 55, 11, 55, 20, 28, 14, 8, 45])
    key = wb.create_sheet("RAG key")
    for i, (colour, meaning) in enumerate(
        [
            ("Green", "Complete or on track"),
            ("Amber", "At risk"),
            ("Red", "Off track"),
            ("Grey", "Awaiting response"),
        ],
        start=1,
    ):
        key.cell(row=i, column=1, value=colour)
        key.cell(row=i, column=2, value=meaning)
    wb.active = 1
    path = directory / "wessex-vale-johsc-ambulance-handover-tracker.xlsx"
    wb.save(path)
    return path, expected(recs)


def elmbridge_green_exclusions(directory: Path):
    """Workbook: London borough, merged title row, merged theme rows across the table,
    "SC/2024/01" references, "Agreed in part" and "Declined", a totals row and a note."""
    lead = "Director of Education"
    recs = [
        Rec(
            "SC/2024/01",
            "That every secondary school is offered funding for an inclusion lead post for two years.",
            IN_PART,
            "Funding will be offered to the eight schools with the highest rates of suspension. A wider roll-out will depend on evaluation.",
            "Agreed in part",
            lead,
            "Sep 2024",
            group="Theme A – Early help and inclusion",
        ),
        Rec(
            "SC/2024/02",
            "That the Council publishes exclusion and suspension data by school, ethnicity and special educational needs each term.",
            AGREE,
            "Data will be published each term, with small numbers suppressed to protect pupils’ privacy.",
            "Agreed",
            "Head of Performance",
            "Dec 2024",
        ),
        Rec(
            "SC/2024/03",
            "That a ‘team around the school’ model brings together early help, CAMHS and educational psychology for schools with high exclusion rates.",
            AGREE,
            "The model is being piloted in the north-east locality.",
            "Agreed",
            "Head of Early Help",
            "Mar 2025",
        ),
        Rec(
            "SC/2024/04",
            "That all pupils in alternative provision receive at least 25 hours of education a week.",
            AGREE,
            "This is a condition of the new alternative provision framework from September 2024.",
            "Agreed",
            "Head of Inclusion",
            "Sep 2024",
            group="Theme B – Alternative provision",
        ),
        Rec(
            "SC/2024/05",
            "That the Council opens a second pupil referral unit in the south of the borough.",
            DISAGREE,
            "There is no capital funding available. The Council will instead commission additional places from existing providers.",
            "Declined",
            lead,
            "–",
        ),
        Rec(
            "SC/2024/06",
            "That pupils returning to mainstream school from alternative provision have a reintegration plan agreed with their parents.",
            AGREE,
            "",
            "Agreed",
            "Head of Inclusion",
            "Sep 2024",
        ),
        Rec(
            "SC/2024/07",
            "That the Children and Young People Scrutiny Sub-Committee receives an annual report on exclusions.",
            AGREE,
            "The first report will be presented in January 2025.",
            "Agreed",
            "Scrutiny Officer",
            "Jan 2025",
            group="Theme C – Data and accountability",
        ),
        Rec(
            "SC/2024/08",
            "That governors receive training on their role in reviewing exclusions.",
            AGREE,
            "Training is included in the Governor Services programme for 2024/25.",
            "Agreed",
            "Governor Services Manager",
            "Mar 2025",
        ),
        Rec(
            "SC/2024/09",
            "That the Council commissions independent research into the over-representation of Black Caribbean pupils in exclusion figures.",
            IN_PART,
            "The Council will work with a local university on a smaller study using existing data. Full commissioned research is not affordable this year.",
            "Agreed in part",
            lead,
            "Jul 2025",
        ),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cabinet response"
    ws["A1"] = (
        "London Borough of Elmbridge Green – Scrutiny Commission review of school exclusions: Cabinet response (Cabinet, 22 May 2024)"
    )
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:F1")
    header = [
        "Ref",
        "Recommendation",
        "Cabinet Member decision",
        "Cabinet Member response",
        "Lead",
        "Target date",
    ]
    _sheet_row(ws, 3, header, bold=True, fill=HEAD_FILL)
    row = 4
    for r in recs:
        if r.group:
            _sheet_row(ws, row, [r.group], bold=True, fill=GROUP_FILL)
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            row += 1
        _sheet_row(ws, row, [r.ref, r.text, r.wording, r.comment, r.lead, r.target])
        row += 1
    row += 1
    _sheet_row(ws, row, ["Total", "9 recommendations", "Agreed 6; Agreed in part 2; Declined 1"], bold=True)
    _sheet_row(ws, row + 1, ["Note: target dates are indicative and subject to the 2025/26 budget."])
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=6)
    ws.freeze_panes = "A4"
    _widths(ws, [13, 60, 16, 60, 26, 12])
    path = directory / "elmbridge-green-exclusions-cabinet-response.xlsx"
    wb.save(path)
    return path, expected(recs)


def brackenfield_town_centre(directory: Path):
    """Workbook: "5.1" references stored as numbers, "Agree / Disagree" column with
    "Partially agree", a merged title, a second "Summary" sheet of counts."""
    recs = [
        Rec(
            "5.1",
            "That the Council acquires the vacant former department store on High Street to control its redevelopment.",
            AGREE,
            "Negotiations with the owner are under way and a report will be brought to Cabinet.",
            "Agree",
        ),
        Rec(
            "5.2",
            "That business rates relief is offered to independent retailers taking on empty units for the first year.",
            DISAGREE,
            "The Council cannot fund a local discretionary relief scheme from its own resources at the scale proposed.",
            "Disagree",
        ),
        Rec(
            "5.3",
            "That free parking is offered in council car parks after 3pm on weekdays.",
            IN_PART,
            "Free parking after 3pm will be trialled in two car parks for six months. A borough-wide scheme would cost £450,000 a year in lost income.",
            "Partially agree",
        ),
        Rec(
            "5.4",
            "That a town centre manager post is created, jointly funded with the Business Improvement District.",
            AGREE,
            "The BID has agreed to contribute half of the cost from 2025.",
            "Agree",
        ),
        Rec(
            "5.5",
            "That meanwhile uses for empty shops, such as pop-up galleries and community spaces, are actively promoted.",
            AGREE,
            "",
            "Agree",
        ),
        Rec(
            "5.6",
            "That the market is relocated to the Market Square on Saturdays.",
            DISAGREE,
            "Traders were consulted and a majority preferred to stay in Church Street.",
            "Disagree",
        ),
        Rec("5.7", "That the Economy Scrutiny Panel reviews progress in a year.", AGREE, "Agreed.", "Agree"),
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Responses"
    ws["A1"] = (
        "Brackenfield Borough Council – Economy Scrutiny Panel: Town centre regeneration review – Executive response"
    )
    ws["A1"].font = Font(bold=True, size=12)
    ws.merge_cells("A1:D1")
    _sheet_row(
        ws,
        3,
        ["Recommendation No", "Scrutiny recommendation", "Response", "Agree / Disagree"],
        bold=True,
        fill=HEAD_FILL,
    )
    for i, r in enumerate(recs):
        _sheet_row(ws, 4 + i, [float(r.ref), r.text, r.comment, r.wording])
        ws.cell(row=4 + i, column=1).number_format = "0.0"
        ws.cell(row=4 + i, column=1).alignment = Alignment(horizontal="center", vertical="top")
    _widths(ws, [12, 60, 60, 16])
    summary = wb.create_sheet("Summary")
    _sheet_row(summary, 1, ["Decision", "Count"], bold=True)
    for i, (word, n) in enumerate([("Agree", 4), ("Partially agree", 1), ("Disagree", 2)], start=2):
        _sheet_row(summary, i, [word, n])
    _sheet_row(summary, 6, ["Total", 7], bold=True)
    path = directory / "brackenfield-economy-scrutiny-town-centre.xlsx"
    wb.save(path)
    return path, expected(recs)


def glenholm_empty_homes(directory: Path):
    """Workbook: a "Cover" sheet of report details first, then two header rows (merged
    group headings over "No. | Recommendation | Decision | Comment | Lead | Date"),
    "1)" references, frozen header."""
    recs = [
        Rec(
            "1)",
            "That the Council appoints a dedicated empty homes officer.",
            AGREE,
            "An officer was appointed in October 2024, funded from the council tax premium on long-term empty homes.",
            "Agreed",
            "Housing Strategy Manager",
            "Oct 2024",
        ),
        Rec(
            "2)",
            "That the council tax premium on homes empty for more than a year is increased to 200%.",
            AGREE,
            "The increase takes effect from 1 April 2025.",
            "Agreed",
            "Revenues Manager",
            "Apr 2025",
        ),
        Rec(
            "3)",
            "That an empty homes loan scheme is offered to owners to bring properties back into use.",
            IN_PART,
            "A loan scheme will be offered in the town centres only, where demand for housing is highest.",
            "Partially agreed",
            "Housing Strategy Manager",
            "Jun 2025",
        ),
        Rec(
            "4)",
            "That compulsory purchase powers are used where owners refuse to engage.",
            AGREE,
            "Compulsory purchase will be considered on a case-by-case basis as a last resort.",
            "Agreed",
            "Head of Legal Services",
            "Ongoing",
        ),
        Rec(
            "5)",
            "That the Council leases empty homes from owners for use as temporary accommodation.",
            DISAGREE,
            "The cost of bringing most long-term empty homes up to the required standard makes leasing poor value for money.",
            "Not agreed",
            "Homelessness Manager",
            "",
        ),
        Rec(
            "6)",
            "That information about empty homes is shared with housing associations.",
            AGREE,
            "",
            "Agreed",
            "Housing Strategy Manager",
            "Dec 2024",
        ),
        Rec(
            "7)",
            "That the Policy and Scrutiny Committee receives an annual report on the number of empty homes brought back into use.",
            AGREE,
            "The first report will be presented in June 2025.",
            "Agreed",
            "Committee Services",
            "Jun 2025",
        ),
    ]
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Cover"
    for i, (k, v) in enumerate(
        [
            ("Council", "Glenholm Council"),
            ("Committee", "Policy and Scrutiny Committee"),
            ("Review", "Empty homes in Glenholm"),
            ("Response agreed by", "Housing and Communities Committee, 30 January 2025"),
            ("Contact", "Craig Moffat, Policy Officer"),
        ],
        start=1,
    ):
        cover.cell(row=i, column=1, value=k).font = BOLD
        cover.cell(row=i, column=2, value=v)
    _widths(cover, [22, 60])
    ws = wb.create_sheet("Responses")
    for cols, title in [
        ("A1:B1", "Scrutiny review"),
        ("C1:D1", "Executive response"),
        ("E1:F1", "Implementation"),
    ]:
        ws[cols.split(":")[0]] = title
        ws[cols.split(":")[0]].font = BOLD
        ws[cols.split(":")[0]].alignment = Alignment(horizontal="center")
        ws.merge_cells(cols)
    _sheet_row(
        ws, 2, ["No.", "Recommendation", "Decision", "Comment", "Lead", "Date"], bold=True, fill=HEAD_FILL
    )
    for i, r in enumerate(recs):
        _sheet_row(ws, 3 + i, [r.ref, r.text, r.wording, r.comment, r.lead, r.target])
    ws.freeze_panes = "A3"
    _widths(ws, [6, 55, 15, 55, 24, 10])
    path = directory / "glenholm-policy-scrutiny-empty-homes.xlsx"
    wb.save(path)
    return path, expected(recs)


# ---------------------------------------------------------------------------
# CSV


def bryngarw_council_tax_support(directory: Path):
    """CSV saved by Excel with a semicolon list separator: BOM, CRLF, a title line and an
    empty line of separators first, line breaks inside quoted cells."""
    recs = [
        Rec(
            "1",
            "That the Council retains the maximum level of support at 100% of council tax liability for working-age claimants in 2025/26.",
            AGREE,
            "The Cabinet has agreed to retain the current scheme for 2025/26.",
            "Agreed",
        ),
        Rec(
            "2",
            "That the Council simplifies the application form and makes it available in Welsh and English online.",
            AGREE,
            "A bilingual online form will be available from April 2025.",
            "Agreed",
        ),
        Rec(
            "3",
            "That discretionary hardship payments are promoted through food banks and advice agencies.",
            AGREE,
            "The Revenues team will provide leaflets and training to partners.\nA promotion campaign will run in January and February.",
            "Agreed",
        ),
        Rec(
            "4",
            "That the Council writes off council tax arrears of less than £50 for households in receipt of support.",
            DISAGREE,
            "Writing off arrears would be unfair to residents who have paid and would cost an estimated £210,000.",
            "Not agreed",
        ),
        Rec(
            "5",
            "That enforcement agents are not used to recover arrears from households in receipt of council tax support; the Council should instead use attachment of benefits.",
            IN_PART,
            "Enforcement agents will not be used for households in receipt of support where a vulnerability has been identified. They will remain an option as a last resort in other cases.",
            "Agreed in part",
        ),
        Rec(
            "6",
            "That the Corporate Overview and Scrutiny Committee reviews the scheme again before the 2026/27 budget.",
            AGREE,
            "",
            "Agreed",
        ),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            "Bryngarw County Council – Corporate Overview and Scrutiny Committee: Council Tax Reduction Scheme review – Cabinet response",
            "",
            "",
            "",
        ]
    )
    writer.writerow(["", "", "", ""])
    writer.writerow(["Recommendation number", "Recommendation", "Response", "Agreed / Not agreed"])
    for r in recs:
        writer.writerow([r.ref, r.text, r.comment, r.wording])
    path = directory / "bryngarw-cosc-council-tax-reduction-response.csv"
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path, expected(recs)


def midvale_loneliness(directory: Path):
    """CSV, commas, BOM and CRLF: "HW-01" codes, "What the committee recommended",
    "Approved / Endorsed / Declined / Noted", progress and RAG after the response,
    trailing empty columns, a notes line at the end."""
    recs = [
        Rec(
            "HW-01",
            "That the Council appoints a lead officer for loneliness and social isolation.",
            AGREE,
            "The Director of Public Health will take on this role.",
            "Approved",
            "Director of Public Health",
            "Apr 2024",
            "Green",
            "Lead officer in post.",
        ),
        Rec(
            "HW-02",
            "That social prescribing link workers are based in every library, at least one day a week.",
            AGREE,
            "Link workers will hold weekly sessions in the six largest libraries from September.",
            "Approved",
            "Libraries Manager",
            "Sep 2024",
            "Amber",
            "Sessions running in four libraries.",
        ),
        Rec(
            "HW-03",
            "That the Council’s loneliness strategy is co-produced with older residents and young people.",
            AGREE,
            "The strategy will be co-produced through the Older People’s Forum and the Youth Council.",
            "Endorsed",
            "Public Health Principal",
            "Mar 2025",
            "Green",
            "Workshops held in May and June.",
        ),
        Rec(
            "HW-04",
            "That free bus travel is extended to carers of people with disabilities.",
            DISAGREE,
            "This is outside the Council’s powers as the concessionary fares scheme is set nationally.",
            "Declined",
            "Transport Policy Manager",
            "",
            "",
            "",
        ),
        Rec(
            "HW-05",
            "That the Committee notes the findings of the Midvale Residents’ Survey on loneliness.",
            NOTED,
            "",
            "Noted",
            "",
            "",
            "",
            "",
        ),
        Rec(
            "HW-06",
            "That a “chatty café” scheme is promoted through the Council’s business newsletter.",
            AGREE,
            "Included in the June newsletter and on the Council’s website.",
            "Approved",
            "Communications Manager",
            "Jun 2024",
            "Green",
            "Complete.",
        ),
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    header = [
        "Rec ID",
        "What the committee recommended",
        "Executive Member's response",
        "Decision",
        "Responsible Officer",
        "Target completion",
        "Progress to date",
        "RAG",
        "",
        "",
    ]
    writer.writerow(header)
    for r in recs:
        writer.writerow([r.ref, r.text, r.comment, r.wording, r.lead, r.target, r.progress, r.rag, "", ""])
    writer.writerow([""] * len(header))
    writer.writerow(
        [
            "Notes: RAG ratings as at 30 September 2024. Health and Wellbeing Scrutiny Committee, Midvale Council.",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    )
    path = directory / "midvale-hwsc-loneliness-tracker.csv"
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path, expected(recs)


# ---------------------------------------------------------------------------
# Text


def calderbrook_selective_licensing(directory: Path):
    """Text saved from Word ("Plain text", Windows default encoding): cp1252, CRLF, table
    rows tab-separated, "A"–"G" references, "Agreed?" last, a background papers list."""
    recs = [
        Rec(
            "A",
            "That the Council consults on a selective licensing scheme for the Brunswick and Holme wards.",
            AGREE,
            "A consultation will run for ten weeks from 6 January 2025.",
            "Yes",
        ),
        Rec(
            "B",
            "That licence fees are discounted for landlords who are accredited with a recognised scheme.",
            AGREE,
            "A discount of £150 will be offered to accredited landlords.",
            "Yes",
        ),
        Rec(
            "C",
            "That the licensing scheme is extended to the whole city.",
            DISAGREE,
            "The evidence does not currently support a city-wide designation, which would require approval from the Secretary of State.",
            "No",
        ),
        Rec(
            "D",
            "That tenants are given information about their rights when a licence is issued.",
            AGREE,
            "Landlords will be required to give tenants the Council’s ‘Renting in Calderbrook’ guide as a licence condition.",
            "Yes",
        ),
        Rec(
            "E",
            "That enforcement officers carry out unannounced inspections of at least 10% of licensed properties each year.",
            IN_PART,
            "Officers will inspect a risk-based sample of licensed properties. A fixed percentage target is not considered helpful.",
            "In part",
        ),
        Rec(
            "F",
            "That income from licence fees is reinvested in tenancy relations work.",
            DISAGREE,
            "Fee income can only be used to cover the cost of running the scheme.",
            "No",
        ),
        Rec(
            "G",
            "That the Scrutiny Management Board receives an annual report on the operation of any scheme.",
            AGREE,
            "",
            "Yes",
        ),
    ]
    lines = [
        "Calderbrook City Council",
        "Scrutiny Management Board – 16 December 2024",
        "Review of selective licensing in the private rented sector: Executive response",
        "",
        "The Executive considered the Board’s seven recommendations on 3 December 2024. The responses of the Executive Member for Housing, Councillor Tariq Mahmood, are set out below.",
        "",
        "Ref\tRecommendation\tExecutive response\tAgreed?",
    ]
    lines += [f"{r.ref}\t{r.text}\t{r.comment}\t{r.wording}" for r in recs]
    lines += [
        "",
        "Background papers",
        "Scrutiny Management Board report, 14 October 2024",
        "Private Sector Stock Condition Survey 2023",
    ]
    path = directory / "calderbrook-smb-selective-licensing-response.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path, expected(recs)


def oakridge_garden_waste(directory: Path):
    """Text copied out of a PDF by a table tool: pipe rows, wrapped cells continued on a
    row with an empty reference, a page footer line and the header repeated."""
    recs = [
        Rec(
            "1.",
            "That the annual charge for garden waste collection is frozen at £45 for 2025/26.",
            DISAGREE,
            "The charge will rise to £48 to cover the increased cost of fuel and vehicle maintenance.",
            "Not agreed",
        ),
        Rec(
            "2.",
            "That residents can pay for the service in two instalments.",
            AGREE,
            "Payment by two direct debit instalments will be offered from 2025/26.",
            "Agreed",
        ),
        Rec(
            "3.",
            "That residents in receipt of council tax support receive a 50% discount on the garden waste charge.",
            AGREE,
            "A 50% discount will be available from the 2025/26 subscription period.",
            "Agreed",
        ),
        Rec(
            "4.",
            "That collections continue fortnightly through the winter months.",
            DISAGREE,
            "Collections will be monthly between December and February, when volumes are very low.",
            "Not agreed",
        ),
        Rec(
            "5.",
            "That the Council promotes home composting, including subsidised compost bins.",
            AGREE,
            "Subsidised bins are available through the Council’s website at £10.",
            "Agreed",
        ),
        Rec(
            "6.",
            "That the Overview and Scrutiny Committee reviews the take-up of the service after the first year.",
            AGREE,
            "",
            "Agreed",
        ),
    ]
    head = "| No. | Recommendation | Agreed / Not agreed | Comments |\n|-----|----------------|---------------------|----------|"

    def line(*cells: str) -> str:
        return "| " + " | ".join(cells) + " |"

    body1 = [
        line(recs[0].ref, recs[0].text, recs[0].wording, recs[0].comment),
        line(recs[1].ref, recs[1].text, recs[1].wording, recs[1].comment),
        line(
            recs[2].ref,
            "That residents in receipt of council tax support receive a 50% discount on the",
            recs[2].wording,
            "A 50% discount will be available",
        ),
        line("", "garden waste charge.", "", "from the 2025/26 subscription period."),
        line(recs[3].ref, recs[3].text, recs[3].wording, recs[3].comment),
    ]
    body2 = [
        line(recs[4].ref, recs[4].text, recs[4].wording, recs[4].comment),
        line(recs[5].ref, recs[5].text, recs[5].wording, ""),
    ]
    text = (
        "\n".join(
            [
                "Oakridge District Council",
                "Cabinet – 22 January 2025",
                "Response to the Overview and Scrutiny Committee: review of garden waste charging",
                "",
                head,
                *body1,
                "",
                "Oakridge District Council – Cabinet 22 January 2025                                   Page 7",
                "",
                head,
                *body2,
                "",
                "Report author: Lisa Carrow, Waste and Recycling Manager",
            ]
        )
        + "\n"
    )
    path = directory / "oakridge-cabinet-garden-waste-response.txt"
    path.write_text(text, encoding="utf-8")
    return path, expected(recs)


def gwynant_community_transport(directory: Path):
    """Text copied out of a PDF in a browser: every cell on a line of its own, no blank
    lines between rows, plain "1" numbers, "Accepted / Rejected" with "Partially
    accepted" and "Noted"."""
    recs = [
        Rec(
            "1",
            "That the Council maintains its grant to community transport operators at the 2024/25 level.",
            AGREE,
            "The grant will be maintained for 2025/26 and reviewed as part of the medium-term financial plan.",
            "Accepted",
        ),
        Rec(
            "2",
            "That a single booking telephone number is introduced for all community transport schemes in the county.",
            AGREE,
            "Operators have agreed to a shared booking line, to be launched in spring 2025.",
            "Accepted",
        ),
        Rec(
            "3",
            "That community transport vehicles are allowed to use bus lanes.",
            IN_PART,
            "Most bus lanes in the county are on trunk roads managed by the Welsh Government. The Council will allow access to its own bus lanes and raise the matter with Transport for Wales.",
            "Partially accepted",
        ),
        Rec(
            "4",
            "That the Council provides free parking for community transport drivers at hospitals.",
            DISAGREE,
            "Hospital car parks are managed by the Health Board, not the Council.",
            "Rejected",
        ),
        Rec(
            "5",
            "That volunteer drivers’ mileage rates are increased to 55p a mile.",
            NOTED,
            "Mileage rates are set by the operators. The Council will share the Committee’s view with them.",
            "Noted",
        ),
        Rec(
            "6",
            "That the Scrutiny Committee for Communities receives an annual update.",
            AGREE,
            "An update will be included in the Committee’s forward work programme.",
            "Accepted",
        ),
    ]
    lines = [
        "Gwynant County Council",
        "Scrutiny Committee for Communities",
        "10 March 2025",
        "Community transport review – Cabinet response",
        "No.",
        "Recommendation",
        "Response",
        "Accepted / Rejected",
    ]
    for r in recs:
        lines += [r.ref, r.text, r.comment, r.wording]
    lines += ["Councillor Morwenna Griffiths, Cabinet Member for Highways and Transport"]
    path = directory / "gwynant-communities-scrutiny-community-transport.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, expected(recs)


# ---------------------------------------------------------------------------

Builder = Callable[[Path], tuple[Path, list[dict[str, str]]]]

# name: (builder, council)
PAPERS: dict[str, tuple[Builder, str]] = {
    "kingsmead-docx": (kingsmead_temporary_accommodation, "Royal Borough of Kingsmead"),
    "northbridge-docx": (northbridge_highways, "Northbridge County Council"),
    "ashdown-docx": (ashdown_leisure, "Ashdown District Council"),
    "teifi-docx": (teifi_welsh_medium, "Teifi Valley County Borough Council"),
    "strathallan-docx": (strathallan_school_transport, "Strathallan Council"),
    "wyvern-docx": (wyvern_night_time_economy, "Wyvern Vale Borough Council"),
    "eastmoor-docx": (eastmoor_young_carers, "Eastmoor Metropolitan Borough Council"),
    "thornbury-docx": (thornbury_fly_tipping, "Thornbury Moor Borough Council"),
    "hartmoor-pdf": (hartmoor_discharge_tracker, "Hartmoor County Council"),
    "fenwick-pdf": (fenwick_public_toilets, "Fenwick District Council"),
    "north-mercia-pdf": (north_mercia_bus_franchising, "North Mercia Combined Authority"),
    "kestrel-bay-pdf": (kestrel_bay_coastal, "Kestrel Bay Borough Council"),
    "dorrington-pdf": (dorrington_air_quality, "Dorrington City Council"),
    "wessex-vale-xlsx": (
        wessex_vale_handover_tracker,
        "Wessex Vale Joint Health Overview and Scrutiny Committee",
    ),
    "elmbridge-green-xlsx": (elmbridge_green_exclusions, "London Borough of Elmbridge Green"),
    "brackenfield-xlsx": (brackenfield_town_centre, "Brackenfield Borough Council"),
    "glenholm-xlsx": (glenholm_empty_homes, "Glenholm Council"),
    "bryngarw-csv": (bryngarw_council_tax_support, "Bryngarw County Council"),
    "midvale-csv": (midvale_loneliness, "Midvale Council"),
    "calderbrook-txt": (calderbrook_selective_licensing, "Calderbrook City Council"),
    "oakridge-txt": (oakridge_garden_waste, "Oakridge District Council"),
    "gwynant-txt": (gwynant_community_transport, "Gwynant County Council"),
}
