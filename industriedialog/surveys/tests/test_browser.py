"""Respondent pages and the results page in a real browser: axe-core, keyboard-only answering,
and charts drawn from the app's own Chart.js."""

from __future__ import annotations

import pytest

from industriedialog.common.tests.test_accessibility import browser, page, wait_until  # noqa: F401
from industriedialog.registry.tests.test_browser import _assert_accessible

from .factories import make_survey, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def survey(regions):  # type: ignore[no-untyped-def]
    return make_survey()


def test_survey_pages_pass_axe_including_errors_saved_and_thanks(page, survey):  # noqa: F811
    page.goto(f"{page.base_url}/umfragen/{survey.slug}/")
    _assert_accessible(page)
    page.get_by_label("Ja").check()
    page.get_by_role("button", name="Weiter").click()
    page.wait_for_selector("text=Seite 2 von 2")
    page.fill("#id_q3", "500")
    page.get_by_role("button", name="Antworten absenden").click()
    page.wait_for_selector("#error-summary")
    assert "Bitte geben Sie eine Zahl bis 100 ein." in page.inner_text("#error-summary")
    _assert_accessible(page)
    page.fill("#id_q3", "50")  # invalid input is never saved, also not "for later"
    page.get_by_role("button", name="Zwischenspeichern und später fortsetzen").click()
    page.wait_for_selector(".resume-link")
    _assert_accessible(page)
    page.click(".resume-link")
    page.wait_for_selector("text=Seite 2 von 2")
    assert page.input_value("#id_q3") == "50"
    page.get_by_label("2 – gut").check()
    page.get_by_role("button", name="Antworten absenden").click()
    page.wait_for_selector("text=Vielen Dank für Ihre Teilnahme!")
    _assert_accessible(page)


def _tab_to(pg, text: str) -> None:  # type: ignore[no-untyped-def]
    for _ in range(10):
        pg.keyboard.press("Tab")
        if pg.evaluate("document.activeElement.textContent.trim()") == text:
            return
    raise AssertionError(f"{text!r} is not reachable with the Tab key")


def test_a_survey_can_be_answered_with_the_keyboard_only(page, survey):  # noqa: F811
    from industriedialog.surveys.models import Answer

    page.goto(f"{page.base_url}/umfragen/{survey.slug}/")
    page.focus("#id_q1_0")
    page.keyboard.press("Space")  # "Ja"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_q2"
    page.keyboard.type("Bayern")
    _tab_to(page, "Weiter")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Seite 2 von 2")
    page.focus("#id_q3")
    page.keyboard.type("12")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # into the grade radio group: "2 – gut"
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("id_q4_")
    page.keyboard.press("Space")
    _tab_to(page, "Antworten absenden")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Vielen Dank für Ihre Teilnahme!")
    assert Answer.objects.get(question_key="q2").choice == "BY"
    assert Answer.objects.get(question_key="q3").number == 12


def test_results_page_passes_axe_and_draws_charts(page, survey):  # noqa: F811
    from industriedialog.accounts.roles import Role
    from industriedialog.accounts.tests.factories import PASSWORD, UserFactory

    for state, grade in [("BY", "2"), ("BY", "3"), ("SH", "1")]:
        submit(survey, {"q1": "o1", "q2": state, "q4": grade})
    from industriedialog.surveys.models import Survey

    Survey.objects.filter(pk=survey.pk).update(is_shared_with_ministry=True)
    ministry = UserFactory(roles=[Role.MINISTRY])
    page.goto(f"{page.base_url}/konto/login/")
    page.fill("#id_login", ministry.email)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{page.base_url}/umfragen/auswertung/{survey.pk}/?rows=q2&columns=q4")
    wait_until(page, "document.querySelectorAll('canvas').length > 0 && !!window.Chart")
    page.wait_for_timeout(300)
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('canvas')).filter(c => Chart.getChart(c)).length"
    )
    assert drawn == page.locator("canvas").count() >= 4
    # the state question's choropleth: drawn from the committed shapes, 16 states
    page.wait_for_selector("#map-q2[data-ready='1']")
    assert page.locator("#map-q2 path.leaflet-interactive").count() == 16
    _assert_accessible(page)
