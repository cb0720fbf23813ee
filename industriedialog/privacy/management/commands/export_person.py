"""`manage.py export_person EMAIL [--output FILE]`: everything stored about one person, as
JSON (GDPR Art. 15). Logged like the staff page."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from industriedialog.privacy import services


def checked_email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        raise CommandError(f"„{value}“ ist keine gültige E-Mail-Adresse.") from None
    return value


class Command(BaseCommand):
    help = "Gibt alle gespeicherten Daten einer Person (E-Mail-Adresse) als JSON aus."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("email")
        parser.add_argument("--output", help="Datei statt Standardausgabe")
        parser.add_argument("--reason", default="", help="Anlass, erscheint im Protokoll")

    def handle(self, *args: Any, **options: Any) -> None:
        email = checked_email(options["email"])
        data = services.export_person(email, reason=options["reason"], via="command")
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text)
            self.stderr.write(f"Auskunft geschrieben: {options['output']}")
        else:
            self.stdout.write(text)
