"""manage.py demo_totp EMAIL: the current TOTP code of a demo account (DEBUG only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from industriedialog.accounts.models import User
from industriedialog.accounts.services import totp_current_code, totp_secret


class Command(BaseCommand):
    help = "Zeigt den aktuellen Einmalcode eines Demo-Zugangs (nur im Demo-Betrieb)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_MODE", False):
            raise CommandError("Nur im Demo-Betrieb (config.settings.local) verfügbar.")
        email = options["email"]
        if not email.endswith("@industriedialog.example"):
            raise CommandError("Nur für Demo-Zugänge (@industriedialog.example).")
        user = User.objects.filter(email=email).first()
        secret = totp_secret(user=user) if user else None
        if secret is None:
            raise CommandError(f"{email} hat keinen zweiten Faktor eingerichtet.")
        self.stdout.write(totp_current_code(secret))
