"""Access rules of the advisory URLs (permission matrix, see common/tests/access_rules.py).

Founding pipeline and advice log are staff only: cases hold internal notes, consultations
personal data. Ministry, advisory board, jury and representatives are refused everywhere."""

from industriedialog.common.tests.access_rules import staff, staff_post_only


def _case(w):  # type: ignore[no-untyped-def]
    return {"pk": w.case.pk}


def _consultation(w):  # type: ignore[no-untyped-def]
    return {"pk": w.consultation.pk}


def extend_world(w):  # type: ignore[no-untyped-def]
    import datetime

    from industriedialog.advisory.tests.factories import ConsultationFactory

    w.consultation = ConsultationFactory(
        initiatives=[w.initiative],
        contact_persons=[w.contact],
        staff_member=w.users["advisor"],
        follow_up="Satzungsentwurf zusenden",
        follow_up_due_on=datetime.date(2020, 1, 1),
    )


RULES = {
    # Founding pipeline
    "advisory:case_board": staff(),
    "advisory:case_list": staff(),
    "advisory:case_create": staff(),
    "advisory:case_detail": staff(kwargs=_case),
    "advisory:case_edit": staff(kwargs=_case),
    "advisory:case_move": staff_post_only(kwargs=_case),
    "advisory:case_found": staff_post_only(kwargs=_case),
    "advisory:step_add": staff_post_only(kwargs=_case),
    "advisory:step_done": staff_post_only(kwargs=lambda w: {"pk": w.step.pk}),
    "advisory:partner_add": staff_post_only(kwargs=_case),
    "advisory:partner_respond": staff_post_only(kwargs=lambda w: {"pk": w.partner.pk}),
    "advisory:document_add": staff_post_only(kwargs=_case),
    "advisory:document_download": staff(kwargs=lambda w: {"pk": w.document.pk}),
    # Advice log (personal data: staff only, for reading as for writing)
    "advisory:consultation_list": staff(),
    "advisory:consultation_create": staff(),
    "advisory:consultation_export": staff(kwargs=lambda w: {"file_format": "csv"}),
    "advisory:consultation_detail": staff(kwargs=_consultation),
    "advisory:consultation_edit": staff(kwargs=_consultation),
    "advisory:consultation_follow_up": staff_post_only(
        kwargs=_consultation, data=lambda w: {"done": "1"}
    ),
    "advisory:follow_ups": staff(),
    "advisory:staff_overview": staff(),
    "advisory:initiative_history": staff(kwargs=lambda w: {"pk": w.initiative.pk}),
    "advisory:retention_runs": staff(),
}
