"""The paper pages, their Word and CSV downloads, and the round page: who may see them, and what they say."""

import csv
import io

import pytest
from django.urls import reverse
from docx import Document

from tests.papers.conftest import import_seeds

OXFORD = ["oxford-city-council", "domestic-abuse-review-group"]
SOUTHWARK = ["southwark-council", "review-of-services-relating-to-domestic-violence-and-abuse"]
SOUTHWARK_ROUND = [*SOUTHWARK, "2013-06-10"]


@pytest.fixture
def oxford(db):
    import_seeds("oxford-2020", "oxford-2024")


@pytest.fixture
def southwark(db):
    import_seeds("southwark")


@pytest.mark.django_db
def test_review_page_links_to_each_paper_and_the_round_page(oxford, member_client):
    page = member_client("oxford-city-council").get(reverse("reviews:detail", args=OXFORD)).content.decode()

    assert "Committee papers" in page
    for name, args in [
        ("papers:cabinet-response", OXFORD),
        ("papers:cabinet-response-docx", OXFORD),
        ("papers:update-report", [*OXFORD, "2024-01-16"]),
        ("papers:update-table", [*OXFORD, "2024-01-16"]),
        ("reviews:round", [*OXFORD, "2024-01-16"]),
    ]:
        assert f'href="{reverse(name, args=args)}"' in page


@pytest.mark.django_db
def test_round_page_names_the_meeting_and_links_to_its_papers(southwark, member_client):
    client = member_client("southwark-council")

    page = client.get(reverse("reviews:round", args=SOUTHWARK_ROUND)).content.decode()

    assert "Overview and Scrutiny Committee, 10 June 2013" in page
    assert "Jonathon Toy, Head of Community Safety and Enforcement, E&amp;L" in page
    for name in ["update-report", "update-report-docx", "update-table-csv"]:
        assert f'href="{reverse("papers:" + name, args=SOUTHWARK_ROUND)}"' in page


@pytest.mark.django_db
def test_cabinet_response_table_has_each_recommendation_with_the_councils_own_decision_words(
    oxford, member_client
):
    page = member_client("oxford-city-council").get(reverse("papers:cabinet-response", args=OXFORD))
    html = page.content.decode()

    assert (
        "Cabinet response to recommendations of the Scrutiny Committee made on 03/11/2020 "
        "concerning the Domestic Abuse Review Group report" in html
    )
    assert "Response provided by Cabinet Member for a Safer, Healthy Oxford, Councillor Louise Upton" in html
    assert html.count('<tr class="govuk-table__row">') == 49  # the column names and 48 rows
    assert html.index("5) That the Council reviews") < html.index("6) That the Council works")
    assert ">Disagree</strong>" in html and ">In part</strong>" in html
    assert "bookmark" not in html


@pytest.mark.django_db
def test_update_report_numbers_recommendations_and_updates_as_the_report_did(southwark, member_client):
    url = reverse("papers:update-report", args=SOUTHWARK_ROUND)
    html = member_client("southwark-council").get(url).content.decode()

    assert "4. Accurate statistics - significantly" in html
    assert html.index("4. Accurate statistics") < html.index("5. Data gathered") < html.index("6. Dedicated")
    assert "44. Officers have also secured additional funding" in html
    assert "<li>Additional SASS staff member" in html  # bullets are a list
    assert html.index("RECOMMENDATIONS") < html.index("4. Accurate") < html.index("AUDIT TRAIL")
    assert '<th scope="col" class="govuk-table__header">Background Papers</th>' in html
    assert "Ward(s) or groups affected:" in html and "New</strong>" not in html  # no earlier round


@pytest.mark.django_db
def test_update_table_has_one_row_per_recommendation(southwark, member_client):
    url = reverse("papers:update-table", args=SOUTHWARK_ROUND)
    html = member_client("southwark-council").get(url).content.decode()

    assert html.count('<tr class="govuk-table__row">') == 13
    for column in ["Recommendation", "Cabinet response", "Update", "Status"]:
        assert f">{column}</th>" in html
    assert "No response yet" in html  # Southwark's response is not in the seeds: none is invented


@pytest.mark.django_db
def test_word_download_is_a_real_document_with_headings_a_table_and_an_honest_name(oxford, member_client):
    client = member_client("oxford-city-council")

    response = client.get(reverse("papers:cabinet-response-docx", args=OXFORD))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        'attachment; filename="oxford-city-council-domestic-abuse-review-group-cabinet-response-'
    )
    assert disposition.endswith('.docx"')
    document = Document(io.BytesIO(response.content))
    assert document.paragraphs[0].style.name == "Heading 1"
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == ["Recommendation", "Decision", "Comment"]
    assert len(table.rows) == 49
    assert table.rows[5].cells[1].text == "Disagree"


@pytest.mark.django_db
def test_csv_download_has_one_row_per_recommendation(southwark, member_client):
    client = member_client("southwark-council")

    response = client.get(reverse("papers:update-report-csv", args=SOUTHWARK_ROUND), {"as_at": "2099-1-1"})
    assert response.status_code == 400
    response = client.get(reverse("papers:update-report-csv", args=SOUTHWARK_ROUND))

    assert response["Content-Disposition"] == (
        'attachment; filename="southwark-council-review-of-services-relating-to-domestic-violence-and-abuse-'
        'update-report-2013-06-10.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Reference", "Paragraph", "Recommendation", "Update"]
    assert len(rows) == 13
    assert rows[1][1] == "4" and rows[1][3].startswith("5. Data gathered")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("papers:cabinet-response", OXFORD),
        ("papers:cabinet-response-docx", OXFORD),
        ("papers:update-report", [*OXFORD, "2024-01-16"]),
        ("papers:update-table-csv", [*OXFORD, "2024-01-16"]),
        ("reviews:round", [*OXFORD, "2024-01-16"]),
    ],
)
def test_member_of_another_council_gets_404(oxford, southwark, member_client, name, args):
    response = member_client("southwark-council").get(reverse(name, args=args))

    assert response.status_code == 404


@pytest.mark.django_db
def test_anyone_signed_out_is_sent_to_sign_in(oxford, client):
    response = client.get(reverse("papers:cabinet-response", args=OXFORD))

    assert response.status_code == 302 and response["Location"].startswith("/login/")


@pytest.mark.django_db
def test_a_round_that_did_not_meet_that_day_is_404(oxford, member_client):
    response = member_client("oxford-city-council").get(
        reverse("papers:update-report", args=[*OXFORD, "2024-01-17"])
    )

    assert response.status_code == 404


@pytest.mark.django_db
def test_papers_are_read_only(oxford, member_client):
    response = member_client("oxford-city-council").post(reverse("papers:cabinet-response", args=OXFORD))

    assert response.status_code == 405


@pytest.mark.django_db
def test_control_characters_in_the_data_do_not_break_the_word_paper(oxford, member_client):
    """ESC, BEL and a form feed in a comment once made the .docx a server error."""
    from recommendations import services
    from recommendations.models import Recommendation

    recommendation = Recommendation.objects.filter(review__council__slug="oxford-city-council").first()
    response = recommendation.cabinet_response
    services.save_response(
        recommendation=recommendation,
        user=None,
        version=response.version,
        reason="Pasted from an old system",
        decision=response.decision,
        comment="Agreed.\x1b[0m Bell\x07 here\x0cand a new page",
    )
    client = member_client("oxford-city-council")

    word = client.get(reverse("papers:cabinet-response-docx", args=OXFORD))

    assert word.status_code == 200
    text = "\n".join(
        cell.text for row in Document(io.BytesIO(word.content)).tables[0].rows for cell in row.cells
    )
    assert "Agreed.[0m Bell here\nand a new page" in text
