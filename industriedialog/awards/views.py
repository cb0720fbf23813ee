"""Views of the award competition (thin: input, permission, service or selector, render)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require
from industriedialog.registry.models import Initiative, Representation

from . import selectors, services
from .forms import (
    AwardForm,
    CallForm,
    CategoryForm,
    ConflictForm,
    CriterionForm,
    EligibilityForm,
    FormFieldForm,
    PhaseForm,
    ScoreForm,
    StartForm,
    SubmissionForm,
    UploadForm,
    parts_formset,
)
from .models import (
    AwardCall,
    Category,
    Criterion,
    FormField,
    Phase,
    Submission,
    SubmissionFile,
    SubmissionStatus,
)

MANAGE = "awards.manage_calls"


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


def _represented(user: Any) -> Any:
    if not user.is_authenticated:
        return Initiative.objects.none()
    return Initiative.objects.filter(
        representations__user=user, representations__state=Representation.State.APPROVED
    ).order_by("name")


def _answers_for(submission: Submission, *, for_jury: bool) -> list[dict[str, Any]]:
    """The submission's answers as shown to a viewer; under blind review the jury sees no
    identifying field."""
    files = {f.field_key: f for f in submission.files.all()}
    rows = []
    for field in submission.call.fields.all():
        if for_jury and submission.call.blind_review and field.is_identifying:
            continue
        rows.append(
            {
                "field": field,
                "value": submission.answers.get(field.key, ""),
                "file": files.get(field.key),
            }
        )
    return rows


def _display_name(submission: Submission, *, for_jury: bool) -> str:
    if for_jury and submission.call.blind_review:
        return _("Beitrag Nr. %(number)s") % {"number": submission.pk}
    return submission.initiative.name


# --- Public ------------------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awards/index.html",
        {"open_calls": selectors.calls_open(), "archive": selectors.calls_archive()},
    )


def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(AwardCall.objects.public(), slug=slug)
    initiatives = _represented(request.user)
    start_form = None
    if call.is_open() and initiatives.exists():
        start_form = StartForm(call=call, initiatives=initiatives)
    return render(
        request,
        "awards/call_detail.html",
        {
            "call": call,
            "categories": call.categories.all(),
            "criteria": call.criteria.all(),
            "winners": selectors.winners(call) if call.is_published else [],
            "start_form": start_form,
            "is_open": call.is_open(),
            "now": timezone.now(),
            "share_url": request.build_absolute_uri(call.get_absolute_url()),
            "tie_rule": selectors.TIE_RULE,
        },
    )


@login_required
@require_POST
def submission_start(request: HttpRequest, slug: str) -> HttpResponse:
    call = get_object_or_404(AwardCall.objects.public(), slug=slug)
    initiatives = _represented(request.user)
    # Only for an initiative one represents: naming another one (or representing none) is
    # refused outright, not just a form error.
    raw = request.POST.get("initiative", "")
    named = Initiative.objects.filter(pk=raw).first() if raw.isdigit() else None
    if named is not None:
        require(request.user, "awards.start_submission", named)
    elif not initiatives.exists():
        raise PermissionDenied
    form = StartForm(request.POST, call=call, initiatives=initiatives)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie Initiative und Kategorie."))
        return redirect(call)
    try:
        submission = services.submission_start(
            call=call,
            category=form.cleaned_data["category"],
            initiative=form.cleaned_data["initiative"],
            actor=request.user,
        )
    except ValidationError as error:
        messages.error(request, _errors(error))
        return redirect(call)
    messages.success(
        request, _("Ihr Entwurf ist angelegt; Eingaben werden automatisch gespeichert.")
    )
    return redirect(submission)


@login_required
def my_submissions(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "awards/my_submissions.html",
        {
            "submissions": selectors.submissions_of_user(request.user),
            "open_calls": selectors.calls_open(),
        },
    )


def _own_submission(request: HttpRequest, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("call", "category", "initiative"), pk=pk
    )
    require(request.user, "awards.edit_submission", submission)
    return submission


def _submission_context(submission: Submission, form: SubmissionForm | None = None) -> dict:
    fields = list(submission.call.fields.all())
    editable = submission.status == SubmissionStatus.DRAFT and submission.call.is_open()
    files = {f.field_key: f for f in submission.files.all()}
    return {
        "submission": submission,
        "call": submission.call,
        "form": form or SubmissionForm(initial=submission.answers, fields=fields, auto_id="id_%s"),
        "file_fields": [
            {"field": f, "file": files.get(f.key), "form": UploadForm(auto_id=f"id_{f.key}_%s")}
            for f in fields
            if f.is_file
        ],
        "missing": services.submission_missing(submission),
        "editable": editable,
        "deadline_passed": timezone.now() >= submission.call.closes_at,
    }


@login_required
def submission_edit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _own_submission(request, pk)
    form = None
    if request.method == "POST":
        form = SubmissionForm(request.POST, fields=list(submission.call.fields.all()))
        saved = _save_valid_answers(request, submission, form)
        if request.htmx:  # type: ignore[attr-defined]
            return render(
                request,
                "awards/includes/autosave_status.html",
                {
                    "form": form,
                    "saved": saved,
                    "submission": submission,
                    "missing": services.submission_missing(submission),
                },
            )
        if saved and form.is_valid():
            messages.success(request, _("Ihr Entwurf ist gespeichert."))
            return redirect(submission)
    return render(request, "awards/submission_form.html", _submission_context(submission, form))


def _save_valid_answers(request: HttpRequest, submission: Submission, form: SubmissionForm) -> bool:
    """Save the fields that are valid (an autosave keeps what it can); False if refused."""
    form.is_valid()
    valid = {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    try:
        services.submission_save_answers(submission=submission, answers=valid, actor=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    submission.refresh_from_db()
    return True


@login_required
@require_POST
def submission_upload(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    submission = _own_submission(request, pk)
    field = get_object_or_404(FormField, call=submission.call, key=key)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(
            request, _("%(label)s: Bitte wählen Sie eine Datei.") % {"label": field.label}
        )
    else:
        try:
            services.submission_upload(
                submission=submission,
                field=field,
                upload=form.cleaned_data["file"],
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request, _("%(label)s: Die Datei ist gespeichert.") % {"label": field.label}
            )
    return redirect(submission.get_absolute_url() + f"#datei-{field.key}")


@login_required
@require_POST
def submission_file_remove(request: HttpRequest, pk: int) -> HttpResponse:
    file = get_object_or_404(SubmissionFile.objects.select_related("submission__call"), pk=pk)
    try:
        services.submission_file_remove(file=file, actor=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Die Datei ist entfernt."))
    return redirect(file.submission)


@login_required
@require_POST
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _own_submission(request, pk)
    try:
        services.submission_submit(submission=submission, actor=request.user)
    except ValidationError as error:
        messages.error(request, _("Der Beitrag wurde nicht eingereicht. ") + _errors(error))
    else:
        messages.success(
            request,
            _(
                "Ihr Beitrag ist eingereicht. Eine Bestätigung haben wir Ihnen per E-Mail "
                "geschickt."
            ),
        )
    return redirect(submission)


@login_required
@require_POST
def submission_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _own_submission(request, pk)
    try:
        services.submission_withdraw(submission=submission, actor=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Ihr Beitrag ist zurückgezogen."))
    return redirect(submission)


@login_required
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """A submission's file, only for its representatives, staff and the jury (not under blind
    review for identifying fields); always as a download with the type found at upload."""
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("submission__call", "submission__category"), pk=pk
    )
    submission = stored.submission
    user = request.user
    if not can(user, "awards.view_submission", submission):
        raise Http404
    is_owner_or_staff = can(user, MANAGE) or can(user, "awards.edit_submission", submission)
    field = FormField.objects.filter(call=submission.call, key=stored.field_key).first()
    if (
        not is_owner_or_staff
        and submission.call.blind_review
        and (field is None or field.is_identifying)
    ):
        raise Http404
    name = stored.original_name
    if not is_owner_or_staff and submission.call.blind_review:
        name = f"beitrag-{submission.pk}-{stored.field_key}.{stored.file.name.rsplit('.', 1)[-1]}"
    response = FileResponse(
        stored.file.open("rb"), as_attachment=True, filename=name, content_type=stored.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Jury --------------------------------------------------------------------------------


@permission_required("awards.access_jury")
def jury_index(request: HttpRequest) -> HttpResponse:
    calls = [
        {"call": call, "progress": selectors.juror_progress_for(call, request.user)}
        for call in selectors.calls_for_juror(request.user)
    ]
    return render(request, "awards/jury_index.html", {"calls": calls})


@permission_required("awards.access_jury")
def jury_call(request: HttpRequest, pk: int) -> HttpResponse:
    call = get_object_or_404(selectors.calls_for_juror(request.user), pk=pk)
    rows = []
    if call.phase != Phase.ELIGIBILITY:
        for submission in selectors.juror_submissions(call, request.user):
            scored = submission.scores.filter(juror=request.user.pk).count()
            rows.append(
                {
                    "submission": submission,
                    "name": _display_name(submission, for_jury=True),
                    "scored": scored,
                }
            )
    candidates = []
    if call.phase == Phase.ELIGIBILITY:
        candidates = [
            {"submission": s, "name": _display_name(s, for_jury=True)}
            for s in selectors.juror_open_conflict_candidates(call, request.user)
        ]
    return render(
        request,
        "awards/jury_call.html",
        {
            "call": call,
            "rows": rows,
            "candidates": candidates,
            "criteria_count": call.criteria.count(),
            "progress": selectors.juror_progress_for(call, request.user),
            "conflict_form": ConflictForm(),
        },
    )


def _jury_submission(request: HttpRequest, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("call", "category", "initiative"), pk=pk
    )
    # A conflicted or unassigned juror must not learn anything about the entry: 404, not 403.
    if (
        not can(request.user, "awards.access_jury")
        or not selectors.juror_submissions(submission.call, request.user).filter(pk=pk).exists()
    ):
        raise Http404
    require(request.user, "awards.view_submission", submission)
    return submission


@permission_required("awards.access_jury")
def jury_submission(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _jury_submission(request, pk)
    criteria = list(submission.call.criteria.all())
    may_score = can(request.user, "awards.score_submission", submission)
    if request.method == "POST":
        if not may_score:
            raise PermissionDenied
        form = ScoreForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                services.scores_save(
                    submission=submission, juror=request.user, values=form.values()
                )
            except ValidationError as error:
                for key, msgs in (
                    error.message_dict.items()
                    if hasattr(error, "error_dict")
                    else [(None, error.messages)]
                ):
                    for msg in msgs:
                        form.add_error(key if key in form.fields else None, msg)
            else:
                messages.success(request, _("Ihre Bewertung ist gespeichert."))
                return redirect("awards:jury_submission", pk=pk)
    else:
        mine = selectors.juror_scores(submission, request.user)
        initial: dict[str, Any] = {}
        for c in criteria:
            if c.pk in mine:
                initial[f"c{c.pk}_value"] = mine[c.pk].value
                initial[f"c{c.pk}_comment"] = mine[c.pk].comment
        form = ScoreForm(initial=initial, criteria=criteria)
    return render(
        request,
        "awards/jury_submission.html",
        {
            "submission": submission,
            "call": submission.call,
            "name": _display_name(submission, for_jury=True),
            "answers": _answers_for(submission, for_jury=True),
            "form": form,
            "may_score": may_score,
            "others": selectors.other_jurors_scores(submission, request.user),
            "conflict_form": ConflictForm(),
            "may_declare": can(request.user, "awards.declare_conflict", submission),
        },
    )


@permission_required("awards.access_jury")
@require_POST
def jury_conflict(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(Submission.objects.select_related("call", "category"), pk=pk)
    # Only a juror of the entry's category (administrators included: the rule's predicates
    # are skipped for them, the assignment is not).
    if not submission.category.jurors.filter(pk=request.user.pk).exists() or not can(
        request.user, "awards.declare_conflict", submission
    ):
        raise Http404
    form = ConflictForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    services.conflict_declare(submission=submission, juror=request.user, note=note)
    messages.success(
        request,
        _("Ihre Befangenheit ist vermerkt; der Beitrag wird Ihnen nicht mehr angezeigt."),
    )
    return redirect("awards:jury_call", pk=submission.call_id)


# --- Staff -------------------------------------------------------------------------------


def _staff_call(request: HttpRequest, pk: int) -> AwardCall:
    call = get_object_or_404(AwardCall, pk=pk)
    require(request.user, MANAGE, call)
    return call


@permission_required(MANAGE)
def staff_call_list(request: HttpRequest) -> HttpResponse:
    from django.db.models import Count, Q

    calls = AwardCall.objects.annotate(
        n_submitted=Count("submissions", filter=Q(submissions__status=SubmissionStatus.SUBMITTED)),
        n_drafts=Count("submissions", filter=Q(submissions__status=SubmissionStatus.DRAFT)),
    )
    return render(request, "awards/staff_call_list.html", {"calls": calls})


@permission_required(MANAGE)
def staff_call_create(request: HttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            call = services.call_save(call=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Der Aufruf ist angelegt. Legen Sie nun Kategorien an."))
            return redirect("awards:staff_parts", pk=call.pk, part="kategorien")
    return render(request, "awards/staff_call_form.html", {"form": form, "call": None})


@permission_required(MANAGE)
def staff_call_edit(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    form = CallForm(request.POST or None, instance=call)
    phase_form = PhaseForm(initial={"phase": call.phase})
    if request.method == "POST" and form.is_valid():
        try:
            services.call_save(call=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect("awards:staff_call_edit", pk=pk)
    return render(
        request,
        "awards/staff_call_form.html",
        {"form": form, "call": call, "phase_form": phase_form, "tab": "call"},
    )


@permission_required(MANAGE)
@require_POST
def staff_call_phase(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    form = PhaseForm(request.POST)
    if form.is_valid():
        try:
            services.call_set_phase(call=call, phase=form.cleaned_data["phase"], actor=request.user)
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Die Phase ist geändert."))
    return redirect("awards:staff_call_edit", pk=pk)


PARTS: dict[str, tuple[type, type, Any]] = {
    "kategorien": (Category, CategoryForm, _("Kategorien und Jury")),
    "formular": (FormField, FormFieldForm, _("Formularfelder")),
    "kriterien": (Criterion, CriterionForm, _("Bewertungskriterien")),
}


@permission_required(MANAGE)
def staff_parts(request: HttpRequest, pk: int, part: str) -> HttpResponse:
    call = _staff_call(request, pk)
    if part not in PARTS:
        raise Http404
    model, form_class, title = PARTS[part]
    formset = parts_formset(model, form_class, call, request.POST or None)
    error = ""
    if request.method == "POST" and formset.is_valid():
        try:
            services.call_parts_save(call=call, formset=formset, actor=request.user)
        except ValidationError as exc:
            error = _errors(exc)
        else:
            messages.success(request, _("Die Änderungen sind gespeichert."))
            return redirect("awards:staff_parts", pk=pk, part=part)
    return render(
        request,
        "awards/staff_parts.html",
        {"call": call, "formset": formset, "title": title, "tab": part, "error": error},
    )


@permission_required(MANAGE)
def staff_submissions(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    submissions = (
        call.submissions.exclude(status=SubmissionStatus.DRAFT)
        .select_related("category", "initiative", "eligibility_decided_by")
        .order_by("category__position", "initiative__name")
    )
    drafts = call.submissions.filter(status=SubmissionStatus.DRAFT).count()
    rows = [
        {
            "submission": s,
            "rule_errors": services.initiative_rule_errors(call, s.initiative),
            "form": EligibilityForm(
                auto_id=f"id_{s.pk}_%s",
                initial={
                    "decision": s.eligibility if s.eligibility != "pending" else None,
                    "reason": s.eligibility_reason,
                },
            ),
        }
        for s in submissions
    ]
    return render(
        request,
        "awards/staff_submissions.html",
        {"call": call, "rows": rows, "drafts": drafts, "tab": "beitraege"},
    )


@permission_required(MANAGE)
@require_POST
def staff_eligibility(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(Submission.objects.select_related("call"), pk=pk)
    require(request.user, MANAGE, submission.call)
    form = EligibilityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie „zulassen“ oder „nicht zulassen“."))
    else:
        try:
            services.eligibility_decide(
                submission=submission,
                eligible=form.cleaned_data["decision"] == "eligible",
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(request, f"{submission.initiative.name}: {_errors(error)}")
        else:
            messages.success(
                request,
                _("%(name)s: Entscheidung gespeichert.") % {"name": submission.initiative.name},
            )
    return redirect(
        reverse("awards:staff_submissions", kwargs={"pk": submission.call_id})
        + f"#beitrag-{submission.pk}"
    )


@permission_required(MANAGE)
def staff_submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = get_object_or_404(
        Submission.objects.select_related("call", "category", "initiative"), pk=pk
    )
    require(request.user, MANAGE, submission.call)
    return render(
        request,
        "awards/staff_submission_detail.html",
        {
            "submission": submission,
            "call": submission.call,
            "answers": _answers_for(submission, for_jury=False),
            "conflicts": submission.conflicts.select_related("juror"),
            "scores": submission.scores.select_related("juror", "criterion").order_by(
                "juror_id", "criterion__position"
            ),
            "tab": "beitraege",
        },
    )


@permission_required("awards.view_ranking")
def staff_results(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    rankings = selectors.ranking_compute(call)
    if request.method == "POST":
        positions: dict[int, int | None] = {}
        for rows in rankings.values():
            for row in rows:
                raw = request.POST.get(f"tie_{row.submission.pk}", "").strip()
                if raw.isdigit():
                    positions[row.submission.pk] = int(raw)
                elif f"tie_{row.submission.pk}" in request.POST:
                    positions[row.submission.pk] = None
        try:
            services.tie_break_record(
                call=call,
                positions=positions,
                note=request.POST.get("note", ""),
                actor=request.user,
            )
        except ValidationError as error:
            messages.error(request, _errors(error))
        else:
            messages.success(request, _("Die Entscheidung der Jurysitzung ist festgehalten."))
            return redirect("awards:staff_results", pk=pk)
    criteria = list(call.criteria.all())
    return render(
        request,
        "awards/staff_results.html",
        {
            "call": call,
            "rankings": rankings,
            "criteria": criteria,
            "primary": selectors.primary_criterion(criteria),
            "progress": selectors.jury_progress(call),
            "tie_rule": selectors.TIE_RULE,
            "has_unresolved": any(r.unresolved_tie for rows in rankings.values() for r in rows),
            "tab": "ergebnis",
        },
    )


@permission_required(MANAGE)
@require_POST
def staff_lock(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    try:
        services.results_lock(call=call, actor=request.user)
    except ValidationError as error:
        messages.error(request, _("Nicht festgeschrieben: ") + _errors(error))
    else:
        messages.success(request, _("Das Ergebnis ist festgeschrieben."))
    return redirect("awards:staff_results", pk=pk)


@permission_required(MANAGE)
def staff_publication(request: HttpRequest, pk: int) -> HttpResponse:
    call = _staff_call(request, pk)
    ranked = (
        call.submissions.filter(final_rank__isnull=False)
        .select_related("category", "initiative")
        .order_by("category__position", "final_rank")
    )
    if request.method == "POST":
        submission = get_object_or_404(ranked, pk=request.POST.get("submission"))
        form = AwardForm(request.POST, auto_id=f"id_{submission.pk}_%s")
        if form.is_valid():
            try:
                services.award_update(
                    submission=submission, actor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                messages.error(request, f"{submission.initiative.name}: {_errors(error)}")
            else:
                messages.success(
                    request, _("%(name)s: gespeichert.") % {"name": submission.initiative.name}
                )
        return redirect(request.path + f"#beitrag-{submission.pk}")
    rows = [
        {
            "submission": s,
            "form": AwardForm(
                auto_id=f"id_{s.pk}_%s",
                initial={"award_title": s.award_title, "laudation": s.laudation},
            ),
        }
        for s in ranked
    ]
    return render(
        request,
        "awards/staff_publication.html",
        {
            "call": call,
            "rows": rows,
            "phase_form": PhaseForm(initial={"phase": Phase.PUBLISHED}),
            "tab": "veroeffentlichung",
        },
    )
