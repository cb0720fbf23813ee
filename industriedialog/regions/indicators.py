"""Reading and checking an indicator CSV (regional statistics per district).

File format (German headers, one value per line; ``;`` or ``,`` as separator):
``AGS;Kennzahl;Jahr;Wert;Einheit;Quelle``. Numbers may use a German decimal comma. Every
problem is reported with its line; the service writes nothing unless all lines are valid.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import District

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 50_000

# Header → (field, required, description); the header is part of the file format (German).
COLUMNS: dict[str, tuple[str, bool, object]] = {
    "AGS": ("ags", True, gettext_lazy("Fünfstelliger Kreisschlüssel, z. B. 16061.")),
    "Kennzahl": (
        "indicator",
        True,
        gettext_lazy("Name der Kennzahl, z. B. Beschäftigte im Verarbeitenden Gewerbe."),
    ),
    "Jahr": ("year", True, gettext_lazy("Berichtsjahr, vierstellig.")),
    "Wert": (
        "value",
        True,
        gettext_lazy(
            "Zahl, deutsch (14.250 oder 31,5) oder mit Dezimalpunkt (31.5); ein Punkt vor "
            "genau drei Ziffern trennt Tausender."
        ),
    ),
    "Einheit": ("unit", False, gettext_lazy("z. B. Personen, Prozent, Betriebe.")),
    "Quelle": ("source", True, gettext_lazy("Herkunft der Zahl, z. B. Statistisches Landesamt.")),
}
_GERMAN_NUMBER = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")
_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


class IndicatorFileError(ValueError):
    """The file as a whole is unusable (encoding, type, header)."""


@dataclass(frozen=True)
class IndicatorRow:
    line: int
    district_id: int
    ags: str
    indicator: str
    year: int
    value: Decimal
    unit: str
    source: str


@dataclass
class IndicatorCheck:
    rows: list[IndicatorRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    total: int = 0

    @property
    def is_clean(self) -> bool:
        return not self.errors


def number_parse(text: str) -> Decimal | None:
    """``1.234,5``, ``14.250`` (German grouping) and ``1234.5`` → Decimal; else None."""
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text or _THOUSANDS_ONLY.match(text):
        if not _GERMAN_NUMBER.match(text):
            return None
        text = text.replace(".", "").replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _text(content: bytes, filename: str) -> str:
    if Path(filename).suffix.lower() != ".csv":
        raise IndicatorFileError(
            _("Bitte eine CSV-Datei hochladen (Dateiendung .csv), nicht „%(name)s“.")
            % {"name": Path(filename).name}
        )
    if len(content) > MAX_FILE_SIZE:
        raise IndicatorFileError(_("Die Datei ist größer als 5 MB."))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise IndicatorFileError(
            _(
                "Die Datei ist nicht in UTF-8 gespeichert (erstes fremdes Zeichen in Zeile "
                "%(line)d). Bitte als „CSV UTF-8“ speichern."
            )
            % {"line": line}
        ) from None


def indicator_file_check(*, content: bytes, filename: str) -> IndicatorCheck:
    """Check every line; raise ``IndicatorFileError`` if the file as a whole is unusable."""
    text = _text(content, filename)
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise IndicatorFileError(_("Die Datei ist leer."))
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] = []
    positions: dict[str, int] = {}
    check = IndicatorCheck()
    districts = {d.ags: d for d in District.objects.only("id", "ags", "name", "successor_id")}
    seen: dict[tuple[int, str, int], int] = {}
    try:
        for raw in reader:
            line = reader.line_num
            cells = [c.strip() for c in raw]
            if not any(cells):
                continue
            if not header:
                header = cells
                positions = {name: header.index(name) for name in COLUMNS if name in header}
                missing = [n for n, (_f, req, _d) in COLUMNS.items() if req and n not in positions]
                if missing:
                    raise IndicatorFileError(
                        _("Pflichtspalten fehlen in der Kopfzeile: %(missing)s. Erwartet: %(all)s.")
                        % {
                            "missing": ", ".join(f"„{m}“" for m in missing),
                            "all": ";".join(COLUMNS),
                        }
                    )
                continue
            check.total += 1
            if check.total > MAX_ROWS:
                raise IndicatorFileError(_("Die Datei hat mehr als 50.000 Datenzeilen."))
            row = _check_row(line, cells, positions, districts, seen, check.errors)
            if row is not None:
                check.rows.append(row)
    except csv.Error as exc:
        raise IndicatorFileError(
            _("Die CSV-Datei ist in Zeile %(line)d nicht lesbar (%(error)s).")
            % {"line": reader.line_num, "error": exc}
        ) from None
    if not check.total:
        raise IndicatorFileError(_("Die Datei enthält nur die Kopfzeile und keine Werte."))
    return check


def _check_row(
    line: int,
    cells: list[str],
    positions: dict[str, int],
    districts: dict[str, District],
    seen: dict[tuple[int, str, int], int],
    errors: list[str],
) -> IndicatorRow | None:
    def cell(name: str) -> str:
        position = positions.get(name)
        return cells[position] if position is not None and position < len(cells) else ""

    def error(column: str, message: str) -> None:
        errors.append(
            _("Zeile %(line)d, Spalte „%(column)s“: %(message)s")
            % {"line": line, "column": column, "message": message}
        )

    before = len(errors)
    ags = cell("AGS")
    district = districts.get(ags)
    if not ags:
        error("AGS", _("Kreisschlüssel fehlt."))
    elif district is None:
        error("AGS", _("„%(value)s“ ist kein bekannter Kreisschlüssel.") % {"value": ags})
    else:
        by_pk = None
        for _hop in range(5):  # follow mergers (Eisenach 16056 → Wartburgkreis 16063)
            if district.successor_id is None:
                break
            by_pk = by_pk or {d.pk: d for d in districts.values()}
            district = by_pk[district.successor_id]
    name = cell("Kennzahl")
    if not name:
        error("Kennzahl", _("Name der Kennzahl fehlt."))
    elif len(name) > 150:
        error("Kennzahl", _("Der Name ist länger als 150 Zeichen."))
    year_text = cell("Jahr")
    year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else 0
    if not 1950 <= year <= 2100:
        error("Jahr", _("„%(value)s“ ist kein Jahr (vierstellig).") % {"value": year_text})
    value_text = cell("Wert")
    value = number_parse(value_text)
    if value is None:
        error("Wert", _("„%(value)s“ ist keine Zahl.") % {"value": value_text})
    elif abs(value) >= Decimal("1e14"):
        error("Wert", _("Die Zahl ist zu groß."))
    source = cell("Quelle")
    if not source:
        error("Quelle", _("Quelle fehlt."))
    if len(errors) > before or district is None or value is None:
        return None
    key = (district.pk, name.casefold(), year)
    if key in seen:
        error(
            "AGS",
            _(
                "Wert für %(ags)s (%(district)s), „%(name)s“, %(year)d steht schon in Zeile "
                "%(other)d."
            )
            % {
                "ags": district.ags,
                "district": district.name,
                "name": name,
                "year": year,
                "other": seen[key],
            },
        )
        return None
    seen[key] = line
    return IndicatorRow(
        line=line,
        district_id=district.pk,
        ags=district.ags,
        indicator=name,
        year=year,
        value=value,
        unit=cell("Einheit")[:40],
        source=source[:255],
    )
