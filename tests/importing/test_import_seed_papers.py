"""import_report on the five seed papers: what it creates, word for word."""

import io
from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from councils.models import Council
from recommendations.models import CabinetResponse, Decision, EvidenceLink, ProgressUpdate, Recommendation
from reviews.models import Review, SourceDocument, UpdateRound
from tests.conftest import SEEDS, make_user, seed

OXFORD = "domestic-abuse-review-group"
SOUTHWARK = "review-of-services-relating-to-domestic-violence-and-abuse"
OXFORDSHIRE = "strategic-review-of-domestic-abuse-in-oxfordshire"


def run_import(*paths, **options):
    out = io.StringIO()
    call_command("import_report", *map(str, paths), stdout=out, **options)
    return out.getvalue()


def database_state():
    """How many rows every table holds, history tables included."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def recommendation(review_slug, number):
    return Recommendation.objects.select_related("cabinet_response").get(
        review__slug=review_slug, position=number
    )


@pytest.mark.django_db
def test_the_five_papers_make_three_councils_three_reviews_and_69_recommendations():
    output = run_import(*SEEDS)

    assert sorted(Council.objects.values_list("name", flat=True)) == [
        "Oxford City Council",
        "Oxfordshire County Council",
        "Southwark Council",
    ]
    assert sorted(Review.objects.values_list("slug", flat=True)) == [OXFORD, SOUTHWARK, OXFORDSHIRE]
    assert Recommendation.objects.count() == 69
    assert CabinetResponse.objects.count() == 48
    assert UpdateRound.objects.count() == 3
    assert ProgressUpdate.objects.count() == 12
    assert SourceDocument.objects.count() == 5
    assert "Imported 5 of 5 papers: 3 councils, 3 reviews, 69 recommendations, 48 cabinet responses" in output
    for slug in (OXFORD, SOUTHWARK, OXFORDSHIRE):
        assert f"[{slug}]" in output


@pytest.mark.django_db
def test_oxford_2020_has_48_responses_26_agree_13_in_part_9_disagree():
    run_import(seed("oxford-2020"))

    review = Review.objects.get(slug=OXFORD)
    assert review.council.name == "Oxford City Council"
    assert review.committee.name == "Scrutiny Committee"
    assert str(review.recommended_date) == "2020-11-03"
    assert list(review.recommendations.values_list("position", flat=True)) == list(range(1, 49))
    decisions = Counter(CabinetResponse.objects.values_list("decision", flat=True))
    assert decisions == {Decision.AGREE: 26, Decision.IN_PART: 13, Decision.DISAGREE: 9}
    wording = Counter(CabinetResponse.objects.values_list("decision_wording", flat=True))
    assert wording == {"Agree": 26, "In part": 13, "Disagree": 9}
    response = recommendation(OXFORD, 1).cabinet_response
    assert response.responder_name == "Councillor Louise Upton"
    assert response.responder_role == "Cabinet Member for a Safer, Healthy Oxford"
    assert response.response_date is None  # the paper does not say when


@pytest.mark.django_db
def test_oxford_2020_text_is_kept_word_for_word():
    run_import(seed("oxford-2020"))

    assert (
        recommendation(OXFORD, 16).text
        == "That the Council seeks DAHA accreditation for its housing services"
    )
    assert recommendation(OXFORD, 11).text.startswith("That the Council seeks that steps are taken")
    # The Word bookmark is dropped; every word, and the doubled full stop, is kept.
    comment = recommendation(OXFORD, 5).cabinet_response.comment
    assert comment.startswith(
        "Oxfordshire DA Strategic Board is currently undertaking an extensive Needs Assessment"
    )
    assert comment.endswith("which may be different from other councils..")
    assert "bookmark" not in comment
    # A comment that runs over several lines and a blank one keeps them.
    comment = recommendation(OXFORD, 4).cabinet_response.comment
    assert comment.startswith("Completed\n\nGroup work for victims is already part of the response")
    assert comment.endswith("DAY Programme – for young people experiencing domestic abuse")
    assert recommendation(OXFORD, 1).cabinet_response.comment == ""
    assert recommendation(OXFORD, 47).cabinet_response.decision == CabinetResponse.Decision.DISAGREE
    assert recommendation(OXFORD, 16).source_position == 16


@pytest.mark.django_db
def test_southwark_has_12_recommendations_each_with_its_numbered_update():
    run_import(seed("southwark"))

    review = Review.objects.get(slug=SOUTHWARK)
    assert review.committee.name == "Housing and Community Safety Overview and Scrutiny Sub-Committee"
    assert review.report_dated == "September 2012"
    assert not CabinetResponse.objects.exists()  # the January 2013 response is not in the seeds
    recs = list(review.recommendations.prefetch_related("updates"))
    assert [r.source_position for r in recs] == [4, 6, 8, 12, 16, 22, 25, 28, 31, 42, 46, 51]
    numbered = [[number for number, _ in r.updates.get().paragraphs] for r in recs]
    assert numbered == [
        [5], [7], [9, 10, 11], [13, 14, 15], [17, 18, 19, 20, 21], [23, 24], [26, 27],
        [29, 30], list(range(32, 42)), [43, 44, 45], [47, 48, 49, 50], [52, 53],
    ]  # fmt: skip
    titles = [r.title for r in recs]
    assert titles[:4] == [
        "Accurate statistics",
        "Dedicated domestic violence court",
        "Training",
        "Domestic abuse champions",
    ]
    assert titles[5] == titles[6] == titles[11] == ""  # those have no short title

    update_round = UpdateRound.objects.get(review=review)
    assert update_round.committee.name == "Overview and Scrutiny Committee"
    assert str(update_round.meeting_date) == "2013-06-10"
    assert update_round.report_author == "Jonathon Toy, Head of Community Safety and Enforcement, E&L"
    assert update_round.wards == "All"
    assert "## BACKGROUND DOCUMENTS" in update_round.closing and "## AUDIT TRAIL" in update_round.closing


@pytest.mark.django_db
def test_southwark_paragraphs_split_by_page_breaks_are_joined():
    run_import(seed("southwark"))

    court = recommendation(SOUTHWARK, 2)
    assert "have been very effective in other London boroughs in reducing this time" in court.text
    housing_options = recommendation(SOUTHWARK, 11).updates.get()
    assert "Similarly Southwark's housing options Services are able to reciprocate" in housing_options.text
    staffing = recommendation(SOUTHWARK, 10).updates.get()
    number, paragraph = staffing.paragraphs[1]
    assert number == 44
    assert paragraph.count("\n- ") == 5  # its five bullets stay with it


@pytest.mark.django_db
def test_oxfordshire_has_9_recommendations_with_the_third_joined_whole():
    run_import(seed("oxfordshire"))

    review = Review.objects.get(slug=OXFORDSHIRE)
    assert review.council.name == "Oxfordshire County Council"
    assert review.recommendations.count() == 9
    assert recommendation(OXFORDSHIRE, 3).text == (
        "Set up task & finish groups to consider (i) how to address “hidden” domestic abuse, (ii) improve "
        "prevention work, including work in schools and GP Practices (iii) multi-agency approaches and "
        "possible improvements to data capture in relation to domestic abuse including environmental "
        "scanning across the Thames Valley, (iv) the viability and effectiveness of a range of perpetrator "
        "interventions"
    )
    assert recommendation(OXFORDSHIRE, 1).text.endswith("set out in [the strategic review]")
    update_round = review.rounds.get()
    assert update_round.committee.name == "Health Improvement Board"
    assert str(update_round.meeting_date) == "2017-04-10"
    assert (
        update_round.report_author
        == "Sarah Carter, Strategic Lead for Domestic Abuse, Joint Commissioning Team"
    )
    assert "## Co-funded approach" in update_round.narrative
    # Stored as blocks with a blank line between each, every paragraph once.
    assert update_round.introduction.startswith("## Purpose of paper\n\n1. This paper is to inform")
    assert update_round.introduction.count("Purpose of paper") == 1
    assert update_round.narrative.count("## Co-funded approach") == 1


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["forwards", "backwards"])
def test_later_oxford_papers_attach_to_the_2020_review_in_any_order(order):
    papers = [seed("oxford-2020"), seed("oxford-2024"), seed("oxford-2025")]
    run_import(*(papers if order == "forwards" else reversed(papers)))

    review = Review.objects.get()
    assert sorted(review.source_documents.values_list("kind", flat=True)) == [
        "cabinet_response",
        "decision_paper",
        "update_report",
    ]
    update_round = review.rounds.get()
    assert update_round.committee.name == "Scrutiny Committee"
    assert str(update_round.meeting_date) == "2024-01-16"
    assert str(update_round.previous_update_date) == "2022-04-05"
    assert update_round.cabinet_member == "Cllr Mark Lygo, Cabinet Member for Safer and Inclusive Communities"
    assert str(review.endorsed_date) == "2021-03-02"


@pytest.mark.django_db
def test_a_report_on_a_review_not_yet_imported_is_refused():
    with pytest.raises(Exception, match="has no review yet for it to report on") as error:
        run_import(seed("oxford-2024"))
    assert "oxford-2024-01-scrutiny-daha-and-review-group-update.txt" in str(error.value)
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_importing_again_changes_nothing_and_says_so():
    run_import(*SEEDS)
    before = database_state()

    output = run_import(*SEEDS)

    assert database_state() == before
    assert output.count("already imported") == 5
    assert "Nothing new to import; nothing changed." in output


@pytest.mark.django_db
def test_dry_run_prints_the_same_and_writes_nothing():
    before = database_state()

    output = run_import(*SEEDS, dry_run=True)

    assert database_state() == before
    assert (
        "Dry run, nothing written. Would import 5 of 5 papers: 3 councils, 3 reviews, 69 recommendations"
        in output
    )


@pytest.mark.django_db
def test_every_imported_record_has_history_naming_the_importer_and_the_paper():
    run_import(*SEEDS)

    importer = get_user_model().objects.get(username="importer")
    assert not importer.has_usable_password() and not importer.is_active
    for model in (
        Council,
        Review,
        Recommendation,
        CabinetResponse,
        UpdateRound,
        ProgressUpdate,
        SourceDocument,
    ):
        for obj in model.objects.all():
            history = obj.history.all()
            assert history.exists(), f"{model.__name__} {obj.pk} has no history"
            assert all(h.history_user == importer for h in history)
            assert all(h.history_change_reason.startswith("Imported from ") for h in history)
    created = Recommendation.history.filter(history_type="+")
    assert created.count() == 69
    assert set(created.values_list("history_change_reason", flat=True)) == {
        "Imported from oxford-2020-cabinet-response-domestic-abuse-review.txt",
        "Imported from southwark-2013-06-update-on-implementation.txt",
        "Imported from oxfordshire-2017-04-strategic-review-update.txt",
    }
    # The 2024 paper states the endorsement date: the review's history says where it came from.
    endorsed = Review.objects.get(slug=OXFORD).history.filter(history_type="~").get()
    assert (
        endorsed.history_change_reason
        == "Imported from oxford-2024-01-scrutiny-daha-and-review-group-update.txt"
    )


@pytest.mark.django_db
def test_the_named_user_is_recorded_as_the_importer():
    officer = make_user("dsmith")

    run_import(seed("oxfordshire"), user="dsmith")

    assert SourceDocument.objects.get().imported_by == officer
    assert {h.history_user for h in Recommendation.history.all()} == {officer}


@pytest.mark.django_db
def test_an_unknown_user_is_refused():
    with pytest.raises(Exception, match="There is no user named “nobody”"):
        run_import(seed("oxfordshire"), user="nobody")
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_link_evidence_links_the_2025_paper_to_recommendations_16_and_37_to_39():
    run_import(*SEEDS)
    out = io.StringIO()

    call_command(
        "link_evidence",
        "oxford-2025-07-cabinet-domestic-abuse-policy.txt",
        review=OXFORD,
        recommendations=[16, 37, 38, 39],
        stdout=out,
    )

    linked = EvidenceLink.objects.values_list("recommendation__position", flat=True)
    assert sorted(linked) == [16, 37, 38, 39]
    assert {link.source_document.kind for link in EvidenceLink.objects.all()} == {"decision_paper"}
    assert "Linked oxford-2025-07-cabinet-domestic-abuse-policy.txt to 4 recommendations" in out.getvalue()


@pytest.mark.django_db
def test_the_rounds_of_past_meetings_are_closed_on_import_after_everything_they_hold():
    run_import(*SEEDS)

    rounds = UpdateRound.objects.order_by("meeting_date")
    assert [str(r.meeting_date) for r in rounds] == ["2013-06-10", "2017-04-10", "2024-01-16"]
    assert not UpdateRound.objects.open().exists()
    for update_round in rounds:
        closing = update_round.history.filter(closed_at__isnull=False).earliest("history_date")
        assert closing.history_change_reason.endswith(
            f": closed, as its meeting on {update_round.meeting_date:%-d %B %Y} has been"
        )
        # Closed after the paper's updates were written, so its papers show them all.
        for update in ProgressUpdate.history.filter(round_id=update_round.pk):
            assert update_round.closed_at >= update.history_date
    assert ProgressUpdate.history.filter(round_id__in=rounds.values("pk")).count() == 12  # Southwark's
