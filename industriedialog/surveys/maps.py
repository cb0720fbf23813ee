"""Choropleth data for region questions on the results page: per state or district its count,
share and colour class, with the legend's class limits. The map itself is drawn in the
browser with Leaflet on the committed state/district GeoJSON of the regions app (as the
white-spot map); the table of counts next to it is the keyboard and screen-reader route."""

from __future__ import annotations

from typing import Any

from .questions import Kind
from .selectors import QuestionResult

# Light to dark blue, as the white-spot map's indicator classes.
CLASSES = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]


def region_map(result: QuestionResult) -> dict[str, Any] | None:
    """``{"level", "shapes_url", "values": {code: {"n", "s", "k"}}, "legend": [...]}`` for a
    region question with answers, else None. Classes: five equal steps of the share up to
    the largest share (0 answers: no class, drawn white)."""
    from industriedialog.regions.selectors import district_shapes_url, state_shapes_url

    if result.kind != Kind.REGION or not result.rows:
        return None
    level = result.question.get("region") or "state"
    top = max((row["share"] for row in result.rows), default=0) or 1
    step = top / len(CLASSES)
    values = {}
    for row in result.rows:
        if not row["count"]:
            continue
        k = min(int(row["share"] / step), len(CLASSES) - 1) if step else 0
        values[row["key"]] = {"n": row["count"], "s": row["share"], "k": k, "l": row["label"]}
    legend = [
        {
            "colour": colour,
            "low": round(i * step, 1),
            "high": round((i + 1) * step, 1),
        }
        for i, colour in enumerate(CLASSES)
    ]
    return {
        "key": result.key,
        "element_id": f"map-data-{result.key}",
        "level": level,
        "property": "ags" if level == "district" else "code",
        "shapes_url": district_shapes_url() if level == "district" else state_shapes_url(),
        "values": values,
        "legend": legend,
    }
