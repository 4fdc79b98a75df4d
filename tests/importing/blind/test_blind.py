"""A blind test of the importer: papers written the way other councils write them.

The builders in ``build.py`` were written without reading the importer. Each test
imports one paper with ``import_report --dry-run --json`` and compares four fields
of every recommendation (reference, text, decision, comment) with what an exact
reading gives; the last test scores the corpus as a whole.
"""

import io
import json

import pytest
from django.core.management import call_command

from tests.importing.blind import build

FIELDS = ("reference", "text", "decision", "comment")
THRESHOLD = 0.95

# The importer's reading of each paper, made once per test session (a dry run
# writes nothing, so the reading does not depend on the database a test runs in).
_READINGS: dict[str, dict] = {}


def _norm(field: str, value) -> str:
    value = "" if value is None else str(value)
    if field in ("text", "comment"):
        return " ".join(value.split())
    return value.strip()


def _read(name: str, tmp_path_factory) -> dict:
    if name not in _READINGS:
        builder, council = build.PAPERS[name]
        path, expected = builder(tmp_path_factory.mktemp(name))
        out = io.StringIO()
        error = ""
        read: list[dict] = []
        try:
            call_command("import_report", str(path), "--dry-run", "--json", "--council", council, stdout=out)
            papers = json.loads(out.getvalue())["papers"]
            for paper in papers:
                read.extend(paper.get("recommendations") or [])
        except Exception as exc:  # a paper the importer refuses scores nothing
            error = f"{type(exc).__name__}: {exc}"
        _READINGS[name] = {"file": path.name, "expected": expected, "read": read, "error": error}
    return _READINGS[name]


def _compare(reading: dict) -> tuple[int, int, list[str]]:
    """Exactly right recommendations, the count to divide by, and the mismatches."""
    expected, read = reading["expected"], reading["read"]
    mismatches = []
    if reading["error"]:
        mismatches.append(f"import failed: {reading['error']}")
    right = 0
    for i in range(max(len(expected), len(read))):
        want = expected[i] if i < len(expected) else None
        got = read[i] if i < len(read) else None
        if want is None:
            mismatches.append(
                f"#{i + 1}: read an extra recommendation {_norm('reference', got.get('reference'))!r}: {_norm('text', got.get('text'))[:80]!r}"
            )
            continue
        if got is None:
            mismatches.append(f"#{i + 1}: missed recommendation {want['reference']!r}: {want['text'][:80]!r}")
            continue
        wrong = [
            f"#{i + 1} {field}: expected {_norm(field, want[field])!r}, got {_norm(field, got.get(field))!r}"
            for field in FIELDS
            if _norm(field, want[field]) != _norm(field, got.get(field))
        ]
        mismatches.extend(wrong)
        right += not wrong
    return right, max(len(expected), len(read)), mismatches


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(build.PAPERS))
def test_paper_is_read_exactly(name, tmp_path_factory):
    reading = _read(name, tmp_path_factory)
    right, total, mismatches = _compare(reading)
    assert not mismatches, f"{reading['file']}: {right} of {total} exactly right\n" + "\n".join(mismatches)


@pytest.mark.django_db
def test_corpus_is_at_least_95_percent_exactly_right(tmp_path_factory):
    right = total = 0
    lines = []
    for name in build.PAPERS:
        paper_right, paper_total, mismatches = _compare(_read(name, tmp_path_factory))
        right += paper_right
        total += paper_total
        lines.append(f"{name}: {paper_right}/{paper_total}")
    share = right / total if total else 0.0
    summary = f"corpus: {right}/{total} exactly right ({share:.1%})\n" + "\n".join(lines)
    print(summary)
    assert share >= THRESHOLD, summary
