"""Council admins manage the council's people."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from councils.models import Membership


def test_an_admin_adds_a_new_person_who_is_sent_an_invitation_and_no_password(
    client, adam, testshire, mailoutbox, run_tasks
):
    client.force_login(adam)
    response = client.post(
        reverse("councils:people", args=[testshire.slug]),
        {"email": "Pat@Testshire.example", "role": "officer"},
        follow=True,
    )
    membership = Membership.objects.get(user__email__iexact="pat@testshire.example")
    assert membership.role == "officer" and membership.council == testshire
    assert membership.history.get().history_user == adam
    pat = membership.user
    assert pat.username == "pat" and not pat.has_usable_password()
    assert [str(message) for message in response.context["messages"]] == [
        "We have sent an invitation to Pat@testshire.example. They are officer of Testshire County Council."
    ]
    run_tasks()
    (mail,) = mailoutbox
    assert mail.to == ["Pat@testshire.example"]
    assert "Your username is pat." in mail.body and "/password/set/" in mail.body
    assert "password is" not in response.content.decode()


def test_adding_someone_who_has_an_account_sends_no_invitation(
    client, adam, bob, testshire, mailoutbox, run_tasks
):
    bob.email = "bob@otherton.example"
    bob.save()
    client.force_login(adam)
    response = client.post(
        reverse("councils:people", args=[testshire.slug]),
        {"email": "BOB@otherton.example", "role": "member"},
        follow=True,
    )
    assert Membership.objects.get(user=bob, council=testshire).role == "member"
    run_tasks()
    assert mailoutbox == []
    assert [str(message) for message in response.context["messages"]] == [
        "bob@otherton.example is now scrutiny member of Testshire County Council."
    ]


def test_a_person_cannot_be_added_without_an_email_address(client, adam, testshire):
    client.force_login(adam)
    before = get_user_model().objects.count()
    response = client.post(reverse("councils:people", args=[testshire.slug]), {"role": "member"})
    assert response.context["form"].errors == {"email": ["Enter their e-mail address"]}
    assert get_user_model().objects.count() == before


def test_an_admin_changes_a_role_and_removes_a_person_with_history(client, adam, alice, testshire):
    client.force_login(adam)
    membership = Membership.objects.get(user=alice)
    url = reverse("councils:change-role", args=[testshire.slug, membership.pk])

    client.post(url, {"role": "officer"})
    membership.refresh_from_db()
    assert membership.role == "officer"
    client.post(url, {"role": "officer", "remove": "1"})

    assert not Membership.objects.filter(user=alice).exists()
    removed = Membership.history.filter(id=membership.pk).first()
    assert removed.history_type == "-" and removed.history_user == adam


def test_a_wrong_email_is_explained(client, adam, testshire):
    client.force_login(adam)
    response = client.post(
        reverse("councils:people", args=[testshire.slug]), {"email": "not an email", "role": "x"}
    )
    errors = response.context["form"].errors
    assert errors == {
        "email": ["Enter an e-mail address in the correct format, like name@example.gov.uk"],
        "role": ["Select a role"],
    }
