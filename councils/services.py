"""The only code that creates and changes councils, their committees and who belongs to them."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from common.history import save_with_history
from common.slugs import unique_slug

from .models import Committee, Council, Membership


@transaction.atomic
def find_or_add_council(*, name, user, reason) -> tuple[Council, bool]:
    """The council of this name, made if there is none; and whether it was made."""
    council = Council.objects.filter(name=name).first()
    if council is not None:
        return council, False
    council = Council(name=name, slug=unique_slug(Council.objects.all(), name))
    return save_with_history(council, user=user, reason=reason), True


@transaction.atomic
def find_or_add_committee(*, council, name, user, reason) -> Committee:
    committee = Committee.objects.filter(council=council, name=name).first()
    return committee or save_with_history(Committee(council=council, name=name), user=user, reason=reason)


@transaction.atomic
def add_member(*, council, user, email, role):
    """Give the person with this e-mail a role here, making their account if need be.

    Returns the membership and, for a new account, its one-time password.
    """
    User = get_user_model()
    person = User.objects.filter(email__iexact=email).order_by("pk").first()
    password = None
    if person is None:
        password = secrets.token_urlsafe(12)
        username = email.split("@")[0].lower()
        while User.objects.filter(username=username).exists():
            username += secrets.choice("0123456789")
        person = User.objects.create_user(username=username, email=email, password=password)
    membership = Membership.objects.filter(council=council, user=person).first()
    if membership is None:
        membership = Membership(council=council, user=person, role=role)
    else:
        membership.role = role
    save_with_history(membership, user=user, reason=f"Added as {Membership.Role(role).label.lower()}")
    return membership, password


@transaction.atomic
def set_role(*, membership, user, role):
    membership.role = role
    return save_with_history(
        membership, user=user, reason=f"Role changed to {Membership.Role(role).label.lower()}"
    )


@transaction.atomic
def remove_member(*, membership, user):
    membership._history_user = user
    membership._change_reason = "Removed from the council"
    membership.delete()
