"""Recommendations not set out as one table with a header row: a table each, paragraphs, and the
text saved from Word or Excel that breaks a row across lines. Read through the table reader, as
the importer reads any paper."""

import datetime

import pytest

from importing import tables
from importing.formats import Paragraph, Table, extract
from importing.formats.text import read_text
from importing.layouts.base import target_date_of

from .formats.builders import docx_bytes


def read(blocks):
    reading = tables.find(blocks)
    assert reading is not None
    return reading, tables.recommendations(reading)


def test_a_table_per_recommendation_is_read_as_rows_of_one_table():
    blocks = [
        Paragraph("Cabinet response to the Review of Parks"),
        Table(
            [
                ["Recommendation 1", "That the Council plants 500 trees a year."],
                ["Cabinet response", "Agreed. Planting starts in November."],
                ["Decision", "Agreed"],
                ["Lead officer", "Head of Parks", "Timescale", "March 2027"],
            ]
        ),
        Paragraph(""),
        Table(
            [
                # A title row merged across the table, then the text under its own label.
                ["Recommendation 2", "Recommendation 2"],
                ["Recommendation", "That play areas are inspected weekly."],
                ["Cabinet response", "Inspections are monthly, as the insurer requires."],
                ["Decision", "Not agreed"],
            ]
        ),
    ]
    reading, found = read(blocks)
    assert reading.tables == [1, 2]
    assert [(item.reference, item.text) for item in found] == [
        ("Recommendation 1", "That the Council plants 500 trees a year."),
        ("Recommendation 2", "That play areas are inspected weekly."),
    ]
    assert [(item.response.decision, item.response.comment) for item in found] == [
        ("agree", "Agreed. Planting starts in November."),
        ("disagree", "Inspections are monthly, as the insurer requires."),
    ]
    assert (found[0].lead_officer, found[0].target) == ("Head of Parks", "March 2027")
    assert found[1].lead_officer == ""


def test_a_details_table_is_not_a_recommendation():
    blocks = [Table([["Report of", "Director of Place"], ["Date", "3 March 2026"], ["Wards", "All"]])]
    assert tables.find(blocks) is None


def test_recommendations_as_paragraphs_with_labels_inline_or_as_headings():
    def build(document):
        document.add_heading("Cabinet response to the Review of Libraries", level=1)
        document.add_paragraph("1.1 This report sets out the response to Recommendation 1 and the others.")
        document.add_paragraph("Recommendation 1: That the libraries open on Sundays.")
        document.add_paragraph("Response: Agreed. From April.")
        document.add_paragraph("Recommendation 2")
        document.add_paragraph("That the mobile library is withdrawn.")
        document.add_heading("Cabinet response", level=3)
        document.add_paragraph("Not agreed. It serves rural villages.")
        document.add_paragraph("It will be kept.")
        document.add_heading("Financial implications", level=2)
        document.add_paragraph("None beyond the service's budget.")

    blocks = extract("response.docx", docx_bytes(build)).blocks
    reading, found = read(blocks)
    assert reading.tables == [] and reading.first_paragraph == 3
    assert [(item.reference, item.text) for item in found] == [
        ("Recommendation 1", "That the libraries open on Sundays."),
        ("Recommendation 2", "That the mobile library is withdrawn."),
    ]
    assert [item.response.decision for item in found] == ["agree", "disagree"]
    # The heading that follows ends the response: the implications are not part of it.
    assert found[1].response.comment == "Not agreed. It serves rural villages.\nIt will be kept."
    assert tables.place(found[1].source_table, found[1].source_position) == "paragraph 5"


def test_a_report_with_one_named_recommendation_is_not_read_as_paragraphs():
    blocks = [Paragraph("Recommendation 1: That Cabinet notes the report."), Paragraph("Response: Noted.")]
    assert tables.find(blocks) is None


def test_notes_beside_a_response_are_not_the_response():
    blocks = [
        Table(
            [
                ["No.", "Recommendation", "Response", "Notes"],
                [
                    "1",
                    "That the Council plants trees.",
                    "Agreed. Planting will start in November in the six town parks.",
                    "Survey complete.",
                ],
            ]
        )
    ]
    reading, found = read(blocks)
    assert reading.fields == ["reference", "text", "comment", ""]
    assert found[0].response.comment == "Agreed. Planting will start in November in the six town parks."
    assert any("“Notes”" in warning for warning in reading.warnings)
    # Where nothing else gives the response, the notes are the comment.
    alone = [
        Table(
            [
                ["No.", "Recommendation", "Notes"],
                ["1", "That the Council plants trees.", "Planting starts soon."],
            ]
        )
    ]
    assert read(alone)[1][0].response.comment == "Planting starts soon."


def test_a_line_break_saved_inside_a_tab_separated_cell_does_not_split_the_row():
    text = (
        "No.\tRecommendation\tResponse\tDecision\n"
        "1.\tThat the Council opens the tip\n"
        "on Thursday evenings.\tA trial will run.\tPartially agreed\n"
        "2.\tThat fines are introduced.\tThe Council prefers education.\tNot agreed\n"
    )
    (table,) = [block for block in read_text(text) if isinstance(block, Table)]
    assert table.rows[1] == [
        "1.",
        "That the Council opens the tip\non Thursday evenings.",
        "A trial will run.",
        "Partially agreed",
    ]
    assert table.rows[2][0] == "2."


def test_excel_unicode_text_with_quoted_cells_over_several_lines():
    text = (
        "Ref\tRecommendation\tResponse\t\n"
        'HS1\tThat homes are inspected.\t"Inspections began in May.\nA ""three year"" plan is drawn up."\t\n'
        "HS2\tThat repairs are reported online.\tAgreed.\t\n"
    )
    (table,) = [block for block in read_text(text) if isinstance(block, Table)]
    assert [row[0] for row in table.rows] == ["Ref", "HS1", "HS2"]
    assert table.rows[1][2] == 'Inspections began in May.\x0bA "three year" plan is drawn up.'
    reading, found = read([table])
    assert found[0].response.comment == 'Inspections began in May.\nA "three year" plan is drawn up.'


def test_an_unclosed_quote_is_kept_as_written():
    text = 'Ref\tRecommendation\tResponse\n1\t"That the Council acts.\tAgreed.\n2\tThat it reports.\tNoted.\n'
    (table,) = [block for block in read_text(text) if isinstance(block, Table)]
    assert table.rows[1] == ["1", '"That the Council acts.', "Agreed."]


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("31 March 2026", datetime.date(2026, 3, 31)),
        ("By 31st March 2026", datetime.date(2026, 3, 31)),
        ("March 2026", datetime.date(2026, 3, 31)),
        ("End of February 2028", datetime.date(2028, 2, 29)),
        ("Mar-2027", datetime.date(2027, 3, 31)),
        ("Dec-26", datetime.date(2026, 12, 31)),
        ("30/09/2026", datetime.date(2026, 9, 30)),
        ("2026-06-01", datetime.date(2026, 6, 1)),
        ("On-going", None),
        ("2026/27", None),
        ("Spring 2026", None),
        ("Q1 2026", None),
        ("Within six months of the review", None),
    ],
)
def test_a_timetable_that_is_a_date_is_read_as_its_target(wording, expected):
    assert target_date_of(wording) == expected


@pytest.mark.django_db
def test_the_importer_sets_the_original_target_from_a_timetable_date(tmp_path):
    import io

    from django.core.management import call_command

    from recommendations.models import Recommendation, TargetDate

    paper = tmp_path / "tracker.csv"
    paper.write_text(
        "Ref,Recommendation,Response,Timetable\n"
        "R1,That the Council opens the library on Sundays.,Agreed.,March 2027\n"
        "R2,That the Council reviews its fees.,Agreed.,On-going\n",
        encoding="utf-8",
    )
    call_command("import_report", str(paper), "--council", "Testshire County Council", stdout=io.StringIO())

    one, two = Recommendation.objects.order_by("position")
    assert (one.target_date, one.timetable) == (datetime.date(2027, 3, 31), "March 2027")
    assert (two.target_date, two.timetable) == (None, "On-going")
    original = TargetDate.objects.get()
    assert original.kind == TargetDate.Kind.ORIGINAL and original.recommendation == one
    assert original.history.get().history_change_reason == "Imported from tracker.csv"
