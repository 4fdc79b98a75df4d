"""The recommendation page names the paper it came from, without reading the paper's words or file."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.history import save_with_history
from reviews import services
from reviews.models import SourceDocument


def test_the_recommendation_page_links_its_paper_without_reading_it(client, alice, review, recommendation):
    paper = services.add_source_document(
        user=alice,
        reason="Made for a test",
        council=review.council,
        review=review,
        name="report.docx",
        checksum="0" * 64,
        kind=SourceDocument.Kind.DECISION_PAPER,
        layout=SourceDocument.Layout.TABLE,
        title="The committee's report",
        paper_date=datetime.date(2024, 1, 1),
        text="The paper's words. " * 1000,
        data=b"PK\x03\x04" + b"x" * 10_000,
    )
    recommendation.source_document = paper
    save_with_history(recommendation, user=alice, reason="Made for a test")
    client.force_login(alice)

    with CaptureQueriesContext(connection) as queries:
        page = client.get(recommendation.get_absolute_url()).content.decode()

    assert f'href="{paper.get_absolute_url()}">report.docx</a>' in page
    read = [q["sql"] for q in queries.captured_queries if '"reviews_sourcedocument"' in q["sql"]]
    assert read and not any(
        '"reviews_sourcedocument"."text"' in sql or '"reviews_sourcedocument"."data"' in sql for sql in read
    )
