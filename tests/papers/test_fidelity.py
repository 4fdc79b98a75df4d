"""Each seed paper, rebuilt from the data as a page and as Word, reproduces its source word for word.

The share is of the source's words that the rebuilt paper has in the same
order (difflib over word lists, white space and quotes normalised). The
source is first stripped of extraction markers (``[bookmark: …]``, ``<i>``,
``**`` and Markdown's ``#``, ``|`` and bullet dashes), which a rebuilt paper
shows as headings, tables and lists; the raw share is printed beside it.
Run with ``-s`` to see the figures, or ``benchmarks/fidelity.py``.
"""

import pytest
from django.urls import reverse

from tests.conftest import seed
from tests.papers.conftest import import_seeds
from tests.papers.fidelity import docx_text, html_text, share, strip_markers

OXFORD = ("oxford-city-council", "domestic-abuse-review-group")
SOUTHWARK = ("southwark-council", "review-of-services-relating-to-domestic-violence-and-abuse")
OXFORDSHIRE = ("oxfordshire-county-council", "strategic-review-of-domestic-abuse-in-oxfordshire")

# seed paper, the papers to import, the review, its paper, the round's meeting date
CASES = [
    ("oxford-2020", ["oxford-2020"], OXFORD, "cabinet-response", None),
    ("southwark", ["southwark"], SOUTHWARK, "update-report", "2013-06-10"),
    ("oxford-2024", ["oxford-2020", "oxford-2024"], OXFORD, "update-report", "2024-01-16"),
    ("oxfordshire", ["oxfordshire"], OXFORDSHIRE, "update-report", "2017-04-10"),
]


def rebuilt(client, review, paper, meeting_date, output):
    args = [*review, meeting_date] if meeting_date else list(review)
    name = f"papers:{paper}" + ("" if output == "html" else f"-{output}")
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return html_text(response.content.decode()) if output == "html" else docx_text(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("output", ["html", "docx"])
@pytest.mark.parametrize(
    ("name", "imports", "review", "paper", "meeting_date"), CASES, ids=[c[0] for c in CASES]
)
def test_rebuilt_paper_reproduces_at_least_97_percent_of_its_source_in_order(
    member_client, name, imports, review, paper, meeting_date, output
):
    import_seeds(*imports)
    client = member_client(review[0])
    source = seed(name).read_text(encoding="utf-8")

    text = rebuilt(client, review, paper, meeting_date, output)
    reproduced, missing = share(strip_markers(source), text)
    raw, _ = share(source, text)

    print(f"\n{name} {paper} {output}: {reproduced:.2%} (raw source {raw:.2%}); missing: {' '.join(missing)}")
    assert reproduced >= 0.97, f"missing words: {missing}"
