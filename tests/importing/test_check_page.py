"""The check page: each format through the upload page, the admin's corrections, and trackers that report on a review."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from councils.models import Council, Membership
from importing.models import PendingImport
from recommendations.models import CabinetResponse, Decision, ProgressUpdate, Recommendation, Status
from reviews.models import Review
from tests.conftest import make_user
from tests.importing.papers import build

# One paper of each format from the corpus, and whose it is.
FORMATS = {
    "docx": (build.lewisham_temporary_accommodation, "London Borough of Lewisham"),
    "pdf": (build.leeds_fly_tipping, "Leeds City Council"),
    "xlsx": (build.wokingham_tracker_xlsx, "Wokingham Borough Council"),
    "csv": (build.gloucestershire_bus_services_csv, "Gloucestershire County Council"),
    "txt": (build.wiltshire_home_education_txt, "Wiltshire Council"),
}


def admin_of(client, name):
    council = Council.objects.create(name=name, slug="council")
    admin = make_user("admin")
    Membership.objects.create(user=admin, council=council, role=Membership.Role.ADMIN)
    client.force_login(admin)
    return council


def shown(client, pending):
    """The check page's form as it shows, as the browser would post it back."""
    form = client.get(pending.get_absolute_url()).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data.update({f"{name}_{i}": part or "" for i, part in enumerate(value)})
        elif value is not None:
            data[name] = value
    return data


def upload(client, council, path):
    response = client.post(
        reverse("importing:upload", args=[council.slug]),
        {"paper": SimpleUploadedFile(path.name, path.read_bytes())},
    )
    assert response.status_code == 302, response.context["form"].errors
    return PendingImport.objects.get()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMATS)
def test_each_format_is_checked_then_imported(client, tmp_path, kind):
    builder, name = FORMATS[kind]
    path, expected = builder(tmp_path)
    council = admin_of(client, name)
    pending = upload(client, council, path)

    page = client.get(pending.get_absolute_url()).content.decode()

    assert "The table as read" in page and f"{len(expected)} new" in page
    assert not Recommendation.objects.exists()
    done = client.post(pending.get_absolute_url(), shown(client, pending) | {"action": "import"})
    assert done.status_code == 302
    review = Review.objects.get()
    assert done["Location"] == review.get_absolute_url()
    assert [r.reference for r in review.recommendations.order_by("position")] == [
        e["reference"] for e in expected
    ]
    decided = {e["reference"]: e["decision"] for e in expected}
    for response in CabinetResponse.objects.select_related("recommendation"):
        assert response.decision == decided[response.recommendation.reference]


@pytest.mark.django_db
def test_the_admin_corrects_a_column_and_a_wording_and_sees_it_read_again(client, tmp_path):
    path, _ = build.durham_loneliness_action_plan(tmp_path)
    council = admin_of(client, "Durham County Council")
    pending = upload(client, council, path)
    form = client.get(pending.get_absolute_url()).context["form"]
    columns = {name: form[name].value() for name in form.columns}
    priority = next(name for name, field in columns.items() if field == "priority")
    lead = next(name for name, field in columns.items() if field == "lead_officer")
    wording, words, _ = form.wordings[0]

    data = shown(client, pending) | {priority: "", lead: "", wording: Decision.NOTED, "action": "apply"}
    applied = client.post(pending.get_absolute_url(), data)

    assert applied.status_code == 302
    pending.refresh_from_db()
    items = pending.paper["recommendations"]
    assert all(item["priority"] == "" and item["lead_officer"] == "" for item in items)
    agreed = [item for item in items if item["response"]["decision_wording"] == words]
    assert agreed and all(item["response"]["decision"] == Decision.NOTED for item in agreed)
    assert not Recommendation.objects.exists()  # applying writes nothing
    client.post(pending.get_absolute_url(), shown(client, pending) | {"action": "import"})
    assert CabinetResponse.objects.filter(decision=Decision.NOTED).count() == len(agreed)
    assert not Recommendation.objects.exclude(priority="").exists()


@pytest.mark.django_db
def test_import_with_unapplied_changes_applies_them_and_shows_them_first(client, tmp_path):
    path, _ = build.gloucestershire_bus_services_csv(tmp_path)
    council = admin_of(client, "Gloucestershire County Council")
    pending = upload(client, council, path)
    data = shown(client, pending) | {"title": "Review of rural bus services", "action": "import"}

    response = client.post(pending.get_absolute_url(), data, follow=True)

    assert "Your changes have been applied. Check them, then import." in response.content.decode()
    assert not Review.objects.exists()
    pending.refresh_from_db()
    assert pending.corrections["title"] == "Review of rural bus services"
    client.post(pending.get_absolute_url(), shown(client, pending) | {"action": "import"})
    assert Review.objects.get().title == "Review of rural bus services"


@pytest.mark.django_db
def test_a_new_review_may_not_take_an_existing_reviews_title(client, tmp_path):
    path, _ = build.gloucestershire_bus_services_csv(tmp_path)
    council = admin_of(client, "Gloucestershire County Council")
    Review.objects.create(council=council, title="Bus services", slug="bus")
    pending = upload(client, council, path)
    data = shown(client, pending) | {"review": "new", "title": "bus services", "action": "apply"}

    response = client.post(pending.get_absolute_url(), data)

    assert response.status_code == 200
    assert response.context["form"].errors["title"] == [
        "There is already a review called “bus services”: select it above, or give the new one another title"
    ]


@pytest.mark.django_db
def test_a_tracker_adds_progress_to_the_recommendations_it_reports_on(tmp_path):
    response_path, _ = build.lewisham_temporary_accommodation(tmp_path)
    call_command(
        "import_report", str(response_path), "--council", "London Borough of Lewisham", stdout=io.StringIO()
    )
    review = Review.objects.get()
    recommendations = list(review.recommendations.order_by("position"))
    tracker = tmp_path / "tracker.csv"
    tracker.write_text(
        "No.,Recommendation,Progress update,Status\n"
        f'1,"{recommendations[0].text}","Twelve more homes were bought in March.",Completed\n'
        f'3,"{recommendations[2].text}","The procurement has begun.",On-going\n',
        encoding="utf-8",
    )

    call_command(
        "import_report",
        str(tracker),
        "--council",
        "London Borough of Lewisham",
        "--review",
        review.slug,
        stdout=io.StringIO(),
    )

    assert review.recommendations.count() == len(recommendations)  # none new: matched by reference
    updates = {u.recommendation.reference: u for u in ProgressUpdate.objects.select_related("recommendation")}
    assert set(updates) == {"1", "3"}
    assert (updates["1"].status, updates["1"].status_wording) == (Status.COMPLETED, "Completed")
    assert (updates["3"].status, updates["3"].text) == (Status.IN_PROGRESS, "The procurement has begun.")
