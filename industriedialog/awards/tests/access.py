"""Access rules of the award competition (permission matrix, see common/tests/access_rules.py).

Intent: the calls and, once published, their winners are public. A submission is read and
written only by the representatives of the submitting initiative (staff read it in the back
office; administrators hold every permission). A juror sees only the admitted entries of their
own categories without a declared conflict, and never other jurors' scores before the result
is locked. Representatives never reach scores, rankings or jury pages. The back office is
staff only.

The world: an open call with a draft of ``w.initiative`` (with a file); a call in jury scoring
with an admitted entry of ``w.initiative`` (with a file) in the category of the world's juror;
a published call with a winner (``w.other``).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from industriedialog.common.tests.access_rules import (
    ANY,
    JURY,
    NOBODY,
    REP_THIS,
    SIGNED_IN,
    STAFF,
    SUPERUSER,
    Rule,
    public,
    staff,
    staff_post_only,
)

OWNERS = frozenset({REP_THIS, SUPERUSER})
JURORS = frozenset({JURY})


def extend_world(w: Any) -> None:
    from industriedialog.awards import services
    from industriedialog.awards.models import Eligibility, Phase, Submission, SubmissionStatus
    from industriedialog.awards.tests.factories import call_with_parts, pdf_upload

    rep = w.users["rep_this"]

    # An open call with a draft of the world's initiative.
    w.award_call = call_with_parts(slug="wettbewerb-offen")
    w.award_draft = services.submission_start(
        call=w.award_call,
        category=w.award_call.categories.all()[0],
        initiative=w.initiative,
        actor=rep,
    )
    w.award_draft_file = services.submission_upload(
        submission=w.award_draft,
        field=w.award_call.fields.get(key="concept"),
        upload=pdf_upload(),
        actor=rep,
    )

    # A call in jury scoring: the world's initiative's entry, submitted and admitted, in the
    # category of the world's juror (no conflict declared).
    call = call_with_parts(slug="wettbewerb-bewertung")
    category = call.categories.all()[0]
    submission = services.submission_start(
        call=call, category=category, initiative=w.initiative, actor=rep
    )
    services.submission_save_answers(
        submission=submission,
        answers={"summary": "Ausbildungsbotschafter an vierzig Schulen.", "team": "Erika Muster"},
        actor=rep,
    )
    w.award_file = services.submission_upload(
        submission=submission, field=call.fields.get(key="concept"), upload=pdf_upload(), actor=rep
    )
    services.submission_submit(submission=submission, actor=rep)
    Submission.objects.filter(pk=submission.pk).update(eligibility=Eligibility.ELIGIBLE)
    call.phase = Phase.SCORING
    call.save()
    category.jurors.add(w.users["jury"])
    submission.refresh_from_db()
    w.award_review_call, w.award_submission = call, submission

    # A published call with a winner.
    now = timezone.now()
    published = call_with_parts(
        slug="wettbewerb-entschieden",
        opens_at=now - datetime.timedelta(days=90),
        closes_at=now - datetime.timedelta(days=60),
        publish_on=timezone.localdate() - datetime.timedelta(days=1),
        phase=Phase.PUBLISHED,
        results_locked_at=now - datetime.timedelta(days=5),
    )
    w.award_published_call = published
    w.award_winner = Submission.objects.create(
        call=published,
        category=published.categories.all()[0],
        initiative=w.other,
        status=SubmissionStatus.SUBMITTED,
        submitted_at=now - datetime.timedelta(days=70),
        eligibility=Eligibility.ELIGIBLE,
        final_rank=1,
        final_total="4.500",
        award_title="1. Preis",
        laudation="Vorbildlich.",
    )


def _draft(w: Any) -> dict[str, Any]:
    return {"pk": w.award_draft.pk}


def _review_call(w: Any) -> dict[str, Any]:
    return {"pk": w.award_review_call.pk}


def _entry(w: Any) -> dict[str, Any]:
    return {"pk": w.award_submission.pk}


def _scores(w: Any) -> dict[str, Any]:
    return {f"c{c.pk}_value": 4 for c in w.award_review_call.criteria.all()}


RULES = {
    # Public: calls and, once published, the winners.
    "awards:index": public(),
    "awards:call_detail": public(kwargs=lambda w: {"slug": w.award_published_call.slug}),
    # Representatives: start (for an initiative they represent), edit, submit, withdraw.
    "awards:submission_start": Rule(
        read=NOBODY,
        write=OWNERS,
        kwargs=lambda w: {"slug": w.award_call.slug},
        data=lambda w: {
            "initiative": w.initiative.pk,
            "category": w.award_call.categories.get(position=2).pk,
        },
    ),
    "awards:my_submissions": Rule(read=SIGNED_IN, write=ANY),  # lists only one's own
    "awards:submission_edit": Rule(
        read=OWNERS,
        write=OWNERS,
        kwargs=_draft,
        data=lambda w: {"summary": "Ein Netzwerk für Ausbildung in der Region."},
    ),
    "awards:submission_upload": Rule(
        read=NOBODY,
        write=OWNERS,
        kwargs=lambda w: {"pk": w.award_draft.pk, "key": "concept"},
    ),
    "awards:submission_submit": Rule(read=NOBODY, write=OWNERS, kwargs=_draft),
    "awards:submission_withdraw": Rule(read=NOBODY, write=OWNERS, kwargs=_draft),
    "awards:submission_file_remove": Rule(
        read=NOBODY, write=OWNERS, kwargs=lambda w: {"pk": w.award_draft_file.pk}
    ),
    # A file of the entry in review: its representatives, staff and its (free) juror.
    "awards:file_download": Rule(
        read=OWNERS | STAFF | JURORS, write=ANY, kwargs=lambda w: {"pk": w.award_file.pk}
    ),
    # Jury: only jurors; the call and entry only for a juror of the entry's category.
    "awards:jury_index": Rule(read=frozenset({JURY, SUPERUSER}), write=ANY),
    "awards:jury_call": Rule(read=JURORS, write=ANY, kwargs=_review_call),
    "awards:jury_submission": Rule(read=JURORS, write=JURORS, kwargs=_entry, data=_scores),
    "awards:jury_conflict": Rule(
        read=NOBODY, write=JURORS, kwargs=_entry, data=lambda w: {"note": "Vorstand"}
    ),
    # Back office
    "awards:staff_call_list": staff(),
    "awards:staff_call_create": staff(),
    "awards:staff_call_edit": staff(kwargs=_review_call),
    "awards:staff_call_phase": staff_post_only(
        kwargs=_review_call, data=lambda w: {"phase": "final"}
    ),
    "awards:staff_parts": staff(
        kwargs=lambda w: {"pk": w.award_review_call.pk, "part": "kategorien"}
    ),
    "awards:staff_submissions": staff(kwargs=_review_call),
    "awards:staff_results": staff(kwargs=_review_call),
    "awards:staff_lock": staff_post_only(kwargs=_review_call),
    "awards:staff_publication": staff(
        kwargs=lambda w: {"pk": w.award_published_call.pk},
        data=lambda w: {
            "submission": w.award_winner.pk,
            "award_title": "1. Preis",
            "laudation": "Vorbildlich.",
        },
    ),
    "awards:staff_submission_detail": staff(kwargs=_entry),
    "awards:staff_eligibility": staff_post_only(
        kwargs=_entry, data=lambda w: {"decision": "eligible", "reason": ""}
    ),
}
