"""The questionnaire and the result page in a real browser: axe-core, the error summary,
answering with the keyboard only."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from industriedialog.assessments import services
from industriedialog.assessments.models import Answer
from industriedialog.assessments.tests.factories import completed_assessment
from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page  # noqa: F401
from industriedialog.registry.tests.factories import InitiativeFactory, representative_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _assert_accessible(pg) -> None:  # type: ignore[no-untyped-def]
    violations = test_accessibility._axe(pg)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert pg.outside_requests == []


@pytest.fixture
def assessed(db, site_pages):  # type: ignore[no-untyped-def]
    services.catalogue_load_initial()
    initiative = InitiativeFactory(name="Industriedialog Testregion", slug="testregion")
    rep = representative_of(initiative)
    last_year = timezone.localdate().year - 1
    done = completed_assessment(initiative, levels=2, year=last_year, user=rep)
    services.assessment_targets_set(assessment=done, user=rep, targets={"impact": 3})
    for level in (1, 2, 3, 4, 4):
        completed_assessment(levels=level, year=last_year, opted_in=True)
    draft = services.assessment_start(initiative=initiative, user=rep)
    return {"rep": rep, "done": done, "draft": draft}


def _sign_in(page, live_server, user) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_questionnaire_passes_axe_and_errors_link_to_the_question(page, assessed, live_server):  # noqa: F811
    _sign_in(page, live_server, assessed["rep"])
    page.goto(f"{page.base_url}/selbstbewertung/bewertung/{assessed['draft'].pk}/schritt/2/")
    page.wait_for_load_state("networkidle")
    _assert_accessible(page)
    page.get_by_role("button", name="Weiter", exact=True).click()
    page.wait_for_selector("#error-summary")
    _assert_accessible(page)
    page.locator("#error-summary a").first.click()
    assert page.evaluate("document.activeElement.type") == "radio"


def test_a_step_can_be_answered_with_the_keyboard_only(page, assessed, live_server):  # noqa: F811
    _sign_in(page, live_server, assessed["rep"])
    page.goto(f"{page.base_url}/selbstbewertung/bewertung/{assessed['draft'].pk}/schritt/1/")
    radios = page.locator("input[type=radio]")
    radios.first.focus()
    page.keyboard.press("ArrowDown")  # level 2 of the first question
    page.locator("fieldset").nth(1).locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Weiter", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/schritt/2/")
    levels = sorted(
        Answer.objects.filter(user=assessed["rep"], assessment=assessed["draft"]).values_list(
            "level", flat=True
        )
    )
    assert levels == [1, 2]


def test_result_page_with_radar_chart_benchmark_and_peers_passes_axe(page, assessed, live_server):  # noqa: F811
    _sign_in(page, live_server, assessed["rep"])
    page.goto(f"{page.base_url}/selbstbewertung/bewertung/{assessed['done'].pk}/")
    page.wait_for_load_state("networkidle")
    assert page.locator("svg.radar[role=img]").count() == 1
    assert page.get_by_role("button", name="Kontakt anfragen").count() >= 1
    _assert_accessible(page)
