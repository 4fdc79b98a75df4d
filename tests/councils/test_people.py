"""Council admins manage the council's people."""

from django.urls import reverse

from councils.models import Membership


def test_an_admin_adds_a_new_person_by_email_with_a_one_time_password(client, adam, testshire):
    client.force_login(adam)
    response = client.post(
        reverse("councils:people", args=[testshire.slug]),
        {"email": "Pat@Testshire.example", "role": "officer"},
        follow=True,
    )
    membership = Membership.objects.get(user__email__iexact="pat@testshire.example")
    assert membership.role == "officer" and membership.council == testshire
    assert membership.history.get().history_user == adam
    message = str(list(response.context["messages"])[0])
    password = message.split("one-time password is ")[1].split(":")[0]
    assert client.login(username="pat", password=password)


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
