"""Workflows that change who belongs to a council."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from common.history import save_with_history

from .models import Membership


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
