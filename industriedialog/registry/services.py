"""Every write to the registry: atomic, validated, with field-level history in the audit log."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from industriedialog.accounts.roles import Role
from industriedialog.common.models import audit_log
from industriedialog.regions.models import District, State

from .changes import diff, initiative_snapshot, organisation_snapshot
from .models import (
    ChangeProposal,
    ContactPerson,
    EventFormat,
    FieldOfAction,
    Initiative,
    Membership,
    Organisation,
    Representation,
    TargetGroup,
)
from .search import search_document
from .vocabularies import EventFormatCode, FieldOfActionCode, TargetGroupCode

_M2M_FIELDS = ("states", "districts", "fields_of_action", "target_groups", "formats")


def vocabularies_ensure() -> None:
    """Create the fixed vocabulary rows (idempotent; runs after every migrate)."""
    vocabularies: list[tuple[Any, Any]] = [
        (FieldOfAction, FieldOfActionCode),
        (TargetGroup, TargetGroupCode),
        (EventFormat, EventFormatCode),
    ]
    for model, codes in vocabularies:
        existing = set(model.objects.values_list("code", flat=True))
        model.objects.bulk_create([model(code=c) for c in codes.values if c not in existing])


def _resolve_m2m(name: str, values: Iterable[Any]) -> list[Any]:
    """Accept model instances or their natural keys (state code, AGS, vocabulary code)."""
    values = list(values)
    if not values or not isinstance(values[0], str):
        return values
    if name == "states":
        return list(State.objects.filter(code__in=values))
    if name == "districts":
        return list(District.objects.filter(ags__in=values))
    model = {
        "fields_of_action": FieldOfAction,
        "target_groups": TargetGroup,
        "formats": EventFormat,
    }[name]
    return list(model.objects.filter(code__in=values))  # type: ignore[attr-defined]


def _require_state(initiative: Initiative) -> None:
    if not initiative.states.exists():
        raise ValidationError({"states": _("Bitte mindestens ein Bundesland angeben.")})


def _unique_slug(name: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(name)[:100] or "initiative"
    slug, n = base, 2
    qs = Initiative.objects.all()
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def initiative_refresh_search_text(initiative: Initiative) -> None:
    """Rebuild the stemmed search text from the entry and its members' names."""
    members = Organisation.objects.filter(memberships__initiative=initiative).values_list(
        "name", flat=True
    )
    fields = [str(f) for f in initiative.fields_of_action.all()]
    states = [s.name for s in initiative.states.all()]
    text = search_document(
        [
            initiative.name,
            initiative.short_name,
            initiative.seat,
            initiative.description,
            initiative.mission_statement,
            initiative.goals,
            *fields,
            *states,
            *members,
        ]
    )
    Initiative.objects.filter(pk=initiative.pk).update(search_text=text)
    initiative.search_text = text


@transaction.atomic
def initiative_create(*, actor: Any = None, **data: Any) -> Initiative:
    m2m = {name: data.pop(name) for name in _M2M_FIELDS if name in data}
    initiative = Initiative(**data)
    if not initiative.slug:
        initiative.slug = _unique_slug(initiative.name)
    initiative.full_clean()
    initiative.save()
    for name, values in m2m.items():
        getattr(initiative, name).set(_resolve_m2m(name, values))
    _require_state(initiative)
    initiative_refresh_search_text(initiative)
    audit_log(
        "registry.initiative_created",
        obj=initiative,
        actor=actor,
        data={"changes": diff({}, initiative_snapshot(initiative))},
    )
    return initiative


@transaction.atomic
def initiative_update(
    *,
    initiative: Initiative,
    actor: Any = None,
    action: str = "registry.initiative_changed",
    **data: Any,
) -> dict[str, list[Any]]:
    """Apply ``data`` (model fields and many-to-many values) and log what changed.

    Returns the changes ``{field: [old, new]}``; nothing is logged when nothing changed."""
    before = initiative_snapshot(initiative)
    m2m = {name: data.pop(name) for name in _M2M_FIELDS if name in data}
    for name, value in data.items():
        setattr(initiative, name, value)
    initiative.full_clean()
    initiative.save()
    for name, values in m2m.items():
        getattr(initiative, name).set(_resolve_m2m(name, values))
    _require_state(initiative)
    changes = diff(before, initiative_snapshot(initiative))
    if changes:
        initiative_refresh_search_text(initiative)
        audit_log(action, obj=initiative, actor=actor, data={"changes": changes})
    return changes


@transaction.atomic
def initiative_verify(
    *, initiative: Initiative, actor: Any, on: datetime.date | None = None
) -> None:
    """Mark the entry as checked: its facts are true as of today."""
    initiative.last_verified_on = on or timezone.localdate()
    initiative.last_verified_by = actor if getattr(actor, "is_authenticated", False) else None
    initiative.verification_reminder_sent_at = None
    initiative.save(
        update_fields=[
            "last_verified_on",
            "last_verified_by",
            "verification_reminder_sent_at",
            "updated_at",
        ]
    )
    audit_log(
        "registry.initiative_verified",
        obj=initiative,
        actor=actor,
        data={"on": initiative.last_verified_on.isoformat()},
    )


@transaction.atomic
def initiative_delete(*, initiative: Initiative, actor: Any) -> None:
    audit_log(
        "registry.initiative_deleted",
        obj=initiative,
        actor=actor,
        data={"changes": diff(initiative_snapshot(initiative), {})},
    )
    initiative.delete()


@transaction.atomic
def organisation_create(*, actor: Any = None, **data: Any) -> Organisation:
    organisation = Organisation(**data)
    organisation.full_clean()
    organisation.save()
    audit_log(
        "registry.organisation_created",
        obj=organisation,
        actor=actor,
        data={"changes": diff({}, organisation_snapshot(organisation))},
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, actor: Any = None, **data: Any
) -> dict[str, list[Any]]:
    before = organisation_snapshot(organisation)
    for name, value in data.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    organisation.save()
    changes = diff(before, organisation_snapshot(organisation))
    if changes:
        audit_log(
            "registry.organisation_changed",
            obj=organisation,
            actor=actor,
            data={"changes": changes},
        )
        if "name" in changes:
            for initiative in Initiative.objects.filter(memberships__organisation=organisation):
                initiative_refresh_search_text(initiative)
    return changes


def _membership_data(membership: Membership) -> dict[str, Any]:
    return {
        "organisation": membership.organisation.name,
        "organisation_id": membership.organisation_id,
        "role": membership.role,
        "since": membership.since.isoformat() if membership.since else None,
    }


@transaction.atomic
def membership_add(
    *,
    initiative: Initiative,
    organisation: Organisation,
    role: str,
    since: datetime.date | None = None,
    actor: Any = None,
) -> Membership:
    membership = Membership(
        initiative=initiative, organisation=organisation, role=role, since=since
    )
    membership.full_clean()
    membership.save()
    initiative_refresh_search_text(initiative)
    audit_log(
        "registry.membership_added",
        obj=initiative,
        actor=actor,
        data={"membership": _membership_data(membership)},
    )
    return membership


@transaction.atomic
def membership_update(
    *, membership: Membership, actor: Any = None, role: str, since: datetime.date | None
) -> None:
    before = _membership_data(membership)
    membership.role, membership.since = role, since
    membership.full_clean()
    membership.save()
    after = _membership_data(membership)
    if before != after:
        audit_log(
            "registry.membership_changed",
            obj=membership.initiative,
            actor=actor,
            data={"membership": after, "before": before},
        )


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Any = None) -> None:
    initiative = membership.initiative
    data = _membership_data(membership)
    membership.delete()
    initiative_refresh_search_text(initiative)
    audit_log("registry.membership_removed", obj=initiative, actor=actor, data={"membership": data})


_CONTACT_FIELDS = ("name", "function", "email", "phone", "organisation_id")


@transaction.atomic
def contact_create(*, initiative: Initiative, actor: Any = None, **data: Any) -> ContactPerson:
    contact = ContactPerson(initiative=initiative, **data)
    contact.full_clean()
    contact.save()
    audit_log(
        "registry.contact_created",
        obj=initiative,
        actor=actor,
        data={"contact_id": contact.pk, "name": contact.name},
    )
    return contact


@transaction.atomic
def contact_update(*, contact: ContactPerson, actor: Any = None, **data: Any) -> None:
    before = {f: getattr(contact, f) for f in _CONTACT_FIELDS}
    for name, value in data.items():
        setattr(contact, name, value)
    contact.full_clean()
    contact.save()
    changed = [f for f in _CONTACT_FIELDS if before[f] != getattr(contact, f)]
    if changed:
        # Field names only: personal data does not belong in the log.
        audit_log(
            "registry.contact_changed",
            obj=contact.initiative,
            actor=actor,
            data={"contact_id": contact.pk, "name": contact.name, "fields": changed},
        )


@transaction.atomic
def contact_delete(*, contact: ContactPerson, actor: Any = None) -> None:
    audit_log(
        "registry.contact_deleted",
        obj=contact.initiative,
        actor=actor,
        data={"contact_id": contact.pk},
    )
    contact.delete()


@transaction.atomic
def contact_record_consent(
    *,
    contact: ContactPerson,
    method: str,
    actor: Any,
    given_at: datetime.datetime | None = None,
    note: str = "",
) -> None:
    """Record that the person agreed to be published (who recorded it, when, how)."""
    contact.consent_given_at = given_at or timezone.now()
    contact.consent_method = method
    contact.consent_note = note
    contact.consent_recorded_by = actor
    contact.consent_withdrawn_at = None
    contact.full_clean()
    contact.save()
    audit_log(
        "registry.contact_consent_recorded",
        obj=contact.initiative,
        actor=actor,
        data={"contact_id": contact.pk, "method": method},
    )


@transaction.atomic
def contact_withdraw_consent(*, contact: ContactPerson, actor: Any) -> None:
    contact.consent_withdrawn_at = timezone.now()
    contact.save(update_fields=["consent_withdrawn_at", "updated_at"])
    audit_log(
        "registry.contact_consent_withdrawn",
        obj=contact.initiative,
        actor=actor,
        data={"contact_id": contact.pk},
    )


# Representatives ---------------------------------------------------------------------------


@transaction.atomic
def representation_request(
    *, user: Any, initiative: Initiative, message: str = ""
) -> Representation:
    """A signed-in person asks to represent an initiative; staff decide."""
    existing = Representation.objects.filter(
        user=user,
        initiative=initiative,
        state__in=[Representation.State.PENDING, Representation.State.APPROVED],
    ).first()
    if existing is not None:
        return existing
    claim = Representation.objects.create(user=user, initiative=initiative, message=message)
    audit_log(
        "registry.representation_requested", obj=initiative, actor=user, data={"id": claim.pk}
    )
    return claim


@transaction.atomic
def representation_decide(
    *, claim: Representation, approve: bool, actor: Any, note: str = ""
) -> Representation:
    from industriedialog.accounts.selectors import user_roles
    from industriedialog.accounts.services import user_set_roles

    claim = Representation.objects.select_for_update().get(pk=claim.pk)
    if claim.state != Representation.State.PENDING:
        return claim
    claim.state = Representation.State.APPROVED if approve else Representation.State.REJECTED
    claim.decided_by, claim.decided_at, claim.decision_note = actor, timezone.now(), note
    claim.save()
    if approve:
        roles = set(user_roles(claim.user))
        if Role.REPRESENTATIVE not in roles:
            user_set_roles(user=claim.user, roles=[*roles, Role.REPRESENTATIVE], actor=actor)
    audit_log(
        "registry.representation_approved" if approve else "registry.representation_rejected",
        obj=claim.initiative,
        actor=actor,
        data={"id": claim.pk, "user_id": claim.user_id, "note": note},
    )
    return claim


@transaction.atomic
def representation_revoke(*, claim: Representation, actor: Any, note: str = "") -> None:
    claim.state = Representation.State.REVOKED
    claim.decided_by, claim.decided_at, claim.decision_note = actor, timezone.now(), note
    claim.save()
    audit_log(
        "registry.representation_revoked",
        obj=claim.initiative,
        actor=actor,
        data={"id": claim.pk, "user_id": claim.user_id},
    )


@transaction.atomic
def change_proposal_submit(
    *, initiative: Initiative, user: Any, new_values: dict[str, Any], comment: str = ""
) -> ChangeProposal | None:
    """Store the fields whose proposed value differs from the entry; None if nothing differs.

    ``new_values`` uses snapshot form (see ``changes.snapshot``)."""
    from .changes import PROPOSABLE_FIELDS

    current = initiative_snapshot(initiative)
    changes = {
        name: {"old": current.get(name), "new": value}
        for name, value in new_values.items()
        if name in PROPOSABLE_FIELDS and current.get(name) != value
    }
    if not changes:
        return None
    proposal = ChangeProposal.objects.create(
        initiative=initiative, proposed_by=user, changes=changes, comment=comment
    )
    audit_log(
        "registry.change_proposed",
        obj=initiative,
        actor=user,
        data={"proposal_id": proposal.pk, "fields": sorted(changes)},
    )
    return proposal


def _from_snapshot(name: str, value: Any) -> Any:
    """Turn a snapshot value back into what ``initiative_update`` takes."""
    from .models import Initiative as _I

    field: Any = _I._meta.get_field(name)
    if field.many_to_many:
        return value or []
    if field.is_relation:
        return field.related_model._default_manager.filter(pk=value).first() if value else None  # type: ignore[union-attr]
    if name == "founded_on":
        return datetime.date.fromisoformat(value) if value else None
    if value is None and not field.null:
        return [] if name == "social_links" else ""
    return value


@transaction.atomic
def change_proposal_decide(
    *, proposal: ChangeProposal, decisions: dict[str, bool], actor: Any
) -> dict[str, list[Any]]:
    """Apply the accepted fields, record accept/reject per field; every field needs a decision."""
    proposal = ChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != ChangeProposal.State.OPEN:
        return {}
    missing = set(proposal.changes) - set(decisions)
    if missing:
        raise ValidationError(
            _("Für jedes Feld ist eine Entscheidung nötig (fehlt: %(fields)s)."),
            params={"fields": ", ".join(sorted(missing))},
        )
    accepted = {
        name: _from_snapshot(name, proposal.changes[name]["new"])
        for name, ok in decisions.items()
        if ok and name in proposal.changes
    }
    applied: dict[str, list[Any]] = {}
    if accepted:
        applied = initiative_update(
            initiative=proposal.initiative,
            actor=actor,
            action="registry.initiative_changed_by_proposal",
            **accepted,
        )
    proposal.decisions = {
        name: "accepted" if decisions[name] else "rejected" for name in proposal.changes
    }
    proposal.state = ChangeProposal.State.DECIDED
    proposal.decided_by, proposal.decided_at = actor, timezone.now()
    proposal.save()
    audit_log(
        "registry.change_proposal_decided",
        obj=proposal.initiative,
        actor=actor,
        data={"proposal_id": proposal.pk, "decisions": proposal.decisions},
    )
    return applied


@transaction.atomic
def change_proposal_withdraw(*, proposal: ChangeProposal, user: Any) -> None:
    if proposal.state == ChangeProposal.State.OPEN:
        proposal.state = ChangeProposal.State.WITHDRAWN
        proposal.save(update_fields=["state", "updated_at"])
        audit_log(
            "registry.change_proposal_withdrawn",
            obj=proposal.initiative,
            actor=user,
            data={"proposal_id": proposal.pk},
        )
