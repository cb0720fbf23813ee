"""manage.py create_demo_accounts: demo logins for `make run`; the password is printed once."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from industriedialog.accounts.models import User
from industriedialog.accounts.roles import Role
from industriedialog.accounts.services import totp_activate, user_create

DEMO_ACCOUNTS: tuple[tuple[str, str, str, list[Role], bool, bool], ...] = (
    # e-mail, first, last, roles, superuser, needs TOTP
    (
        "servicestelle@industriedialog.example",
        "Sabine",
        "Berater",
        [Role.ADVISOR, Role.EDITOR],
        False,
        True,
    ),
    ("admin@industriedialog.example", "Adam", "Admin", [], True, True),
    (
        "vertretung@industriedialog.example",
        "Vera",
        "Vertreterin",
        [Role.REPRESENTATIVE],
        False,
        False,
    ),
    ("ministerium@industriedialog.example", "Max", "Ministerium", [Role.MINISTRY], False, False),
)


class Command(BaseCommand):
    help = "Legt Demo-Zugänge an (nur Entwicklung/Demo). Passwörter werden einmalig ausgegeben."

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError("Demo-Zugänge gibt es nur im Demo-Betrieb (config.settings.local).")
        for email, first, last, roles, is_superuser, needs_totp in DEMO_ACCOUNTS:
            if User.objects.filter(email=email).exists():
                self.stdout.write(
                    f"Demo-Zugang {email} besteht bereits (Passwort wie beim "
                    "ersten Start ausgegeben)."
                )
                continue
            password = secrets.token_urlsafe(12)
            user = user_create(
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                roles=roles,
                is_superuser=is_superuser,
            )
            lines = [f"Demo-Zugang angelegt: {email}  Passwort: {password}"]
            if needs_totp:
                secret = totp_activate(user=user)
                uri = (
                    f"otpauth://totp/Industriedialog:{quote(email)}?secret={secret}"
                    "&issuer=Industriedialog"
                )
                lines.append(
                    f"  Zweiter Faktor (TOTP) – Geheimnis in Authenticator-App eintragen: {secret}"
                )
                lines.append(f"  {uri}")
                lines.append(
                    f"  Aktuellen Code anzeigen: .venv/bin/python manage.py demo_totp {email}"
                )
            self.stdout.write(self.style.SUCCESS("\n".join(lines)))
