"""manage.py send_verification_reminders: the daily run of the yearly-check reminders."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.registry.services import verification_reminders_schedule


class Command(BaseCommand):
    help = (
        "Plant Erinnerungen für Einträge, die seit 12 Monaten nicht geprüft wurden "
        "(idempotent: jeder Eintrag höchstens einmal in 30 Tagen). Täglich ausführen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        scheduled = verification_reminders_schedule()
        self.stdout.write(
            self.style.SUCCESS(f"{len(scheduled)} Prüf-Erinnerung(en) zum Versand eingeplant.")
        )
