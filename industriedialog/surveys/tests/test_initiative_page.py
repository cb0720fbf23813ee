"""Survey results on an initiative's public page: only aggregates, only surveys that allow
it and are not anonymous, and only groups of at least MIN_GROUP_SIZE responses."""

from __future__ import annotations

import pytest

from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.surveys.initiative_page import MIN_GROUP_SIZE
from industriedialog.surveys.models import Response, Survey

from .factories import make_survey, submit

pytestmark = pytest.mark.django_db


def _answers(survey, initiative, n: int, **values):  # type: ignore[no-untyped-def]
    for i in range(n):
        response = submit(
            survey, {"q1": "o1", "q2": "BY", "q4": str(1 + i % 3), "q5": f"Notiz {i}", **values}
        )
        Response.objects.filter(pk=response.pk).update(initiative=initiative)


@pytest.fixture
def initiative(regions):  # type: ignore[no-untyped-def]
    return InitiativeFactory()


def test_threshold_is_five():
    assert MIN_GROUP_SIZE == 5


def test_initiative_page_links_the_aggregated_results(client, initiative):
    survey = make_survey(shows_on_initiative_page=True)
    _answers(survey, initiative, MIN_GROUP_SIZE)
    _answers(survey, None, 3, q1="o2")  # other respondents do not count for the initiative
    page = client.get(initiative.get_absolute_url()).content.decode()
    assert "Umfrage-Ergebnisse" in page
    url = f"/umfragen/{survey.slug}/ergebnisse/{initiative.slug}/"
    assert url in page and "5 Antworten aus dieser Initiative" in page
    html = client.get(url).content.decode()
    assert "5 Antworten" in html and "<svg" in html
    assert "Bayern" in html and "100,0 %" in html  # all five chose o1 and Bayern
    assert "Notiz" not in html  # free texts never appear


def test_fewer_than_five_responses_show_nothing(client, initiative):
    survey = make_survey(shows_on_initiative_page=True)
    _answers(survey, initiative, MIN_GROUP_SIZE - 1)
    assert "Umfrage-Ergebnisse" not in client.get(initiative.get_absolute_url()).content.decode()
    assert client.get(f"/umfragen/{survey.slug}/ergebnisse/{initiative.slug}/").status_code == 404


def test_a_question_answered_by_fewer_than_five_is_left_out(client, initiative):
    survey = make_survey(shows_on_initiative_page=True)
    _answers(survey, initiative, MIN_GROUP_SIZE, q1="o2")  # "Nein": q3 is not asked
    response = submit(survey, {"q1": "o1", "q2": "BY", "q3": "42", "q4": "2"})
    Response.objects.filter(pk=response.pk).update(initiative=initiative)
    html = client.get(f"/umfragen/{survey.slug}/ergebnisse/{initiative.slug}/").content.decode()
    assert "Schulnote" in html  # six answers
    assert "Wie viele Partner?" not in html  # one answer: hidden
    assert "kleinster Wert" not in html and "Notiz" not in html


def test_not_allowed_or_anonymous_surveys_never_show(client, initiative):
    hidden = make_survey(shows_on_initiative_page=False)
    _answers(hidden, initiative, MIN_GROUP_SIZE)
    anonymous = make_survey(Survey.Mode.ANONYMOUS, shows_on_initiative_page=True)
    _answers(anonymous, initiative, MIN_GROUP_SIZE)  # (anonymous keeps no link; forced here)
    assert "Umfrage-Ergebnisse" not in client.get(initiative.get_absolute_url()).content.decode()
    for survey in (hidden, anonymous):
        url = f"/umfragen/{survey.slug}/ergebnisse/{initiative.slug}/"
        assert client.get(url).status_code == 404
