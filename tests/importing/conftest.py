"""The importer's tests' own fixtures: an officer's owed recommendations, for the update pack."""

import pytest

from recommendations import services
from recommendations.models import Status
from reviews.models import UpdateRound
from tests.conftest import make_recommendation, make_update


@pytest.fixture
def owed(olive, review):
    """Three recommendations Olive leads, each asked for an update by an open round."""
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    made = []
    for position, text in enumerate(
        ["That the library opens on Sundays.", "That the library hires a librarian.", "That it sells books."],
        start=1,
    ):
        recommendation = make_recommendation(review, position, text)
        services.assign_lead_officer(
            recommendation=recommendation, user=None, officer=olive, version=recommendation.version
        )
        made.append(recommendation)
    make_update(recommendation=made[1], text="Advertised the post.", status=Status.IN_PROGRESS)
    return made, update_round
