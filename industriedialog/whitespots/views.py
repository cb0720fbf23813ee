"""The white-spot map (public), the district card, the priority ranking and the indicator
import (staff)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from industriedialog.accounts.permissions import can, permission_required
from industriedialog.advisory.selectors import founding_cases_open_for_district
from industriedialog.regions.indicators import COLUMNS as INDICATOR_COLUMNS
from industriedialog.regions.indicators import IndicatorFileError
from industriedialog.regions.models import District, Indicator
from industriedialog.regions.selectors import (
    district_indicator_figures,
    district_shapes_url,
    indicator_latest_values,
    state_shapes_url,
)
from industriedialog.regions.services import indicator_values_import
from industriedialog.registry.exports import CONTENT_TYPES, table_csv, table_xlsx

from .forms import SORTS, IndicatorImportForm, MapViewForm, RankingForm
from .selectors import (
    SCORE_COMPONENTS,
    CoverageKind,
    RankedDistrict,
    coverage_current,
    coverage_summary,
    white_spots_rank,
)

CLASS_COUNT = 5


def _quantile_breaks(values: list[float]) -> list[float]:
    """Upper bounds of five classes with about equally many districts each."""
    ordered = sorted(values)
    if not ordered:
        return []
    return [
        ordered[min(len(ordered) - 1, (len(ordered) * (i + 1)) // CLASS_COUNT - 1)]
        for i in range(CLASS_COUNT)
    ]


def _formatter(decimals: int) -> Any:
    """A number formatter for the active language; ``number_format`` per value cost
    about 0.1 ms, too much for 400 districts."""
    sample = number_format(1234.5, decimal_pos=1, force_grouping=True)  # "1.234,5" / "1,234.5"
    thousands, decimal = sample[1], sample[-2]

    def fmt(value: float | None) -> str:
        if value is None:
            return "–"
        text = f"{value:,.{decimals}f}"
        return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)

    return fmt


def coverage_map(request: HttpRequest) -> HttpResponse:
    form = MapViewForm(request.GET or None)
    indicator_id = form.indicator_id()
    indicator = Indicator.objects.filter(pk=indicator_id).first() if indicator_id else None
    coverage = coverage_current()
    values: dict[str, dict[str, Any]] = {}
    legend: list[dict[str, Any]] = []
    if indicator is None:
        for ags, entry in coverage.items():
            values[ags] = {"c": entry.coverage}
        counts = coverage_summary(coverage)
        legend = [
            {"key": kind, "label": label, "count": counts[kind]}
            for kind, label in CoverageKind.choices
        ]
    else:
        figures = indicator_latest_values(indicator)
        by_ags = {
            entry.ags: float(figures[entry.pk].value)
            for entry in coverage.values()
            if entry.pk in figures
        }
        breaks = _quantile_breaks(list(by_ags.values()))
        decimals = 0 if all(v.is_integer() for v in by_ags.values()) else 1
        fmt = _formatter(decimals)
        for ags, entry in coverage.items():
            value = by_ags.get(ags)
            klass = next(
                (i for i, b in enumerate(breaks) if value is not None and value <= b), None
            )
            values[ags] = {"c": entry.coverage, "k": klass, "v": fmt(value)}
        low = min(by_ags.values()) if by_ags else None
        for i, upper in enumerate(breaks):
            lower = low if i == 0 else breaks[i - 1]
            legend.append({"key": f"q{i}", "label": f"{fmt(lower)} – {fmt(upper)}"})
        legend.append({"key": "nodata", "label": _("keine Angabe")})
    states: dict[tuple[str, str], list[Any]] = {}
    for entry in sorted(coverage.values(), key=lambda e: (e.state_name, e.name)):
        states.setdefault((entry.state_name, entry.state_code), []).append(
            (entry, values[entry.ags])
        )
    return render(
        request,
        "whitespots/coverage_map.html",
        {
            "form": form,
            "indicator": indicator,
            "values": values,
            "legend": legend,
            "states": states,
            "summary": coverage_summary(coverage),
            "total": len(coverage),
            "shapes_url": district_shapes_url(),
            "states_url": state_shapes_url(),
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
            "can_rank": can(request.user, "whitespots.view_ranking"),
            # One reverse() instead of 400 in the district list.
            "card_url_prefix": reverse("whitespots:district_card", kwargs={"ags": "0"})[:-2],
        },
    )


def district_card(request: HttpRequest, ags: str) -> HttpResponse:
    district = District.objects.current().select_related("state").filter(ags=ags).first()
    if district is None:
        raise Http404
    entry = coverage_current()[district.ags]
    figures = district_indicator_figures(district)
    context = {
        "district": district,
        "entry": entry,
        "figures": figures,
        "sources": sorted({figure.source for _indicator, figure in figures}),
        "founding_cases": founding_cases_open_for_district(request.user, district),
        "can_found": can(request.user, "advisory.manage_founding_cases"),
    }
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "whitespots/includes/district_card.html", context)
    return render(request, "whitespots/district_detail.html", context)


def _ranking(request: HttpRequest) -> tuple[RankingForm, dict[str, Any], list[RankedDistrict]]:
    form = RankingForm(request.GET or None)
    options = form.settings()
    rows = white_spots_rank(
        coverage_current(), weights=options["weights"], indicator=options["indicator"]
    )
    if options["state"] is not None:
        rows = [r for r in rows if r.district.state_code == options["state"].code]
    sort = options["sort"]
    keys = {
        "-score": lambda r: (-r.score, r.district.ags),
        "name": lambda r: r.district.name,
        "state": lambda r: (r.district.state_name, -r.score),
        "-population": lambda r: -(r.district.population or 0),
        "-industry": lambda r: -(r.industry or 0),
        "-distance": lambda r: -(r.distance_km or 0),
    }
    rows.sort(key=keys.get(sort, keys["-score"]))
    return form, options, rows


@permission_required("whitespots.view_ranking")
def ranking(request: HttpRequest) -> HttpResponse:
    form, options, rows = _ranking(request)
    query = request.GET.copy()
    sort_links = {}
    for key in SORTS:
        query["sortierung"] = key
        sort_links[key.lstrip("-")] = query.urlencode()
    query.pop("sortierung", None)
    return render(
        request,
        "whitespots/ranking.html",
        {
            "form": form,
            "rows": rows,
            "options": options,
            "components": [(c, options["weights"][c.key]) for c in SCORE_COMPONENTS],
            "weight_total": sum(options["weights"].values()),
            "query": request.GET.urlencode(),
            "sort_links": sort_links,
            "sort": options["sort"],
            "can_found": can(request.user, "advisory.manage_founding_cases"),
        },
    )


RANKING_HEADERS = [
    "Rang (bundesweit)",
    "AGS",
    "Kreis",
    "Bundesland",
    "Abdeckung",
    "Punktzahl",
    "Einwohner",
    "Industriebeschäftigung",
    "Jahr",
    "Abstand nächste Initiative (km)",
    "Nachbarn mit Initiative",
    "Nachbarn im Umkreis 50 km",
    "Initiativen in Gründung",
]


@permission_required("whitespots.view_ranking")
def ranking_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, options, rows = _ranking(request)
    table = [
        [
            r.rank,
            r.district.ags,
            r.district.name,
            r.district.state_name,
            r.district.coverage_label,
            r.score,
            r.district.population,
            float(r.industry) if r.industry is not None else None,
            r.industry_year,
            r.distance_km,
            r.neighbours_covered,
            r.neighbours_total,
            ", ".join(f.name for f in r.district.founding),
        ]
        for r in rows
    ]
    weights = ", ".join(f"{c.label}: {options['weights'][c.key]}" for c in SCORE_COMPONENTS)
    if fmt == "csv":
        content = table_csv(RANKING_HEADERS, table)
    else:
        content = table_xlsx(
            RANKING_HEADERS,
            table,
            sheet_title="Weiße Flecken",
            notes=[
                ("Gewichte", weights),
                ("Kennzahl", options["indicator"].name if options["indicator"] else "keine"),
                ("Stand", timezone.localdate().strftime("%d.%m.%Y")),
            ],
        )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="weisse-flecken-rangliste.{fmt}"'
    return response


@permission_required("whitespots.import_indicators")
def indicator_import(request: HttpRequest) -> HttpResponse:
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = indicator_values_import(
                content=upload.read(),
                filename=upload.name,
                actor=request.user,
                dry_run=form.cleaned_data["dry_run"],
            )
        except IndicatorFileError as exc:
            form.add_error("file", str(exc))
        else:
            if result.errors:
                messages.error(
                    request,
                    _("Die Datei enthält Fehler; es wurde nichts importiert."),
                )
            elif result.dry_run:
                messages.info(request, _("Die Datei ist fehlerfrei; es wurde nichts gespeichert."))
            else:
                messages.success(
                    request,
                    _("%(created)d Werte neu, %(updated)d aktualisiert.")
                    % {"created": result.created, "updated": result.updated},
                )
    return render(
        request,
        "whitespots/indicator_import.html",
        {
            "form": form,
            "result": result,
            "columns": INDICATOR_COLUMNS,
            "indicators": Indicator.objects.order_by("name"),
        },
    )
