"""Reads of the reference data used across apps."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from django.db.models import Count, Q, QuerySet
from django.templatetags.static import static

from .geometry import DISTRICTS_STATIC_PATH, STATES_STATIC_PATH
from .models import District, Indicator, IndicatorValue, State


class DistrictPoint(NamedTuple):
    lat: float
    lon: float
    name: str


def district_resolve(ags: str) -> District | None:
    """The current district for an AGS, following mergers (16056 Eisenach → 16063)."""
    district = District.objects.select_related("state", "successor").filter(ags=ags.strip()).first()
    seen: set[int] = set()
    while district is not None and district.successor_id is not None and district.pk not in seen:
        seen.add(district.pk)
        district = District.objects.select_related("state", "successor").get(
            pk=district.successor_id
        )
    return district


def districts_current() -> QuerySet[District]:
    return District.objects.current().select_related("state")


def states_with_counts() -> QuerySet[State]:
    return State.objects.annotate(
        district_count=Count("districts", filter=Q(districts__successor__isnull=True))
    ).order_by("name")


def district_points() -> dict[str, DistrictPoint]:
    """AGS → point inside each current district (WGS 84) with its name, for map markers."""
    rows = District.objects.current().values_list("ags", "centroid_lat", "centroid_lon", "name")
    return {
        ags: DistrictPoint(float(lat), float(lon), name)
        for ags, lat, lon, name in rows
        if lat is not None and lon is not None
    }


def district_shapes_url() -> str:
    """URL of the GeoJSON with today's district shapes (properties ags, name, lat, lon)."""
    return static(DISTRICTS_STATIC_PATH)


def state_shapes_url() -> str:
    """URL of the GeoJSON with the 16 state shapes (properties code, name)."""
    return static(STATES_STATIC_PATH)


class IndicatorFigure(NamedTuple):
    value: Decimal
    year: int
    source: str


def indicators_available() -> QuerySet[Indicator]:
    """Indicators that have at least one imported value."""
    return Indicator.objects.filter(values__isnull=False).distinct().order_by("name")


def indicator_latest_values(indicator: Indicator | int) -> dict[int, IndicatorFigure]:
    """District id → the most recent value of ``indicator`` (one query)."""
    rows = (
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("district_id", "year")
        .values_list("district_id", "value", "year", "source")
    )
    return {district_id: IndicatorFigure(v, y, s) for district_id, v, y, s in rows}


def district_indicator_figures(district: District) -> list[tuple[Indicator, IndicatorFigure]]:
    """The latest value of each indicator for one district, by indicator name."""
    latest: dict[int, tuple[Indicator, IndicatorFigure]] = {}
    for value in (
        IndicatorValue.objects.filter(district=district)
        .select_related("indicator")
        .order_by("indicator__name", "year")
    ):
        latest[value.indicator_id] = (
            value.indicator,
            IndicatorFigure(value.value, value.year, value.source),
        )
    return list(latest.values())
