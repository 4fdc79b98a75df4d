"""The only code that creates and changes councils, their committees and who belongs to them."""

import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.history import delete_with_history, save_with_history
from common.slugs import unique_slug

from .mail import queue_email
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
SETTINGS = (
    "papers_cover",
    "papers_show_response",
    "stalled_after_months",
    "response_period_months",
    "reminder_days_before",
    "reminder_days_after",
)


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


# The most steps a council's escalation ladder may have.
MAX_LADDER_STEPS = 10


def ladder_names(names: list[str]) -> list[str]:
    """The names of a ladder's steps, tidied (spaces, blank lines); ValueError, in plain words, if they
    cannot make one."""
    wanted = [" ".join(name.split()) for name in names if name.strip()]
    if any(len(name) > 200 for name in wanted):
        raise ValueError("Each step must be 200 characters or fewer")
    if len({name.casefold() for name in wanted}) != len(wanted):
        raise ValueError("Each step must have its own name: two lines say the same")
    if len(wanted) > MAX_LADDER_STEPS:
        raise ValueError(f"The ladder can have up to {MAX_LADDER_STEPS} steps")
    return wanted


@transaction.atomic
def set_escalation_steps(
    *, council: Council, user: AbstractBaseUser | None, names: list[str]
) -> list[EscalationStep]:
    """The council's escalation ladder, in order: steps kept by name, new ones added, the rest retired
    (kept, since escalations already taken name them)."""
    wanted = ladder_names(names)
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


def new_account(*, username: str, email: str = "") -> User:
    """A new account with no password: the person sets their own through an invitation link."""
    return get_user_model().objects.create_user(username=username, email=email, password=None)


def password_link(person: User) -> str:
    """The address of the page where this person sets a password.

    The link works once (its token covers the password and the last sign-in, which
    setting a password or signing in changes) and only for PASSWORD_RESET_TIMEOUT seconds.
    """
    uid = urlsafe_base64_encode(force_bytes(person.pk))
    token = default_token_generator.make_token(person)
    return settings.SITE_URL + reverse("password-reset-confirm", args=[uid, token])


def link_days() -> int:
    """How many whole days a password link lasts, as the e-mails and pages say it."""
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))


def invite(*, person: User, council: Council | None, invited_by: AbstractBaseUser | None) -> None:
    """Queue an e-mail with a link to set their password; an error if they have no e-mail address."""
    if not person.email:
        raise ValueError(f"{person.username} has no e-mail address to send an invitation to")
    context = {
        "person": person,
        "council": council,
        "invited_by": invited_by,
        "link": password_link(person),
        "days": link_days(),
    }
    queue_email(
        recipient=person,
        subject="You have been invited to Scrutiny Tracker",
        template="invitation",
        context=context,
        council=council,
        kind="invitation",
    )


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
) -> tuple[Membership, bool]:
    """Give the person with this e-mail a role here, making their account if need be.

    A new account has no password: the person is sent an invitation to set one. Returns the
    membership and whether an invitation was queued (in this transaction: both are kept, or neither).
    """
    User = get_user_model()
    person = User.objects.filter(email__iexact=email).order_by("pk").first()
    invited = False
    if person is None:
        username = email.split("@")[0].lower()[:140]  # room for digits within the 150 allowed
        while User.objects.filter(username=username).exists():
            username += secrets.choice("0123456789")
        person = new_account(username=username, email=email)
        invited = True
    role = Role(role)
    membership, _ = grant(
        council=council, person=person, role=role, user=user, reason=f"Added as {role.label.lower()}"
    )
    if invited:
        invite(person=person, council=council, invited_by=user)
    return membership, invited


def set_role(*, membership: Membership, user: AbstractBaseUser | None, role: Role | str) -> Membership:
    membership, _ = grant(council=membership.council, person=membership.user, role=role, user=user)
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, user: AbstractBaseUser | None) -> None:
    """Take the person out of the council; the apps above let go of what they held there (their lead
    officer assignments), with history, in the same transaction."""
    delete_with_history(membership, user=user, reason="Removed from the council")
    member_removed.send(sender=Membership, council=membership.council, person=membership.user, user=user)


def two_factor_device(person: AbstractBaseUser) -> TOTPDevice | None:
    """The authenticator app the person signs in with, if they have set one up."""
    return TOTPDevice.objects.filter(user=person, confirmed=True).first()


def must_use_two_factor(person: User) -> bool:
    """Whether the settings require two-factor sign-in of this person: a superuser or a council admin."""
    if not settings.REQUIRE_TWO_FACTOR_FOR_ADMINS:
        return False
    return person.is_superuser or Membership.objects.filter(user=person, role=Role.ADMIN).exists()


@transaction.atomic
def start_two_factor(*, person: AbstractBaseUser) -> TOTPDevice:
    """A new secret for the person's authenticator app, not used to sign in until a code confirms it."""
    TOTPDevice.objects.filter(user=person, confirmed=False).delete()
    return TOTPDevice.objects.create(user=person, name="Authenticator app", confirmed=False)


@transaction.atomic
def confirm_two_factor(*, device: TOTPDevice, code: str) -> bool:
    """Turn on the device if the code is its current one; it replaces any the person had before."""
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    return True


def turn_off_two_factor(*, person: AbstractBaseUser) -> None:
    """Sign in with the password alone again."""
    TOTPDevice.objects.filter(user=person).delete()
