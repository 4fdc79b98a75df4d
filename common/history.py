"""Writing tracked records so that their history names who changed them and why.

Every app's services write through these, so a history row never lacks its
user, and a command or an import records a system user rather than nobody.
"""

from typing import TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import User
from django.db import models

_M = TypeVar("_M", bound=models.Model)


def save_with_history(obj: _M, *, user: AbstractBaseUser | None, reason: str) -> _M:
    """Save a tracked record so its history row names who changed it and why."""
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save()
    return obj


def delete_with_history(obj: models.Model, *, user: AbstractBaseUser | None, reason: str) -> None:
    """Delete a tracked record; its last history row says who deleted it and why."""
    obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.delete()


def system_user(username: str, name: str) -> User:
    """The inactive account that work done by a command is recorded under (``importer``)."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_active": False, "first_name": name}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def importer_user() -> User:
    """The system user that imports and commands are recorded under when no one is named."""
    return system_user("importer", "Importer")


def command_user() -> User:
    """The system user that management commands are recorded under when no one is named."""
    return system_user("command-line", "Command line")
