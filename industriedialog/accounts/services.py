"""Writes that matter for accounts: roles, demo accounts, second-factor bookkeeping."""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.http import HttpRequest

from industriedialog.common.models import audit_log

from .models import User
from .roles import GROUP_NAMES, ROLE_PERMISSIONS, Role


def session_passed_second_factor(request: HttpRequest) -> bool:
    records = get_authentication_records(request, request.user)  # type: ignore[arg-type]
    return any(r.get("method") == "mfa" for r in records)


def second_factor_record(*, request: HttpRequest, user: Any, kind: str) -> None:
    """Mark this session as having passed a second factor (used right after TOTP setup,
    where the user has just proved the code)."""
    record_authentication(request, user, "mfa", type=kind)


def roles_ensure_groups() -> dict[Role, Group]:
    """Create the role groups if missing and give them their model permissions (idempotent;
    runs after every ``migrate``)."""
    groups = {
        Role(role): Group.objects.get_or_create(name=name)[0] for role, name in GROUP_NAMES.items()
    }
    for role, codenames in ROLE_PERMISSIONS.items():
        perms = []
        for dotted in codenames:
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:
                perms.append(perm)
        groups[Role(role)].permissions.add(*perms)
    return groups


@transaction.atomic
def user_set_roles(*, user: User, roles: list[Role], actor: Any = None) -> None:
    """Replace the role groups of ``user``; other groups stay. Logged for the audit trail."""
    groups = roles_ensure_groups()
    before = sorted(r.value for r, g in groups.items() if user.groups.filter(pk=g.pk).exists())
    user.groups.remove(*groups.values())
    user.groups.add(*(groups[Role(r)] for r in roles))
    after = sorted(Role(r).value for r in roles)
    if before != after:
        audit_log(
            "accounts.roles_changed", obj=user, actor=actor, data={"before": before, "after": after}
        )


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    roles: list[Role] | None = None,
    is_superuser: bool = False,
    actor: Any = None,
) -> User:
    """Create an account with verified e-mail (staff create accounts for known people)."""
    from allauth.account.models import EmailAddress

    user = User(
        email=email.strip().lower(),
        first_name=first_name,
        last_name=last_name,
        is_superuser=is_superuser,
        is_staff=is_superuser,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if roles:
        user_set_roles(user=user, roles=roles, actor=actor)
    audit_log("accounts.user_created", obj=user, actor=actor)
    return user


def totp_activate(*, user: User, secret: str | None = None) -> str:
    """Give ``user`` a TOTP authenticator (for accounts set up by an administrator); returns
    the secret to hand over once."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    audit_log("accounts.totp_activated", obj=user)
    return secret


def totp_current_code(secret: str) -> str:
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def totp_secret(*, user: User) -> str | None:
    """The decrypted TOTP secret of ``user`` (demo tooling and tests only)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import decrypt

    auth = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    return decrypt(auth.data["secret"]) if auth else None
