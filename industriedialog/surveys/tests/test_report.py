"""The PDF report with server-drawn SVG charts, and who may download it."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory
from industriedialog.registry.tests.factories import staff_login
from industriedialog.surveys.charts import bar_svg, chart_svg, grade_svg, stacked_svg
from industriedialog.surveys.models import Survey
from industriedialog.surveys.report import report_context

from .factories import make_survey, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(regions):  # type: ignore[no-untyped-def]
    survey = make_survey(is_shared_with_ministry=False)
    for q1, state, grade in [("o1", "BY", "2"), ("o1", "BY", "3"), ("o2", "SH", "2")]:
        submit(survey, {"q1": q1, "q2": state, "q4": grade, "q5": f"Notiz {state}"})
    return survey


def test_bar_chart_draws_one_bar_per_answer_scaled_to_the_largest():
    svg = str(bar_svg(["Ja", "Nein <b>"], [4, 2], title="Frage 1"))
    widths = [int(w) for w in re.findall(r'<rect x="\d+" y="\d+" width="(\d+)"', svg)]
    assert len(widths) == 2 and widths[0] == 2 * widths[1]
    assert "Nein &lt;b&gt;" in svg and "<b>" not in svg  # labels escaped
    assert 'role="img"' in svg and "<title>Frage 1</title>" in svg


def test_grade_chart_has_six_columns_and_stacked_chart_a_legend():
    grades = str(grade_svg([str(i) for i in range(1, 7)], [1, 5, 0, 0, 0, 2], title="Note"))
    assert grades.count("<rect") == 6
    stacked = str(
        stacked_svg(
            ["Zeile A", "Zeile B"],
            [{"label": "stimme zu", "counts": [3, 1]}, {"label": "teils", "counts": [1, 1]}],
            title="Matrix",
        )
    )
    assert "stimme zu" in stacked and "teils" in stacked  # the legend
    assert chart_svg({"type": "bar", "labels": [], "counts": []}, title="leer") == ""


def test_report_has_a_chart_and_the_numbers_for_each_question(answered):
    html = render_to_string("surveys/results_pdf.html", report_context(answered))
    assert "3 abgeschickte Antworten" in html
    # q1 (choice), q2 (state), q4 (grade) have charts; the number and the text question not
    assert html.count("<svg") == 3
    assert "Bayern" in html and "Notiz SH" in html


def test_report_respects_the_filter(answered):
    html = render_to_string("surveys/results_pdf.html", report_context(answered, {"q1": "o1"}))
    assert "2 abgeschickte Antworten" in html and "(gefiltert)" in html
    assert "Notiz SH" not in html


def test_staff_download_the_pdf(client, answered):
    staff_login(client)
    response = client.get(f"/umfragen/auswertung/{answered.pk}/bericht.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "bericht.pdf" in response["Content-Disposition"]
    page = client.get(f"/umfragen/auswertung/{answered.pk}/").content.decode()
    assert f"/umfragen/auswertung/{answered.pk}/bericht.pdf" in page


def test_ministry_downloads_only_shared_reports_and_others_none(client, answered):
    url = f"/umfragen/auswertung/{answered.pk}/bericht.pdf"
    assert client.get(url).status_code == 302  # visitors: sign in first
    client.force_login(UserFactory(roles=[Role.REPRESENTATIVE]))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(roles=[Role.MINISTRY]))
    assert client.get(url).status_code == 403
    Survey.objects.filter(pk=answered.pk).update(is_shared_with_ministry=True)
    response = client.get(url)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
