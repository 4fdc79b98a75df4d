"""Council admins import a paper in the browser: check first, then import."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from councils.models import Council, Membership
from recommendations.models import Recommendation
from reviews.models import Review
from tests.conftest import make_user, seed
from tests.reviews.test_import_seed_papers import database_state


def upload(name):
    return SimpleUploadedFile(seed(name).name, seed(name).read_bytes(), content_type="text/plain")


def admin_of(slug, name):
    council = Council.objects.create(name=name, slug=slug)
    user = make_user(f"admin-{slug}")
    Membership.objects.create(user=user, council=council, role=Membership.Role.ADMIN)
    return user


def test_an_admin_checks_a_paper_then_imports_it(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    url = reverse("reviews:import", args=["southwark-council"])
    before = database_state()

    check = client.post(url, {"paper": upload("southwark")})

    assert database_state() == before  # nothing written by the check
    page = check.content.decode()
    assert "Check what will be imported" in page and "12 new" in page and "New review" in page
    done = client.post(reverse("reviews:confirm-import", args=["southwark-council"]), {"import": "1"})

    review = Review.objects.get()
    assert done["Location"] == review.get_absolute_url()
    assert Recommendation.objects.count() == 12
    assert {h.history_user.username for h in Recommendation.history.all()} == {"admin-southwark-council"}


def test_cancelling_imports_nothing(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    client.post(reverse("reviews:import", args=["southwark-council"]), {"paper": upload("southwark")})
    before = database_state()
    client.post(reverse("reviews:confirm-import", args=["southwark-council"]), {"cancel": "1"})
    assert database_state() == before


def test_a_paper_of_another_council_is_refused(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    before = database_state()
    response = client.post(
        reverse("reviews:import", args=["southwark-council"]), {"paper": upload("oxfordshire")}
    )
    assert response.context["form"].errors["paper"] == [
        "oxfordshire-2017-04-strategic-review-update.txt is a paper of Oxfordshire County Council, not of Southwark Council."
    ]
    assert database_state() == before


def test_a_bad_paper_is_explained_beside_the_upload(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    empty = SimpleUploadedFile("empty.txt", b" \n", content_type="text/plain")
    word = SimpleUploadedFile("paper.docx", b"PK\x03\x04", content_type="application/octet-stream")
    url = reverse("reviews:import", args=["southwark-council"])
    assert client.post(url, {"paper": empty}).context["form"].errors["paper"] == ["empty.txt is empty."]
    assert client.post(url, {"paper": word}).context["form"].errors["paper"] == [
        "The selected file must be plain text. Save the Word document as plain text (.txt) and upload that"
    ]
    assert client.post(url, {}).context["form"].errors["paper"] == ["Select a paper to import"]
