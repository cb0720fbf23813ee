"""Charts drawn on the server as SVG, for the PDF report (WeasyPrint runs no JavaScript) and
anywhere a chart must work without scripts. The input is the ``chart`` dict of a
:class:`~industriedialog.surveys.selectors.QuestionResult` (the same data the results page's
Chart.js charts use): ``{"type": "bar" | "grade", "labels", "counts"}`` or
``{"type": "stacked", "labels", "series": [{"label", "counts"}]}``.

Every chart carries ``role="img"`` and a ``<title>``; the numbers are always printed next to
the chart in a table as well."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The results page's palette (static/surveys/results.js), so both look alike.
PALETTE = ["#1a3a8f", "#2f7ebc", "#5aa9a0", "#e0a526", "#d0642b", "#a12b4a", "#6b5ca5", "#4d7d2a"]
GRADE_COLOURS = ["#1e7a3c", "#5c9e31", "#b7b523", "#e0a526", "#d0642b", "#a12b4a"]
TEXT = "#1b1b1b"
FONT = 'font-family="sans-serif" font-size="11"'


def _short(label: str, length: int = 30) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"


def _svg(width: int, height: int, title: str, body: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 - every text below is escaped
        f'<svg xmlns="http://www.w3.org/2000/svg" class="svg-chart" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bar_svg(labels: list[str], counts: list[int], *, title: str, width: int = 520) -> SafeString:
    """Horizontal bars, one per answer, with the count after each bar."""
    row, label_width = 22, 190
    bar_area = width - label_width - 50
    top = max(counts, default=0) or 1
    body = []
    for i, (label, n) in enumerate(zip(labels, counts, strict=True)):
        y = i * row
        length = round(bar_area * n / top)
        body.append(
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end" fill="{TEXT}" {FONT}>'
            f"{escape(_short(str(label)))}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{length}" height="{row - 8}" '
            f'fill="{PALETTE[0]}"/>'
            f'<text x="{label_width + length + 4}" y="{y + 15}" fill="{TEXT}" {FONT}>{n}</text>'
        )
    return _svg(width, max(row * len(labels), row), title, body)


def grade_svg(labels: list[str], counts: list[int], *, title: str, width: int = 520) -> SafeString:
    """Grade distribution: one column per grade 1–6 in the traffic-light colours."""
    height, base, gap = 170, 140, 8
    column = (width - gap * (len(labels) + 1)) / max(len(labels), 1)
    top = max(counts, default=0) or 1
    body = [f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="{TEXT}"/>']
    for i, (label, n) in enumerate(zip(labels, counts, strict=True)):
        x = gap + i * (column + gap)
        h = round((base - 20) * n / top)
        colour = GRADE_COLOURS[i % len(GRADE_COLOURS)]
        body.append(
            f'<rect x="{x:.1f}" y="{base - h}" width="{column:.1f}" height="{h}" fill="{colour}"/>'
            f'<text x="{x + column / 2:.1f}" y="{base - h - 4}" text-anchor="middle" '
            f'fill="{TEXT}" {FONT}>{n}</text>'
            f'<text x="{x + column / 2:.1f}" y="{base + 16}" text-anchor="middle" '
            f'fill="{TEXT}" {FONT}>{escape(_short(str(label), max(3, int(column / 6.5))))}</text>'
        )
    return _svg(width, height, title, body)


def stacked_svg(
    labels: list[str], series: list[dict], *, title: str, width: int = 520
) -> SafeString:
    """One 100 % bar per row (matrix row, cross-tab row), split by the series; legend below."""
    row, label_width = 24, 170
    bar_area = width - label_width - 10
    body = []
    for i, label in enumerate(labels):
        y = i * row
        total = sum(s["counts"][i] for s in series) or 1
        x = float(label_width)
        body.append(
            f'<text x="{label_width - 6}" y="{y + 16}" text-anchor="end" fill="{TEXT}" {FONT}>'
            f"{escape(_short(str(label), 28))}</text>"
        )
        for j, s in enumerate(series):
            length = bar_area * s["counts"][i] / total
            if length > 0:
                body.append(
                    f'<rect x="{x:.1f}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" '
                    f'fill="{PALETTE[j % len(PALETTE)]}"/>'
                )
            x += length
    legend_top = row * len(labels) + 8
    x = 0.0
    line = 0
    for j, s in enumerate(series):
        text = _short(str(s["label"]), 26)
        item_width = 18 + 6.2 * len(text) + 14
        if x + item_width > width:
            x, line = 0.0, line + 1
        y = legend_top + line * 18
        body.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 16:.1f}" y="{y + 10}" fill="{TEXT}" {FONT}>{escape(text)}</text>'
        )
        x += item_width
    return _svg(width, legend_top + (line + 1) * 18, title, body)


def chart_svg(chart: dict | None, *, title: str) -> SafeString:
    """The SVG for a result's chart dict; empty when there is nothing to draw."""
    if not chart:
        return mark_safe("")
    if chart["type"] == "stacked":
        if not chart["labels"]:
            return mark_safe("")
        return stacked_svg(chart["labels"], chart["series"], title=title)
    if not chart["labels"]:
        return mark_safe("")
    if chart["type"] == "grade":
        return grade_svg(chart["labels"], chart["counts"], title=title)
    return bar_svg(chart["labels"], chart["counts"], title=title)
