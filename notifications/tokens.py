"""Unsubscribe links: signed, bound to the person, their e-mail address, and what they stop."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.db.models import Model
from django.urls import reverse

from .models import Follow, Target, target_kind

SALT = "notifications.unsubscribe"


@dataclass(frozen=True)
class Unsubscribe:
    """What a link stops: all e-mail about what the person follows (``target`` None), or one follow."""

    user: User
    target: Model | None

    @property
    def kind(self) -> Target | None:
        return None if self.target is None else target_kind(self.target)


def _address(user: User) -> str:
    # A digest of the address, not the address: the link must still fail if the account's address changes
    # (the old one may be someone else's now), and a link shows its contents to anyone who sees it.
    return hashlib.sha256(user.email.strip().lower().encode()).hexdigest()[:16]


def make_token(user: User, target: Model | None = None) -> str:
    payload = {"u": user.pk, "a": _address(user)}
    if target is not None:
        payload["t"] = target_kind(target).value
        payload["i"] = target.pk
    return signing.dumps(payload, salt=SALT, compress=True)


def unsubscribe_url(user: User, target: Model | None = None) -> str:
    """The link's full address, for an e-mail."""
    return settings.SITE_URL + reverse("notifications:unsubscribe", args=[make_token(user, target)])


def read_token(token: str) -> Unsubscribe | None:
    """What the link stops, or None if it was tampered with, is too old, or its person or thing is gone."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.UNSUBSCRIBE_LINK_DAYS * 24 * 60 * 60)
    except signing.BadSignature:  # SignatureExpired is one too
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return None
    user = User.objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or payload.get("a") != _address(user):
        return None
    if "t" not in payload:
        return Unsubscribe(user, None)
    try:
        field = Follow._meta.get_field(Target(payload["t"]).value)
    except ValueError:
        return None
    target = field.related_model._default_manager.filter(pk=payload.get("i")).first()  # type: ignore[union-attr]
    return None if target is None else Unsubscribe(user, target)
