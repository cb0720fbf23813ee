"""The consultation form and list in a real browser: axe-core, the type-to-filter picker
with the keyboard, and the error summary."""

from __future__ import annotations

import pytest
from django.conf import settings

from industriedialog.advisory.models import Consultation
from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page  # noqa: F401
from industriedialog.registry.services import vocabularies_ensure
from industriedialog.registry.tests.factories import InitiativeFactory

from .factories import ConsultationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assert_accessible(pg) -> None:  # type: ignore[no-untyped-def]
    violations = test_accessibility._axe(pg)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert pg.outside_requests == []


@pytest.fixture
def staff(page, live_server):  # type: ignore[no-untyped-def]  # noqa: F811
    from django.test import Client

    from industriedialog.registry.tests.factories import staff_login

    vocabularies_ensure()
    client = Client()
    user = staff_login(client)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return user


def test_list_passes_axe(page, staff):  # noqa: F811
    initiative = InitiativeFactory(name="Industriedialog Rhein-Mosel")
    ConsultationFactory(
        initiatives=[initiative], follow_up="Rückruf", follow_up_due_on="2020-01-01"
    )
    page.goto(page.base_url + "/intern/beratungen/")
    assert page.locator("table.data-table", has_text="Industriedialog Rhein-Mosel").count() == 1
    _assert_accessible(page)


def test_form_with_keyboard_picker_and_error_summary(page, staff):  # noqa: F811
    for name in (
        "Bündnis für Industrie Thüringen",
        "Industriedialog Rhein-Mosel",
        "Masterplan Industrie Frankfurt",
    ):
        InitiativeFactory(name=name)
    page.goto(page.base_url + "/intern/beratungen/neu/")
    _assert_accessible(page)
    # submit empty: error summary, axe-clean, links focus the field
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("#error-summary")
    _assert_accessible(page)
    page.locator("#error-summary a", has_text="Zusammenfassung").click()
    assert page.evaluate("document.activeElement.id") == "id_summary"

    # keyboard only: type to filter the initiatives, arrow into the list, pick one
    page.locator("#id_kind_3").check()  # Vor-Ort-Besuch
    page.fill("#id_duration_minutes", "90")
    box = page.get_by_label("Initiativen: Liste filtern")
    box.focus()
    page.keyboard.type("rhein")
    assert page.locator("#id_initiatives_status").inner_text().startswith("1 Einträge angezeigt")
    page.keyboard.press("ArrowDown")  # into the select
    page.keyboard.press("ArrowDown")  # first visible option
    assert page.evaluate("document.activeElement.id") == "id_initiatives"
    page.fill("#id_summary", "Besuch in Koblenz.")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_selector("h1:has-text('Vor-Ort-Besuch')")
    c = Consultation.objects.get()
    assert [i.name for i in c.initiatives.all()] == ["Industriedialog Rhein-Mosel"]
    _assert_accessible(page)
