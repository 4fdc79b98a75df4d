"""Council boundaries: what one council's people may learn of another's, and what someone removed from a
council lets go of."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from councils import services as council_services
from councils.models import Council, Membership
from importing.models import PendingImport
from recommendations.models import Recommendation
from reviews.models import SourceDocument
from tests.conftest import make_recommendation, make_user, seed


def test_a_paper_another_council_imported_is_not_described_to_an_admin_who_cannot_see_it(client, db):
    elsewhere = Council.objects.create(name="Otherton Borough Council", slug="otherton")
    stranger = make_user("otherton-admin", first_name="Olga", last_name="Secret")
    data = seed("southwark").read_bytes()
    SourceDocument.objects.create(
        council=elsewhere,
        name="otherton-private-name.txt",
        checksum=hashlib.sha256(data).hexdigest(),
        kind=SourceDocument.Kind.UPDATE_REPORT,
        layout=SourceDocument.Layout.COMMITTEE_REPORT,
        text="x",
        data=data,
        imported_by=stranger,
        imported_at=timezone.now(),
    )
    southwark = Council.objects.create(name="Southwark Council", slug="southwark-council")
    admin = make_user("admin-southwark")
    Membership.objects.create(user=admin, council=southwark, role=Membership.Role.ADMIN)
    client.force_login(admin)

    uploaded = client.post(
        reverse("importing:upload", args=[southwark.slug]),
        {"paper": SimpleUploadedFile(seed("southwark").name, data, content_type="text/plain")},
    )
    page = client.get(uploaded["Location"]).content.decode()

    assert PendingImport.objects.count() == 1
    assert "already imported by another council" in page
    assert "otherton" not in page.lower() and "Secret" not in page and "otherton-admin" not in page


def test_someone_removed_from_a_council_leads_nothing_there_any_more(
    adam, olive, review, testshire, otherton
):
    mine = make_recommendation(review, 1)
    mine.lead_officer = olive
    mine.save()
    other_review = review.__class__.objects.create(council=otherton, title="Parks", slug="parks")
    theirs = make_recommendation(other_review, 1)
    theirs.lead_officer = olive
    theirs.save()

    council_services.remove_member(membership=olive.memberships.get(council=testshire), user=adam)

    assert Recommendation.objects.get(pk=mine.pk).lead_officer is None
    assert Recommendation.objects.get(pk=theirs.pk).lead_officer == olive  # another council's stays
    cleared = Recommendation.history.filter(id=mine.pk).latest()
    assert cleared.history_user == adam and "left the council" in cleared.history_change_reason


def test_another_councils_themes_are_neither_offered_nor_filterable(client, olive, review, otherton):
    from recommendations.models import Theme

    ours, unused, theirs = (
        Theme.objects.create(name=n, slug=n.lower()) for n in ("Refuges", "Housing", "Secret plan")
    )
    make_recommendation(review, 1).themes.add(ours)
    other_review = review.__class__.objects.create(council=otherton, title="Parks", slug="parks")
    make_recommendation(other_review, 1).themes.add(theirs)
    client.force_login(olive)

    form_page = client.get(
        reverse("recommendations:themes", args=[review.council.slug, review.slug, 1])
    ).content.decode()
    list_page = client.get(reverse("recommendations:list")).content.decode()

    for page in (form_page, list_page):
        assert "Refuges" in page and "Housing" in page and "Secret plan" not in page
    refused = client.post(
        reverse("recommendations:themes", args=[review.council.slug, review.slug, 1]),
        {"themes": [theirs.pk], "new_themes": "", "version": 1},
    )
    assert refused.status_code == 200 and "Select themes from the list" in refused.content.decode()


def test_a_superuser_is_offered_every_theme_and_each_person_their_councils_and_the_unused(
    client, olive, review, otherton, django_user_model
):
    from recommendations.models import Theme

    ours, unused, theirs = (
        Theme.objects.create(name=n, slug=n.lower().replace(" ", "-"))
        for n in ("Refuges", "Housing", "Secret plan")
    )
    make_recommendation(review, 1).themes.add(ours)
    other_review = review.__class__.objects.create(council=otherton, title="Parks", slug="parks")
    make_recommendation(other_review, 1).themes.add(theirs)
    root = django_user_model.objects.create_superuser("root", password="x")

    assert set(Theme.objects.used_in(None)) == {ours, unused, theirs}
    assert set(Theme.objects.used_in([otherton])) == {theirs, unused}
    client.force_login(root)
    listed = client.get(reverse("recommendations:list"), {"theme": "secret-plan"})
    assert [r.pk for r in listed.context["page"].object_list] == [other_review.recommendations.get().pk]
    assert "Refuges" in listed.content.decode() and "Housing" in listed.content.decode()
