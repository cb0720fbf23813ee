"""axe-core in headless Chromium on the public newsletter pages; keyboard-only subscription."""

import pytest

from industriedialog.common.tests.test_accessibility import _axe, browser, page  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsletter_data(transactional_db):  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from industriedialog.newsletter.models import Issue

    from .factories import IssueFactory, topic

    for key in ("fachkraefte", "energie", "digitalisierung"):
        topic(key)
    issue = IssueFactory(subject="Newsletter Mai 2026")
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
    return issue


def test_newsletter_pages_have_no_serious_axe_violations(page, newsletter_data):  # noqa: F811
    problems = {}
    for path in (
        "/newsletter/",
        "/newsletter/archiv/",
        f"/newsletter/archiv/{newsletter_data.pk}/",
        "/newsletter/abmelden/ungueltig/",
    ):
        response = page.goto(page.base_url + path)
        violations = _axe(page)
        if response.status not in (200, 400) or violations:
            problems[path] = [response.status] + [(v["id"], v["help"]) for v in violations]
    assert problems == {}
    assert page.outside_requests == []


def test_form_errors_are_accessible_and_subscribing_works_by_keyboard(page, newsletter_data):  # noqa: F811
    from industriedialog.newsletter.models import Subscriber

    page.goto(page.base_url + "/newsletter/")
    page.get_by_role("button", name="Anmelden").press("Enter")
    page.wait_for_load_state()
    assert page.locator("#id_consent_error").get_by_text("Ohne Ihre Einwilligung").is_visible()
    # The error summary links to the field.
    assert page.locator('.kern-alert a[href="#id_consent"]').is_visible()
    assert _axe(page) == []
    page.get_by_label("E-Mail-Adresse", exact=True).fill("tastatur@beispiel.de")
    page.get_by_label("Energie, Klima und Transformation").check()
    page.get_by_label("Ich möchte den Newsletter", exact=False).check()
    page.get_by_role("button", name="Anmelden").press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("status").is_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
