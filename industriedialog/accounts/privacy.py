"""Personal data of accounts (contract 3): the account, its e-mail addresses, second factors
(types and dates only, never secrets) and what the person did on the platform (audit log).

Erasing deletes the account; every other table points to accounts with SET_NULL (audit log,
events, surveys, registry decisions) or belongs to the account alone (representations,
e-mail addresses, authenticators), so the person's activity stays countable but nameless.
Accounts never confirmed are removed after ``ACCOUNT_UNCONFIRMED_RETENTION_DAYS``.
"""

from __future__ import annotations

import datetime
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db.models import Exists, OuterRef

from industriedialog.common.models import AuditLogEntry

from .models import User
from .selectors import user_roles


def _users(email: str) -> list[User]:
    ids = set(EmailAddress.objects.filter(email__iexact=email).values_list("user_id", flat=True))
    return list(User.objects.filter(email__iexact=email) | User.objects.filter(pk__in=ids))


def export_person(email: str) -> dict[str, Any]:
    users = _users(email)
    return {
        "accounts": [
            {
                "email": user.email,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "organisation": user.organisation_name,
                "language": user.language,
                "date_joined": user.date_joined,
                "last_login": user.last_login,
                "is_active": user.is_active,
                "roles": [str(role.label) for role in user_roles(user)],
            }
            for user in users
        ],
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user__in=users)
        ],
        "second_factors": [
            {"type": a.type, "created_at": a.created_at, "last_used_at": a.last_used_at}
            for a in Authenticator.objects.filter(user__in=users)
        ],
        "activity": [
            {"at": e.created_at, "action": e.action, "object": e.object_repr}
            for e in AuditLogEntry.objects.filter(actor__in=users).order_by("created_at")
        ],
    }


def erase_person(email: str) -> dict[str, int]:
    users = _users(email)
    addresses = EmailAddress.objects.filter(user__in=users).count()
    for user in users:
        user.delete()
    return {"accounts": len(users), "email_addresses": addresses}


def apply_retention(today: datetime.date, *, dry_run: bool) -> dict[str, int]:
    """Sign-ups whose address was never confirmed and who never signed in are deleted."""
    days = getattr(settings, "ACCOUNT_UNCONFIRMED_RETENTION_DAYS", 30)
    cutoff = datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time.min, tzinfo=datetime.UTC
    )
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    stale = User.objects.filter(
        date_joined__lt=cutoff, last_login__isnull=True, is_superuser=False
    ).exclude(Exists(verified))
    count = stale.count()
    if not dry_run:
        for user in stale:
            user.delete()
    return {"unconfirmed_accounts": count}
