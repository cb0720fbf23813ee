"""Reports: issuing freezes the figures and renders PDF and DOCX once; the report's figures
are the dashboard's."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from industriedialog.accounts.roles import Role
from industriedialog.advisory.tests.factories import ConsultationFactory
from industriedialog.events.tests.factories import EventFactory, attended
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.reporting import rendering, selectors, services
from industriedialog.reporting.models import Report

from .factories import at, login_as, make_indicator, make_project, make_task, period

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 5, 6)


@pytest.fixture
def project():  # type: ignore[no-untyped-def]
    project = make_project()
    task = make_task(project, 1)
    make_indicator(task, "Beratungen", "consultations", {"2025": 3, "Gesamt": 10})
    make_indicator(task, "Initiativen erreicht", "initiatives_reached", {"2025": 2})
    make_indicator(task, "Veranstaltungen", "events_held", {"2025": 1})
    make_indicator(
        make_task(project, 4, "Qualität messen"), "Selbstbewertungen", "assessments_completed"
    )
    initiatives = InitiativeFactory.create_batch(2)
    ConsultationFactory.create_batch(2, date=DAY, initiatives=initiatives[:1])
    attended(EventFactory(starts_at=at(DAY), ends_at=at(DAY, 14)), initiative=initiatives[1])
    return project


def _report(project, **kwargs):  # type: ignore[no-untyped-def]
    return services.report_create(
        project=project,
        period=period(project, "2025"),
        kind=Report.Kind.FINAL,
        title="Abschlussbericht 2025",
        actor=None,
        **kwargs,
    )


def _by_name(tasks):  # type: ignore[no-untyped-def]
    return {
        row["name"]: (row["target"], row["actual"], row["status"])
        for t in tasks
        for row in t["indicators"]
    }


def test_issuing_renders_pdf_and_docx_with_charts(project) -> None:  # type: ignore[no-untyped-def]
    report = _report(project)
    services.report_update_texts(
        report=report, actor=None, texts={"summary": "Ein gutes Jahr für die Servicestelle."}
    )
    services.report_issue(report=report, actor=None)
    report.refresh_from_db()
    assert report.status == Report.Status.ISSUED
    assert report.pdf.open("rb").read(5) == b"%PDF-"
    with zipfile.ZipFile(report.docx.open("rb")) as docx:
        body = docx.read("word/document.xml").decode()
        images = [n for n in docx.namelist() if n.startswith("word/media/")]
    assert "Ein gutes Jahr für die Servicestelle." in body
    assert "Teilaufgabe 1: Initiativen unterstützen" in body
    assert "Modul noch nicht verfügbar" not in body  # every module is installed
    assert len(images) == 4  # one chart per indicator


def test_report_figures_equal_the_dashboard(client, project) -> None:  # type: ignore[no-untyped-def]
    report = _report(project)
    services.report_issue(report=report, actor=None)
    report.refresh_from_db()
    login_as(client, Role.MINISTRY)
    dashboard = client.get("/intern/berichte/", {"zeitraum": report.period_id})
    in_report = rendering.report_context(report.snapshot)["tasks"]
    assert _by_name(dashboard.context["tasks"]) == _by_name(in_report)
    assert _by_name(in_report)["Beratungen"] == (3, 2, selectors.OPEN)
    assert _by_name(in_report)["Initiativen erreicht"] == (2, 2, selectors.ACHIEVED)
    assert _by_name(in_report)["Selbstbewertungen"][1] == 0


def test_an_issued_report_does_not_change_with_later_data(client, project) -> None:  # type: ignore[no-untyped-def]
    report = _report(project)
    services.report_issue(report=report, actor=None)
    report.refresh_from_db()
    pdf_before = report.pdf.open("rb").read()
    ConsultationFactory.create_batch(5, date=DAY)
    report.refresh_from_db()
    assert (
        _by_name(rendering.report_context(services.report_content(report))["tasks"])["Beratungen"][
            1
        ]
        == 2
    )
    assert report.pdf.open("rb").read() == pdf_before
    live = selectors.figures_for_period(selectors.project_figures(project), report.period_id)
    assert _by_name(live)["Beratungen"][1] == 7
    login_as(client, Role.ADVISOR)
    page = client.get(report.get_absolute_url())
    assert _by_name(page.context["tasks"])["Beratungen"][1] == 2


def test_an_issued_report_cannot_be_issued_or_edited_again(project) -> None:  # type: ignore[no-untyped-def]
    report = _report(project)
    services.report_issue(report=report, actor=None)
    with pytest.raises(ValidationError):
        services.report_issue(report=report, actor=None)
    with pytest.raises(ValidationError):
        services.report_update_texts(report=report, actor=None, texts={"summary": "neu"})


def test_a_failed_rendering_is_shown_and_the_report_can_be_issued_again(
    project, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    def broken(content):  # type: ignore[no-untyped-def]
        raise RuntimeError("Schrift fehlt")

    monkeypatch.setattr(rendering, "render_pdf", broken)
    report = _report(project)
    services.report_issue(report=report, actor=None)
    report.refresh_from_db()
    assert (report.status, report.snapshot, report.error) == (
        Report.Status.FAILED,
        None,
        "Schrift fehlt",
    )
    monkeypatch.undo()
    services.report_issue(report=report, actor=None)
    report.refresh_from_db()
    assert report.status == Report.Status.ISSUED


def test_a_report_period_must_belong_to_the_project(project) -> None:  # type: ignore[no-untyped-def]
    other = make_project((2030,))
    with pytest.raises(ValidationError):
        services.report_create(
            project=project, period=period(other, "2030"), kind="final", title="x", actor=None
        )


def test_final_report_with_ten_charts_renders(project) -> None:  # type: ignore[no-untyped-def]
    task = project.tasks.get(number=1)
    for i in range(6):  # + the fixture's four
        make_indicator(task, f"Kennzahl {i}", "consultations", {"2025": i})
    report = _report(project)
    content = services.report_content(report)
    assert rendering.report_context(content)["chart_count"] == 10
    assert rendering.render_pdf(content).startswith(b"%PDF-")
    docx = Document(io.BytesIO(rendering.render_docx(content)))
    assert len(docx.inline_shapes) == 10


def test_rendering_runs_in_the_task_queue_and_the_page_shows_its_status(
    client, project, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    report = _report(project)
    login_as(client, Role.ADVISOR)
    client.post(f"/intern/berichte/berichte/{report.pk}/ausstellen/")
    report.refresh_from_db()
    assert report.status == Report.Status.RENDERING and not report.pdf
    status = client.get(f"/intern/berichte/berichte/{report.pk}/status/")
    assert "wird erzeugt" in status.text and 'hx-trigger="every 2s"' in status.text
    services.report_render(report_id=report.pk)
    status = client.get(f"/intern/berichte/berichte/{report.pk}/status/")
    assert "PDF herunterladen" in status.text and "hx-trigger" not in status.text
