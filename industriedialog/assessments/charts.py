"""The radar chart as server-rendered SVG (no JavaScript; the numbers are in a table beside
it, and the SVG carries a title and description for screen readers)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .models import MAX_LEVEL

WIDTH, HEIGHT = 720, 480
CX, CY, RADIUS = 360, 240, 150


# Presentation attributes (not CSS), so WeasyPrint's PDF draws the same chart.
STYLES = {
    "own": {
        "stroke": "#1a3a8f",
        "fill": "#1a3a8f",
        "fill_opacity": "0.18",
        "dash": "",
        "dot": "#1a3a8f",
    },
    "benchmark": {
        "stroke": "#8a4b00",
        "fill": "none",
        "fill_opacity": "0",
        "dash": "6 4",
        "dot": "#8a4b00",
    },
    "target": {
        "stroke": "#1e7a3c",
        "fill": "none",
        "fill_opacity": "0",
        "dash": "2 3",
        "dot": "#ffffff",
    },
}


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float | None]
    css: str  # "own", "benchmark", "target", "previous"


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * (value - 1) / (MAX_LEVEL - 1) if value else 0
    return round(CX + r * math.cos(angle), 1), round(CY + r * math.sin(angle), 1)


def _n(value: float) -> str:
    """SVG numbers with a dot, whatever the active locale."""
    return f"{value:.1f}"


def _lines(label: str, width: int = 22) -> list[str]:
    """Split a long axis label into at most two lines at a space."""
    if len(label) <= width:
        return [label]
    words = label.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= width:
        first.append(words.pop(0))
    if not first:
        first.append(words.pop(0))
    return [" ".join(first), " ".join(words)] if words else [" ".join(first)]


def radar(labels: list[str], series: list[Series]) -> dict:
    """Coordinates for ``assessments/includes/radar.svg``: rings for levels 1–5, one axis per
    dimension with its label, one polygon per series (gaps drawn at the centre)."""
    count = len(labels)
    rings = []
    for level in range(2, MAX_LEVEL + 1):
        points = " ".join(
            f"{_n(x)},{_n(y)}" for x, y in (_point(i, count, level) for i in range(count))
        )
        label_y = CY - RADIUS * (level - 1) / (MAX_LEVEL - 1)
        rings.append({"level": level, "points": points, "x": _n(CX + 4), "y": _n(label_y)})
    axes = []
    for i, label in enumerate(labels):
        x, y = _point(i, count, MAX_LEVEL)
        lx, ly = _point(i, count, MAX_LEVEL + 0.55)
        anchor = "middle" if abs(lx - CX) < 20 else ("start" if lx > CX else "end")
        lines = _lines(label)
        top = ly + 4 - (len(lines) - 1) * 8
        axes.append(
            {
                "x": _n(x),
                "y": _n(y),
                "lx": _n(lx),
                "lines": [{"text": t, "y": _n(top + 16 * k)} for k, t in enumerate(lines)],
                "anchor": anchor,
            }
        )
    polygons = []
    for s in series:
        if not any(v is not None for v in s.values):
            continue
        complete = all(v is not None for v in s.values)
        pts = [_point(i, count, v) for i, v in enumerate(s.values) if v is not None]
        polygons.append(
            {
                "name": s.name,
                "css": s.css,
                "style": STYLES[s.css],
                # an incomplete series (targets for some dimensions only) is drawn as dots
                "points": " ".join(f"{_n(x)},{_n(y)}" for x, y in pts) if complete else "",
                "dots": [{"x": _n(x), "y": _n(y)} for x, y in pts],
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "cx": _n(CX),
        "cy": _n(CY),
        "rings": rings,
        "axes": axes,
        "polygons": polygons,
    }
