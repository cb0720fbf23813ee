"""Every write to the registry: atomic, validated, with field-level history in the audit log."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from industriedialog.accounts.permissions import can
from industriedialog.accounts.roles import Role
from industriedialog.common.models import audit_log
from industriedialog.regions.models import District, State

from . import selectors
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
    """Rebuild the stemmed search text from the entry and its members' names (labels always
    in German, whatever language the editor uses)."""
    from .imports import initiative_search_text

    text = initiative_search_text(
        initiative,
        field_codes=initiative.fields_of_action.values_list("code", flat=True),
        state_names=initiative.states.values_list("name", flat=True),
        member_names=Organisation.objects.filter(memberships__initiative=initiative).values_list(
            "name", flat=True
        ),
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
    """End an approved representation; the person loses the representative role when they
    represent no other initiative."""
    from industriedialog.accounts.selectors import user_roles
    from industriedialog.accounts.services import user_set_roles

    claim = Representation.objects.select_for_update().get(pk=claim.pk)
    if claim.state != Representation.State.APPROVED:
        return
    claim.state = Representation.State.REVOKED
    claim.decided_by, claim.decided_at, claim.decision_note = actor, timezone.now(), note
    claim.save()
    audit_log(
        "registry.representation_revoked",
        obj=claim.initiative,
        actor=actor,
        data={"id": claim.pk, "user_id": claim.user_id},
    )
    still_represents = Representation.objects.filter(
        user=claim.user, state=Representation.State.APPROVED
    ).exists()
    roles = set(user_roles(claim.user))
    if not still_represents and Role.REPRESENTATIVE in roles:
        user_set_roles(
            user=claim.user, roles=[r for r in roles if r != Role.REPRESENTATIVE], actor=actor
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
        from .changes import field_label

        raise ValidationError(
            _("Für jedes Feld ist eine Entscheidung nötig (fehlt: %(fields)s)."),
            params={"fields": ", ".join(sorted(field_label(Initiative, f) for f in missing))},
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


# Self-service and reminders ----------------------------------------------------------------
# What the representatives' self-service, the staff review and the yearly check need on top
# of the functions above: the same writes, plus the e-mails that tell people the outcome
# (sent by background tasks, see tasks.py), and the signed links of the update reminders.

VERIFICATION_TOKEN_SALT = "registry.verify"  # noqa: S105 - a signing salt, not a secret
VERIFICATION_TOKEN_MAX_AGE = datetime.timedelta(days=60)


@dataclass(frozen=True)
class MailRecipient:
    email: str
    language: str
    user: Any = None

    @classmethod
    def for_user(cls, user: Any) -> MailRecipient:
        return cls(email=user.email, language=_mail_language(user.language), user=user)


def _mail_language(code: str) -> str:
    return code if code in {c for c, _name in settings.LANGUAGES} else settings.LANGUAGE_CODE


# A template context, or a function that builds it (called in the recipient's language).
MailContext = dict[str, Any] | Callable[[], dict[str, Any]]


def registry_mail_send(*, recipient: MailRecipient, template: str, context: MailContext) -> None:
    """Send ``registry/emails/<template>_*`` rendered in the recipient's language (links too:
    ``{% url %}`` inside the templates gets the language prefix)."""
    with translation.override(recipient.language):
        context = {
            **(context() if callable(context) else context),
            "recipient": recipient,
            "LANGUAGE_CODE": recipient.language,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        subject = render_to_string(f"registry/emails/{template}_subject.txt", context)
        text = render_to_string(f"registry/emails/{template}_message.txt", context)
        html = render_to_string(f"registry/emails/{template}_message.html", context)
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        body=text,
        to=[recipient.email],
        headers={"Content-Language": recipient.language},
    )
    message.attach_alternative(html, "text/html")
    message.send()


def registry_staff_recipients() -> list[MailRecipient]:
    """The service centre's shared mailbox if configured, else every active advisor."""
    if settings.REGISTRY_STAFF_EMAIL:
        return [MailRecipient(email=settings.REGISTRY_STAFF_EMAIL, language=settings.LANGUAGE_CODE)]
    return [MailRecipient.for_user(user) for user in selectors.advisors_active()]


@transaction.atomic
def representation_request_and_notify(
    *, user: Any, initiative: Initiative, message: str
) -> tuple[Representation, bool]:
    """``representation_request`` and an e-mail to staff; ``(claim, False)`` if ``user``
    already has an open or approved claim on the initiative."""
    from .tasks import send_representation_claim_notice

    existing = selectors.representation_open_claim(user=user, initiative=initiative)
    if existing is not None:
        return existing, False
    claim = representation_request(user=user, initiative=initiative, message=message)
    send_representation_claim_notice.enqueue(claim.pk)
    return claim, True


@transaction.atomic
def representation_decide_and_notify(
    *, claim: Representation, approve: bool, actor: Any, note: str = ""
) -> bool:
    """``representation_decide`` and an e-mail to the claimant; False if already decided."""
    from .tasks import send_representation_decision

    state = (
        Representation.objects.select_for_update().values_list("state", flat=True).get(pk=claim.pk)
    )
    if state != Representation.State.PENDING:
        return False
    representation_decide(claim=claim, approve=approve, actor=actor, note=note)
    send_representation_decision.enqueue(claim.pk)
    return True


@transaction.atomic
def representation_revoke_and_notify(*, claim: Representation, actor: Any, note: str = "") -> bool:
    """End an approved representation and tell the person; False if it was not approved."""
    from .tasks import send_representation_decision

    state = (
        Representation.objects.select_for_update().values_list("state", flat=True).get(pk=claim.pk)
    )
    if state != Representation.State.APPROVED:
        return False
    representation_revoke(claim=claim, actor=actor, note=note)
    send_representation_decision.enqueue(claim.pk)
    return True


@transaction.atomic
def change_proposal_submit_and_notify(
    *, initiative: Initiative, user: Any, new_values: dict[str, Any], comment: str = ""
) -> ChangeProposal | None:
    """``change_proposal_submit`` and an e-mail to staff; None if nothing differs."""
    from .tasks import send_change_proposal_notice

    proposal = change_proposal_submit(
        initiative=initiative, user=user, new_values=new_values, comment=comment
    )
    if proposal is not None:
        send_change_proposal_notice.enqueue(proposal.pk)
    return proposal


@transaction.atomic
def change_proposal_decide_and_notify(
    *, proposal: ChangeProposal, decisions: dict[str, bool], actor: Any
) -> bool:
    """``change_proposal_decide`` and an e-mail with the outcome per field to the proposer;
    False if the proposal is no longer open. Raises ValidationError like the service."""
    from .tasks import send_change_proposal_decision

    state = (
        ChangeProposal.objects.select_for_update()
        .values_list("state", flat=True)
        .get(pk=proposal.pk)
    )
    if state != ChangeProposal.State.OPEN:
        return False
    change_proposal_decide(proposal=proposal, decisions=decisions, actor=actor)
    send_change_proposal_decision.enqueue(proposal.pk)
    return True


def _staff_notice_send(*, template: str, context: MailContext) -> int:
    recipients = registry_staff_recipients()
    for recipient in recipients:
        registry_mail_send(recipient=recipient, template=template, context=context)
    return len(recipients)


def representation_claim_notice_send(*, claim: Representation) -> int:
    """Tell staff about a new claim; returns the number of e-mails."""
    return _staff_notice_send(
        template="representation_claim_notice",
        context={"claim": claim, "initiative": claim.initiative, "claimant": claim.user},
    )


def representation_decision_send(*, claim: Representation) -> bool:
    """Tell the claimant that staff approved, rejected or ended the representation."""
    if not claim.user.is_active or not claim.user.email:
        return False
    registry_mail_send(
        recipient=MailRecipient.for_user(claim.user),
        template="representation_decision",
        context={"claim": claim, "initiative": claim.initiative},
    )
    return True


def _proposal_context(proposal: ChangeProposal) -> MailContext:
    # Built per recipient, inside their language: field labels and values are translated.
    return lambda: {
        "proposal": proposal,
        "initiative": proposal.initiative,
        "rows": selectors.change_proposal_rows(proposal),
    }


def change_proposal_notice_send(*, proposal: ChangeProposal) -> int:
    """Tell staff about a new change proposal; returns the number of e-mails."""
    return _staff_notice_send(
        template="change_proposal_notice", context=_proposal_context(proposal)
    )


def change_proposal_decision_send(*, proposal: ChangeProposal) -> bool:
    """Tell the proposer which fields staff accepted and which they rejected."""
    user = proposal.proposed_by
    if user is None or not user.is_active or not user.email:
        return False
    registry_mail_send(
        recipient=MailRecipient.for_user(user),
        template="change_proposal_decision",
        context=_proposal_context(proposal),
    )
    return True


def verification_token_make(*, initiative: Initiative, user: Any = None) -> str:
    """A link token for the yearly check of ``initiative``, sent to ``user`` (None: the staff
    mailbox). Valid for VERIFICATION_TOKEN_MAX_AGE."""
    payload: dict[str, int] = {"i": initiative.pk}
    if user is not None:
        payload["u"] = user.pk
    return signing.TimestampSigner(salt=VERIFICATION_TOKEN_SALT).sign_object(payload, compress=True)


@dataclass(frozen=True)
class VerificationGrant:
    """What a valid link allows: confirming ``initiative``, in the name of ``user`` (if any)."""

    initiative: Initiative
    user: Any

    @property
    def is_staff_recipient(self) -> bool:
        return self.user is None or can(self.user, "registry.manage_registry")


class VerificationLinkError(Exception):
    """A link that cannot be used; ``message`` is for the person who clicked it."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def verification_token_check(token: str) -> VerificationGrant:
    """The grant of a link token; raises VerificationLinkError with a German message."""
    from django.contrib.auth import get_user_model

    try:
        payload = signing.TimestampSigner(salt=VERIFICATION_TOKEN_SALT).unsign_object(
            token, max_age=VERIFICATION_TOKEN_MAX_AGE
        )
    except signing.SignatureExpired:
        raise VerificationLinkError(
            _(
                "Dieser Prüf-Link ist abgelaufen (er gilt %(days)s Tage). Bitte melden Sie sich "
                "an oder bitten Sie die Servicestelle um einen neuen Link."
            )
            % {"days": VERIFICATION_TOKEN_MAX_AGE.days}
        ) from None
    except signing.BadSignature:
        raise VerificationLinkError(
            _(
                "Dieser Prüf-Link ist ungültig. Bitte kopieren Sie die Adresse vollständig aus "
                "der E-Mail."
            )
        ) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("i"), int):
        raise VerificationLinkError(_("Dieser Prüf-Link ist ungültig."))
    initiative = Initiative.objects.filter(pk=payload["i"]).first()
    if initiative is None:
        raise VerificationLinkError(_("Diesen Eintrag gibt es nicht mehr."), status=404)
    user = None
    if "u" in payload:
        user = get_user_model().objects.filter(pk=payload["u"], is_active=True).first()
        if user is None or not can(user, "registry.confirm_entry", initiative):
            raise VerificationLinkError(
                _(
                    "Dieser Prüf-Link gilt nicht mehr: Das Konto, an das er ging, darf den "
                    "Eintrag nicht mehr bestätigen."
                )
            )
    return VerificationGrant(initiative=initiative, user=user)


def verification_confirm(*, grant: VerificationGrant) -> bool:
    """Confirm the entry through a reminder link; False (nothing written) if it was already
    confirmed today, so a second click changes nothing."""
    if grant.initiative.last_verified_on == timezone.localdate():
        return False
    initiative_verify(initiative=grant.initiative, actor=grant.user)
    return True


def verification_reminder_send(*, initiative: Initiative) -> int:
    """E-mail the representatives (or, if there are none, staff) a link to check the entry;
    returns the number of e-mails."""
    representatives = list(selectors.representatives_of(initiative).exclude(email=""))
    if representatives:
        recipients = [MailRecipient.for_user(user) for user in representatives]
    else:
        recipients = registry_staff_recipients()
    for recipient in recipients:
        registry_mail_send(
            recipient=recipient,
            template="verification_reminder",
            context={
                "initiative": initiative,
                "token": verification_token_make(initiative=initiative, user=recipient.user),
                "to_staff": not representatives,
                "valid_days": VERIFICATION_TOKEN_MAX_AGE.days,
            },
        )
    audit_log(
        "registry.verification_reminder_sent",
        obj=initiative,
        data={
            "to": "representatives" if representatives else "staff",
            "recipients": len(recipients),
            "user_ids": [r.user.pk for r in recipients if r.user is not None],
        },
    )
    return len(recipients)


def verification_reminders_schedule(*, today: datetime.date | None = None) -> list[int]:
    """Queue one reminder per entry due for its yearly check and mark it as reminded, so a
    second run (today or within 30 days) sends nothing again. Returns the entries' ids."""
    from .tasks import send_verification_reminder

    today = today or timezone.localdate()
    scheduled = []
    for pk in selectors.initiatives_due_for_verification(today=today).values_list("pk", flat=True):
        with transaction.atomic():
            # Conditional update: only one of two overlapping runs claims the entry.
            claimed = (
                selectors.initiatives_due_for_verification(today=today)
                .filter(pk=pk)
                .update(verification_reminder_sent_at=timezone.now())
            )
            if claimed:
                send_verification_reminder.enqueue(pk)
                scheduled.append(pk)
    return scheduled
