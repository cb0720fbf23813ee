"""The white-spot map in a real browser: accessibility (axe-core), the district list as the
keyboard-reachable alternative to the map, and a click on the map."""

from __future__ import annotations

import pytest

from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page  # noqa: F401
from industriedialog.regions.models import District, State
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.registry.vocabularies import Level

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def covered(regions):  # type: ignore[no-untyped-def]
    from industriedialog.regions.demo import demo_indicators_load

    thuringia = State.objects.get(code="TH")
    InitiativeFactory(name="Bündnis für Industrie Thüringen", level=Level.STATE, states=[thuringia])
    erfurt = InitiativeFactory(name="Industrieregion Erfurt", states=[thuringia])
    erfurt.districts.set([District.objects.get(ags="16051")])
    demo_indicators_load()


def _assert_accessible(pg) -> None:  # type: ignore[no-untyped-def]
    violations = test_accessibility._axe(pg)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert pg.outside_requests == []


@pytest.mark.parametrize("query", ["", "?ansicht=indicator"])
def test_map_page_passes_axe(page, covered, query):  # noqa: F811
    from industriedialog.regions.models import Indicator

    if query:
        query = f"?ansicht={Indicator.objects.order_by('pk').first().pk}"
    page.goto(page.base_url + "/weisse-flecken/" + query)
    page.wait_for_selector("#ws-map[data-ready]")
    page.locator(".ws-district", has_text="Eichsfeld").click()
    page.wait_for_selector("[data-card-ags='16061']")
    _assert_accessible(page)


def test_district_card_opens_with_the_keyboard_from_the_list(page, covered):  # noqa: F811
    page.goto(page.base_url + "/weisse-flecken/")
    page.wait_for_selector("#ws-map[data-ready]")
    link = page.locator(".ws-district", has_text="Eichsfeld")
    for _ in range(60):  # Tab to the jump link of Thüringen, follow it, tab on
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == "#land-TH":
            break
    else:
        pytest.fail("Der Sprunglink zu Thüringen ist mit Tab nicht erreichbar")
    page.keyboard.press("Enter")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.ags") == "16061":
            break
    else:
        pytest.fail("Eichsfeld in der Kreisliste ist mit Tab nicht erreichbar")
    page.keyboard.press("Enter")
    card = page.locator("#ws-card")
    card.locator("[data-card-ags='16061']").wait_for()
    assert "nur Initiative auf Landesebene" in card.inner_text()
    assert "Bündnis für Industrie Thüringen" in card.inner_text()
    assert page.evaluate("document.activeElement.id") == "card-heading"
    assert "/weisse-flecken/kreis/" not in page.url  # the card loaded in place
    assert link.is_visible()


def test_clicking_a_district_on_the_map_opens_its_card(page, covered):  # noqa: F811
    page.goto(page.base_url + "/weisse-flecken/")
    page.wait_for_selector("#ws-map[data-ready]")
    assert page.locator("path.leaflet-interactive").count() == 400
    page.locator("path.leaflet-interactive").nth(0).click(force=True)
    page.wait_for_selector("[data-card-ags]")
    assert page.locator("[data-card-ags]").get_attribute("data-card-ags") == "01001"


def test_district_page_without_javascript_route_passes_axe(page, covered):  # noqa: F811
    page.goto(page.base_url + "/weisse-flecken/kreis/16061/")
    assert "Eichsfeld" in page.locator("main").inner_text()
    _assert_accessible(page)
