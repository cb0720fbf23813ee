"""Founding pages: staff only, server-side; the board moves cases; "gegründet" in one POST."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from industriedialog.accounts.tests.factories import representative_user, staff_user
from industriedialog.advisory.models import FoundingCase, Stage
from industriedialog.advisory.services import founding_step_add
from industriedialog.registry.models import Initiative
from industriedialog.registry.tests.factories import staff_login

from .factories import FoundingCaseFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/intern/gruendungen/", "/intern/gruendungen/liste/", "/intern/gruendungen/neu/"]
)
def test_pages_send_visitors_to_login_and_refuse_non_staff(client, regions, path):
    assert client.get(path).status_code == 302
    client.force_login(representative_user())
    assert client.get(path).status_code == 403


def test_non_staff_cannot_found_or_move(client, regions):
    case = FoundingCaseFactory()
    client.force_login(representative_user())
    assert (
        client.post(
            f"/intern/gruendungen/{case.pk}/gegruendet/", {"name": "X", "founded_on": "2025-01-01"}
        ).status_code
        == 403
    )
    assert (
        client.post(f"/intern/gruendungen/{case.pk}/phase/", {"stage": "workshop"}).status_code
        == 403
    )
    case.refresh_from_db()
    assert case.stage == Stage.FIRST_CONTACT
    assert not Initiative.objects.exists()


def test_staff_create_a_case_from_a_district_and_see_it_on_the_board(client, regions):
    user = staff_login(client)
    response = client.get("/intern/gruendungen/neu/?kreis=16061")
    assert "Industrieinitiative Eichsfeld" in response.content.decode()
    from industriedialog.regions.models import District

    eichsfeld = District.objects.get(ags="16061")
    response = client.post(
        "/intern/gruendungen/neu/",
        {
            "name": "Industrieinitiative Eichsfeld",
            "level": "region",
            "districts": [eichsfeld.pk],
            "owner": user.pk,
        },
    )
    case = FoundingCase.objects.get()
    assert response.status_code == 302 and response.url == f"/intern/gruendungen/{case.pk}/"
    board = client.get("/intern/gruendungen/").content.decode()
    assert "Industrieinitiative Eichsfeld" in board and "Erstkontakt" in board


def test_case_form_without_district_says_what_is_missing(client, regions):
    staff_login(client)
    response = client.post("/intern/gruendungen/neu/", {"name": "Ohne Kreis", "level": "region"})
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not FoundingCase.objects.exists()


def test_board_move_and_found_in_the_browserless_flow(client, regions):
    staff_login(client)
    case = FoundingCaseFactory(name="Industrieinitiative Eichsfeld")
    response = client.post(
        f"/intern/gruendungen/{case.pk}/phase/", {"stage": "workshop", "next": "board"}
    )
    assert response.url == "/intern/gruendungen/"
    case.refresh_from_db()
    assert case.stage == Stage.WORKSHOP
    response = client.post(
        f"/intern/gruendungen/{case.pk}/gegruendet/",
        {"name": "Industrieinitiative Eichsfeld", "founded_on": "2025-05-02"},
        follow=True,
    )
    assert "ist gegründet und steht jetzt im Verzeichnis" in response.content.decode()
    initiative = Initiative.objects.get()
    directory = client.get("/initiativen/?q=Eichsfeld").content.decode()
    assert initiative.name in directory


def test_list_filters_overdue_cases(client, regions):
    user = staff_login(client)
    late, fine = FoundingCaseFactory(name="Spät dran"), FoundingCaseFactory(name="Im Plan")
    today = timezone.localdate()
    founding_step_add(case=late, actor=user, title="A", due_on=today - datetime.timedelta(days=1))
    founding_step_add(case=fine, actor=user, title="B", due_on=today + datetime.timedelta(days=5))
    page = client.get("/intern/gruendungen/liste/?ueberfaellig=true").content.decode()
    assert "Spät dran" in page and "Im Plan" not in page
    page = client.get("/intern/gruendungen/liste/").content.decode()
    assert "Spät dran" in page and "Im Plan" in page


def test_staff_dashboard_shows_overdue_founding_steps(client, regions):
    user = staff_login(client, staff_user())
    case = FoundingCaseFactory()
    founding_step_add(
        case=case, actor=user, title="A", due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    page = client.get("/intern/").content.decode()
    assert "Überfällige Schritte in Gründungsfällen" in page


@pytest.fixture
def private_storage(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Uploads go to a temporary directory, not to var/private."""
    from django.core.files.storage import FileSystemStorage

    from industriedialog.advisory.models import FoundingDocument

    storage = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(FoundingDocument._meta.get_field("file"), "storage", storage)
    return storage


def test_documents_are_stored_privately_and_served_to_staff_only(client, regions, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_login(client)
    case = FoundingCaseFactory()
    upload = SimpleUploadedFile("protokoll.pdf", b"%PDF-1.4 Protokoll", "application/pdf")
    client.post(f"/intern/gruendungen/{case.pk}/dokumente/", {"title": "Protokoll", "file": upload})
    document = case.documents.get()
    assert private_storage.exists(document.file.name)
    response = client.get(f"/intern/gruendungen/dokumente/{document.pk}/")
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Protokoll"
    client.logout()
    client.force_login(representative_user())
    assert client.get(f"/intern/gruendungen/dokumente/{document.pk}/").status_code == 403


def test_document_with_a_wrong_type_is_refused(client, regions, private_storage):
    from django.core.files.uploadedfile import SimpleUploadedFile

    staff_login(client)
    case = FoundingCaseFactory()
    upload = SimpleUploadedFile("tool.exe", b"MZ", "application/octet-stream")
    response = client.post(
        f"/intern/gruendungen/{case.pk}/dokumente/", {"title": "X", "file": upload}, follow=True
    )
    assert "Dateiendung" in response.content.decode()
    assert not case.documents.exists()
