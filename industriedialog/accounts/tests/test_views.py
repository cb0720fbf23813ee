import pytest
from django.urls import reverse

from industriedialog.common.models import AuditLogEntry

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_profile_change_is_saved_and_logged(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Erika",
            "last_name": "Neumann",
            "organisation_name": "IHK Erfurt",
            "language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.last_name, user.organisation_name, user.language) == (
        "Neumann",
        "IHK Erfurt",
        "en",
    )
    entry = AuditLogEntry.objects.get(action="accounts.profile_changed")
    assert entry.actor == user
    assert "last_name" in entry.data["fields"]


def test_profile_error_is_shown_in_german_at_the_field(client):
    user = UserFactory(last_name="Alt")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Erika",
            "last_name": "",
            "language": "de",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_last_name_error"' in body
    assert "Dieses Feld muss ausgefüllt werden." in body
    assert 'aria-describedby="id_last_name_error"' in body
    user.refresh_from_db()
    assert user.last_name == "Alt"


SIGNUP = {
    "email": "neu@example.org",
    "password1": "lang-genug-und-sicher-1",
    "password2": "lang-genug-und-sicher-1",
    "first_name": "Nina",
    "last_name": "Neu",
}


def test_signup_requires_privacy_consent(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 200
    assert "Ohne diese Zustimmung können wir kein Konto anlegen." in response.content.decode()


def test_signup_creates_account_and_sends_confirmation(client, mailoutbox):
    response = client.post(reverse("account_signup"), {**SIGNUP, "accept_privacy": "on"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["neu@example.org"]
