"""Every page and every write: staff read and write; the ministry and the advisory board
only read; representatives, accounts without a role and visitors get nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from industriedialog.accounts.roles import Role
from industriedialog.reporting.models import (
    AgendaItem,
    BoardDocument,
    BoardMeeting,
    BoardMember,
    Decision,
    Indicator,
    ManualValue,
    Report,
    Target,
)

from .factories import login_as, make_indicator, make_project, make_task, period

pytestmark = pytest.mark.django_db

READERS = [Role.ADVISOR, Role.MINISTRY, Role.ADVISORY_BOARD]
READ_ONLY = [Role.MINISTRY, Role.ADVISORY_BOARD]
OUTSIDERS = [Role.REPRESENTATIVE, Role.JURY, None]


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    project = make_project()
    task = make_task(project)
    computed = make_indicator(task, "Beratungen", "consultations", {"2025": 10})
    manual = make_indicator(task, "Seitenaufrufe", "", {"2025": 100})
    evidence = ManualValue.objects.create(
        indicator=manual, period=period(project, "2025"), value=Decimal(120), note="Webanalyse"
    )
    evidence.evidence.save("webanalyse.pdf", ContentFile(b"%PDF-1.4 Nachweis"))
    draft = Report.objects.create(
        project=project, period=period(project, "2025"), kind="interim", title="Entwurf"
    )
    issued = Report.objects.create(
        project=project,
        period=period(project, "2025"),
        kind="final",
        title="Ausgestellt",
        status=Report.Status.ISSUED,
        snapshot=None,
    )
    issued.pdf.save("bericht.pdf", ContentFile(b"%PDF-1.4 Bericht"), save=False)
    issued.docx.save("bericht.docx", ContentFile(b"PK docx"), save=False)
    issued.save()
    member = BoardMember.objects.create(name="Dr. Albers", organisation="Verband", role="Vorsitz")
    meeting = BoardMeeting.objects.create(title="1. Sitzung", held_on=datetime.date(2025, 6, 17))
    document = BoardDocument(meeting=meeting, title="Protokollentwurf")
    document.file.save("protokoll.pdf", ContentFile(b"%PDF-1.4 Protokoll"))
    decision = Decision.objects.create(meeting=meeting, text="Rangliste vorlegen")
    return {
        "project": project,
        "task": task,
        "computed": computed,
        "manual": manual,
        "evidence": evidence,
        "draft": draft,
        "issued": issued,
        "member": member,
        "meeting": meeting,
        "document": document,
        "decision": decision,
    }


def read_urls(w):  # type: ignore[no-untyped-def]
    return [
        "/intern/berichte/",
        f"/intern/berichte/kennzahlen/{w['computed'].pk}/",
        f"/intern/berichte/kennzahlen/{w['manual'].pk}/",
        f"/intern/berichte/nachweise/{w['evidence'].pk}/",
        "/intern/berichte/berichte/",
        f"/intern/berichte/berichte/{w['issued'].pk}/status/",
        f"/intern/berichte/berichte/{w['issued'].pk}/pdf/",
        f"/intern/berichte/berichte/{w['issued'].pk}/docx/",
        "/intern/fachbeirat/",
        f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/",
        f"/intern/fachbeirat/unterlagen/{w['document'].pk}/",
    ]


def staff_pages(w):  # type: ignore[no-untyped-def]
    return [
        "/intern/berichte/kennzahlen/neu/",
        f"/intern/berichte/kennzahlen/{w['computed'].pk}/bearbeiten/",
        f"/intern/berichte/teilaufgaben/{w['task'].pk}/",
        f"/intern/berichte/berichte/{w['draft'].pk}/",
        "/intern/fachbeirat/mitglieder/neu/",
        f"/intern/fachbeirat/mitglieder/{w['member'].pk}/",
        "/intern/fachbeirat/sitzungen/neu/",
        f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/bearbeiten/",
        f"/intern/fachbeirat/beschluesse/{w['decision'].pk}/",
    ]


def writes(w):  # type: ignore[no-untyped-def]
    """(url, data) of every write, valid input."""
    p2025 = period(w["project"], "2025")
    return [
        (
            "/intern/berichte/kennzahlen/neu/",
            {"task": w["task"].pk, "name": "Neu", "computation": "events_held", "position": 1},
        ),
        (
            f"/intern/berichte/kennzahlen/{w['computed'].pk}/bearbeiten/",
            {
                "task": w["task"].pk,
                "name": "Beratungen (alle)",
                "computation": "consultations",
                "position": 0,
            },
        ),
        (f"/intern/berichte/kennzahlen/{w['computed'].pk}/ziele/", {f"period_{p2025.pk}": "12"}),
        (
            f"/intern/berichte/kennzahlen/{w['manual'].pk}/wert/",
            {"period": p2025.pk, "value": "130", "note": "neu gezählt"},
        ),
        (
            f"/intern/berichte/teilaufgaben/{w['task'].pk}/",
            {"title": "Vernetzen", "description": ""},
        ),
        (
            "/intern/berichte/berichte/",
            {"kind": "interim", "period": p2025.pk, "title": "Zwischenbericht"},
        ),
        (f"/intern/berichte/berichte/{w['draft'].pk}/", {"summary": "Zusammenfassung"}),
        (f"/intern/berichte/berichte/{w['draft'].pk}/ausstellen/", {}),
        (
            "/intern/fachbeirat/mitglieder/neu/",
            {"name": "Neu", "organisation": "IHK", "role": "Mitglied", "is_active": "on"},
        ),
        (
            f"/intern/fachbeirat/mitglieder/{w['member'].pk}/",
            {"name": "Dr. Albers", "organisation": "Verband", "role": "Mitglied"},
        ),
        ("/intern/fachbeirat/sitzungen/neu/", {"title": "2. Sitzung", "held_on": "2025-11-25"}),
        (
            f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/bearbeiten/",
            {"title": "1. Sitzung", "held_on": "2025-06-17", "minutes": "Protokoll"},
        ),
        (f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/tagesordnung/", {"title": "Begrüßung"}),
        (
            f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/unterlagen/",
            {"title": "Folien", "file": SimpleUploadedFile("folien.pdf", b"%PDF-1.4")},
        ),
        (
            f"/intern/fachbeirat/sitzungen/{w['meeting'].pk}/beschluesse/",
            {"text": "Umfrage durchführen", "status": "open"},
        ),
        (
            f"/intern/fachbeirat/beschluesse/{w['decision'].pk}/",
            {"text": "Rangliste vorlegen", "status": "done", "follow_up": "erledigt"},
        ),
    ]


def _state() -> tuple:
    return (
        Indicator.objects.count(),
        list(Indicator.objects.values_list("name", flat=True).order_by("pk")),
        list(Target.objects.values_list("value", flat=True).order_by("pk")),
        list(ManualValue.objects.values_list("value", "note")),
        list(Report.objects.values_list("title", "status", "texts").order_by("pk")),
        list(BoardMember.objects.values_list("name", "role").order_by("pk")),
        list(BoardMeeting.objects.values_list("title", "minutes").order_by("pk")),
        AgendaItem.objects.count(),
        BoardDocument.objects.count(),
        list(Decision.objects.values_list("text", "status").order_by("pk")),
    )


@pytest.mark.parametrize("role", READERS)
def test_readers_see_every_read_page(client, world, role) -> None:  # type: ignore[no-untyped-def]
    login_as(client, role)
    for url in read_urls(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", OUTSIDERS)
def test_outsiders_see_no_page(client, world, role) -> None:  # type: ignore[no-untyped-def]
    login_as(client, role)
    for url in read_urls(world) + staff_pages(world):
        assert client.get(url).status_code == 403, url


def test_visitors_are_sent_to_the_login(client, world) -> None:  # type: ignore[no-untyped-def]
    for url in read_urls(world) + staff_pages(world):
        response = client.get(url)
        assert response.status_code == 302 and "/konto/login/" in response["Location"], url
    for url, data in writes(world):
        assert client.post(url, data).status_code == 302, url


def test_staff_open_every_edit_page(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.ADVISOR)
    for url in staff_pages(world):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("role", READ_ONLY)
def test_read_only_roles_open_no_edit_page_and_see_no_draft(client, world, role) -> None:  # type: ignore[no-untyped-def]
    login_as(client, role)
    for url in staff_pages(world):
        assert client.get(url).status_code == 403, url
    reports = client.get("/intern/berichte/berichte/")
    assert "Ausgestellt" in reports.text and "Entwurf" not in reports.text


@pytest.mark.parametrize("role", [*READ_ONLY, *OUTSIDERS])
def test_nobody_but_staff_can_write(client, world, role) -> None:  # type: ignore[no-untyped-def]
    login_as(client, role)
    before = _state()
    for url, data in writes(world):
        assert client.post(url, data).status_code == 403, url
    assert _state() == before


def test_staff_writes_all_succeed(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.ADVISOR)
    for url, data in writes(world):
        assert client.post(url, data).status_code == 302, url
    assert Indicator.objects.filter(name="Beratungen (alle)").exists()
    assert Target.objects.get(indicator=world["computed"]).value == 12
    assert ManualValue.objects.get().note == "neu gezählt"
    world["draft"].refresh_from_db()
    assert world["draft"].status == Report.Status.ISSUED
    assert world["draft"].texts == {"summary": "Zusammenfassung"}
    assert AgendaItem.objects.get().title == "Begrüßung"
    assert BoardDocument.objects.count() == 2
    assert Decision.objects.get(pk=world["decision"].pk).status == "done"


def test_read_only_roles_see_no_edit_controls(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.MINISTRY)
    dashboard = client.get("/intern/berichte/")
    meeting = client.get(f"/intern/fachbeirat/sitzungen/{world['meeting'].pk}/")
    assert "Neue Kennzahl" not in dashboard.text
    assert "Beschluss eintragen" not in meeting.text
    assert "Rangliste vorlegen" in meeting.text


def test_dashboard_shows_target_actual_and_status(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.MINISTRY)
    page = client.get("/intern/berichte/", {"zeitraum": period(world["project"], "2025").pk})
    rows = {r["name"]: r for t in page.context["tasks"] for r in t["indicators"]}
    assert (rows["Seitenaufrufe"]["actual"], rows["Seitenaufrufe"]["status_label"]) == (
        120,
        "erreicht",
    )
    assert (rows["Beratungen"]["actual"], rows["Beratungen"]["status_label"]) == (0, "offen")
    assert "<svg" in page.text and "Werte als Tabelle" in page.text


def test_bad_target_input_gets_a_german_error_at_the_field(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.ADVISOR)
    p2025 = period(world["project"], "2025")
    response = client.post(
        f"/intern/berichte/kennzahlen/{world['computed'].pk}/ziele/", {f"period_{p2025.pk}": "-3"}
    )
    assert response.status_code == 400
    assert f'href="#id_period_{p2025.pk}"' in response.text
    assert "größer oder gleich 0" in response.text


def test_manual_value_needs_a_note(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.ADVISOR)
    p2025 = period(world["project"], "2025")
    response = client.post(
        f"/intern/berichte/kennzahlen/{world['manual'].pk}/wert/",
        {"period": p2025.pk, "value": "5"},
    )
    assert response.status_code == 400
    assert 'href="#id_note"' in response.text


def test_draft_reports_are_not_downloadable(client, world) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.ADVISOR)
    assert client.get(f"/intern/berichte/berichte/{world['draft'].pk}/pdf/").status_code == 404
    assert client.get(f"/intern/berichte/berichte/{world['issued'].pk}/exe/").status_code == 404


def test_dashboard_query_count_does_not_grow_with_indicators(
    client, world, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    login_as(client, Role.MINISTRY)
    client.get("/intern/berichte/")  # fills the figure cache
    for i in range(10):
        make_indicator(world["task"], f"Kennzahl {i}", "consultations")
    client.get("/intern/berichte/")
    with django_assert_max_num_queries(20):
        client.get("/intern/berichte/")
