"""render_paper writes a paper to a file with the pages' own code, and says plainly what is wrong."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.papers.conftest import import_seeds

SOUTHWARK = "review-of-services-relating-to-domestic-violence-and-abuse"


def render(*args):
    out = io.StringIO()
    call_command("render_paper", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def southwark(db):
    import_seeds("southwark")


def test_writes_the_update_report_as_word_under_its_own_name(southwark, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    output = render(SOUTHWARK, "--paper", "update-report", "--round", "2013-06-10", "--format", "docx")

    name = f"southwark-council-{SOUTHWARK}-update-report-2013-06-10.docx"
    assert name in output
    document = Document(tmp_path / name)
    assert any(p.text.startswith("4. Accurate statistics") for p in document.paragraphs)


@pytest.mark.parametrize("output_format", ["html", "csv"])
def test_writes_html_and_csv_to_the_file_named(southwark, tmp_path, output_format):
    path = tmp_path / f"paper.{output_format}"

    render(
        SOUTHWARK,
        "--paper",
        "update-table",
        "--round",
        "2013-06-10",
        "--format",
        output_format,
        "--output",
        str(path),
    )

    assert "Data gathered from both Solace and the MPS" in path.read_text(encoding="utf-8-sig")


def test_as_at_a_date_before_the_import_says_there_was_no_record(southwark, tmp_path):
    path = tmp_path / "paper.html"

    render(
        SOUTHWARK,
        "--paper",
        "update-report",
        "--round",
        "2013-06-10",
        "--as-at",
        "2013-06-10",
        "--output",
        str(path),
    )

    assert "There was no record of this update round by then" in path.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["no-such-review", "--paper", "cabinet-response"],
            "There is no review with the slug “no-such-review”.",
        ),
        ([SOUTHWARK, "--paper", "update-report"], "say which with --round YYYY-MM-DD"),
        ([SOUTHWARK, "--paper", "update-report", "--round", "2013-06-11"], "Its rounds met on 2013-06-10."),
        (
            [SOUTHWARK, "--paper", "update-report", "--round", "10/06/2013"],
            "is not a date. Give it as YYYY-MM-DD",
        ),
        ([SOUTHWARK, "--paper", "cabinet-response", "--as-at", "yesterday"], "“yesterday” is not a date"),
    ],
)
def test_bad_input_is_refused_in_plain_english(southwark, tmp_path, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(".", r"\.")):
        render(*args, "--output", str(tmp_path / "paper.html"))


def test_writes_the_covering_report_as_word_only(southwark, tmp_path):
    path = tmp_path / "covering.docx"

    render(
        SOUTHWARK,
        "--paper",
        "covering-report",
        "--round",
        "2013-06-10",
        "--format",
        "docx",
        "--output",
        str(path),
    )

    document = Document(path)
    assert document.tables[0].rows[0].cells[1].text == "Overview and Scrutiny Committee"
    assert len(document.tables[-1].rows) == 13  # the appendix: a row for each of the 12 recommendations
    with pytest.raises(CommandError, match="The covering report is written only as docx: give --format docx"):
        render(SOUTHWARK, "--paper", "covering-report", "--round", "2013-06-10", "--format", "html")
