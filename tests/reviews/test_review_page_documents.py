"""The review page lists the review's source documents, each a link, in the same queries however many."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import services
from reviews.models import SourceDocument


def add_documents(review, user, count, start=0):
    for n in range(start, start + count):
        services.add_source_document(
            user=user,
            reason="Made for a test",
            council=review.council,
            review=review,
            name=f"paper-{n}.docx",
            checksum=f"{n:064d}",
            kind=SourceDocument.Kind.UPDATE_REPORT,
            layout=SourceDocument.Layout.TABLE,
            title=f"Update report {n}",
            paper_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            text="The paper's words. " * 1000,
            data=b"PK\x03\x04" + b"x" * 10_000,
        )


def test_the_review_page_lists_its_documents_in_the_same_queries_for_one_and_five(client, alice, review):
    client.force_login(alice)
    counts = []
    for added, start in [(1, 0), (4, 1)]:
        add_documents(review, alice, added, start)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(review.get_absolute_url())
        counts.append(len(queries))
        page = response.content.decode()
        documents = list(response.context["documents"])
        assert [d.title for d in documents] == [f"Update report {n}" for n in range(start + added)]
        for document in documents:
            assert f'href="{document.get_absolute_url()}">{document.title}</a>' in page

    # one query for the documents, with their council, at one and at five
    assert counts[0] == counts[1]
    # and the documents' words and files are not read for a page that shows neither
    (listing,) = [q["sql"] for q in queries.captured_queries if 'FROM "reviews_sourcedocument"' in q["sql"]]
    assert (
        '"reviews_sourcedocument"."text"' not in listing and '"reviews_sourcedocument"."data"' not in listing
    )
