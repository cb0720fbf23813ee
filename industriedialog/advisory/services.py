"""Writes of the founding pipeline: atomic, validated, logged. Founding an initiative goes
through the registry's services, so the new entry has the same history as any other."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from industriedialog.registry.models import ContactPerson, Initiative, Membership, Organisation
from industriedialog.registry.services import (
    initiative_create,
    initiative_update,
    membership_add,
    organisation_create,
)
from industriedialog.registry.vocabularies import MembershipRole, Status

from .models import (
    Consultation,
    FoundingCase,
    FoundingDocument,
    FoundingPartner,
    FoundingStep,
    PartnerResponse,
    Stage,
)


@transaction.atomic
def founding_case_create(*, actor: Any, districts: list[Any], **data: Any) -> FoundingCase:
    case = FoundingCase(**data)
    case.full_clean()
    case.save()
    if not districts:
        raise ValidationError({"districts": _("Bitte mindestens einen Kreis angeben.")})
    case.districts.set(districts)
    case.log_action(
        "advisory.case_created",
        actor=actor,
        data={"name": case.name, "districts": sorted(d.ags for d in districts)},
    )
    return case


@transaction.atomic
def founding_case_update(
    *, case: FoundingCase, actor: Any, districts: list[Any] | None = None, **data: Any
) -> None:
    if data.get("stage") == Stage.FOUNDED and case.stage != Stage.FOUNDED:
        raise ValidationError({"stage": _("„gegründet“ setzt nur die Aktion „Gegründet“.")})
    for name, value in data.items():
        setattr(case, name, value)
    case.full_clean()
    case.save()
    if districts is not None:
        if not districts:
            raise ValidationError({"districts": _("Bitte mindestens einen Kreis angeben.")})
        case.districts.set(districts)
    case.log_action("advisory.case_changed", actor=actor, data={"fields": sorted(data)})


@transaction.atomic
def founding_case_move(*, case: FoundingCase, stage: str, actor: Any) -> None:
    """Move a case to another stage of the board; "gegründet" only via ``founding_case_found``."""
    if stage not in Stage.values:
        raise ValidationError(_("Unbekannte Phase."))
    if stage == Stage.FOUNDED:
        raise ValidationError(
            _("Die Phase „gegründet“ setzt die Aktion „Gegründet: Eintrag anlegen“.")
        )
    if case.stage == Stage.FOUNDED:
        raise ValidationError(_("Die Initiative ist bereits gegründet."))
    before = case.stage
    if before == stage:
        return
    case.stage = stage
    case.save(update_fields=["stage", "updated_at"])
    case.log_action("advisory.case_moved", actor=actor, data={"stage": [before, stage]})


@transaction.atomic
def founding_case_found(
    *,
    case: FoundingCase,
    actor: Any,
    name: str | None = None,
    founded_on: datetime.date | None = None,
) -> Initiative:
    """Mark the case founded and write the registry entry from it in one step: name, level,
    states and districts from the case; partners who committed become members (an
    organisation is created for those not yet in the registry). An existing "in founding"
    entry linked to the case is activated instead of created twice."""
    case = FoundingCase.objects.select_for_update().get(pk=case.pk)
    if case.stage == Stage.FOUNDED:
        raise ValidationError(_("Die Initiative ist bereits gegründet."))
    if case.stage == Stage.STOPPED:
        raise ValidationError(_("Ein ruhender oder abgebrochener Fall kann nicht gründen."))
    founded_on = founded_on or timezone.localdate()
    districts = list(case.districts.select_related("state"))
    states = sorted({d.state for d in districts}, key=lambda s: s.code)
    data: dict[str, Any] = {
        "name": (name or case.name).strip(),
        "level": case.level,
        "status": Status.ACTIVE,
        "states": states,
        "districts": districts,
        "founded_on": founded_on,
        "founded_year": founded_on.year,
    }
    if case.initiative is not None:
        initiative = case.initiative
        initiative_update(initiative=initiative, actor=actor, **data)
    else:
        initiative = initiative_create(
            actor=actor,
            source=_("Gründungsbegleitung der Servicestelle"),
            description="",
            **data,
        )
    for partner in case.partners.filter(response=PartnerResponse.COMMITTED).select_related(
        "organisation"
    ):
        organisation = partner.organisation
        if organisation is None:
            organisation = organisation_create(actor=actor, name=partner.name, kind=partner.kind)
            partner.organisation = organisation
            partner.save(update_fields=["organisation", "updated_at"])
        if not Membership.objects.filter(initiative=initiative, organisation=organisation).exists():
            membership_add(
                initiative=initiative,
                organisation=organisation,
                role=MembershipRole.MEMBER,
                since=founded_on,
                actor=actor,
            )
    before = case.stage
    case.stage, case.initiative, case.founded_on = Stage.FOUNDED, initiative, founded_on
    case.save(update_fields=["stage", "initiative", "founded_on", "updated_at"])
    case.log_action(
        "advisory.case_founded",
        actor=actor,
        data={"stage": [before, Stage.FOUNDED], "initiative": initiative.pk},
    )
    return initiative


@transaction.atomic
def founding_partner_add(
    *,
    case: FoundingCase,
    actor: Any,
    organisation: Organisation | None = None,
    name: str = "",
    kind: str = "",
    response: str = PartnerResponse.ASKED,
    note: str = "",
) -> FoundingPartner:
    if organisation is None and not (name and kind):
        raise ValidationError(
            _("Bitte eine Organisation aus dem Verzeichnis wählen oder Name und Art angeben.")
        )
    partner = FoundingPartner(
        case=case,
        organisation=organisation,
        name="" if organisation else name,
        kind="" if organisation else kind,
        response=response,
        note=note,
    )
    partner.full_clean()
    partner.save()
    case.log_action(
        "advisory.partner_added",
        actor=actor,
        data={"partner": partner.display_name, "response": response},
    )
    return partner


@transaction.atomic
def founding_partner_respond(*, partner: FoundingPartner, response: str, actor: Any) -> None:
    if response not in PartnerResponse.values:
        raise ValidationError(_("Unbekannter Stand."))
    before = partner.response
    partner.response = response
    partner.save(update_fields=["response", "updated_at"])
    partner.case.log_action(
        "advisory.partner_changed",
        actor=actor,
        data={"partner": partner.display_name, "response": [before, response]},
    )


@transaction.atomic
def founding_step_add(
    *, case: FoundingCase, actor: Any, title: str, due_on: datetime.date, owner: Any = None
) -> FoundingStep:
    step = FoundingStep(case=case, title=title, due_on=due_on, owner=owner)
    step.full_clean()
    step.save()
    case.log_action(
        "advisory.step_added", actor=actor, data={"step": title, "due_on": due_on.isoformat()}
    )
    return step


@transaction.atomic
def founding_step_complete(*, step: FoundingStep, actor: Any) -> None:
    if step.done_at is not None:
        return
    step.done_at = timezone.now()
    step.save(update_fields=["done_at", "updated_at"])
    step.case.log_action("advisory.step_done", actor=actor, data={"step": step.title})


@transaction.atomic
def founding_document_add(
    *, case: FoundingCase, actor: Any, title: str, file: Any
) -> FoundingDocument:
    document = FoundingDocument(case=case, title=title, file=file, uploaded_by=actor)
    document.full_clean()
    document.save()
    case.log_action("advisory.document_added", actor=actor, data={"title": title})
    return document


# --- Advice log --------------------------------------------------------------------------------

CONSULTATION_FIELDS = (
    "kind",
    "date",
    "duration_minutes",
    "staff_member",
    "founding_case",
    "organisation",
    "other_participants",
    "summary",
    "outcome",
    "follow_up",
    "follow_up_due_on",
)


def _consultation_snapshot(consultation: Consultation) -> dict[str, Any]:
    snapshot: dict[str, Any] = {
        name: str(getattr(consultation, name) or "") for name in CONSULTATION_FIELDS
    }
    if consultation.pk:
        snapshot["initiatives"] = sorted(i.pk for i in consultation.initiatives.all())
        snapshot["contact_persons"] = sorted(c.pk for c in consultation.contact_persons.all())
        snapshot["topics"] = sorted(t.code for t in consultation.topics.all())
    return snapshot


def _consultation_errors(
    consultation: Consultation,
    initiatives: list[Initiative],
    contact_persons: list[ContactPerson],
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if (
        not initiatives
        and consultation.founding_case_id is None
        and not consultation.organisation_id
    ):
        errors["initiatives"] = [
            _(
                "Bitte mindestens eine Initiative, einen Gründungsfall oder eine Organisation "
                "angeben."
            )
        ]
    if consultation.follow_up and consultation.follow_up_due_on is None:
        errors["follow_up_due_on"] = [_("Bitte ein Fälligkeitsdatum für das Nachfassen angeben.")]
    if consultation.follow_up_due_on and not consultation.follow_up:
        errors["follow_up"] = [_("Bitte angeben, was nachgefasst werden soll.")]
    if consultation.date and consultation.date > timezone.localdate():
        errors["date"] = [_("Eine Beratung kann nicht in der Zukunft liegen.")]
    allowed = {i.pk for i in initiatives}
    organisation_id = consultation.organisation_id
    stray = [
        c.name
        for c in contact_persons
        if c.initiative_id not in allowed
        and (organisation_id is None or c.organisation_id != organisation_id)
    ]
    if stray:
        errors["contact_persons"] = [
            _(
                "Diese Ansprechpersonen gehören zu keiner gewählten Initiative oder Organisation: "
                "%(names)s."
            )
            % {"names": ", ".join(stray)}
        ]
    return errors


@transaction.atomic
def consultation_save(
    *,
    actor: Any,
    consultation: Consultation | None = None,
    initiatives: list[Initiative],
    contact_persons: list[ContactPerson],
    topics: list[Any],
    **data: Any,
) -> Consultation:
    """Create (``consultation=None``) or change a consultation with its links, logged with
    the changed fields."""
    creating = consultation is None
    consultation = consultation or Consultation()
    before = {} if creating else _consultation_snapshot(consultation)
    if consultation.anonymised_at is not None:
        raise ValidationError(
            _("Diese Beratung wurde nach Ablauf der Aufbewahrungsfrist anonymisiert.")
        )
    for name, value in data.items():
        if name not in CONSULTATION_FIELDS:
            raise TypeError(f"unknown consultation field {name}")
        setattr(consultation, name, value)
    if not consultation.follow_up:
        consultation.follow_up_done_at = None
    errors = _consultation_errors(consultation, initiatives, contact_persons)
    try:
        consultation.full_clean(validate_constraints=not errors)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    consultation.save()
    consultation.initiatives.set(initiatives)
    consultation.contact_persons.set(contact_persons)
    consultation.topics.set(topics)
    after = _consultation_snapshot(consultation)
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    consultation.log_action(
        "advisory.consultation_created" if creating else "advisory.consultation_changed",
        actor=actor,
        data={"changes": changes},
    )
    return consultation


@transaction.atomic
def consultation_follow_up_done(
    *, consultation: Consultation, actor: Any, done: bool = True
) -> None:
    """Mark the follow-up done (or open again)."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not consultation.follow_up:
        raise ValidationError(_("Diese Beratung hat kein Nachfassen."))
    consultation.follow_up_done_at = timezone.now() if done else None
    consultation.save(update_fields=["follow_up_done_at", "updated_at"])
    consultation.log_action(
        "advisory.follow_up_done" if done else "advisory.follow_up_reopened", actor=actor
    )


@transaction.atomic
def consultation_delete(*, consultation: Consultation, actor: Any) -> None:
    consultation.log_action(
        "advisory.consultation_deleted",
        actor=actor,
        data={"date": consultation.date.isoformat(), "kind": consultation.kind},
    )
    consultation.delete()
