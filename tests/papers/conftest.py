import io

import pytest
from django.core.management import call_command

from councils.models import Council, Membership
from tests.conftest import join, make_user, seed


def import_seeds(*names):
    call_command("import_report", *(str(seed(name)) for name in names), stdout=io.StringIO())


def member_of(council_slug, username="member"):
    """A scrutiny member of the council, signed-in-able."""
    user = make_user(username, first_name="Sam", last_name="Jones")
    join(user, Council.objects.get(slug=council_slug), Membership.Role.MEMBER)
    return user


@pytest.fixture
def member_client(client):
    """A client signed in as a member of the council named: member_client("oxford-city-council")."""

    def sign_in(council_slug):
        client.force_login(member_of(council_slug))
        return client

    return sign_in
