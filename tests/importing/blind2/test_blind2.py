"""The second blind corpus: the importer reads papers it has never seen.

Each paper (see ``build.py``) is read with ``import_report --dry-run --json
--council COUNCIL`` and compared with its hand-labelled recommendations on four
fields: reference, text, decision and comment. Text and comment are compared
with white space normalised (and a bullet glyph that Word draws in front of a
list item is not part of the words). One test per paper lists its mismatches;
one test asks that at least 95% of the corpus is read exactly right.
"""

import io
import json
import re

import pytest
from django.core.management import call_command

from .build import PAPERS, build_all

FIELDS = ("reference", "text", "decision", "comment")
BULLET = re.compile(r"(^|\s)[•●▪◦·\uf0b7]\s")
THRESHOLD = 0.95

_papers = {}
_read = {}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    if not _papers:
        _papers.update(build_all(tmp_path_factory.mktemp("blind2")))
    return _papers


def normal(field, value):
    value = "" if value is None else str(value)
    if field in ("text", "comment"):
        value = BULLET.sub(r"\1", value)
        return " ".join(value.split())
    if field == "decision":
        return value.strip().lower()
    return value.strip()


def read(corpus, name):
    """What the importer reads in the paper: (recommendations, error)."""
    if name not in _read:
        council, path, _expected = corpus[name]
        out = io.StringIO()
        try:
            call_command("import_report", str(path), "--dry-run", "--json", "--council", council, stdout=out)
        except Exception as error:  # a refusal is a paper read wrong
            _read[name] = ([], f"{type(error).__name__}: {error}")
        else:
            document = json.loads(out.getvalue())
            found = [item for each in document["papers"] for item in each["recommendations"]]
            _read[name] = (found, None)
    return _read[name]


def compare(expected, found):
    """(exactly right, denominator, [readable mismatches])."""
    problems = []
    right = 0
    for position, (want, got) in enumerate(zip(expected, found, strict=False), start=1):
        wrong = [field for field in FIELDS if normal(field, want[field]) != normal(field, got.get(field))]
        if not wrong:
            right += 1
        for field in wrong:
            problems.append(
                f"  #{position} {field}: expected {normal(field, want[field])!r}\n"
                f"  {' ' * len(str(position))}  {' ' * len(field)}       got {normal(field, got.get(field))!r}"
            )
    if len(expected) != len(found):
        problems.append(f"  expected {len(expected)} recommendations, read {len(found)}")
        for extra in found[len(expected) :]:
            problems.append(f"  extra: {extra.get('reference')!r} {normal('text', extra.get('text'))[:80]!r}")
    return right, max(len(expected), len(found)), problems


@pytest.mark.django_db
@pytest.mark.parametrize("name", [name for name, _council, _builder in PAPERS])
def test_paper(corpus, name):
    _council, path, expected = corpus[name]
    found, error = read(corpus, name)
    assert error is None, f"{path.name} was refused: {error}"
    _right, _total, problems = compare(expected, found)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_corpus_share_exactly_right(corpus):
    right = total = 0
    lines = []
    for name, (_council, _path, expected) in corpus.items():
        found, error = read(corpus, name)
        paper_right, paper_total, _problems = compare(expected, found)
        right += paper_right
        total += paper_total
        lines.append(f"{name}: {paper_right}/{paper_total}" + (f" (refused: {error})" if error else ""))
    share = right / total
    assert share >= THRESHOLD, f"{right}/{total} = {share:.1%} exactly right\n" + "\n".join(lines)
