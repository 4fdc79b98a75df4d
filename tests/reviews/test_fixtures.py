"""fixtures/seed.json, made by `make fixtures`, loads into an empty database."""

from pathlib import Path

import pytest
from django.core.management import call_command

from recommendations.models import CabinetResponse, EvidenceLink, Recommendation
from reviews.models import Review

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "seed.json"


@pytest.mark.django_db
def test_the_seed_fixture_loads_the_three_councils_with_their_history():
    call_command("loaddata", str(FIXTURE), verbosity=0)

    assert Review.objects.count() == 3
    assert Recommendation.objects.count() == 69
    assert CabinetResponse.objects.count() == 48
    assert EvidenceLink.objects.count() == 4
    assert Recommendation.history.filter(history_type="+").count() == 69
    assert {h.history_user.username for h in Recommendation.history.all()} == {"importer"}
