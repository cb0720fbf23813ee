"""The public map and district card, the staff ranking, its export and the indicator import."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from industriedialog.accounts.tests.factories import representative_user
from industriedialog.advisory.tests.factories import FoundingCaseFactory
from industriedialog.regions.models import District, IndicatorValue, State
from industriedialog.registry.tests.factories import InitiativeFactory, staff_login
from industriedialog.registry.vocabularies import Level

pytestmark = pytest.mark.django_db


@pytest.fixture
def thuringia(regions):  # type: ignore[no-untyped-def]
    state = State.objects.get(code="TH")
    InitiativeFactory(name="Bündnis für Industrie Thüringen", level=Level.STATE, states=[state])
    regional = InitiativeFactory(name="Industrieregion Erfurt", states=[state])
    regional.districts.set([District.objects.get(ags="16051")])


def test_map_is_public_and_lists_every_district_with_its_coverage(client, thuringia):
    page = client.get("/weisse-flecken/").content.decode()
    assert "Von 400 Kreisen und kreisfreien Städten haben 1 eine aktive regionale" in page
    assert "21 sind nur durch eine Initiative auf Landesebene abgedeckt" in page
    assert page.count('class="kern-link ws-district"') == 400
    assert "/static/regions/districts" in page
    assert "Rangliste" not in page  # the ranking link is for staff


def test_map_by_indicator_shows_values_and_classes(client, thuringia):
    from industriedialog.regions.demo import demo_indicators_load

    demo_indicators_load()
    indicator = IndicatorValue.objects.first().indicator
    page = client.get(f"/weisse-flecken/?ansicht={indicator.pk}").content.decode()
    assert f"„{indicator.name}“" in page
    assert "keine Angabe" in page  # legend


def test_district_card_hides_founding_cases_from_the_public(client, thuringia):
    FoundingCaseFactory(name="Geheimer Gründungsfall Eichsfeld", districts=["16061"])
    public = client.get("/weisse-flecken/kreis/16061/").content.decode()
    assert "Eichsfeld" in public and "nur Initiative auf Landesebene" in public
    assert "Geheimer Gründungsfall" not in public and "Gründungsfall anlegen" not in public
    staff_login(client)
    internal = client.get("/weisse-flecken/kreis/16061/", HTTP_HX_REQUEST="true").content.decode()
    assert "Geheimer Gründungsfall Eichsfeld" in internal
    assert "/intern/gruendungen/neu/?kreis=16061" in internal
    assert "<html" not in internal  # htmx gets the card alone


def test_unknown_or_former_district_card_is_404(client, regions):
    assert client.get("/weisse-flecken/kreis/99999/").status_code == 404
    assert client.get("/weisse-flecken/kreis/16056/").status_code == 404


def test_ranking_is_for_staff_only(client, regions):
    assert client.get("/weisse-flecken/rangliste/").status_code == 302
    client.force_login(representative_user())
    assert client.get("/weisse-flecken/rangliste/").status_code == 403
    assert client.get("/weisse-flecken/rangliste/export.csv").status_code == 403


def test_ranking_filters_by_state_and_shows_the_weights(client, thuringia):
    staff_login(client)
    page = client.get("/weisse-flecken/rangliste/?bundesland=TH&g_population=7").content.decode()
    assert "21 weiße Flecken" in page  # 22 districts of Thuringia minus Erfurt
    assert "Eichsfeld" in page and "Industrieregion Erfurt" not in page
    assert "7 / 15" in page  # population weight out of the sum of weights
    assert ">Hamburg</a>" not in page


def test_ranking_with_invalid_weight_says_so_and_uses_defaults(client, thuringia):
    staff_login(client)
    page = client.get("/weisse-flecken/rangliste/?g_population=99").content.decode()
    assert "Einige Angaben sind ungültig" in page
    assert "2 / 10" in page


def test_ranking_export_as_csv_and_xlsx(client, thuringia):
    staff_login(client)
    response = client.get("/weisse-flecken/rangliste/export.csv?bundesland=TH")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Rang (bundesweit);AGS;Kreis;Bundesland;Abdeckung;Punktzahl")
    assert len(lines) == 22
    response = client.get("/weisse-flecken/rangliste/export.xlsx?bundesland=TH")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet.max_row == 22


def test_indicator_import_reports_line_errors_and_imports_nothing(client, regions):
    staff_login(client)
    upload = SimpleUploadedFile(
        "k.csv",
        b"AGS;Kennzahl;Jahr;Wert;Quelle\n16061;Betriebe;2023;12;Amt\n12345;Betriebe;2023;x;Amt\n",
    )
    page = client.post("/intern/kennzahlen/import/", {"file": upload}).content.decode()
    assert "es wurde nichts importiert" in page
    assert "Zeile 3, Spalte „AGS“: „12345“ ist kein bekannter Kreisschlüssel." in page
    assert IndicatorValue.objects.count() == 0


def test_indicator_import_by_staff_lands_on_the_map(client, regions):
    staff_login(client)
    upload = SimpleUploadedFile(
        "k.csv", b"AGS;Kennzahl;Jahr;Wert;Quelle\n16061;Industriebetriebe;2023;120;Amt\n"
    )
    page = client.post("/intern/kennzahlen/import/", {"file": upload}).content.decode()
    assert "1 Zeilen importiert: 1 neu, 0 aktualisiert." in page
    card = client.get("/weisse-flecken/kreis/16061/").content.decode()
    assert "Industriebetriebe" in card and "120" in card


def test_indicator_import_is_refused_to_non_staff(client, regions):
    client.force_login(representative_user())
    upload = SimpleUploadedFile("k.csv", b"AGS;Kennzahl;Jahr;Wert;Quelle\n16061;B;2023;1;A\n")
    assert client.post("/intern/kennzahlen/import/", {"file": upload}).status_code == 403
    assert IndicatorValue.objects.count() == 0
