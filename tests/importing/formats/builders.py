"""Build real test files in memory: Word documents, workbooks, PDFs and zips."""

import io
import re
import zipfile
from collections.abc import Callable

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import SimpleDocTemplate, TableStyle
from reportlab.platypus import Table as PdfTable

from importing.formats import UnreadableFile, extract

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
STYLES = getSampleStyleSheet()


def refused(name: str, data: bytes) -> str:
    """The message extract() refuses the file with, checked to be plain English that starts with the name."""
    with pytest.raises(UnreadableFile) as error:
        extract(name, data)
    message = str(error.value)
    shown = name if len(name) <= 80 else name[:77] + "…"
    assert message.startswith(shown), message
    assert message.endswith("."), message
    # Plain English: no exception names, no tracebacks, no Python reprs.
    assert not re.search(r"Error|Exception|Traceback|\bb'|\\x", message), message
    return message


def docx_bytes(build: Callable[[docx.document.Document], object]) -> bytes:
    """A real .docx made by python-docx, after ``build`` has added to it."""
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_xml_paragraph(document: docx.document.Document, inner_xml: str) -> None:
    """Add a paragraph written as WordprocessingML, for what python-docx cannot write itself."""
    document.element.body.insert(len(document.element.body) - 1, parse_xml(f"<w:p {W}>{inner_xml}</w:p>"))


def rewrite_zip(data: bytes, changes: dict[str, Callable[[bytes], bytes] | bytes | None]) -> bytes:
    """The zip with members changed (a function of the old bytes), added (bytes) or removed (None)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            change = changes.get(info.filename, ...)
            if change is None:
                continue
            content = source.read(info)
            if callable(change):
                content = change(content)
            elif isinstance(change, bytes):
                content = change
            target.writestr(info.filename, content)
        for name, change in changes.items():
            if name not in source.namelist() and isinstance(change, bytes):
                target.writestr(name, change)
    return buffer.getvalue()


def xlsx_bytes(build: Callable[[openpyxl.Workbook], object]) -> bytes:
    """A real .xlsx made by openpyxl, after ``build`` has filled it."""
    workbook = openpyxl.Workbook()
    build(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(story: list[object]) -> bytes:
    """An A4 PDF laid out by reportlab from paragraphs and tables."""
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def pdf_paragraph(text: str, style: str = "Normal") -> PdfParagraph:
    return PdfParagraph(text, STYLES[style])


def ruled_table(rows: list[list[object]], widths: list[float], spans: list[tuple] = ()) -> PdfTable:
    """A table with every cell ruled, its header repeated on each page it runs onto."""
    table = PdfTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), *[("SPAN", *span) for span in spans]])
    )
    return table


def drawing_only_pdf(pages: int = 1) -> bytes:
    """A PDF of boxes and no text, as a scan looks to a text reader."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        page.rect(50, 50, 400, 600, fill=1)
        page.showPage()
    page.save()
    return buffer.getvalue()


def text_pages_pdf(pages: int) -> bytes:
    """A PDF of ``pages`` pages with a line of text on each."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        page.drawString(72, 750, f"Page {number} of the paper")
        page.showPage()
    page.save()
    return buffer.getvalue()


def pdf_with_stream(content: bytes, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF, written by hand, whose page content is the given (already encoded) stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def ole_file(*streams: str) -> bytes:
    """Bytes that start like an OLE compound file and name the given streams in its directory, as Office's do."""
    body = b"".join(
        name.encode("utf-16-le") + b"\x00" * (64 - 2 * len(name)) for name in ("Root Entry", *streams)
    )
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 2048
