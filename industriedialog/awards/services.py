"""Every write of the award competition: calls, submissions, uploads, eligibility, conflicts,
scores, locking and publication. Each service checks the acting user's permission on the
object itself, so no caller can skip it."""

from __future__ import annotations

import datetime
import secrets
from typing import Any

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from industriedialog.accounts.permissions import can, require
from industriedialog.common.models import audit_log
from industriedialog.registry.models import Initiative
from industriedialog.registry.vocabularies import Status

from .models import (
    PHASE_ORDER,
    AwardCall,
    Category,
    Conflict,
    Eligibility,
    FieldKind,
    FormField,
    JuryScore,
    Phase,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)

# What an upload may be, by the type its content shows (never by its name).
ALLOWED_TYPES: dict[str, dict[str, str]] = {
    FieldKind.DOCUMENT: {
        "application/pdf": "pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.oasis.opendocument.text": "odt",
    },
    FieldKind.IMAGE: {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"},
}


def _local(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "d.m.Y, H:i")


# --- Calls (staff) -----------------------------------------------------------------------


@transaction.atomic
def call_save(*, call: AwardCall, actor: Any) -> AwardCall:
    """Create or change a call (fields already set on ``call`` by the staff form)."""
    require(actor, "awards.manage_calls")
    created = call.pk is None
    call.full_clean()
    call.save()
    audit_log("awards.call_created" if created else "awards.call_changed", obj=call, actor=actor)
    return call


@transaction.atomic
def call_parts_save(*, call: AwardCall, formset: Any, actor: Any) -> None:
    """Save the categories, form fields or criteria of ``call`` from a staff formset in one
    transaction; new form fields get a key that is never reused."""
    require(actor, "awards.manage_calls")
    if call.is_locked:
        raise ValidationError(
            _("Das Ergebnis ist festgeschrieben; der Aufruf ist nicht mehr änderbar.")
        )
    instances = formset.save(commit=False)
    for obj in formset.deleted_objects:
        if isinstance(obj, Category) and obj.submissions.exists():
            raise ValidationError(
                _("Die Kategorie „%(name)s“ hat schon Beiträge und kann nicht gelöscht werden.")
                % {"name": obj.name}
            )
        obj.delete()
    for obj in instances:
        obj.call = call
        if isinstance(obj, FormField) and not obj.key:
            obj.key = f"f{secrets.token_hex(4)}"
        obj.full_clean()
        obj.save()
    formset.save_m2m()
    audit_log(
        "awards.call_parts_changed", obj=call, actor=actor, data={"model": formset.model.__name__}
    )


@transaction.atomic
def call_set_phase(*, call: AwardCall, phase: str, actor: Any) -> AwardCall:
    require(actor, "awards.manage_calls")
    call = AwardCall.objects.select_for_update().get(pk=call.pk)
    if phase not in PHASE_ORDER:
        raise ValidationError(_("Unbekannte Phase."))
    if phase == Phase.PUBLISHED and not call.is_locked:
        raise ValidationError(
            _("Erst nach dem Festschreiben des Ergebnisses kann veröffentlicht werden.")
        )
    if call.is_locked and PHASE_ORDER.index(phase) < PHASE_ORDER.index(Phase.FINAL):
        raise ValidationError(
            _("Das Ergebnis ist festgeschrieben; der Aufruf kann nicht in eine frühere Phase.")
        )
    if phase != Phase.PREPARATION and not call.categories.exists():
        raise ValidationError(_("Legen Sie zuerst mindestens eine Kategorie an."))
    if (
        PHASE_ORDER.index(phase) >= PHASE_ORDER.index(Phase.SCORING)
        and not call.criteria.filter(counts_toward_total=True).exists()
    ):
        raise ValidationError(
            _("Für die Bewertung braucht der Aufruf mindestens ein Kriterium, das zählt.")
        )
    old, call.phase = call.phase, phase
    call.save(update_fields=["phase", "updated_at"])
    audit_log("awards.phase_changed", obj=call, actor=actor, data={"phase": [old, phase]})
    return call


# --- Eligibility rules and completeness ---------------------------------------------------


def initiative_rule_errors(call: AwardCall, initiative: Initiative) -> list[str]:
    """The call's eligibility rules an initiative fails (German, one sentence each)."""
    errors = []
    if call.require_active and initiative.status != Status.ACTIVE:
        errors.append(
            _(
                "Teilnehmen können nur aktive Initiativen; „%(name)s“ ist im Verzeichnis als "
                "„%(status)s“ eingetragen."
            )
            % {"name": initiative.name, "status": initiative.get_status_display()}
        )
    if call.founded_before:
        limit = formats.date_format(call.founded_before, "d.m.Y")
        if initiative.founded_on:
            too_young = initiative.founded_on >= call.founded_before
        elif initiative.founded_year:
            too_young = initiative.founded_year >= call.founded_before.year
        else:
            too_young = False
            errors.append(
                _(
                    "Teilnehmen können Initiativen, die vor dem %(date)s gegründet wurden; im "
                    "Verzeichnis fehlt das Gründungsjahr von „%(name)s“. Bitte schlagen Sie es "
                    "über „Änderung vorschlagen“ vor."
                )
                % {"date": limit, "name": initiative.name}
            )
        if too_young:
            errors.append(
                _("Teilnehmen können Initiativen, die vor dem %(date)s gegründet wurden.")
                % {"date": limit}
            )
    return errors


def submission_missing(submission: Submission) -> list[tuple[FormField, str]]:
    """What keeps the submission from being complete: (field, German reason) pairs."""
    files = set(submission.files.values_list("field_key", flat=True))
    missing = []
    for field in submission.call.fields.all():
        if field.is_file:
            if field.required and field.key not in files:
                missing.append((field, _("Bitte laden Sie eine Datei hoch.")))
            continue
        value = str(submission.answers.get(field.key, "")).strip()
        if not value:
            if field.required:
                missing.append((field, _("Bitte füllen Sie dieses Feld aus.")))
        elif field.min_length and len(value) < field.min_length:
            missing.append(
                (
                    field,
                    _("Bitte schreiben Sie mindestens %(min)s Zeichen (bisher %(count)s).")
                    % {"min": field.min_length, "count": len(value)},
                )
            )
    return missing


# --- Submissions (representatives) ------------------------------------------------------


@transaction.atomic
def submission_start(
    *, call: AwardCall, category: Category, initiative: Initiative, actor: Any
) -> Submission:
    """A new draft for ``initiative`` in ``category`` (one per initiative and category)."""
    require(actor, "awards.start_submission", initiative)
    if category.call_id != call.pk:
        raise ValidationError(_("Diese Kategorie gehört nicht zu diesem Aufruf."))
    _require_open(call)
    errors = initiative_rule_errors(call, initiative)
    if errors:
        raise ValidationError(errors)
    existing = Submission.objects.filter(
        call=call, category=category, initiative=initiative
    ).exclude(status=SubmissionStatus.WITHDRAWN)
    if existing.exists():
        raise ValidationError(
            _(
                "„%(name)s“ hat in der Kategorie „%(category)s“ schon einen Beitrag; je Initiative "
                "und Kategorie ist einer möglich."
            )
            % {"name": initiative.name, "category": category.name}
        )
    submission = Submission(call=call, category=category, initiative=initiative, created_by=actor)
    submission.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:  # a parallel request started the same entry first
        raise ValidationError(
            _("Für diese Initiative und Kategorie wurde gerade schon ein Beitrag begonnen.")
        ) from None
    audit_log("awards.submission_started", obj=submission, actor=actor)
    return submission


def _require_open(call: AwardCall) -> None:
    now = timezone.now()
    if call.phase == Phase.SUBMISSION and now < call.opens_at:
        raise ValidationError(
            _("Die Einreichung beginnt am %(date)s Uhr.") % {"date": _local(call.opens_at)}
        )
    if now < call.closes_at and not call.is_open(now):
        raise ValidationError(_("Für diesen Aufruf ist die Einreichung derzeit nicht geöffnet."))
    if not call.is_open(now):
        raise ValidationError(
            _(
                "Der Einsendeschluss war am %(date)s Uhr (Serverzeit). Eine Einreichung ist nicht "
                "mehr möglich."
            )
            % {"date": _local(call.closes_at)}
        )


def _require_editable(submission: Submission, actor: Any) -> None:
    require(actor, "awards.edit_submission", submission)
    if submission.status != SubmissionStatus.DRAFT:
        raise ValidationError(_("Nur Entwürfe können geändert werden."))
    _require_open(submission.call)


@transaction.atomic
def submission_save_answers(
    *, submission: Submission, answers: dict[str, str], actor: Any
) -> Submission:
    """Store (already validated) text and link answers of a draft; used by the autosave."""
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    _require_editable(submission, actor)
    keys = {f.key for f in submission.call.fields.all() if not f.is_file}
    submission.answers = {**submission.answers, **{k: v for k, v in answers.items() if k in keys}}
    submission.save(update_fields=["answers", "updated_at"])
    return submission


def upload_check(field: FormField, upload: UploadedFile) -> tuple[str, str]:
    """(content type, extension) of an acceptable upload, by its content; raises a German
    ValidationError naming the field otherwise."""
    limit = field.max_size_mb * 1024 * 1024
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("%(label)s: Die Datei ist größer als %(mb)s MB.")
            % {"label": field.label, "mb": field.max_size_mb}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    allowed = ALLOWED_TYPES.get(field.kind, {})
    if kind is None or kind.mime not in allowed:
        names = ", ".join(sorted({ext.upper() for ext in allowed.values()}))
        raise ValidationError(
            _("%(label)s: Der Inhalt der Datei ist kein erlaubtes Format (erlaubt: %(types)s).")
            % {"label": field.label, "types": names}
        )
    if field.kind == FieldKind.IMAGE:
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.verify()
        except Exception as exc:  # Pillow raises many kinds for broken files
            raise ValidationError(
                _("%(label)s: Das Bild ist beschädigt und kann nicht gelesen werden.")
                % {"label": field.label}
            ) from exc
        upload.seek(0)
    return kind.mime, allowed[kind.mime]


@transaction.atomic
def submission_upload(
    *, submission: Submission, field: FormField, upload: UploadedFile, actor: Any
) -> SubmissionFile:
    """Check and store an uploaded file in private storage, replacing an earlier one."""
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    _require_editable(submission, actor)
    if field.call_id != submission.call_id or not field.is_file:
        raise ValidationError(_("Dieses Feld nimmt keine Datei an."))
    content_type, extension = upload_check(field, upload)
    old = SubmissionFile.objects.filter(submission=submission, field_key=field.key).first()
    if old is not None:
        old.file.delete(save=False)
        old.delete()
    stored = SubmissionFile(
        submission=submission,
        field_key=field.key,
        original_name=(upload.name or "datei")[-255:],
        content_type=content_type,
        size=upload.size or 0,
    )
    stored.file.save(
        f"{submission.call_id}/{submission.pk}-{secrets.token_hex(12)}.{extension}",
        upload,
        save=False,
    )
    stored.save()
    audit_log(
        "awards.file_uploaded",
        obj=submission,
        actor=actor,
        data={"field": field.key, "type": content_type},
    )
    return stored


@transaction.atomic
def submission_file_remove(*, file: SubmissionFile, actor: Any) -> None:
    _require_editable(file.submission, actor)
    file.file.delete(save=False)
    file.delete()


@transaction.atomic
def submission_submit(*, submission: Submission, actor: Any) -> Submission:
    """Submit a complete draft before the deadline (server time) and confirm by e-mail."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("call", "initiative")
        .get(pk=submission.pk)
    )
    _require_editable(submission, actor)
    errors = [f"{field.label}: {reason}" for field, reason in submission_missing(submission)]
    errors += initiative_rule_errors(submission.call, submission.initiative)
    if errors:
        raise ValidationError(errors)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save(update_fields=["status", "submitted_at", "updated_at"])
    audit_log("awards.submitted", obj=submission, actor=actor)
    if actor.email:
        transaction.on_commit(lambda: _confirmation_send(submission.pk, actor.pk))
    return submission


def _confirmation_send(submission_pk: int, user_pk: int) -> None:
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    submission = Submission.objects.select_related("call", "category", "initiative").get(
        pk=submission_pk
    )
    user = get_user_model().objects.get(pk=user_pk)
    language = getattr(user, "language", "") or "de"
    if language not in {code for code, _name in settings.LANGUAGES}:
        language = "de"
    with translation.override(language):
        context = {
            "submission": submission,
            "submitted": _local(submission.submitted_at or timezone.now()),
            "closes": _local(submission.call.closes_at),
            "url": settings.SITE_URL.rstrip("/")
            + reverse("awards:submission_edit", kwargs={"pk": submission.pk}),
        }
        subject = _("Ihr Beitrag zu „%(call)s“ ist eingegangen") % {"call": submission.call.title}
        text = render_to_string("awards/emails/confirmation.txt", context)
        html = render_to_string("awards/emails/confirmation.html", {**context, "subject": subject})
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=text,
        to=[user.email],
        headers={"Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    message.send()


@transaction.atomic
def submission_withdraw(*, submission: Submission, actor: Any) -> Submission:
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    require(actor, "awards.edit_submission", submission)
    if submission.status == SubmissionStatus.WITHDRAWN:
        raise ValidationError(_("Der Beitrag ist bereits zurückgezogen."))
    if submission.call.is_locked:
        raise ValidationError(
            _("Das Ergebnis ist festgeschrieben; der Beitrag kann nicht mehr zurückgezogen werden.")
        )
    submission.status = SubmissionStatus.WITHDRAWN
    submission.withdrawn_at = timezone.now()
    submission.save(update_fields=["status", "withdrawn_at", "updated_at"])
    audit_log("awards.withdrawn", obj=submission, actor=actor)
    return submission


# --- Eligibility (staff) ----------------------------------------------------------------


@transaction.atomic
def eligibility_decide(
    *, submission: Submission, eligible: bool, reason: str, actor: Any
) -> Submission:
    """Staff admit or refuse a submitted entry; a refusal needs a reason the representative sees."""
    require(actor, "awards.manage_calls")
    submission = Submission.objects.select_for_update().select_related("call").get(pk=submission.pk)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Nur eingereichte Beiträge werden geprüft."))
    if submission.call.is_locked:
        raise ValidationError(_("Das Ergebnis ist festgeschrieben."))
    reason = reason.strip()
    if not eligible and not reason:
        raise ValidationError(
            {"reason": _("Bitte begründen Sie, warum der Beitrag nicht zugelassen wird.")}
        )
    submission.eligibility = Eligibility.ELIGIBLE if eligible else Eligibility.INELIGIBLE
    submission.eligibility_reason = reason
    submission.eligibility_decided_by = actor
    submission.eligibility_decided_at = timezone.now()
    submission.save()
    if not eligible:
        submission.scores.all().delete()
    audit_log(
        "awards.eligibility_decided",
        obj=submission,
        actor=actor,
        data={"eligibility": submission.eligibility, "reason": reason},
    )
    return submission


# --- Jury -----------------------------------------------------------------------------


@transaction.atomic
def conflict_declare(*, submission: Submission, juror: Any, note: str = "") -> Conflict:
    """The juror declares a conflict of interest; scores they gave it are removed."""
    require(juror, "awards.declare_conflict", submission)
    conflict = Conflict.objects.create(submission=submission, juror=juror, note=note.strip()[:255])
    removed, _counts = JuryScore.objects.filter(submission=submission, juror=juror).delete()
    audit_log(
        "awards.conflict_declared", obj=submission, actor=juror, data={"scores_removed": removed}
    )
    return conflict


@transaction.atomic
def scores_save(
    *, submission: Submission, juror: Any, values: dict[int, tuple[int | None, str]]
) -> list[JuryScore]:
    """Store the juror's points (and comments) per criterion; ``values`` maps a criterion id to
    (points or None, comment). Points outside the criterion's scale are refused."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("call", "category")
        .get(pk=submission.pk)
    )
    if not can(juror, "awards.score_submission", submission):
        raise PermissionDenied
    criteria = {c.pk: c for c in submission.call.criteria.all()}
    errors: dict[str, str] = {}
    for criterion_id, (value, _comment) in values.items():
        criterion = criteria.get(criterion_id)
        if criterion is None:
            raise ValidationError(_("Unbekanntes Kriterium."))
        if value is not None and not criterion.scale_min <= value <= criterion.scale_max:
            errors[f"c{criterion_id}_value"] = _(
                "%(name)s: Bitte geben Sie %(min)s bis %(max)s Punkte."
            ) % {"name": criterion.name, "min": criterion.scale_min, "max": criterion.scale_max}
    if errors:
        raise ValidationError(errors)
    saved = []
    for criterion_id, (value, comment) in values.items():
        if value is None:
            JuryScore.objects.filter(
                submission=submission, juror=juror, criterion_id=criterion_id
            ).delete()
            continue
        score, _created = JuryScore.objects.update_or_create(
            submission=submission,
            juror=juror,
            criterion_id=criterion_id,
            defaults={"value": value, "comment": comment.strip()},
        )
        saved.append(score)
    audit_log(
        "awards.scored",
        obj=submission,
        actor=juror,
        data={str(k): v[0] for k, v in values.items()},
    )
    return saved


# --- Final session, lock, publication (staff) -----------------------------------------------


@transaction.atomic
def tie_break_record(
    *, call: AwardCall, positions: dict[int, int | None], note: str, actor: Any
) -> None:
    """The final session's decision for ties the rules leave open: an order (1 = first) per
    submission and the reasons, recorded before locking."""
    require(actor, "awards.manage_calls")
    call = AwardCall.objects.select_for_update().get(pk=call.pk)
    if call.phase != Phase.FINAL or call.is_locked:
        raise ValidationError(
            _(
                "Entscheidungen bei Gleichstand werden in der Jurysitzung vor dem Festschreiben "
                "erfasst."
            )
        )
    if any(positions.values()) and not note.strip():
        raise ValidationError(
            {
                "note": _(
                    "Bitte halten Sie fest, wie die Jurysitzung den Gleichstand entschieden hat."
                )
            }
        )
    for submission in call.submissions.filter(pk__in=positions):
        submission.tie_break_position = positions[submission.pk]
        submission.save(update_fields=["tie_break_position", "updated_at"])
    call.tie_break_note = note.strip()
    call.save(update_fields=["tie_break_note", "updated_at"])
    audit_log(
        "awards.tie_break_recorded",
        obj=call,
        actor=actor,
        data={"positions": {str(k): v for k, v in positions.items()}},
    )


@transaction.atomic
def results_lock(*, call: AwardCall, actor: Any) -> AwardCall:
    """Freeze the ranking: every entry needs at least one complete score and no tie may be
    left open; ranks and totals are written once, then all jurors may see all scores."""
    from .selectors import ranking_compute

    require(actor, "awards.manage_calls")
    call = AwardCall.objects.select_for_update().get(pk=call.pk)
    if call.is_locked:
        raise ValidationError(_("Das Ergebnis ist bereits festgeschrieben."))
    if call.phase != Phase.FINAL:
        raise ValidationError(_("Festgeschrieben wird in der Phase „Jurysitzung“."))
    errors = []
    rankings = ranking_compute(call)
    for category, rows in rankings.items():
        for row in rows:
            if row.total is None:
                errors.append(
                    _("%(category)s: „%(name)s“ hat noch keine vollständige Bewertung.")
                    % {"category": category.name, "name": row.submission.initiative.name}
                )
            if row.unresolved_tie:
                errors.append(
                    _("%(category)s: Gleichstand bei „%(name)s“ ist noch nicht entschieden.")
                    % {"category": category.name, "name": row.submission.initiative.name}
                )
    if errors:
        raise ValidationError(errors)
    for rows in rankings.values():
        for row in rows:
            row.submission.final_rank = row.rank
            row.submission.final_total = row.total
            row.submission.save(update_fields=["final_rank", "final_total", "updated_at"])
    call.results_locked_at = timezone.now()
    call.results_locked_by = actor
    call.save(update_fields=["results_locked_at", "results_locked_by", "updated_at"])
    audit_log("awards.results_locked", obj=call, actor=actor)
    return call


@transaction.atomic
def award_update(
    *, submission: Submission, award_title: str, laudation: str, actor: Any
) -> Submission:
    require(actor, "awards.manage_calls")
    if not submission.call.is_locked:
        raise ValidationError(_("Auszeichnungen werden nach dem Festschreiben vergeben."))
    if not submission.is_in_review:
        raise ValidationError(_("Nur zugelassene Beiträge können ausgezeichnet werden."))
    if award_title.strip() and not laudation.strip():
        raise ValidationError(
            {"laudation": _("Bitte schreiben Sie eine Laudatio für die Siegerseite.")}
        )
    submission.award_title = award_title.strip()
    submission.laudation = laudation.strip()
    submission.save(update_fields=["award_title", "laudation", "updated_at"])
    audit_log(
        "awards.award_changed", obj=submission, actor=actor, data={"award": submission.award_title}
    )
    return submission
