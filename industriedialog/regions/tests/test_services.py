"""Reference data from the npm package landkreise-deutschland (installed by `make test`)."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from industriedialog.regions.geometry import DISTRICTS_PATH
from industriedialog.regions.models import District, State
from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
from industriedialog.regions.selectors import district_resolve, states_with_counts
from industriedialog.regions.services import RegionDataError, regions_load

pytestmark = pytest.mark.django_db
SOURCE = Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV


@pytest.fixture
def loaded():
    return regions_load(csv_path=SOURCE)


def test_sixteen_states_and_four_hundred_current_districts(loaded):
    assert State.objects.count() == 16
    assert District.objects.current().count() == 400
    assert District.objects.count() == 401  # Eisenach kept as former district


def test_eichsfeld_is_a_district_in_thuringia(loaded):
    eichsfeld = District.objects.get(ags="16061")
    assert eichsfeld.name == "Eichsfeld"
    assert eichsfeld.state.code == "TH"
    assert eichsfeld.state.name == "Thüringen"
    assert eichsfeld.nuts3 == "DEG06"
    assert eichsfeld.kind == District.Kind.RURAL
    assert eichsfeld.population == 100380


def test_former_eisenach_code_resolves_to_wartburgkreis(loaded):
    current = district_resolve("16056")
    assert current is not None
    assert current.ags == "16063"
    assert current.name == "Wartburgkreis"
    eisenach = District.objects.get(ags="16056")
    assert not eisenach.is_current
    assert str(eisenach.dissolved_on) == "2021-07-01"


def test_wartburgkreis_figures_include_eisenach(loaded):
    wartburgkreis = District.objects.get(ags="16063")
    assert wartburgkreis.population == 123025 + 42370
    assert float(wartburgkreis.area_km2) == pytest.approx(1307.44 + 104.17)


def test_loading_twice_changes_nothing(loaded):
    fields = ("ags", "population", "successor_id", "centroid_lat", "centroid_lon")
    before = list(District.objects.values_list(*fields))
    second = regions_load(csv_path=SOURCE)
    assert second.created == 0
    assert second.current == 400
    assert list(District.objects.values_list(*fields)) == before


def test_every_current_district_has_a_point_in_germany(loaded):
    points = list(District.objects.current().values_list("ags", "centroid_lat", "centroid_lon"))
    assert len(points) == 400
    outside = [
        ags
        for ags, lat, lon in points
        if lat is None or lon is None or not (47.2 <= lat <= 55.1 and 5.8 <= lon <= 15.1)
    ]
    assert outside == []


def test_former_district_has_no_point_of_its_own(loaded):
    eisenach = District.objects.get(ags="16056")
    assert eisenach.centroid_lat is None
    assert eisenach.centroid_lon is None


def test_goettingen_merger_predates_the_figures_and_is_not_counted_twice(loaded):
    goettingen = District.objects.get(ags="03159")
    assert goettingen.is_current
    assert goettingen.population == 328074
    assert not District.objects.filter(ags__in=["03152", "03156"]).exists()
    assert loaded.former == ["16056"]


def test_district_without_shape_is_named_and_nothing_is_written(tmp_path):
    shapes = json.loads(DISTRICTS_PATH.read_text(encoding="utf-8"))
    shapes["features"] = [f for f in shapes["features"] if f["properties"]["ags"] != "16061"]
    path = tmp_path / "districts.geojson"
    path.write_text(json.dumps(shapes), encoding="utf-8")
    with pytest.raises(RegionDataError, match="ohne Grenzen.*16061"):
        regions_load(csv_path=SOURCE, shapes_path=path)
    assert District.objects.count() == 0


def test_each_state_counts_its_current_districts(loaded):
    counts = {s.code: s.district_count for s in states_with_counts()}
    assert counts["TH"] == 22  # 23 in 2018, Eisenach merged
    assert counts["HH"] == 1
    assert sum(counts.values()) == 400


def test_unknown_ags_resolves_to_nothing(loaded):
    assert district_resolve("99999") is None


def test_broken_file_reports_each_line_in_german_and_writes_nothing(tmp_path):
    bad = tmp_path / "districts.csv"
    bad.write_text(
        "AGS;type;name;NUTS3;area_km2;population\n"
        "16061;Landkreis;Eichsfeld;DEG06;943.07;100380\n"
        "1606;Landkreis;Kaputt;DEG0X;1;1\n"
        "16061;Landkreis;Doppelt;DEG06;943.07;100380\n"
        "16062;Landkreis;Nordhausen;DEG07;713.9;viele\n",
        encoding="utf-8",
    )
    with pytest.raises(RegionDataError) as exc:
        regions_load(csv_path=bad)
    errors = exc.value.errors
    assert len(errors) == 3
    assert errors[0].startswith("Zeile 3, Spalte AGS")
    assert "doppelt" in errors[1] and errors[1].startswith("Zeile 4")
    assert errors[2].startswith("Zeile 5")
    assert District.objects.count() == 0
    assert State.objects.count() == 0


def test_missing_columns_are_named(tmp_path):
    bad = tmp_path / "districts.csv"
    bad.write_text("AGS;name\n16061;Eichsfeld\n", encoding="utf-8")
    with pytest.raises(RegionDataError, match="Spalten fehlen.*type"):
        regions_load(csv_path=bad)


def test_command_loads_and_reports(capsys):
    call_command("load_regions")
    assert "400 aktuelle Kreise" in capsys.readouterr().out


def test_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="nicht gefunden"):
        call_command("load_regions", csv=tmp_path / "fehlt.csv")
