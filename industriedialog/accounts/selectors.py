"""Reads about accounts used by more than one caller."""

from __future__ import annotations

from typing import Any

from .roles import GROUP_NAMES, STAFF_ROLES, Role


def user_roles(user: Any) -> list[Role]:
    """The roles a user holds, in the order of Role; admins are listed by ``is_superuser``."""
    if not getattr(user, "is_authenticated", False):
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [role for role in Role if GROUP_NAMES[role] in names]


def requires_second_factor(user: Any) -> bool:
    """Staff and administrators must use TOTP (issue: TOTP required for staff and admin)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    staff_groups = {GROUP_NAMES[r] for r in STAFF_ROLES}
    return user.groups.filter(name__in=staff_groups).exists()


def has_totp(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
