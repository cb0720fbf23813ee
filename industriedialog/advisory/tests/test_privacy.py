"""Personal data in the advice log: retention (with its log and dry run), export and
erasure of one person (contracts.md)."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from industriedialog.accounts.tests.factories import staff_user
from industriedialog.advisory import privacy
from industriedialog.advisory.models import Consultation, RetentionRun, Stage
from industriedialog.registry.models import ContactPerson
from industriedialog.registry.tests.factories import ContactPersonFactory, InitiativeFactory

from .factories import ConsultationFactory, FoundingCaseFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 15)


@pytest.fixture(autouse=True)
def _retention(settings):  # type: ignore[no-untyped-def]
    settings.ADVISORY_RETENTION_DAYS = 365


def _consultation(day: datetime.date, **kwargs):  # type: ignore[no-untyped-def]
    initiative = InitiativeFactory()
    contact = ContactPersonFactory(initiative=initiative, name="Petra Beispiel")
    return ConsultationFactory(
        date=day,
        initiatives=[initiative],
        contact_persons=[contact],
        other_participants="Jens Muster",
        summary="Petra Beispiel fragt nach dem Leitfaden.",
        outcome="Jens Muster schickt die Satzung.",
        follow_up="Petra Beispiel zurückrufen",
        follow_up_due_on=day,
        **kwargs,
    )


def test_retention_anonymises_exactly_the_expired_consultations():
    cutoff = privacy.retention_cutoff(TODAY)
    assert cutoff == datetime.date(2024, 6, 14)  # 365 days kept: 15.6.2024 is still in
    expired = _consultation(cutoff)
    kept = _consultation(cutoff + datetime.timedelta(days=1))
    counts = privacy.apply_retention(TODAY, dry_run=False, triggered_by="Test")
    assert counts == {
        "consultations_anonymised": 1,
        "consultation_contact_links": 1,
        "consultation_participant_names": 1,
        "founding_case_notes": 0,
    }
    expired.refresh_from_db()
    assert expired.anonymised_at is not None
    assert list(expired.contact_persons.all()) == []
    assert expired.summary == privacy.REMOVED_TEXT
    assert expired.outcome == expired.other_participants == expired.follow_up == ""
    assert expired.follow_up_due_on is None
    # what the reports need stays
    assert expired.initiatives.count() == 1 and expired.duration_minutes == 45
    # the contact itself is the registry's; it is only unlinked
    assert ContactPerson.objects.filter(name="Petra Beispiel").count() == 2
    kept.refresh_from_db()
    assert kept.anonymised_at is None and kept.contact_persons.count() == 1
    run = RetentionRun.objects.get()
    assert (run.cutoff, run.dry_run, run.triggered_by) == (cutoff, False, "Test")
    assert run.counts["consultations_anonymised"] == 1
    # a second run finds nothing new
    assert privacy.apply_retention(TODAY, dry_run=False)["consultations_anonymised"] == 0


def test_dry_run_counts_and_logs_but_changes_nothing():
    c = _consultation(datetime.date(2020, 1, 1))
    counts = privacy.apply_retention(TODAY, dry_run=True)
    assert counts["consultations_anonymised"] == 1
    c.refresh_from_db()
    assert c.anonymised_at is None and c.summary.startswith("Petra")
    assert RetentionRun.objects.get().dry_run is True


def test_retention_period_comes_from_the_settings(settings):
    c = _consultation(TODAY - datetime.timedelta(days=400))
    settings.ADVISORY_RETENTION_DAYS = 500
    assert privacy.apply_retention(TODAY, dry_run=False)["consultations_anonymised"] == 0
    settings.ADVISORY_RETENTION_DAYS = 30
    assert privacy.apply_retention(TODAY, dry_run=False)["consultations_anonymised"] == 1
    c.refresh_from_db()
    assert c.anonymised_at is not None


def test_closed_founding_cases_lose_their_notes_open_ones_keep_them():
    old = timezone.now() - datetime.timedelta(days=800)
    stopped = FoundingCaseFactory(stage=Stage.STOPPED, notes="Herr Meier hat abgesagt.")
    running = FoundingCaseFactory(stage=Stage.WORKSHOP, notes="Frau Kühn lädt ein.")
    recent = FoundingCaseFactory(stage=Stage.STOPPED, notes="Gerade beendet.")
    from industriedialog.advisory.models import FoundingCase

    FoundingCase.objects.filter(pk__in=[stopped.pk, running.pk]).update(updated_at=old)
    counts = privacy.apply_retention(timezone.localdate(), dry_run=False)
    assert counts["founding_case_notes"] == 1
    assert FoundingCase.objects.get(pk=stopped.pk).notes == ""
    assert FoundingCase.objects.get(pk=running.pk).notes == "Frau Kühn lädt ein."
    assert FoundingCase.objects.get(pk=recent.pk).notes == "Gerade beendet."


def test_command_reports_and_logs_the_run():
    _consultation(datetime.date(2020, 1, 1))
    out = io.StringIO()
    call_command("advisory_retention", "--dry-run", "--today", "2025-06-15", stdout=out)
    assert "Probelauf" in out.getvalue() and "Beratungen anonymisiert: 1" in out.getvalue()
    assert Consultation.objects.filter(anonymised_at__isnull=True).count() == 1
    call_command("advisory_retention", "--today", "2025-06-15", stdout=io.StringIO())
    assert Consultation.objects.filter(anonymised_at__isnull=True).count() == 0
    assert RetentionRun.objects.count() == 2
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="kein Datum"):
        call_command("advisory_retention", "--today", "15.06.2025")


def test_export_and_erase_a_contact_person():
    c = _consultation(datetime.date(2025, 1, 1))
    contact = c.contact_persons.get()
    contact.email = "petra@example.org"
    contact.save()
    untouched = ConsultationFactory(summary="Andere Beratung", initiatives=[InitiativeFactory()])
    exported = privacy.export_person("Petra@Example.org")
    [item] = exported["consultations_as_contact_person"]
    assert item["id"] == c.pk and "Petra Beispiel" in item["summary"]
    import json

    json.dumps(exported)  # JSON-serialisable

    counts = privacy.erase_person("petra@example.org")
    assert counts["consultation_contact_links"] == 1
    assert counts["consultation_texts_scrubbed"] == 1
    c.refresh_from_db()
    assert c.contact_persons.count() == 0
    assert c.summary == "[Name entfernt] fragt nach dem Leitfaden."
    assert c.follow_up == "[Name entfernt] zurückrufen"
    assert c.outcome == "Jens Muster schickt die Satzung."  # not this person
    untouched.refresh_from_db()
    assert untouched.summary == "Andere Beratung"
    assert privacy.export_person("petra@example.org")["consultations_as_contact_person"] == []


def test_export_and_erase_a_staff_member():
    advisor = staff_user(email="berater@example.org")
    c = ConsultationFactory(staff_member=advisor, initiatives=[InitiativeFactory()])
    case = FoundingCaseFactory(owner=advisor)
    exported = privacy.export_person("berater@example.org")
    assert exported["consultations_as_staff_member"] == [c.pk]
    assert exported["founding_cases_owned"] == [case.name]
    counts = privacy.erase_person("berater@example.org")
    assert counts["consultation_staff_member"] == 1 and counts["founding_case_owner"] == 1
    c.refresh_from_db()
    assert c.staff_member is None
    assert privacy.erase_person("niemand@example.org") == dict.fromkeys(counts, 0)
