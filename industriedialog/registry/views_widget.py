"""Embeddable widget: partner sites show a filtered list or map of initiatives in an iframe.

The widget takes the directory's filters (``InitiativeFilter``) and shows public fields only;
it is the one page of the site that any other site may frame.
"""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_replace
from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from . import selectors
from .constants import DATA_LICENCE
from .filters import InitiativeFilter
from .models import Initiative
from .schemas import Labels
from .vocabularies import Level, Status

WIDGET_LIMIT = 50
CACHE_SECONDS = 300
STATES_OUTLINE = "regions/states.geojson"
# The filters the builder offers; the widget itself accepts every directory filter.
BUILDER_FILTERS = ("q", "state", "level", "status", "field")


class WidgetOptionsForm(forms.Form):
    view = forms.ChoiceField(
        label=_("Darstellung"),
        choices=[("list", _("Liste")), ("map", _("Karte mit Liste"))],
        widget=forms.RadioSelect,
    )
    height = forms.IntegerField(
        label=_("Höhe in Pixeln"), min_value=200, max_value=2000, required=False
    )
    title = forms.CharField(
        label=_("Titel des eingebetteten Bereichs"),
        help_text=_(
            "Screenreader lesen ihn vor, bevor sie den Bereich betreten. Leer lassen, um den "
            "Titel aus der Auswahl zu bilden."
        ),
        max_length=120,
        required=False,
    )

    def clean_height(self) -> int:
        return self.cleaned_data.get("height") or 480


def widget_title(filters: dict[str, Any], view: str) -> str:
    """A title that tells screen-reader users what the embedded area shows."""
    if view == "map":
        subject = gettext("Karte der Industrieinitiativen")
    else:
        subject = gettext("Industrieinitiativen")
    states = [state.name for state in filters.get("state") or []]
    place = get_text_list(states, gettext("und")) if states else gettext("Deutschland")
    title = gettext("%(subject)s in %(place)s") % {"subject": subject, "place": place}
    fields = [str(field.label) for field in filters.get("field") or []]
    if fields:
        title = f"{title} – {get_text_list(fields, gettext('und'))}"
    return title


def filter_query(data: QueryDict) -> QueryDict:
    """Only the directory's filter parameters, without empty values."""
    query = QueryDict(mutable=True)
    for name in InitiativeFilter.base_filters:
        values = [value for value in data.getlist(name) if value.strip()]
        if values:
            query.setlist(name, values)
    return query


def _with_query(url: str, query: QueryDict) -> str:
    return f"{url}?{query.urlencode()}" if query else url


def widget_snippet(*, src: str, title: str, height: int, css_class: str = "") -> SafeString:
    """The iframe partners paste; ``src`` is URL-encoded, so its bare ``&`` are safe.

    The builder's own preview passes ``css_class`` instead of the ``style`` attribute: our
    Content-Security-Policy refuses inline styles (partners' pages do not have it)."""
    attribute = (
        format_html(' class="{}"', css_class) if css_class else mark_safe(' style="border:0"')
    )
    return format_html(
        '<iframe src="{}" title="{}" loading="lazy" width="100%" height="{}"{}></iframe>',
        mark_safe(escape(src).replace("&amp;", "&")),  # noqa: S308 - escaped, & kept readable
        title,
        height,
        attribute,
    )


def initiative_points(
    queryset: QuerySet[Initiative], labels: Labels | None = None
) -> list[dict[str, Any]]:
    """The directory map's points (selectors.initiative_map_points) in the widget's shape;
    initiatives without a location are left out (the list below the map shows them)."""
    points, _without_location = selectors.initiative_map_points(queryset)
    return [
        {
            "name": p["name"],
            "url": p["url"],
            "lat": p["lat"],
            "lon": p["lon"],
            "level": p["level_label"],
            "status": p["status_label"],
        }
        for p in points
    ]


def widget_rows(
    request: HttpRequest, queryset: QuerySet[Initiative], labels: Labels
) -> list[dict[str, str]]:
    """The list the widget shows: public facts only, links absolute (it lives on other sites)."""
    return [
        {
            "name": initiative.name,
            "url": request.build_absolute_uri(initiative.get_absolute_url()),
            "level": labels.label(Level, initiative.level),
            "status": labels.label(Status, initiative.status),
            "seat": initiative.seat,
            "states": ", ".join(state.name for state in initiative.states.all()),
        }
        for initiative in queryset.prefetch_related("states")
    ]


@require_safe
def widget_builder(request: HttpRequest) -> HttpResponse:
    """Configurator: choose filters and view, preview the widget, copy the snippet."""
    filterset = InitiativeFilter(request.GET, queryset=selectors.initiatives_public())
    data = request.GET.copy()
    data.setdefault("view", "list")
    data.setdefault("height", "480")
    options = WidgetOptionsForm(data)
    snippet = preview = None
    if filterset.is_valid() and options.is_valid():
        view = options.cleaned_data["view"]
        query = filter_query(request.GET)
        query["view"] = view
        src = _with_query(request.build_absolute_uri(reverse("registry:widget")), query)
        title = options.cleaned_data["title"] or widget_title(filterset.form.cleaned_data, view)
        snippet = widget_snippet(src=src, title=title, height=options.cleaned_data["height"])
        preview = widget_snippet(
            src=src, title=title, height=options.cleaned_data["height"], css_class="widget-frame"
        )
    form = filterset.form
    # Filters the builder has no field for (e.g. arriving from the directory) are kept.
    kept = filter_query(request.GET)
    for name in BUILDER_FILTERS:
        kept.pop(name, None)
    return render(
        request,
        "registry/widget_builder.html",
        {
            "filter_fields": [form[name] for name in BUILDER_FILTERS],
            "kept_filters": [(name, value) for name in kept for value in kept.getlist(name)],
            "kept_errors": [
                (name, " ".join(form.errors[name]))
                for name in form.errors
                if name not in BUILDER_FILTERS
            ],
            "filter_errors": form.errors,
            "options": options,
            "snippet": snippet,
            "preview": preview,
            "licence": DATA_LICENCE,
        },
    )


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})  # the site's policy, but any site may frame it
def widget(request: HttpRequest) -> HttpResponse:
    """The embedded page: standalone, no cookies, public fields only, frameable by anyone."""
    view = "map" if request.GET.get("view") == "map" else "list"
    filterset = InitiativeFilter(request.GET, queryset=selectors.initiatives_public())
    context: dict[str, Any] = {
        "view": view,
        "licence": DATA_LICENCE,
        "directory_url": _with_query(
            request.build_absolute_uri(reverse("registry:initiative_list")),
            filter_query(request.GET),
        ),
    }
    status = 200
    if filterset.is_valid():
        queryset = filterset.qs
        labels = Labels()
        rows = widget_rows(request, queryset[:WIDGET_LIMIT], labels)
        total = len(rows) if len(rows) < WIDGET_LIMIT else queryset.count()
        context.update(
            title=widget_title(filterset.form.cleaned_data, view), rows=rows, total=total
        )
        if view == "map":
            points = initiative_points(queryset, labels)
            for point in points:
                point["url"] = request.build_absolute_uri(point["url"])
            context.update(
                points=points,
                focus_states=[state.code for state in filterset.form.cleaned_data["state"]],
                tile_url=settings.MAP_TILE_URL,
                tile_attribution=settings.MAP_TILE_ATTRIBUTION,
                states_url=(
                    staticfiles_storage.url(STATES_OUTLINE) if finders.find(STATES_OUTLINE) else ""
                ),
            )
    else:
        status = 400
        context.update(title=gettext("Industrieinitiativen"), errors=filterset.form.errors)
    # Rendered without the request: no context processors, so no session or cookie is touched.
    response = HttpResponse(render_to_string("registry/widget_embed.html", context), status=status)
    if status == 200:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response
