import re
from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_503_when_database_is_down(client):
    with mock.patch(
        "industriedialog.common.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_unknown_url_gives_german_404_in_site_layout(client, site_pages):
    response = client.get("/gibt-es-nicht/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Seite nicht gefunden" in body
    assert 'id="main"' in body  # inside the site layout
    assert "Impressum" in body


def test_unknown_english_url_gives_english_404(client, site_pages):
    body = client.get("/en/does-not-exist/").content.decode()
    assert "Page not found" in body


def test_server_error_page_is_german(rf):
    from industriedialog.common.views import server_error

    response = server_error(rf.get("/x"))
    assert response.status_code == 500
    assert "Ein Fehler ist aufgetreten" in response.content.decode()


def test_every_response_carries_a_request_id(client):
    response = client.get("/healthz", headers={"X-Request-ID": "abc123"})
    assert response["X-Request-ID"] == "abc123"
    assert len(client.get("/healthz")["X-Request-ID"]) == 32


def test_data_sources_page_shows_destatis_attribution(client, site_pages):
    body = client.get(reverse("common:data_sources")).content.decode()
    assert "Statistisches Bundesamt (Destatis)" in body
    assert "CC BY 4.0" in body


THIRD_PARTY = re.compile(r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="(https?:)?//', re.I)


@pytest.mark.parametrize(
    "path", ["/", "/en/", "/konto/login/", "/leichte-sprache/", "/datenquellen/", "/gibt-es-nicht/"]
)
def test_no_page_loads_anything_from_a_third_party(client, site_pages, path):
    body = client.get(path).content.decode()
    assert not THIRD_PARTY.search(body), THIRD_PARTY.search(body)
