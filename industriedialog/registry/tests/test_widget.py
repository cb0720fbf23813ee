"""Embeddable widget and its builder: filtered list or map, frameable only the widget itself."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.http import QueryDict
from django.urls import resolve

from industriedialog.common.tests import test_accessibility
from industriedialog.regions.models import District
from industriedialog.registry import views_widget
from industriedialog.registry.filters import InitiativeFilter
from industriedialog.registry.models import FieldOfAction
from industriedialog.registry.selectors import initiatives_public
from industriedialog.registry.vocabularies import FieldOfActionCode

from .factories import ContactPersonFactory, DistrictFactory, InitiativeFactory, StateFactory

pytestmark = pytest.mark.django_db

# The site's Chromium fixtures; pytest registers them as "browser" and "page".
browser = test_accessibility.browser
page = test_accessibility.page

WIDGET = "/initiativen/widget/"
BUILDER = "/initiativen/einbetten/"


def sachsen() -> Any:
    return StateFactory(code="SN", ags="14", nuts1="DED", name="Sachsen")


@pytest.fixture
def set_centroid(monkeypatch: Any) -> Any:
    """Gives a district a map point, before and after the centroids reach the regions app."""
    has_fields = any(f.name == "centroid_lat" for f in District._meta.get_fields())
    points: dict[int, tuple[Decimal, Decimal]] = {}
    if not has_fields:
        for index, name in enumerate(("centroid_lat", "centroid_lon")):
            monkeypatch.setattr(
                District,
                name,
                property(lambda d, i=index: points[d.pk][i] if d.pk in points else None),
                raising=False,
            )

    def set_point(district: District, lat: str, lon: str) -> None:
        if has_fields:
            District.objects.filter(pk=district.pk).update(centroid_lat=lat, centroid_lon=lon)
        else:
            points[district.pk] = (Decimal(lat), Decimal(lon))

    return set_point


@pytest.fixture
def two_states() -> dict[str, Any]:
    th = InitiativeFactory(name="Bündnis für Industrie Thüringen", slug="thueringen", seat="Erfurt")
    sn = InitiativeFactory(name="Industriedialog Chemnitz", slug="chemnitz", states=[sachsen()])
    return {"th": th, "sn": sn}


# --- the embedded page ------------------------------------------------------------------------
def test_widget_shows_the_filtered_list(client, two_states):
    response = client.get(WIDGET, {"state": "TH", "view": "list"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bündnis für Industrie Thüringen" in body
    assert "Industriedialog Chemnitz" not in body
    assert "<title>Industrieinitiativen in Thüringen</title>" in body
    assert "Erfurt" in body and "Region" in body and "aktiv" in body


def test_widget_links_open_the_directory_in_a_new_window(client, two_states):
    body = client.get(WIDGET, {"state": "TH"}).content.decode()
    detail = "http://testserver" + two_states["th"].get_absolute_url()
    link = re.search(rf'<a [^>]*href="{re.escape(detail)}"[^>]*>(.*?)</a>', body, re.S)
    assert link is not None
    assert 'target="_blank"' in link.group(0) and 'rel="noopener"' in link.group(0)
    assert "(öffnet neues Fenster)" in link.group(1)


def test_widget_is_standalone_without_the_site_navigation(client, two_states):
    body = client.get(WIDGET).content.decode()
    assert '<html lang="de"' in body
    assert "/static/vendor/kern/kern.min.css" in body
    assert "Hauptnavigation" not in body
    assert "Zum Inhalt springen" not in body


def test_widget_is_capped_and_links_to_the_whole_filtered_directory(client, monkeypatch):
    monkeypatch.setattr(views_widget, "WIDGET_LIMIT", 3)
    for n in range(5):
        InitiativeFactory(name=f"Initiative {n}")
    body = client.get(WIDGET, {"state": "TH", "view": "list"}).content.decode()
    assert body.count("(öffnet neues Fenster)</span></a></th>") == 3
    assert "5 Initiativen – die ersten 3 sind aufgeführt" in body
    more = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Alle im Verzeichnis ansehen', body)
    assert more is not None
    assert html.unescape(more.group(1)) == "http://testserver/initiativen/?state=TH"


def test_unfiltered_widget_links_to_the_whole_directory(client):
    body = client.get(WIDGET).content.decode()
    assert 'href="http://testserver/initiativen/" target="_blank"' in body


def test_widget_never_shows_contacts(client):
    initiative = InitiativeFactory()
    ContactPersonFactory(initiative=initiative, consented=True, name="Erika Einverstanden")
    for view in ("list", "map"):
        body = client.get(WIDGET, {"view": view}).content.decode()
        assert "Erika" not in body
        assert "@example.org" not in body


def test_widget_with_an_invalid_filter_says_which_parameter(client):
    response = client.get(WIDGET, {"founded_from": "abc"})
    assert response.status_code == 400
    assert "Parameter „founded_from“: Bitte eine Zahl eingeben." in response.content.decode()


def test_widget_may_be_framed_by_any_site_and_is_cacheable(client, two_states):
    response = client.get(WIDGET, {"state": "TH"})
    assert "X-Frame-Options" not in response.headers
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "script-src 'self'" in policy  # the rest of the site's policy still holds
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


@pytest.mark.parametrize("url", [BUILDER, "/datenquellen/", "/api/v1/initiatives/"])
def test_every_other_page_still_refuses_framing(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_widget_routes_are_not_taken_for_initiative_slugs():
    assert resolve(WIDGET).func is views_widget.widget
    assert resolve(BUILDER).func is views_widget.widget_builder


# --- the map --------------------------------------------------------------------------------
def test_map_places_initiatives_at_their_district_and_skips_those_without(client, set_centroid):
    eichsfeld = DistrictFactory(ags="16061", name="Eichsfeld")
    gotha = DistrictFactory(ags="16067", name="Gotha")
    DistrictFactory(ags="16068", name="Ohne Punkt")
    set_centroid(eichsfeld, "51.3800", "10.1900")
    set_centroid(gotha, "50.9000", "10.6000")
    InitiativeFactory(name="Sitz im Eichsfeld", seat_district=eichsfeld)
    covering = InitiativeFactory(name="Deckt Gotha ab")
    covering.districts.set([gotha])
    InitiativeFactory(name="Ohne Ort")

    points = views_widget.initiative_points(initiatives_public())
    assert [(p["name"], p["lat"], p["lon"]) for p in points] == [
        ("Deckt Gotha ab", 50.9, 10.6),
        ("Sitz im Eichsfeld", 51.38, 10.19),
    ]

    body = client.get(WIDGET, {"view": "map"}).content.decode()
    data = json.loads(re.search(r'id="widget-points"[^>]*>(.*?)</script>', body, re.S).group(1))
    assert [p["name"] for p in data] == ["Deckt Gotha ab", "Sitz im Eichsfeld"]
    assert data[0]["url"].startswith("http://testserver/")
    # The accessible list is always there, with the entry the map cannot place.
    assert "Ohne Ort" in body
    assert "/static/vendor/leaflet/leaflet.js" in body
    assert "/static/registry/widget-map.js" in body


def test_map_draws_no_tiles_unless_configured(client, settings):
    settings.MAP_TILE_URL = ""
    body = client.get(WIDGET, {"view": "map"}).content.decode()
    assert 'data-tile-url=""' in body
    settings.MAP_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    body = client.get(WIDGET, {"view": "map"}).content.decode()
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in body


def test_list_view_loads_no_map_code(client):
    body = client.get(WIDGET, {"view": "list"}).content.decode()
    assert "leaflet" not in body


# --- titles ---------------------------------------------------------------------------------
def _cleaned(query: str) -> dict[str, Any]:
    filterset = InitiativeFilter(QueryDict(query), queryset=initiatives_public())
    assert filterset.is_valid()
    return filterset.form.cleaned_data


def test_titles_say_what_the_widget_shows():
    StateFactory()
    sachsen()
    assert views_widget.widget_title(_cleaned(""), "list") == "Industrieinitiativen in Deutschland"
    assert (
        views_widget.widget_title(_cleaned("state=TH&state=SN"), "map")
        == "Karte der Industrieinitiativen in Sachsen und Thüringen"
    )
    assert FieldOfAction.objects.filter(code=FieldOfActionCode.ENERGY).exists()
    assert (
        views_widget.widget_title(_cleaned("state=TH&field=energy"), "list")
        == "Industrieinitiativen in Thüringen – Energie, Klima und Transformation"
    )


# --- the builder ----------------------------------------------------------------------------
def _snippet(body: str) -> str:
    match = re.search(r'<textarea[^>]*id="widget-snippet"[^>]*>(.*?)</textarea>', body, re.S)
    assert match is not None
    return html.unescape(match.group(1))


def test_builder_shows_a_snippet_with_the_filters_and_a_title(client, two_states):
    body = client.get(BUILDER, {"state": "TH", "view": "list"}).content.decode()
    assert _snippet(body) == (
        '<iframe src="http://testserver/initiativen/widget/?state=TH&view=list" '
        'title="Industrieinitiativen in Thüringen" loading="lazy" width="100%" height="480" '
        'style="border:0"></iframe>'
    )
    # The live preview is the snippet itself.
    assert '<iframe src="http://testserver/initiativen/widget/?state=TH&view=list"' in body


def test_builder_offers_the_directory_filters_and_the_views(client):
    StateFactory()
    body = client.get(BUILDER).content.decode()
    assert '<form method="get"' in body
    for name in ("q", "state", "level", "status", "field", "view", "height", "title"):
        assert f'name="{name}"' in body
    assert re.search(r'<input type="radio" name="view" value="list"[^>]*checked', body)
    assert "/initiativen/widget/?view=list" in _snippet(body)


def test_builder_uses_a_custom_title_and_escapes_it(client):
    body = client.get(
        BUILDER, {"view": "map", "height": 600, "title": 'Initiativen "bei uns" <b>'}
    ).content.decode()
    snippet = _snippet(body)
    assert 'title="Initiativen &quot;bei uns&quot; &lt;b&gt;"' in snippet
    assert 'height="600"' in snippet
    assert "view=map" in snippet
    assert "<b>" not in body.replace("&lt;b&gt;", "")


def test_builder_explains_invalid_choices_and_offers_no_snippet(client):
    response = client.get(BUILDER, {"height": 50, "state": "XX"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bitte prüfen Sie Ihre Auswahl" in body
    assert "Höhe in Pixeln: Dieser Wert muss größer oder gleich 200 sein." in body
    assert 'id="widget-snippet"' not in body


def test_builder_keeps_directory_filters_it_has_no_field_for(client):
    StateFactory()
    body = client.get(BUILDER, {"state": "TH", "tripartite": "true", "view": "list"}).content
    body = body.decode()
    assert '<input type="hidden" name="tripartite" value="true">' in body
    assert "state=TH&tripartite=true&view=list" in _snippet(body)


def test_builder_names_a_bad_directory_filter(client):
    body = client.get(BUILDER, {"sort": "zufall"}).content.decode()
    assert "Parameter „sort“:" in body
    assert 'id="widget-snippet"' not in body


def test_builder_copy_button_is_an_enhancement(client):
    body = client.get(BUILDER).content.decode()
    assert re.search(r"<button[^>]*hidden[^>]*data-copy-target", body, re.S)
    assert "/static/registry/widget-builder.js" in body


# --- in the browser -------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "path",
    [
        f"{BUILDER}?state=TH&view=list",
        f"{WIDGET}?state=TH&view=list",
        f"{WIDGET}?view=map",
    ],
)
def test_builder_and_widget_pass_axe(page, path):
    StateFactory()
    InitiativeFactory(name="Bündnis für Industrie Thüringen", seat="Erfurt")
    InitiativeFactory(name="Zukunft Eichsfeld")
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    assert "Industrieinitiativen in " in page.content()
    if path.startswith(WIDGET):
        assert "Bündnis für Industrie Thüringen" in page.content()
    violations = test_accessibility._axe(page)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert page.outside_requests == []
