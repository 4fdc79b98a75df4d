"""The only code that creates and changes councils, their committees and who belongs to them."""

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import transaction

from common.history import delete_with_history, save_with_history
from common.slugs import unique_slug

from .models import Committee, Council, EscalationStep, Membership, Role
from .signals import member_removed, settings_changed


@transaction.atomic
def find_or_add_council(*, name: str, user: AbstractBaseUser | None, reason: str) -> tuple[Council, bool]:
    """The council of this name, made if there is none; and whether it was made."""
    council = Council.objects.filter(name=name).first()
    if council is not None:
        return council, False
    council = Council(name=name, slug=unique_slug(Council.objects.all(), name))
    return save_with_history(council, user=user, reason=reason), True


# What a council's admins may set, with the reason its history gives.
SETTINGS = ("papers_cover", "papers_show_response", "stalled_after_months", "response_period_months")


@transaction.atomic
def save_council_settings(
    *,
    council: Council,
    user: AbstractBaseUser | None,
    reason: str = "Changed the council's settings",
    **fields: Any,
) -> Council:
    """Change a council's settings (SETTINGS), in one history row; nothing is written if nothing changed."""
    unknown = set(fields) - set(SETTINGS)
    if unknown:
        raise TypeError(f"Not a council setting: {', '.join(sorted(unknown))}")
    current = Council.objects.select_for_update().get(pk=council.pk)
    changed = {name: value for name, value in fields.items() if getattr(current, name) != value}
    if changed:
        for name, value in changed.items():
            setattr(current, name, value)
        save_with_history(current, user=user, reason=reason)
        settings_changed.send(sender=Council, council=current, user=user, changed=sorted(changed))
    for name, value in fields.items():
        setattr(council, name, value)
    return current


def set_paper_defaults(
    *, council: Council, user: AbstractBaseUser | None, cover: str, show_response: bool
) -> Council:
    """What the papers of the rounds the council collects cover and show, unless a paper chooses."""
    return save_council_settings(
        council=council,
        user=user,
        reason="Changed the papers' defaults",
        papers_cover=cover,
        papers_show_response=show_response,
    )


@transaction.atomic
def set_escalation_steps(
    *, council: Council, user: AbstractBaseUser | None, names: list[str]
) -> list[EscalationStep]:
    """The council's escalation ladder, in order: steps kept by name, new ones added, the rest retired
    (kept, since escalations already taken name them)."""
    wanted = [" ".join(name.split()) for name in names if name.strip()]
    if len({name.casefold() for name in wanted}) != len(wanted):
        raise ValueError("Each step of the ladder must have its own name")
    if any(len(name) > 200 for name in wanted):
        raise ValueError("Each step must be 200 characters or fewer")
    Council.objects.select_for_update().get(pk=council.pk)
    current = {step.name.casefold(): step for step in council.escalation_steps.filter(retired=False)}
    ladder = []
    for position, name in enumerate(wanted, start=1):
        step = current.pop(name.casefold(), None) or EscalationStep(
            council=council, name=name, position=position
        )
        if step.pk is None or step.position != position or step.name != name:
            step.position, step.name = position, name
            save_with_history(step, user=user, reason=f"Escalation ladder: step {position}")
        ladder.append(step)
    for step in current.values():
        step.retired = True
        save_with_history(step, user=user, reason="Escalation ladder: step taken off")
    return ladder


@transaction.atomic
def find_or_add_committee(
    *, council: Council, name: str, user: AbstractBaseUser | None, reason: str
) -> Committee:
    committee = Committee.objects.filter(council=council, name=name).first()
    return committee or save_with_history(Committee(council=council, name=name), user=user, reason=reason)


def new_account(*, username: str, email: str = "") -> tuple[User, str]:
    """A new account with a random one-time password; returns it and the password."""
    password = secrets.token_urlsafe(12)
    return get_user_model().objects.create_user(username=username, email=email, password=password), password


@transaction.atomic
def grant(
    *,
    council: Council,
    person: User,
    role: Role | str,
    user: AbstractBaseUser | None,
    reason: str | None = None,
) -> tuple[Membership, bool]:
    """Give the person this role in the council, or change the role they have; and whether anything changed."""
    role = Role(role)
    membership = Membership.objects.filter(council=council, user=person).first()
    if membership is not None and membership.role == role:
        return membership, False
    if membership is None:
        membership = Membership(council=council, user=person, role=role)
        default = f"Added as {role.label.lower()}"
    else:
        membership.role = role
        default = f"Role changed to {role.label.lower()}"
    return save_with_history(membership, user=user, reason=reason or default), True


@transaction.atomic
def add_member(
    *, council: Council, user: AbstractBaseUser | None, email: str, role: Role | str
) -> tuple[Membership, str | None]:
    """Give the person with this e-mail a role here, making their account if need be.

    Returns the membership and, for a new account, its one-time password.
    """
    User = get_user_model()
    person = User.objects.filter(email__iexact=email).order_by("pk").first()
    password = None
    if person is None:
        username = email.split("@")[0].lower()
        while User.objects.filter(username=username).exists():
            username += secrets.choice("0123456789")
        person, password = new_account(username=username, email=email)
    role = Role(role)
    membership, _ = grant(
        council=council, person=person, role=role, user=user, reason=f"Added as {role.label.lower()}"
    )
    return membership, password


def set_role(*, membership: Membership, user: AbstractBaseUser | None, role: Role | str) -> Membership:
    membership, _ = grant(council=membership.council, person=membership.user, role=role, user=user)
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, user: AbstractBaseUser | None) -> None:
    """Take the person out of the council; the apps above let go of what they held there (their lead
    officer assignments), with history, in the same transaction."""
    delete_with_history(membership, user=user, reason="Removed from the council")
    member_removed.send(sender=Membership, council=membership.council, person=membership.user, user=user)
