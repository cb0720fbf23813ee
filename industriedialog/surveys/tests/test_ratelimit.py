"""New survey responses are rate-limited per IP and per survey (allauth's limiter, as the
newsletter); a retried submit with the same key is never counted as abuse."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from industriedialog.surveys.models import Response

from .factories import make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():  # type: ignore[no-untyped-def]
    cache.clear()
    yield
    cache.clear()


def _limit(settings, rate: str) -> None:  # type: ignore[no-untyped-def]
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "survey_submit": rate}


def _start(client, survey, ip: str = "192.0.2.1") -> str:  # type: ignore[no-untyped-def]
    page = client.get(f"/umfragen/{survey.slug}/", REMOTE_ADDR=ip).content.decode()
    return re.search(r'action="([^"]+/antwort/[^"]+)"', page).group(1)


def test_too_many_new_responses_from_one_address_get_a_german_message(client, settings, regions):
    _limit(settings, "2/m/ip,1000/m/key")
    survey = make_survey()
    for _ in range(2):
        url = _start(client, survey)
        ok = client.post(url, {"q1": "o1", "action": "next"}, REMOTE_ADDR="192.0.2.1")
        assert ok.status_code == 302
    url = _start(client, survey)
    refused = client.post(url, {"q1": "o2", "action": "next"}, REMOTE_ADDR="192.0.2.1")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "zu viele neue Antworten" in html and "noch nicht gespeichert" in html
    assert re.search(r'value="o2"[^>]*checked', html)  # the answer given is kept
    assert Response.objects.filter(survey=survey).count() == 2
    other = client.post(
        _start(client, survey, "198.51.100.7"),
        {"q1": "o1", "action": "next"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 302  # another address is not affected


def test_the_limit_per_survey_holds_across_addresses(client, settings, regions):
    _limit(settings, "100/m/ip,1/m/key")
    survey, second = make_survey(), make_survey()
    first = client.post(_start(client, survey, "192.0.2.1"), {"q1": "o1", "action": "next"})
    assert first.status_code == 302
    url = _start(client, survey, "198.51.100.7")
    refused = client.post(url, {"q1": "o1", "action": "next"}, REMOTE_ADDR="198.51.100.7")
    assert refused.status_code == 429
    url = _start(client, second, "198.51.100.7")
    assert (
        client.post(url, {"q1": "o1", "action": "next"}, REMOTE_ADDR="198.51.100.7").status_code
        == 302
    )


def test_a_retried_submit_is_not_counted_again(client, settings, regions):
    _limit(settings, "1/m/ip,1000/m/key")
    survey = make_survey()
    url = _start(client, survey)
    data = {"q1": "o2", "action": "next"}
    assert client.post(url, data, REMOTE_ADDR="192.0.2.1").status_code == 302
    for _ in range(3):  # the same request again (a retry after a network error)
        retry = client.post(url, data, REMOTE_ADDR="192.0.2.1")
        assert retry.status_code == 302
    # and the respondent goes on to the second page and submits: not counted either
    page2 = client.post(url, data, REMOTE_ADDR="192.0.2.1")["Location"]
    done = client.post(page2, {"q4": "2", "action": "next"}, REMOTE_ADDR="192.0.2.1")
    assert done["Location"].endswith("/danke/")
    assert Response.objects.filter(survey=survey, submitted_on__isnull=False).count() == 1
    # a new respondent from the same address is over the limit
    assert client.post(_start(client, survey), data, REMOTE_ADDR="192.0.2.1").status_code == 429


def test_a_refused_first_request_may_be_retried_once_the_limit_allows(client, settings, regions):
    _limit(settings, "1/m/ip,1000/m/key")
    survey = make_survey()
    client.post(_start(client, survey), {"q1": "o1", "action": "next"}, REMOTE_ADDR="192.0.2.1")
    url = _start(client, survey)
    assert (
        client.post(url, {"q1": "o1", "action": "next"}, REMOTE_ADDR="192.0.2.1").status_code == 429
    )
    assert Response.objects.filter(survey=survey).count() == 1
    cache.clear()  # the minute is over (allauth keeps its counters in the cache)
    assert (
        client.post(url, {"q1": "o1", "action": "next"}, REMOTE_ADDR="192.0.2.1").status_code == 302
    )
    assert Response.objects.filter(survey=survey).count() == 2
