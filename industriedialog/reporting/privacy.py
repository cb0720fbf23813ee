"""Personal data in the reporting app (contracts.md, "Personal data").

Personal here: ``BoardMember`` (name, e-mail of an advisory board member) and the staff
accounts named on manual values, reports, documents and decisions (foreign keys are
SET_NULL, so erasing an account works). Erasing a member keeps organisation and role – the
minutes and decisions of past meetings stay readable – and replaces the name."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .models import BoardMember, Decision

REMOVED_NAME = "[Name entfernt]"


def _members(email: str) -> Any:
    email = email.strip()
    return BoardMember.objects.filter(email__iexact=email) if email else BoardMember.objects.none()


def export_person(email: str) -> dict[str, Any]:
    members = _members(email)
    decisions = Decision.objects.filter(owner__email__iexact=email.strip()) if email.strip() else []
    return {
        "board_members": [
            {
                "name": m.name,
                "email": m.email,
                "organisation": m.organisation,
                "role": m.role,
                "is_active": m.is_active,
                "meetings": [
                    {"title": meeting.title, "held_on": meeting.held_on.isoformat()}
                    for meeting in m.meetings.all()
                ],
            }
            for m in members.prefetch_related("meetings")
        ],
        "board_decisions_owned": [
            {
                "text": d.text,
                "due_on": d.due_on.isoformat() if d.due_on else None,
                "status": d.status,
            }
            for d in decisions
        ],
    }


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    anonymised = _members(email).update(name=REMOVED_NAME, email="", is_active=False)
    return {"board_members_anonymised": anonymised}
