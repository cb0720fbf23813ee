"""manage.py load_regions: states and districts from the npm package landkreise-deutschland,
with each current district's map point from the committed static/regions/districts.geojson."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
from industriedialog.regions.services import RegionDataError, regions_load


class Command(BaseCommand):
    help = (
        "Lädt Bundesländer und Kreise (idempotent) aus landkreise-deutschland (Destatis), "
        "Kartenpunkte aus den mitgelieferten Kreisgrenzen (BKG)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--csv",
            type=Path,
            default=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV,
            help="districts.csv des npm-Pakets landkreise-deutschland (Standard: node_modules)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["csv"]
        if not path.exists():
            raise CommandError(
                f"Datei {path} nicht gefunden. Bitte zuerst `npm ci` ausführen (installiert "
                "landkreise-deutschland) oder --csv angeben."
            )
        try:
            result = regions_load(csv_path=path)
        except RegionDataError as exc:
            raise CommandError("Regionaldaten nicht geladen:\n" + "\n".join(exc.errors)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.states} Bundesländer, {result.current} aktuelle Kreise "
                f"({result.created} neu, {result.updated} aktualisiert; ehemalige: "
                f"{', '.join(result.former) or 'keine'})."
            )
        )
