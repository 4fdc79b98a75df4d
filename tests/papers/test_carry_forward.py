"""The next committee paper: a round the product collects carries each recommendation's last known
position forward, names who was asked, sums up, and covers what the council chooses; a round imported
from a paper is rebuilt as the paper was."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from docx import Document

from councils import services as council_services
from councils.models import Committee, Membership, PaperCover
from recommendations import services as recommendation_services
from recommendations.models import CabinetResponse, ProgressUpdate, Recommendation
from reviews import services as review_services
from reviews.models import Review, UpdateRound
from tests.conftest import join, make_council, make_recommendation, make_review, make_update, make_user
from tests.papers.conftest import import_seeds

FIRST, NEXT = datetime.date(2025, 6, 10), datetime.date(2026, 1, 15)
SOUTHWARK = "review-of-services-relating-to-domestic-violence-and-abuse"


@pytest.fixture
def collected(db):
    """Three recommendations; a first round with updates on two (one completed); a next round with one."""
    council = make_council()
    review = make_review(council)
    olive = make_user("olive", first_name="Olive", last_name="Okafor")
    first = review_services.open_round(
        review=review, user=None, committee=review.committee, meeting_date=FIRST, due_date=None
    )
    second = review_services.open_round(
        review=review, user=None, committee=review.committee, meeting_date=NEXT, due_date=None
    )
    one, two, three = (
        make_recommendation(review, n, f"That the Council does thing {n}.", CabinetResponse.Decision.AGREE)
        for n in (1, 2, 3)
    )
    recommendation_services.assign_lead_officer(
        recommendation=one, user=None, officer=olive, version=one.version
    )
    recommendation_services.edit_recommendation(
        recommendation=two,
        user=None,
        version=two.version,
        reason="Named by the paper",
        lead_officer_name="Head of Libraries",
    )
    make_update(
        recommendation=one,
        round=first,
        text="Thing 1 has begun.",
        status=ProgressUpdate.Status.IN_PROGRESS,
        update_date=datetime.date(2025, 5, 20),
    )
    make_update(
        recommendation=two,
        round=first,
        text="Thing 2 is done.",
        status=ProgressUpdate.Status.COMPLETED,
        update_date=datetime.date(2025, 5, 21),
    )
    make_update(
        recommendation=one,
        round=second,
        text="Thing 1 is half done.",
        status=ProgressUpdate.Status.IN_PROGRESS,
        update_date=datetime.date(2025, 12, 1),
    )
    member = make_user("member")
    join(member, council, Membership.Role.MEMBER)
    return review, second, member


def url(review, update_round, paper="update-report", output=""):
    name = f"papers:{paper}" + (f"-{output}" if output else "")
    return reverse(name, args=[review.council.slug, review.slug, update_round.meeting_date])


def part(html, number):
    """The part of the page about one recommendation."""
    start = html.index(f"That the Council does thing {number}.")
    end = html.find("That the Council does thing", start + 10)
    return html[start : end if end > 0 else None]


def test_the_next_report_carries_forward_last_known_positions_and_names_the_lead_officer(client, collected):
    review, second, member = collected
    client.force_login(member)

    page = client.get(url(review, second)).content.decode()

    one, two, three = part(page, 1), part(page, 2), part(page, 3)
    assert "Thing 1 is half done." in one and "No new update" not in one and "Thing 1 has begun." not in one
    assert "Lead officer: Olive Okafor" in one
    assert (
        "No new update. Last reported 21 May 2025, for Scrutiny Committee, 10 June 2025:" in two
        and "Thing 2 is done." in two
    )
    assert "Lead officer: Head of Libraries" in two
    assert "No update has been given yet." in three and "Lead officer: Not assigned" in three
    # A carried position is not new: only the first recommendation's update is marked.
    assert page.count("New<span") == 1 and "New<span" in one
    summary = page[page.index("Summary") : page.index("That the Council does thing 1.")]
    assert "This report covers 3 recommendations. 1 has an update for this round and 2 do not" in summary
    assert "(1 has had no update yet)" in summary
    assert "By status: In progress 1, Completed 1, No status given 1." in summary
    assert "By cabinet response: Agree 3." in summary
    assert "Since the previous round: 1 new update, 0 changes of status" in summary


def test_the_word_and_csv_downloads_say_the_same(client, collected):
    review, second, member = collected
    client.force_login(member)

    document = Document(io.BytesIO(client.get(url(review, second, output="docx")).content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert (
        "No new update. Last reported 21 May 2025, for Scrutiny Committee, 10 June 2025:\nThing 2 is done."
        in text
    )
    assert "No update has been given yet." in text
    assert text.count("Lead officer:") == 3
    assert "This report covers 3 recommendations." in text

    rows = list(
        csv.DictReader(io.StringIO(client.get(url(review, second, output="csv")).content.decode("utf-8-sig")))
    )
    assert [row["Update"] for row in rows] == ["Thing 1 is half done.", "", ""]
    assert rows[1]["Last known position (no new update)"] == (
        "No new update. Last reported 21 May 2025, for Scrutiny Committee, 10 June 2025:\n\nThing 2 is done."
    )
    assert rows[1]["Last reported"] == "2025-05-21"
    assert [row["Lead officer"] for row in rows] == ["Olive Okafor", "Head of Libraries", ""]

    table = Document(io.BytesIO(client.get(url(review, second, "update-table", "docx")).content)).tables[0]
    assert table.rows[2].cells[2].text.startswith("No new update. Last reported 21 May 2025")
    assert "Thing 2 is done." in table.rows[2].cells[2].text


def test_a_paper_can_cover_only_those_still_open_and_show_the_cabinet_response(client, collected):
    review, second, member = collected
    client.force_login(member)

    page = client.get(url(review, second), {"cover": "open", "response": "yes"}).content.decode()

    assert "That the Council does thing 2." not in page  # completed in the round before
    assert "This report covers 2 recommendations (1 finished earlier is left out)." in page
    assert page.count("Cabinet response:") == 2
    # The downloads keep the choices.
    assert f"{url(review, second, output='docx')}?cover=open&amp;response=yes" in page
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(url(review, second, output="csv"), {"cover": "open"}).content.decode("utf-8-sig")
            )
        )
    )
    assert [row["Recommendation"] for row in rows] == [
        "That the Council does thing 1.",
        "That the Council does thing 3.",
    ]
    bad = client.get(url(review, second, output="csv"), {"cover": "some"})
    assert bad.status_code == 400 and "Select which recommendations to include" in bad.content.decode()


def test_the_councils_defaults_apply_to_the_rounds_it_collects(client, collected):
    review, second, member = collected
    council_services.set_paper_defaults(
        council=review.council, user=None, cover=PaperCover.OPEN, show_response=True
    )
    client.force_login(member)

    page = client.get(url(review, second)).content.decode()
    assert "That the Council does thing 2." not in page and page.count("Cabinet response:") == 2
    # A choice in the link overrides the default.
    assert (
        "That the Council does thing 2." in client.get(url(review, second), {"cover": "all"}).content.decode()
    )


def test_as_at_a_date_before_the_update_it_is_carried_forward(client, collected):
    review, second, member = collected
    # Everything was on record in January 2025, but the second round's update, given on 1 December.
    january, december = (datetime.datetime(2025, m, 1, 12, tzinfo=datetime.UTC) for m in (1, 12))
    for model in (Review, UpdateRound, Recommendation, CabinetResponse, Committee, ProgressUpdate):
        model.history.update(history_date=january)
    ProgressUpdate.history.filter(text="Thing 1 is half done.").update(history_date=december)
    client.force_login(member)

    page = client.get(url(review, second), {"as_at": "2025-11-30"}).content.decode()

    one = part(page, 1)
    assert "No new update. Last reported 20 May 2025, for Scrutiny Committee, 10 June 2025:" in one
    assert "Thing 1 has begun." in one and "Thing 1 is half done." not in one


@pytest.mark.django_db
def test_a_new_round_on_southwarks_review_carries_forward_all_twelve_2013_updates(client):
    import_seeds("southwark")
    review = Review.objects.get(slug=SOUTHWARK)
    imported = review.rounds.get()
    new = review_services.open_round(
        review=review,
        user=None,
        committee=imported.committee,
        meeting_date=datetime.date(2027, 1, 15),
        due_date=None,
    )
    member = make_user("member")
    join(member, review.council, Membership.Role.MEMBER)
    client.force_login(member)

    page = client.get(url(review, new)).content.decode()
    assert (
        page.count(
            "No new update. Last reported 28 May 2013, for Overview and Scrutiny Committee, 10 June 2013:"
        )
        == 12
    )
    for update in ProgressUpdate.objects.filter(round=imported):
        assert update.text.split("\n")[0][:60] in page
    rows = list(
        csv.DictReader(io.StringIO(client.get(url(review, new, output="csv")).content.decode("utf-8-sig")))
    )
    assert len(rows) == 12 and all(row["Last known position (no new update)"] for row in rows)

    # The 2013 report itself is rebuilt as its paper was: nothing carried, no summary, no lead officers;
    # the council's defaults, set, do not change it.
    old = article(client.get(url(review, imported)))
    assert "No new update" not in old and "Summary" not in old and "Lead officer:" not in old
    council_services.set_paper_defaults(
        council=review.council, user=None, cover=PaperCover.OPEN, show_response=True
    )
    assert article(client.get(url(review, imported))) == old


def article(response):
    page = response.content.decode()
    return page[page.index("<article") : page.index("</article>")]


def test_the_covering_report_is_a_word_document_prefilled_from_the_round_and_the_review(client, collected):
    review, second, member = collected
    client.force_login(member)

    response = client.get(url(review, second, "covering-report", "docx"))

    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument")
    assert response["Content-Disposition"].endswith('covering-report-2026-01-15.docx"')
    document = Document(io.BytesIO(response.content))
    details = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert details == {
        "To:": "Scrutiny Committee",
        "Date:": "15 January 2026",
        "Report of:": "[Report author]",
        "Title of Report:": "Review of Libraries: update on the recommendations",
    }
    summary = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert summary["Purpose of report:"] == (
        "An update on the progress made against the recommendations of the Review of Libraries."
    )
    assert summary["Recommendation(s):"].startswith("That the Committee resolves to:\n1. Note and comment")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1:] == [
        "Summary and recommendations",
        "Appendices",
        "Introduction and background",
        "Progress",
        "Progress and issues",
        "Financial implications",
        "Legal issues",
        "Conclusion",
        "Appendix 1: Review of Libraries: recommendations update",
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "1. The Scrutiny Committee made 3 recommendations in the Review of Libraries." in text
    assert "2. The Cabinet responded: it agreed 3." in text
    assert "since the previous update to the Scrutiny Committee, 10 June 2025" in text
    assert "This report covers 3 recommendations." in text
    assert text.count("[To be written.]") == 4
    appendix = document.tables[-1]
    # A round the tracker collects has its target dates too.
    assert [cell.text for cell in appendix.rows[0].cells] == [
        "Recommendation",
        "Cabinet response",
        "Update",
        "Target date",
        "Status",
    ]
    assert len(appendix.rows) == 4
    assert appendix.rows[2].cells[2].text.startswith("No new update. Last reported 21 May 2025")
    # It has no page and no CSV: the round's page offers the Word document.
    round_page = client.get(
        reverse("reviews:round", args=[review.council.slug, review.slug, second.meeting_date])
    ).content.decode()
    assert f'href="{url(review, second, "covering-report", "docx")}">Covering report (Word)' in round_page
