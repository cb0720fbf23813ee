"""The dashboard in a real browser as the ministry sees it: axe-core, the map draws, and
every chart has its table alternative."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings

from industriedialog.accounts.roles import Role
from industriedialog.advisory.tests.factories import ConsultationFactory
from industriedialog.common.tests import test_accessibility
from industriedialog.common.tests.test_accessibility import browser, page  # noqa: F401
from industriedialog.regions.models import District
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.reporting.demo import load_demo_reporting

from .factories import user_with

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _session(page, live_server, role):  # type: ignore[no-untyped-def]  # noqa: F811
    from django.test import Client

    from industriedialog.accounts.tests.factories import login_with_second_factor

    client = Client()
    login_with_second_factor(client, user_with(role))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_dashboard_passes_axe_and_draws_the_map(page, live_server, regions) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    load_demo_reporting()
    initiative = InitiativeFactory(name="Industriedialog Eichsfeld")
    initiative.districts.set([District.objects.get(ags="16061")])
    ConsultationFactory(date=datetime.date(2025, 3, 3), initiatives=[initiative])
    _session(page, live_server, Role.MINISTRY)
    page.goto(page.base_url + "/intern/berichte/?zeitraum=" + str(_period_2025()))
    page.wait_for_selector("#reached-map[data-ready='1']", timeout=15000)
    violations = test_accessibility._axe(page)
    assert violations == [], [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in violations
    ]
    assert page.outside_requests == []
    assert (
        page.locator("svg.chart[role='img']").count()
        == page.locator(".report-chart__data table").count()
        > 5
    )
    page.get_by_text("Kreise mit erreichten Initiativen").click()
    assert page.get_by_text("Eichsfeld: 1").is_visible()


def _period_2025() -> int:
    from industriedialog.reporting.models import Period

    return Period.objects.get(label="2025").pk
