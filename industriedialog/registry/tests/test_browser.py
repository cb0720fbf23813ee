"""The directory in a real browser: accessibility (axe-core), the htmx filter flow, the map."""

from __future__ import annotations

import pytest

from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page, wait_until  # noqa: F401
from industriedialog.registry.tests.factories import InitiativeFactory, tripartite_initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assert_accessible(pg) -> None:  # type: ignore[no-untyped-def]
    violations = test_accessibility._axe(pg)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert pg.outside_requests == []


@pytest.fixture
def directory(regions):  # type: ignore[no-untyped-def]
    from industriedialog.regions.models import District, State

    thuringia = State.objects.get(code="TH")
    tripartite_initiative(
        name="Bündnis für Fachkräftesicherung",
        slug="buendnis-fachkraefte",
        states=[thuringia],
        seat_district=District.objects.get(ags="16051"),
    )
    InitiativeFactory(name="Energieforum Nord", states=[State.objects.get(code="SH")])


@pytest.mark.parametrize(
    "path", ["/initiativen/", "/initiativen/buendnis-fachkraefte/", "/initiativen/karte/"]
)
def test_directory_pages_pass_axe(page, directory, path):  # noqa: F811
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    _assert_accessible(page)


def test_filtering_updates_results_and_url_without_reload(page, directory):  # noqa: F811
    page.goto(page.base_url + "/initiativen/")
    page.evaluate("window.__noReload = true")
    page.get_by_label("Thüringen").check()
    page.wait_for_url("**state=TH**")
    assert page.locator("#results-heading").inner_text() == "1 Initiative"
    assert page.evaluate("window.__noReload") is True  # the page was not reloaded
    page.reload()  # the URL alone reproduces the filter state
    assert page.get_by_label("Thüringen").is_checked()
    assert "Energieforum Nord" not in page.locator("#results").inner_text()


def test_search_works_with_the_keyboard_only(page, directory):  # noqa: F811
    page.goto(page.base_url + "/initiativen/")
    page.focus("#id_q")
    page.keyboard.type("Fachkräfte")
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('#results-heading').innerText.startsWith('1 ')")
    assert "Bündnis für Fachkräftesicherung" in page.locator("#results").inner_text()


def test_map_draws_a_marker_per_located_initiative(page, directory):  # noqa: F811
    page.goto(page.base_url + "/initiativen/karte/")
    page.wait_for_selector(".leaflet-interactive")
    assert page.locator("path.leaflet-interactive").count() == 1
    assert "Energieforum Nord" in page.locator(".map-list").inner_text()  # listed, not placed
