"""Reads for the maps: district points and the URLs of the shape files."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
from industriedialog.regions.selectors import district_points, district_shapes_url, state_shapes_url
from industriedialog.regions.services import regions_load

SOURCE = Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV


@pytest.mark.django_db
def test_district_points_cover_current_districts_in_one_query(django_assert_num_queries):
    regions_load(csv_path=SOURCE)
    with django_assert_num_queries(1):
        points = district_points()
    assert len(points) == 400
    assert "16056" not in points
    eichsfeld = points["16061"]
    assert eichsfeld.name == "Eichsfeld"
    assert 51.2 < eichsfeld.lat < 51.6
    assert 9.9 < eichsfeld.lon < 10.6
    lat, lon, name = points["16063"]
    assert name == "Wartburgkreis"
    assert isinstance(lat, float)
    assert isinstance(lon, float)


@pytest.mark.django_db
def test_district_points_are_empty_before_loading():
    assert district_points() == {}


def test_shape_urls_point_to_static_files_of_the_app():
    assert district_shapes_url() == settings.STATIC_URL + "regions/districts.geojson"
    assert state_shapes_url() == settings.STATIC_URL + "regions/states.geojson"
    assert finders.find("regions/districts.geojson")
    assert finders.find("regions/states.geojson")
