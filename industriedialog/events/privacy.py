"""Personal data of events (contract 3): registrations and invitations. Feedback is
anonymous and not linked to anyone.

Erasure anonymises registrations (name, address, organisation, function, accessibility needs
removed; event, status, initiative and check-in stay, so participant counts and reports
hold) and deletes invitations. Retention: unconfirmed registrations are deleted after
``EVENTS_UNCONFIRMED_RETENTION_DAYS``; accessibility needs (possibly health data) are cleared
``EVENTS_ACCESSIBILITY_NEEDS_RETENTION_DAYS`` after the event.
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings

from .models import Invitation, Registration
from .vocabularies import RegistrationStatus

ERASED = "gelöscht"


def export_person(email: str) -> dict[str, Any]:
    return {
        "registrations": [
            {
                "event": r.event.title,
                "event_starts_at": r.event.starts_at,
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation,
                "initiative": r.initiative.name if r.initiative else "",
                "role": r.role,
                "accessibility_needs": r.accessibility_needs,
                "listed_in_participants": r.consents_to_list,
                "status": r.status,
                "registered_at": r.created_at,
                "confirmed_at": r.confirmed_at,
                "cancelled_at": r.cancelled_at,
                "attended_at": r.attended_at,
            }
            for r in Registration.objects.filter(email__iexact=email).select_related(
                "event", "initiative"
            )
        ],
        "invitations": [
            {"event": i.event.title, "email": i.email, "sent_at": i.sent_at}
            for i in Invitation.objects.filter(email__iexact=email).select_related("event")
        ],
    }


def erase_person(email: str) -> dict[str, int]:
    registrations = list(Registration.objects.filter(email__iexact=email))
    for registration in registrations:
        registration.name = ERASED
        registration.email = ""
        registration.email_normalised = f"erased-{registration.pk}"
        registration.organisation = ""
        registration.role = ""
        registration.accessibility_needs = ""
        registration.consents_to_list = False
        registration.token = secrets.token_urlsafe(32)
        registration.save()
    invitations, _ = Invitation.objects.filter(email__iexact=email).delete()
    return {"registrations_anonymised": len(registrations), "invitations": invitations}


def _cutoff(today: datetime.date, days: int) -> datetime.datetime:
    return datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time.min, tzinfo=datetime.UTC
    )


def apply_retention(today: datetime.date, *, dry_run: bool) -> dict[str, int]:
    unconfirmed = Registration.objects.filter(
        status=RegistrationStatus.UNCONFIRMED,
        created_at__lt=_cutoff(today, getattr(settings, "EVENTS_UNCONFIRMED_RETENTION_DAYS", 30)),
    )
    needs = Registration.objects.exclude(accessibility_needs="").filter(
        event__ends_at__lt=_cutoff(
            today, getattr(settings, "EVENTS_ACCESSIBILITY_NEEDS_RETENTION_DAYS", 30)
        )
    )
    result = {
        "unconfirmed_registrations": unconfirmed.count(),
        "accessibility_needs_cleared": needs.count(),
    }
    if not dry_run:
        unconfirmed.delete()
        needs.update(accessibility_needs="")
    return result
