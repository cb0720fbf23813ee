"""manage.py purge_newsletter_pending: delete newsletter sign-ups never confirmed in time."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.newsletter.services import CONFIRM_DAYS, subscriptions_purge_unconfirmed


class Command(BaseCommand):
    help = f"Löscht Newsletter-Anmeldungen, die nicht binnen {CONFIRM_DAYS} Tagen bestätigt wurden."

    def handle(self, *args: Any, **options: Any) -> None:
        count = subscriptions_purge_unconfirmed()
        self.stdout.write(f"{count} unbestätigte Anmeldung(en) gelöscht.")
