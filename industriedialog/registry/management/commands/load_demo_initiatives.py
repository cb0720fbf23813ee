"""manage.py load_demo_initiatives: the initiatives of the source documents as demo data."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.regions.models import District
from industriedialog.registry.demo import registry_demo_load


class Command(BaseCommand):
    help = "Legt die Demo-Initiativen an (idempotent; braucht die Kreise aus load_regions)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not District.objects.exists():
            raise CommandError("Keine Kreise vorhanden. Bitte zuerst `manage.py load_regions`.")
        created = registry_demo_load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{created} Demo-Initiativen angelegt."))
