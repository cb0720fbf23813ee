"""manage.py advisory_retention: anonymise consultations past ADVISORY_RETENTION_DAYS."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from industriedialog.advisory.privacy import apply_retention, retention_cutoff, retention_labels


class Command(BaseCommand):
    help = (
        "Entfernt personenbezogene Angaben aus Beratungen, die älter als die "
        "Aufbewahrungsfrist (ADVISORY_RETENTION_DAYS) sind, und protokolliert den Lauf."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur zählen, nichts ändern (wird protokolliert)."
        )
        parser.add_argument("--today", help="Stichtag-Berechnung ab diesem Datum (JJJJ-MM-TT).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today: „{options['today']}“ ist kein Datum im Format JJJJ-MM-TT."
                ) from None
        counts = apply_retention(
            today, dry_run=options["dry_run"], triggered_by="manage.py advisory_retention"
        )
        labels = retention_labels()
        mode = "Probelauf" if options["dry_run"] else "Ausgeführt"
        self.stdout.write(f"{mode}; Beratungen bis einschließlich {retention_cutoff(today)}:")
        for key, value in counts.items():
            self.stdout.write(f"  {labels.get(key, key)}: {value}")
