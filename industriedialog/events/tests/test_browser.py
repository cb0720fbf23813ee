"""The calendar, event and registration pages in a real browser: axe-core, keyboard-only
registration, and the staff check-in (htmx) and feedback charts."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page, wait_until  # noqa: F401
from industriedialog.events.models import Feedback, Registration
from industriedialog.events.tests.factories import EventFactory, attended, event_format

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assert_accessible(pg) -> None:  # type: ignore[no-untyped-def]
    violations = test_accessibility._axe(pg)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert pg.outside_requests == []


@pytest.fixture
def events(db):  # type: ignore[no-untyped-def]
    EventFactory(
        title="Zukunftswerkstatt für Jugendliche",
        slug="zukunftswerkstatt",
        kind="workshop",
        format=event_format("future_workshop"),
        description="Jugendliche entwickeln Bilder der Industrie von morgen.",
        venue_accessibility="Stufenloser Zugang",
        capacity=20,
    )
    start = timezone.now() - datetime.timedelta(days=5)
    past = EventFactory(
        title="Netzwerktreffen", slug="netzwerktreffen", starts_at=start, ends_at=start
    )
    for rating in (3, 4, 5):
        Feedback.objects.create(
            event=past,
            submitted_on=start.date(),
            rating_overall=rating,
            rating_content=rating,
            rating_organisation=rating,
            rating_usefulness=rating,
        )
    attended(past, name="Anna Becker")
    return past


@pytest.mark.parametrize(
    "path",
    [
        "/veranstaltungen/",
        "/veranstaltungen/?zeitraum=past",
        "/veranstaltungen/zukunftswerkstatt/",
        "/veranstaltungen/zukunftswerkstatt/anmelden/",
    ],
)
def test_event_pages_pass_axe(page, events, path):  # noqa: F811
    page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    _assert_accessible(page)


def test_registration_errors_pass_axe_and_link_to_the_fields(page, events):  # noqa: F811
    page.goto(page.base_url + "/veranstaltungen/zukunftswerkstatt/anmelden/")
    page.get_by_role("button", name="Anmeldung absenden").click()
    page.wait_for_selector(".kern-alert--danger")
    _assert_accessible(page)
    page.locator(".kern-alert--danger a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_name"


def test_registration_works_with_the_keyboard_only(page, events):  # noqa: F811
    page.goto(page.base_url + "/veranstaltungen/zukunftswerkstatt/anmelden/")
    page.focus("#id_name")
    page.keyboard.type("Erika Muster")
    page.keyboard.press("Tab")
    page.keyboard.type("erika@example.org")
    # Tab on through the optional fields to the two consent boxes and tick them with Space.
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_consents_to_list":
            break
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_privacy"
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Wir haben eine E-Mail an erika@example.org geschickt.")
    registration = Registration.objects.get(email="erika@example.org")
    assert (registration.name, registration.consents_to_list) == ("Erika Muster", True)


def _staff_session(page, live_server):  # type: ignore[no-untyped-def]  # noqa: F811
    from django.test import Client

    from industriedialog.registry.tests.factories import staff_login

    client = Client()
    staff_login(client)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_check_in_on_a_phone_with_htmx(page, events, live_server):  # noqa: F811
    _staff_session(page, live_server)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base_url + f"/intern/veranstaltungen/{events.pk}/check-in/")
    _assert_accessible(page)
    page.evaluate("window.__noReload = true")
    row = page.locator(".check-in__row", has_text="Anna Becker")
    row.locator("button", has_text="rückgängig").click()
    row.locator("button", has_text="Einchecken").wait_for()
    assert page.evaluate("window.__noReload") is True
    assert Registration.objects.get().attended_at is None


def test_feedback_charts_render_with_a_table_alternative(page, events, live_server):  # noqa: F811
    _staff_session(page, live_server)
    page.goto(page.base_url + f"/intern/veranstaltungen/{events.pk}/auswertung/")
    wait_until(page, "window.Chart && Object.keys(Chart.instances).length === 4")
    _assert_accessible(page)
