"""The submission form (with htmx autosave) and the jury's scoring page in a real browser,
checked with axe-core."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from industriedialog.awards import services
from industriedialog.awards.models import Eligibility, Phase, Submission
from industriedialog.awards.tests.factories import call_with_parts, juror, pdf_upload
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


@pytest.fixture
def draft(db):  # type: ignore[no-untyped-def]
    call = call_with_parts()
    initiative = InitiativeFactory(name="Industriedialog Rhein-Mosel")
    rep = representative_of(initiative)
    submission = services.submission_start(
        call=call, category=call.categories.first(), initiative=initiative, actor=rep
    )
    return submission, rep


def test_submission_form_passes_axe_and_autosaves_with_htmx(page, live_server, draft):  # noqa: F811
    submission, rep = draft
    _sign_in(page, live_server, rep)
    page.goto(page.base_url + submission.get_absolute_url())
    _assert_accessible(page)
    page.evaluate("window.__noReload = true")
    page.fill(
        "#id_summary", "Schulen und Betriebe der Region lernen sich bei Werkstatttagen kennen."
    )
    page.locator("#id_team").focus()  # leaving the field triggers the autosave
    page.wait_for_selector("text=Entwurf automatisch gespeichert")
    assert page.evaluate("window.__noReload") is True
    submission.refresh_from_db()
    assert submission.answers["summary"].startswith("Schulen und Betriebe")
    # The completeness box was refreshed out of band: the summary is no longer missing.
    assert "Kurzbeschreibung" not in page.inner_text("#completeness")
    _assert_accessible(page)


def test_jury_scoring_page_passes_axe(page, live_server, draft):  # noqa: F811
    submission, rep = draft
    services.submission_save_answers(
        submission=submission,
        answers={"summary": "Werkstatttage für Schulen in allen Landkreisen.", "team": "Team"},
        actor=rep,
    )
    services.submission_upload(
        submission=submission,
        field=submission.call.fields.get(key="concept"),
        upload=pdf_upload(),
        actor=rep,
    )
    services.submission_submit(submission=submission, actor=rep)
    Submission.objects.filter(pk=submission.pk).update(eligibility=Eligibility.ELIGIBLE)
    call = submission.call
    call.phase = Phase.SCORING
    call.save()
    member = juror(first_name="Jana")
    submission.category.jurors.add(member)
    _sign_in(page, live_server, member)
    page.goto(page.base_url + f"/jury/beitrag/{submission.pk}/")
    _assert_accessible(page)
    for field in page.locator("input[type=number]").all():
        field.fill("4")
    page.get_by_role("button", name="Bewertung speichern").click()
    page.wait_for_selector("text=Ihre Bewertung ist gespeichert.")
    assert submission.scores.filter(juror=member).count() == 3
    page.goto(page.base_url + f"/jury/aufruf/{call.pk}/")
    assert "1 von 1 Beiträgen vollständig bewertet" in page.inner_text("main")
    _assert_accessible(page)
