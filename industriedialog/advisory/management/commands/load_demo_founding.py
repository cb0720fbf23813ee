"""manage.py load_demo_founding: demo founding cases (Eichsfeld and two more)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.advisory.demo import advisory_demo_load
from industriedialog.regions.models import District


class Command(BaseCommand):
    help = (
        "Legt Demo-Gründungsfälle an (idempotent; braucht load_regions und load_demo_initiatives)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not District.objects.exists():
            raise CommandError("Keine Kreise vorhanden. Bitte zuerst `manage.py load_regions`.")
        created = advisory_demo_load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{created} Demo-Gründungsfälle angelegt."))
