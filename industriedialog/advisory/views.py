"""Founding pipeline pages (staff only): board, list, case, and the "gegründet" action."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import permission_required, require
from industriedialog.regions.models import District

from . import selectors, services
from .filters import FoundingCaseFilter
from .forms import (
    DocumentForm,
    FoundForm,
    FoundingCaseForm,
    MoveForm,
    PartnerForm,
    PartnerResponseForm,
    StepForm,
)
from .models import FoundingCase, FoundingDocument, FoundingPartner, FoundingStep, Stage

VIEW = "advisory.view_founding_cases"
MANAGE = "advisory.manage_founding_cases"


def _case(request: HttpRequest, pk: int, action: str = VIEW) -> FoundingCase:
    case = get_object_or_404(FoundingCase, pk=pk)
    require(request.user, action, case)
    return case


def _form_errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@permission_required(VIEW)
def case_board(request: HttpRequest) -> HttpResponse:
    filterset = FoundingCaseFilter(
        request.GET or None, queryset=selectors.founding_cases_annotated()
    )
    return render(
        request,
        "advisory/case_board.html",
        {
            "filter": filterset,
            "columns": selectors.founding_board(filterset.qs),
            "move_stages": MoveForm().fields["stage"].choices,  # type: ignore[attr-defined]
            "today": timezone.localdate(),
        },
    )


@permission_required(VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    filterset = FoundingCaseFilter(
        request.GET or None, queryset=selectors.founding_cases_annotated()
    )
    return render(
        request,
        "advisory/case_list.html",
        {"filter": filterset, "cases": filterset.qs.order_by("next_due_on", "name")},
    )


@permission_required(MANAGE)
def case_create(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {"owner": request.user}
    ags = request.GET.get("kreis", "")
    district = District.objects.current().filter(ags=ags).first() if ags else None
    if district is not None:
        initial["districts"] = [district]
        initial["name"] = _("Industrieinitiative %(name)s") % {"name": district.name}
    form = FoundingCaseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        districts = list(data.pop("districts"))
        try:
            case = services.founding_case_create(actor=request.user, districts=districts, **data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Der Gründungsfall wurde angelegt."))
            return redirect(case.get_absolute_url())
    return render(request, "advisory/case_form.html", {"form": form, "case": None})


@permission_required(MANAGE)
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.change_founding_case")
    form = FoundingCaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.changed_data}
        districts = list(data.pop("districts")) if "districts" in data else None
        try:
            services.founding_case_update(
                case=FoundingCase.objects.get(pk=case.pk),
                actor=request.user,
                districts=districts,
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Die Änderungen wurden gespeichert."))
            return redirect(case.get_absolute_url())
    return render(request, "advisory/case_form.html", {"form": form, "case": case})


@permission_required(VIEW)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(
        FoundingCase.objects.select_related("owner", "initiative").prefetch_related(
            "districts__state", "partners__organisation", "steps__owner", "documents"
        ),
        pk=pk,
    )
    require(request.user, VIEW, case)
    return render(
        request,
        "advisory/case_detail.html",
        {
            "case": case,
            "move_form": MoveForm(initial={"stage": case.stage}),
            "step_form": StepForm(initial={"owner": case.owner}),
            "partner_form": PartnerForm(),
            "document_form": DocumentForm(),
            "found_form": FoundForm(
                initial={"name": case.name, "founded_on": timezone.localdate()}
            ),
            "stages": Stage,
            "today": timezone.localdate(),
            "response_choices": PartnerResponseForm().fields["response"].choices,  # type: ignore[attr-defined]
        },
    )


def _back(request: HttpRequest, case: FoundingCase) -> HttpResponse:
    target = request.POST.get("next", "")
    if target == "board":
        return redirect("advisory:case_board")
    return redirect(case.get_absolute_url())


@permission_required(MANAGE)
@require_POST
def case_move(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.change_founding_case")
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte eine gültige Phase wählen."))
        return _back(request, case)
    try:
        services.founding_case_move(case=case, stage=form.cleaned_data["stage"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, _form_errors(exc))
    else:
        messages.success(
            request,
            _("„%(name)s“ steht jetzt in der Phase „%(stage)s“.")
            % {"name": case.name, "stage": case.get_stage_display()},
        )
    return _back(request, case)


@permission_required(MANAGE)
@require_POST
def case_found(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.found_initiative")
    form = FoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte Name und Gründungsdatum angeben."))
        return redirect(case.get_absolute_url())
    try:
        initiative = services.founding_case_found(
            case=case,
            actor=request.user,
            name=form.cleaned_data["name"],
            founded_on=form.cleaned_data["founded_on"],
        )
    except ValidationError as exc:
        messages.error(request, _form_errors(exc))
        return redirect(case.get_absolute_url())
    messages.success(
        request,
        _("„%(name)s“ ist gegründet und steht jetzt im Verzeichnis.") % {"name": initiative.name},
    )
    return redirect(case.get_absolute_url())


@permission_required(MANAGE)
@require_POST
def step_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.change_founding_case")
    form = StepForm(request.POST)
    if form.is_valid():
        services.founding_step_add(case=case, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Der Schritt wurde eingetragen."))
    else:
        messages.error(
            request, _("Schritt nicht eingetragen: bitte Titel und ein gültiges Datum angeben.")
        )
    return redirect(case.get_absolute_url())


@permission_required(MANAGE)
@require_POST
def step_done(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(FoundingStep.objects.select_related("case"), pk=pk)
    require(request.user, "advisory.change_founding_case", step.case)
    services.founding_step_complete(step=step, actor=request.user)
    messages.success(request, _("„%(title)s“ ist erledigt.") % {"title": step.title})
    return redirect(step.case.get_absolute_url())


@permission_required(MANAGE)
@require_POST
def partner_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.change_founding_case")
    form = PartnerForm(request.POST)
    if form.is_valid():
        services.founding_partner_add(case=case, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Der Partner wurde eingetragen."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(case.get_absolute_url() + "#partner")


@permission_required(MANAGE)
@require_POST
def partner_respond(request: HttpRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(FoundingPartner.objects.select_related("case"), pk=pk)
    require(request.user, "advisory.change_founding_case", partner.case)
    form = PartnerResponseForm(request.POST)
    if form.is_valid():
        services.founding_partner_respond(
            partner=partner, response=form.cleaned_data["response"], actor=request.user
        )
    return redirect(partner.case.get_absolute_url() + "#partner")


@permission_required(MANAGE)
@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk, "advisory.change_founding_case")
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.founding_document_add(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, _form_errors(exc))
        else:
            messages.success(request, _("Das Dokument wurde gespeichert."))
    else:
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
    return redirect(case.get_absolute_url() + "#dokumente")


@permission_required(VIEW)
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(FoundingDocument.objects.select_related("case"), pk=pk)
    require(request.user, VIEW, document.case)
    if not document.file:
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.file.name.rsplit("/", 1)[-1]
    )
