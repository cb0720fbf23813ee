"""Indicator import: valid files land completely, any wrong line stops the whole file."""

from __future__ import annotations

from decimal import Decimal

import pytest

from industriedialog.common.models import AuditLogEntry
from industriedialog.regions.indicators import IndicatorFileError
from industriedialog.regions.models import IndicatorValue
from industriedialog.regions.services import indicator_values_import

pytestmark = pytest.mark.django_db

HEADER = "AGS;Kennzahl;Jahr;Wert;Einheit;Quelle\n"
NAME = "Beschäftigte im Verarbeitenden Gewerbe"


def _import(body: str, **kwargs):  # type: ignore[no-untyped-def]
    return indicator_values_import(
        content=(HEADER + body).encode(), filename="kennzahlen.csv", **kwargs
    )


def test_valid_file_is_imported_with_german_numbers_and_logged(regions):
    result = _import(
        f"16061;{NAME};2023;14.250;Personen;Landesamt\n16051;{NAME};2023;21000;Personen;Landesamt\n"
        "16061;Industrieanteil BWS;2023;31,5;Prozent;Landesamt\n"
    )
    assert result.errors == []
    assert (result.created, result.updated) == (3, 0)
    value = IndicatorValue.objects.get(district__ags="16061", indicator__name=NAME)
    assert value.value == Decimal("14250") and value.indicator.unit == "Personen"
    assert IndicatorValue.objects.get(indicator__name="Industrieanteil BWS").value == Decimal(
        "31.5"
    )
    assert AuditLogEntry.objects.filter(action="regions.indicators_imported").count() == 1


def test_reimport_replaces_the_value_of_the_same_year(regions):
    _import(f"16061;{NAME};2023;100;;Landesamt\n")
    result = _import(f"16061;{NAME};2023;120;;Landesamt, korrigiert\n")
    assert (result.created, result.updated) == (0, 1)
    value = IndicatorValue.objects.get()
    assert value.value == 120 and value.source == "Landesamt, korrigiert"


def test_former_district_key_lands_in_todays_district(regions):
    _import(f"16056;{NAME};2023;5000;;Landesamt\n")
    assert IndicatorValue.objects.get().district.ags == "16063"


def test_every_wrong_line_is_reported_and_nothing_is_imported(regions):
    result = _import(
        f"16061;{NAME};2023;14250;;Landesamt\n"  # line 2: fine
        f"99999;{NAME};2023;100;;Landesamt\n"  # line 3: unknown AGS
        f"16061;{NAME};2023;300;;Landesamt\n"  # line 4: duplicate of line 2
        f"16051;{NAME};2023;viele;;Landesamt\n"  # line 5: not a number
        f"16052;{NAME};23;100;;\n"  # line 6: bad year, no source
    )
    assert IndicatorValue.objects.count() == 0
    assert result.errors == [
        "Zeile 3, Spalte „AGS“: „99999“ ist kein bekannter Kreisschlüssel.",
        f"Zeile 4, Spalte „AGS“: Wert für 16061 (Eichsfeld), „{NAME}“, 2023 steht schon in "
        "Zeile 2.",
        "Zeile 5, Spalte „Wert“: „viele“ ist keine Zahl.",
        "Zeile 6, Spalte „Jahr“: „23“ ist kein Jahr (vierstellig).",
        "Zeile 6, Spalte „Quelle“: Quelle fehlt.",
    ]


def test_dry_run_writes_nothing(regions):
    result = _import(f"16061;{NAME};2023;100;;Landesamt\n", dry_run=True)
    assert result.errors == [] and result.total == 1
    assert IndicatorValue.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "filename", "message"),
    [
        (b"AGS;Wert\n16061;1\n", "k.csv", "Pflichtspalten fehlen in der Kopfzeile: „Kennzahl“"),
        (HEADER.encode(), "k.csv", "nur die Kopfzeile"),
        (b"", "k.csv", "leer"),
        (
            "AGS;Kennzahl;Jahr;Wert;Quelle\n16061;Größe;2023;1;x\n".encode("latin-1"),
            "k.csv",
            "UTF-8",
        ),
        (b"x", "k.xlsx", "CSV-Datei"),
    ],
)
def test_unusable_files_are_refused_with_a_german_reason(regions, content, filename, message):
    with pytest.raises(IndicatorFileError, match=message):
        indicator_values_import(content=content, filename=filename)
    assert IndicatorValue.objects.count() == 0
