"""Subscribing with double opt-in, consent records and unsubscribing in one click."""

import re

import pytest
from django.core import mail, signing
from django.test import Client

from industriedialog.newsletter import services
from industriedialog.newsletter.models import ConsentRecord, Subscriber

from .factories import SubscriberFactory, topic

pytestmark = pytest.mark.django_db


def subscribe(client, email="anna@beispiel.de", **data):  # type: ignore[no-untyped-def]
    return client.post("/newsletter/", {"email": email, "consent": "on", **data})


def link_in(message) -> str:  # type: ignore[no-untyped-def]
    return re.search(r"http://\S+", message.body).group().replace("http://127.0.0.1:8000", "")


def test_subscribing_records_consent_and_mails_a_confirmation_link(client):
    skilled = topic("fachkraefte")
    response = subscribe(client, topics=[skilled.pk])
    assert response.status_code == 200
    assert "Wir haben eine E-Mail an anna@beispiel.de geschickt" in response.content.decode()
    subscriber = Subscriber.objects.get(email="anna@beispiel.de")
    assert subscriber.status == Subscriber.Status.PENDING
    consent = subscriber.consents.get()
    assert consent.action == ConsentRecord.Action.GIVEN
    assert "Ich möchte den Newsletter" in consent.consent_text
    assert consent.topics == "fachkraefte"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@beispiel.de"]
    assert "/newsletter/bestaetigen/" in mail.outbox[0].body


def test_confirmation_link_asks_for_a_click_then_confirms(client):
    subscribe(client, topics=[topic("energie").pk])
    url = link_in(mail.outbox[0])
    page = client.get(url)
    assert "Ja, Newsletter bestätigen" in page.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING, "a link prefetch confirms nothing"

    done = client.post(url)
    assert "Anmeldung bestätigt" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert [t.key for t in subscriber.topics.all()] == ["energie"]
    actions = list(subscriber.consents.values_list("action", "method"))
    assert actions[-1] == ("confirmed", "confirmation_link")


def test_missing_consent_and_bad_address_get_german_errors(client):
    response = client.post("/newsletter/", {"email": "keine-adresse"})
    body = response.content.decode()
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an" in body
    assert "Ohne Ihre Einwilligung können wir Ihnen den Newsletter nicht senden." in body
    assert not Subscriber.objects.exists() and not mail.outbox


def test_broken_and_expired_links_say_so_in_german(client, monkeypatch):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING)
    response = client.get("/newsletter/bestaetigen/kaputt/")
    assert response.status_code == 400
    assert "Der Link ist ungültig" in response.content.decode()

    token = services.confirm_token(subscriber)
    monkeypatch.setattr(services, "CONFIRM_DAYS", 0)
    original = signing.loads
    monkeypatch.setattr(signing, "loads", lambda *a, **kw: original(*a, **{**kw, "max_age": -1}))
    response = client.post(f"/newsletter/bestaetigen/{token}/")
    assert response.status_code == 400
    assert "Der Link ist abgelaufen" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_someone_else_cannot_change_a_confirmed_subscription(client):
    subscriber = SubscriberFactory(email="anna@beispiel.de", topic_keys=["energie"])
    subscribe(client, topics=[topic("fachkraefte").pk])
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert [t.key for t in subscriber.topics.all()] == ["energie"]


def test_unsubscribe_get_asks_post_unsubscribes(client):
    subscriber = SubscriberFactory()
    url = f"/newsletter/abmelden/{services.unsubscribe_token(subscriber)}/"
    page = client.get(url)
    assert "Ja, abmelden" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED

    done = client.post(url)
    assert "erhält keinen Newsletter mehr" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consents.get().method == ConsentRecord.Method.UNSUBSCRIBE_PAGE


def test_one_click_unsubscribe_from_the_mail_program_needs_no_csrf_token():
    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/newsletter/abmelden/{services.unsubscribe_token(subscriber)}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    withdrawal = subscriber.consents.get()
    assert (withdrawal.action, withdrawal.method) == ("withdrawn", "one_click")


def test_unsubscribe_token_of_one_address_does_not_work_for_another(client):
    anna = SubscriberFactory(email="anna@beispiel.de")
    token = services.unsubscribe_token(anna)
    anna.email = "andere@beispiel.de"
    anna.save()
    response = client.post(f"/newsletter/abmelden/{token}/")
    assert response.status_code == 400
    anna.refresh_from_db()
    assert anna.status == Subscriber.Status.CONFIRMED


def test_unconfirmed_sign_ups_are_deleted_once_the_link_has_expired(client):
    import datetime as dt
    import io

    from django.core.management import call_command
    from django.utils import timezone

    old = SubscriberFactory(status=Subscriber.Status.PENDING)
    fresh = SubscriberFactory(status=Subscriber.Status.PENDING)
    confirmed = SubscriberFactory()
    long_ago = timezone.now() - dt.timedelta(days=services.CONFIRM_DAYS + 1)
    Subscriber.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=long_ago)

    out = io.StringIO()
    call_command("purge_newsletter_pending", stdout=out)
    assert "1 unbestätigte Anmeldung(en) gelöscht." in out.getvalue()
    remaining = set(Subscriber.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, confirmed.pk}


def test_repeated_sign_ups_for_one_address_are_refused_without_another_mail(client):
    for _ in range(3):
        assert subscribe(client, email="ziel@beispiel.de").status_code == 200
    assert len(mail.outbox) == 3

    response = subscribe(client, email="ZIEL@beispiel.de")

    assert response.status_code == 429
    assert "zu viele Anmeldungen" in response.content.decode()
    assert len(mail.outbox) == 3
    # Another address from the same visitor still works.
    assert subscribe(client, email="andere@beispiel.de").status_code == 200
