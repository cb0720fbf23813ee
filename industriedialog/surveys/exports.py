"""Exports of a survey's responses: CSV and XLSX with one row per response; the XLSX adds a
codebook sheet (column, question, type, code → label)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from . import selectors
from .models import Survey
from .questions import Kind, text_in_language


def _header(columns: list[dict]) -> list[str]:
    return [_("Antwort-Nr."), _("abgeschickt am"), *[c["name"] for c in columns]]


def _cells(columns: list[dict], row: dict) -> list[Any]:
    values = [row.get(c["name"], "") for c in columns]
    return [row["_id"], row["_submitted_on"], *[_formula_safe(v) for v in values]]


def _formula_safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def responses_csv(survey: Survey) -> StreamingHttpResponse:
    columns, rows = selectors.export_rows(survey)
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():  # type: ignore[no-untyped-def]
        yield "\ufeff" + writer.writerow(_header(columns))
        for row in rows:
            yield writer.writerow(_cells(columns, row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="umfrage-{survey.pk}.csv"'
    return response


def codebook(survey: Survey) -> list[list[str]]:
    """One line per column and code: what a value in the export means."""
    columns, _rows = selectors.export_rows(survey)
    lines = []
    for column in columns:
        q = column["question"]
        text = text_in_language(q["text"])
        if column.get("item_label"):
            text = f"{text} – {column['item_label']}"
        kind = str(Kind(q["kind"]).label)
        if column["item"] == "other":
            lines.append([column["name"], f"{text} – {_('Sonstiges (Freitext)')}", kind, "", ""])
            continue
        labels = selectors.category_labels(q) if q["kind"] != Kind.INITIATIVE else {}
        if q["kind"] in {Kind.MATRIX, Kind.RANKING}:
            labels = (
                {str(i): str(i) for i in range(1, len(q["options"]) + 1)}
                if q["kind"] == Kind.RANKING
                else selectors.category_labels({"kind": Kind.LIKERT})
            )
        if not labels:
            lines.append([column["name"], text, kind, "", ""])
        for code, label in labels.items():
            lines.append([column["name"], text, kind, code, label])
    return lines


def responses_xlsx(survey: Survey) -> HttpResponse:
    from openpyxl import Workbook

    columns, rows = selectors.export_rows(survey)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Antworten"))
    sheet.append(_header(columns))
    for row in rows:
        sheet.append([_excel(v) for v in _cells(columns, row)])
    book_sheet = book.create_sheet(_("Codebuch"))
    book_sheet.append([_("Spalte"), _("Frage"), _("Fragetyp"), _("Code"), _("Bedeutung")])
    for line in codebook(survey):
        book_sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="umfrage-{survey.pk}.xlsx"'
    return response


def _excel(value: Any) -> Any:
    """Numbers as numbers in the spreadsheet."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    return value
