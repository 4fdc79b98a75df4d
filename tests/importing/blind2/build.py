"""Builders of the second blind corpus: papers the importer has never seen.

Each builder takes a directory, writes one paper there and returns
``(path, expected)``: ``expected`` lists the paper's recommendations in order,
each ``{"reference", "text", "decision", "comment"}`` labelled by hand by the
rules in the brief (reference as written; decision one of ``agree``,
``in_part``, ``disagree``, ``noted`` or ``""``; comment the executive's response
as the paper gives it, whole). ``PAPERS`` names every paper with the council
whose paper it is.
"""

import csv
import datetime
from pathlib import Path

import openpyxl
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

PAPERS = []  # (name, council, builder)


def paper(name, council):
    def register(builder):
        PAPERS.append((name, council, builder))
        return builder

    return register


def rec(reference, text, decision, comment):
    return {"reference": reference, "text": text, "decision": decision, "comment": comment}


def joined(parts):
    """A cell of several paragraphs, as the expected text: its paragraphs in order."""
    if isinstance(parts, str):
        return parts
    return " ".join(part if isinstance(part, str) else part[1] for part in parts)


# --------------------------------------------------------------------------- Word helpers


def fill(cell, content, bold=False, bullets=None):
    """Write ``content`` into a Word cell.

    ``content`` is a string (one paragraph; ``\\n`` is a line break inside it)
    or a list of paragraphs, where ``("bullet", text)`` is a bulleted item and
    ``("number", text)`` a numbered one (``bullets`` gives the list ids).
    """
    parts = [content] if isinstance(content, str) else content
    first = True
    for part in parts:
        kind, text = ("plain", part) if isinstance(part, str) else part
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        lines = text.split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = bold
            if index < len(lines) - 1:
                run.add_break()
        if kind != "plain":
            list_paragraph(paragraph, bullets[kind])


def list_paragraph(paragraph, num_id):
    numPr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numPr.get_or_add_ilvl().val = 0
    numPr.get_or_add_numId().val = num_id


def add_list(document, fmt, text, abstract_id, num_id, font=None):
    """Add a one-level list definition (as Word writes one) and return its id."""
    numbering = document.part.numbering_part.element
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr>'
        f"{rpr}</w:lvl></w:abstractNum>"
    )
    numbering.find(qn("w:num")).addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def shade(cell, colour):
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{colour}"/>'))


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    trPr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def widths(table, *centimetres):
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, centimetres, strict=False):
            cell.width = Cm(width)


def landscape_section(document):
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    return section


def heading(document, lines):
    for index, line in enumerate(lines):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        run.bold = index == 0
        if index == 0:
            run.font.size = Pt(14)


# --------------------------------------------------------------------------- Word papers


@paper("hartwell_merged_title_row", "Hartwell Borough Council")
def hartwell(directory):
    """First row a title merged across the columns; header cells bold with line breaks."""
    rows = [
        rec(
            "1",
            "That the Council introduces a selective licensing scheme for privately rented homes in the Northgate and Riverside wards, subject to the statutory consultation.",
            "agree",
            "The Executive agrees that the evidence of poor housing conditions in these wards supports consultation on a selective licensing scheme. A consultation will open in September 2025 and a report on its outcome will come to the Executive in early 2026.",
        ),
        rec(
            "2",
            "That a dedicated private sector housing enforcement officer is appointed to respond to complaints of damp and mould within ten working days.",
            "in_part",
            "Agreed in part. Complaints of damp and mould will be triaged within ten working days from October 2025, using the existing team. A further post will be considered in the 2026/27 budget.",
        ),
        rec(
            "3",
            "That the Council publishes on its website a register of landlords who have received a civil penalty in the last three years.",
            "disagree",
            "The Council already contributes to the national database of rogue landlords and agents. Legal advice is that publishing a local register would carry risks that outweigh its benefit.",
        ),
        rec(
            "4",
            "That the Council works with the Hartwell Tenants' Forum to produce a plain English guide to tenants' rights, available in the five most spoken community languages.",
            "agree",
            "",
        ),
        rec(
            "5",
            "That the Executive asks the Local Government Association to lobby for an increase in the maximum civil penalty for housing offences.",
            "agree",
            "The Executive Member for Housing will write to the Local Government Association before the end of the year.",
        ),
        rec(
            "6",
            "That the Overview and Scrutiny Committee receives a report on progress against these recommendations in twelve months.",
            "agree",
            "A progress report will be scheduled for the Committee's meeting in July 2026.",
        ),
    ]
    wording = {"agree": "Agreed", "in_part": "Partially agreed", "disagree": "Not agreed"}
    document = Document()
    heading(
        document,
        [
            "Hartwell Borough Council",
            "Executive – 9 July 2025",
            "Executive response to the Overview and Scrutiny Committee's review of the private rented sector",
            "Report of: Executive Member for Housing and Planning",
        ],
    )
    document.add_paragraph(
        "The Overview and Scrutiny Committee agreed the report of its task group on 3 June 2025. "
        "The Executive's response to each of its six recommendations is set out in Appendix A."
    )
    table = document.add_table(rows=2 + len(rows), cols=4)
    table.style = "Table Grid"
    title = table.rows[0].cells[0].merge(table.rows[0].cells[3])
    fill(title, "Appendix A – Executive response to the recommendations", bold=True)
    shade(title, "D9D9D9")
    for cell, text in zip(
        table.rows[1].cells,
        ["No.", "Recommendation", "Agreed /\nNot agreed", "Executive\nresponse"],
        strict=True,
    ):
        fill(cell, text, bold=True)
    for row, item in zip(table.rows[2:], rows, strict=True):
        fill(row.cells[0], item["reference"])
        fill(row.cells[1], item["text"])
        fill(row.cells[2], wording[item["decision"]])
        fill(row.cells[3], item["comment"])
    widths(table, 1.2, 7, 2.5, 6.5)
    path = Path(directory) / "hartwell-executive-response-private-rented-sector.docx"
    document.save(path)
    return path, rows


@paper("kingsmere_responder_column", "Kingsmere District Council")
def kingsmere(directory):
    """A column names the responding cabinet member; Agree / Agree with amendment / ... decisions."""
    responder = {
        "housing": "Councillor Jo Bloggs, Cabinet Member for Housing",
        "finance": "Councillor Priya Mistry, Cabinet Member for Finance and Resources",
        "leader": "Councillor Alan Whitcombe, Leader of the Council",
    }
    items = [
        (
            "a)",
            "That the Cabinet sets a target of 150 new homes for social rent each year until 2030.",
            "Agree with amendment",
            "in_part",
            "The Cabinet supports the ambition but proposes a target of 120 homes a year, which is what the current Housing Revenue Account business plan can fund. The target will be reviewed when the plan is refreshed.",
            "housing",
        ),
        (
            "b)",
            "That the Council acquires empty homes through compulsory purchase where owners have not responded to two years of engagement.",
            "Agree in principle",
            "in_part",
            "Compulsory purchase will be used as a last resort and each case will come to Cabinet. A policy setting out the tests will be brought forward by March 2026.",
            "housing",
        ),
        (
            "c)",
            "That the Council establishes a wholly owned housing company to build homes for market rent.",
            "Disagree",
            "disagree",
            "The financial appraisal carried out in 2024 showed that a housing company would not be viable at current borrowing rates. The Cabinet will keep this under review.",
            "finance",
        ),
        (
            "d)",
            "That the Council publishes an annual housing delivery statement showing completions by tenure and ward.",
            "Agree",
            "agree",
            "The first statement will be published alongside the Authority Monitoring Report in December 2025.",
            "housing",
        ),
        (
            "e)",
            "That rural exception sites are promoted to parish councils through a programme of briefings.",
            "Agree",
            "agree",
            "Briefings for parish councils will be held in the autumn, with the Rural Housing Enabler.",
            "housing",
        ),
        (
            "f)",
            "That the Council lobbies Government for the retention of 100% of Right to Buy receipts.",
            "Agree",
            "agree",
            "The Leader has written to the Minister for Housing and will raise the matter through the District Councils' Network.",
            "leader",
        ),
        (
            "g)",
            "That the Council reviews the use of commuted sums for affordable housing held under section 106 agreements and reports the balance to this Committee every six months.",
            "Agree with amendment",
            "in_part",
            "The balance of commuted sums will be reported annually, with the budget monitoring report, rather than every six months.",
            "finance",
        ),
    ]
    document = Document()
    heading(
        document,
        [
            "Kingsmere District Council",
            "Cabinet – 17 September 2025",
            "Response to the Housing Delivery Scrutiny Panel: Affordable Housing Review",
        ],
    )
    document.add_paragraph(
        "The table below sets out the Cabinet's response to each recommendation of the panel, and the "
        "member of the Cabinet responsible for it."
    )
    table = document.add_table(rows=1 + len(items), cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ["Ref", "Scrutiny recommendation", "Decision", "Executive response", "Response by"],
        strict=True,
    ):
        fill(cell, text, bold=True)
    repeat_header(table.rows[0])
    expected = []
    for row, (ref, text, wording, decision, comment, who) in zip(table.rows[1:], items, strict=True):
        for cell, value in zip(row.cells, [ref, text, wording, comment, responder[who]], strict=True):
            fill(cell, value)
        expected.append(rec(ref, text, decision, comment))
    widths(table, 1, 5.5, 2.5, 5.5, 3.5)
    path = Path(directory) / "kingsmere-cabinet-response-affordable-housing.docx"
    document.save(path)
    return path, expected


@paper("ashcombe_landscape_bullets", "Ashcombe City Council")
def ashcombe(directory):
    """'Recommendation 1' in its own column, landscape section, a response of paragraphs and bullets."""
    items = [
        (
            "Recommendation 1",
            "That the Council declares an Air Quality Management Area covering the whole of the inner ring road.",
            "Accepted",
            "agree",
            [
                "The Council accepts this recommendation. Monitoring in 2024 showed annual mean nitrogen dioxide above the objective at six of the nine diffusion tube sites on the ring road.",
                "The declaration will be made in two stages:",
                ("bullet", "the western section, from Castle Gate to the railway bridge, by December 2025;"),
                ("bullet", "the eastern section, once the 2025 monitoring results are ratified."),
                "An Air Quality Action Plan will follow within eighteen months of each declaration.",
            ],
        ),
        (
            "Recommendation 2",
            "That a clean air zone charging private cars is introduced in the city centre by 2027.",
            "Not accepted",
            "disagree",
            [
                "A charging zone for private cars is not supported at this time. The Council's modelling shows that the measures below are expected to bring concentrations within the objective by 2027 without a charge:",
                ("bullet", "retrofitting the city's bus fleet through the Clean Bus Technology Fund;"),
                ("bullet", "timed restrictions on deliveries in the pedestrian core;"),
                ("bullet", "a school streets programme at twelve primary schools."),
            ],
        ),
        (
            "Recommendation 3",
            "That the Council installs real-time air quality monitors outside every primary school within 200 metres of a main road.",
            "Accepted in principle",
            "in_part",
            [
                "The Council accepts the principle and will install monitors at the eight schools with the highest modelled exposure in 2025/26.",
                "Further sites depend on the outcome of a bid to the Defra Air Quality Grant.",
            ],
        ),
        (
            "Recommendation 4",
            "That the Council's own vehicle fleet is fully electric by 2030.",
            "Accepted",
            "agree",
            ["The Fleet Replacement Strategy approved in March 2025 already commits to this."],
        ),
        (
            "Recommendation 5",
            "That the Environment Scrutiny Panel receives the Annual Status Report on air quality each year before it is submitted to Defra.",
            "Accepted",
            "agree",
            [],
        ),
    ]
    document = Document()
    bullets = add_list(document, "bullet", "•", 71, 71, font="Symbol")
    heading(
        document,
        [
            "Ashcombe City Council",
            "Cabinet – 2 October 2025",
            "Environment Scrutiny Panel: Review of Air Quality – Executive Response",
        ],
    )
    document.add_paragraph(
        "Lead Cabinet Member: Councillor Hannah Greaves, Cabinet Member for Climate and Environment"
    )
    document.add_paragraph(
        "1. The Environment Scrutiny Panel reported on its review of air quality in the city to Cabinet on "
        "4 September 2025. Its five recommendations and the Executive's response to each are set out in the "
        "table overleaf."
    )
    landscape_section(document)
    document.add_paragraph("Executive response to the recommendations of the Environment Scrutiny Panel")
    table = document.add_table(rows=1 + len(items), cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Ref", "Recommendation", "Executive decision", "Comments"], strict=True
    ):
        fill(cell, text, bold=True)
        shade(cell, "BDD7EE")
    expected = []
    for row, (ref, text, wording, decision, comment) in zip(table.rows[1:], items, strict=True):
        fill(row.cells[0], ref)
        fill(row.cells[1], text)
        fill(row.cells[2], wording)
        if comment:
            fill(row.cells[3], comment, bullets={"bullet": bullets})
        expected.append(rec(ref, text, decision, joined(comment)))
    widths(table, 3, 8, 3.5, 11)
    portrait = document.add_section(WD_SECTION.NEW_PAGE)
    portrait.orientation = WD_ORIENT.PORTRAIT
    portrait.page_width, portrait.page_height = portrait.page_height, portrait.page_width
    document.add_paragraph("Background papers: Ashcombe Air Quality Annual Status Report 2024.")
    path = Path(directory) / "ashcombe-air-quality-executive-response.docx"
    document.save(path)
    return path, expected


@paper("brackenfield_row_numbers", "Brackenfield Borough Council")
def brackenfield(directory):
    """A narrow first column of row numbers 1.0, 2.0; Accepted? Yes / No / Partly."""
    items = [
        (
            "That the Council extends the hours of the neighbourhood warden service to 10pm on Fridays and Saturdays.",
            "Yes",
            "agree",
            "The extended hours will be piloted from November 2025 for six months, funded from the Safer Streets grant.",
        ),
        (
            "That a single point of contact for reporting antisocial behaviour is created across the Council and the Brackenfield Homes housing association.",
            "Partly",
            "in_part",
            "A shared online reporting form will go live in January 2026. A single telephone number is not possible while the two organisations use separate contact centres.",
        ),
        (
            "That Public Spaces Protection Orders are extended to cover all parks in the borough.",
            "No",
            "disagree",
            "The Council's legal advice is that an order must be justified by evidence of detrimental activity in each area. Orders will continue to be made park by park where the evidence supports them.",
        ),
        (
            "That victims of persistent antisocial behaviour are told within five working days who is dealing with their case.",
            "Yes",
            "agree",
            "This will be built into the case management standards from December 2025.",
        ),
        (
            "That the Community Safety Partnership publishes quarterly data on antisocial behaviour by ward.",
            "Yes",
            "agree",
            "",
        ),
        (
            "That the Council funds additional youth outreach workers in the three wards with the highest number of reports.",
            "Partly",
            "in_part",
            "Two outreach workers will be funded for 2026/27; a third post depends on the outcome of the Youth Investment Fund bid.",
        ),
    ]
    document = Document()
    heading(
        document,
        [
            "Brackenfield Borough Council",
            "Cabinet, 23 October 2025",
            "Cabinet response to the Community Safety Scrutiny Sub-Committee review: Tackling Antisocial Behaviour",
        ],
    )
    table = document.add_table(rows=1 + len(items), cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["No.", "Recommendation", "Response", "Accepted?"], strict=True
    ):
        fill(cell, text, bold=True)
    expected = []
    for index, (row, (text, wording, decision, comment)) in enumerate(
        zip(table.rows[1:], items, strict=True)
    ):
        ref = f"{index + 1}.0"
        for cell, value in zip(row.cells, [ref, text, comment, wording], strict=True):
            fill(cell, value)
        expected.append(rec(ref, text, decision, comment))
    widths(table, 1.0, 7.0, 7.0, 2.0)
    path = Path(directory) / "brackenfield-cabinet-response-antisocial-behaviour.docx"
    document.save(path)
    return path, expected


@paper("fenmoor_table_per_recommendation", "Fenmoor County Council")
def fenmoor(directory):
    """One two-column label/value table per recommendation."""
    items = [
        (
            "That the Council reviews its home to school transport policy for children with special educational needs so that it meets the statutory guidance published in 2024.",
            "The policy has been reviewed against the 2024 guidance and a revised draft will go to public consultation in November 2025.",
            "Agreed",
            "agree",
            "Head of Transport Services",
            "March 2026",
        ),
        (
            "That parents are given at least ten school days' notice of any change to their child's route or driver.",
            "Ten school days' notice will be the standard except where a change is needed for safeguarding reasons or because a contractor withdraws at short notice.",
            "Partially agreed",
            "in_part",
            "Head of Transport Services",
            "January 2026",
        ),
        (
            "That independent travel training is offered to every young person with an Education, Health and Care Plan from the age of fourteen.",
            "Travel training will be offered to every young person for whom it is suitable, as assessed at their Year 9 annual review.",
            "Agreed",
            "agree",
            "Assistant Director, SEND",
            "September 2026",
        ),
        (
            "That the Council brings its transport contracts back in-house.",
            "An options appraisal in 2024 found that an in-house service would cost about £2.1 million a year more than the current contracts. The Council will instead strengthen the monitoring of contractors.",
            "Not agreed",
            "disagree",
            "Director of Children's Services",
            "Not applicable",
        ),
        (
            "That the Children's Services Scrutiny Committee receives the results of the annual survey of parents using the service.",
            "The survey results will be reported to the Committee each spring.",
            "Agreed",
            "agree",
            "Head of Transport Services",
            "April 2026",
        ),
    ]
    document = Document()
    heading(
        document,
        [
            "Fenmoor County Council",
            "Cabinet – 11 November 2025",
            "Children's Services Scrutiny Committee: Task and Finish Group on SEND Home to School Transport",
            "Response of the Cabinet Member for Children, Young People and Families",
        ],
    )
    document.add_paragraph(
        "The task and finish group made five recommendations. Each is set out below with the Cabinet's "
        "response, the officer responsible and the timescale."
    )
    expected = []
    for index, (text, response, wording, decision, officer, when) in enumerate(items, start=1):
        label = f"Recommendation {index}"
        table = document.add_table(rows=5, cols=2)
        table.style = "Table Grid"
        pairs = [
            (label, text),
            ("Response", response),
            ("Decision", wording),
            ("Lead officer", officer),
            ("Timescale", when),
        ]
        for row, (key, value) in zip(table.rows, pairs, strict=True):
            fill(row.cells[0], key, bold=True)
            shade(row.cells[0], "E7E6E6")
            fill(row.cells[1], value)
        widths(table, 4, 12.5)
        document.add_paragraph()
        expected.append(rec(label, text, decision, response))
    document.add_paragraph("Contact officer: Martin Oyelaran, Head of Transport Services.")
    path = Path(directory) / "fenmoor-send-transport-cabinet-response.docx"
    document.save(path)
    return path, expected


@paper("tarnside_word_numbered_list", "Tarnside Borough Council")
def tarnside(directory):
    """Numbers drawn by Word's numbered list; Supported / Not supported / Noted."""
    items = [
        (
            "That the Council adopts a Dementia Friendly Tarnside charter and seeks accreditation from the Alzheimer's Society.",
            "Supported",
            "agree",
            "The charter will be adopted at Council in January 2026 and an application for accreditation made thereafter.",
        ),
        (
            "That all front-line staff complete Dementia Friends training within a year.",
            "Supported",
            "agree",
            "Training will be included in the corporate induction and offered to existing staff through the learning portal.",
        ),
        (
            "That the Council funds a dementia adviser post in each of the borough's three localities.",
            "Not supported",
            "disagree",
            "Dementia advisers are commissioned by the Integrated Care Board. The Council will ask the Board to review coverage in Tarnside.",
        ),
        (
            "That leisure centres offer dementia-friendly swimming sessions at least once a week.",
            "Supported",
            "agree",
            "",
        ),
        (
            "That the Health and Wellbeing Board is asked to make dementia a priority in its next strategy.",
            "Noted",
            "noted",
            "This is a matter for the Health and Wellbeing Board, to which the recommendation will be referred.",
        ),
        (
            "That the Council's libraries hold a collection of reminiscence resources and memory boxes for loan.",
            "Supported",
            "agree",
            "Memory boxes are already available at Tarnside Central Library and will be extended to the branch libraries by April 2026.",
        ),
    ]
    document = Document()
    numbers = add_list(document, "decimal", "%1.", 72, 72)
    heading(
        document,
        [
            "Tarnside Borough Council",
            "Cabinet – 4 December 2025",
            "Response to the Health Scrutiny Committee's report 'Living Well with Dementia'",
        ],
    )
    table = document.add_table(rows=1 + len(items), cols=3)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, ["Recommendation", "Cabinet decision", "Cabinet Member comments"], strict=True
    ):
        fill(cell, text, bold=True)
    expected = []
    for index, (row, (text, wording, decision, comment)) in enumerate(
        zip(table.rows[1:], items, strict=True)
    ):
        fill(row.cells[0], [("number", text)], bullets={"number": numbers})
        fill(row.cells[1], wording)
        fill(row.cells[2], comment)
        expected.append(rec(f"{index + 1}.", text, decision, comment))
    widths(table, 8, 3, 6)
    path = Path(directory) / "tarnside-dementia-cabinet-response.docx"
    document.save(path)
    return path, expected


@paper("wexcombe_decision_in_response", "Wexcombe Borough Council")
def wexcombe(directory):
    """No decision column: the decision is written at the start or end of the response, or not at all."""
    rows = [
        rec(
            "R01",
            "That the Council prepares a Town Centre Masterplan for Wexcombe by the end of 2026, with residents and businesses involved from the start.",
            "agree",
            "Agreed. Consultants will be appointed in early 2026 and the engagement plan will be shared with the Committee before work begins.",
        ),
        rec(
            "R02",
            "That the Council buys the former department store on High Street to secure its redevelopment.",
            "disagree",
            "Not agreed. The Council does not have the capital to acquire the building and the owner has submitted a planning application for mixed use which is being considered.",
        ),
        rec(
            "R03",
            "That free parking is offered in Council car parks after 3pm on weekdays.",
            "in_part",
            "Partially agreed. A trial of free parking after 3pm will run in the Station Road car park from February to July 2026, after which its effect on footfall will be assessed.",
        ),
        rec(
            "R04",
            "That a town centre manager post is created, jointly funded with the Business Improvement District.",
            "agree",
            "The Business Improvement District has agreed to fund half of the post for three years and recruitment will begin in January (Accepted).",
        ),
        rec(
            "R05",
            "That meanwhile uses are encouraged in vacant units through a rate relief scheme.",
            "",
            "The Cabinet will consider a discretionary rate relief scheme as part of setting the 2026/27 budget in February.",
        ),
        rec(
            "R06",
            "That the Economy and Regeneration Scrutiny Committee reviews progress on the masterplan every six months.",
            "agree",
            "Agreed.",
        ),
    ]
    officers = [
        "Head of Regeneration",
        "Director of Place",
        "Head of Parking Services",
        "Head of Economic Development",
        "Head of Revenues and Benefits",
        "Democratic Services Manager",
    ]
    timescales = ["December 2026", "", "July 2026", "April 2026", "February 2026", "Six-monthly"]
    document = Document()
    heading(
        document,
        [
            "Wexcombe Borough Council",
            "Cabinet: 14 January 2026",
            "Executive response to the Economy and Regeneration Scrutiny Committee review: The Future of Wexcombe Town Centre",
        ],
    )
    landscape_section(document)
    table = document.add_table(rows=1 + len(rows), cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ["Ref", "Recommendation", "Executive response", "Lead officer", "Timescale"],
        strict=True,
    ):
        fill(cell, text, bold=True)
    for row, item, officer, when in zip(table.rows[1:], rows, officers, timescales, strict=True):
        for cell, value in zip(
            row.cells, [item["reference"], item["text"], item["comment"], officer, when], strict=True
        ):
            fill(cell, value)
    widths(table, 1.5, 8, 10, 4, 3)
    path = Path(directory) / "wexcombe-town-centre-executive-response.docx"
    document.save(path)
    return path, rows


@paper("lowther_theme_rows_numbered_text", "Lowther Hills District Council")
def lowther(directory):
    """Theme rows merged across the table; numbers written at the start of the text; a text of paragraphs."""
    themes = {
        0: "Theme 1: Early help for families",
        3: "Theme 2: Working with schools",
    }
    items = [
        (
            "1.",
            [
                "That the Council maps all early help services in the district and publishes the directory online."
            ],
            "Agreed",
            "agree",
            "The Family Hub directory will be published in March 2026 and updated each quarter.",
        ),
        (
            "2.",
            ["That the Council seeks funding to open a second family hub in the north of the district."],
            "Agreed in part",
            "in_part",
            "The Council will bid for funding for a satellite hub in Lowther Bridge library, rather than a second full hub.",
        ),
        (
            "3.",
            [
                "That the Council:",
                "(a) appoints a member champion for early help; and",
                "(b) reports the number of early help assessments to the Committee each quarter.",
            ],
            "Agreed",
            "agree",
            "Councillor Sian Rowe has been appointed as member champion. Quarterly figures will be included in the performance report from the third quarter.",
        ),
        (
            "4.",
            ["That every school in the district is offered a named early help link worker."],
            "Not agreed",
            "disagree",
            "Early help for schools is provided by the County Council. The District Council will share the recommendation with the County Council's Early Help Partnership.",
        ),
        (
            "5.",
            ["That holiday activity and food programmes run in every school holiday, not only in summer."],
            "Agreed",
            "agree",
            "The programme will run in the Easter, summer and Christmas holidays from 2026, funded by the Department for Education grant.",
        ),
    ]
    document = Document()
    heading(
        document,
        [
            "Lowther Hills District Council",
            "Executive Committee – 21 January 2026",
            "Response to the Scrutiny Committee's review of support for families with young children",
        ],
    )
    table = document.add_table(rows=1 + len(items) + len(themes), cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Recommendation", "Response", "Agreed?"], strict=True):
        fill(cell, text, bold=True)
    expected = []
    row_index = 1
    for index, (ref, text_parts, wording, decision, comment) in enumerate(items):
        if index in themes:
            row = table.rows[row_index]
            merged = row.cells[0].merge(row.cells[2])
            fill(merged, themes[index], bold=True)
            shade(merged, "F2F2F2")
            row_index += 1
        row = table.rows[row_index]
        row_index += 1
        written = [f"{ref} {text_parts[0]}", *text_parts[1:]]
        fill(row.cells[0], written)
        fill(row.cells[1], comment)
        fill(row.cells[2], wording)
        expected.append(rec(ref, " ".join(text_parts), decision, comment))
    widths(table, 8, 7, 2)
    path = Path(directory) / "lowther-hills-families-executive-response.docx"
    document.save(path)
    return path, expected


@paper("stourmouth_two_tables_footnote", "Stourmouth Borough Council")
def stourmouth(directory):
    """A report-details table before the recommendations; a footnote row merged across the end."""
    rows = [
        rec(
            "OSC/24/01",
            "That the Council adopts a target for 70% of its contract spend to go to suppliers based in the borough or its neighbours by 2028.",
            "agree",
            "The target will be included in the refreshed Procurement Strategy, with progress reported annually.",
        ),
        rec(
            "OSC/24/02",
            "That social value is weighted at no less than 20% in the evaluation of all contracts over £100,000.",
            "agree",
            "The Social Value Policy will be amended from April 2026.",
        ),
        rec(
            "OSC/24/03",
            "That the Council requires every supplier to pay the Real Living Wage.",
            "disagree",
            "The Council is an accredited Living Wage employer and encourages its suppliers to pay the Real Living Wage, but cannot lawfully require it of every supplier under the Procurement Act 2023.",
        ),
        rec(
            "OSC/24/04",
            "That a Meet the Buyer event is held for small businesses and voluntary organisations each year.",
            "agree",
            "",
        ),
        rec(
            "OSC/24/05",
            "That contracts are divided into lots wherever possible to give small businesses a fair chance to bid.",
            "agree",
            "Officers will record the reasons whenever a contract over £250,000 is not divided into lots.",
        ),
    ]
    wording = {"agree": "Agree", "disagree": "Disagree"}
    officers = [
        "Head of Procurement",
        "Head of Procurement",
        "Director of Resources",
        "Economic Development Manager",
        "Head of Procurement",
    ]
    timescales = ["April 2026*", "April 2026", "", "June 2026", "Ongoing"]
    document = Document()
    heading(document, ["Stourmouth Borough Council", "Cabinet"])
    details = document.add_table(rows=5, cols=2)
    details.style = "Table Grid"
    for row, (key, value) in zip(
        details.rows,
        [
            (
                "Report title",
                "Response to the Overview and Scrutiny Committee: Local Procurement and Social Value",
            ),
            ("Date of meeting", "28 January 2026"),
            ("Report of", "Cabinet Member for Finance and Corporate Services"),
            ("Wards affected", "All wards"),
            ("Key decision", "No"),
        ],
        strict=True,
    ):
        fill(row.cells[0], key, bold=True)
        fill(row.cells[1], value)
    document.add_paragraph()
    document.add_paragraph("1. Recommendation: that Cabinet agrees the responses set out in the table below.")
    document.add_paragraph("2. Responses to the Committee's recommendations")
    table = document.add_table(rows=2 + len(rows), cols=6)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        ["Ref", "Recommendation", "Cabinet response", "Agree / Disagree", "Responsible officer", "Timescale"],
        strict=True,
    ):
        fill(cell, text, bold=True)
    for row, item, officer, when in zip(table.rows[1:], rows, officers, timescales, strict=False):
        values = [item["reference"], item["text"], item["comment"], wording[item["decision"]], officer, when]
        for cell, value in zip(row.cells, values, strict=True):
            fill(cell, value)
    footnote = table.rows[-1].cells[0].merge(table.rows[-1].cells[5])
    fill(footnote, "* Timescales are indicative and subject to the approval of the 2026/27 budget.")
    widths(table, 2.2, 5, 5, 2, 2.5, 2)
    document.add_paragraph("3. Financial implications: none arising directly from this report.")
    path = Path(directory) / "stourmouth-local-procurement-cabinet-response.docx"
    document.save(path)
    return path, rows


# --------------------------------------------------------------------------- PDF helpers

STYLES = getSampleStyleSheet()
BODY = STYLES["BodyText"]
CELL = BODY.clone("cell", fontSize=9, leading=11)
HEAD = BODY.clone("head", fontName="Helvetica-Bold", fontSize=9, leading=11)
WHITE_HEAD = HEAD.clone("white_head", textColor=colors.white)
TITLE = STYLES["Heading2"]


def para(text, style=CELL):
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Paragraph(escaped.replace("\n", "<br/>"), style)


def pdf(path, story, pagesize=A4, furniture=None):
    def on_page(canvas, document):
        if furniture:
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
            top, bottom = furniture
            width, height = pagesize
            if top:
                canvas.drawString(2 * cm, height - 1.2 * cm, top)
            canvas.drawRightString(width - 2 * cm, 1.2 * cm, bottom.format(page=document.page))
            canvas.restoreState()

    document = SimpleDocTemplate(
        str(path),
        pagesize=pagesize,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)


def table_rows(header, rows, head_style=HEAD):
    return [[para(text, head_style) for text in header], *[[para(text) for text in row] for row in rows]]


# --------------------------------------------------------------------------- PDF papers


@paper("castlebridge_pdf_grid", "Castlebridge Borough Council")
def castlebridge(directory):
    """A PDF printed from a Word-like table with a full grid."""
    rows = [
        rec(
            "1",
            "That the Council commissions an independent review of its pest control service, including charges, response times and the use of contractors.",
            "agree",
            "A review will be commissioned from the Association of Public Service Excellence and will report by June 2026.",
        ),
        rec(
            "2",
            "That the charge for treating rats in domestic properties is removed for households receiving Council Tax Support.",
            "agree",
            "The charge will be waived for these households from 1 April 2026; the cost of about £18,000 a year will be met from the Environmental Health budget.",
        ),
        rec(
            "3",
            "That the Council adopts a target of responding to all reports of fly-tipping on public land within two working days.",
            "in_part",
            "A two working day target will apply to fly-tipping that presents a hazard or contains hazardous waste. Other reports will continue to be cleared within five working days.",
        ),
        rec(
            "4",
            "That fixed penalty notices for fly-tipping are increased to the maximum of £1,000.",
            "agree",
            "",
        ),
        rec(
            "5",
            "That the Council installs covert cameras at the ten worst fly-tipping hotspots.",
            "disagree",
            "Covert surveillance must meet the tests of the Regulation of Investigatory Powers Act 2000 in each case. Overt, signed cameras will be deployed at hotspots on a rotating basis instead.",
        ),
        rec(
            "6",
            "That the Environment and Communities Scrutiny Committee receives a progress report in six months.",
            "agree",
            "A report will be brought to the Committee in September 2026.",
        ),
    ]
    wording = {"agree": "Agreed", "in_part": "Partially Agreed", "disagree": "Not Agreed"}
    story = [
        para("Castlebridge Borough Council", TITLE),
        para("Cabinet – 12 February 2026", BODY),
        para(
            "Cabinet response to the Environment and Communities Scrutiny Committee: Review of Pest Control and Fly-tipping",
            BODY,
        ),
        para("Cabinet Member: Councillor Rachel Dunn, Cabinet Member for Environmental Services", BODY),
        Spacer(1, 0.4 * cm),
        para(
            "The Committee's recommendations and the Cabinet's response to each are set out below.",
            BODY,
        ),
        Spacer(1, 0.3 * cm),
    ]
    data = table_rows(
        ["No", "Recommendation", "Cabinet Response", "Agreed/Not Agreed"],
        [[item["reference"], item["text"], item["comment"], wording[item["decision"]]] for item in rows],
    )
    table = Table(data, colWidths=[1.2 * cm, 6.5 * cm, 6.5 * cm, 2.8 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    path = Path(directory) / "castlebridge-pest-control-cabinet-response.pdf"
    pdf(path, story, furniture=(None, "Page {page}"))
    return path, rows


@paper("marlowe_pdf_shaded_no_lines", "Marlowe Vale District Council")
def marlowe(directory):
    """A PDF table with a shaded header and alternate shaded rows and no ruled lines at all."""
    rows = [
        rec(
            "1a",
            "That the Council produces a Local Cycling and Walking Infrastructure Plan by March 2027.",
            "agree",
            "Work on the plan has begun with the County Council as highway authority and a draft will be consulted on in the autumn.",
        ),
        rec(
            "1b",
            "That the plan includes a network of safe routes to every secondary school in the district.",
            "agree",
            "Routes to secondary schools will be the first priority of the network.",
        ),
        rec(
            "2",
            "That the Council provides secure cycle parking at all its car parks and leisure centres.",
            "in_part",
            "Secure parking will be installed at the four leisure centres in 2026/27. Car parks will be assessed individually as some lack the space.",
        ),
        rec(
            "3",
            "That a 20mph limit is introduced on all residential roads in the district's towns.",
            "disagree",
            "Speed limits are set by the County Council. The District Council will support town and parish councils that ask for 20mph schemes in their areas.",
        ),
        rec(
            "4a",
            "That the Council's planning policy requires new housing developments of more than 50 homes to include direct walking and cycling links to the nearest town centre.",
            "agree",
            "This will be included in the Local Plan review, to be submitted for examination in 2027.",
        ),
        rec(
            "4b",
            "That developer contributions are secured for cycling improvements through section 106 agreements.",
            "agree",
            "",
        ),
    ]
    wording = {"agree": "Accepted", "in_part": "Partially accepted", "disagree": "Rejected"}
    story = [
        para("Marlowe Vale District Council", TITLE),
        para("Executive – 26 February 2026", BODY),
        para("Overview and Scrutiny Panel: Active Travel Review – Executive Response", BODY),
        Spacer(1, 0.4 * cm),
    ]
    data = table_rows(
        ["Ref", "Recommendation", "Decision", "Response"],
        [[item["reference"], item["text"], wording[item["decision"]], item["comment"]] for item in rows],
        head_style=WHITE_HEAD,
    )
    table = Table(data, colWidths=[1.2 * cm, 6.8 * cm, 2.6 * cm, 6.4 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F4E79")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#DEEAF6")]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story.append(table)
    path = Path(directory) / "marlowe-vale-active-travel-executive-response.pdf"
    pdf(path, story)
    return path, rows


@paper("greyford_pdf_row_across_page", "Greyford Metropolitan Borough Council")
def greyford(directory):
    """Long cells wrap across a page break; the header repeats on the next page."""
    long_response = (
        "The Cabinet agrees that the Council should do more to make its services accessible to residents who "
        "are not online. The Digital Inclusion Strategy adopted in 2024 already commits the Council to keeping "
        "a telephone and face to face route for every service, and the Customer Access Review has confirmed "
        "that the contact centre will continue to open from 8.30am to 5pm on weekdays. In addition, the Council "
        "will train staff in each of the six libraries as digital champions, who will help residents to use "
        "online services and to apply for social tariffs for broadband. Libraries will lend data-enabled tablets "
        "for up to four weeks to residents referred by a support worker, and the Council will work with the "
        "Good Things Foundation to join the National Device Bank. A small fund of £25,000 a year will be held "
        "for the voluntary sector to run digital skills sessions in community centres, with priority given to "
        "the wards where the Office for National Statistics reports the lowest internet use. The Cabinet will "
        "ask the Corporate Scrutiny Committee to look at the results of this work in a year's time, and will "
        "publish an annual statement of the number of residents helped, the number of devices lent and the "
        "take-up of social tariffs in the borough."
    )
    rows = [
        rec(
            "1",
            "That every Council service continues to offer a way of contacting it that does not depend on the internet.",
            "agree",
            "This is already the Council's policy and is set out in the Digital Inclusion Strategy.",
        ),
        rec(
            "2",
            "That the Council publishes a plain English guide to its online services, available in print from libraries and customer service points.",
            "agree",
            "The guide will be produced with the Greyford Older People's Forum and available from June 2026.",
        ),
        rec(
            "3",
            "That the Council's website is tested each year against the Web Content Accessibility Guidelines 2.2 at level AA, and the results published.",
            "agree",
            "An accessibility audit will be commissioned each year and its results published in the accessibility statement.",
        ),
        rec(
            "4",
            "That the Council develops a programme of practical support for residents who lack the skills, devices or connection to use online services, working with libraries, housing providers and the voluntary and community sector, and that the programme gives priority to older residents, disabled residents and those on low incomes, and reports its reach and results to this Committee within twelve months, including the number of residents helped, the number of devices lent and the take-up of social tariffs for broadband and mobile data in each ward.",
            "agree",
            long_response,
        ),
        rec(
            "5",
            "That the Council pays for unlimited mobile data for every resident in temporary accommodation.",
            "disagree",
            "The cost could not be met within existing budgets. Residents in temporary accommodation will be helped to apply for social tariffs and to the National Databank.",
        ),
        rec(
            "6",
            "That members of the Council are offered training in supporting residents with digital services.",
            "agree",
            "",
        ),
        rec(
            "7",
            "That the Council lobbies broadband providers to extend full fibre to the estates where coverage is lowest.",
            "in_part",
            "The Council will raise coverage with providers through the Combined Authority's digital infrastructure group, rather than lobbying separately.",
        ),
        rec(
            "8",
            "That a member of the Cabinet is named as the digital inclusion champion.",
            "agree",
            "The Cabinet Member for Resources and Customer Services is the champion.",
        ),
    ]
    wording = {"agree": "Yes", "in_part": "In part", "disagree": "No"}
    intro = (
        "1.1 The Corporate Scrutiny Committee undertook a review of digital inclusion between March and "
        "October 2025, taking evidence from residents, officers, voluntary organisations and broadband "
        "providers. The Committee's report was presented to Cabinet on 15 January 2026. "
    )
    story = [
        para("Greyford Metropolitan Borough Council", TITLE),
        para("Cabinet – 5 March 2026", BODY),
        para("Response to the Corporate Scrutiny Committee Review of Digital Inclusion", BODY),
        Spacer(1, 0.3 * cm),
        para("1. Background", HEAD),
        para(intro, BODY),
        para(
            "1.2 The Office for National Statistics estimates that about one adult in twelve in Greyford has "
            "not used the internet in the last three months, and that the share is more than one in five among "
            "residents aged over 75. Residents told the Committee that they found it harder to reach the "
            "Council since more services moved online during the pandemic, and that the cost of broadband and "
            "mobile data was a barrier for many households on low incomes.",
            BODY,
        ),
        para(
            "1.3 The Committee heard from the libraries service, Greyford Homes, Age UK Greyford, the Greyford "
            "Council for Voluntary Service and two broadband providers, and visited digital skills sessions at "
            "Eastfield Community Centre and Greyford Central Library. It thanks everyone who gave evidence.",
            BODY,
        ),
        para(
            "1.4 The Cabinet welcomes the Committee's report, which comes as the Council refreshes its "
            "Customer Access Strategy. The Cabinet's responses take account of the resources available in "
            "the 2026/27 budget and of the work already under way with partners through the Greyford "
            "Digital Inclusion Network, which the Council chairs.",
            BODY,
        ),
        para(
            "1.5 Officers from Customer Services, Libraries and Housing have contributed to the responses, "
            "and the Cabinet Member for Resources and Customer Services will present them to the Corporate "
            "Scrutiny Committee at its next meeting.",
            BODY,
        ),
        para(
            "1.6 The Committee made eight recommendations. The Cabinet's response to each is set out in the "
            "table below.",
            BODY,
        ),
        Spacer(1, 0.3 * cm),
    ]
    # As Word prints a row allowed to break across pages: the row's first part
    # ends page 1, the header repeats at the top of page 2 and the rest of the
    # row follows it, with its number and decision cells empty.
    header = ["No.", "Recommendation", "Cabinet Response", "Agreed (Yes/No)"]
    cells = [[item["reference"], item["text"], item["comment"], wording[item["decision"]]] for item in rows]
    text, comment = cells[3][1], cells[3][2]
    text_cut = text.index(" within twelve months")
    comment_cut = comment.index(" Libraries will lend")
    first = [*cells[:3], ["4", text[:text_cut], comment[:comment_cut], "Yes"]]
    second = [["", text[text_cut + 1 :], comment[comment_cut + 1 :], ""], *cells[4:]]
    for part in (first, second):
        table = Table(
            table_rows(header, part), colWidths=[1.1 * cm, 6 * cm, 7.4 * cm, 2.5 * cm], repeatRows=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
        if part is first:
            story.append(PageBreak())
    story.append(Spacer(1, 0.4 * cm))
    story.append(para("2. Financial implications", HEAD))
    story.append(para("2.1 The costs of recommendation 4 will be met from the Household Support Fund.", BODY))
    path = Path(directory) / "greyford-digital-inclusion-cabinet-response.pdf"
    pdf(path, story, furniture=("Greyford MBC – Cabinet 5 March 2026", "Page {page}"))
    return path, rows


@paper("elmstead_pdf_landscape_furniture", "Elmstead Borough Council")
def elmstead(directory):
    """A landscape action plan PDF with page furniture, roman numeral references and timetable columns."""
    rows = [
        rec(
            "(i)",
            "That the Council reviews the allocation of its community grants so that every ward receives a fair share over a three year period.",
            "agree",
            "A new allocation framework will be agreed by Cabinet in June 2026 and applied from the 2027/28 grant round.",
        ),
        rec(
            "(ii)",
            "That small grants of up to £1,000 are decided within four weeks of application.",
            "agree",
            "The small grants process will be simplified and decisions delegated to the Head of Communities.",
        ),
        rec(
            "(iii)",
            "That voluntary organisations receiving core funding are offered three year agreements.",
            "in_part",
            "Three year agreements will be offered to organisations delivering statutory or commissioned services. Other core funding will remain annual until the Council's medium term financial position is clearer.",
        ),
        rec(
            "(iv)",
            "That the Council transfers the ownership of all community centres to community organisations.",
            "disagree",
            "Community asset transfers will continue to be considered case by case under the Asset Transfer Policy.",
        ),
        rec(
            "(v)",
            "That a voluntary sector compact is agreed with the Elmstead Council for Voluntary Service.",
            "agree",
            "",
        ),
        rec(
            "(vi)",
            "That grant recipients report their outcomes using a single, proportionate monitoring form.",
            "agree",
            "A single form will be introduced for the 2026/27 round.",
        ),
        rec(
            "(vii)",
            "That the Council publishes every grant it awards, with the amount and purpose, on its open data pages.",
            "agree",
            "Grants will be published each quarter in line with the Local Government Transparency Code.",
        ),
    ]
    wording = {"agree": "Endorsed", "in_part": "Partly", "disagree": "Declined"}
    owners = [
        "Head of Communities",
        "Head of Communities",
        "Director of Finance",
        "Head of Property",
        "Head of Communities",
        "Grants Officer",
        "Grants Officer",
    ]
    targets = ["June 2026", "April 2026", "April 2026", "", "September 2026", "April 2026", "Quarterly"]
    story = [
        para("Elmstead Borough Council", TITLE),
        para("Cabinet, 19 March 2026 – Agenda item 7", BODY),
        para(
            "Executive response and action plan: Scrutiny review of support for the voluntary and community sector",
            BODY,
        ),
        Spacer(1, 0.3 * cm),
    ]
    data = table_rows(
        ["Ref", "Recommendation", "Cabinet decision", "Executive response", "Lead officer", "Target date"],
        [
            [item["reference"], item["text"], wording[item["decision"]], item["comment"], owner, target]
            for item, owner, target in zip(rows, owners, targets, strict=True)
        ],
    )
    table = Table(data, colWidths=[1.3 * cm, 7.5 * cm, 2.6 * cm, 8.2 * cm, 3.2 * cm, 2.6 * cm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E2EFDA")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story.append(table)
    path = Path(directory) / "elmstead-voluntary-sector-action-plan.pdf"
    pdf(
        path,
        story,
        pagesize=landscape(A4),
        furniture=("Elmstead Borough Council – Cabinet 19 March 2026", "Printed 12 March 2026 – Page {page}"),
    )
    return path, rows


# --------------------------------------------------------------------------- Spreadsheets

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
GREY = PatternFill("solid", fgColor="D9D9D9")


@paper("oakhurst_tracker_status_first", "Oakhurst County Council")
def oakhurst(directory):
    """Status first, spacer columns, a Decision column with data validation, merged cells over two actions."""
    # (ref, text, decision wording, decision, response, [(status, officer, target, update), ...])
    items = [
        (
            "ASC1",
            "That the Council and the Integrated Care Board agree a joint target for the number of people discharged from hospital on the day they are medically fit.",
            "Accepted",
            "agree",
            "A joint target of 85% of discharges on the day of medical fitness has been agreed through the Better Care Fund plan.",
            [
                (
                    "Complete",
                    "Director of Adult Social Care",
                    "March 2025",
                    "Target agreed at the Health and Wellbeing Board in March.",
                )
            ],
        ),
        (
            "ASC2",
            "That a trusted assessor scheme is introduced so that care homes accept hospital assessments without reassessing.",
            "Accepted",
            "agree",
            "The scheme will be piloted with twelve care homes in the north of the county.",
            [
                (
                    "In progress",
                    "Head of Commissioning",
                    "September 2025",
                    "Nine of the twelve homes have signed up.",
                )
            ],
        ),
        (
            "ASC3",
            "That the Council increases the capacity of its reablement service by 30% and recruits reablement workers on permanent contracts.",
            "Partially Accepted",
            "in_part",
            "Capacity will be increased by 20% in 2025/26 through the Discharge Fund. Permanent contracts will be offered to new reablement workers, but the increase beyond 20% depends on future funding.",
            [
                (
                    "In progress",
                    "Head of Reablement",
                    "June 2025",
                    "Recruitment campaign launched; 14 of 22 posts filled.",
                ),
                ("Not started", "Head of HR", "October 2025", "Review of contracts to begin in the summer."),
            ],
        ),
        (
            "ASC4",
            "That family carers are given a named contact in the discharge team.",
            "Accepted",
            "agree",
            "",
            [
                (
                    "Complete",
                    "Discharge Team Manager",
                    "April 2025",
                    "A named contact is now recorded on every discharge plan.",
                )
            ],
        ),
        (
            "ASC5",
            "That the Council stops placing people in short-term care home beds on discharge.",
            "Rejected",
            "disagree",
            "Short-term beds remain the safest option for some people who cannot yet return home. Their use will be monitored and reported to the Committee.",
            [("Not taken forward", "Director of Adult Social Care", "", "")],
        ),
        (
            "ASC6",
            "That the Committee receives the discharge performance dashboard each quarter.",
            "Accepted",
            "agree",
            "The dashboard will be included in the quarterly performance report.",
            [("Complete", "Performance Manager", "Quarterly", "First dashboard reported in July 2025.")],
        ),
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet["A1"] = "Oakhurst County Council"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = (
        "Adults and Health Scrutiny Committee – Review of Hospital Discharge: recommendation tracker"
    )
    sheet["A3"] = "Updated for the meeting of 16 July 2025"
    header = [
        "Status",
        None,
        "Rec ref",
        "Recommendation",
        None,
        "Decision",
        "Cabinet response",
        None,
        "Lead officer",
        "Target date",
        "Progress update",
    ]
    for column, value in enumerate(header, start=1):
        cell = sheet.cell(row=5, column=column, value=value)
        cell.font = BOLD
        if value:
            cell.fill = GREY
    for column, width in zip("ABCDEFGHIJK", [14, 2, 8, 50, 2, 18, 50, 2, 24, 14, 40], strict=True):
        sheet.column_dimensions[column].width = width
    validation = DataValidation(
        type="list", formula1='"Accepted,Rejected,Partially Accepted"', allow_blank=True
    )
    sheet.add_data_validation(validation)
    validation.add("F6:F40")
    row = 6
    expected = []
    for ref, text, wording, decision, response, actions in items:
        first = row
        for status, officer, target, update in actions:
            sheet.cell(row=row, column=1, value=status)
            sheet.cell(row=row, column=9, value=officer)
            sheet.cell(row=row, column=10, value=target or None)
            sheet.cell(row=row, column=11, value=update or None)
            row += 1
        sheet.cell(row=first, column=3, value=ref)
        sheet.cell(row=first, column=4, value=text)
        sheet.cell(row=first, column=6, value=wording)
        sheet.cell(row=first, column=7, value=response or None)
        if len(actions) > 1:
            for column in "CDFG":
                sheet.merge_cells(f"{column}{first}:{column}{row - 1}")
        for line in range(first, row):
            for column in range(1, 12):
                sheet.cell(row=line, column=column).alignment = WRAP
        expected.append(rec(ref, text, decision, response))
    sheet.freeze_panes = "A6"
    path = Path(directory) / "oakhurst-hospital-discharge-tracker.xlsx"
    workbook.save(path)
    return path, expected


@paper("redmarsh_two_year_sheets", "Redmarsh Borough Council")
def redmarsh(directory):
    """Two sheets, one tracker per review year, each titled with its review."""
    years = [
        (
            "2023-24",
            "Redmarsh Borough Council – Overview and Scrutiny Committee: Review of Homelessness Prevention (2023/24) – recommendation tracker",
            [
                (
                    "23/01",
                    "That the Council opens a homelessness prevention hub in the town centre.",
                    "Agreed",
                    "agree",
                    "The hub will open in the former Job Centre building in spring 2024.",
                    "Opened 8 April 2024.",
                    "Green",
                ),
                (
                    "23/02",
                    "That prevention payments of up to £2,000 are available to clear rent arrears where this keeps a household in its home.",
                    "Agreed",
                    "agree",
                    "",
                    "112 households helped in 2024/25.",
                    "Green",
                ),
                (
                    "23/03",
                    "That the Council leases 40 homes from private landlords for temporary accommodation.",
                    "Partially agreed",
                    "in_part",
                    "The Council will lease 25 homes in 2024/25 and review demand before leasing more.",
                    "19 homes leased so far.",
                    "Amber",
                ),
                (
                    "23/04",
                    "That bed and breakfast is no longer used for families.",
                    "Not agreed",
                    "disagree",
                    "Bed and breakfast will be used for families only in an emergency and for no more than six weeks, as the law allows.",
                    "",
                    "Red",
                ),
            ],
        ),
        (
            "2024-25",
            "Redmarsh Borough Council – Overview and Scrutiny Committee: Review of the Council Tax Support Scheme (2024/25) – recommendation tracker",
            [
                (
                    "24/01",
                    "That the maximum Council Tax Support for working age households is raised from 80% to 90% of the bill.",
                    "Agreed",
                    "agree",
                    "The change was agreed by Council in January 2025 and applies from April 2025.",
                    "Implemented.",
                    "Green",
                ),
                (
                    "24/02",
                    "That a hardship fund of £100,000 is created for households facing exceptional difficulty.",
                    "Agreed",
                    "agree",
                    "The fund will be administered with the Discretionary Housing Payment scheme.",
                    "£41,000 awarded to date.",
                    "Green",
                ),
                (
                    "24/03",
                    "That the scheme is simplified to an income banded scheme.",
                    "Agreed in principle",
                    "in_part",
                    "An income banded scheme will be modelled for 2026/27, subject to consultation.",
                    "Modelling under way.",
                    "Amber",
                ),
                (
                    "24/04",
                    "That no household pays more than £5 a week in Council Tax.",
                    "Not agreed",
                    "disagree",
                    "The cost of about £1.2 million a year cannot be met.",
                    "",
                    "",
                ),
                (
                    "24/05",
                    "That take-up of Council Tax Support is promoted through the Council's housing and benefits letters.",
                    "Agreed",
                    "agree",
                    "Wording has been added to all benefit award letters.",
                    "Complete.",
                    "Green",
                ),
            ],
        ),
    ]
    workbook = openpyxl.Workbook()
    expected = []
    for index, (name, title, items) in enumerate(years):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = name
        sheet["A1"] = title
        sheet["A1"].font = BOLD
        header = ["Ref", "Recommendation", "Executive response", "Agreed?", "Update", "RAG"]
        for column, value in enumerate(header, start=1):
            sheet.cell(row=3, column=column, value=value).font = BOLD
        for offset, (ref, text, wording, decision, response, update, rag) in enumerate(items):
            values = [ref, text, response or None, wording, update or None, rag or None]
            for column, value in enumerate(values, start=1):
                sheet.cell(row=4 + offset, column=column, value=value).alignment = WRAP
            expected.append(rec(ref, text, decision, response))
        for column, width in zip("ABCDEF", [8, 50, 45, 16, 30, 8], strict=True):
            sheet.column_dimensions[column].width = width
    path = Path(directory) / "redmarsh-scrutiny-recommendation-trackers.xlsx"
    workbook.save(path)
    return path, expected


@paper("hollinsworth_numeric_refs_dates", "Hollinsworth Council")
def hollinsworth(directory):
    """Numbers stored as numbers, dates stored as dates, line breaks inside cells, an autofilter."""
    items = [
        (
            1,
            "That the Council adopts a Tree Strategy with a target of 20% canopy cover by 2045.",
            "Agreed",
            "agree",
            "The strategy will be adopted in autumn 2025.\nA canopy survey has been commissioned to set the baseline.",
            "Parks Manager",
            datetime.date(2025, 10, 31),
            "Survey complete; draft strategy written.",
        ),
        (
            2,
            "That two trees are planted for every Council tree felled.",
            "Agreed",
            "agree",
            "This will be written into the Tree Strategy.",
            "Arboricultural Officer",
            datetime.date(2025, 10, 31),
            "",
        ),
        (
            3,
            "That the Council creates a community orchard in every ward.",
            "Partially agreed",
            "in_part",
            "Community orchards will be offered to every ward; they will be created where a site and a volunteer group are found.",
            "Parks Manager",
            datetime.date(2026, 3, 31),
            "Four orchards planted.",
        ),
        (
            4,
            "That the Council stops using glyphosate in its parks and open spaces.",
            "Not agreed",
            "disagree",
            "Glyphosate use has been reduced by 60% since 2022. It will still be used to control invasive species such as Japanese knotweed,\nwhere there is no effective alternative.",
            "Head of Environmental Services",
            None,
            "",
        ),
        (
            5,
            "That the Committee is told how many trees are planted and felled each year.",
            "Noted",
            "noted",
            "Figures will be included in the annual Environment Report.",
            "Parks Manager",
            datetime.date(2026, 6, 30),
            "",
        ),
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Urban Trees"
    sheet["A1"] = "Hollinsworth Council – Place Scrutiny Committee – Urban Trees and Green Spaces Review"
    sheet["A1"].font = BOLD
    header = ["No.", "Recommendation", "Response", "Agreed / Not agreed", "Responsible", "Due", "Notes"]
    for column, value in enumerate(header, start=1):
        sheet.cell(row=3, column=column, value=value).font = BOLD
    expected = []
    for offset, (number, text, wording, decision, response, who, due, notes) in enumerate(items):
        values = [number, text, response, wording, who, due, notes or None]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=4 + offset, column=column, value=value)
            cell.alignment = WRAP
            if isinstance(value, datetime.date):
                cell.number_format = "dd/mm/yyyy"
        expected.append(rec(str(number), text, decision, response))
    sheet.auto_filter.ref = f"A3:G{3 + len(items)}"
    sheet.freeze_panes = "A4"
    for column, width in zip("ABCDEFG", [6, 50, 50, 14, 24, 12, 30], strict=True):
        sheet.column_dimensions[column].width = width
    path = Path(directory) / "hollinsworth-urban-trees-tracker.xlsx"
    workbook.save(path)
    return path, expected


# --------------------------------------------------------------------------- CSV


@paper("bramleigh_csv_quoted_total", "Bramleigh Borough Council")
def bramleigh(directory):
    """Every field quoted, header cells padded with spaces, a trailing Total line."""
    rows = [
        rec(
            "1",
            "That the Council sets up a single advice line for residents struggling with the cost of living.",
            "agree",
            "The Cost of Living Helpline will open in November, staffed by the Customer Services team with Citizens Advice Bramleigh.",
        ),
        rec(
            "2",
            "That the Household Support Fund is used to provide fuel vouchers to households with a prepayment meter.",
            "agree",
            "",
        ),
        rec(
            "3",
            "That warm spaces are opened in all Council buildings during the winter.",
            "in_part",
            "Warm spaces will be opened in the five libraries and the Civic Centre. Other buildings are not suitable or are not open in the evenings.",
        ),
        rec(
            "4",
            "That Council Tax arrears are not referred to enforcement agents for households receiving Universal Credit.",
            "disagree",
            "Each case is considered individually under the Council's Fair Debt Policy, and vulnerable households are already excluded from referral.",
        ),
        rec(
            "5",
            "That the Council promotes Pension Credit take-up through a targeted letter to every eligible household.",
            "agree",
            "Letters will be sent to 2,300 households identified through housing benefit data.",
        ),
        rec(
            "6",
            "That food banks are offered free use of Council premises for storage.",
            "agree",
            "Storage has been offered at the Depot on Mill Lane.",
        ),
        rec(
            "7",
            "That the Committee reviews the Council's response to the cost of living crisis again next year.",
            "agree",
            "The Committee will be asked to add this to its work programme for 2026/27.",
        ),
    ]
    wording = {"agree": "Agreed", "in_part": "Partially agreed", "disagree": "Not agreed"}
    members = [
        "Cllr Tom Hebden",
        "Cllr Tom Hebden",
        "Cllr Aisha Karim",
        "Cllr Mark Pell",
        "Cllr Tom Hebden",
        "Cllr Aisha Karim",
        "Cllr Tom Hebden",
    ]
    path = Path(directory) / "bramleigh-cost-of-living-responses.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(
            [
                "  Recommendation No  ",
                "  Recommendation  ",
                "  Cabinet Decision  ",
                "  Cabinet Response  ",
                "  Lead Member  ",
            ]
        )
        for item, member in zip(rows, members, strict=True):
            writer.writerow(
                [item["reference"], item["text"], wording[item["decision"]], item["comment"], member]
            )
        writer.writerow(["Total", "7 recommendations", "5 agreed, 1 partially agreed, 1 not agreed", "", ""])
    return path, rows


@paper("dunmore_csv_excel_cp1252", "Dunmore City Council")
def dunmore(directory):
    """Saved from Excel as CSV: Windows-1252, a title line, line breaks inside cells, empty trailing columns."""
    rows = [
        rec(
            "R1",
            "That the Council publishes a Play Strategy setting out where children can play safely in every neighbourhood.",
            "agree",
            "A Play Strategy will be drafted with children and young people during 2026.\nIt will be presented to the Executive in the autumn.",
        ),
        rec(
            "R2",
            "That £250,000 is invested in refurbishing the city’s five worst-rated play areas.",
            "in_part",
            "Accepted in principle – £150,000 is available from section 106 contributions; the balance depends on a bid to the Levelling Up Parks Fund.",
        ),
        rec(
            "R3",
            "That every new play area is accessible to disabled children.",
            "agree",
            "All new and refurbished play areas will meet the ‘Inclusive Play’ design standard.",
        ),
        rec(
            "R4",
            "That the Council closes play areas that are little used.",
            "disagree",
            "The Executive does not wish to close play areas. Little-used sites will be reviewed with ward members to see whether they can be improved.",
        ),
        rec(
            "R5",
            "That the Executive asks the police to patrol play areas where there have been reports of antisocial behaviour.",
            "noted",
            "The concerns have been passed to the Neighbourhood Policing Inspector.",
        ),
        rec("R6", "That ward members are consulted before any play equipment is removed.", "agree", ""),
    ]
    wording = {
        "agree": "Accepted",
        "in_part": "Accepted in principle",
        "disagree": "Not accepted",
        "noted": "Noted",
    }
    officers = [
        "Parks and Open Spaces Manager",
        "Head of Neighbourhoods",
        "Parks and Open Spaces Manager",
        "Head of Neighbourhoods",
        "Community Safety Manager",
        "Parks and Open Spaces Manager",
    ]
    path = Path(directory) / "dunmore-play-areas-executive-response.csv"
    with open(path, "w", newline="", encoding="cp1252") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(
            [
                "Dunmore City Council – Children and Young People Scrutiny Commission – Review of Play Areas – Executive response (February 2026)",
                "",
                "",
                "",
                "",
                "",
                "",
            ]
        )
        writer.writerow([""] * 7)
        writer.writerow(
            [
                "Rec No",
                "Recommendation",
                "Decision",
                "Executive Member response",
                "Responsible officer",
                "Timescale",
                "",
            ]
        )
        timescales = ["Autumn 2026", "March 2027", "Ongoing", "", "", "Immediate"]
        for item, officer, when in zip(rows, officers, timescales, strict=True):
            writer.writerow(
                [
                    item["reference"],
                    item["text"],
                    wording[item["decision"]],
                    item["comment"],
                    officer,
                    when,
                    "",
                ]
            )
        writer.writerow([""] * 7)
    return path, rows


# --------------------------------------------------------------------------- Text


@paper("westleigh_txt_tabs_soft_breaks", "Westleigh Borough Council")
def westleigh(directory):
    """Saved from Word as plain text: a row a line with tabs, but line breaks inside cells split rows."""
    rows = [
        rec(
            "1.",
            "That the Council introduces a garden waste subscription discount for households receiving Council Tax Support.",
            "agree",
            "A 50% discount will apply from the 2026 subscription year.",
        ),
        rec(
            "2.",
            "That the recycling centre at Cotton Lane opens until 8pm on Thursdays between April and September, to give residents who work during the day the chance to visit.",
            "in_part",
            "Late opening will be trialled on the first Thursday of each month in 2026, and extended if use justifies it.",
        ),
        rec(
            "3.",
            "That food waste collections are introduced for flats above shops.",
            "agree",
            "Collections from flats will begin with the weekly food waste service in April 2026, as the Environment Act 2021 requires.",
        ),
        rec(
            "4.",
            "That fines for contaminated recycling bins are introduced.",
            "disagree",
            "The Council prefers education to enforcement. Crews will tag contaminated bins and the waste education officer will visit streets with persistent contamination.",
        ),
        rec(
            "5.",
            "That the Council publishes the destination of every material it collects for recycling.",
            "agree",
            "",
        ),
        rec(
            "6.",
            "That the Council's waste contract is reviewed before it is extended in 2027.",
            "noted",
            "A review of the contract options will be brought to Cabinet in 2026, before any decision to extend.",
        ),
    ]
    wording = {"agree": "Agreed", "in_part": "Partially agreed", "disagree": "Not agreed", "noted": "Noted"}
    breaks = {
        1: ("text", "between April and September, "),
        3: ("comment", "Crews will tag "),
        4: ("text", "for recycling."),
    }
    lines = [
        "Westleigh Borough Council",
        "Cabinet – 26 March 2026",
        "Response to the Environment Scrutiny Committee: Review of Waste and Recycling Services",
        "",
        "The Committee's recommendations and the Cabinet's responses are set out below.",
        "",
        "No.\tRecommendation\tResponse\tAgreed/Not agreed",
    ]
    for index, item in enumerate(rows):
        text, comment = item["text"], item["comment"]
        if index in breaks:
            field, before = breaks[index]
            value = text if field == "text" else comment
            cut = value.index(before)
            value = value[:cut].rstrip() + "\r\n" + value[cut:]
            if field == "text":
                text = value
            else:
                comment = value
        lines.append("\t".join([item["reference"], text, comment, wording[item["decision"]]]))
    lines += ["", "Background papers: none."]
    path = Path(directory) / "westleigh-waste-recycling-cabinet-response.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path, rows


@paper("calderbrook_txt_numbered_paragraphs", "Calderbrook Council")
def calderbrook(directory):
    """A report in paragraphs: 'Recommendation 3: That…' then 'Response: Agreed. …', no table at all."""
    rows = [
        rec(
            "Recommendation 1",
            "That the Council keeps all nine of its libraries open for at least their current hours until 2028.",
            "agree",
            "Agreed. The Cabinet has no plans to close any library or reduce opening hours, and the Medium Term Financial Plan protects the library budget until 2028.",
        ),
        rec(
            "Recommendation 2",
            "That self-service technology is used to extend opening hours at the four largest libraries.",
            "in_part",
            "Partially agreed. Extended hours using self-service technology will be piloted at Calderbrook Central Library from September 2026. The other libraries will be considered once the pilot has been evaluated, taking into account the views of users and staff.",
        ),
        rec(
            "Recommendation 3",
            "That the Council works with schools so that every primary school child has a library card.",
            "agree",
            "Agreed. Every Reception pupil will be offered a library card through their school from the next academic year. The Library Service will visit each primary school once a year.",
        ),
        rec(
            "Recommendation 4",
            "That fines for overdue books are abolished.",
            "agree",
            "Agreed. Fines were abolished from 1 April 2026.",
        ),
        rec(
            "Recommendation 5",
            "That the mobile library service is replaced with a home delivery service run by volunteers.",
            "disagree",
            "Not agreed. The mobile library serves 34 rural communities which have no other library access, and the Cabinet wishes to retain it.",
        ),
        rec(
            "Recommendation 6",
            "That the Communities Scrutiny Panel reviews library use again in two years.",
            "noted",
            "Noted. This is a matter for the Panel's work programme.",
        ),
    ]
    lines = [
        "Calderbrook Council",
        "",
        "Report to: Cabinet",
        "Date: 9 April 2026",
        "Report of: Cabinet Member for Culture and Communities",
        "Subject: Response to the Communities Scrutiny Panel's Review of the Library Service",
        "",
        "1. Purpose of the report",
        "1.1 To set out the Cabinet's response to the six recommendations of the Communities Scrutiny Panel following its review of the Library Service, which was reported to Cabinet on 12 March 2026.",
        "",
        "2. Cabinet's response to the recommendations",
        "",
    ]
    for index, item in enumerate(rows, start=1):
        lines.append(f"{item['reference']}: {item['text']}")
        comment = item["comment"]
        if index == 2:
            first, second = comment.split(" The other libraries")
            lines.append(f"Response: {first}")
            lines.append(f"The other libraries{second}")
        elif index == 3:
            first, second = comment.split(" The Library Service")
            lines.append(f"Response: {first}")
            lines.append(f"The Library Service{second}")
        else:
            lines.append(f"Response: {comment}")
        lines.append("")
    lines += [
        "3. Financial implications",
        "3.1 The costs of the pilot in response to Recommendation 2 will be met from the Library Service budget.",
        "",
        "4. Background papers",
        "4.1 Report of the Communities Scrutiny Panel: Review of the Library Service, March 2026.",
    ]
    path = Path(directory) / "calderbrook-library-review-cabinet-response.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, rows


@paper("norbury_txt_excel_unicode", "Norbury Heath District Council")
def norbury(directory):
    """Saved from Excel as Unicode Text: UTF-16 with tabs, quoted cells with line breaks inside, trailing tabs."""
    rows = [
        rec(
            "HS01",
            "That the Council inspects every house in multiple occupation in the district at least once every three years.",
            "agree",
            "A three year inspection programme has been drawn up.\nThe first year will prioritise properties with previous complaints.",
        ),
        rec(
            "HS02",
            "That the Council's own homes meet the Decent Homes Standard by 2027.",
            "agree",
            "The capital programme is funded to achieve this by March 2027.",
        ),
        rec(
            "HS03",
            "That an online portal is created for tenants to report disrepair with photographs.",
            "in_part",
            "Reports with photographs will be accepted through the existing My Account service from June; a separate portal is not needed.",
        ),
        rec(
            "HS04",
            "That landlords who fail to repair within 28 days are charged for the Council's officer time.",
            "disagree",
            "The Council has no power to charge for officer time in these cases, other than through the recovery of enforcement costs under the Housing Act 2004.",
        ),
        rec(
            "HS05",
            "That damp and mould complaints from households with young children are inspected within five working days.",
            "agree",
            "",
        ),
    ]
    wording = {"agree": "Yes", "in_part": "Partly", "disagree": "No"}
    extra = [
        ("Private Sector Housing Manager", "Mar-2027", "Amber", "Year one inspections 40% complete."),
        ("Head of Housing Assets", "Mar-2027", "Green", "92% of homes now decent."),
        ("Digital Services Manager", "Jun-2026", "Green", ""),
        ("Private Sector Housing Manager", "", "", ""),
        ("Private Sector Housing Manager", "Apr-2026", "Green", "Standard in place since April."),
    ]

    def cell(value):
        if "\n" in value or '"' in value:
            return '"' + value.replace('"', '""') + '"'
        return value

    header = [
        "Ref",
        "Recommendation",
        "Accepted?",
        "Cabinet response",
        "Lead officer",
        "Target date",
        "RAG status",
        "Progress update",
    ]
    lines = [
        "\t".join(
            [
                "Norbury Heath District Council - Housing and Communities Scrutiny Committee - Housing Standards Review: tracker",
                *[""] * 7,
            ]
        ),
        "\t" * 7,
        "\t".join(header),
    ]
    for item, (officer, target, rag, update) in zip(rows, extra, strict=True):
        values = [
            item["reference"],
            item["text"],
            wording[item["decision"]],
            item["comment"],
            officer,
            target,
            rag,
            update,
        ]
        lines.append("\t".join(cell(value) for value in values))
    path = Path(directory) / "norbury-heath-housing-standards-tracker.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    return path, rows


def build_all(directory):
    """Every paper: ``{name: (council, path, expected)}``."""
    papers = {}
    for name, council, builder in PAPERS:
        path, expected = builder(directory)
        papers[name] = (council, path, expected)
    return papers
