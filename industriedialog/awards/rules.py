"""Who may do what in the award competition (django-rules; checked on the server for every
read of a submission and every write)."""

from __future__ import annotations

import rules

from industriedialog.accounts.rules import is_jury_member, is_staff_member
from industriedialog.registry.rules import represents


@rules.predicate
def represents_submission(user, submission) -> bool:  # type: ignore[no-untyped-def]
    return submission is not None and represents(user, submission.initiative)


@rules.predicate
def is_assigned_juror(user, submission) -> bool:  # type: ignore[no-untyped-def]
    """A jury member of the submission's category (conflicts not yet considered)."""
    if submission is None or not user.is_authenticated or not user.is_active:
        return False
    return submission.category.jurors.filter(pk=user.pk).exists()


@rules.predicate
def has_conflict(user, submission) -> bool:  # type: ignore[no-untyped-def]
    if submission is None or not user.is_authenticated:
        return False
    return submission.conflicts.filter(juror=user).exists()


@rules.predicate
def is_under_review(user, submission) -> bool:  # type: ignore[no-untyped-def]
    """Submitted, found eligible, and the call has reached jury scoring."""
    from .models import PHASE_ORDER, Phase

    return (
        submission is not None
        and submission.is_in_review
        and PHASE_ORDER.index(submission.call.phase) >= PHASE_ORDER.index(Phase.SCORING)
    )


@rules.predicate
def scoring_is_open(user, submission) -> bool:  # type: ignore[no-untyped-def]
    from .models import Phase

    return submission is not None and (
        submission.call.phase == Phase.SCORING and not submission.call.is_locked
    )


@rules.predicate
def conflict_may_be_declared(user, submission) -> bool:  # type: ignore[no-untyped-def]
    from .models import Phase

    return submission is not None and submission.call.phase in (
        Phase.ELIGIBILITY,
        Phase.SCORING,
    )


juror_of = is_jury_member & is_assigned_juror & ~has_conflict & is_under_review

rules.add_perm("awards.manage_calls", is_staff_member)
rules.add_perm("awards.view_ranking", is_staff_member)
rules.add_perm("awards.access_jury", is_jury_member)
# Representatives start and edit their own initiative's submissions (obj: the initiative).
rules.add_perm("awards.start_submission", represents)
rules.add_perm("awards.edit_submission", represents_submission)
rules.add_perm("awards.view_submission", represents_submission | is_staff_member | juror_of)
rules.add_perm("awards.score_submission", juror_of & scoring_is_open)
rules.add_perm(
    "awards.declare_conflict",
    is_jury_member & is_assigned_juror & ~has_conflict & conflict_may_be_declared,
)
