"""Council admins import a paper in the browser: check first, then import."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from councils.models import Council, Membership
from importing.models import PendingImport
from recommendations.models import Recommendation
from reviews.models import Review
from tests.conftest import make_user, seed
from tests.importing.test_import_seed_papers import database_state


def upload(name):
    return SimpleUploadedFile(seed(name).name, seed(name).read_bytes(), content_type="text/plain")


def admin_of(slug, name):
    council = Council.objects.create(name=name, slug=slug)
    user = make_user(f"admin-{slug}")
    Membership.objects.create(user=user, council=council, role=Membership.Role.ADMIN)
    return user


def test_an_admin_checks_a_paper_then_imports_it(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    url = reverse("importing:upload", args=["southwark-council"])
    before = database_state()

    uploaded = client.post(url, {"paper": upload("southwark")})

    # Nothing of the council's is written by the upload: it is only held.
    assert database_state() == before | {"importing.PendingImport": 1}
    pending = PendingImport.objects.get()
    assert uploaded["Location"] == pending.get_absolute_url()
    assert bytes(pending.data) == seed("southwark").read_bytes()
    assert set(client.session.keys()) <= {"_auth_user_id", "_auth_user_backend", "_auth_user_hash"}
    page = client.get(uploaded["Location"]).content.decode()
    assert "Check what will be imported" in page and "12 new" in page and "New review" in page

    done = client.post(pending.get_absolute_url(), as_shown(client, pending) | {"action": "import"})

    review = Review.objects.get()
    assert done["Location"] == review.get_absolute_url()
    assert Recommendation.objects.count() == 12
    assert {h.history_user.username for h in Recommendation.history.all()} == {"admin-southwark-council"}
    assert not PendingImport.objects.exists()


def test_the_check_page_works_from_the_database_alone(client, db, django_assert_num_queries):
    """Another server, or this one after a restart, shows the same check page: nothing is in the process."""
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    client.post(reverse("importing:upload", args=["southwark-council"]), {"paper": upload("southwark")})
    pending = PendingImport.objects.get()
    other = client_of(client)

    page = other.get(pending.get_absolute_url()).content.decode()

    assert "12 new" in page


def as_shown(client, pending):
    """The check page's form as it shows, as the browser would post it back."""
    form = client.get(pending.get_absolute_url()).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):  # the date's day, month and year boxes
            data.update({f"{name}_{i}": part or "" for i, part in enumerate(value)})
        elif value is not None:
            data[name] = value
    return data


def client_of(client):
    """A new client with only the session cookie of ``client``: as a request reaching another server."""
    from django.test import Client

    other = Client()
    other.cookies = client.cookies
    return other


def test_cancelling_imports_nothing(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    client.post(reverse("importing:upload", args=["southwark-council"]), {"paper": upload("southwark")})
    pending = PendingImport.objects.get()
    before = database_state()
    client.post(pending.get_absolute_url(), {"action": "cancel"})
    assert database_state() == before | {"importing.PendingImport": 0}


def test_an_upload_is_for_its_own_admin_only_and_not_for_ever(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    client.post(reverse("importing:upload", args=["southwark-council"]), {"paper": upload("southwark")})
    pending = PendingImport.objects.get()
    colleague = make_user("colleague")
    Membership.objects.create(user=colleague, council=pending.council, role=Membership.Role.ADMIN)
    other = client_of(client)
    other.force_login(colleague)

    refused = other.post(
        pending.get_absolute_url(), {"action": "import", "review": "new", "title": "Another"}
    )

    assert refused["Location"] == reverse("importing:upload", args=["southwark-council"])
    assert not Review.objects.exists()
    pending.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    pending.save()
    expired = client.get(pending.get_absolute_url())
    assert expired["Location"] == reverse("importing:upload", args=["southwark-council"])


def test_a_paper_of_another_council_is_refused(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    before = database_state()
    response = client.post(
        reverse("importing:upload", args=["southwark-council"]), {"paper": upload("oxfordshire")}
    )
    assert response.context["form"].errors["paper"] == [
        "oxfordshire-2017-04-strategic-review-update.txt is a paper of Oxfordshire County Council, not of Southwark Council."
    ]
    assert database_state() == before


def test_a_bad_paper_is_explained_beside_the_upload(client, db):
    client.force_login(admin_of("southwark-council", "Southwark Council"))
    empty = SimpleUploadedFile("empty.txt", b" \n", content_type="text/plain")
    word = SimpleUploadedFile("paper.docx", b"PK\x03\x04", content_type="application/octet-stream")
    url = reverse("importing:upload", args=["southwark-council"])
    assert client.post(url, {"paper": empty}).context["form"].errors["paper"] == ["empty.txt is empty."]
    assert client.post(url, {"paper": word}).context["form"].errors["paper"] == [
        "paper.docx is damaged: it cannot be opened as a Word document."
    ]
    assert client.post(url, {}).context["form"].errors["paper"] == ["Select a paper to import"]
