"""Personal data of surveys (contract 3): invitations (address, name) and the responses
linked to a person through an invitation or an account.

Erasure anonymises: the invitation keeps its place in the response rate but loses address,
name and contact link; responses lose the account link and stay in the results (answers
are the survey's statistics). Drafts of unfinished responses are deleted.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from .models import Invitation, Response


def _responses(email: str) -> Any:
    return Response.objects.filter(
        Q(invitation__email__iexact=email) | Q(user__email__iexact=email)
    ).select_related("survey")


def export_person(email: str) -> dict[str, Any]:
    return {
        "invitations": [
            {
                "survey": i.survey.title,
                "email": i.email,
                "name": i.name,
                "invited_at": i.sent_at,
                "reminded_at": i.reminded_at,
            }
            for i in Invitation.objects.filter(email__iexact=email).select_related("survey")
        ],
        "responses": [
            {
                "survey": r.survey.title,
                "started_on": r.started_on,
                "submitted_on": r.submitted_on,
                "draft": r.draft,
                "answers": [
                    {
                        "question": a.question_key,
                        "item": a.item,
                        "choice": a.choice,
                        "number": a.number,
                        "date": a.date,
                        "text": a.text,
                    }
                    for a in r.answers.all()
                ],
            }
            for r in _responses(email).prefetch_related("answers")
        ],
    }


def erase_person(email: str) -> dict[str, int]:
    responses = list(_responses(email))
    drafts = 0
    for response in responses:
        if response.submitted_on is None:
            response.delete()
            drafts += 1
        else:
            response.user = None
            response.draft = {}
            response.save(update_fields=["user", "draft"])
    invitations = list(Invitation.objects.filter(email__iexact=email))
    for invitation in invitations:
        invitation.email = f"geloescht-{invitation.pk}@anonym.invalid"
        invitation.name = ""
        invitation.contact = None
        invitation.save(update_fields=["email", "name", "contact"])
    return {
        "invitations_anonymised": len(invitations),
        "responses_anonymised": len(responses) - drafts,
        "unfinished_responses": drafts,
    }
