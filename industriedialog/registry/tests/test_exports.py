"""Export of the directory's filter result as CSV, XLSX and JSON: public fields only, the
import's file format (round trip), a fixed number of queries."""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, include, path, reverse
from openpyxl import load_workbook

from industriedialog.registry.changes import initiative_snapshot
from industriedialog.registry.constants import DATA_LICENCE
from industriedialog.registry.imports import HEADERS, import_run_execute, import_run_preview
from industriedialog.registry.models import ImportRun, Initiative
from industriedialog.registry.services import initiative_create
from industriedialog.registry.synthetic import synthetic_generate
from industriedialog.registry.tests.factories import ContactPersonFactory

pytestmark = pytest.mark.django_db


def export_url(fmt: str, query: str = "") -> str:
    return reverse("registry:initiative_export", args=[fmt]) + (f"?{query}" if query else "")


@pytest.fixture(autouse=True)
def detail_route(settings):  # type: ignore[no-untyped-def]
    """A stand-in for the directory's detail page (written in parallel) while it is missing;
    once merged the real route is used and this does nothing."""
    try:
        reverse("registry:initiative_detail", kwargs={"slug": "x"})
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__


def _stand_in_urlpatterns() -> list[Any]:
    from config import urls as project
    from industriedialog.registry import urls

    detail = path("initiativen/<slug:slug>/", lambda request, slug: None, name="initiative_detail")
    # The first "registry" namespace wins when reversing.
    return [path("", include(([*urls.urlpatterns, detail], "registry"))), *project.urlpatterns]


urlpatterns = _stand_in_urlpatterns()


@pytest.fixture
def registry(regions):  # type: ignore[no-untyped-def]
    """Two entries with every exported field filled, one in Saxony."""
    full = initiative_create(
        name="Bündnis für Industrie Thüringen",
        short_name="BfI",
        level="region",
        status="dormant",
        states=["TH", "SN"],
        districts=["16061", "16063", "14522"],
        seat="Erfurt",
        founded_year=2016,
        founded_on=datetime.date(2016, 9, 1),
        description='Zeile eins; mit "Anführungszeichen"\nZeile zwei',
        mission_statement="- Industrie gemeinsam gestalten",
        goals="=Fachkräfte sichern",
        fields_of_action=["energy", "skilled_workers"],
        target_groups=["companies", "media"],
        formats=["world_cafe"],
        member_company_count=45,
        website="https://www.example.org/industrie",
        source="Geschäftsbericht 2024",
    )
    land = initiative_create(
        name="Industriedialog Sachsen", level="state", status="active", states=["SN"]
    )
    return full, land


def test_csv_is_semicolon_separated_utf8_with_bom_in_the_import_format(client, registry):
    response = client.get(export_url("csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="initiativen-')
    assert response["Link"] == f'<{DATA_LICENCE["url"]}>; rel="license"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    record = dict(zip(HEADERS, rows[1], strict=True))
    assert record["Name"] == "Bündnis für Industrie Thüringen"
    assert record["Ebene"] == "Region"
    assert record["Status"] == "ruhend"
    assert record["Bundesländer"] == "SN, TH"
    assert record["Kreise"] == "14522, 16061, 16063"
    assert record["Gründungsdatum"] == "01.09.2016"
    assert record["Handlungsfelder"] == (
        "Energie, Klima und Transformation; Fachkräfte und Ausbildung"
    )
    assert record["Ziele"] == "'=Fachkräfte sichern"  # no formula when opened in a spreadsheet
    names = [r[0] for r in rows[1:]]
    assert names == ["Bündnis für Industrie Thüringen", "Industriedialog Sachsen"]


def test_export_follows_the_directory_filter(client, registry):
    rows = client.get(export_url("csv", "state=TH&q=Fachkräfte")).content.decode("utf-8-sig")
    assert "Bündnis für Industrie Thüringen" in rows
    assert "Industriedialog Sachsen" not in rows
    rows = client.get(export_url("csv", "state=SN&level=state")).content.decode("utf-8-sig")
    assert "Industriedialog Sachsen" in rows
    assert "Bündnis für Industrie Thüringen" not in rows


def test_json_states_licence_and_time_and_has_no_contact_persons(client, registry):
    full, _land = registry
    ContactPersonFactory(initiative=full, consented=True, email="oeffentlich@example.org")
    ContactPersonFactory(initiative=full, email="privat@example.org")
    response = client.get(export_url("json", "state=TH"))
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert (
        data["licence"]
        == DATA_LICENCE
        == {
            "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
            "url": "https://www.govdata.de/dl-de/by-2-0",
        }
    )
    generated = datetime.datetime.fromisoformat(data["generated_at"])
    assert abs(generated - datetime.datetime.now(datetime.UTC)) < datetime.timedelta(minutes=1)
    assert data["count"] == 1
    (record,) = data["initiatives"]
    assert record["url"] == "http://testserver" + full.get_absolute_url()
    assert record["states"] == ["SN", "TH"]
    assert record["fields_of_action"] == ["energy", "skilled_workers"]
    assert record["founded_on"] == "2016-09-01"
    body = response.content.decode()
    assert "example.org" in body  # the website …
    assert "oeffentlich@" not in body and "privat@" not in body  # … but no contact person
    assert "contact" not in body


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_re_imports_to_the_same_entries(client, registry, fmt, tmp_path, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(
        ImportRun._meta.get_field("file"), "storage", FileSystemStorage(location=tmp_path)
    )
    before = {i.name: initiative_snapshot(i) for i in Initiative.objects.all()}
    content = client.get(export_url(fmt)).content
    Initiative.objects.all().delete()

    run = import_run_preview(content=content, filename=f"export.{fmt}", actor=None)
    assert (run.error_rows, run.duplicate_rows, run.report["unknown_columns"]) == (0, 0, [])
    import_run_execute(run=run, actor=None, only_valid=False)
    after = {i.name: initiative_snapshot(i) for i in Initiative.objects.all()}
    assert after == before


def test_xlsx_has_the_table_first_and_licence_notes_second(client, registry):
    response = client.get(export_url("xlsx"))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(response.content))
    table, notes = workbook.worksheets
    assert [c.value for c in table[1]] == HEADERS
    goals = table.cell(row=2, column=HEADERS.index("Ziele") + 1)
    assert (goals.value, goals.data_type) == ("=Fachkräfte sichern", "s")  # text, not formula
    assert notes["A1"].value == "Lizenz"
    assert DATA_LICENCE["url"] in notes["B1"].value


def test_export_is_public_and_unknown_formats_are_not_found(client, registry):
    assert client.get(export_url("csv")).status_code == 200
    assert client.get(export_url("pdf")).status_code == 404


def test_export_needs_the_same_number_of_queries_for_20_and_2000_rows(client, regions):
    synthetic_generate(initiatives=20, organisations=200, seed=3)
    small = {}
    for fmt in ("csv", "xlsx", "json"):
        with CaptureQueriesContext(connection) as queries:
            client.get(export_url(fmt))
        small[fmt] = len(queries)
    assert small["csv"] <= 6  # the initiatives and one query per many-to-many field

    synthetic_generate(initiatives=2000, organisations=2000, seed=3)
    for fmt in ("csv", "xlsx", "json"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(export_url(fmt))
        assert len(queries) == small[fmt], fmt
    assert json.loads(response.content)["count"] == 2000
