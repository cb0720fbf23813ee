"""manage.py load_demo_indicators: illustrative district indicators for the demo."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from industriedialog.regions.demo import demo_indicators_load
from industriedialog.regions.models import District


class Command(BaseCommand):
    help = (
        "Lädt Demo-Kennzahlen je Kreis (illustrativ, keine amtliche Statistik; idempotent; "
        "braucht load_regions)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        if not District.objects.exists():
            raise CommandError("Keine Kreise vorhanden. Bitte zuerst `manage.py load_regions`.")
        result = demo_indicators_load()
        if result.errors:
            raise CommandError("\n".join(result.errors))
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo-Kennzahlen: {result.created} neu, {result.updated} aktualisiert."
                )
            )
