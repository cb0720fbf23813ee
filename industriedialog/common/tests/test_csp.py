"""Content-Security-Policy: the header on every kind of page, and the main public and staff
pages in headless Chromium with the policy enforced: any refused script, style, image or
frame fails the test (console "Refused to ..." and the securitypolicyviolation event)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from industriedialog.common.tests.test_accessibility import browser  # noqa: F401
from industriedialog.events.tests.factories import EventFactory, attended
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    staff_login,
)
from industriedialog.surveys.tests.factories import make_survey, submit

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.mark.django_db
def test_public_pages_send_a_policy_without_unsafe_inline(client):
    policy = client.get("/datenquellen/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


@pytest.mark.django_db
def test_only_the_wagtail_admin_gets_the_looser_policy(client):
    staff_login(client)
    cms = client.get("/cms/", follow=True)
    assert "'unsafe-inline'" in cms["Content-Security-Policy"]
    assert "object-src 'none'" in cms["Content-Security-Policy"]
    staff_page = client.get("/intern/")
    assert staff_page.status_code == 200
    assert "unsafe-inline" not in staff_page["Content-Security-Policy"]


@pytest.fixture
def content(db, site_pages):  # type: ignore[no-untyped-def]
    initiative = InitiativeFactory(name="Bündnis für Industrie Thüringen", slug="buendnis-th")
    ContactPersonFactory(initiative=initiative, consented=True)
    event = EventFactory(title="Netzwerktreffen", slug="netzwerktreffen", capacity=30)
    attended(event, name="Anna Becker")
    survey = make_survey(slug="testumfrage")
    q1 = survey.questions.order_by("position").first()
    submit(survey, {q1.key: q1.options[0]["key"]})
    return {"initiative": initiative, "event": event, "survey": survey}


PUBLIC_PATHS = [
    "/",
    "/en/",
    "/initiativen/",
    "/initiativen/karte/",
    "/initiativen/buendnis-th/",
    "/initiativen/einbetten/",
    "/initiativen/widget/?view=map",
    "/weisse-flecken/",
    "/veranstaltungen/",
    "/veranstaltungen/netzwerktreffen/",
    "/veranstaltungen/netzwerktreffen/anmelden/",
    "/umfragen/testumfrage/",
    "/newsletter/",
    "/wissen/",
    "/suche/?q=Industrie",
    "/datenquellen/",
    "/konto/login/",
    "/konto/signup/",
    "/gibt-es-nicht/",
]
STAFF_PATHS = [
    "/intern/",
    "/intern/initiativen/",
    "/intern/initiativen/{initiative}/bearbeiten/",
    "/intern/veranstaltungen/",
    "/intern/veranstaltungen/{event}/teilnehmende/",
    "/intern/veranstaltungen/{event}/check-in/",
    "/intern/umfragen/",
    "/umfragen/auswertung/{survey}/",
    "/weisse-flecken/rangliste/",
    "/intern/gruendungen/",
    "/intern/datenschutz/",
]


def _visit_all(browser, live_server, paths, cookie=None):  # type: ignore[no-untyped-def]  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if cookie:
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    problems = {}
    try:
        for path in paths:
            refused.clear()
            response = page.goto(live_server.url + path)
            assert response is not None and response.status < 500, path
            assert "content-security-policy" in response.headers, path
            page.wait_for_load_state("networkidle")
            found = refused + page.evaluate("window.__cspViolations")
            if found:
                problems[path] = found
    finally:
        context.close()
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_public_pages_run_without_csp_violations(browser, live_server, content):  # noqa: F811
    assert _visit_all(browser, live_server, PUBLIC_PATHS) == {}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_pages_run_without_csp_violations(browser, live_server, content):  # noqa: F811
    client = Client()
    staff_login(client)
    paths = [
        path.format(
            initiative=content["initiative"].pk,
            event=content["event"].pk,
            survey=content["survey"].pk,
        )
        for path in STAFF_PATHS
    ]
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert _visit_all(browser, live_server, paths, cookie) == {}
