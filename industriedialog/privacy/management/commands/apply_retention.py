"""`manage.py apply_retention [--dry-run] [--date YYYY-MM-DD]`: apply every app's retention
periods (unconfirmed sign-ups, old import files, accessibility needs after events, …).
Run daily (deploy/systemd/industriedialog-retention.timer)."""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.privacy import services


class Command(BaseCommand):
    help = "Wendet die Aufbewahrungsfristen aller Module an (täglich per Timer)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="nur zählen, nichts ändern")
        parser.add_argument("--date", help="Stichtag JJJJ-MM-TT (Standard: heute)")

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["date"]:
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError(
                    f"--date „{options['date']}“ ist kein Datum der Form JJJJ-MM-TT."
                ) from None
        result = services.apply_retention(today, dry_run=options["dry_run"], via="command")
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
