"""Browser tests: axe-core in headless Chromium on the key pages, and keyboard use."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(settings.BASE_DIR) / "node_modules/axe-core/axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium fehlt: apt-get install chromium chromium-driver")
        pytest.skip("Chromium ist nicht installiert (apt-get install chromium)")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield b
            b.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server, site_pages):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    outside = []
    pg.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None
        ),
    )
    refused: list[str] = []
    pg.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    pg.base_url = live_server.url  # type: ignore[attr-defined]
    pg.outside_requests = outside  # type: ignore[attr-defined]
    pg.csp_violations = refused  # type: ignore[attr-defined]
    yield pg
    context.close()


def wait_until(pg, expression: str, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until ``expression`` is truthy in the page. Playwright's ``wait_for_function``
    evaluates its predicate with ``eval`` inside the page, which the Content-Security-Policy
    (no 'unsafe-eval') refuses; ``evaluate`` goes through DevTools and is not affected."""
    for _ in range(timeout_ms // 50):
        if pg.evaluate(expression):
            return
        pg.wait_for_timeout(50)
    raise AssertionError(f"Nicht erfüllt nach {timeout_ms} ms: {expression}")


def _axe(pg) -> list[dict]:
    # Evaluated through DevTools rather than added as a <script>: the page's
    # Content-Security-Policy (no inline scripts) would refuse an injected script tag.
    if not pg.evaluate("typeof window.axe !== 'undefined'"):
        pg.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = pg.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', "
        "'wcag21aa', 'best-practice']})"
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize(
    "path", ["/", "/konto/login/", "/gibt-es-nicht/", "/en/", "/leichte-sprache/"]
)
def test_no_serious_or_critical_axe_violations(page, path):
    page.goto(page.base_url + path)
    violations = _axe(page)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert page.outside_requests == []


def test_login_form_errors_pass_axe_too(page):
    page.goto(page.base_url + "/konto/login/")
    page.fill("#id_login", "niemand@example.org")
    page.fill("#id_password", "falsch")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "E-Mail-Adresse und/oder das Passwort" in page.content()
    assert _axe(page) == []


def test_first_tab_reaches_skip_link_which_jumps_to_main(page):
    page.goto(page.base_url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    assert page.is_visible(".skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_keyboard_user_can_log_in(page):
    from industriedialog.accounts.tests.factories import PASSWORD, UserFactory

    user = UserFactory()
    page.goto(page.base_url + "/konto/login/")
    page.focus("#id_login")
    page.keyboard.type(user.email)
    page.keyboard.press("Tab")
    # The "Passwort vergessen?" link may sit between the fields; tab until the password field.
    for _ in range(3):
        if page.evaluate("document.activeElement.id") == "id_password":
            break
        page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/profil/")
    assert "Mein Konto" in page.content()
