"""The importer read against a corpus of other councils' papers it was not written for.

Each paper in ``build.py`` is written as a real file and imported with
``import_report --dry-run --json --council``; every recommendation's reference,
text, decision and comment must come out as the paper states it. The corpus as a
whole stands in for the papers of councils the importer has never seen, and is
held to the same measure as they are: at least 95% of all recommendations exactly
right on all four fields.
"""

import csv
import difflib
import io
import json
import zipfile

import docx
import openpyxl
import pdfplumber
import pytest
from django.core.management import call_command
from django.utils.text import slugify

from councils.models import Council

from .build import PAPERS

FIELDS = ("reference", "text", "decision", "comment")
THRESHOLD = 0.95


def normalised(field: str, value) -> str:
    value = "" if value is None else str(value)
    if field in ("text", "comment"):
        return " ".join(value.split())
    return value


def key(recommendation: dict) -> tuple[str, ...]:
    return tuple(normalised(field, recommendation.get(field)) for field in FIELDS)


def imported(path, council: str) -> list[dict]:
    """The recommendations import_report reads from the paper, written nowhere."""
    # --council names a council; make sure it is one the importer can find, as an admin's would be.
    Council.objects.get_or_create(name=council, defaults={"slug": slugify(council)})
    out = io.StringIO()
    call_command("import_report", str(path), "--dry-run", "--json", "--council", council, stdout=out)
    output = json.loads(out.getvalue())
    papers = output["papers"]
    assert len(papers) == 1, f"{path.name}: expected one paper in the JSON, got {len(papers)}"
    return papers[0]["recommendations"]


def short(value: str, limit: int = 160) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def mismatches(name: str, expected: list[dict], got: list[dict]) -> list[str]:
    """Readable lines, one for each field that differs, position by position."""
    lines = []
    if len(got) != len(expected):
        lines.append(
            f"{name}: {len(expected)} recommendations expected, {len(got)} read\n"
            f"  expected references: {[each['reference'] for each in expected]}\n"
            f"  read references:     {[each.get('reference') for each in got]}"
        )
    for position, (want, have) in enumerate(zip(expected, got, strict=False), start=1):
        for field in FIELDS:
            wanted, had = normalised(field, want[field]), normalised(field, have.get(field))
            if wanted != had:
                lines.append(
                    f"{name} #{position} {field}:\n  expected: {short(wanted)!r}\n  got:      {short(had)!r}"
                )
    return lines


def exactly_right(expected: list[dict], got: list[dict]) -> tuple[int, int]:
    """(recommendations read exactly right, out of how many).

    The expected recommendations are matched in order with those read, so that one row
    missed or one spurious row costs one recommendation, not all those after it; a
    spurious row counts against the importer as a wrong one does.
    """
    matcher = difflib.SequenceMatcher(a=[key(each) for each in expected], b=[key(each) for each in got])
    right = sum(block.size for block in matcher.get_matching_blocks())
    return right, max(len(expected), len(got))


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(PAPERS))
def test_paper_is_read_exactly(name, tmp_path):
    paper = PAPERS[name]
    path, expected = paper.build(tmp_path)
    got = imported(path, paper.council)
    problems = mismatches(name, expected, got)
    assert not problems, f"{len(problems)} mismatches in {path.name}:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_at_least_95_percent_of_the_corpus_is_read_exactly(tmp_path):
    right = total = 0
    report = []
    for name, paper in PAPERS.items():
        directory = tmp_path / name
        directory.mkdir()
        path, expected = paper.build(directory)
        try:
            got = imported(path, paper.council)
        except Exception as error:  # a paper that cannot be read counts as all wrong, and says why
            got = []
            report.append(f"{name}: {type(error).__name__}: {short(str(error), 300)}")
        paper_right, paper_total = exactly_right(expected, got)
        right += paper_right
        total += paper_total
        if paper_right < paper_total:
            report.append(f"{name}: {paper_right} of {paper_total} exactly right")
    share = right / total
    assert share >= THRESHOLD, (
        f"{right} of {total} recommendations ({share:.1%}) exactly right; at least {THRESHOLD:.0%} needed\n"
        + "\n".join(report)
    )


# The corpus itself: each builder writes a file its format's own reader opens, with the
# recommendations in it. These do not depend on the importer.


def document_text(path) -> str:
    suffix = path.suffix
    if suffix == ".docx":
        document = docx.Document(path)
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        return "\n".join(parts)
    if suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path)
        return "\n".join(
            str(value) for sheet in workbook for row in sheet.iter_rows(values_only=True) for value in row
        )
    if suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            assert pdf.pages[0].extract_text().strip(), f"{path.name}: no text layer on page 1"
            return "\n".join(page.extract_text() for page in pdf.pages)
    if suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;")
        rows = list(csv.reader(io.StringIO(text), dialect))
        assert len({len(row) for row in rows}) == 1, f"{path.name}: rows of different lengths"
        return "\n".join(cell for row in rows for cell in row)
    assert suffix == ".txt", suffix
    return path.read_text(encoding="utf-8")


# Papers whose references Word draws from its list numbering, so they are not in the text.
NUMBERED_BY_WORD = {"essex_school_readiness"}


@pytest.mark.parametrize("name", list(PAPERS))
def test_builder_writes_a_paper_that_opens(name, tmp_path):
    path, expected = PAPERS[name].build(tmp_path)
    assert path.exists() and path.parent == tmp_path
    if path.suffix in (".docx", ".xlsx"):
        assert zipfile.is_zipfile(path)
    text = " ".join(document_text(path).replace("|", " ").split())
    assert len(expected) >= 5
    for position, recommendation in enumerate(expected, start=1):
        assert set(recommendation) == set(FIELDS)
        assert recommendation["decision"] in ("agree", "in_part", "disagree", "noted", "")
        assert recommendation["reference"] == recommendation["reference"].strip()
        opening = " ".join(recommendation["text"].split()[:3])
        assert opening in text, f"{name} #{position}: {opening!r} is not in the paper"
        if name not in NUMBERED_BY_WORD:
            assert recommendation["reference"] in text, f"{name} #{position}: {recommendation['reference']!r}"


def test_corpus_is_varied():
    assert len(PAPERS) >= 14
    assert len({paper.council for paper in PAPERS.values()}) == len(PAPERS)
