"""Advice log pages (staff only): consultations list, form, detail, follow-ups, per staff
member, an initiative's whole history, the retention log."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import permission_required, require
from industriedialog.common.models import audit_log
from industriedialog.common.timeline import initiative_timeline
from industriedialog.registry.models import Initiative

from . import privacy, selectors, services
from .exports import consultations_export
from .filters import ConsultationFilter
from .forms import ConsultationForm
from .models import Consultation, FoundingCase, RetentionRun

VIEW = "advisory.view_consultations"
LOG = "advisory.log_consultation"
CHANGE = "advisory.change_consultation"
PAGE_SIZE = 30


def _query_without_page(request: HttpRequest) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


def _save(request: HttpRequest, form: ConsultationForm, consultation: Consultation | None) -> Any:
    data = dict(form.cleaned_data)
    links = {name: list(data.pop(name)) for name in ("initiatives", "contact_persons", "topics")}
    try:
        return services.consultation_save(
            actor=request.user, consultation=consultation, **links, **data
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
    return None


@permission_required(VIEW)
def consultation_list(request: HttpRequest) -> HttpResponse:
    filterset = ConsultationFilter(request.GET or None, queryset=selectors.consultations_for_list())
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "advisory/consultation_list.html",
        {
            "filter": filterset,
            "page": page,
            "query": _query_without_page(request),
            "today": timezone.localdate(),
        },
    )


@permission_required("advisory.export_consultations")
def consultation_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if file_format not in {"csv", "xlsx"}:
        raise Http404
    filterset = ConsultationFilter(request.GET or None, queryset=selectors.consultations_for_list())
    content, content_type, name = consultations_export(filterset.qs, file_format)
    audit_log(
        "advisory.consultations_exported",
        actor=request.user,
        data={"format": file_format, "filter": dict(request.GET.items())},
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required(LOG)
def consultation_create(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {
        "staff_member": request.user,
        "date": timezone.localdate(),
        "duration_minutes": 30,
    }
    initiative = case = None
    if pk := request.GET.get("initiative", ""):
        initiative = Initiative.objects.filter(pk=pk if pk.isdigit() else 0).first()
        if initiative is not None:
            initial["initiatives"] = [initiative]
    if pk := request.GET.get("gruendungsfall", ""):
        case = FoundingCase.objects.filter(pk=pk if pk.isdigit() else 0).first()
        if case is not None:
            initial["founding_case"] = case
            if case.initiative_id:
                initial["initiatives"] = [case.initiative]
    form = ConsultationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        consultation = _save(request, form, None)
        if consultation is not None:
            messages.success(request, _("Die Beratung wurde eingetragen."))
            return redirect(consultation.get_absolute_url())
    back = (
        case.get_absolute_url()
        if case
        else (
            initiative.get_absolute_url() if initiative else reverse("advisory:consultation_list")
        )
    )
    return render(
        request,
        "advisory/consultation_form.html",
        {"form": form, "consultation": None, "back": back},
    )


@permission_required(LOG)
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    require(request.user, CHANGE, consultation)
    form = ConsultationForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, Consultation.objects.get(pk=pk))
        if saved is not None:
            messages.success(request, _("Die Änderungen wurden gespeichert."))
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "advisory/consultation_form.html",
        {"form": form, "consultation": consultation, "back": consultation.get_absolute_url()},
    )


@permission_required(VIEW)
def consultation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(selectors.consultations_for_list(), pk=pk)
    require(request.user, VIEW, consultation)
    return render(
        request,
        "advisory/consultation_detail.html",
        {
            "c": consultation,
            "today": timezone.localdate(),
            "can_change": request.user.has_perm(CHANGE, consultation),
        },
    )


@require_POST
@permission_required(LOG)
def consultation_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    require(request.user, CHANGE, consultation)
    done = request.POST.get("done") == "1"
    try:
        services.consultation_follow_up_done(
            consultation=consultation, actor=request.user, done=done
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("Das Nachfassen ist als erledigt vermerkt.")
            if done
            else _("Das Nachfassen ist wieder offen."),
        )
    target = request.POST.get("next", "")
    if target.startswith("/intern/beratungen/"):
        return redirect(target)
    return redirect(consultation.get_absolute_url())


@permission_required(VIEW)
def follow_ups(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "advisory/follow_ups.html",
        {"consultations": selectors.follow_ups_overdue(), "today": timezone.localdate()},
    )


def _period(request: HttpRequest) -> tuple[datetime.date, datetime.date, list[str]]:
    today = timezone.localdate()
    start, end = today.replace(month=1, day=1), today
    errors = []
    for name in ("von", "bis"):
        raw = request.GET.get(name, "")
        if not raw:
            continue
        try:
            value = datetime.date.fromisoformat(raw)
        except ValueError:
            errors.append(
                _("„%(value)s“ ist kein Datum (Feld „%(field)s“).") % {"value": raw, "field": name}
            )
            continue
        if name == "von":
            start = value
        else:
            end = value
    if start > end:
        errors.append(_("Der Beginn liegt nach dem Ende des Zeitraums."))
        start, end = end, start
    return start, end, errors


@permission_required(VIEW)
def staff_overview(request: HttpRequest) -> HttpResponse:
    start, end, errors = _period(request)
    return render(
        request,
        "advisory/staff_overview.html",
        {
            "rows": selectors.consultations_per_staff_member(start, end),
            "start": start,
            "end": end,
            "errors": errors,
        },
    )


@permission_required(VIEW)
def initiative_history(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative, pk=pk)
    require(request.user, VIEW, initiative)
    return render(
        request,
        "advisory/initiative_history.html",
        {"initiative": initiative, "entries": initiative_timeline(initiative)},
    )


@permission_required("advisory.view_retention_runs")
def retention_runs(request: HttpRequest) -> HttpResponse:
    labels = privacy.retention_labels()
    runs = [
        (run, [(labels.get(key, key), value) for key, value in run.counts.items()])
        for run in RetentionRun.objects.all()[:50]
    ]
    return render(
        request,
        "advisory/retention_runs.html",
        {
            "runs": runs,
            "days": privacy.retention_days(),
            "cutoff": privacy.retention_cutoff(timezone.localdate()),
        },
    )
