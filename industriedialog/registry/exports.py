"""Export of a filter result as CSV, XLSX or JSON: public fields only (no contact persons),
in the import's German file format, built in a fixed number of queries."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from .constants import DATA_LICENCE, FORMULA_PREFIXES
from .forms_transfer import german_labels
from .imports import HEADERS, M2M_FIELDS
from .models import Initiative
from .vocabularies import EventFormatCode, FieldOfActionCode, Level, Status, TargetGroupCode

EXPORT_FORMATS = ("csv", "xlsx", "json")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}

# Through-table column holding the value that each many-to-many field exports.
_M2M_VALUE = {
    "states": "state__code",
    "districts": "district__ags",
    "fields_of_action": "fieldofaction__code",
    "target_groups": "targetgroup__code",
    "formats": "eventformat__code",
}
_VOCABULARIES = {
    "fields_of_action": FieldOfActionCode,
    "target_groups": TargetGroupCode,
    "formats": EventFormatCode,
}


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    filename: str


@dataclass(frozen=True)
class ExportRow:
    initiative: Initiative
    related: dict[str, list[str]]  # many-to-many field → sorted codes / AGS


def export_rows(queryset: QuerySet[Initiative]) -> list[ExportRow]:
    """The initiatives of ``queryset`` with their many-to-many codes: one query for the
    initiatives and one per many-to-many field, however many rows there are."""
    initiatives = list(queryset.defer("search_text"))
    ids = queryset.order_by().values("pk")
    related: dict[str, dict[int, list[str]]] = {}
    for name in M2M_FIELDS:
        through: Any = getattr(Initiative, name).through
        pairs = (
            through.objects.filter(initiative_id__in=ids)
            .values_list("initiative_id", _M2M_VALUE[name])
            .order_by(_M2M_VALUE[name])
        )
        by_initiative: dict[int, list[str]] = defaultdict(list)
        for initiative_id, value in pairs:
            by_initiative[initiative_id].append(value)
        related[name] = by_initiative
    return [
        ExportRow(i, {name: related[name].get(i.pk, []) for name in M2M_FIELDS})
        for i in initiatives
    ]


def _labels(name: str, codes: Iterable[str]) -> str:
    labels = german_labels(_VOCABULARIES[name])
    return "; ".join(labels.get(code, code) for code in codes)


def table_row(row: ExportRow) -> list[Any]:
    """One row in the order of ``imports.COLUMNS`` (German labels, dates as TT.MM.JJJJ)."""
    i, rel = row.initiative, row.related
    return [
        i.name,
        i.short_name,
        german_labels(Level).get(i.level, i.level),
        german_labels(Status).get(i.status, i.status),
        ", ".join(rel["states"]),
        ", ".join(rel["districts"]),
        i.seat,
        i.founded_year,
        i.founded_on.strftime("%d.%m.%Y") if i.founded_on else "",
        i.description,
        i.mission_statement,
        i.goals,
        _labels("fields_of_action", rel["fields_of_action"]),
        _labels("target_groups", rel["target_groups"]),
        _labels("formats", rel["formats"]),
        i.member_company_count,
        i.website,
        i.source,
    ]


def json_record(row: ExportRow, *, base_url: str = "") -> dict[str, Any]:
    i, rel = row.initiative, row.related
    return {
        "name": i.name,
        "short_name": i.short_name,
        "slug": i.slug,
        "url": base_url + i.get_absolute_url(),
        "level": i.level,
        "status": i.status,
        "states": rel["states"],
        "districts": rel["districts"],
        "seat": i.seat,
        "founded_year": i.founded_year,
        "founded_on": i.founded_on.isoformat() if i.founded_on else None,
        "description": i.description,
        "mission_statement": i.mission_statement,
        "goals": i.goals,
        "fields_of_action": rel["fields_of_action"],
        "target_groups": rel["target_groups"],
        "formats": rel["formats"],
        "member_company_count": i.member_company_count,
        "website": i.website,
        "source": i.source,
        "last_verified_on": i.last_verified_on.isoformat() if i.last_verified_on else None,
    }


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return "" if value is None else value


def table_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM, so Excel opens umlauts correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_csv_safe(v) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_xlsx(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_title: str,
    notes: Sequence[tuple[str, str]] = (),
) -> bytes:
    """One sheet with the table (text cells never become formulas), optionally a second
    sheet "Hinweise" with licence and provenance."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    for position, header in enumerate(headers, start=1):
        width = max(12, min(40, len(header) + 6))
        sheet.column_dimensions[get_column_letter(position)].width = width
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)

    def text_safe(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, not a formula
            return cell
        return value

    for row in rows:
        sheet.append([text_safe(v) for v in row])
    if notes:
        info = workbook.create_sheet("Hinweise")
        info.column_dimensions["A"].width = 20
        info.column_dimensions["B"].width = 80
        for key, value in notes:
            info.append([key, value])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def initiatives_export(
    *, queryset: QuerySet[Initiative], fmt: str, source_url: str, base_url: str = ""
) -> ExportFile:
    """The initiatives of ``queryset`` (a filter result) as a file in ``fmt``."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(fmt)
    now = timezone.now()
    rows = export_rows(queryset)
    filename = f"initiativen-{timezone.localtime(now):%Y-%m-%d}.{fmt}"
    if fmt == "json":
        document = {
            "licence": DATA_LICENCE,
            "generated_at": now.isoformat(timespec="seconds"),
            "source": source_url,
            "count": len(rows),
            "initiatives": [json_record(row, base_url=base_url) for row in rows],
        }
        content = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    elif fmt == "csv":
        content = table_csv(HEADERS, (table_row(row) for row in rows))
    else:
        notes = [
            ("Lizenz", f"{DATA_LICENCE['name']} ({DATA_LICENCE['url']})"),
            ("Quelle", source_url),
            ("Stand", f"{timezone.localtime(now):%d.%m.%Y %H:%M}"),
            ("Einträge", str(len(rows))),
        ]
        content = table_xlsx(
            HEADERS, (table_row(row) for row in rows), sheet_title="Initiativen", notes=notes
        )
    return ExportFile(content=content, content_type=CONTENT_TYPES[fmt], filename=filename)
