"""Report files from a report's content (the frozen snapshot): PDF through WeasyPrint from
the print template, DOCX through python-docx. Both show the same figures and charts."""

from __future__ import annotations

import datetime
import io
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from . import charts, selectors


def report_context(content: dict[str, Any]) -> dict[str, Any]:
    """Template data of a report: per task the indicators in the report's period, each with
    its chart, and the annex over all periods."""
    figures = content["figures"]
    tasks = selectors.figures_for_period(figures, content["period_id"])
    chart_count = 0
    for task in tasks:
        task["text"] = content["texts"].get(f"task-{task['id']}", "")
        for row in task["indicators"]:
            row["actual_text"] = charts.format_number(row["actual"])
            row["target_text"] = charts.format_number(row["target"])
            row["chart"] = ""
            if row["status"] != selectors.UNAVAILABLE and len(row["series"]) > 1:
                chart_count += 1
                row["chart"] = charts.bar_chart_svg(
                    f"chart-{row['id']}", row["name"], row["series"]
                )
            for point in row["series"]:
                point["actual_text"] = charts.format_number(point["actual"])
                point["target_text"] = charts.format_number(point["target"])
    annex = [
        {
            "task": task["number"],
            "name": row["name"],
            "unit": row["unit"],
            "cells": [
                {
                    "target": charts.format_number(row["values"][str(p["id"])]["target"]),
                    "actual": charts.format_number(row["values"][str(p["id"])]["actual"]),
                }
                for p in figures["periods"]
            ],
        }
        for task in figures["tasks"]
        for row in task["indicators"]
    ]
    return {
        "content": content,
        "project": figures["project"],
        "periods": figures["periods"],
        "tasks": tasks,
        "counts": selectors.status_counts(tasks),
        "annex": annex,
        "chart_count": chart_count,
        "issued_on": (
            datetime.datetime.fromisoformat(content["frozen_at"]).date()
            if content.get("frozen_at")
            else None
        ),
    }


def render_pdf(content: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    html = render_to_string("reporting/report_print.html", report_context(content))
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def render_docx(content: dict[str, Any]) -> bytes:
    from docx import Document
    from docx.shared import Cm

    ctx = report_context(content)
    project = ctx["project"]
    doc = Document()
    doc.core_properties.title = content["title"]
    doc.add_heading(content["title"], level=0)
    doc.add_paragraph(f"{content['kind_label']} · {project['name']}")
    doc.add_paragraph(_("Berichtszeitraum: %(period)s") % {"period": content["period_label"]})
    if project["client"]:
        doc.add_paragraph(_("Auftraggeber: %(client)s") % {"client": project["client"]})
    if project["reference"]:
        doc.add_paragraph(_("Aktenzeichen: %(ref)s") % {"ref": project["reference"]})
    if ctx["issued_on"]:
        doc.add_paragraph(_("Stand: %(date)s") % {"date": ctx["issued_on"].strftime("%d.%m.%Y")})
    doc.add_page_break()

    doc.add_heading(_("Zusammenfassung"), level=1)
    for paragraph in (content["texts"].get("summary") or "").split("\n\n"):
        if paragraph.strip():
            doc.add_paragraph(paragraph.strip())
    counts = ctx["counts"]
    doc.add_paragraph(
        _("%(achieved)s Kennzahlen haben ihren Zielwert erreicht, %(open)s sind offen.")
        % {"achieved": counts["achieved"], "open": counts["open"]}
    )
    _indicator_table(doc, [row for task in ctx["tasks"] for row in task["indicators"]])

    for task in ctx["tasks"]:
        doc.add_heading(
            _("Teilaufgabe %(number)s: %(title)s")
            % {"number": task["number"], "title": task["title"]},
            level=1,
        )
        if task["description"]:
            doc.add_paragraph(task["description"])
        for paragraph in task["text"].split("\n\n"):
            if paragraph.strip():
                doc.add_paragraph(paragraph.strip())
        if not task["indicators"]:
            continue
        _indicator_table(doc, task["indicators"])
        for row in task["indicators"]:
            if row["chart"]:
                doc.add_paragraph(row["name"], style="Caption")
                png = charts.bar_chart_png(row["name"], row["series"])
                doc.add_picture(io.BytesIO(png), width=Cm(15))

    doc.add_heading(_("Anhang A: Kennzahlen aller Zeiträume"), level=1)
    table = doc.add_table(rows=1, cols=2 + 2 * len(ctx["periods"]))
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].text = _("Teilaufgabe")
    head[1].text = _("Kennzahl")
    for i, period in enumerate(ctx["periods"]):
        head[2 + 2 * i].text = _("%(period)s Ziel") % {"period": period["label"]}
        head[3 + 2 * i].text = _("%(period)s Ist") % {"period": period["label"]}
    for row in ctx["annex"]:
        cells = table.add_row().cells
        cells[0].text = str(row["task"])
        cells[1].text = row["name"]
        for i, cell in enumerate(row["cells"]):
            cells[2 + 2 * i].text = cell["target"]
            cells[3 + 2 * i].text = cell["actual"]

    doc.add_heading(_("Anhang B: Erreichte Initiativen nach Bundesland"), level=1)
    reached = content["reached"]
    if not reached["available"]:
        doc.add_paragraph(_("Modul noch nicht verfügbar"))
    else:
        table = doc.add_table(rows=1, cols=2)
        table.style = "Table Grid"
        table.rows[0].cells[0].text = _("Bundesland")
        table.rows[0].cells[1].text = _("Initiativen")
        for state in reached["states"]:
            cells = table.add_row().cells
            cells[0].text = state["name"]
            cells[1].text = str(state["count"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _indicator_table(doc: Any, rows: list[dict[str, Any]]) -> None:
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells,
        [_("Kennzahl"), _("Einheit"), _("Zielwert"), _("Istwert"), _("Status")],
        strict=True,
    ):
        cell.text = label
    for row in rows:
        cells = table.add_row().cells
        cells[0].text = row["name"]
        cells[1].text = row["unit"]
        cells[2].text = row["target_text"]
        cells[3].text = row["actual_text"]
        cells[4].text = row["status_label"]
