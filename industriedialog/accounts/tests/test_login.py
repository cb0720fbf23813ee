"""Login by e-mail, second factor for staff, lockout, password reset."""

import pytest
from django.core import mail
from django.urls import reverse

from industriedialog.accounts.roles import Role
from industriedialog.accounts.services import totp_activate, totp_current_code

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_visitor_logs_in_with_email_and_sees_profile(client):
    user = UserFactory(roles=[Role.REPRESENTATIVE])
    response = _login(client, user.email.upper())
    assert response.status_code == 302
    assert _is_logged_in(client)
    page = client.get(reverse("accounts:profile"))
    assert page.status_code == 200
    assert "Mein Konto" in page.content.decode()


def test_wrong_password_gives_german_error(client):
    user = UserFactory()
    response = _login(client, user.email, "falsch-falsch-falsch")
    assert response.status_code == 200
    assert not _is_logged_in(client)
    assert "E-Mail-Adresse und/oder das Passwort" in response.content.decode()


def test_staff_password_alone_does_not_log_in_when_totp_is_set(client):
    staff = UserFactory(roles=[Role.ADVISOR])
    totp_activate(user=staff)
    response = _login(client, staff.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not _is_logged_in(client)
    assert client.get(reverse("accounts:staff_dashboard")).status_code == 302


def test_staff_wrong_code_is_refused_and_right_code_logs_in(client):
    staff = UserFactory(roles=[Role.ADVISOR])
    secret = totp_activate(user=staff)
    _login(client, staff.email)
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not _is_logged_in(client)
    right = client.post(reverse("mfa_authenticate"), {"code": totp_current_code(secret)})
    assert right.status_code == 302
    assert _is_logged_in(client)
    assert client.get(reverse("accounts:staff_dashboard")).status_code == 200


def test_staff_without_totp_is_sent_to_totp_setup_and_cannot_work(client):
    staff = UserFactory(roles=[Role.EDITOR])
    _login(client, staff.email)
    response = client.get(reverse("accounts:staff_dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    cms = client.get("/cms/")
    assert cms.status_code == 302
    assert cms["Location"] == reverse("mfa_activate_totp")


def test_admin_without_totp_is_sent_to_totp_setup(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    _login(client, admin.email)
    response = client.get(reverse("accounts:profile"))
    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_session_without_second_factor_is_logged_out(client):
    """A session that skipped the code (e.g. opened through another login form) is ended."""
    staff = UserFactory(roles=[Role.ADVISOR])
    totp_activate(user=staff)
    client.force_login(staff)
    response = client.get(reverse("accounts:staff_dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not _is_logged_in(client)


def test_representative_cannot_reach_staff_pages(client):
    rep = UserFactory(roles=[Role.REPRESENTATIVE])
    _login(client, rep.email)
    assert client.get(reverse("accounts:staff_dashboard")).status_code == 403
    cms = client.get("/cms/")  # Wagtail refuses users without access_admin
    assert cms.status_code == 302
    assert cms["Location"] == f"{reverse('account_login')}?next=/cms/"


def test_forbidden_page_is_german(client):
    rep = UserFactory(roles=[Role.REPRESENTATIVE])
    _login(client, rep.email)
    body = client.get(reverse("accounts:staff_dashboard")).content.decode()
    assert "Kein Zugriff" in body


def test_anonymous_visitor_is_sent_to_login_for_staff_area(client):
    response = client.get(reverse("accounts:staff_dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_login_is_locked_after_repeated_failures(client, settings):
    user = UserFactory()
    for _ in range(settings.ACCOUNT_LOGIN_FAILED_ATTEMPTS):
        _login(client, user.email, "falsch-falsch-falsch")
    response = _login(client, user.email)  # now even the right password is refused
    assert not _is_logged_in(client)
    assert response.status_code in (200, 429)
    assert "Zu viele" in response.content.decode()


def test_password_reset_sends_a_german_mail(client):
    user = UserFactory()
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "Passwort" in mail.outbox[0].subject


def test_logout_ends_the_session(client):
    user = UserFactory()
    _login(client, user.email)
    client.post(reverse("account_logout"))
    assert not _is_logged_in(client)


def test_password_reset_mail_uses_the_recipients_language(client):
    user = UserFactory(language="en")
    client.post(reverse("account_reset_password"), {"email": user.email})
    assert "Password" in mail.outbox[0].subject
    assert "Passwort" not in mail.outbox[0].subject
