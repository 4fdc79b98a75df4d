"""Time reading councils' papers of every format, as import_report --dry-run --json reads them.

    .venv/bin/python benchmarks/read_papers.py [--rows 200] [--repeat 7]

Builds, in memory, a Word cabinet response, a PDF, an Excel workbook, a CSV
and a tab-separated text paper, each with --rows recommendations, and times
read_paper (the format reader and the table reader together: no database)
on each. Prints the median and the spread (fastest and slowest) of the runs,
and each format's time as a multiple of the CSV's, measured in the same run.
"""

import argparse
import csv
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

HEADER = ["No.", "Recommendation", "Agreed?", "Cabinet response", "Lead officer", "Timetable"]


def rows(count):
    decisions = ["Agreed", "Partially agreed", "Not agreed", "Noted"]
    for n in range(1, count + 1):
        yield [
            str(n),
            f"That the Council reviews service number {n} with its partners and reports back to the committee "
            "within six months, setting out what has changed for residents.",
            decisions[n % 4],
            f"The service will be reviewed by the end of the year. Recommendation {n} will be reported on in the "
            "six-monthly update, with the partners' views.",
            "Head of Community Services",
            "March 2026",
        ]


def word(count):
    import docx

    document = docx.Document()
    document.add_paragraph("Testshire County Council")
    document.add_paragraph("Cabinet response to the recommendations of the Review of Services")
    table = document.add_table(rows=0, cols=len(HEADER))
    for values in [HEADER, *rows(count)]:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf(count):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    style = getSampleStyleSheet()["BodyText"]
    data = [HEADER] + [[Paragraph(cell, style) for cell in row] for row in rows(count)]
    table = Table(data, repeatRows=1, colWidths=[30, 250, 60, 250, 90, 60])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=landscape(A4)).build(
        [Paragraph("Testshire County Council", style), table]
    )
    return buffer.getvalue()


def workbook(count):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for values in [HEADER, *rows(count)]:
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def comma_separated(count):
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows(count)])
    return buffer.getvalue().encode()


def tab_separated(count):
    return "\n".join("\t".join(row) for row in [HEADER, *rows(count)]).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import django

    django.setup()
    from importing.layouts import read_paper

    papers = {
        "csv": ("paper.csv", comma_separated(args.rows)),
        "txt": ("paper.txt", tab_separated(args.rows)),
        "docx": ("paper.docx", word(args.rows)),
        "xlsx": ("paper.xlsx", workbook(args.rows)),
        "pdf": ("paper.pdf", pdf(args.rows)),
    }
    results = {}
    for kind, (name, data) in papers.items():
        read = read_paper(name, data, council="Testshire County Council")  # once, to warm up and to check
        assert len(read.parsed.recommendations) == args.rows, (kind, len(read.parsed.recommendations))
        timings = []
        for _ in range(args.repeat):
            began = time.perf_counter()
            read_paper(name, data, council="Testshire County Council")
            timings.append(time.perf_counter() - began)
        results[kind] = (statistics.median(timings), min(timings), max(timings), len(data))
    base = results["csv"][0]
    print(f"Reading a paper of {args.rows} recommendations, median of {args.repeat} runs (fastest–slowest):")
    for kind, (median, fastest, slowest, size) in results.items():
        print(
            f"  {kind:5} {size / 1024:8.0f} KB  {median * 1000:8.1f} ms  ({fastest * 1000:.1f}–{slowest * 1000:.1f})"
            f"  {median / base:6.1f} x the CSV"
        )


if __name__ == "__main__":
    main()
