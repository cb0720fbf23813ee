"""Thin views: representatives assess their initiative; staff see the network, broker
contacts and edit the catalogue. Every object is checked with rules.py."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require
from industriedialog.registry import selectors as registry_selectors
from industriedialog.registry.exports import table_csv, table_xlsx
from industriedialog.registry.models import Initiative

from . import selectors, services
from .charts import Series, radar
from .forms import (
    ContactDecisionForm,
    ContactRequestForm,
    CriterionForm,
    DimensionForm,
    StepForm,
    TargetsForm,
)
from .models import MAX_LEVEL, Assessment, CatalogueVersion, ContactRequest, Criterion, Dimension


def _signed_in(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def _assessment(request: HttpRequest, pk: int, action: str) -> Assessment:
    assessment = get_object_or_404(
        Assessment.objects.select_related("initiative", "catalogue"), pk=pk
    )
    require(request.user, action, assessment)
    return assessment


def _error_text(error: ValidationError) -> str:
    return " ".join(str(m) for m in error.messages)


# --- representatives -----------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    """Start page: what the self-assessment is; for representatives their initiatives."""
    entries = []
    if request.user.is_authenticated:
        for initiative in registry_selectors.initiatives_represented_by(request.user).order_by(
            "name"
        ):
            assessments = list(selectors.assessments_of(initiative))
            entries.append(
                {
                    "initiative": initiative,
                    "assessments": assessments,
                    "current": next(
                        (a for a in assessments if a.year == timezone.localdate().year), None
                    ),
                    "opted_in": selectors.peer_opt_in_of(initiative) is not None,
                }
            )
    return render(
        request,
        "assessments/index.html",
        {
            "entries": entries,
            "year": timezone.localdate().year,
            "catalogue": selectors.catalogue_current(),
            "can_view_network": can(request.user, "assessments.view_network"),
        },
    )


@require_POST
def start(request: HttpRequest, slug: str) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    initiative = get_object_or_404(Initiative, slug=slug)
    require(request.user, "assessments.start_assessment", initiative)
    try:
        assessment = services.assessment_start(initiative=initiative, user=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("assessments:index")
    return redirect("assessments:step", pk=assessment.pk, step=1)


@require_POST
def peer_opt_in(request: HttpRequest, slug: str) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    initiative = get_object_or_404(Initiative, slug=slug)
    require(request.user, "assessments.change_peer_opt_in", initiative)
    opted_in = request.POST.get("opt_in") == "1"
    services.peer_opt_in_set(initiative=initiative, user=request.user, opted_in=opted_in)
    messages.success(
        request,
        _("%s wird anderen Initiativen als Ansprechpartner vorgeschlagen.")
        % initiative.display_name
        if opted_in
        else _("%s wird nicht mehr vorgeschlagen.") % initiative.display_name,
    )
    return redirect("assessments:index")


def step(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """One dimension: the registry's facts, then the questions; back, next, save for later."""
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.answer")
    dimensions = selectors.catalogue_dimensions(assessment.catalogue)
    if not 1 <= step <= len(dimensions):
        raise Http404
    dimension = dimensions[step - 1]
    answers = selectors.assessment_answers(assessment)
    prefilled = {a.criterion_id: a for a in answers if a.is_prefilled}
    asked = [c for c in dimension.criteria.all() if not c.prefill and c.pk not in prefilled]
    facts = [
        {
            "criterion": c,
            "level": prefilled[c.pk].level,
            "level_text": c.level_texts[prefilled[c.pk].level - 1],
            "fact": prefilled[c.pk].fact,
        }
        for c in dimension.criteria.all()
        if c.pk in prefilled
    ]
    mine = {a.criterion_id: a for a in answers if a.user_id == request.user.pk}
    action = request.POST.get("action", "next")
    form = StepForm(request.POST or None, criteria=asked, mine=mine, require_all=action == "next")
    if request.method == "POST" and form.is_valid():
        try:
            services.answers_save(assessment=assessment, user=request.user, answers=form.answers())
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("assessments:index")
        if action == "save":
            messages.success(
                request,
                _("Ihre Antworten sind gespeichert. Sie können jederzeit hier weitermachen."),
            )
            return redirect("assessments:index")
        if action == "back":
            return redirect("assessments:step", pk=pk, step=max(1, step - 1))
        if step == len(dimensions):
            return redirect("assessments:summary", pk=pk)
        return redirect("assessments:step", pk=pk, step=step + 1)
    progress, per_dimension = selectors.user_progress(dimensions, answers, request.user)
    return render(
        request,
        "assessments/assessment_step.html",
        {
            "assessment": assessment,
            "dimension": dimension,
            "dimensions": [(d, per_dimension[d.key]) for d in dimensions],
            "step": step,
            "step_count": len(dimensions),
            "facts": facts,
            "form": form,
            "progress": progress,
            "is_last": step == len(dimensions),
        },
    )


def summary(request: HttpRequest, pk: int) -> HttpResponse:
    """Before completing: progress of every representative and where they disagree."""
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.answer")
    dimensions, results = selectors.assessment_results(assessment)
    answers = selectors.assessment_answers(assessment)
    people = {
        user.pk: user for user in registry_selectors.representatives_of(assessment.initiative)
    }
    respondents = sorted({a.user_id for a in answers if not a.is_prefilled}, key=lambda pk: pk or 0)
    participants = []
    for user_id in respondents:
        user = people.get(user_id)
        progress = selectors.user_progress(dimensions, answers, user or _Gone(user_id))[0]
        participants.append(
            {"name": user.display_name if user else _("ehemalige Vertretung"), "progress": progress}
        )
    by_person: dict[int, list[tuple[str, int]]] = {}
    for answer in answers:
        if not answer.is_prefilled:
            user = people.get(answer.user_id or 0)
            name = user.display_name if user else _("ehemalige Vertretung")
            by_person.setdefault(answer.criterion_id, []).append((name, answer.level))
    disputes = [
        {"criterion": r.criterion, "answers": by_person.get(pk_, [])}
        for pk_, r in results.items()
        if r.is_disputed
    ]
    missing = [r.criterion for r in results.values() if not r.is_answered]
    if request.method == "POST":
        require(request.user, "assessments.complete", assessment)
        try:
            services.assessment_complete(assessment=assessment, user=request.user)
        except ValidationError as error:
            messages.error(request, _error_text(error))
            return redirect("assessments:summary", pk=pk)
        messages.success(request, _("Die Selbstbewertung ist abgeschlossen."))
        return redirect("assessments:result", pk=pk)
    return render(
        request,
        "assessments/assessment_summary.html",
        {
            "assessment": assessment,
            "participants": participants,
            "disputes": disputes,
            "missing": missing,
            "step_count": len(dimensions),
        },
    )


class _Gone:
    """A person whose account was erased (answers keep counting, anonymously)."""

    def __init__(self, pk: int | None) -> None:
        self.pk = pk


def _result_context(request: HttpRequest, assessment: Assessment) -> dict[str, Any]:
    dimensions, results = selectors.assessment_results(assessment)
    scores = assessment.scores
    bench = selectors.benchmark(assessment)
    previous = selectors.previous_assessment(assessment)
    previous_targets = previous.targets if previous else {}
    rows = []
    for dimension in dimensions:
        rows.append(
            {
                "dimension": dimension,
                "score": scores.get(dimension.key),
                "benchmark": bench.get(dimension.key),
                "target": previous_targets.get(dimension.key),
                "previous": previous.scores.get(dimension.key) if previous else None,
                "next_target": assessment.targets.get(dimension.key),
            }
        )
    scored = [r for r in rows if r["score"] is not None]
    strengths = sorted(scored, key=lambda r: -r["score"])[:2]
    improvements = []
    for row in sorted(scored, key=lambda r: r["score"])[:3]:
        dimension = row["dimension"]
        weakest = sorted(
            (results[c.pk] for c in dimension.criteria.all() if results[c.pk].score is not None),
            key=lambda r: r.score or 0,
        )
        steps = [r for r in weakest if r.next_level_text][:2]
        pages: list[Any] = []
        for r in weakest:
            for page in r.criterion.toolbox_pages.all():
                if page not in pages:
                    pages.append(page)
        improvements.append({**row, "steps": steps, "pages": pages[:4]})
    labels = [d.label for d in dimensions]
    series = [Series(_("Ihr Ergebnis %d") % assessment.year, [r["score"] for r in rows], "own")]
    if any(r["benchmark"] for r in rows):
        series.append(
            Series(
                _("Durchschnitt gleiche Ebene"),
                [r["benchmark"]["mean"] if r["benchmark"] else None for r in rows],
                "benchmark",
            )
        )
    if previous_targets:
        series.append(
            Series(_("Ziel"), [float(r["target"]) if r["target"] else None for r in rows], "target")
        )
    peers = selectors.peer_suggestions(assessment, dimensions) if assessment.is_latest else []
    disputed = [r for r in results.values() if r.is_disputed]
    return {
        "assessment": assessment,
        "initiative": assessment.initiative,
        "rows": rows,
        "strengths": strengths,
        "improvements": improvements,
        "chart": radar(labels, series),
        "series": series,
        "trend": selectors.trend_rows(assessment, dimensions),
        "dimensions": dimensions,
        "previous": previous,
        "peers": peers,
        "has_benchmark": bool(bench),
        "benchmark_min": selectors.BENCHMARK_MIN_INITIATIVES,
        "disputed": disputed,
        "max_level": MAX_LEVEL,
    }


def result(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.view_assessment")
    if not assessment.is_completed:
        if can(request.user, "assessments.answer", assessment):
            return redirect("assessments:summary", pk=pk)
        raise Http404
    context = _result_context(request, assessment)
    can_target = can(request.user, "assessments.set_targets", assessment)
    targets_form = None
    if can_target:
        targets_form = TargetsForm(
            initial={k: str(v) for k, v in assessment.targets.items()},
            dimensions=context["dimensions"],
        )
    context.update(
        {
            "targets_form": targets_form,
            "can_request_contact": can(request.user, "assessments.request_contact", assessment),
            "contact_forms": [
                ContactRequestForm(
                    initial={"peer": p.initiative.pk, "dimension": p.dimension_key},
                    prefix=f"p{i}",
                )
                for i, p in enumerate(context["peers"])
            ],
        }
    )
    context["peer_rows"] = list(zip(context["peers"], context["contact_forms"], strict=True))
    return render(request, "assessments/assessment_result.html", context)


def result_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.view_assessment")
    if not assessment.is_completed:
        raise Http404
    from django.template.loader import render_to_string
    from weasyprint import HTML

    html = render_to_string(
        "assessments/assessment_pdf.html", _result_context(request, assessment), request=request
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"selbstbewertung-{assessment.initiative.slug}-{assessment.year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
def targets(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.set_targets")
    dimensions = selectors.catalogue_dimensions(assessment.catalogue)
    form = TargetsForm(request.POST, dimensions=dimensions)
    if form.is_valid():
        services.assessment_targets_set(
            assessment=assessment, user=request.user, targets=form.targets()
        )
        messages.success(request, _("Ihre Ziele für die nächste Selbstbewertung sind gespeichert."))
    else:
        messages.error(request, _("Bitte wählen Sie für jedes Ziel eine Stufe von 1 bis 5."))
    return redirect(reverse("assessments:result", kwargs={"pk": pk}) + "#ziele")


@require_POST
def contact_request(request: HttpRequest, pk: int) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    assessment = _assessment(request, pk, "assessments.request_contact")
    prefix = request.POST.get("prefix", "")
    form = ContactRequestForm(request.POST, prefix=prefix or None)
    if not form.is_valid():
        messages.error(request, _("Die Anfrage war unvollständig. Bitte versuchen Sie es erneut."))
        return redirect("assessments:result", pk=pk)
    try:
        created = services.contact_request_create(
            assessment=assessment,
            user=request.user,
            peer_id=form.cleaned_data["peer"],
            dimension_key=form.cleaned_data["dimension"],
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("assessments:result", pk=pk)
    messages.success(
        request,
        _("Ihre Anfrage an %s ist bei der Servicestelle. Sie meldet sich bei Ihnen.")
        % created.to_initiative.display_name,
    )
    return redirect(reverse("assessments:result", kwargs={"pk": pk}) + "#austausch")


# --- staff -----------------------------------------------------------------------------------


@permission_required("assessments.view_network")
def staff_overview(request: HttpRequest) -> HttpResponse:
    catalogue = selectors.catalogue_current()
    dimensions = selectors.catalogue_dimensions(catalogue) if catalogue else []
    latest = list(selectors.latest_assessments())
    return render(
        request,
        "assessments/staff_overview.html",
        {
            "dimensions": dimensions,
            "latest": [
                {"assessment": a, "scores": [a.scores.get(d.key) for d in dimensions]}
                for a in latest
            ],
            "network": selectors.network_overview(dimensions),
            "drafts": Assessment.objects.filter(state=Assessment.State.DRAFT)
            .select_related("initiative")
            .order_by("initiative__name"),
            "bands": ["1–2", "2–3", "3–4", "4–5"],
            "open_contacts": selectors.contact_requests_open().count(),
        },
    )


@permission_required("assessments.export")
def staff_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    catalogue = selectors.catalogue_current()
    dimensions = selectors.catalogue_dimensions(catalogue) if catalogue else []
    headers = [
        _("Initiative"),
        _("Ebene"),
        _("Jahr"),
        _("abgeschlossen am"),
        _("Katalog-Fassung"),
        _("Gesamt"),
        *(d.label for d in dimensions),
    ]
    rows = [
        [
            a.initiative.name,
            a.initiative.get_level_display(),
            a.year,
            timezone.localtime(a.completed_at).strftime("%d.%m.%Y") if a.completed_at else "",
            a.catalogue.number,
            a.overall,
            *(a.scores.get(d.key) for d in dimensions),
        ]
        for a in selectors.latest_assessments()
    ]
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        content, ctype = table_csv(headers, rows), "text/csv; charset=utf-8"
    else:
        content = table_xlsx(headers, rows, sheet_title=_("Selbstbewertungen")[:31])
        ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=ctype)
    response["Content-Disposition"] = f'attachment; filename="selbstbewertungen-{stamp}.{fmt}"'
    return response


@permission_required("assessments.broker_contacts")
def staff_contact_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "assessments/staff_contact_list.html",
        {
            "open": selectors.contact_requests_open(),
            "done": ContactRequest.objects.exclude(state=ContactRequest.State.OPEN)
            .select_related("from_initiative", "to_initiative", "handled_by")
            .order_by("-handled_at")[:50],
            "form": ContactDecisionForm(),
        },
    )


@require_POST
@permission_required("assessments.broker_contacts")
def staff_contact_decide(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if decision not in ("vermittelt", "abgelehnt"):
        raise Http404
    contact = get_object_or_404(ContactRequest, pk=pk)
    form = ContactDecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.contact_request_decide(
            request=contact, user=request.user, brokered=decision == "vermittelt", note=note
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Die Anfrage ist als bearbeitet vermerkt."))
    return redirect("assessments:staff_contact_list")


# --- staff: catalogue ------------------------------------------------------------------------


@permission_required("assessments.manage_catalogue")
def staff_catalogue_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        draft = services.catalogue_draft_create(actor=request.user)
        return redirect("assessments:staff_catalogue_detail", pk=draft.pk)
    return render(
        request,
        "assessments/staff_catalogue_list.html",
        {"versions": CatalogueVersion.objects.all(), "current": selectors.catalogue_current()},
    )


@permission_required("assessments.manage_catalogue")
def staff_catalogue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    catalogue = get_object_or_404(CatalogueVersion, pk=pk)
    if request.method == "POST":
        try:
            services.catalogue_publish(
                catalogue=catalogue, actor=request.user, note=request.POST.get("note", "")
            )
        except ValidationError as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request, _("Die Fassung ist veröffentlicht; neue Selbstbewertungen nutzen sie.")
            )
        return redirect("assessments:staff_catalogue_detail", pk=pk)
    return render(
        request,
        "assessments/staff_catalogue_detail.html",
        {
            "catalogue": catalogue,
            "dimensions": selectors.catalogue_dimensions(catalogue),
            "used_by": Assessment.objects.filter(catalogue=catalogue).count(),
        },
    )


def _draft_or_403(catalogue: CatalogueVersion) -> None:
    if not catalogue.is_draft:
        raise PermissionDenied


@permission_required("assessments.manage_catalogue")
def staff_dimension_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dimension = get_object_or_404(Dimension.objects.select_related("catalogue"), pk=pk)
    _draft_or_403(dimension.catalogue)
    form = DimensionForm(request.POST or None, dimension=dimension)
    if request.method == "POST" and form.is_valid():
        services.dimension_update(
            dimension=dimension, actor=request.user, **form.data_for_service()
        )
        messages.success(request, _("Die Dimension ist gespeichert."))
        return redirect("assessments:staff_catalogue_detail", pk=dimension.catalogue_id)
    return render(
        request,
        "assessments/staff_catalogue_form.html",
        {"form": form, "catalogue": dimension.catalogue, "heading": dimension.label},
    )


@permission_required("assessments.manage_catalogue")
def staff_criterion_edit(
    request: HttpRequest, dimension_pk: int, pk: int | None = None
) -> HttpResponse:
    dimension = get_object_or_404(Dimension.objects.select_related("catalogue"), pk=dimension_pk)
    _draft_or_403(dimension.catalogue)
    if pk is None:
        criterion = Criterion(dimension=dimension, position=dimension.criteria.count(), levels=[])
    else:
        criterion = get_object_or_404(Criterion, pk=pk, dimension=dimension)
    if request.method == "POST" and request.POST.get("action") == "delete" and criterion.pk:
        services.criterion_delete(criterion=criterion, actor=request.user)
        messages.success(request, _("Das Kriterium ist gelöscht."))
        return redirect("assessments:staff_catalogue_detail", pk=dimension.catalogue_id)
    form = CriterionForm(request.POST or None, criterion=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_save(
                criterion=criterion, actor=request.user, **form.data_for_service()
            )
        except ValidationError as error:
            by_field = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
            for field, errors in by_field.items():
                target = field if field in form.fields else None
                for message in errors:
                    form.add_error(target, message)
        else:
            messages.success(request, _("Das Kriterium ist gespeichert."))
            return redirect("assessments:staff_catalogue_detail", pk=dimension.catalogue_id)
    return render(
        request,
        "assessments/staff_catalogue_form.html",
        {
            "form": form,
            "catalogue": dimension.catalogue,
            "heading": criterion.question_text or _("Neues Kriterium in „%s“") % dimension.label,
            "can_delete": criterion.pk is not None,
        },
    )
