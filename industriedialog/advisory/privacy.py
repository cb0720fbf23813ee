"""Personal data in the advisory app (contracts.md, "Personal data"): the founding cases and
the advice log.

What is personal here:

* ``Consultation.contact_persons`` – links to registry contact persons (the registry's own
  privacy module owns the ``ContactPerson`` rows themselves);
* ``Consultation.other_participants`` – names of people without a contact entry;
* ``Consultation.summary``, ``outcome`` and ``follow_up`` – free text that may name people.
  Names in free text cannot be found reliably, so the retention rule blanks these texts as a
  whole; ``erase_person`` replaces the known name and e-mail address of the person;
* ``Consultation.staff_member`` and ``FoundingCase.owner``/``FoundingStep.owner`` – staff
  accounts (the foreign keys are SET_NULL, so erasing an account works);
* ``FoundingCase.notes`` – free text, blanked by the retention rule once a case is closed.

Kept after anonymisation (needed for the reports to the ministry): kind, date, duration,
initiatives, founding case, organisation and topics of a consultation, and the stage,
districts and partners (organisations) of a founding case.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import OPEN_STAGES, Consultation, FoundingCase, FoundingStep, RetentionRun

REMOVED_TEXT = "[entfernt nach Ablauf der Aufbewahrungsfrist]"
REMOVED_NAME = "[Name entfernt]"


def retention_days() -> int:
    return int(getattr(settings, "ADVISORY_RETENTION_DAYS", 3 * 365))


def retention_cutoff(today: datetime.date) -> datetime.date:
    """The last day whose consultations are past the retention period on ``today``."""
    return today - datetime.timedelta(days=retention_days() + 1)


def _contacts(email: str) -> Any:
    from industriedialog.registry.models import ContactPerson

    return (
        ContactPerson.objects.filter(email__iexact=email.strip())
        if email.strip()
        else (ContactPerson.objects.none())
    )


def _user(email: str) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=email.strip()).first()


def _consultation_data(c: Consultation) -> dict[str, Any]:
    return {
        "id": c.pk,
        "date": c.date.isoformat(),
        "kind": c.kind,
        "duration_minutes": c.duration_minutes,
        "initiatives": [i.name for i in c.initiatives.all()],
        "founding_case": c.founding_case.name if c.founding_case else "",
        "organisation": c.organisation.name if c.organisation else "",
        "other_participants": c.other_participants,
        "summary": c.summary,
        "outcome": c.outcome,
        "follow_up": c.follow_up,
        "follow_up_due_on": c.follow_up_due_on.isoformat() if c.follow_up_due_on else None,
    }


def export_person(email: str) -> dict[str, Any]:
    """Everything the advisory app stores about the person with ``email``."""
    contacts = list(_contacts(email))
    mentioned = (
        Consultation.objects.filter(contact_persons__in=contacts)
        .distinct()
        .select_related("founding_case", "organisation")
        .prefetch_related("initiatives")
    )
    result: dict[str, Any] = {
        "consultations_as_contact_person": [_consultation_data(c) for c in mentioned],
    }
    user = _user(email)
    if user is not None:
        result["consultations_as_staff_member"] = list(
            Consultation.objects.filter(staff_member=user).values_list("pk", flat=True)
        )
        result["founding_cases_owned"] = list(
            FoundingCase.objects.filter(owner=user).values_list("name", flat=True)
        )
        result["founding_steps_owned"] = list(
            FoundingStep.objects.filter(owner=user).values_list("title", flat=True)
        )
    return result


def _scrub(text: str, needles: list[str]) -> str:
    for needle in needles:
        if needle:
            text = re.sub(re.escape(needle), REMOVED_NAME, text, flags=re.IGNORECASE)
    return text


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Unlink the person's contact entries from consultations and replace their known name
    and e-mail address in the consultation texts; a staff account is unlinked from the
    consultations and founding cases it owns. The consultations themselves stay (reports)."""
    counts = {
        "consultation_contact_links": 0,
        "consultation_texts_scrubbed": 0,
        "consultation_staff_member": 0,
        "founding_case_owner": 0,
        "founding_step_owner": 0,
    }
    contacts = list(_contacts(email))
    if contacts:
        needles = sorted({email.strip(), *(c.name for c in contacts)}, key=len, reverse=True)
        through = Consultation.contact_persons.through
        consultation_ids = set(
            through.objects.filter(contactperson__in=contacts).values_list(
                "consultation_id", flat=True
            )
        )
        counts["consultation_contact_links"], _deleted = through.objects.filter(
            contactperson__in=contacts
        ).delete()
        for consultation in Consultation.objects.filter(pk__in=consultation_ids):
            fields = ("summary", "outcome", "follow_up", "other_participants")
            changed = False
            for name in fields:
                old = getattr(consultation, name)
                new = _scrub(old, needles)
                if new != old:
                    setattr(
                        consultation,
                        name,
                        new[
                            : getattr(consultation._meta.get_field(name), "max_length", None)
                            or None
                        ],
                    )
                    changed = True
            if changed:
                consultation.save(update_fields=[*fields, "updated_at"])
                counts["consultation_texts_scrubbed"] += 1
    user = _user(email)
    if user is not None:
        counts["consultation_staff_member"] = Consultation.objects.filter(staff_member=user).update(
            staff_member=None
        )
        counts["founding_case_owner"] = FoundingCase.objects.filter(owner=user).update(owner=None)
        counts["founding_step_owner"] = FoundingStep.objects.filter(owner=user).update(owner=None)
    return counts


def apply_retention(
    today: datetime.date, *, dry_run: bool, triggered_by: str = ""
) -> dict[str, int]:
    """Anonymise consultations older than ``settings.ADVISORY_RETENTION_DAYS`` (contact links,
    other participants, summary, outcome and follow-up text) and blank the notes of founding
    cases closed before that; log the run as a ``RetentionRun`` (also a dry run)."""
    cutoff = retention_cutoff(today)
    cutoff_start = timezone.make_aware(
        datetime.datetime.combine(cutoff + datetime.timedelta(days=1), datetime.time.min)
    )
    with transaction.atomic():
        expired = Consultation.objects.filter(date__lte=cutoff, anonymised_at__isnull=True)
        through = Consultation.contact_persons.through
        links = through.objects.filter(consultation__in=expired)
        closed_cases = (
            FoundingCase.objects.exclude(stage__in=OPEN_STAGES)
            .filter(updated_at__lt=cutoff_start)
            .exclude(notes="")
        )
        counts = {
            "consultations_anonymised": expired.count(),
            "consultation_contact_links": links.count(),
            "consultation_participant_names": expired.exclude(other_participants="").count(),
            "founding_case_notes": closed_cases.count(),
        }
        if not dry_run:
            links.delete()
            expired.update(
                other_participants="",
                summary=REMOVED_TEXT,
                outcome="",
                follow_up="",
                follow_up_due_on=None,
                anonymised_at=timezone.now(),
            )
            closed_cases.update(notes="")
        RetentionRun.objects.create(
            cutoff=cutoff, dry_run=dry_run, triggered_by=triggered_by[:255], counts=counts
        )
    return counts


def retention_labels() -> dict[str, str]:
    """German labels of the counts in a ``RetentionRun``."""
    return {
        "consultations_anonymised": _("Beratungen anonymisiert"),
        "consultation_contact_links": _("Verknüpfungen mit Ansprechpersonen entfernt"),
        "consultation_participant_names": _("Listen weiterer Gesprächspartner geleert"),
        "founding_case_notes": _("Notizen abgeschlossener Gründungsfälle geleert"),
    }
