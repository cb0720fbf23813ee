"""axe-core in headless Chromium on every knowledge page type; no third-party requests."""

import pytest

from industriedialog.common.tests.test_accessibility import _axe, browser, page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_pages(transactional_db):  # type: ignore[no-untyped-def]
    """The live server needs committed data: no shared, rolled-back demo site here."""
    from industriedialog.knowledge.services import site_setup

    return site_setup()


PAGES = [
    "/wissen/",
    "/werkzeugkiste/",
    "/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/",
    "/werkzeugkiste/veranstaltungsplanung/",
    "/werkzeugkiste/good-practice/ausbildungsbotschafter/",
    "/empfehlungen/?zielgruppe=politik",
    "/empfehlungen/empfehlungen-fuer-unternehmen/",
    "/aktuelles/neue-initiativen/",
    "/webinare/webinar-zukunftswerkstatt/",
    "/material/?art=vorlage",
    "/leichte-sprache/initiative-gruenden/",
    "/en/toolbox/event-formats/",
    "/en/toolbox/event-formats/future-workshop/",
    "/suche/?q=Zukunftswerkstatt+planen",
    "/suche/?q=nichtsgefunden",
]


def test_knowledge_pages_have_no_serious_axe_violations(page):  # noqa: F811
    """One test over all page types: the demo site is set up once (it takes seconds)."""
    problems = {}
    for path in PAGES:
        response = page.goto(page.base_url + path)
        violations = _axe(page)
        if response.status != 200 or violations:
            problems[path] = [response.status] + [
                (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
            ]
    assert problems == {}
    assert page.outside_requests == []


def test_recording_loads_from_the_video_site_only_after_the_consent_click(page):  # noqa: F811
    page.goto(page.base_url + "/webinare/webinar-zukunftswerkstatt/")
    assert page.outside_requests == []
    assert page.locator("iframe").count() == 0
    page.get_by_role("button", name="Video von video.example.org laden").press("Enter")
    page.wait_for_selector("iframe.knowledge-embed", state="attached")
    page.wait_for_timeout(300)
    assert any("video.example.org" in url for url in page.outside_requests)


def test_visitor_finds_a_format_by_search_and_switches_to_english(page):  # noqa: F811
    page.goto(page.base_url + "/suche/")
    page.fill("#id_q", "Zukunftswerkstatt planen")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("link", name="Zukunftswerkstatt", exact=True).click()
    page.wait_for_url("**/veranstaltungsformate/zukunftswerkstatt/")
    page.get_by_role("link", name="This page in English").click()
    page.wait_for_url("**/en/toolbox/event-formats/future-workshop/")
    assert page.locator("html").get_attribute("lang") == "en"
