"""Background tasks of the registry (django-tasks): they take ids, load the objects and call a
service, so a task queued before a change still acts on the current data."""

from __future__ import annotations

from django_tasks import task

from . import services
from .models import ChangeProposal, Initiative, Representation


@task()
def send_verification_reminder(initiative_id: int) -> int:
    """E-mail the yearly-check link for one entry; returns the number of e-mails."""
    initiative = Initiative.objects.filter(pk=initiative_id).first()
    if initiative is None:
        return 0
    return services.verification_reminder_send(initiative=initiative)


@task()
def send_representation_claim_notice(representation_id: int) -> int:
    claim = (
        Representation.objects.select_related("user", "initiative")
        .filter(pk=representation_id, state=Representation.State.PENDING)
        .first()
    )
    if claim is None:  # decided or withdrawn before the worker got to it
        return 0
    return services.representation_claim_notice_send(claim=claim)


@task()
def send_representation_decision(representation_id: int) -> bool:
    claim = (
        Representation.objects.select_related("user", "initiative", "decided_by")
        .filter(pk=representation_id)
        .first()
    )
    if claim is None or claim.state == Representation.State.PENDING:
        return False
    return services.representation_decision_send(claim=claim)


@task()
def send_change_proposal_notice(proposal_id: int) -> int:
    proposal = (
        ChangeProposal.objects.select_related("initiative", "proposed_by")
        .filter(pk=proposal_id, state=ChangeProposal.State.OPEN)
        .first()
    )
    if proposal is None:
        return 0
    return services.change_proposal_notice_send(proposal=proposal)


@task()
def send_change_proposal_decision(proposal_id: int) -> bool:
    proposal = (
        ChangeProposal.objects.select_related("initiative", "proposed_by")
        .filter(pk=proposal_id, state=ChangeProposal.State.DECIDED)
        .first()
    )
    if proposal is None:
        return False
    return services.change_proposal_decision_send(proposal=proposal)
