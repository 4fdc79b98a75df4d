"""The papers' Word writer puts down exactly the XML python-docx's own calls would, element for element."""

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from papers.word import _Body

# Tabs, line breaks of each kind, and space at either end: each is an element or an attribute of its own.
AWKWARD = "  Lead\tand trail \n second\r\nthird "


def body_xml(document):
    return etree.tostring(document.element.body, encoding="unicode")


def test_paragraphs_are_written_as_python_docx_writes_them():
    expected, written = Document(), Document()
    body = _Body(written)

    expected.add_paragraph(AWKWARD)
    body.paragraph(AWKWARD)
    expected.add_paragraph("")
    body.paragraph("")
    expected.add_paragraph("A heading", "Heading 2")
    body.paragraph("A heading", "Heading 2")
    expected.add_paragraph("", "List Bullet")
    body.paragraph("", "List Bullet")
    expected.add_paragraph().add_run(AWKWARD).bold = True
    body.bold(AWKWARD)
    expected.add_paragraph().add_run("Not changed").bold = False
    body.bold("Not changed", False)
    expected.add_paragraph().add_run("").bold = True
    body.bold("")
    expected.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    body.page_break()

    assert body_xml(written) == body_xml(expected)
    # Still a valid body: everything written comes before the section properties, which end it.
    assert written.element.body[-1].tag.endswith("}sectPr")


def test_tables_are_written_as_python_docx_writes_them():
    rows = [["1)", AWKWARD, ["First", "", "Third"]], ["", [], "x"]]
    header = ["Recommendation", "Decision", "Comment"]
    expected, written = Document(), Document()

    for with_header in (header, ()):
        table = expected.add_table(rows=0, cols=3)
        table.style = "Table Grid"
        if with_header:
            for cell, text in zip(table.add_row().cells, with_header, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            table.rows[0]._tr.get_or_add_trPr().append(repeat)
        for row in rows:
            for cell, value in zip(table.add_row().cells, row, strict=True):
                first, *rest = (value if isinstance(value, list) else [value]) or [""]
                cell.paragraphs[0].text = first
                for text in rest:
                    cell.add_paragraph(text)
        _Body(written).table(rows, with_header)

    assert body_xml(written) == body_xml(expected)


def test_a_row_that_does_not_fit_the_table_is_refused():
    body = _Body(Document())

    with pytest.raises(ValueError, match="1 cells in a table of 2 columns"):
        body.table([["one", "two"], ["three"]])
