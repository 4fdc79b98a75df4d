"""Filling in an update pack as an officer would, with the same libraries the service writes it with."""

import io

import docx
import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from importing.pack import excel, word

# The officer's four cells, in the order the pack has them.
INPUTS = ["text", "status", "reason", "forecast"]


def fill_xlsx(data, answers, *, change=None):
    """The workbook with ``answers`` ({reference: {"text": ..., "status": ...}}) typed into its rows;
    ``change(sheet)`` may edit it further."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook[excel.SHEET]
    first = excel.HEADER.index("New update") + 1
    for row in sheet.iter_rows(min_row=2):
        reference = row[2].value
        for offset, name in enumerate(INPUTS):
            if name in answers.get(reference, {}):
                sheet.cell(row=row[0].row, column=first + offset, value=answers[reference][name])
    if change:
        change(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def reference_of(row):
    """A Word row's visible reference (its cell also holds the hidden key)."""
    return row.cells[0].paragraphs[0].runs[-1].text


def fill_docx(data, answers, *, change=None):
    """The document with ``answers`` typed into its table's rows; ``change(table)`` may edit it further."""
    document = docx.Document(io.BytesIO(data))
    table = document.tables[0]
    first = word.HEADER.index("New update")
    for row in table.rows[1:]:
        for offset, name in enumerate(INPUTS):
            value = answers.get(reference_of(row), {}).get(name)
            if value is not None:
                row.cells[first + offset].text = value
    if change:
        change(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FILL = {"xlsx": fill_xlsx, "docx": fill_docx}


def download(client, council, kind):
    response = client.get(reverse(f"importing:pack-{kind}", args=[council.slug]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def upload(client, council, data, kind, name="update-pack"):
    return client.post(
        reverse("importing:pack-upload", args=[council.slug]),
        {"pack": SimpleUploadedFile(f"{name}.{kind}", data)},
    )


def record(client, pending, **extra):
    """Post the check page's form back as the browser would, saying "Record the updates"."""
    form = client.get(pending.get_absolute_url()).context["form"]
    data = {name: form[name].value() for name in form.fields if name.startswith("seen_")}
    return client.post(pending.get_absolute_url(), data | {"action": "record"} | extra)
