"""Every imported record keeps its paper and its place in it; the paper can be downloaded as it was received."""

import io

from django.core.management import call_command

from recommendations.models import Recommendation
from reviews.models import SourceDocument
from tests.conftest import join, make_user
from tests.importing.papers.build import durham_loneliness_action_plan


def test_a_recommendation_says_which_paper_and_where_in_it_and_the_paper_downloads_as_received(
    client, db, tmp_path
):
    path, _ = durham_loneliness_action_plan(tmp_path)
    call_command("import_report", str(path), "--council", "Durham County Council", stdout=io.StringIO())
    document = SourceDocument.objects.get()
    recommendation = Recommendation.objects.get(reference="OSC-01")
    member = make_user("member")
    join(member, document.council)
    client.force_login(member)

    page = client.get(recommendation.get_absolute_url()).content.decode()

    assert recommendation.source_document == document and recommendation.source_table
    assert f'From <a class="govuk-link" href="{document.get_absolute_url()}">{document.name}</a>' in page
    assert f"table {recommendation.source_table}, row {recommendation.source_position}" in page
    assert recommendation.cabinet_response.source_document == document
    download = client.get(f"{document.get_absolute_url()}file/")
    assert download["Content-Disposition"].startswith("attachment;")
    assert download.content == path.read_bytes()
    assert SourceDocument.objects.filter(checksum=document.checksum).count() == 1
