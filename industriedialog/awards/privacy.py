"""Personal data in the award competition (contract of PERSONAL_DATA_PROVIDERS): jurors'
scores, comments and declared conflicts, and who started or checked a submission.

Locked results are records the programme reports on: their points stay, anonymised (no juror,
no comment). Scores of calls still under way are deleted with the person."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import AwardCall, Category, Conflict, JuryScore, Submission


def _user(email: str) -> Any:
    return get_user_model().objects.filter(email__iexact=email.strip()).first()


def export_person(email: str) -> dict:
    user = _user(email)
    if user is None:
        return {}
    return {
        "jury_scores": [
            {
                "call": s.submission.call.title,
                "submission": s.submission_id,
                "criterion": s.criterion.name,
                "points": s.value,
                "comment": s.comment,
                "saved_at": s.updated_at.isoformat(),
            }
            for s in JuryScore.objects.filter(juror=user).select_related(
                "submission__call", "criterion"
            )
        ],
        "conflicts": [
            {
                "call": c.submission.call.title,
                "submission": c.submission_id,
                "note": c.note,
                "declared_at": c.created_at.isoformat(),
            }
            for c in Conflict.objects.filter(juror=user).select_related("submission__call")
        ],
        "submissions_started": [
            {"call": s.call.title, "initiative": s.initiative.name, "status": s.status}
            for s in Submission.objects.filter(created_by=user).select_related("call", "initiative")
        ],
        "eligibility_decisions": [
            {"submission": s.pk, "eligibility": s.eligibility, "reason": s.eligibility_reason}
            for s in Submission.objects.filter(eligibility_decided_by=user)
        ],
    }


@transaction.atomic
def erase_person(email: str) -> dict[str, int]:
    user = _user(email)
    if user is None:
        return {}
    # Off every jury team first, so an account that outlives this never sees an entry it had
    # declared a conflict with.
    teams, _counts = Category.jurors.through.objects.filter(user=user).delete()
    scores = JuryScore.objects.filter(juror=user)
    deleted, _counts = scores.filter(submission__call__results_locked_at__isnull=True).delete()
    anonymised = scores.update(juror=None, comment="")
    conflicts = Conflict.objects.filter(juror=user).update(juror=None, note="")
    started = Submission.objects.filter(created_by=user).update(created_by=None)
    decided = Submission.objects.filter(eligibility_decided_by=user).update(
        eligibility_decided_by=None
    )
    AwardCall.objects.filter(results_locked_by=user).update(results_locked_by=None)
    return {
        "jury_teams_left": teams,
        "jury_scores_deleted": deleted,
        "jury_scores_anonymised": anonymised,
        "conflicts_anonymised": conflicts,
        "submissions_creator_removed": started,
        "eligibility_decider_removed": decided,
    }
