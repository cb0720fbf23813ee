"""Illustrative indicator values for the demo (``make run``): NOT official statistics.

They are derived from each district's population with a fixed pseudo-random share, so the
map and the ranking have something to show; the indicator names and the source say so."""

from __future__ import annotations

import hashlib

from .models import District
from .services import IndicatorImportResult, indicator_values_import

DEMO_SOURCE = "Demowerte (illustrativ, aus der Einwohnerzahl geschätzt – keine amtliche Statistik)"
DEMO_EMPLOYMENT = "Beschäftigte im Verarbeitenden Gewerbe (Demowerte)"
DEMO_SHARE = "Industrieanteil an der Bruttowertschöpfung (Demowerte)"
DEMO_YEAR = 2023


def _share(ags: str) -> float:
    """A stable number in [0, 1) per district."""
    return int(hashlib.sha256(ags.encode()).hexdigest()[:8], 16) / 0x1_0000_0000


def demo_indicators_csv() -> bytes:
    lines = ["AGS;Kennzahl;Jahr;Wert;Einheit;Quelle"]
    for ags, population in (
        District.objects.current().exclude(population=None).values_list("ags", "population")
    ):
        if population is None:
            continue
        share = 0.10 + 0.25 * _share(ags)  # 10–35 % industry share of gross value added
        employment = round(population * (0.03 + 0.12 * _share(ags)))
        lines.append(f"{ags};{DEMO_EMPLOYMENT};{DEMO_YEAR};{employment};Personen;{DEMO_SOURCE}")
        lines.append(f"{ags};{DEMO_SHARE};{DEMO_YEAR};{share * 100:.1f};Prozent;{DEMO_SOURCE}")
    return ("\n".join(lines) + "\n").encode()


def demo_indicators_load() -> IndicatorImportResult:
    """Idempotent: a second run updates the same values."""
    return indicator_values_import(content=demo_indicators_csv(), filename="demo-kennzahlen.csv")
