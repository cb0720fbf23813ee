"""Coverage of every district by initiatives, and the priority ranking of white spots.

The coverage rule is the registry's (``registry.selectors.initiative_covered_districts``): a
state-level initiative covers all districts of its states, a regional or municipal one the
districts it names. Here it is applied to all initiatives at once, in four queries and one
pass, because the map and the ranking need every district together.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import District, Indicator
from industriedialog.regions.selectors import indicator_latest_values
from industriedialog.registry.models import Initiative
from industriedialog.registry.selectors import initiatives_public
from industriedialog.registry.vocabularies import Level, Status


class CoverageKind(models.TextChoices):
    REGIONAL = "regional", _("regionale oder kommunale Initiative")
    STATE_ONLY = "state_only", _("nur Initiative auf Landesebene")
    NONE = "none", _("keine Initiative")


@dataclass(frozen=True)
class InitiativeRef:
    pk: int
    name: str
    slug: str
    level: str
    status: str

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse("registry:initiative_detail", kwargs={"slug": self.slug})


@dataclass
class DistrictCoverage:
    pk: int
    ags: str
    name: str
    kind_label: str
    state_code: str
    state_name: str
    population: int | None
    area_km2: Decimal | None
    lat: float | None
    lon: float | None
    regional: list[InitiativeRef] = field(default_factory=list)
    state_level: list[InitiativeRef] = field(default_factory=list)
    founding: list[InitiativeRef] = field(default_factory=list)

    @property
    def coverage(self) -> str:
        if self.regional:
            return CoverageKind.REGIONAL
        if self.state_level:
            return CoverageKind.STATE_ONLY
        return CoverageKind.NONE

    @property
    def coverage_label(self) -> str:
        return str(CoverageKind(self.coverage).label)

    @property
    def is_white_spot(self) -> bool:
        """No active regional or municipal initiative (DOMAIN.md glossary)."""
        return not self.regional


def coverage_compute() -> dict[str, DistrictCoverage]:
    """Current districts by AGS with the active initiatives covering them; initiatives in
    founding are listed apart and do not count as coverage; dormant and ended ones not at all."""
    kinds = dict(District.Kind.choices)
    successor: dict[int, int] = {}
    by_pk: dict[int, DistrictCoverage] = {}
    by_state: dict[int, list[DistrictCoverage]] = {}
    rows = District.objects.values_list(
        "pk",
        "ags",
        "name",
        "kind",
        "state_id",
        "state__code",
        "state__name",
        "population",
        "area_km2",
        "centroid_lat",
        "centroid_lon",
        "successor_id",
    ).order_by("ags")
    for pk, ags, name, kind, state_id, code, state_name, pop, area, lat, lon, succ in rows:
        if succ is not None:
            successor[pk] = succ
            continue
        entry = DistrictCoverage(
            pk=pk,
            ags=ags,
            name=name,
            kind_label=str(kinds.get(kind, kind)),
            state_code=code,
            state_name=state_name,
            population=pop,
            area_km2=area,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
        )
        by_pk[pk] = entry
        by_state.setdefault(state_id, []).append(entry)

    counted = [Status.ACTIVE, Status.FOUNDING]
    initiatives = initiatives_public().filter(status__in=counted)
    refs = {
        pk: InitiativeRef(pk, short or name, slug, level, status)
        for pk, name, short, slug, level, status in initiatives.values_list(
            "pk", "name", "short_name", "slug", "level", "status"
        )
    }
    ids = initiatives.values("pk")
    attached: set[tuple[int, int]] = set()

    def attach(entry: DistrictCoverage, ref: InitiativeRef) -> None:
        if (entry.pk, ref.pk) in attached:
            return
        attached.add((entry.pk, ref.pk))
        if ref.status == Status.FOUNDING:
            entry.founding.append(ref)
        elif ref.level == Level.STATE:
            entry.state_level.append(ref)
        else:
            entry.regional.append(ref)

    state_links = Initiative.states.through.objects.filter(
        initiative_id__in=ids, initiative__level=Level.STATE
    ).values_list("initiative_id", "state_id")
    for initiative_id, state_id in state_links:
        for entry in by_state.get(state_id, ()):
            attach(entry, refs[initiative_id])
    district_links = (
        Initiative.districts.through.objects.filter(initiative_id__in=ids)
        .exclude(initiative__level=Level.STATE)
        .values_list("initiative_id", "district_id")
    )
    for initiative_id, district_id in district_links:
        for _hop in range(5):  # a link to a former district counts for today's district
            if district_id not in successor:
                break
            district_id = successor[district_id]
        linked = by_pk.get(district_id)
        if linked is not None:
            attach(linked, refs[initiative_id])
    for entry in by_pk.values():
        for group in (entry.regional, entry.state_level, entry.founding):
            group.sort(key=lambda r: r.name)
    return {entry.ags: entry for entry in by_pk.values()}


def _coverage_version() -> str:
    """Changes whenever coverage may have changed: an initiative saved, created or deleted
    (the services save the initiative on every change), or a district/state link added or
    removed. Three aggregate queries instead of recomputing."""
    from django.db.models import Count, Max

    parts = [
        Initiative.objects.aggregate(n=Count("pk"), last=Max("updated_at")),
        Initiative.districts.through.objects.aggregate(n=Count("pk"), last=Max("pk")),
        Initiative.states.through.objects.aggregate(n=Count("pk"), last=Max("pk")),
    ]
    return "|".join(f"{p['n']}:{p['last']}" for p in parts)


def coverage_current() -> dict[str, DistrictCoverage]:
    """``coverage_compute()``, cached under a key that changes with the data, so a founding
    or any registry edit shows on the map at once."""
    import hashlib

    from django.core.cache import cache

    key = "whitespots:coverage:" + hashlib.sha256(_coverage_version().encode()).hexdigest()[:32]
    coverage = cache.get(key)
    if coverage is None:
        coverage = coverage_compute()
        cache.set(key, coverage, 3600)
    return coverage


def coverage_summary(coverage: Mapping[str, DistrictCoverage]) -> dict[str, int]:
    counts = dict.fromkeys(CoverageKind.values, 0)
    for entry in coverage.values():
        counts[entry.coverage] += 1
    return counts


# Ranking ------------------------------------------------------------------------------------

NEIGHBOUR_RADIUS_KM = 50


@dataclass(frozen=True)
class ScoreComponent:
    key: str
    label: Any  # lazy translation
    description: Any


SCORE_COMPONENTS: tuple[ScoreComponent, ...] = (
    ScoreComponent(
        "industry",
        _("Industriebeschäftigung"),
        _(
            "Neuester Wert der gewählten Kennzahl (z. B. Beschäftigte im Verarbeitenden "
            "Gewerbe). Viel Industrie: viele Betriebe, die eine Initiative tragen können."
        ),
    ),
    ScoreComponent(
        "population",
        _("Einwohnerzahl"),
        _("Mehr Menschen erreicht eine Initiative in großen Kreisen."),
    ),
    ScoreComponent(
        "distance",
        _("Abstand zum nächsten abgedeckten Kreis"),
        _(
            "Luftlinie zwischen den Kartenpunkten bis zum nächsten Kreis mit regionaler oder "
            "kommunaler Initiative: je weiter, desto größer die Lücke."
        ),
    ),
    ScoreComponent(
        "neighbours",
        _("Nachbarn mit Initiative"),
        _(
            "Anteil der Kreise im Umkreis von 50 km mit regionaler oder kommunaler Initiative: "
            "Vorbilder und Partner in der Nähe erleichtern die Gründung."
        ),
    ),
    ScoreComponent(
        "no_state",
        _("Keine Landesinitiative"),
        _("1, wenn auch keine Initiative auf Landesebene den Kreis abdeckt, sonst 0."),
    ),
)
COMPONENT_KEYS = tuple(c.key for c in SCORE_COMPONENTS)
DEFAULT_WEIGHTS: dict[str, int] = {
    "industry": 4,
    "population": 2,
    "distance": 2,
    "neighbours": 1,
    "no_state": 1,
}


def default_weights() -> dict[str, int]:
    """Weights from ``settings.WHITESPOTS_SCORE_WEIGHTS`` over the documented defaults."""
    configured = getattr(settings, "WHITESPOTS_SCORE_WEIGHTS", {}) or {}
    return {key: int(configured.get(key, DEFAULT_WEIGHTS[key])) for key in COMPONENT_KEYS}


@dataclass
class RankedDistrict:
    district: DistrictCoverage
    score: float
    parts: dict[str, float]  # each component scaled to 0..1
    industry: Decimal | None
    industry_year: int | None
    distance_km: float | None
    neighbours_covered: int
    neighbours_total: int
    rank: int = 0


def _km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _scale(values: dict[str, float]) -> dict[str, float]:
    """Min-max to 0..1 over the white spots (all equal → 0)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    span = high - low
    return {k: ((v - low) / span if span else 0.0) for k, v in values.items()}


def white_spots_rank(
    coverage: Mapping[str, DistrictCoverage],
    *,
    weights: Mapping[str, int],
    indicator: Indicator | None = None,
) -> list[RankedDistrict]:
    """All white spots of Germany with their score (0–100), highest first.

    Each component is scaled to 0..1 across all white spots, then weighted:
    score = 100 × Σ weight × part / Σ weight. Scaling across the whole country keeps the
    score of a district the same whichever state the table is filtered to."""
    covered = [d for d in coverage.values() if not d.is_white_spot and d.lat is not None]
    spots = [d for d in coverage.values() if d.is_white_spot]
    figures = indicator_latest_values(indicator) if indicator is not None else {}
    raw: dict[str, dict[str, float]] = {key: {} for key in COMPONENT_KEYS}
    details: dict[str, tuple[float | None, int, int]] = {}
    located = [d for d in coverage.values() if d.lat is not None]
    for spot in spots:
        figure = figures.get(spot.pk)
        raw["industry"][spot.ags] = float(figure.value) if figure else 0.0
        raw["population"][spot.ags] = float(spot.population or 0)
        raw["no_state"][spot.ags] = 0.0 if spot.state_level else 1.0
        nearest: float | None = None
        near_total = near_covered = 0
        if spot.lat is not None and spot.lon is not None:
            for other in covered:
                km = _km(spot.lat, spot.lon, other.lat, other.lon)  # type: ignore[arg-type]
                if nearest is None or km < nearest:
                    nearest = km
            for other in located:
                if other.ags == spot.ags:
                    continue
                # 50 km are < 0.46° of latitude and < 0.8° of longitude in Germany.
                if abs(other.lat - spot.lat) > 0.46 or abs(other.lon - spot.lon) > 0.8:  # type: ignore[operator]
                    continue
                if _km(spot.lat, spot.lon, other.lat, other.lon) <= NEIGHBOUR_RADIUS_KM:  # type: ignore[arg-type]
                    near_total += 1
                    near_covered += 0 if other.is_white_spot else 1
        raw["distance"][spot.ags] = nearest or 0.0
        raw["neighbours"][spot.ags] = near_covered / near_total if near_total else 0.0
        details[spot.ags] = (nearest, near_covered, near_total)
    scaled = {key: _scale(values) for key, values in raw.items()}
    scaled["no_state"] = raw["no_state"]
    scaled["neighbours"] = raw["neighbours"]  # already a share 0..1
    total_weight = sum(max(0, int(weights.get(k, 0))) for k in COMPONENT_KEYS)
    ranked = []
    for spot in spots:
        parts = {key: scaled[key][spot.ags] for key in COMPONENT_KEYS}
        score = (
            100
            * sum(max(0, int(weights.get(k, 0))) * parts[k] for k in COMPONENT_KEYS)
            / total_weight
            if total_weight
            else 0.0
        )
        figure = figures.get(spot.pk)
        nearest, near_covered, near_total = details[spot.ags]
        ranked.append(
            RankedDistrict(
                district=spot,
                score=round(score, 1),
                parts=parts,
                industry=figure.value if figure else None,
                industry_year=figure.year if figure else None,
                distance_km=round(nearest, 1) if nearest is not None else None,
                neighbours_covered=near_covered,
                neighbours_total=near_total,
            )
        )
    ranked.sort(key=lambda r: (-r.score, r.district.ags))
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    return ranked
