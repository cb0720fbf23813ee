"""Loading the reference data: idempotent, all or nothing."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log

from .geometry import DISTRICTS_PATH, district_points_read
from .indicators import indicator_file_check
from .models import District, Indicator, IndicatorValue, State
from .reference import KIND_BY_SOURCE_LABEL, MERGERS, SOURCE_FIGURES_AS_OF, STATES

REQUIRED_COLUMNS = ("AGS", "type", "name", "NUTS3", "area_km2", "population")


class RegionDataError(ValueError):
    """The source file is not usable; ``errors`` lists each problem with its line."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class LoadResult:
    states: int = 0
    created: int = 0
    updated: int = 0
    current: int = 0
    former: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Row:
    ags: str
    kind: str
    name: str
    nuts3: str
    area_km2: Decimal
    population: int


def _parse(path: Path) -> list[_Row]:
    errors: list[str] = []
    rows: list[_Row] = []
    seen: set[str] = set()
    state_prefixes = {s.ags for s in STATES}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise RegionDataError(
                [
                    _("Spalten fehlen in %(file)s: %(cols)s")
                    % {"file": path.name, "cols": ", ".join(missing)}
                ]
            )
        for line, raw in enumerate(reader, start=2):
            where = _("Zeile %(line)d") % {"line": line}
            ags = (raw.get("AGS") or "").strip()
            if len(ags) != 5 or not ags.isdigit() or ags[:2] not in state_prefixes:
                errors.append(
                    _("%(where)s, Spalte AGS: „%(value)s“ ist kein gültiger Kreisschlüssel.")
                    % {"where": where, "value": ags}
                )
                continue
            if ags in seen:
                errors.append(
                    _("%(where)s, Spalte AGS: %(value)s kommt doppelt vor.")
                    % {"where": where, "value": ags}
                )
                continue
            seen.add(ags)
            kind = KIND_BY_SOURCE_LABEL.get((raw.get("type") or "").strip())
            if kind is None:
                errors.append(
                    _("%(where)s, Spalte type: unbekannter Kreistyp „%(value)s“.")
                    % {"where": where, "value": raw.get("type")}
                )
                continue
            try:
                area = Decimal((raw.get("area_km2") or "").strip())
                population = int((raw.get("population") or "").strip())
            except (InvalidOperation, ValueError):
                errors.append(
                    _("%(where)s: Fläche oder Einwohnerzahl ist keine Zahl.") % {"where": where}
                )
                continue
            rows.append(
                _Row(
                    ags,
                    kind,
                    (raw.get("name") or "").strip(),
                    (raw.get("NUTS3") or "").strip(),
                    area,
                    population,
                )
            )
    if errors:
        raise RegionDataError(errors)
    return rows


def _points(path: Path) -> dict[str, tuple[Decimal, Decimal]]:
    try:
        return district_points_read(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RegionDataError(
            [_("Kreisgrenzen %(file)s nicht lesbar: %(error)s") % {"file": path, "error": exc}]
        ) from None


@transaction.atomic
def regions_load(*, csv_path: Path, shapes_path: Path = DISTRICTS_PATH) -> LoadResult:
    """Create or update states and districts from the Destatis CSV, then apply the territorial
    changes since (a former district keeps its AGS and points to its successor). Current
    districts get their map point from the committed district shapes."""
    rows = _parse(csv_path)
    points = _points(shapes_path)
    result = LoadResult()
    states: dict[str, State] = {}
    for info in STATES:
        state, _created = State.objects.update_or_create(
            ags=info.ags, defaults={"code": info.code, "nuts1": info.nuts1, "name": info.name}
        )
        states[info.ags] = state
    result.states = len(states)

    by_ags = {row.ags: row for row in rows}
    population = {row.ags: row.population for row in rows}
    area = {row.ags: row.area_km2 for row in rows}
    for merger in MERGERS:
        if merger.former_ags in by_ags and merger.successor_ags in by_ags:
            population[merger.successor_ags] += population[merger.former_ags]
            area[merger.successor_ags] += area[merger.former_ags]

    # Clear successor links first, so a re-run can rewrite them in any order.
    District.objects.filter(successor__isnull=False).update(successor=None, dissolved_on=None)
    for row in rows:
        _district, created = District.objects.update_or_create(
            ags=row.ags,
            defaults={
                "name": row.name,
                "kind": row.kind,
                "nuts3": row.nuts3,
                "state": states[row.ags[:2]],
                "population": population[row.ags],
                "area_km2": area[row.ags],
                "figures_as_of": SOURCE_FIGURES_AS_OF,
            },
        )
        if created:
            result.created += 1
        else:
            result.updated += 1
    for merger in MERGERS:
        successor = District.objects.filter(ags=merger.successor_ags).first()
        if successor is None:
            continue
        changed = District.objects.filter(ags=merger.former_ags).update(
            successor=successor, dissolved_on=merger.on
        )
        if changed:
            result.former.append(merger.former_ags)

    districts = list(District.objects.only("ags", "successor", "centroid_lat", "centroid_lon"))
    missing = [d.ags for d in districts if d.is_current and d.ags not in points]
    if missing:
        raise RegionDataError(
            [
                _(
                    "Kreise ohne Grenzen in %(file)s: %(ags)s. Bitte die Grenzen mit "
                    "build_district_shapes neu erzeugen."
                )
                % {"file": shapes_path.name, "ags": ", ".join(missing)}
            ]
        )
    for district in districts:
        # Former districts have no shape of their own today; maps show their successor.
        lat_lon = points[district.ags] if district.is_current else (None, None)
        district.centroid_lat, district.centroid_lon = lat_lon
    District.objects.bulk_update(districts, ["centroid_lat", "centroid_lon"])
    result.current = District.objects.current().count()
    return result


@dataclass
class IndicatorImportResult:
    total: int = 0
    created: int = 0
    updated: int = 0
    indicators: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dry_run: bool = False


@transaction.atomic
def indicator_values_import(
    *, content: bytes, filename: str, actor: Any = None, dry_run: bool = False
) -> IndicatorImportResult:
    """Import district indicators from a CSV: all lines or, if any line is wrong, none.

    A value for the same district, indicator and year replaces the stored one (a corrected
    file can be imported again). Raises ``IndicatorFileError`` for an unusable file."""
    check = indicator_file_check(content=content, filename=filename)
    result = IndicatorImportResult(total=check.total, errors=check.errors, dry_run=dry_run)
    names: dict[str, str] = {}
    for row in check.rows:
        names.setdefault(row.indicator.casefold(), row.indicator)
    result.indicators = sorted(names.values())
    if check.errors or dry_run:
        return result
    indicators: dict[str, Indicator] = {
        i.name.casefold(): i for i in Indicator.objects.filter(name__in=list(names.values()))
    }
    units = {row.indicator.casefold(): row.unit for row in check.rows if row.unit}
    for key, name in names.items():
        indicator = indicators.get(key)
        if indicator is None:
            indicator = Indicator.objects.create(name=name, unit=units.get(key, ""))
            indicators[key] = indicator
        elif key in units and indicator.unit != units[key]:
            indicator.unit = units[key]
            indicator.save(update_fields=["unit"])
    existing = {
        (v.indicator_id, v.district_id, v.year): v
        for v in IndicatorValue.objects.filter(indicator__in=list(indicators.values()))
    }
    new, changed = [], []
    for row in check.rows:
        indicator = indicators[row.indicator.casefold()]
        stored = existing.get((indicator.pk, row.district_id, row.year))
        if stored is None:
            new.append(
                IndicatorValue(
                    indicator=indicator,
                    district_id=row.district_id,
                    year=row.year,
                    value=row.value,
                    source=row.source,
                )
            )
        else:
            stored.value, stored.source = row.value, row.source
            changed.append(stored)
    IndicatorValue.objects.bulk_create(new, batch_size=1000)
    IndicatorValue.objects.bulk_update(changed, ["value", "source"], batch_size=1000)
    result.created, result.updated = len(new), len(changed)
    audit_log(
        "regions.indicators_imported",
        actor=actor,
        data={
            "file": Path(filename).name,
            "rows": result.total,
            "created": result.created,
            "updated": result.updated,
            "indicators": result.indicators,
        },
    )
    return result
