"""The results as a PDF report (WeasyPrint): per question the table of counts and shares,
mean and median, and the chart drawn as SVG on the server (charts.py), plus the latest free
texts. Filters of the results page apply, so a report can cover one group."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from . import selectors
from .charts import chart_svg
from .models import Survey
from .questions import TEXT_KINDS

TEXTS_PER_QUESTION = 20


def report_context(survey: Survey, filters: dict[str, str] | None = None) -> dict[str, Any]:
    results = selectors.survey_results_cached(survey, filters)
    sections = []
    for result in results:
        texts = (
            [
                a.text
                for a in selectors.text_answers(
                    survey, result.key, filters=filters, limit=TEXTS_PER_QUESTION
                )
            ]
            if result.kind in TEXT_KINDS
            else None
        )
        sections.append(
            {"result": result, "svg": chart_svg(result.chart, title=result.text), "texts": texts}
        )
    return {
        "survey": survey,
        "sections": sections,
        "total": selectors.submitted_count(survey, filters),
        "rate": selectors.response_rate(survey),
        "filters": filters or {},
        "created": timezone.localtime(),
    }


def results_pdf(survey: Survey, filters: dict[str, str] | None = None) -> bytes:
    from weasyprint import HTML

    html = render_to_string("surveys/results_pdf.html", report_context(survey, filters))
    return HTML(string=html).write_pdf()
