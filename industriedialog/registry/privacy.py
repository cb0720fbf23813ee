"""Personal data in the registry (contract 3): contact persons (with their consent record),
representation claims and change proposals of an account.

Erasure deletes contact persons (the initiative stays) and scrubs their names from the audit
log; representation claims are deleted; change proposals stay as part of the initiative's
history but lose the proposer and the free-text comment. Uploaded import files (which may
hold contact details) are deleted after ``REGISTRY_IMPORT_FILE_RETENTION_DAYS``; the import
run's counts stay.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q

from industriedialog.common.models import AuditLogEntry

from .models import ChangeProposal, ContactPerson, ImportRun, Representation

ERASED = "gelöscht"


def _contacts(email: str) -> Any:
    return ContactPerson.objects.filter(email__iexact=email).select_related(
        "initiative", "organisation"
    )


def _user_filter(field: str, email: str) -> Q:
    return Q(**{f"{field}__email__iexact": email})


def export_person(email: str) -> dict[str, Any]:
    return {
        "contact_persons": [
            {
                "initiative": c.initiative.name,
                "organisation": c.organisation.name if c.organisation else "",
                "name": c.name,
                "function": c.function,
                "email": c.email,
                "phone": c.phone,
                "consent_given_at": c.consent_given_at,
                "consent_method": c.consent_method,
                "consent_note": c.consent_note,
                "consent_withdrawn_at": c.consent_withdrawn_at,
                "created_at": c.created_at,
            }
            for c in _contacts(email)
        ],
        "representations": [
            {
                "initiative": r.initiative.name,
                "state": r.state,
                "message": r.message,
                "created_at": r.created_at,
                "decided_at": r.decided_at,
            }
            for r in Representation.objects.filter(_user_filter("user", email)).select_related(
                "initiative"
            )
        ],
        "change_proposals": [
            {
                "initiative": p.initiative.name,
                "state": p.state,
                "changes": p.changes,
                "comment": p.comment,
                "created_at": p.created_at,
            }
            for p in ChangeProposal.objects.filter(
                _user_filter("proposed_by", email)
            ).select_related("initiative")
        ],
    }


def erase_person(email: str) -> dict[str, int]:
    contacts = list(_contacts(email).values_list("pk", flat=True))
    scrubbed = 0
    for entry in AuditLogEntry.objects.filter(
        action__startswith="registry.contact_", data__contact_id__in=contacts
    ):
        entry.data = {**entry.data, "name": ERASED}
        entry.save(update_fields=["data"])
        scrubbed += 1
    ContactPerson.objects.filter(pk__in=contacts).delete()
    claims = Representation.objects.filter(_user_filter("user", email))
    claim_count = claims.count()
    claims.delete()
    proposals = ChangeProposal.objects.filter(_user_filter("proposed_by", email))
    anonymised = proposals.update(proposed_by=None, comment="")
    return {
        "contact_persons": len(contacts),
        "audit_log_entries_anonymised": scrubbed,
        "representations": claim_count,
        "change_proposals_anonymised": anonymised,
    }


def apply_retention(today: datetime.date, *, dry_run: bool) -> dict[str, int]:
    days = getattr(settings, "REGISTRY_IMPORT_FILE_RETENTION_DAYS", 90)
    cutoff = datetime.datetime.combine(
        today - datetime.timedelta(days=days), datetime.time.min, tzinfo=datetime.UTC
    )
    runs = ImportRun.objects.filter(created_at__lt=cutoff).exclude(file="")
    count = runs.count()
    if not dry_run:
        for run in runs:
            run.file.delete(save=False)
            run.file = ""
            run.save(update_fields=["file"])
    return {"import_files": count}
