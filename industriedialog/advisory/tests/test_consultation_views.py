"""Advice log pages: staff only for every role, the form with its error summary, filters,
export, follow-up action, the initiative history and the links from other pages."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.utils import timezone

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
from industriedialog.advisory.models import Consultation, RetentionRun
from industriedialog.registry.services import vocabularies_ensure
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    staff_login,
)

from .factories import ConsultationFactory, FoundingCaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation():  # type: ignore[no-untyped-def]
    initiative = InitiativeFactory(name="Industriedialog Rhein-Mosel")
    contact = ContactPersonFactory(initiative=initiative, name="Petra Geheim")
    return ConsultationFactory(
        initiatives=[initiative],
        contact_persons=[contact],
        summary="Vertrauliche Notiz zu Petra Geheim",
        follow_up="Rückruf",
        follow_up_due_on=timezone.localdate() - datetime.timedelta(days=3),
    )


def _paths(c: Consultation) -> list[str]:
    initiative = c.initiatives.get()
    return [
        "/intern/beratungen/",
        "/intern/beratungen/neu/",
        "/intern/beratungen/export.csv",
        "/intern/beratungen/export.xlsx",
        "/intern/beratungen/nachfassen/",
        "/intern/beratungen/beraterinnen/",
        "/intern/beratungen/loeschlaeufe/",
        f"/intern/beratungen/initiative/{initiative.pk}/",
        f"/intern/beratungen/{c.pk}/",
        f"/intern/beratungen/{c.pk}/bearbeiten/",
    ]


def test_visitors_are_sent_to_the_login(client, consultation):
    for path in _paths(consultation):
        response = client.get(path)
        assert (
            response.status_code == 302 and "/konto/" in response.url or "login" in response.url
        ), path


@pytest.mark.parametrize(
    "role", [Role.REPRESENTATIVE, Role.JURY, Role.MINISTRY, Role.ADVISORY_BOARD, None]
)
def test_everyone_outside_the_service_centre_is_refused(client, consultation, role):
    user = UserFactory(roles=[role] if role else [])
    login_with_second_factor(client, user)
    for path in _paths(consultation):
        response = client.get(path)
        assert response.status_code == 403, path
        assert b"Petra Geheim" not in response.content
    response = client.post(f"/intern/beratungen/{consultation.pk}/nachfassen/", {"done": "1"})
    assert response.status_code == 403
    consultation.refresh_from_db()
    assert consultation.follow_up_done_at is None


@pytest.mark.parametrize("role", [Role.ADVISOR, Role.EDITOR, Role.ANALYST])
def test_every_staff_role_sees_the_pages(client, consultation, role):
    login_with_second_factor(client, UserFactory(roles=[role]))
    for path in _paths(consultation):
        assert client.get(path).status_code == 200, path
    assert b"Petra Geheim" in client.get(f"/intern/beratungen/{consultation.pk}/").content


def test_staff_log_a_consultation_through_the_form(client):
    vocabularies_ensure()
    user = staff_login(client)
    initiative = InitiativeFactory()
    contact = ContactPersonFactory(initiative=initiative)
    page = client.get(f"/intern/beratungen/neu/?initiative={initiative.pk}")
    assert f'<option value="{initiative.pk}" selected' in page.content.decode()
    response = client.post(
        "/intern/beratungen/neu/",
        {
            "kind": "on_site",
            "date": "2025-03-04",
            "duration_minutes": "90",
            "staff_member": user.pk,
            "initiatives": [initiative.pk],
            "contact_persons": [contact.pk],
            "topics": ["skilled_workers", "energy"],
            "summary": "Besuch der Geschäftsstelle.",
            "follow_up": "Unterlagen schicken",
            "follow_up_due_on": "2025-03-18",
        },
    )
    c = Consultation.objects.get()
    assert response.status_code == 302 and response.url == f"/intern/beratungen/{c.pk}/"
    assert c.kind == "on_site" and c.duration_minutes == 90 and c.staff_member == user
    assert sorted(t.code for t in c.topics.all()) == ["energy", "skilled_workers"]
    assert list(c.contact_persons.all()) == [contact]


def test_bad_input_gets_an_error_summary_linking_to_the_fields(client):
    staff_login(client)
    response = client.post(
        "/intern/beratungen/neu/",
        {
            "kind": "telephone",
            "date": "2025-03-04",
            "duration_minutes": "0",
            "summary": "x",
            "follow_up": "Rückruf",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and Consultation.objects.count() == 0
    assert 'id="error-summary"' in html
    assert 'href="#id_duration_minutes"' in html
    assert 'href="#id_initiatives"' in html and "mindestens eine Initiative" in html
    assert 'href="#id_follow_up_due_on"' in html
    assert "<title>Fehler:" in html


def test_list_filters_and_export_use_the_same_selection(client):
    staff_login(client)
    a, b = InitiativeFactory(name="Alpha-Initiative"), InitiativeFactory(name="Beta-Initiative")
    ConsultationFactory(initiatives=[a], kind="telephone", summary="Telefonat Alpha")
    ConsultationFactory(initiatives=[b], kind="workshop", summary="Workshop Beta")

    def table(query: str) -> str:
        html = client.get("/intern/beratungen/?" + query).content.decode()
        return html[html.index("<tbody>") : html.index("</tbody>")]

    assert "Beta-Initiative" in table("art=workshop")
    assert "Alpha-Initiative" not in table("art=workshop")
    assert "Alpha-Initiative" in table(f"initiative={a.pk}")
    assert "Beta-Initiative" not in table(f"initiative={a.pk}")
    assert "Alpha-Initiative" in table("suche=alpha")
    assert "Beta-Initiative" not in table("suche=alpha")
    assert "Alpha-Initiative" in table("") and "Beta-Initiative" in table("")
    response = client.get("/intern/beratungen/export.csv?art=workshop")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Datum", "Art"]
    assert [r[4] for r in rows[1:]] == ["Beta-Initiative"]
    assert client.get("/intern/beratungen/export.pdf").status_code == 404


def test_follow_up_marked_done_from_the_overdue_list(client, consultation):
    staff_login(client)
    assert "Rückruf" in client.get("/intern/beratungen/nachfassen/").content.decode()
    response = client.post(
        f"/intern/beratungen/{consultation.pk}/nachfassen/",
        {"done": "1", "next": "/intern/beratungen/nachfassen/"},
    )
    assert response.url == "/intern/beratungen/nachfassen/"
    consultation.refresh_from_db()
    assert consultation.follow_up_done_at is not None
    assert "Nichts überfällig" in client.get("/intern/beratungen/nachfassen/").content.decode()
    # an outside "next" is ignored
    response = client.post(
        f"/intern/beratungen/{consultation.pk}/nachfassen/",
        {"done": "0", "next": "https://x.example/"},
    )
    assert response.url == f"/intern/beratungen/{consultation.pk}/"


def test_anonymised_consultations_cannot_be_edited(client, consultation):
    staff_login(client)
    Consultation.objects.filter(pk=consultation.pk).update(anonymised_at=timezone.now())
    assert client.get(f"/intern/beratungen/{consultation.pk}/bearbeiten/").status_code == 403
    assert "Bearbeiten" not in client.get(f"/intern/beratungen/{consultation.pk}/").content.decode()


def test_initiative_history_and_the_links_to_it(client, consultation):
    initiative = consultation.initiatives.get()
    public = client.get(initiative.get_absolute_url()).content.decode()
    assert "/intern/beratungen/" not in public
    staff_login(client)
    html = client.get(f"/intern/beratungen/initiative/{initiative.pk}/").content.decode()
    assert "Vertrauliche Notiz" in html and "Beratung" in html
    assert f"/intern/beratungen/neu/?initiative={initiative.pk}" in html
    staff_page = client.get(initiative.get_absolute_url()).content.decode()
    assert f"/intern/beratungen/initiative/{initiative.pk}/" in staff_page
    edit_page = client.get(f"/intern/initiativen/{initiative.pk}/bearbeiten/").content.decode()
    assert f"/intern/beratungen/neu/?initiative={initiative.pk}" in edit_page


def test_founding_case_page_offers_to_log_a_consultation(client, regions):
    staff_login(client)
    case = FoundingCaseFactory()
    ConsultationFactory(founding_case=case, summary="Erstgespräch mit dem Landrat")
    html = client.get(f"/intern/gruendungen/{case.pk}/").content.decode()
    assert f"/intern/beratungen/neu/?gruendungsfall={case.pk}" in html
    assert "Erstgespräch mit dem Landrat" in html
    form = client.get(f"/intern/beratungen/neu/?gruendungsfall={case.pk}").content.decode()
    assert f'<option value="{case.pk}" selected' in form


def test_staff_overview_and_retention_log(client):
    user = staff_login(client)
    ConsultationFactory(staff_member=user, date=datetime.date(2025, 2, 1), duration_minutes=90)
    html = client.get(
        "/intern/beratungen/beraterinnen/?von=2025-01-01&bis=2025-12-31"
    ).content.decode()
    assert "1,5" in html or "1.5" in html
    html = client.get("/intern/beratungen/beraterinnen/?von=morgen").content.decode()
    assert "ist kein Datum" in html
    RetentionRun.objects.create(
        cutoff=datetime.date(2022, 1, 1), counts={"consultations_anonymised": 7}
    )
    html = client.get("/intern/beratungen/loeschlaeufe/").content.decode()
    assert "Beratungen anonymisiert: 7" in html


def test_staff_dashboard_lists_the_overdue_follow_ups(client, consultation):
    staff_login(client)
    html = client.get("/intern/").content.decode()
    assert "Überfälliges Nachfassen nach Beratungen" in html
