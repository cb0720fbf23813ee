"""manage.py load_demo_consultations: demo entries of the advice log."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.advisory.demo_consultations import advisory_consultations_demo_load
from industriedialog.registry.models import Initiative


class Command(BaseCommand):
    help = (
        "Legt Demo-Beratungen an (idempotent; braucht load_demo_initiatives, "
        "für Gründungsfälle auch load_demo_founding)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not Initiative.objects.real().exists():
            raise CommandError(
                "Keine Initiativen vorhanden. Bitte zuerst `manage.py load_demo_initiatives`."
            )
        created = advisory_consultations_demo_load()
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{created} Demo-Beratungen angelegt."))
