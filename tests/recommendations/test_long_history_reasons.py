"""On PostgreSQL a history reason over 100 characters was a server error (SQLite stored it): a long
"Why are you changing it?", eight themes at once, a lead officer with a long name, a long file name."""

from django.urls import reverse

from recommendations import services
from recommendations.models import CabinetResponse, Recommendation
from tests.conftest import make_user


def test_long_reasons_are_kept_whole(client, olive, testshire, recommendation):
    from councils.models import Membership

    review = recommendation.review
    client.force_login(olive)
    why = "Because the cabinet member asked for the comment to say what the budget allows this year " * 2

    changed = client.post(
        reverse("recommendations:edit-response", args=[testshire.slug, review.slug, 1]),
        {
            "decision": "agree",
            "comment": "Yes, in full.",
            "version": str(recommendation.cabinet_response.version),
            "reason": why[:200],
        },
    )
    themes = ", ".join(f"A rather long theme name number {n}" for n in range(8))
    services.set_themes(
        recommendation=recommendation, user=olive, themes=[], new_names=themes.split(", "), version=1
    )
    long_name = make_user(
        "lead", first_name="Bartholomew Alexander", last_name="Featherstonehaugh-Cholmondeley" * 3
    )
    Membership.objects.create(user=long_name, council=testshire, role=Membership.Role.OFFICER)
    services.assign_lead_officer(recommendation=recommendation, user=olive, officer=long_name, version=2)

    assert changed.status_code == 302
    response_reason = CabinetResponse.history.latest("history_date").history_change_reason
    assert len(response_reason) > 100 and why[:200].strip() in response_reason
    reasons = list(
        Recommendation.history.order_by("history_date").values_list("history_change_reason", flat=True)
    )
    assert any(len(reason) > 100 and "number 7" in reason for reason in reasons)
    assert reasons[-1].startswith("Lead officer set to Bartholomew") and len(reasons[-1]) > 100
