"""Who may reach a council: the council and the person's role in it, or 404 / 403."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from . import versions
from .models import Council, Membership, Role


def get_council_for_user(user, slug, *, edit=False, manage=False) -> tuple[Council, Role]:
    """The council and this person's role there: 404 if they may not see it; with ``edit``, 403 unless
    officer; with ``manage``, 403 unless admin. Read with its change count, for its pages' key."""
    councils = versions.with_change_count(Council.objects.for_user(user), "pk")
    council = get_object_or_404(councils, slug=slug)
    return council, check_role(council, user, edit=edit, manage=manage)


def check_role(council, user, *, edit=False, manage=False) -> Role:
    """This person's role in a council they can see; 403 if it does not allow editing (or managing)."""
    role = council.role_of(user)
    if role is None:  # cannot happen for a council from for_user(); refuse rather than assume
        raise PermissionDenied("You do not belong to this council.")
    if manage and not role.can_manage:
        raise PermissionDenied("Only the council's admins can do this.")
    if edit and not role.can_edit:
        raise PermissionDenied("Only the council's officers can change its recommendations.")
    return role


def people_who_may_see(council):
    """Everyone who may see the council now: the active accounts of its members, and the superusers.

    The same rule as ``Council.objects.for_user``, asked from the council's side, for telling many people
    at once of its news.
    """
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Exists(Membership.objects.filter(user=OuterRef("pk"), council=council))
        )
    )
