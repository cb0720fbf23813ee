"""manage.py load_demo_events: planning templates and a few demo events (idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.events.demo import events_demo_load
from industriedialog.regions.models import State


class Command(BaseCommand):
    help = "Legt Planungsvorlagen und Demo-Veranstaltungen an (idempotent; braucht load_regions)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not State.objects.exists():
            raise CommandError("Keine Länder vorhanden. Bitte zuerst `manage.py load_regions`.")
        created = events_demo_load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{created} Demo-Veranstaltungen angelegt."))
