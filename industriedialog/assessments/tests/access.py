"""Access rules of the self-assessment (permission matrix, see common/tests/access_rules.py).

Intent: nobody but the initiative's own representatives and staff sees its scores, results
and the PDF; ministry, advisory board, jury and other initiatives' representatives are
refused. Only the initiative's representatives start, answer, complete, set targets and ask
for contacts (administrators hold every permission). The network overview, the export, the
catalogue and the brokering of contact requests are staff only.

The world: the published catalogue and a draft copy of it; a completed assessment of
``w.initiative`` (last year) and this year's draft; an open contact request of ``w.other``.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from industriedialog.common.tests.access_rules import (
    ANY,
    NOBODY,
    REP_THIS,
    STAFF,
    SUPERUSER,
    Rule,
    public,
    staff,
    staff_post_only,
)

OWNERS = frozenset({REP_THIS, SUPERUSER})
OWNERS_AND_STAFF = OWNERS | STAFF


def extend_world(w: Any) -> None:
    from industriedialog.assessments import selectors, services
    from industriedialog.assessments.models import CatalogueVersion, ContactRequest
    from industriedialog.assessments.tests.factories import completed_assessment

    rep = w.users["rep_this"]
    services.catalogue_load_initial()
    w.catalogue = CatalogueVersion.objects.get(state=CatalogueVersion.State.PUBLISHED, number=1)
    w.assessment = completed_assessment(
        w.initiative, 3, year=timezone.localdate().year - 1, user=rep
    )
    w.assessment_draft = services.assessment_start(initiative=w.initiative, user=rep)
    w.catalogue_draft = services.catalogue_draft_create(actor=w.users["editor"])
    w.catalogue_dimension = selectors.catalogue_dimensions(w.catalogue_draft)[0]
    w.catalogue_criterion = w.catalogue_dimension.criteria.first()
    w.contact_request = ContactRequest.objects.create(
        from_initiative=w.other,
        to_initiative=w.initiative,
        dimension_key=w.catalogue_dimension.key,
        dimension_label=w.catalogue_dimension.label,
        requested_by=w.users["rep_other"],
    )


def _this(w: Any) -> dict[str, Any]:
    return {"slug": w.initiative.slug}


def _completed(w: Any) -> dict[str, Any]:
    return {"pk": w.assessment.pk}


def _draft(w: Any) -> dict[str, Any]:
    return {"pk": w.assessment_draft.pk}


def _dimension(w: Any) -> dict[str, Any]:
    return {"dimension_pk": w.catalogue_dimension.pk}


RULES = {
    # The start page explains the self-assessment; representatives see their initiatives.
    "assessments:index": public(),
    # The initiative's representatives
    "assessments:start": Rule(read=NOBODY, write=OWNERS, kwargs=_this),
    "assessments:peer_opt_in": Rule(
        read=NOBODY, write=OWNERS, kwargs=_this, data=lambda w: {"opt_in": "1"}
    ),
    "assessments:step": Rule(
        read=OWNERS,
        write=OWNERS,
        kwargs=lambda w: {"pk": w.assessment_draft.pk, "step": 1},
        data=lambda w: {"action": "save"},
    ),
    "assessments:summary": Rule(read=OWNERS, write=OWNERS, kwargs=_draft),
    "assessments:targets": Rule(
        read=NOBODY,
        write=OWNERS,
        kwargs=_completed,
        data=lambda w: {w.catalogue_dimension.key: "4"},
    ),
    "assessments:contact": Rule(
        read=NOBODY,
        write=OWNERS,
        kwargs=_completed,
        data=lambda w: {"peer": w.other.pk, "dimension": w.catalogue_dimension.key},
    ),
    # Scores: the initiative's representatives and staff, nobody else.
    "assessments:result": Rule(read=OWNERS_AND_STAFF, write=ANY, kwargs=_completed),
    "assessments:result_pdf": Rule(read=OWNERS_AND_STAFF, write=ANY, kwargs=_completed),
    # Back office
    "assessments:staff_overview": staff(),
    "assessments:staff_export": staff(kwargs=lambda w: {"fmt": "csv"}),
    "assessments:staff_contact_list": staff(),
    "assessments:staff_contact_decide": staff_post_only(
        kwargs=lambda w: {"pk": w.contact_request.pk, "decision": "vermittelt"},
        data=lambda w: {"note": "telefonisch"},
    ),
    "assessments:staff_catalogue_list": staff(),
    "assessments:staff_catalogue_detail": staff(kwargs=lambda w: {"pk": w.catalogue_draft.pk}),
    "assessments:staff_dimension_edit": staff(kwargs=lambda w: {"pk": w.catalogue_dimension.pk}),
    "assessments:staff_criterion_create": staff(kwargs=_dimension),
    "assessments:staff_criterion_edit": staff(
        kwargs=lambda w: {**_dimension(w), "pk": w.catalogue_criterion.pk}
    ),
}
