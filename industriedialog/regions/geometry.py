"""District and state shapes for the maps: built once from BKG VG250, read as plain JSON.

The build (`district_shapes_build`) needs shapely and the 21 MB source file from npm; it runs
only when the committed files in static/regions/ are regenerated. Everything else here reads
those files with the json module, so shapely and the npm package are never runtime needs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from .reference import MERGERS, SHAPES_ATTRIBUTION, SHAPES_SOURCE, STATES

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

SHAPES_DIR = Path(__file__).resolve().parent / "static" / "regions"
DISTRICTS_FILE = "districts.geojson"
STATES_FILE = "states.geojson"
DISTRICTS_PATH = SHAPES_DIR / DISTRICTS_FILE
# Paths for {% static %} / django.templatetags.static.static().
DISTRICTS_STATIC_PATH = f"regions/{DISTRICTS_FILE}"
STATES_STATIC_PATH = f"regions/{STATES_FILE}"

LAND = 4  # VG250 "Geofaktor" 4 = land; other parts are water (coastal waters, Lake Constance)
DECIMALS = 4  # about 11 m in latitude: far below what the simplification already moves
# Coverage simplification drops vertices whose triangle is smaller than about tolerance² (in
# degrees). 0.01 gives about 560 kB for the districts (140 kB gzipped), borders off by 3 km at
# most, and still 10+ vertices for the smallest towns (Rosenheim, Schwabach).
DEFAULT_TOLERANCE = 0.01
SNAP_GRID = 1e-7  # removes float noise (~1 cm) so that shared borders match exactly


class ShapesError(ValueError):
    """The source file is not usable; ``errors`` lists each problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ShapesBuildResult:
    districts: int = 0
    states: int = 0
    districts_bytes: int = 0
    states_bytes: int = 0
    merged: list[str] = field(default_factory=list)


def _source_features(data: Any) -> Iterable[dict[str, Any]]:
    """The npm file is a JSON array mixing Features and FeatureCollections."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if item.get("type") == "FeatureCollection":
            yield from item.get("features", [])
        elif item.get("type") == "Feature":
            yield item


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, DECIMALS)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    return value


def _write_collection(path: Path, features: list[dict[str, Any]]) -> int:
    """One feature per line, so that a regenerated file gives a readable diff."""
    header = json.dumps(
        {"type": "FeatureCollection", "attribution": SHAPES_ATTRIBUTION, "source": SHAPES_SOURCE},
        ensure_ascii=False,
    )[:-1]
    lines = [json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in features]
    text = header + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def district_shapes_build(
    *, source: Path, out_dir: Path = SHAPES_DIR, tolerance: float = DEFAULT_TOLERANCE
) -> ShapesBuildResult:
    """Write districts.geojson and states.geojson from the npm file kreise.geo.json: land parts
    only, one (multi)polygon per today's district, simplified without gaps between neighbours."""
    import shapely  # build-time only (dev dependency)
    from shapely.geometry import mapping, shape

    if not hasattr(shapely, "coverage_simplify"):
        raise ShapesError([_("Für die Vereinfachung wird shapely ≥ 2.1 benötigt.")])
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        message = _("%(file)s ist nicht lesbar: %(error)s") % {"file": source, "error": exc}
        raise ShapesError([message]) from None

    state_by_prefix = {s.ags: s for s in STATES}
    successor_of = {m.former_ags: m.successor_ags for m in MERGERS}
    names: dict[str, str] = {}
    parts: dict[str, list[BaseGeometry]] = defaultdict(list)
    errors: list[str] = []
    for number, feature in enumerate(_source_features(data), start=1):
        props = feature.get("properties") or {}
        if props.get("GF") != LAND:
            continue
        ags = str(props.get("AGS", ""))
        if len(ags) != 5 or not ags.isdigit() or ags[:2] not in state_by_prefix:
            errors.append(
                _("Objekt %(number)d: „%(value)s“ ist kein gültiger Kreisschlüssel.")
                % {"number": number, "value": ags}
            )
            continue
        names.setdefault(ags, str(props.get("GEN", "")).strip())
        parts[ags].append(shape(feature["geometry"]))
    if not parts:
        errors.append(_("%(file)s enthält keine Landflächen (GF=4).") % {"file": source.name})
    if errors:
        raise ShapesError(errors)

    result = ShapesBuildResult(merged=sorted(a for a in parts if a in successor_of))
    grouped: dict[str, list[BaseGeometry]] = defaultdict(list)
    for ags, geoms in parts.items():
        grouped[successor_of.get(ags, ags)].extend(geoms)
    for merger in MERGERS:
        if merger.successor_ags in grouped and not names.get(merger.successor_ags):
            names[merger.successor_ags] = merger.successor_name

    codes = sorted(grouped)
    dissolved = [shapely.set_precision(shapely.union_all(grouped[ags]), SNAP_GRID) for ags in codes]
    # Simplifying the districts as one coverage keeps shared borders identical: no slivers
    # or gaps between neighbours, and the state unions below come out clean.
    overlapping = [
        ags
        for ags, edges in zip(codes, shapely.coverage_invalid_edges(dissolved), strict=True)
        if not edges.is_empty
    ]
    if overlapping:
        raise ShapesError(
            [_("Grenzen passen nicht aufeinander: %(ags)s") % {"ags": ", ".join(overlapping)}]
        )
    simplified = shapely.coverage_simplify(dissolved, tolerance)
    shapes = shapely.orient_polygons(shapely.set_precision(simplified, 10**-DECIMALS))

    features = []
    for ags, geom in zip(codes, shapes, strict=True):
        point = geom.representative_point()
        lat, lon = round(point.y, DECIMALS), round(point.x, DECIMALS)
        if not geom.contains(shapely.Point(lon, lat)):
            errors.append(_("Kartenpunkt von %(ags)s liegt außerhalb.") % {"ags": ags})
        features.append(
            {
                "type": "Feature",
                "properties": {"ags": ags, "name": names[ags], "lat": lat, "lon": lon},
                "geometry": _rounded(mapping(geom)),
            }
        )
    if errors:
        raise ShapesError(errors)
    result.districts = len(features)
    result.districts_bytes = _write_collection(out_dir / DISTRICTS_FILE, features)

    by_state: dict[str, list[BaseGeometry]] = defaultdict(list)
    for ags, geom in zip(codes, shapes, strict=True):
        by_state[ags[:2]].append(geom)
    state_features = []
    for prefix, geoms in sorted(by_state.items()):
        union = shapely.orient_polygons(shapely.coverage_union_all(geoms))
        info = state_by_prefix[prefix]
        state_features.append(
            {
                "type": "Feature",
                "properties": {"code": info.code, "name": info.name},
                "geometry": _rounded(mapping(union)),
            }
        )
    result.states = len(state_features)
    result.states_bytes = _write_collection(out_dir / STATES_FILE, state_features)
    return result


def district_points_read(path: Path = DISTRICTS_PATH) -> dict[str, tuple[Decimal, Decimal]]:
    """AGS → (lat, lon) of the point inside each district, from the committed file."""
    data = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    quantum = Decimal(1).scaleb(-DECIMALS)
    return {
        str(f["properties"]["ags"]): (
            Decimal(f["properties"]["lat"]).quantize(quantum),
            Decimal(f["properties"]["lon"]).quantize(quantum),
        )
        for f in data["features"]
    }
