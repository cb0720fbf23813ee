"""The pages as people use them: answering, save and continue, tokens, the builder, results
and exports, and who may open what."""

from __future__ import annotations

import io
import re
import uuid

import pytest
from django.core import mail
from django.urls import reverse

from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
from industriedialog.registry.tests.factories import staff_login
from industriedialog.surveys import services
from industriedialog.surveys.models import Answer, Invitation, Response, Survey

from .factories import make_survey, submit

pytestmark = pytest.mark.django_db


def _page_url(response) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'action="([^"]+/antwort/[^"]+)"', response.content.decode()).group(1)


def test_public_survey_branches_and_submits_once(client, regions):
    survey = make_survey()
    start = client.get(f"/umfragen/{survey.slug}/")
    assert start.status_code == 200
    assert "Seite 1 von 2" in start.content.decode()
    url = _page_url(start)
    page1 = client.post(url, {"q1": "o1", "q2": "BY", "action": "next"})
    assert page1.status_code == 302
    page2 = client.get(page1["Location"])
    assert "Wie viele Partner?" in page2.content.decode()  # the branch for "Ja"
    assert "Seite 2 von 2" in page2.content.decode()
    done = client.post(page1["Location"], {"q3": "7", "q4": "2", "action": "next"})
    assert done["Location"].endswith(f"/umfragen/{survey.slug}/danke/")
    retry = client.post(page1["Location"], {"q3": "7", "q4": "2", "action": "next"})
    assert retry.status_code == 302  # a retry after a network error: no second response
    assert Response.objects.filter(survey=survey, submitted_on__isnull=False).count() == 1
    assert dict(Answer.objects.values_list("question_key", "choice")) == {
        "q1": "o1",
        "q2": "BY",
        "q3": "",
        "q4": "2",
    }


def test_the_other_branch_skips_the_conditional_question(client, regions):
    survey = make_survey()
    url = _page_url(client.get(f"/umfragen/{survey.slug}/"))
    page2 = client.get(client.post(url, {"q1": "o2", "action": "next"})["Location"])
    assert "Wie viele Partner?" not in page2.content.decode()


def test_invalid_input_gets_a_german_error_at_the_field(client, regions):
    survey = make_survey()
    url = _page_url(client.get(f"/umfragen/{survey.slug}/"))
    page2_url = client.post(url, {"q1": "o1", "action": "next"})["Location"]
    response = client.post(page2_url, {"q3": "150", "q4": "", "action": "next"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte geben Sie eine Zahl bis 100 ein." in html
    assert "Bitte beantworten Sie diese Frage." in html
    assert 'aria-describedby="id_q3_error"' in html and 'id="id_q3_error"' in html
    assert 'href="#id_q4_0"' in html  # the error summary links to the first radio
    assert not Response.objects.filter(submitted_on__isnull=False).exists()


def test_save_and_continue_later(client, regions):
    survey = make_survey()
    url = _page_url(client.get(f"/umfragen/{survey.slug}/"))
    page2_url = client.post(url, {"q1": "o1", "action": "next"})["Location"]
    saved = client.post(page2_url, {"q3": "12", "action": "save"})  # required q4 still empty
    html = saved.content.decode()
    assert "Zwischenstand ist gespeichert" in html
    resume = re.search(r'class="kern-link resume-link" href="([^"]+)"', html).group(1)
    other_device = client.__class__()
    page = other_device.get(other_device.get(resume)["Location"])
    assert 'value="12"' in page.content.decode()
    assert "Seite 2 von 2" in page.content.decode()


def test_personal_token_leads_to_one_response(client, regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    (invitation,) = services.invitations_add(
        survey=survey, actor=None, entries=[{"email": "ahk@example.org"}]
    )
    first = client.get(f"/umfragen/{survey.slug}/t/{invitation.token}/")
    second = client.get(f"/umfragen/{survey.slug}/t/{invitation.token}/")
    assert first["Location"] == second["Location"]
    assert Response.objects.filter(invitation=invitation).count() == 1
    assert client.get(f"/umfragen/{survey.slug}/").status_code == 403  # link alone: no entry
    assert client.get(f"/umfragen/{survey.slug}/t/falsch/").status_code == 404


def test_personal_page_cannot_be_created_with_an_invented_key(client, regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    response = client.post(
        f"/umfragen/{survey.slug}/antwort/{uuid.uuid4()}/1/", {"q1": "o1", "action": "next"}
    )
    assert response.status_code == 404 and not Response.objects.exists()


def test_closed_survey_says_so(client, regions):
    survey = make_survey()
    services.survey_close(survey=survey, actor=None)
    response = client.get(f"/umfragen/{survey.slug}/")
    assert response.status_code == 410 and "geschlossen" in response.content.decode()


def test_english_respondents_see_english_texts(client, regions):
    survey = make_survey()
    assert "Cross-border?" in client.get(f"/en/umfragen/{survey.slug}/").content.decode()


# --- Builder ----------------------------------------------------------------------------------


def test_visitors_and_representatives_cannot_open_the_builder(client, regions):
    assert client.get("/intern/umfragen/")["Location"].startswith("/konto/login/")
    login_with_second_factor(client, UserFactory(roles=[Role.REPRESENTATIVE]))
    assert client.get("/intern/umfragen/").status_code == 403
    survey = make_survey(publish=False)
    assert client.post(f"/intern/umfragen/{survey.pk}/publish/").status_code == 403
    assert (
        client.post(
            f"/intern/umfragen/{survey.pk}/fragen/neu/",
            {"kind": "short_text", "page": 1, "text_de": "x"},
        ).status_code
        == 403
    )
    assert not survey.versions.exists() and survey.questions.count() == 5


def test_staff_without_second_factor_are_sent_to_set_it_up(client, regions):
    from industriedialog.accounts.tests.factories import staff_user

    client.force_login(staff_user())
    assert (
        "/mfa/" in client.get("/intern/umfragen/")["Location"]
        or client.get("/intern/umfragen/").status_code == 302
    )


def test_staff_build_and_publish_a_survey_with_a_branch(client, regions):
    staff_login(client)
    created = client.post(
        "/intern/umfragen/neu/",
        {"title_de": "AHK-Umfrage", "title_en": "", "mode": "personal", "closes_on": "31.12.2099"},
    )
    survey = Survey.objects.get()
    assert created["Location"] == f"/intern/umfragen/{survey.pk}/"
    client.post(
        f"/intern/umfragen/{survey.pk}/fragen/neu/",
        {
            "kind": "single",
            "page": 1,
            "text_de": "Zusammenarbeit?",
            "options_text": "Ja\nNein",
            "is_required": "on",
        },
    )
    bad = client.post(
        f"/intern/umfragen/{survey.pk}/fragen/neu/",
        {
            "kind": "multiple",
            "page": 1,
            "text_de": "Warum nicht?",
            "options_text": "Zeit\nGeld",
            "condition": "q1:o2",
        },
    )
    assert "früheren Seite" in bad.content.decode()
    client.post(
        f"/intern/umfragen/{survey.pk}/fragen/neu/",
        {
            "kind": "multiple",
            "page": 2,
            "text_de": "Warum nicht?",
            "options_text": "Zeit\nGeld",
            "has_other": "on",
            "condition": "q1:o2",
        },
    )
    assert survey.questions.get(key="q2").condition_values == ["o2"]
    preview = client.get(f"/intern/umfragen/{survey.pk}/vorschau/")
    assert "Vorschau" in preview.content.decode() and not Response.objects.exists()
    client.post(f"/intern/umfragen/{survey.pk}/publish/")
    survey.refresh_from_db()
    assert survey.state == Survey.State.PUBLISHED and survey.current_version.number == 1


def test_staff_invite_ten_addresses_and_remind(client, regions):
    staff_login(client)
    survey = make_survey(Survey.Mode.PERSONAL)
    addresses = "\n".join(f"AHK {i} <ahk{i}@example.org>" for i in range(10))
    url = f"/intern/umfragen/{survey.pk}/einladungen/"
    client.post(url, {"action": "addresses", "addresses": addresses, "language": "de"})
    assert Invitation.objects.filter(survey=survey).count() == 10
    client.post(url, {"action": "send"})
    assert len(mail.outbox) == 10
    token = re.search(r"/t/([\w-]+)/", mail.outbox[0].body).group(1)
    response = services.response_for_invitation(invitation=Invitation.objects.get(token=token))
    submit(survey, {"q1": "o2", "q4": "2"}, key=response.key)
    mail.outbox.clear()
    client.post(url, {"action": "remind"})
    assert len(mail.outbox) == 9
    rate = client.get(f"/intern/umfragen/{survey.pk}/ruecklauf/").content.decode()
    assert "10,0 %" in rate or "10.0 %" in rate


def test_bad_invitation_line_is_reported_with_its_line(client, regions):
    staff_login(client)
    survey = make_survey(Survey.Mode.PERSONAL)
    response = client.post(
        f"/intern/umfragen/{survey.pk}/einladungen/",
        {"action": "addresses", "addresses": "a@example.org\nkaputt", "language": "de"},
    )
    assert "Zeile 2" in response.content.decode()
    assert not Invitation.objects.exists()


# --- Results --------------------------------------------------------------------------------


@pytest.fixture
def answered(regions):  # type: ignore[no-untyped-def]
    survey = make_survey(is_shared_with_ministry=False)
    for q1, state, grade in [
        ("o1", "BY", "2"),
        ("o1", "BY", "3"),
        ("o2", "SH", "2"),
        ("o2", "BY", "5"),
    ]:
        submit(survey, {"q1": q1, "q2": state, "q4": grade, "q5": f"Notiz {state}"})
    return survey


def test_results_show_counts_charts_and_a_crosstab(client, answered):
    staff_login(client)
    response = client.get(f"/umfragen/auswertung/{answered.pk}/?rows=q2&columns=q4")
    html = response.content.decode()
    assert "4 abgeschickte Antworten" in html
    assert 'id="crosstab"' in html and "Bayern" in html
    table = html[html.index('id="crosstab"') : html.index("</table>", html.index('id="crosstab"'))]
    assert re.search(
        r"Bayern</th><td>0</td><td>1</td><td>1</td><td>0</td><td>1</td><td>0</td><td>3</td>"
        r"<td>3,33</td>",
        table.replace("\n", ""),
    )
    assert 'id="chart-data"' in html and "vendor/chartjs/chart.umd.min.js" in html
    assert "Notiz SH" in html


def test_results_filter_by_an_answer(client, answered):
    staff_login(client)
    html = client.get(f"/umfragen/auswertung/{answered.pk}/?filter=q1:o1").content.decode()
    assert "2 abgeschickte Antworten" in html


def test_results_free_text_search(client, answered):
    staff_login(client)
    html = client.get(f"/umfragen/auswertung/{answered.pk}/?suche=SH").content.decode()
    assert "Notiz SH" in html and "Notiz BY" not in html


def test_ministry_reads_only_shared_results(client, answered):
    ministry = UserFactory(roles=[Role.MINISTRY])
    client.force_login(ministry)
    assert client.get(f"/umfragen/auswertung/{answered.pk}/").status_code == 403
    Survey.objects.filter(pk=answered.pk).update(is_shared_with_ministry=True)
    response = client.get(f"/umfragen/auswertung/{answered.pk}/")
    assert response.status_code == 200
    assert "Export" not in response.content.decode()
    assert client.get(f"/umfragen/auswertung/{answered.pk}/export.csv").status_code == 403
    listing = client.get("/umfragen/auswertung/").content.decode()
    assert answered.display_title in listing
    assert 'href="/umfragen/auswertung/">Umfrage-Ergebnisse</a>' in listing  # in the header
    assert client.get("/intern/umfragen/").status_code == 403


def test_csv_export_has_one_row_per_response(client, answered):
    staff_login(client)
    response = client.get(f"/umfragen/auswertung/{answered.pk}/export.csv")
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].split(";")[2:] == ["q1", "q2", "q3", "q4", "q5"]
    assert len(lines) == 5
    assert lines[1].split(";")[2:] == ["o1", "BY", "", "2", "Notiz BY"]


def test_xlsx_export_has_a_codebook(client, answered):
    from openpyxl import load_workbook

    staff_login(client)
    response = client.get(f"/umfragen/auswertung/{answered.pk}/export.xlsx")
    book = load_workbook(io.BytesIO(response.content))
    answers, codebook = book.worksheets
    assert answers.max_row == 5
    rows = [[c.value for c in row] for row in codebook.iter_rows(min_row=2)]
    assert ["q1", "Arbeiten Sie grenzüberschreitend?", "Einfachauswahl", "o1", "Ja"] in rows
    assert any(r[0] == "q4" and r[3] == "6" and "ungenügend" in r[4] for r in rows)


def test_results_page_query_count_does_not_grow_with_responses(client, answered):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff_login(client)
    url = f"/umfragen/auswertung/{answered.pk}/?rows=q2&columns=q4"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url + "&filter=q1:o1")
    for _ in range(20):
        submit(answered, {"q1": "o1", "q2": "HE", "q4": "1"})
    with CaptureQueriesContext(connection) as many:
        html = client.get(url + "&filter=q1:o1").content.decode()
    assert "22 abgeschickte Antworten" in html  # the new responses count (not a stale cache)
    assert len(many) == len(few) <= 35


def test_dashboard_lists_surveys_closing_soon(client, regions):
    import datetime

    from django.utils import timezone

    make_survey(closes_on=timezone.localdate() + datetime.timedelta(days=3))
    staff_login(client)
    html = client.get(reverse("accounts:staff_dashboard")).content.decode()
    assert "Umfragen, die in 7 Tagen schließen" in html
    assert re.search(
        r'task-count">1</p><a class="kern-link" href="/intern/umfragen/">Umfragen, die', html
    )


def test_matrix_is_a_table_with_row_and_column_headers(client, regions):
    from industriedialog.surveys.questions import Kind

    survey = services.survey_create(actor=None, title={"de": "Matrix"}, mode=Survey.Mode.PUBLIC)
    services.question_save(
        survey=survey,
        actor=None,
        data={
            "kind": Kind.MATRIX,
            "page": 1,
            "is_required": True,
            "text": {"de": "Wie sehen Sie die Zusammenarbeit?"},
            "options_text": "Mit Kammern\nMit Hochschulen",
        },
    )
    services.survey_publish(survey=survey, actor=None)
    start = client.get(f"/umfragen/{survey.slug}/")
    html = start.content.decode()
    table = html[html.index('<table class="survey-matrix"') : html.index("</table>")]
    assert table.count('<th scope="col"') == 5  # the five scale values
    assert re.findall(r'<th scope="row" id="[^"]+">([^<]+)', table) == [
        "Mit Kammern",
        "Mit Hochschulen",
    ]
    assert table.count('type="radio" ') == 10
    assert "Mit Kammern: </span>" in table  # each radio is named by its row and value
    url = _page_url(start)
    missing = client.post(url, {"q1__o1": "4", "action": "next"})
    assert missing.status_code == 400
    assert 'aria-invalid="true" aria-describedby="id_q1__o2_error"' in missing.content.decode()
    assert 'href="#id_q1__o2_0"' in missing.content.decode()  # the summary links the row
    assert 'value="4" id="id_q1__o1_3" checked' in missing.content.decode()  # kept
    done = client.post(url, {"q1__o1": "4", "q1__o2": "2", "action": "next"})
    assert done.status_code == 302
    assert sorted(Answer.objects.filter(survey=survey).values_list("item", "choice")) == [
        ("o1", "4"),
        ("o2", "2"),
    ]


def test_region_question_has_a_map_with_legend_and_its_table(client, answered):
    import json

    staff_login(client)
    html = client.get(f"/umfragen/auswertung/{answered.pk}/").content.decode()
    assert 'data-region-map data-values="map-data-q2"' in html
    assert "vendor/leaflet/leaflet.js" in html and "surveys/results-map.js" in html
    spec = json.loads(
        re.search(r'<script id="map-data-q2" type="application/json">(.*?)</script>', html).group(1)
    )
    assert spec["property"] == "code" and spec["shapes_url"].endswith("states.geojson")
    # 3 of 4 in Bayern (75 %), 1 in Schleswig-Holstein (25 %): darkest and second class
    assert spec["values"]["BY"]["n"] == 3 and spec["values"]["BY"]["k"] == 4
    assert spec["values"]["SH"]["k"] == 1
    assert "0,0 bis 15,0 %" in html and "keine Antwort" in html  # the legend
    assert "Anteil der Antworten je Bundesland" in html
