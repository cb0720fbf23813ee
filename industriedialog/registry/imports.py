"""Import of initiatives from CSV or XLSX: read the file, check every row, show a dry-run
preview, then write all rows (or only the valid ones) in one transaction.

The file format is German (headers, labels, dates) in every UI language; it is the same
format the export writes, so an export re-imports cleanly.
"""

from __future__ import annotations

import csv
import datetime
import io
import uuid
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from industriedialog.common.models import AuditLogEntry, audit_log
from industriedialog.regions.models import State

from .changes import INITIATIVE_FIELDS, diff, snapshot
from .constants import FORMULA_PREFIXES
from .forms_transfer import (
    MAX_FILE_SIZE,
    InitiativeImportRowForm,
    RowLookups,
    german_labels,
    normalise,
)
from .models import ImportRun, Initiative
from .search import search_document
from .vocabularies import FieldOfActionCode

MAX_ROWS = 20_000
MAX_LINES = 100_000  # data rows plus empty ones: stops files that are mostly blank
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # an XLSX is a zip: refuse "zip bombs"
M2M_FIELDS = ("states", "districts", "fields_of_action", "target_groups", "formats")


@dataclass(frozen=True)
class Column:
    header: str  # as in the file: part of the German file format, never translated
    field: str
    required: bool
    description: Any
    example: str


_LIST_HELP = gettext_lazy("Bezeichnungen oder Kennungen, durch Semikolon (oder Komma) getrennt.")
_TEXT_HELP = gettext_lazy("Freitext.")

COLUMNS: tuple[Column, ...] = (
    Column(
        "Name",
        "name",
        required=True,
        description=gettext_lazy("Voller Name der Initiative."),
        example="Bündnis für Industrie Thüringen",
    ),
    Column(
        "Kurzname",
        "short_name",
        required=False,
        description=gettext_lazy("Abkürzung oder Kurzform."),
        example="BfI Thüringen",
    ),
    Column(
        "Ebene",
        "level",
        required=True,
        description=gettext_lazy("Land, Region oder Kommune."),
        example="Land",
    ),
    Column(
        "Status",
        "status",
        required=False,
        description=gettext_lazy("in Gründung, aktiv, ruhend oder beendet; leer bedeutet aktiv."),
        example="aktiv",
    ),
    Column(
        "Bundesländer",
        "states",
        required=True,
        description=gettext_lazy("Kürzel der Bundesländer, durch Komma getrennt."),
        example="TH",
    ),
    Column(
        "Kreise",
        "districts",
        required=False,
        description=gettext_lazy(
            "Kreisschlüssel (AGS, fünfstellig), durch Komma getrennt; ehemalige Schlüssel "
            "werden dem heutigen Kreis zugeordnet."
        ),
        example="16061, 16063",
    ),
    Column(
        "Sitz",
        "seat",
        required=False,
        description=gettext_lazy("Ort der Geschäftsstelle."),
        example="Erfurt",
    ),
    Column(
        "Gründungsjahr",
        "founded_year",
        required=False,
        description=gettext_lazy("Vierstellige Jahreszahl."),
        example="2016",
    ),
    Column(
        "Gründungsdatum",
        "founded_on",
        required=False,
        description=gettext_lazy("TT.MM.JJJJ oder JJJJ-MM-TT; muss zum Gründungsjahr passen."),
        example="01.09.2016",
    ),
    Column("Beschreibung", "description", required=False, description=_TEXT_HELP, example=""),
    Column("Leitbild", "mission_statement", required=False, description=_TEXT_HELP, example=""),
    Column("Ziele", "goals", required=False, description=_TEXT_HELP, example=""),
    Column(
        "Handlungsfelder",
        "fields_of_action",
        required=False,
        description=_LIST_HELP,
        example="Fachkräfte und Ausbildung; Strukturwandel",
    ),
    Column(
        "Zielgruppen",
        "target_groups",
        required=False,
        description=_LIST_HELP,
        example="Unternehmen; Medien",
    ),
    Column(
        "Formate",
        "formats",
        required=False,
        description=_LIST_HELP,
        example="Netzwerktreffen; Webinar",
    ),
    Column(
        "Mitgliedsunternehmen",
        "member_company_count",
        required=False,
        description=gettext_lazy("Ganze Zahl."),
        example="45",
    ),
    Column(
        "Website",
        "website",
        required=False,
        description=gettext_lazy("Adresse mit https://."),
        example="https://www.example.org",
    ),
    Column(
        "Quelle",
        "source",
        required=False,
        description=gettext_lazy("Woher stammen die Angaben?"),
        example="Geschäftsbericht 2024",
    ),
)
COLUMN_BY_FIELD = {c.field: c for c in COLUMNS}
HEADERS = [c.header for c in COLUMNS]
# Singular spellings people type for the list columns.
_HEADER_ALIASES = {
    "bundesland": "states",
    "kreis": "districts",
    "handlungsfeld": "fields_of_action",
    "zielgruppe": "target_groups",
    "format": "formats",
}


# Reading the file ---------------------------------------------------------------------------


@dataclass
class Table:
    """The cells of an import file: header row and data rows with their line numbers."""

    format: str
    header_line: int
    headers: list[str]
    rows: list[tuple[int, list[str]]]


def import_table_read(*, content: bytes, filename: str) -> Table:
    """Read a CSV or XLSX file; raise ``ValidationError`` (German) if it is unusable."""
    if len(content) > MAX_FILE_SIZE:
        raise ValidationError(
            _("Die Datei ist größer als 10 MB. Bitte teilen Sie sie auf mehrere Dateien auf.")
        )
    extension = Path(filename).suffix.lower()
    is_zip = content[:4] == b"PK\x03\x04"
    if extension == ".xls":
        raise ValidationError(
            _(
                "Das alte Excel-Format .xls wird nicht unterstützt. Bitte speichern Sie die "
                "Datei als Excel-Arbeitsmappe (.xlsx) oder als CSV (UTF-8)."
            )
        )
    if extension == ".xlsx":
        if not is_zip:
            raise ValidationError(
                _("Die Datei endet auf .xlsx, ist aber keine Excel-Arbeitsmappe.")
            )
        return _collect("xlsx", _xlsx_cells(content))
    if extension == ".csv":
        if is_zip:
            raise ValidationError(
                _(
                    "Die Datei endet auf .csv, ist aber eine Excel-Arbeitsmappe. Bitte "
                    "benennen Sie sie in .xlsx um oder speichern Sie sie als CSV (UTF-8)."
                )
            )
        return _collect("csv", _csv_cells(content))
    raise ValidationError(
        _("Dateityp „%(ext)s“ wird nicht unterstützt: bitte eine CSV- oder XLSX-Datei."),
        params={"ext": extension or filename},
    )


def _csv_cells(content: bytes) -> Iterator[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[: exc.start].count(b"\n") + 1
        raise ValidationError(
            _(
                "Die Datei ist nicht in UTF-8 gespeichert (erstes fremdes Zeichen in Zeile "
                "%(line)d). Bitte speichern Sie sie als „CSV UTF-8 (durch Trennzeichen "
                "getrennt)“."
            ),
            params={"line": line},
        ) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "," if first.count(",") > first.count(";") else ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield [_csv_unescape(value) for value in row]
    except csv.Error as exc:
        raise ValidationError(
            _("Die CSV-Datei ist in Zeile %(line)d nicht lesbar (%(error)s)."),
            params={"line": reader.line_num, "error": exc},
        ) from None


def _csv_unescape(value: str) -> str:
    """Undo the export's protection against formulas ("'=…" → "=…")."""
    if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_PREFIXES:
        return value[1:]
    return value


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _xlsx_cells(content: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    broken = ValidationError(_("Die Excel-Datei ist beschädigt oder keine gültige XLSX-Datei."))
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_XLSX_UNPACKED:
            raise ValidationError(
                _("Die Excel-Datei ist entpackt zu groß; bitte teilen Sie sie auf.")
            )
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - any defect of an uploaded file gets the same answer
        raise broken from None
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            yield [_cell_text(value) for value in row]
    except Exception:  # noqa: BLE001
        raise broken from None
    finally:
        workbook.close()


def _collect(kind: str, cells: Iterable[list[str]]) -> Table:
    header_line, headers = 0, []
    rows: list[tuple[int, list[str]]] = []
    for line, raw in enumerate(cells, start=1):
        if line > MAX_LINES:
            raise ValidationError(
                _("Die Datei hat mehr als %(max)s Zeilen (auch leere zählen)."),
                params={"max": f"{MAX_LINES:,}".replace(",", ".")},
            )
        values = [v.strip() for v in raw]
        if not any(values):
            continue
        if not header_line:
            header_line, headers = line, values
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(
                _(
                    "Die Datei hat mehr als %(max)s Datenzeilen. Bitte teilen Sie sie auf "
                    "mehrere Dateien auf."
                ),
                params={"max": f"{MAX_ROWS:,}".replace(",", ".")},
            )
        rows.append((line, values))
    if not header_line:
        raise ValidationError(_("Die Datei ist leer."))
    if not rows:
        raise ValidationError(
            _("Die Datei enthält nur die Kopfzeile und keine Initiativen (Datenzeilen).")
        )
    return Table(format=kind, header_line=header_line, headers=headers, rows=rows)


def _map_headers(headers: list[str]) -> tuple[dict[int, Column], list[str]]:
    """Column position → column; unknown headers are returned, missing required ones raise."""
    by_key = {normalise(c.header): c for c in COLUMNS}
    by_key.update({alias: COLUMN_BY_FIELD[name] for alias, name in _HEADER_ALIASES.items()})
    mapping: dict[int, Column] = {}
    unknown: list[str] = []
    errors: list[ValidationError] = []
    for position, header in enumerate(headers):
        if not header:
            continue
        column = by_key.get(normalise(header).rstrip("*").strip())
        if column is None:
            unknown.append(header)
        elif column in mapping.values():
            errors.append(
                ValidationError(
                    _("Die Spalte „%(column)s“ kommt mehrfach vor."),
                    params={"column": column.header},
                )
            )
        else:
            mapping[position] = column
    missing = [c.header for c in COLUMNS if c.required and c not in mapping.values()]
    if missing:
        errors.append(
            ValidationError(
                _("Pflichtspalten fehlen in der Kopfzeile: %(columns)s. Erwartet: %(expected)s."),
                params={
                    "columns": ", ".join(f"„{m}“" for m in missing),
                    "expected": ", ".join(HEADERS),
                },
            )
        )
    if errors:
        raise ValidationError(errors)
    return mapping, unknown


# Checking the rows --------------------------------------------------------------------------


@dataclass
class RowIssue:
    line: int
    column: str
    value: str
    message: str

    @property
    def text(self) -> str:
        if self.column:
            return _("Zeile %(line)d, Spalte „%(column)s“: %(message)s") % {
                "line": self.line,
                "column": self.column,
                "message": self.message,
            }
        return _("Zeile %(line)d: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class Duplicate:
    line: int
    name: str
    state: str
    other_line: int | None  # None: already in the registry

    @property
    def text(self) -> str:
        if self.other_line is None:
            return _(
                "Zeile %(line)d: „%(name)s“ steht für %(state)s schon im Verzeichnis und wird "
                "nicht noch einmal angelegt."
            ) % {"line": self.line, "name": self.name, "state": self.state}
        return _(
            "Zeile %(line)d: „%(name)s“ steht für %(state)s schon in Zeile %(other)d der Datei."
        ) % {"line": self.line, "name": self.name, "state": self.state, "other": self.other_line}


@dataclass
class ValidRow:
    line: int
    initiative: Initiative
    m2m: dict[str, list[Any]]


@dataclass
class ImportCheck:
    """The dry run of one file: what would be written, what is wrong, what is doubled."""

    format: str
    total_rows: int
    unknown_columns: list[str]
    valid_rows: list[ValidRow] = field(default_factory=list)
    issues: dict[int, list[RowIssue]] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.issues and not self.duplicates

    def report(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "total": self.total_rows,
            "valid": len(self.valid_rows),
            "unknown_columns": self.unknown_columns,
            "errors": [
                {
                    "line": line,
                    "issues": [
                        {"column": i.column, "value": i.value, "message": i.message, "text": i.text}
                        for i in issues
                    ],
                }
                for line, issues in sorted(self.issues.items())
            ],
            "duplicates": [
                {"line": d.line, "name": d.name, "state": d.state, "text": d.text}
                for d in self.duplicates
            ],
        }


def _existing_keys() -> dict[tuple[str, str], str]:
    """(normalised name, state code) of every entry in the registry → its name."""
    rows = Initiative.states.through.objects.values_list("initiative__name", "state__code")
    return {(normalise(name), code): name for name, code in rows}


def import_check(*, table: Table) -> ImportCheck:
    """Check every row with ``InitiativeImportRowForm`` and look for duplicates (same name in
    the same state, in the registry or earlier in the file). Writes nothing."""
    mapping, unknown = _map_headers(table.headers)
    check = ImportCheck(format=table.format, total_rows=len(table.rows), unknown_columns=unknown)
    lookups = RowLookups.load()
    existing = _existing_keys()
    seen: dict[tuple[str, str], int] = {}
    width = len(table.headers)
    for line, cells in table.rows:
        data = {
            column.field: cells[position] if position < len(cells) else ""
            for position, column in mapping.items()
        }
        form = InitiativeImportRowForm(data=data, lookups=lookups)
        issues = _form_issues(line, form, data)
        if any(cells[width:]):
            issues.append(
                RowIssue(line, "", "", _("Die Zeile hat mehr Werte als die Kopfzeile Spalten."))
            )
        if issues:
            check.issues[line] = issues
            continue
        initiative: Initiative = form.instance
        states: list[State] = form.cleaned_data["states"]
        duplicate = None
        for state in states:
            key = (normalise(initiative.name), state.code)
            if key in existing or key in seen:
                duplicate = Duplicate(line, initiative.name, state.name, seen.get(key))
                break
        if duplicate:
            check.duplicates.append(duplicate)
            continue
        for state in states:
            seen[(normalise(initiative.name), state.code)] = line
        check.valid_rows.append(
            ValidRow(line, initiative, {name: form.cleaned_data[name] for name in M2M_FIELDS})
        )
    return check


def _form_issues(line: int, form: InitiativeImportRowForm, data: dict[str, str]) -> list[RowIssue]:
    if form.is_valid():
        return []
    issues = []
    order = {c.field: n for n, c in enumerate(COLUMNS)}
    for name, messages in sorted(form.errors.items(), key=lambda e: order.get(e[0], -1)):
        column = COLUMN_BY_FIELD.get(name)
        for message in messages:
            issues.append(
                RowIssue(
                    line,
                    column.header if column else "",
                    data.get(name, "") if column else "",
                    str(message),
                )
            )
    return issues


# Writing ------------------------------------------------------------------------------------


def initiative_search_text(
    initiative: Initiative,
    *,
    field_codes: Iterable[str],
    state_names: Iterable[str],
    member_names: Iterable[str] = (),
) -> str:
    """The stored search text as ``services.initiative_refresh_search_text`` builds it, from
    values already in memory (for bulk writes); field labels always in German."""
    labels = german_labels(FieldOfActionCode)
    return search_document(
        [
            initiative.name,
            initiative.short_name,
            initiative.seat,
            initiative.description,
            initiative.mission_statement,
            initiative.goals,
            *(labels.get(code, code) for code in field_codes),
            *state_names,
            *member_names,
        ]
    )


def _m2m_snapshot(name: str, values: list[Any]) -> list[Any]:
    if name == "states":
        return sorted(v.code for v in values)
    if name == "districts":
        return sorted(v.ags for v in values)
    return sorted(v.code for v in values)


def free_slug(name: str, taken: set[str]) -> str:
    """A slug for ``name`` not in ``taken`` (which it joins); no query per call."""
    base = slugify(name)[:100] or "initiative"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def m2m_bulk_create(rows: Iterable[tuple[Initiative, dict[str, list[Any]]]]) -> None:
    """The many-to-many rows of saved initiatives, one bulk insert per field."""
    rows = list(rows)
    for name in M2M_FIELDS:
        m2m_field: Any = Initiative._meta.get_field(name)
        through = m2m_field.remote_field.through
        source, target = m2m_field.m2m_field_name(), m2m_field.m2m_reverse_field_name()
        through.objects.bulk_create(
            [
                through(**{f"{source}_id": initiative.pk, f"{target}_id": value.pk})
                for initiative, m2m in rows
                for value in m2m.get(name, [])
            ],
            batch_size=1000,
        )


def initiatives_bulk_create(
    *,
    rows: list[tuple[Initiative, dict[str, list[Any]]]],
    actor: Any,
    log_data: dict[str, Any] | None = None,
) -> list[Initiative]:
    """Create many initiatives with their many-to-many rows, search texts and one
    ``registry.initiative_created`` history entry each, in a fixed number of bulk queries."""
    taken = set(Initiative.objects.values_list("slug", flat=True))
    initiatives = []
    for initiative, m2m in rows:
        initiative.slug = initiative.slug or free_slug(initiative.name, taken)
        initiative.search_text = initiative_search_text(
            initiative,
            field_codes=[f.code for f in m2m.get("fields_of_action", [])],
            state_names=[s.name for s in m2m.get("states", [])],
        )
        initiatives.append(initiative)
    Initiative.objects.bulk_create(initiatives, batch_size=500)
    m2m_bulk_create(rows)
    scalar_fields = [f for f in INITIATIVE_FIELDS if f not in M2M_FIELDS]
    content_type = ContentType.objects.get_for_model(Initiative)
    user = actor if getattr(actor, "is_authenticated", False) else None
    AuditLogEntry.objects.bulk_create(
        [
            AuditLogEntry(
                actor=user,
                action="registry.initiative_created",
                content_type=content_type,
                object_id=str(initiative.pk),
                object_repr=initiative.name[:255],
                data={
                    "changes": diff(
                        {},
                        {
                            **snapshot(initiative, scalar_fields),
                            **{n: _m2m_snapshot(n, m2m.get(n, [])) for n in M2M_FIELDS},
                        },
                    ),
                    **(log_data or {}),
                },
            )
            for initiative, m2m in rows
        ],
        batch_size=500,
    )
    return initiatives


def _store_check(run: ImportRun, check: ImportCheck) -> None:
    run.total_rows = check.total_rows
    run.error_rows = len(check.issues)
    run.duplicate_rows = len(check.duplicates)
    run.report = check.report()


def _read_run(run: ImportRun) -> ImportCheck:
    with run.file.open("rb") as handle:
        content = handle.read()
    return import_check(table=import_table_read(content=content, filename=run.original_name))


@transaction.atomic
def import_run_preview(*, content: bytes, filename: str, actor: Any) -> ImportRun:
    """Check an uploaded file and keep it (privately) for the import step; writes no
    initiative. Raises ``ValidationError`` if the file as a whole is unusable."""
    check = import_check(table=import_table_read(content=content, filename=filename))
    run = ImportRun(
        original_name=Path(filename).name[:255],
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _store_check(run, check)
    stored_name = f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}"
    run.file.save(stored_name, ContentFile(content), save=False)
    run.save()
    return run


@dataclass
class ImportOutcome:
    run: ImportRun
    created: int
    refused: str = ""  # why nothing was written, if so


@transaction.atomic
def import_run_execute(*, run: ImportRun, actor: Any, only_valid: bool) -> ImportOutcome:
    """Check the stored file again (the preview is never trusted) and write its rows in one
    transaction: all of them, or with ``only_valid`` the valid ones without duplicates."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.state != ImportRun.State.PREVIEWED:
        return ImportOutcome(run, 0, _("Dieser Import ist bereits abgeschlossen."))
    check = _read_run(run)
    _store_check(run, check)
    if not check.is_clean and not only_valid:
        run.save()
        return ImportOutcome(
            run,
            0,
            _(
                "Die Datei enthält fehlerhafte Zeilen oder Dubletten; es wurde nichts "
                "importiert. Korrigieren Sie die Datei oder wählen Sie ausdrücklich „Nur die "
                "gültigen Zeilen importieren“."
            ),
        )
    if not check.valid_rows:
        run.save()
        return ImportOutcome(run, 0, _("Die Datei enthält keine gültige Zeile."))
    initiatives_bulk_create(
        rows=[(row.initiative, row.m2m) for row in check.valid_rows],
        actor=actor,
        log_data={"import_run": run.pk},
    )
    run.state = ImportRun.State.IMPORTED
    run.created_count = len(check.valid_rows)
    run.save()
    audit_log(
        "registry.import_completed",
        obj=run,
        actor=actor,
        data={
            "file": run.original_name,
            "rows": run.total_rows,
            "created": run.created_count,
            "skipped_errors": run.error_rows,
            "skipped_duplicates": run.duplicate_rows,
            "only_valid": only_valid,
        },
    )
    return ImportOutcome(run, run.created_count)


@transaction.atomic
def import_run_discard(*, run: ImportRun, actor: Any) -> None:
    """Drop a previewed file without importing anything; the stored upload is deleted."""
    run = ImportRun.objects.select_for_update().get(pk=run.pk)
    if run.state != ImportRun.State.PREVIEWED:
        return
    name, storage = run.file.name, run.file.storage
    run.state = ImportRun.State.DISCARDED
    run.file = ""  # type: ignore[assignment]
    run.save()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    audit_log("registry.import_discarded", obj=run, actor=actor, data={"file": run.original_name})


def import_runs_recent(limit: int = 10) -> QuerySet[ImportRun]:
    return ImportRun.objects.select_related("uploaded_by").order_by("-created_at")[:limit]
