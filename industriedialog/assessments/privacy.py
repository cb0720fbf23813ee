"""Personal data in the self-assessment (contracts.md, GDPR): a person's answers (with
their notes) and the contact requests they sent. Scores of an initiative are not personal
data and stay; the person's free texts are blanked and the link to the account removed."""

from __future__ import annotations

from django.db import transaction

from .models import Answer, ContactRequest


def export_person(email: str) -> dict:
    answers = Answer.objects.filter(user__email__iexact=email).select_related(
        "assessment__initiative", "criterion"
    )
    requests = ContactRequest.objects.filter(requested_by__email__iexact=email).select_related(
        "from_initiative", "to_initiative"
    )
    return {
        "answers": [
            {
                "initiative": a.assessment.initiative.name,
                "year": a.assessment.year,
                "question": a.criterion.question_text,
                "level": a.level,
                "note": a.note,
                "updated_at": a.updated_at.isoformat(),
            }
            for a in answers
        ],
        "contact_requests": [
            {
                "from": r.from_initiative.name,
                "to": r.to_initiative.name,
                "topic": r.dimension_label,
                "message": r.message,
                "state": r.state,
                "created_at": r.created_at.isoformat(),
            }
            for r in requests
        ],
    }


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    """Answers keep counting for the initiative's result, anonymously; notes and messages
    (free text that may name people) are emptied."""
    answers = Answer.objects.filter(user__email__iexact=email).update(note="", user=None)
    requests = ContactRequest.objects.filter(requested_by__email__iexact=email).update(
        message="", requested_by=None
    )
    return {"assessment_answers_anonymised": answers, "contact_requests_anonymised": requests}
