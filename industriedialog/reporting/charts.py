"""Bar charts of an indicator's actual values against its targets per period, drawn once
as accessible SVG (dashboard, PDF) and once as PNG (DOCX) from the same geometry. The data
table beside each chart carries the same figures for screen readers."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from html import escape
from typing import Any

from django.utils.translation import gettext as _

ACTUAL = "#12296a"
TARGET = "#c0392b"
AXIS = "#3d4357"
WIDTH, HEIGHT = 560, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass
class Bar:
    label: str
    actual: float | None
    target: float | None


def _bars(series: list[dict[str, Any]]) -> list[Bar]:
    return [Bar(str(p["label"]), p.get("actual"), p.get("target")) for p in series]


def _scale_max(bars: list[Bar]) -> float:
    top = max([b.actual or 0 for b in bars] + [b.target or 0 for b in bars] + [1])
    magnitude = 10 ** math.floor(math.log10(top))
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= top:
            return float(step * magnitude)
    return float(top)


def _format(value: float | None) -> str:
    if value is None:
        return "–"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", "\0").replace(".", ",").replace("\0", ".")


def _geometry(bars: list[Bar]) -> dict[str, Any]:
    top = _scale_max(bars)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(bars), 1)
    bar_w = min(slot * 0.55, 80)
    items = []
    for i, bar in enumerate(bars):
        x = LEFT + i * slot + (slot - bar_w) / 2
        h = (bar.actual or 0) / top * plot_h
        target_y = None if bar.target is None else TOP + plot_h - bar.target / top * plot_h
        items.append(
            {
                "bar": bar,
                "x": x,
                "y": TOP + plot_h - h,
                "w": bar_w,
                "h": h,
                "target_y": target_y,
                "cx": LEFT + i * slot + slot / 2,
            }
        )
    ticks = [(top * k / 4, TOP + plot_h - plot_h * k / 4) for k in range(5)]
    return {"items": items, "ticks": ticks, "plot_h": plot_h, "top": top}


def bar_chart_svg(chart_id: str, title: str, series: list[dict[str, Any]]) -> str:
    bars = _bars(series)
    g = _geometry(bars)
    desc = "; ".join(
        _("%(label)s: Istwert %(actual)s, Zielwert %(target)s")
        % {"label": b.label, "actual": _format(b.actual), "target": _format(b.target)}
        for b in bars
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" class="chart" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    for value, y in g["ticks"]:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#d5d8e0" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{AXIS}">{_format(value)}</text>'
        )
    for item in g["items"]:
        bar = item["bar"]
        parts.append(
            f'<rect x="{item["x"]:.1f}" y="{item["y"]:.1f}" width="{item["w"]:.1f}" '
            f'height="{item["h"]:.1f}" fill="{ACTUAL}"/>'
        )
        if bar.actual is not None:
            parts.append(
                f'<text x="{item["cx"]:.1f}" y="{item["y"] - 4:.1f}" text-anchor="middle" '
                f'font-size="11" fill="{AXIS}">{_format(bar.actual)}</text>'
            )
        if item["target_y"] is not None:
            parts.append(
                f'<line x1="{item["x"] - 6:.1f}" x2="{item["x"] + item["w"] + 6:.1f}" '
                f'y1="{item["target_y"]:.1f}" y2="{item["target_y"]:.1f}" stroke="{TARGET}" '
                'stroke-width="3" stroke-dasharray="6 3"/>'
            )
        parts.append(
            f'<text x="{item["cx"]:.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="12" fill="{AXIS}">{escape(bar.label)}</text>'
        )
    legend_y = HEIGHT - 8
    actual_label, target_label = escape(_("Istwert")), escape(_("Zielwert"))
    parts.append(
        f'<rect x="{LEFT}" y="{legend_y - 9}" width="10" height="10" fill="{ACTUAL}"/>'
        f'<text x="{LEFT + 14}" y="{legend_y}" font-size="11" fill="{AXIS}">{actual_label}</text>'
        f'<line x1="{LEFT + 80}" x2="{LEFT + 100}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
        f'stroke="{TARGET}" stroke-width="3" stroke-dasharray="6 3"/>'
        f'<text x="{LEFT + 104}" y="{legend_y}" font-size="11" fill="{AXIS}">{target_label}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_png(title: str, series: list[dict[str, Any]], scale: int = 2) -> bytes:
    """The same chart as PNG (python-docx cannot embed SVG)."""
    from PIL import Image, ImageDraw, ImageFont

    bars = _bars(series)
    g = _geometry(bars)
    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=11 * scale)

    def s(v: float) -> float:
        return v * scale

    for value, y in g["ticks"]:
        draw.line([(s(LEFT), s(y)), (s(WIDTH - RIGHT), s(y))], fill="#d5d8e0", width=scale)
        draw.text((s(LEFT - 6), s(y)), _format(value), fill=AXIS, font=font, anchor="rm")
    for item in g["items"]:
        bar = item["bar"]
        if item["h"] > 0:
            draw.rectangle(
                [s(item["x"]), s(item["y"]), s(item["x"] + item["w"]), s(item["y"] + item["h"])],
                fill=ACTUAL,
            )
        if bar.actual is not None:
            draw.text(
                (s(item["cx"]), s(item["y"] - 4)),
                _format(bar.actual),
                fill=AXIS,
                font=font,
                anchor="mb",
            )
        if item["target_y"] is not None:
            draw.line(
                [
                    (s(item["x"] - 6), s(item["target_y"])),
                    (s(item["x"] + item["w"] + 6), s(item["target_y"])),
                ],
                fill=TARGET,
                width=3 * scale,
            )
        draw.text(
            (s(item["cx"]), s(HEIGHT - BOTTOM + 12)), bar.label, fill=AXIS, font=font, anchor="mt"
        )
    legend_y = HEIGHT - 8
    draw.rectangle([s(LEFT), s(legend_y - 9), s(LEFT + 10), s(legend_y + 1)], fill=ACTUAL)
    draw.text((s(LEFT + 14), s(legend_y)), _("Istwert"), fill=AXIS, font=font, anchor="ls")
    draw.line(
        [(s(LEFT + 80), s(legend_y - 4)), (s(LEFT + 100), s(legend_y - 4))],
        fill=TARGET,
        width=3 * scale,
    )
    draw.text((s(LEFT + 104), s(legend_y)), _("Zielwert"), fill=AXIS, font=font, anchor="ls")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def format_number(value: float | None) -> str:
    return _format(value)
