"""A round the tracker collects shows each recommendation's follow-through: its target dates (the
original, and the current one with its reason), the officer's status and forecast, the committee's
assessment and the escalation steps taken; the update report lists the escalated ones. As at a date,
only what was recorded by then counts; what was recorded since the previous round is marked. Rounds
imported from a paper show none of it."""

import contextlib
import csv
import datetime
import io
from unittest import mock

import pytest
from django.urls import reverse
from docx import Document

from councils import services as council_services
from councils.models import Membership
from papers.snapshot import LONDON
from recommendations import services
from recommendations.models import CabinetResponse, LatestProgress, ProgressUpdate
from reviews import services as review_services
from reviews.models import Review
from tests.conftest import join, make_council, make_recommendation, make_review, make_user
from tests.papers.conftest import import_seeds

FIRST, NEXT = datetime.date(2026, 3, 10), datetime.date(2026, 9, 15)
IN_PROGRESS, COMPLETED = ProgressUpdate.Status.IN_PROGRESS, ProgressUpdate.Status.COMPLETED

# What each recommendation's part of the round's paper says, as it stands now.
REVISED = "Current target date: 31 August 2026 (Revised: The contract was signed late)"
ESCALATED = "Chase the lead officer, 4 September 2026: Reminder sent to the head of service"
SIGNED_OFF = "Signed off at the meeting on 10 March 2026 (minute 14/26)"
NOT_ACCEPTED = (
    "Not accepted at the meeting on 15 September 2026 (minute 31/26): No evidence the training took place"
)
NOT_ADEQUATE = "Update not adequate, sent back on 16 September 2026: It does not say when the contract starts"
AWAITING = "Reported complete, awaiting sign-off"


@contextlib.contextmanager
def on(day, hour=12):
    """Record as if at noon (London) on ``day``: the services and the history date what they write now."""
    moment = datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def update(recommendation, update_round, text, status, forecast=""):
    return services.record_update(
        recommendation=recommendation,
        user=None,
        round=update_round,
        text=text,
        status=status,
        forecast=forecast,
        update_date=update_round.meeting_date - datetime.timedelta(days=9),
    )


def version(recommendation):
    recommendation.refresh_from_db()
    return recommendation.version


@pytest.fixture
def followed(db):
    """Four recommendations over two rounds the tracker collected, each followed through differently:
    1 has its target revised, a forecast, an escalation and an update found not adequate; 2 is signed
    off (after the first round closed); 3's report of completion is not accepted; 4's waits for the
    committee."""
    with on(datetime.date(2026, 1, 5)):
        council = make_council()
        review = make_review(council)
        council_services.set_escalation_steps(
            council=council, user=None, names=["Chase the lead officer", "The chair writes"]
        )
        first, second = (
            review_services.open_round(
                review=review, user=None, committee=review.committee, meeting_date=day, due_date=None
            )
            for day in (FIRST, NEXT)
        )
        one, two, three, four = (
            make_recommendation(
                review, n, f"That the Council does thing {n}.", CabinetResponse.Decision.AGREE
            )
            for n in (1, 2, 3, 4)
        )
        services.set_target(
            recommendation=one, user=None, date=datetime.date(2026, 6, 30), version=version(one)
        )
        services.set_target(
            recommendation=two, user=None, date=datetime.date(2026, 3, 31), version=version(two)
        )
    with on(datetime.date(2026, 3, 1)):
        update(one, first, "Thing 1 has begun.", IN_PROGRESS, ProgressUpdate.Forecast.ON_TRACK)
        update(two, first, "Thing 2 is done.", COMPLETED)
        update(three, first, "Thing 3 has begun.", IN_PROGRESS)
        update(four, first, "Thing 4 has begun.", IN_PROGRESS)
    with on(datetime.date(2026, 3, 11)):
        # The day after its meeting, as rounds close: its papers stand as at then.
        review_services.close_round(update_round=first, user=None)
    with on(datetime.date(2026, 3, 12)):
        services.assess_completion(
            recommendation=two, user=None, signed_off=True, meeting_date=FIRST, minute_reference="14/26"
        )
    with on(datetime.date(2026, 7, 20)):
        services.set_target(
            recommendation=one,
            user=None,
            date=datetime.date(2026, 8, 31),
            reason="The contract was signed late",
            version=version(one),
        )
    with on(datetime.date(2026, 9, 1)):
        update(one, second, "Thing 1 is half done.", IN_PROGRESS, ProgressUpdate.Forecast.AT_RISK)
        update(three, second, "Thing 3 is done.", COMPLETED)
        update(four, second, "Thing 4 is done.", COMPLETED)
    with on(datetime.date(2026, 9, 5)):
        step = services.next_escalation_step(one)
        services.escalate(
            recommendation=one,
            user=None,
            step_id=step.pk,
            taken_on=datetime.date(2026, 9, 4),
            note="Reminder sent to the head of service",
        )
    with on(datetime.date(2026, 9, 16)):
        services.assess_completion(
            recommendation=three,
            user=None,
            signed_off=False,
            meeting_date=NEXT,
            minute_reference="31/26",
            reason="No evidence the training took place",
        )
        services.mark_not_adequate(
            update=LatestProgress.objects.get(recommendation=one).update,
            user=None,
            comment="It does not say when the contract starts",
        )
    member = make_user("member")
    join(member, council, Membership.Role.MEMBER)
    return review, first, second, member


def url(review, update_round, paper="update-report", output=""):
    name = f"papers:{paper}" + (f"-{output}" if output else "")
    return reverse(name, args=[review.council.slug, review.slug, update_round.meeting_date])


def text_of(html):
    """A page's words, tags and all markup dropped, white space made single."""
    from tests.papers.fidelity import html_text

    return " ".join(html_text(html).split())


def part(text, number):
    """The part of a paper about one recommendation (in a report, under its RECOMMENDATION heading)."""
    heading = text.find("RECOMMENDATION")
    body = text[heading:] if heading >= 0 else text
    start = body.index(f"That the Council does thing {number}.")
    end = body.find("That the Council does thing", start + 10)
    return body[start : end if end > 0 else None]


def article(client, address, as_at=None):
    html = client.get(address, {"as_at": as_at} if as_at else {}).content.decode()
    return text_of(html[html.index("<article") : html.index("</article>")])


def test_the_update_report_shows_each_recommendations_follow_through_and_what_is_new(client, followed):
    review, _, second, member = followed
    client.force_login(member)

    page = article(client, url(review, second))

    one, two, three, four = (part(page, n) for n in (1, 2, 3, 4))
    assert "Original target date: 30 June 2026" in one
    assert f"{REVISED} Changed target date since the previous round" in one
    assert "Forecast At risk" in one and "Status: In progress" in one
    assert f"{NOT_ADEQUATE} New assessment since the previous round" in one
    assert f"{ESCALATED} New escalation step since the previous round" in one
    assert "Target date: 31 March 2026" in two and "Changed target date" not in two
    assert "Status: Completed" in two and "Forecast None given" in two
    assert f"{SIGNED_OFF} New assessment since the previous round" in two
    assert "Target date: not set" in three and f"{NOT_ACCEPTED} New assessment" in three
    assert "Not escalated" in three
    assert AWAITING in four and "New assessment" not in four
    # The escalated list: the one open and escalated, by its label and short title, with its steps.
    listed = page[page.index("Escalated recommendations") : page.index("RECOMMENDATION")]
    assert f"1: That the Council does thing 1. {ESCALATED}" in listed
    assert "thing 2" not in listed and "thing 3" not in listed and "thing 4" not in listed
    summary = page[page.index("Summary") : page.index("Escalated recommendations")]
    assert (
        "Also since the previous round: 1 target date set or revised, 3 assessments by the committee "
        "and 1 escalation step taken." in summary
    )
    assert "1 recommendation is escalated." in summary


def test_the_first_round_closed_shows_what_was_recorded_by_its_closing_and_marks_nothing(client, followed):
    review, first, _, member = followed
    client.force_login(member)

    page = article(client, url(review, first))

    # Thing 2's sign-off was recorded the day after the round closed, and thing 1's target revised later.
    assert AWAITING in part(page, 2) and SIGNED_OFF not in page
    assert "Forecast On track" in part(page, 1) and "Target date: 30 June 2026" in part(page, 1)
    assert "since the previous round" not in page
    assert "No recommendation in this report is escalated." in page


def test_the_word_report_says_the_same_in_paragraphs_and_a_table_of_the_escalated(client, followed):
    review, _, second, member = followed
    client.force_login(member)

    document = Document(io.BytesIO(client.get(url(review, second, output="docx")).content))

    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    one, two, three, four = (part(text, n) for n in (1, 2, 3, 4))
    assert f"\nOriginal target date: 30 June 2026\n{REVISED} – Changed since the previous round\n" in one
    assert "\nForecast: At risk\n" in one
    assert f"Committee's assessment: {NOT_ADEQUATE} – New since the previous round" in one
    assert f"Escalation: {ESCALATED} – New since the previous round" in one
    assert f"Committee's assessment: {SIGNED_OFF} – New since the previous round" in two
    assert "\nTarget date: 31 March 2026\n" in two and "Escalation: Not escalated" in two
    assert f"Committee's assessment: {NOT_ACCEPTED} – New since the previous round" in three
    assert f"Committee's assessment: {AWAITING}" in four
    bold = {run.text for paragraph in document.paragraphs for run in paragraph.runs if run.bold}
    assert f"{REVISED} – Changed since the previous round" in bold
    assert f"Committee's assessment: {AWAITING}" not in bold
    escalated = next(t for t in document.tables if t.rows[0].cells[0].text == "Recommendation")
    assert [[cell.text for cell in row.cells] for row in escalated.rows] == [
        ["Recommendation", "Steps taken"],
        ["1: That the Council does thing 1.", f"{ESCALATED} – New since the previous round"],
    ]


def csv_rows(client, address, as_at=None):
    response = client.get(address, {"as_at": as_at} if as_at else {})
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_of_the_report_has_a_column_for_each_part(client, followed):
    review, _, second, member = followed
    client.force_login(member)

    rows = csv_rows(client, url(review, second, output="csv"))

    assert [row["Original target date"] for row in rows] == ["2026-06-30", "2026-03-31", "", ""]
    assert [row["Target date"] for row in rows] == ["2026-08-31", "2026-03-31", "", ""]
    assert rows[0]["Target date revised because"] == "Revised: The contract was signed late"
    assert [row["Forecast"] for row in rows] == ["At risk", "", "", ""]
    assert [row["Status"] for row in rows] == ["In progress", "Completed", "Completed", "Completed"]
    assert [row["Committee's assessment"] for row in rows] == [
        NOT_ADEQUATE,
        SIGNED_OFF,
        NOT_ACCEPTED,
        AWAITING,
    ]
    assert [row["Escalation"] for row in rows] == [ESCALATED, "", "", ""]
    assert rows[0]["What changed"] == (
        "Update: New; Target date: Changed; Committee's assessment: New; Escalation: New"
    )
    assert rows[1]["What changed"] == "Committee's assessment: New"


def test_the_update_table_shows_them_as_a_page_a_word_table_and_csv(client, followed):
    review, _, second, member = followed
    client.force_login(member)

    page = article(client, url(review, second, "update-table"))
    assert "Target date Status" in page  # the column headings
    one = part(page, 1)
    assert f"{REVISED} Changed target date since the previous round" in one
    assert "Forecast: At risk" in one and f"Escalated: {ESCALATED}" in one
    assert "Committee: Signed off at the meeting on 10 March 2026 (minute 14/26)" in part(page, 2)

    table = Document(io.BytesIO(client.get(url(review, second, "update-table", "docx")).content)).tables[0]
    assert [cell.text for cell in table.rows[0].cells] == [
        "Recommendation",
        "Cabinet response",
        "Update",
        "Target date",
        "Status",
    ]
    assert table.rows[1].cells[3].text == (
        f"Original target date: 30 June 2026\n{REVISED} – Changed since the previous round"
    )
    assert table.rows[1].cells[4].text == (
        f"In progress\nForecast: At risk\nCommittee: {NOT_ADEQUATE} – New since the previous round\n"
        f"Escalated: {ESCALATED} – New since the previous round"
    )
    assert table.rows[4].cells[4].text == f"Completed\nCommittee: {AWAITING}"

    rows = csv_rows(client, url(review, second, "update-table", "csv"))
    assert [row["Committee's assessment"] for row in rows] == [
        NOT_ADEQUATE,
        SIGNED_OFF,
        NOT_ACCEPTED,
        AWAITING,
    ]
    assert [row["What changed"] for row in rows] == [
        "Target date: Changed; Committee's assessment: New; Escalation: New",
        "Committee's assessment: New",
        "Committee's assessment: New",
        "",
    ]


# Each record: the day it was recorded, the recommendation, the words of its part of the report and
# table (and Word) the day before and that day (None: nothing), its CSV column and the column then and that day.
RECORDS = [
    ("2026-03-12", 2, AWAITING, SIGNED_OFF, "Committee's assessment", AWAITING, SIGNED_OFF),
    ("2026-07-20", 1, "Target date: 30 June 2026", REVISED, "Target date", "2026-06-30", "2026-08-31"),
    ("2026-09-01", 1, "Forecast: On track", "Forecast: At risk", "Forecast", "On track", "At risk"),
    # Taken on the 4th, recorded on the 5th: the paper as at the 4th did not know of it.
    ("2026-09-05", 1, None, ESCALATED, "Escalation", "", ESCALATED),
    ("2026-09-16", 3, AWAITING, NOT_ACCEPTED, "Committee's assessment", AWAITING, NOT_ACCEPTED),
    ("2026-09-16", 1, None, NOT_ADEQUATE, "Committee's assessment", "", NOT_ADEQUATE),
]


def has(text, words):
    """The words are in the text: colons aside, as a page's summary list sets "Forecast" beside its value."""
    return words.replace(":", "") in text.replace(":", "")


@pytest.mark.parametrize(("day", "number", "before", "after", "column", "cell_before", "cell_after"), RECORDS)
def test_as_at_the_day_before_a_record_it_is_not_shown_and_as_at_its_day_it_is(
    client, followed, day, number, before, after, column, cell_before, cell_after
):
    review, _, second, member = followed
    client.force_login(member)
    recorded = datetime.date.fromisoformat(day)

    for as_at, shown, not_shown, cell in [
        (recorded - datetime.timedelta(days=1), before, after, cell_before),
        (recorded, after, before, cell_after),
    ]:
        query = {"as_at": as_at.isoformat()}
        document = Document(io.BytesIO(client.get(url(review, second, output="docx"), query).content))
        texts = {
            "report": part(article(client, url(review, second), as_at.isoformat()), number),
            "table": part(article(client, url(review, second, "update-table"), as_at.isoformat()), number),
            "word": part("\n".join(paragraph.text for paragraph in document.paragraphs), number),
        }
        for name, text in texts.items():
            assert shown is None or has(text, shown), (as_at, name, text)
            assert not_shown is None or not has(text, not_shown), (as_at, name, text)
        for paper in ("update-report", "update-table"):
            rows = csv_rows(client, url(review, second, paper, "csv"), as_at.isoformat())
            assert rows[number - 1][column] == cell, (as_at, paper)


def test_as_at_a_date_the_escalated_list_and_the_changes_follow_the_records(client, followed):
    review, _, second, member = followed
    client.force_login(member)

    before = article(client, url(review, second), "2026-09-04")
    after = article(client, url(review, second), "2026-09-05")

    assert "No recommendation in this report is escalated." in before
    assert "1 recommendation is escalated." not in before
    assert "1 recommendation is escalated." in after
    assert (
        "1 target date set or revised, 1 assessment by the committee and 0 escalation steps taken" in before
    )
    assert "1 target date set or revised, 1 assessment by the committee and 1 escalation step taken" in after


def test_a_recommendation_finished_and_signed_off_is_not_listed_as_escalated(client, followed):
    review, _, second, member = followed
    one = review.recommendations.get(position=1)
    with on(datetime.date(2026, 10, 1)):
        update(one, second, "Thing 1 is done after all.", COMPLETED)
        services.assess_completion(recommendation=one, user=None, signed_off=True, meeting_date=NEXT)
    client.force_login(member)

    page = article(client, url(review, second))

    assert "No recommendation in this report is escalated." in page
    assert ESCALATED in part(page, 1)  # the steps taken are still its history
    assert "Signed off at the meeting on 15 September 2026 New" in part(page, 1)


def test_a_deleted_update_takes_its_assessment_with_it_but_not_from_a_past_view(client, followed):
    review, _, second, member = followed
    with on(datetime.date(2026, 10, 1)):
        services.delete_update(
            update=ProgressUpdate.objects.get(text="Thing 3 is done."), user=None, reason="Given in error"
        )
    client.force_login(member)

    assert NOT_ACCEPTED not in part(article(client, url(review, second)), 3)
    assert NOT_ACCEPTED in part(article(client, url(review, second), "2026-09-30"), 3)


@pytest.mark.django_db
def test_an_imported_round_is_rebuilt_as_its_paper_was_and_a_collected_round_shows_the_follow_through(client):
    import_seeds("southwark")
    review = Review.objects.get(slug="review-of-services-relating-to-domestic-violence-and-abuse")
    imported = review.rounds.get()
    member = make_user("member")
    join(member, review.council, Membership.Role.MEMBER)
    client.force_login(member)
    papers = [
        (paper, output) for paper in ("update-report", "update-table") for output in ("", "csv", "docx")
    ]

    def rebuilt():
        said = {}
        for paper, output in papers:
            response = client.get(url(review, imported, paper, output))
            if output == "docx":
                document = Document(io.BytesIO(response.content))
                said[paper, output] = [p.text for p in document.paragraphs] + [
                    cell.text for table in document.tables for row in table.rows for cell in row.cells
                ]
            else:
                html = response.content.decode("utf-8-sig")
                said[paper, output] = (
                    html[html.index("<article") : html.index("</article>")] if not output else html
                )
        return said

    before = rebuilt()
    # What the importer records where a timetable is a date, and what the committee does after.
    first = review.recommendations.get(position=1)
    services.set_target(
        recommendation=first,
        user=None,
        date=datetime.date(2013, 12, 31),
        version=first.version,
        history_reason="Imported from the paper",
    )
    services.escalate(
        recommendation=first,
        user=None,
        step_id=council_services.set_escalation_steps(
            council=review.council, user=None, names=["Chase the lead officer"]
        )[0].pk,
        taken_on=datetime.date(2014, 1, 6),
        note="Reminder sent",
    )

    assert rebuilt() == before
    assert "Target date" not in before["update-report", ""] and "Escalat" not in before["update-report", ""]

    new = review_services.open_round(
        review=review,
        user=None,
        committee=imported.committee,
        meeting_date=datetime.date(2027, 1, 20),
        due_date=None,
    )
    page = article(client, url(review, new))
    one = page[page.index("RECOMMENDATION") :]
    one = one[: one.index("RECOMMENDATION", 20)]
    assert "Target date: 31 December 2013" in one
    assert "Chase the lead officer, 6 January 2014: Reminder sent" in one
    listed = page[page.index("Escalated recommendations") : page.index("RECOMMENDATION")]
    assert "Chase the lead officer" in listed
