"""`manage.py erase_person EMAIL --yes`: delete or anonymise one person's data in every app
(GDPR Art. 17); prints what was done, by app and kind."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.privacy import services

from .export_person import checked_email


class Command(BaseCommand):
    help = "Löscht bzw. anonymisiert alle Daten einer Person (E-Mail-Adresse)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="ohne Rückfrage löschen")
        parser.add_argument("--reason", default="", help="Anlass, erscheint im Protokoll")

    def handle(self, *args: Any, **options: Any) -> None:
        email = checked_email(options["email"])
        if not options["yes"]:
            raise CommandError(
                "Die Löschung lässt sich nicht rückgängig machen: zur Bestätigung --yes angeben."
            )
        result = services.erase_person(email, reason=options["reason"], via="command")
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
