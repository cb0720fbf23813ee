"""Every write of the self-assessment: catalogue versions, answers, completion, targets,
peer opt-in and contact requests. Permission checks happen in the views (rules.py); the
services guard the invariants (frozen catalogue, drafts only, suggestions only)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log
from industriedialog.registry.models import Initiative

from . import selectors
from .catalogue_data import CATALOGUE
from .models import (
    MAX_LEVEL,
    Answer,
    Assessment,
    CatalogueVersion,
    ContactRequest,
    Criterion,
    Dimension,
    PeerOptIn,
)
from .prefill import prefill_fact
from .scoring import criterion_results, dimension_scores, overall_score

# --- catalogue -------------------------------------------------------------------------------


def _toolbox_pages(slugs: list[str]) -> list[Any]:
    from wagtail.models import Locale, Page

    if not slugs:
        return []
    pages = Page.objects.filter(slug__in=slugs, live=True)
    default = Locale.get_default() if Locale.objects.exists() else None
    if default is not None:
        pages = pages.filter(locale=default)
    by_slug = {page.slug: page for page in pages}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


@transaction.atomic
def catalogue_load_initial(*, actor: Any = None) -> CatalogueVersion | None:
    """Version 1 from ``catalogue_data`` as the published catalogue; does nothing when any
    catalogue exists (idempotent)."""
    if CatalogueVersion.objects.exists():
        return None
    catalogue = CatalogueVersion.objects.create(
        number=1,
        state=CatalogueVersion.State.PUBLISHED,
        note=_("Erste Fassung"),
        published_at=timezone.now(),
        published_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for d_pos, spec in enumerate(CATALOGUE):
        dimension = Dimension.objects.create(
            catalogue=catalogue,
            key=spec["key"],
            position=d_pos,
            title=spec["title"],
            description=spec["description"],
            weight=spec["weight"],
        )
        for c_pos, c_spec in enumerate(spec["criteria"]):
            criterion = Criterion(
                dimension=dimension,
                key=c_spec["key"],
                position=c_pos,
                question=c_spec["question"],
                help_text=c_spec["help"],
                levels=c_spec["levels"],
                weight=c_spec.get("weight", 1),
                prefill=c_spec.get("prefill", ""),
            )
            criterion.full_clean(exclude=["dimension"])
            criterion.save()
            criterion.toolbox_pages.set(_toolbox_pages(c_spec["toolbox"]))
    audit_log("assessments.catalogue_loaded", obj=catalogue, actor=actor)
    return catalogue


def catalogue_link_missing_pages() -> int:
    """Link toolbox pages that did not exist yet when version 1 was loaded (demo set-up runs
    ``setup_site`` after ``migrate``); only empty links of version 1 are filled."""
    linked = 0
    by_key = {(d["key"], c["key"]): c["toolbox"] for d in CATALOGUE for c in d["criteria"]}
    for criterion in Criterion.objects.filter(dimension__catalogue__number=1).select_related(
        "dimension"
    ):
        slugs = by_key.get((criterion.dimension.key, criterion.key), [])
        if slugs and not criterion.toolbox_pages.exists():
            pages = _toolbox_pages(slugs)
            criterion.toolbox_pages.set(pages)
            linked += len(pages)
    return linked


def _ensure_draft(catalogue: CatalogueVersion) -> None:
    if not catalogue.is_draft:
        raise ValidationError(
            _("Eine veröffentlichte Fassung ist unveränderlich. Legen Sie eine neue Fassung an.")
        )


@transaction.atomic
def catalogue_draft_create(*, actor: Any) -> CatalogueVersion:
    """A new draft copied from the newest version; an existing draft is returned instead."""
    draft = CatalogueVersion.objects.filter(state=CatalogueVersion.State.DRAFT).first()
    if draft is not None:
        return draft
    source = CatalogueVersion.objects.order_by("-number").first()
    number = (source.number + 1) if source else 1
    draft = CatalogueVersion.objects.create(number=number, state=CatalogueVersion.State.DRAFT)
    if source is not None:
        for dimension in selectors.catalogue_dimensions(source):
            criteria = list(dimension.criteria.all())
            dimension.pk = None
            dimension.catalogue = draft
            dimension.save()
            for criterion in criteria:
                pages = list(criterion.toolbox_pages.all())
                criterion.pk = None
                criterion.dimension = dimension
                criterion.save()
                criterion.toolbox_pages.set(pages)
    audit_log("assessments.catalogue_draft_created", obj=draft, actor=actor)
    return draft


@transaction.atomic
def catalogue_publish(*, catalogue: CatalogueVersion, actor: Any, note: str = "") -> None:
    _ensure_draft(catalogue)
    dimensions = selectors.catalogue_dimensions(catalogue)
    if not dimensions or any(not d.criteria.all() for d in dimensions):
        raise ValidationError(_("Jede Dimension braucht mindestens ein Kriterium."))
    catalogue.state = CatalogueVersion.State.PUBLISHED
    catalogue.published_at = timezone.now()
    catalogue.published_by = actor
    catalogue.note = note or catalogue.note
    catalogue.full_clean()
    catalogue.save()
    audit_log("assessments.catalogue_published", obj=catalogue, actor=actor)


@transaction.atomic
def dimension_update(*, dimension: Dimension, actor: Any, **data: Any) -> None:
    _ensure_draft(dimension.catalogue)
    for name, value in data.items():
        setattr(dimension, name, value)
    dimension.full_clean()
    dimension.save()
    audit_log(
        "assessments.dimension_changed",
        obj=dimension.catalogue,
        actor=actor,
        data={"dimension": dimension.key},
    )


@transaction.atomic
def criterion_save(
    *, criterion: Criterion, actor: Any, toolbox_pages: list[Any] | None = None, **data: Any
) -> Criterion:
    """Create or change a criterion of a draft catalogue."""
    _ensure_draft(criterion.dimension.catalogue)
    for name, value in data.items():
        setattr(criterion, name, value)
    if not 4 <= len(criterion.levels) <= MAX_LEVEL:
        raise ValidationError({"levels": _("Ein Kriterium braucht vier oder fünf Stufen.")})
    criterion.full_clean()
    criterion.save()
    if toolbox_pages is not None:
        criterion.toolbox_pages.set(toolbox_pages)
    audit_log(
        "assessments.criterion_saved",
        obj=criterion.dimension.catalogue,
        actor=actor,
        data={"criterion": criterion.key},
    )
    return criterion


@transaction.atomic
def criterion_delete(*, criterion: Criterion, actor: Any) -> None:
    _ensure_draft(criterion.dimension.catalogue)
    audit_log(
        "assessments.criterion_deleted",
        obj=criterion.dimension.catalogue,
        actor=actor,
        data={"criterion": criterion.key},
    )
    criterion.delete()


# --- doing an assessment ---------------------------------------------------------------------


def _prefill(assessment: Assessment, *, today: datetime.date) -> None:
    """Write the registry's facts as answers (refreshed while the assessment is a draft)."""
    initiative = (
        Initiative.objects.filter(pk=assessment.initiative_id)
        .prefetch_related("memberships__organisation", "formats")
        .get()
    )
    for dimension in selectors.catalogue_dimensions(assessment.catalogue):
        for criterion in dimension.criteria.all():
            if not criterion.prefill:
                continue
            fact = prefill_fact(
                criterion.prefill, initiative, level_count=criterion.level_count, today=today
            )
            Answer.objects.update_or_create(
                assessment=assessment,
                criterion=criterion,
                is_prefilled=True,
                defaults={"level": fact.level, "fact": fact.text[:255], "user": None},
            )


@transaction.atomic
def assessment_start(
    *, initiative: Initiative, user: Any, today: datetime.date | None = None
) -> Assessment:
    """This year's assessment of ``initiative``: the open draft (several representatives
    share it) or a new one on the current catalogue, with the registry's facts filled in."""
    today = today or timezone.localdate()
    existing = Assessment.objects.filter(initiative=initiative, year=today.year).first()
    if existing is not None:
        if existing.is_completed:
            raise ValidationError(
                _("Für %(year)d ist die Selbstbewertung bereits abgeschlossen.")
                % {"year": today.year}
            )
        _prefill(existing, today=today)
        return existing
    catalogue = selectors.catalogue_current()
    if catalogue is None:
        raise ValidationError(_("Es ist noch kein Kriterienkatalog veröffentlicht."))
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                initiative=initiative, catalogue=catalogue, year=today.year, started_by=user
            )
    except IntegrityError:  # a second representative started at the same moment
        return Assessment.objects.get(initiative=initiative, year=today.year)
    _prefill(assessment, today=today)
    audit_log("assessments.started", obj=assessment, actor=user)
    return assessment


@transaction.atomic
def answers_save(*, assessment: Assessment, user: Any, answers: dict[int, tuple[int, str]]) -> int:
    """Store ``user``'s levels (and notes) for criteria of a draft; returns how many."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.is_completed:
        raise ValidationError(_("Diese Selbstbewertung ist bereits abgeschlossen."))
    criteria = {
        c.pk: c
        for c in Criterion.objects.filter(
            dimension__catalogue_id=assessment.catalogue_id, pk__in=list(answers), prefill=""
        )
    }
    for pk, (level, note) in answers.items():
        criterion = criteria.get(pk)
        if criterion is None:
            raise ValidationError(_("Diese Frage gehört nicht zu dieser Selbstbewertung."))
        if not 1 <= level <= criterion.level_count:
            raise ValidationError(_("Bitte wählen Sie eine der angebotenen Stufen."))
        Answer.objects.update_or_create(
            assessment=assessment,
            criterion=criterion,
            user=user,
            defaults={"level": level, "note": note.strip()[:2000]},
        )
    return len(answers)


@transaction.atomic
def assessment_complete(*, assessment: Assessment, user: Any) -> Assessment:
    """Merge every representative's answers, store the scores, mark it the newest."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.is_completed:
        raise ValidationError(_("Diese Selbstbewertung ist bereits abgeschlossen."))
    _prefill(assessment, today=timezone.localdate())
    dimensions = selectors.catalogue_dimensions(assessment.catalogue)
    results = criterion_results(dimensions, assessment.answers.all())
    missing = [r.criterion for r in results.values() if not r.is_answered]
    if missing:
        raise ValidationError(
            _("Es fehlen noch Antworten auf %(n)d Fragen, z. B. „%(q)s“.")
            % {"n": len(missing), "q": missing[0].question_text}
        )
    assessment.scores = dimension_scores(dimensions, results)
    assessment.overall = overall_score(dimensions, assessment.scores)
    assessment.state = Assessment.State.COMPLETED
    assessment.completed_at = timezone.now()
    assessment.completed_by = user
    newest = (
        Assessment.objects.completed()
        .filter(initiative_id=assessment.initiative_id, year__gt=assessment.year)
        .exists()
    )
    if not newest:
        Assessment.objects.filter(initiative_id=assessment.initiative_id, is_latest=True).update(
            is_latest=False
        )
        assessment.is_latest = True
    assessment.full_clean()
    assessment.save()
    audit_log(
        "assessments.completed",
        obj=assessment,
        actor=user,
        data={"scores": assessment.scores, "overall": assessment.overall},
    )
    return assessment


@transaction.atomic
def assessment_targets_set(*, assessment: Assessment, user: Any, targets: dict[str, int]) -> None:
    """The levels (1–5) the initiative aims for in its next assessment, per dimension."""
    keys = set(assessment.scores)
    clean = {}
    for key, level in targets.items():
        if key not in keys:
            raise ValidationError(_("Unbekannte Dimension."))
        if level:
            if not 1 <= int(level) <= MAX_LEVEL:
                raise ValidationError(_("Ein Ziel liegt zwischen Stufe 1 und 5."))
            clean[key] = int(level)
    assessment.targets = clean
    assessment.save(update_fields=["targets", "updated_at"])
    audit_log("assessments.targets_set", obj=assessment, actor=user, data={"targets": clean})


# --- peer matching ---------------------------------------------------------------------------


@transaction.atomic
def peer_opt_in_set(*, initiative: Initiative, user: Any, opted_in: bool) -> None:
    if opted_in:
        PeerOptIn.objects.get_or_create(initiative=initiative, defaults={"given_by": user})
    else:
        PeerOptIn.objects.filter(initiative=initiative).delete()
    audit_log("assessments.peer_opt_in", obj=initiative, actor=user, data={"opted_in": opted_in})


@transaction.atomic
def contact_request_create(
    *, assessment: Assessment, user: Any, peer_id: int, dimension_key: str, message: str = ""
) -> ContactRequest:
    """Only a peer currently suggested to this assessment can be asked for (so nobody
    can probe which initiatives opted in)."""
    dimensions = selectors.catalogue_dimensions(assessment.catalogue)
    suggestions = selectors.peer_suggestions(assessment, dimensions)
    match = next(
        (s for s in suggestions if s.initiative.pk == peer_id and s.dimension_key == dimension_key),
        None,
    )
    if match is None:
        raise ValidationError(_("Diese Initiative wird Ihnen derzeit nicht vorgeschlagen."))
    existing = ContactRequest.objects.filter(
        from_initiative_id=assessment.initiative_id,
        to_initiative=match.initiative,
        dimension_key=dimension_key,
        state=ContactRequest.State.OPEN,
    ).first()
    if existing is not None:
        return existing
    request = ContactRequest(
        from_initiative_id=assessment.initiative_id,
        to_initiative=match.initiative,
        dimension_key=dimension_key,
        dimension_label=match.dimension_label,
        message=message.strip()[:2000],
        requested_by=user,
    )
    request.full_clean()
    request.save()
    audit_log("assessments.contact_requested", obj=request, actor=user)
    return request


@transaction.atomic
def contact_request_decide(
    *, request: ContactRequest, user: Any, brokered: bool, note: str = ""
) -> None:
    if request.state != ContactRequest.State.OPEN:
        raise ValidationError(_("Diese Anfrage ist bereits bearbeitet."))
    request.state = ContactRequest.State.BROKERED if brokered else ContactRequest.State.DECLINED
    request.handled_by = user
    request.handled_at = timezone.now()
    request.staff_note = note.strip()[:255]
    request.save()
    audit_log("assessments.contact_decided", obj=request, actor=user, data={"state": request.state})
