"""Update reminders: who is reminded when, the signed review link, confirming an entry."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from industriedialog.accounts.tests.factories import UserFactory, staff_user
from industriedialog.common.models import AuditLogEntry
from industriedialog.registry import services
from industriedialog.registry.models import Initiative, Representation
from industriedialog.registry.tasks import send_verification_reminder
from industriedialog.registry.vocabularies import Status

from .factories import InitiativeFactory, representative_of, staff_login

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
LONG_AGO = TODAY - datetime.timedelta(days=400)


def _due(**kwargs):
    """An entry last verified 13 months ago."""
    return InitiativeFactory(last_verified_on=LONG_AGO, **kwargs)


def _run():
    out = io.StringIO()
    call_command("send_verification_reminders", stdout=out)
    return out.getvalue()


def _link(mail):
    """The path of the review link in the e-mail."""
    match = re.search(r"https?://[^/\s]+(/\S*/pruefen/\S+/)", mail.body)
    assert match, mail.body
    return match.group(1)


# --- Who is reminded, and how often ------------------------------------------------------------


def test_due_entry_reminds_its_representatives_with_a_review_link(mailoutbox):
    initiative = _due(name="Industriedialog Eichsfeld")
    rep = representative_of(initiative)
    InitiativeFactory(last_verified_on=TODAY - datetime.timedelta(days=100))  # not due
    _due(status=Status.ENDED)  # ended entries are not checked any more

    assert _run().startswith("1 Prüf-Erinnerung")

    assert [m.to for m in mailoutbox] == [[rep.email]]
    assert "Industriedialog Eichsfeld" in mailoutbox[0].subject
    assert f"/initiativen/{initiative.slug}/pruefen/" in mailoutbox[0].body
    initiative.refresh_from_db()
    assert initiative.verification_reminder_sent_at is not None
    entry = AuditLogEntry.objects.get(action="registry.verification_reminder_sent")
    assert entry.data["to"] == "representatives" and entry.data["user_ids"] == [rep.pk]


def test_running_twice_sends_once(mailoutbox):
    representative_of(_due())
    _run()
    _run()
    assert len(mailoutbox) == 1


def test_a_month_later_the_entry_is_reminded_again(mailoutbox):
    initiative = _due()
    representative_of(initiative)
    Initiative.objects.filter(pk=initiative.pk).update(
        verification_reminder_sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    _run()
    assert len(mailoutbox) == 1


def test_entry_without_representative_reminds_the_advisors(mailoutbox, settings):
    settings.REGISTRY_STAFF_EMAIL = ""
    _due()
    advisor = staff_user()
    UserFactory()  # no role: not asked
    staff_user(is_active=False)
    _run()
    assert [m.to for m in mailoutbox] == [[advisor.email]]
    assert "keine Vertretung eingetragen" in mailoutbox[0].body


def test_staff_mailbox_replaces_the_advisors_when_configured(mailoutbox, settings):
    settings.REGISTRY_STAFF_EMAIL = "servicestelle@example.org"
    _due()
    staff_user()
    _run()
    assert [m.to for m in mailoutbox] == [["servicestelle@example.org"]]


def test_reminder_is_written_in_the_recipients_language(mailoutbox):
    initiative = _due()
    representative_of(initiative, language="en")
    representative_of(initiative, language="de")
    _run()
    by_language = {m.extra_headers["Content-Language"]: m for m in mailoutbox}
    english, german = by_language["en"], by_language["de"]
    assert f"/en/initiativen/{initiative.slug}/pruefen/" in english.body
    assert '<html lang="en">' in english.alternatives[0].content
    assert "/en/" not in german.body
    assert '<html lang="de">' in german.alternatives[0].content


def test_task_sends_for_one_entry():
    initiative = _due()
    representative_of(initiative)
    result = send_verification_reminder.enqueue(initiative.pk)
    assert result.return_value == 1
    assert send_verification_reminder.enqueue(10_000).return_value == 0


# --- The review link ---------------------------------------------------------------------------


def test_review_page_shows_the_facts_and_changes_nothing(client, mailoutbox):
    initiative = _due(name="Bündnis für Industrie", goals="Fachkräfte halten")
    representative_of(initiative)
    _run()
    page = client.get(_link(mailoutbox[0]))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Bündnis für Industrie" in body and "Fachkräfte halten" in body
    assert "Angaben sind aktuell – bestätigen" in body
    assert reverse("registry:change_proposal_create", args=[initiative.slug]) in body
    initiative.refresh_from_db()
    assert initiative.last_verified_on == LONG_AGO


def test_confirming_marks_the_entry_verified_by_the_recipient(client, mailoutbox):
    initiative = _due()
    rep = representative_of(initiative)
    _run()
    link = _link(mailoutbox[0])

    first = client.post(link)
    second = client.post(link)

    assert (first.status_code, second.status_code) == (302, 302)
    initiative.refresh_from_db()
    assert initiative.last_verified_on == TODAY
    assert initiative.last_verified_by == rep
    assert initiative.verification_reminder_sent_at is None
    entries = AuditLogEntry.objects.filter(action="registry.initiative_verified")
    assert [e.actor for e in entries] == [rep]
    assert "Heute bestätigt" in client.get(link).content.decode()


def test_confirmed_entry_is_not_reminded_again(client, mailoutbox):
    initiative = _due()
    representative_of(initiative)
    _run()
    client.post(_link(mailoutbox[0]))
    _run()
    assert len(mailoutbox) == 1


def test_staff_mailbox_link_confirms_without_a_person(client, mailoutbox, settings):
    settings.REGISTRY_STAFF_EMAIL = "servicestelle@example.org"
    initiative = _due()
    _run()
    client.post(_link(mailoutbox[0]))
    initiative.refresh_from_db()
    assert initiative.last_verified_on == TODAY
    assert initiative.last_verified_by is None


@pytest.mark.parametrize(
    "token",
    ["kaputt", "eyJpIjoxfQ:1tXyZa:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "a:b:c"],
)
def test_broken_link_gives_a_german_page_not_an_error(client, token):
    initiative = _due()
    response = client.get(reverse("registry:verification_review", args=[initiative.slug, token]))
    assert response.status_code == 400
    assert "Dieser Prüf-Link ist ungültig." in response.content.decode()
    assert (
        client.post(
            reverse("registry:verification_review", args=[initiative.slug, token])
        ).status_code
        == 400
    )
    initiative.refresh_from_db()
    assert initiative.last_verified_on != TODAY


def test_link_signed_for_another_purpose_is_refused(client):
    initiative = _due()
    token = signing.TimestampSigner(salt="something.else").sign_object({"i": initiative.pk})
    response = client.get(reverse("registry:verification_review", args=[initiative.slug, token]))
    assert response.status_code == 400


def test_expired_link_says_so(client):
    initiative = _due()
    rep = representative_of(initiative)
    sixty_one_days_ago = timezone.now().timestamp() - 61 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=sixty_one_days_ago):
        token = services.verification_token_make(initiative=initiative, user=rep)
    url = reverse("registry:verification_review", args=[initiative.slug, token])
    response = client.post(url)
    assert response.status_code == 400
    assert "abgelaufen" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.last_verified_by is None


def test_link_of_an_ended_representation_no_longer_confirms(client):
    initiative = _due()
    rep = representative_of(initiative)
    token = services.verification_token_make(initiative=initiative, user=rep)
    Representation.objects.filter(user=rep).update(state=Representation.State.REVOKED)
    response = client.post(reverse("registry:verification_review", args=[initiative.slug, token]))
    assert response.status_code == 400
    assert "gilt nicht mehr" in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.last_verified_by is None


def test_link_of_a_deleted_entry_is_not_found(client):
    initiative = _due()
    token = services.verification_token_make(initiative=initiative)
    slug = initiative.slug
    initiative.delete()
    response = client.get(reverse("registry:verification_review", args=[slug, token]))
    assert response.status_code == 404
    assert "Diesen Eintrag gibt es nicht mehr." in response.content.decode()


def test_link_with_a_wrong_slug_leads_to_its_own_entry(client):
    initiative, other = _due(), _due()
    token = services.verification_token_make(initiative=initiative)
    response = client.post(reverse("registry:verification_review", args=[other.slug, token]))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "registry:verification_review", args=[initiative.slug, token]
    )
    other.refresh_from_db()
    assert other.last_verified_on != TODAY


# --- Staff overview ----------------------------------------------------------------------------


def test_staff_see_overdue_entries_representatives_do_not(client):
    overdue = _due(name="Lange nicht geprüft")
    InitiativeFactory(name="Frisch geprüft", last_verified_on=TODAY)
    client.force_login(representative_of(overdue))
    url = reverse("registry:staff_verification_list")
    assert client.get(url).status_code == 403
    staff_login(client)
    body = client.get(url).content.decode()
    assert "Lange nicht geprüft" in body and "Frisch geprüft" not in body
