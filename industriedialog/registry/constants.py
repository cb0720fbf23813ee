"""Constants of the registry shared by exports, the open-data API and the widget."""

from __future__ import annotations

# The licence of the registry's open data (stated in every export and API response).
DATA_LICENCE: dict[str, str] = {
    "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}

# A spreadsheet runs a cell starting with one of these as a formula ("CSV injection"): the CSV
# export puts an apostrophe in front, the import takes it away again.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
