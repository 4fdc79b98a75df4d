"""Print how much of each seed paper its rebuilt paper reproduces, as a page and as Word.

    .venv/bin/python benchmarks/fidelity.py

The same measure as tests/papers/test_fidelity.py, in a throw-away test database.
"""

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import transaction
    from django.test.utils import setup_databases, teardown_databases

    from papers.registry import PAPERS
    from reviews.models import Review
    from tests.conftest import seed
    from tests.papers.fidelity import docx_text, html_text, share, strip_markers
    from tests.papers.test_fidelity import CASES

    config = setup_databases(verbosity=0, interactive=False)
    try:
        print(
            f"{'seed':12} {'paper':16} {'html':>8} {'docx':>8} {'raw html':>9} {'raw docx':>9}  missing words"
        )
        for name, imports, (_, slug), paper_slug, meeting_date in CASES:
            with transaction.atomic():
                call_command("import_report", *(str(seed(n)) for n in imports), stdout=io.StringIO())
                review = Review.objects.select_related("council").get(slug=slug)
                update_round = review.rounds.get(meeting_date=meeting_date) if meeting_date else None
                kind = PAPERS[paper_slug]
                paper = kind.make(review, update_round=update_round)
                source = seed(name).read_text(encoding="utf-8")
                texts = [
                    html_text(kind.render(paper, "html").decode()),
                    docx_text(kind.render(paper, "docx")),
                ]
                shares = [share(strip_markers(source), text) for text in texts]
                raws = [share(source, text)[0] for text in texts]
                print(
                    f"{name:12} {paper_slug:16} {shares[0][0]:8.2%} {shares[1][0]:8.2%} {raws[0]:9.2%} "
                    f"{raws[1]:9.2%}  {' '.join(shares[1][1])}"
                )
                transaction.set_rollback(True)
    finally:
        teardown_databases(config, verbosity=0)


if __name__ == "__main__":
    main()
