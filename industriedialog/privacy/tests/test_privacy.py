"""GDPR: export and erasure per provider, the staff pages, the commands, retention, and the
audit log of staff reads of personal data."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from industriedialog.accounts.models import User
from industriedialog.accounts.roles import Role
from industriedialog.accounts.tests.factories import UserFactory, login_with_second_factor
from industriedialog.common.models import AuditLogEntry
from industriedialog.events.models import Invitation as EventInvitation
from industriedialog.events.models import Registration
from industriedialog.events.tests.factories import EventFactory, attended, registration
from industriedialog.newsletter.models import ConsentRecord, Subscriber
from industriedialog.newsletter.tests.factories import SubscriberFactory
from industriedialog.privacy import services
from industriedialog.privacy.models import PrivacyRequest, subject_hash
from industriedialog.registry import services as registry_services
from industriedialog.registry.models import ChangeProposal, ContactPerson, Representation
from industriedialog.registry.tests.factories import (
    ContactPersonFactory,
    InitiativeFactory,
    RepresentationFactory,
)
from industriedialog.surveys.models import Invitation as SurveyInvitation
from industriedialog.surveys.models import Response
from industriedialog.surveys.tests.factories import make_survey, submit

pytestmark = pytest.mark.django_db

EMAIL = "erika.muster@example.org"


@pytest.fixture
def person(db):  # type: ignore[no-untyped-def]
    """One person known to every app, plus someone else who must stay untouched."""
    user = UserFactory(email=EMAIL, first_name="Erika", last_name="Muster")
    initiative = InitiativeFactory(name="Bündnis Thüringen")
    contact = registry_services.contact_create(
        initiative=initiative, name="Erika Muster", email="Erika.Muster@example.org"
    )
    ContactPersonFactory(initiative=initiative, email="other@example.org", name="Otto Anders")
    RepresentationFactory(user=user, initiative=initiative, approved=True)
    ChangeProposal.objects.create(
        initiative=initiative,
        proposed_by=user,
        changes={"website": "https://x.example"},
        comment="Bitte Erika Muster als Kontakt",
    )
    subscriber = SubscriberFactory(email=EMAIL)
    ConsentRecord.objects.create(subscriber=subscriber, action="given", method="form")
    SubscriberFactory(email="other@example.org")
    event = EventFactory(slug="treffen", capacity=50)
    attended(event, name="Erika Muster", email=EMAIL, accessibility_needs="Rollstuhl")
    registration(event, email="other@example.org", name="Otto Anders")
    EventInvitation.objects.create(event=event, email=EMAIL)
    survey = make_survey(mode="personal")
    invitation = SurveyInvitation.objects.create(survey=survey, email=EMAIL, name="Erika Muster")
    q1 = survey.questions.order_by("position").first()
    response = submit(survey, {q1.key: q1.options[0]["key"]})
    response.invitation = invitation
    response.user = user
    response.save()
    return {
        "user": user,
        "contact": contact,
        "event": event,
        "survey": survey,
        "response": response,
    }


def test_export_contains_every_app_and_is_json(person):
    data = services.export_person(" ERIKA.muster@example.org ")
    json.dumps(data)
    parts = data["data"]
    assert parts["accounts"]["accounts"][0]["last_name"] == "Muster"
    assert [c["name"] for c in parts["registry"]["contact_persons"]] == ["Erika Muster"]
    assert len(parts["registry"]["representations"]) == 1
    assert parts["registry"]["change_proposals"][0]["comment"].startswith("Bitte")
    assert parts["newsletter"]["subscriptions"][0]["email"] == EMAIL
    assert parts["newsletter"]["consent_records"][0]["action"] == "given"
    assert parts["events"]["registrations"][0]["accessibility_needs"] == "Rollstuhl"
    assert len(parts["events"]["invitations"]) == 1
    assert parts["surveys"]["invitations"][0]["name"] == "Erika Muster"
    assert len(parts["surveys"]["responses"][0]["answers"]) >= 1
    assert "Otto" not in json.dumps(data)


def test_erasure_deletes_or_anonymises_and_keeps_what_reports_need(person):
    result = services.erase_person(EMAIL)
    assert result["accounts"] == {"accounts": 1, "email_addresses": 1}
    assert result["registry"]["contact_persons"] == 1
    assert result["events"]["registrations_anonymised"] == 1
    assert not User.objects.filter(email=EMAIL).exists()
    assert not ContactPerson.objects.filter(email__iexact=EMAIL).exists()
    assert ContactPerson.objects.filter(email="other@example.org").exists()
    assert not Representation.objects.exists()
    proposal = ChangeProposal.objects.get()
    assert (proposal.proposed_by, proposal.comment) == (None, "")
    assert proposal.changes == {"website": "https://x.example"}
    assert not Subscriber.objects.filter(email=EMAIL).exists()
    assert Subscriber.objects.filter(email="other@example.org").exists()
    assert not ConsentRecord.objects.filter(subscriber__email=EMAIL).exists()
    # Attendance still counts, without the person.
    kept = Registration.objects.get(event=person["event"], attended_at__isnull=False)
    assert (kept.name, kept.email, kept.accessibility_needs) == ("gelöscht", "", "")
    assert Registration.objects.filter(name="Otto Anders").exists()
    assert not EventInvitation.objects.exists()
    # The survey result still has its response; the invitation no longer names anyone.
    response = Response.objects.get(pk=person["response"].pk)
    assert response.user is None and response.answers.exists()
    invitation = SurveyInvitation.objects.get()
    assert EMAIL not in invitation.email and invitation.name == ""
    # The audit log no longer names the contact person.
    logged = AuditLogEntry.objects.get(action="registry.contact_created")
    assert logged.data["name"] == "gelöscht"
    # Nothing found any more; the request is logged under a pseudonym only.
    assert services.find_person(EMAIL) == {
        "accounts": 0,
        "registry": 0,
        "newsletter": 0,
        "events": 0,
        "surveys": 0,
        "advisory": 0,
        "awards": 0,
        "assessments": 0,
        "reporting": 0,
    }
    record = PrivacyRequest.objects.get(kind="erase")
    assert record.subject_hash == subject_hash(EMAIL)
    assert record.subject_hint == "e***@example.org"
    assert EMAIL not in json.dumps(record.result)


def _staff(client, role=Role.ADVISOR):  # type: ignore[no-untyped-def]
    return login_with_second_factor(client, UserFactory(roles=[role]))


def test_staff_search_export_and_erase_pages(client, person):
    staff = _staff(client)
    page = client.get("/intern/datenschutz/", {"email": EMAIL})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Veranstaltungen" in body and "Auskunft als JSON herunterladen" in body
    export = client.post("/intern/datenschutz/export/", {"email": EMAIL, "reason": "Anfrage"})
    assert export["Content-Type"].startswith("application/json")
    assert json.loads(export.content)["data"]["accounts"]["accounts"][0]["email"] == EMAIL
    wrong = client.post(
        "/intern/datenschutz/loeschen/", {"email": EMAIL, "confirm": "falsch@example.org"}
    )
    assert wrong.status_code == 400
    assert "Die Bestätigung stimmt nicht mit der E-Mail-Adresse überein." in wrong.content.decode()
    assert User.objects.filter(email=EMAIL).exists()
    done = client.post(
        "/intern/datenschutz/loeschen/",
        {"email": EMAIL, "confirm": EMAIL.upper(), "reason": "Löschersuchen"},
    )
    assert done.status_code == 200
    assert not User.objects.filter(email=EMAIL).exists()
    kinds = list(PrivacyRequest.objects.order_by("created_at").values_list("kind", "actor"))
    assert kinds == [("search", staff.pk), ("export", staff.pk), ("erase", staff.pk)]
    log = client.get("/intern/datenschutz/").content.decode()
    assert "Löschersuchen" in log and EMAIL not in log


def test_analysts_may_export_but_not_erase(client, person):
    _staff(client, Role.ANALYST)
    assert client.get("/intern/datenschutz/", {"email": EMAIL}).status_code == 200
    response = client.post("/intern/datenschutz/loeschen/", {"email": EMAIL, "confirm": EMAIL})
    assert response.status_code == 403
    assert User.objects.filter(email=EMAIL).exists()


@pytest.mark.parametrize("role", [Role.REPRESENTATIVE, Role.MINISTRY, Role.JURY])
def test_non_staff_have_no_access(client, person, role):
    _staff(client, role)
    assert client.get("/intern/datenschutz/").status_code == 403
    assert client.post("/intern/datenschutz/export/", {"email": EMAIL}).status_code == 403


def test_commands_export_and_erase(person, tmp_path):
    out = tmp_path / "auskunft.json"
    call_command("export_person", EMAIL, output=str(out), stderr=io.StringIO())
    assert json.loads(out.read_text())["data"]["newsletter"]["subscriptions"]
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_person", EMAIL)
    with pytest.raises(CommandError, match="keine gültige E-Mail-Adresse"):
        call_command("erase_person", "kein-at", yes=True)
    stdout = io.StringIO()
    call_command("erase_person", EMAIL, yes=True, stdout=stdout)
    assert json.loads(stdout.getvalue())["newsletter"]["subscriptions"] == 1
    assert PrivacyRequest.objects.filter(kind="erase", via="command").count() == 1


def test_retention_removes_only_what_is_past_its_period(db):
    old = timezone.now() - datetime.timedelta(days=40)
    stale_user = UserFactory(email="alt@example.org")
    User.objects.filter(pk=stale_user.pk).update(date_joined=old, last_login=None)
    stale_user.emailaddress_set.update(verified=False)
    fresh_user = UserFactory(email="neu@example.org")
    fresh_user.emailaddress_set.update(verified=False)
    pending = SubscriberFactory(email="wartet@example.org", status="pending")
    Subscriber.objects.filter(pk=pending.pk).update(created_at=old)
    SubscriberFactory(email="bestaetigt@example.org", status="confirmed")
    past = EventFactory(slug="vorbei", starts_at=old, ends_at=old + datetime.timedelta(hours=2))
    attended(past, name="Anna", accessibility_needs="Gebärdensprache")
    unconfirmed = registration(EventFactory(slug="kommend"), email="nie@example.org")
    Registration.objects.filter(pk=unconfirmed.pk).update(created_at=old)

    dry = io.StringIO()
    call_command("apply_retention", dry_run=True, stdout=dry)
    counts = json.loads(dry.getvalue())
    assert counts["accounts"] == {"unconfirmed_accounts": 1}
    assert counts["newsletter"] == {"unconfirmed_subscriptions": 1}
    assert counts["events"]["unconfirmed_registrations"] == 1
    assert counts["events"]["accessibility_needs_cleared"] == 1
    assert User.objects.filter(email="alt@example.org").exists()  # dry run changed nothing

    call_command("apply_retention", stdout=io.StringIO())
    assert not User.objects.filter(email="alt@example.org").exists()
    assert User.objects.filter(email="neu@example.org").exists()
    assert not Subscriber.objects.filter(email="wartet@example.org").exists()
    assert Subscriber.objects.filter(email="bestaetigt@example.org").exists()
    assert not Registration.objects.filter(email="nie@example.org").exists()
    assert Registration.objects.get(name="Anna").accessibility_needs == ""
    assert PrivacyRequest.objects.filter(kind="retention").count() == 1
    with pytest.raises(CommandError, match="kein Datum"):
        call_command("apply_retention", date="gestern")


def test_staff_reads_of_participant_lists_are_logged(client):
    event = EventFactory(slug="treffen")
    attended(event, name="Anna Becker")
    staff = _staff(client)
    assert client.get(f"/intern/veranstaltungen/{event.pk}/teilnehmende/").status_code == 200
    entry = AuditLogEntry.objects.get(action="personal_data.viewed")
    assert entry.actor == staff
    assert entry.data["view"] == "events:staff_participants"
    assert entry.data["arguments"] == {"pk": str(event.pk)}
    # Pages without personal data are not logged.
    client.get("/intern/veranstaltungen/")
    assert AuditLogEntry.objects.filter(action="personal_data.viewed").count() == 1


def test_staff_reads_of_contact_details_are_logged(client):
    initiative = InitiativeFactory()
    ContactPersonFactory(initiative=initiative)
    _staff(client)
    assert client.get(f"/intern/initiativen/{initiative.pk}/bearbeiten/").status_code == 200
    assert AuditLogEntry.objects.filter(
        action="personal_data.viewed", data__view="registry:staff_initiative_edit"
    ).exists()


def test_every_registered_provider_follows_the_contract(settings):
    from industriedialog.privacy.services import providers

    labels = [label for label, _module in providers()]
    assert labels[:5] == ["accounts", "registry", "newsletter", "events", "surveys"]
    for _label, module in providers():
        assert callable(module.export_person) and callable(module.erase_person)
        assert isinstance(module.export_person("niemand@example.org"), dict)
