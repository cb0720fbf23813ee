"""Representatives' self-service (claim an entry, propose changes, confirm it is current) and
the staff pages that decide on claims and proposals. Thin: input, permission, service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import permission_required, require
from industriedialog.common.ratelimit import limit_posts

from . import selectors, services
from .forms_self_service import (
    ChangeProposalForm,
    ProposalDecisionForm,
    RepresentationDecisionForm,
    RepresentationRequestForm,
    RepresentationRevokeForm,
)
from .models import ChangeProposal, Initiative, Representation

# --- Claims ------------------------------------------------------------------------------------


@login_required
@limit_posts("registry_self_service")
def representation_request(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    require(request.user, "registry.claim_initiative", initiative)
    claim = selectors.representation_open_claim(user=request.user, initiative=initiative)
    form = RepresentationRequestForm(request.POST or None)
    if request.method == "POST" and claim is None and form.is_valid():
        services.representation_request_and_notify(
            user=request.user, initiative=initiative, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            _(
                "Ihr Antrag ist eingegangen. Die Servicestelle prüft ihn und schreibt Ihnen per "
                "E-Mail."
            ),
        )
        return redirect("registry:my_initiatives")
    return render(
        request,
        "registry/representation_request.html",
        {"initiative": initiative, "claim": claim, "form": form},
    )


@permission_required("registry.decide_claims")
def staff_representation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "registry/representation_staff_list.html",
        {
            "pending": selectors.representation_claims_pending().order_by("created_at"),
            "approved": selectors.representations_approved().order_by(
                "initiative__name", "user__last_name"
            ),
        },
    )


@require_POST
@permission_required("registry.decide_claims")
def staff_representation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Representation.objects.select_related("initiative", "user"), pk=pk)
    require(request.user, "registry.decide_claims", claim.initiative)
    form = RepresentationDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie „bestätigen“ oder „ablehnen“."))
    elif services.representation_decide_and_notify(
        claim=claim, approve=form.approve, actor=request.user, note=form.cleaned_data["note"]
    ):
        text = (
            _("%(person)s vertritt jetzt „%(initiative)s“.")
            if form.approve
            else _("Der Antrag von %(person)s für „%(initiative)s“ wurde abgelehnt.")
        )
        messages.success(
            request, text % {"person": claim.user, "initiative": claim.initiative.display_name}
        )
    else:
        messages.info(request, _("Über diesen Antrag wurde bereits entschieden."))
    return redirect("registry:staff_representation_list")


@require_POST
@permission_required("registry.decide_claims")
def staff_representation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Representation.objects.select_related("initiative", "user"), pk=pk)
    require(request.user, "registry.decide_claims", claim.initiative)
    form = RepresentationRevokeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    if services.representation_revoke_and_notify(claim=claim, actor=request.user, note=note):
        messages.success(
            request,
            _("%(person)s vertritt „%(initiative)s“ nicht mehr.")
            % {"person": claim.user, "initiative": claim.initiative.display_name},
        )
    else:
        messages.info(request, _("Diese Vertretung ist nicht (mehr) bestätigt."))
    return redirect("registry:staff_representation_list")


# --- My initiatives ----------------------------------------------------------------------------


@login_required
def my_initiatives(request: HttpRequest) -> HttpResponse:
    proposals = [
        (proposal, selectors.change_proposal_rows(proposal))
        for proposal in selectors.change_proposals_of(request.user)
    ]
    return render(
        request,
        "registry/my_initiatives.html",
        {
            "initiatives": selectors.initiatives_represented_by(request.user).order_by("name"),
            "claims": selectors.representation_claims_of(request.user),
            "proposals": proposals,
        },
    )


# --- Change proposals --------------------------------------------------------------------------


@login_required
@limit_posts("registry_self_service")
def change_proposal_create(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    require(request.user, "registry.propose_change", initiative)
    form = ChangeProposalForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        proposal = services.change_proposal_submit_and_notify(
            initiative=initiative,
            user=request.user,
            new_values=form.snapshot_values(),
            comment=form.comment,
        )
        if proposal is not None:
            messages.success(
                request,
                _(
                    "Vielen Dank: Ihr Vorschlag ist bei der Servicestelle. Sie erhalten eine "
                    "E-Mail, sobald darüber entschieden ist."
                ),
            )
            return redirect("registry:my_initiatives")
        messages.info(
            request,
            _("Sie haben nichts geändert: Alle Angaben stimmen mit dem Eintrag überein."),
        )
    return render(request, "registry/proposal_form.html", {"initiative": initiative, "form": form})


@require_POST
@login_required
def change_proposal_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = get_object_or_404(ChangeProposal, pk=pk, initiative__slug=slug)
    if proposal.proposed_by_id != request.user.pk:
        raise PermissionDenied
    if proposal.state == ChangeProposal.State.OPEN:
        services.change_proposal_withdraw(proposal=proposal, user=request.user)
        messages.success(request, _("Ihr Vorschlag wurde zurückgezogen."))
    else:
        messages.info(request, _("Dieser Vorschlag ist nicht mehr offen."))
    return redirect("registry:my_initiatives")


@permission_required("registry.decide_proposals")
def staff_proposal_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "registry/proposal_staff_list.html",
        {"proposals": selectors.change_proposals_open().order_by("created_at")},
    )


@permission_required("registry.decide_proposals")
def staff_proposal_review(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(
        ChangeProposal.objects.select_related("initiative", "proposed_by", "decided_by"), pk=pk
    )
    require(request.user, "registry.decide_proposals", proposal.initiative)
    is_open = proposal.state == ChangeProposal.State.OPEN
    rows = selectors.change_proposal_rows(proposal, with_current=is_open)
    form = ProposalDecisionForm(request.POST or None, rows=rows)
    if request.method == "POST" and is_open and form.is_valid():
        try:
            decided = services.change_proposal_decide_and_notify(
                proposal=proposal, decisions=form.decisions(), actor=request.user
            )
        except ValidationError as error:
            form.add_error(None, _errors_as_text(error))
        else:
            if decided:
                messages.success(
                    request,
                    _(
                        "Entschieden: Die übernommenen Änderungen stehen im Eintrag, %(who)s ist "
                        "per E-Mail informiert."
                    )
                    % {"who": proposal.proposed_by or _("die vorschlagende Person")},
                )
            else:
                messages.info(request, _("Über diesen Vorschlag wurde bereits entschieden."))
            return redirect("registry:staff_proposal_list")
    return render(
        request,
        "registry/proposal_review.html",
        {"proposal": proposal, "form": form, "is_open": is_open, "rows": rows},
    )


def _errors_as_text(error: ValidationError) -> list[str]:
    """Messages of a service's ValidationError, field errors prefixed with the field label."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    from .changes import field_label

    return [
        f"{field_label(Initiative, name)}: {message}"
        for name, errors in error.message_dict.items()
        for message in errors
    ]


# --- Yearly check ------------------------------------------------------------------------------


@limit_posts("registry_verification")
def verification_review(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    """The page behind the reminder link: today's facts, confirm them or propose changes."""
    try:
        grant = services.verification_token_check(token)
    except services.VerificationLinkError as error:
        return render(
            request,
            "registry/verification_invalid.html",
            {"message": error.message},
            status=error.status,
        )
    initiative = grant.initiative
    if initiative.slug != slug:
        return redirect("registry:verification_review", slug=initiative.slug, token=token)
    if request.method == "POST":
        if services.verification_confirm(grant=grant):
            messages.success(
                request, _("Vielen Dank: Die Angaben gelten jetzt als geprüft und aktuell.")
            )
        else:
            messages.info(request, _("Die Angaben sind heute bereits bestätigt worden."))
        return redirect("registry:verification_review", slug=initiative.slug, token=token)
    return render(
        request,
        "registry/verification_review.html",
        {
            "initiative": initiative,
            "grant": grant,
            "facts": selectors.initiative_facts(initiative),
            "verified_today": initiative.last_verified_on == timezone.localdate(),
        },
    )


@permission_required("registry.manage_registry")
def staff_verification_list(request: HttpRequest) -> HttpResponse:
    initiatives = selectors.initiatives_overdue_for_verification(
        today=timezone.localdate()
    ).select_related("last_verified_by")
    return render(
        request,
        "registry/verification_staff_list.html",
        {"initiatives": initiatives},
    )
