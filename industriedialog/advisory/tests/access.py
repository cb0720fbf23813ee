"""Access rules of the founding pipeline (staff only; permission matrix)."""

from industriedialog.common.tests.access_rules import staff, staff_post_only


def _case(w):  # type: ignore[no-untyped-def]
    return {"pk": w.case.pk}


RULES = {
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
}
