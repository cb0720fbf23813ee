"""Queue reminder e-mails before events and feedback invitations after them (run hourly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from industriedialog.events.services import reminders_schedule


class Command(BaseCommand):
    help = "Erinnerungen vor Veranstaltungen und Bitten um Rückmeldung danach versenden."

    def handle(self, *args: Any, **options: Any) -> None:
        count = reminders_schedule()
        self.stdout.write(f"{count} E-Mails eingeplant.")
