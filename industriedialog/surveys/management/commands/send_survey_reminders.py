"""manage.py send_survey_reminders: the daily run of reminders for personal surveys."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.surveys.services import REMINDER_MIN_DAYS, reminders_schedule


class Command(BaseCommand):
    help = (
        "Erinnert Eingeladene offener Umfragen, die noch nicht geantwortet haben "
        f"(idempotent: jede Adresse höchstens einmal in {REMINDER_MIN_DAYS} Tagen). "
        "Täglich ausführen."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        scheduled = reminders_schedule()
        self.stdout.write(
            self.style.SUCCESS(f"{len(scheduled)} Erinnerung(en) zum Versand eingeplant.")
        )
