"""Access rules of the registry URLs (permission matrix, see common/tests/access_rules.py)."""

from industriedialog.common.tests.access_rules import (
    NOBODY,
    REP_THIS,
    SIGNED_IN,
    SUPERUSER,
    Rule,
    public,
    staff,
    staff_post_only,
    token,
)


def _initiative(w):  # type: ignore[no-untyped-def]
    return {"pk": w.initiative.pk}


def _this(w):  # type: ignore[no-untyped-def]
    return {"slug": w.initiative.slug}


RULES = {
    "registry:initiative_list": public(),
    "registry:initiative_map": public(),
    "registry:initiative_detail": public(kwargs=_this),
    "registry:initiative_export": public(kwargs=lambda w: {"fmt": "csv"}),
    "registry:widget_builder": public(),
    "registry:widget": public(),
    # Back office
    "registry:staff_initiative_list": staff(),
    "registry:staff_initiative_create": staff(),
    "registry:staff_initiative_edit": staff(kwargs=_initiative),
    "registry:staff_initiative_history": staff(kwargs=_initiative),
    "registry:staff_initiative_verify": staff_post_only(kwargs=_initiative),
    "registry:staff_membership_manage": staff(kwargs=_initiative),
    "registry:staff_contact_create": staff(kwargs=_initiative),
    "registry:staff_contact_edit": staff(kwargs=lambda w: {"pk": w.contact.pk}),
    "registry:staff_organisation_list": staff(),
    "registry:staff_organisation_create": staff(),
    "registry:staff_organisation_edit": staff(kwargs=lambda w: {"pk": w.organisation.pk}),
    "registry:staff_organisation_history": staff(kwargs=lambda w: {"pk": w.organisation.pk}),
    "registry:staff_duplicate_check": staff(),
    "registry:staff_import": staff(),
    "registry:staff_import_template": staff(kwargs=lambda w: {"fmt": "csv"}),
    "registry:staff_import_detail": staff(kwargs=lambda w: {"pk": w.import_run.pk}),
    "registry:staff_import_execute": staff_post_only(kwargs=lambda w: {"pk": w.import_run.pk}),
    "registry:staff_import_discard": staff_post_only(kwargs=lambda w: {"pk": w.import_run.pk}),
    "registry:staff_representation_list": staff(),
    "registry:staff_representation_decide": staff_post_only(kwargs=lambda w: {"pk": w.claim.pk}),
    "registry:staff_representation_revoke": staff_post_only(
        kwargs=lambda w: {"pk": w.approved_claim.pk}
    ),
    "registry:staff_proposal_list": staff(),
    "registry:staff_proposal_review": staff(kwargs=lambda w: {"pk": w.proposal.pk}),
    "registry:staff_verification_list": staff(),
    # Self-service: any signed-in person may ask to represent; only the initiative's own
    # representatives propose changes and withdraw their proposals.
    "registry:representation_request": Rule(read=SIGNED_IN, write=SIGNED_IN, kwargs=_this),
    "registry:my_initiatives": Rule(read=SIGNED_IN, write=SIGNED_IN),
    # Administrators hold every permission (Django's superuser semantics).
    "registry:change_proposal_create": Rule(
        read=frozenset({REP_THIS, SUPERUSER}), write=frozenset({REP_THIS, SUPERUSER}), kwargs=_this
    ),
    "registry:change_proposal_withdraw": Rule(
        read=NOBODY,
        write=frozenset({REP_THIS}),
        kwargs=lambda w: {"slug": w.initiative.slug, "pk": w.proposal.pk},
    ),
    "registry:verification_review": token(
        kwargs=lambda w: {"slug": w.initiative.slug, "token": "x"}
    ),
}
