"""Rate limits on public forms: event registration, feedback, sign-up; the German 429 page."""

from __future__ import annotations

import pytest

from industriedialog.events.tests.factories import EventFactory
from industriedialog.registry.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db

TOO_MANY = "Zu viele Anfragen"


def _register(client, event, email):  # type: ignore[no-untyped-def]
    return client.post(
        f"/veranstaltungen/{event.slug}/anmelden/",
        {"name": "Erika Muster", "email": email, "privacy": "on"},
    )


def test_event_registration_is_limited_per_address(client):
    event = EventFactory(slug="netzwerktreffen", capacity=100)
    for _ in range(5):
        assert _register(client, event, "Erika@Example.org").status_code == 200
    response = _register(client, event, "erika@example.org")
    assert response.status_code == 429
    page = response.content.decode()
    assert TOO_MANY in page
    assert "Bitte warten Sie einige Minuten" in page
    # Another address from the same connection still gets through.
    assert _register(client, event, "anna@example.org").status_code == 200


def test_event_registration_is_limited_per_connection(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "event_register": "3/h/ip"}
    event = EventFactory(slug="netzwerktreffen", capacity=100)
    for n in range(3):
        assert _register(client, event, f"person{n}@example.org").status_code == 200
    assert _register(client, event, "person9@example.org").status_code == 429


def test_reading_the_form_is_not_counted(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "event_register": "1/h/ip"}
    event = EventFactory(slug="netzwerktreffen", capacity=100)
    for _ in range(3):
        assert client.get(f"/veranstaltungen/{event.slug}/anmelden/").status_code == 200
    assert _register(client, event, "a@example.org").status_code == 200
    assert _register(client, event, "b@example.org").status_code == 429


def test_event_feedback_is_limited(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "event_feedback": "2/h/ip"}
    event = EventFactory(slug="netzwerktreffen")
    url = f"/veranstaltungen/{event.slug}/rueckmeldung/falsch/"
    assert client.post(url, {}).status_code == 403  # wrong token: refused, but counted
    assert client.post(url, {}).status_code == 403
    assert client.post(url, {}).status_code == 429


def test_sign_up_limit_answers_with_the_german_page(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "signup": "1/m/ip"}
    data = {"email": "neu@example.org", "password1": "x", "password2": "y"}
    client.post("/konto/signup/", data)
    response = client.post("/konto/signup/", data)
    assert response.status_code == 429
    assert TOO_MANY in response.content.decode()


def test_representation_requests_are_limited_per_account(client, settings):
    from industriedialog.accounts.tests.factories import UserFactory

    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "registry_self_service": "1/h/user",
    }
    initiative = InitiativeFactory(slug="buendnis")
    client.force_login(UserFactory())
    url = f"/initiativen/{initiative.slug}/vertreten/"
    assert client.post(url, {"message": ""}).status_code != 429
    assert client.post(url, {"message": ""}).status_code == 429
