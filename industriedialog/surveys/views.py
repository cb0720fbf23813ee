"""Staff views: the survey builder, invitations and reminders, results and exports (results
also read-only for the ministry when shared). Thin: permission, form, service or selector."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require

from . import exports, selectors, services
from .forms import (
    InvitationForm,
    QuestionForm,
    RegistryInvitationForm,
    ResultsFilterForm,
    SurveyForm,
)
from .models import Question, Survey
from .questions import Kind
from .views_respond import survey_preview


def _survey(request: HttpRequest, pk: int, action: str = "surveys.change_survey") -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("current_version"), pk=pk)
    require(request.user, action, survey)
    return survey


def _form_error(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@permission_required("surveys.manage_surveys")
def staff_survey_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "surveys/staff_survey_list.html", {"surveys": selectors.surveys_for_staff()}
    )


@permission_required("surveys.manage_surveys")
def staff_survey_create(request: HttpRequest) -> HttpResponse:
    form = SurveyForm(request.POST or None, initial={"mode": Survey.Mode.PUBLIC})
    if request.method == "POST" and form.is_valid():
        try:
            survey = services.survey_create(actor=request.user, **form.service_data())
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Die Umfrage wurde angelegt. Jetzt Fragen hinzufügen."))
            return redirect("surveys:staff_survey_edit", pk=survey.pk)
    return render(request, "surveys/staff_survey_form.html", {"form": form, "survey": None})


@permission_required("surveys.manage_surveys")
def staff_survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(survey))
    if request.method == "POST" and form.is_valid():
        try:
            services.survey_update(survey=survey, actor=request.user, **form.service_data())
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Die Einstellungen wurden gespeichert."))
            return redirect("surveys:staff_survey_edit", pk=pk)
    questions = list(survey.questions.all())
    pages: dict[int, list[Question]] = {}
    for question in questions:
        pages.setdefault(question.page, []).append(question)
    return render(
        request,
        "surveys/staff_survey_form.html",
        {
            "form": form,
            "survey": survey,
            "pages": sorted(pages.items()),
            "rate": selectors.response_rate(survey),
            "public_url": request.build_absolute_uri(survey_public_path(survey)),
        },
    )


def survey_public_path(survey: Survey) -> str:
    from django.urls import reverse

    return reverse("surveys:respond_start", kwargs={"slug": survey.slug})


@permission_required("surveys.manage_surveys")
def staff_question_edit(
    request: HttpRequest, pk: int, question_pk: int | None = None
) -> HttpResponse:
    survey = _survey(request, pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey) if question_pk else None
    form = QuestionForm(request.POST or None, survey=survey, question=question)
    if request.method == "POST" and request.POST.get("action") == "delete" and question:
        try:
            services.question_delete(question=question, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("surveys:staff_question_edit", pk=pk, question_pk=question.pk)
        messages.success(request, _("Die Frage wurde gelöscht."))
        return redirect("surveys:staff_survey_edit", pk=pk)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.question_save(
                survey=survey, actor=request.user, question=question, data=form.service_data()
            )
        except ValidationError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Frage %(key)s wurde gespeichert.") % {"key": saved.key})
            if request.POST.get("action") == "another":
                return redirect("surveys:staff_question_create", pk=pk)
            return redirect("surveys:staff_survey_edit", pk=pk)
    return render(
        request,
        "surveys/staff_question_form.html",
        {"form": form, "survey": survey, "question": question, "kinds": Kind},
    )


@require_POST
@permission_required("surveys.manage_surveys")
def staff_question_move(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    question = get_object_or_404(Question, pk=question_pk, survey=survey)
    services.question_move(
        question=question, actor=request.user, offset=-1 if request.POST.get("up") else 1
    )
    return redirect("surveys:staff_survey_edit", pk=pk)


@require_POST
@permission_required("surveys.manage_surveys")
def staff_survey_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Publish, close, reopen or duplicate."""
    survey = _survey(request, pk)
    try:
        if action == "publish":
            version = services.survey_publish(survey=survey, actor=request.user)
            messages.success(
                request,
                _(
                    "Veröffentlicht (Fassung %(number)s). Bisherige Antworten bleiben ihrer "
                    "Fassung zugeordnet."
                )
                % {"number": version.number},
            )
        elif action == "close":
            services.survey_close(survey=survey, actor=request.user)
            messages.success(request, _("Die Umfrage ist geschlossen."))
        elif action == "reopen":
            services.survey_reopen(survey=survey, actor=request.user)
            messages.success(request, _("Die Umfrage ist wieder geöffnet."))
        elif action == "duplicate":
            copy = services.survey_duplicate(survey=survey, actor=request.user)
            messages.success(request, _("Die Kopie ist als Entwurf angelegt."))
            return redirect("surveys:staff_survey_edit", pk=copy.pk)
        else:
            return HttpResponse(status=404)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("surveys:staff_survey_edit", pk=pk)


@permission_required("surveys.manage_surveys")
def staff_preview(request: HttpRequest, pk: int) -> HttpResponse:
    return survey_preview(request, _survey(request, pk))


@permission_required("surveys.manage_surveys")
def staff_invitations(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk, "surveys.invite")
    action = request.POST.get("action")
    address_form = InvitationForm(request.POST if action == "addresses" else None)
    registry_form = RegistryInvitationForm(request.POST if action == "registry" else None)
    if request.method == "POST":
        try:
            if action == "addresses" and address_form.is_valid():
                try:
                    lines = services.invitation_lines_parse(address_form.cleaned_data["addresses"])
                except ValidationError as error:
                    address_form.add_error("addresses", error)
                else:
                    created = services.invitations_add(
                        survey=survey,
                        actor=request.user,
                        entries=[
                            {
                                "email": e,
                                "name": n,
                                "language": address_form.cleaned_data["language"],
                            }
                            for e, n in lines
                        ],
                    )
                    messages.success(
                        request, _("%(n)s Adresse(n) hinzugefügt.") % {"n": len(created)}
                    )
                    return redirect("surveys:staff_invitations", pk=pk)
            elif action == "registry" and registry_form.is_valid():
                created = services.invitations_add_from_registry(
                    survey=survey,
                    actor=request.user,
                    state_codes=registry_form.cleaned_data["states"],
                    organisation_kinds=registry_form.cleaned_data["kinds"],
                )
                messages.success(
                    request,
                    _("%(n)s Ansprechperson(en) aus dem Verzeichnis hinzugefügt.")
                    % {"n": len(created)},
                )
                return redirect("surveys:staff_invitations", pk=pk)
            elif action == "send":
                count = services.invitations_send(survey=survey, actor=request.user)
                messages.success(request, _("%(n)s Einladung(en) werden versandt.") % {"n": count})
                return redirect("surveys:staff_invitations", pk=pk)
            elif action == "remind":
                count = len(services.reminders_schedule(survey=survey, actor=request.user))
                messages.success(request, _("%(n)s Erinnerung(en) werden versandt.") % {"n": count})
                return redirect("surveys:staff_invitations", pk=pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("surveys:staff_invitations", pk=pk)
    return render(
        request,
        "surveys/staff_invitations.html",
        {
            "survey": survey,
            "invitations": selectors.invitations_of(survey),
            "rate": selectors.response_rate(survey),
            "address_form": address_form,
            "registry_form": registry_form,
        },
    )


@permission_required("surveys.manage_surveys")
def staff_response_rate(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx: the live response rate, polled by the invitations page."""
    survey = _survey(request, pk)
    return render(
        request,
        "surveys/includes/response_rate.html",
        {"survey": survey, "rate": selectors.response_rate(survey)},
    )


# Results (staff, and the ministry for shared surveys) ---------------------------------------


def results_list(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not (
        can(request.user, "surveys.manage_surveys")
        or can(request.user, "surveys.view_shared_results")
    ):
        require(request.user, "surveys.manage_surveys")
    return render(
        request,
        "surveys/results_list.html",
        {"surveys": selectors.surveys_for_results(request.user)},
    )


def _results_survey(request: HttpRequest, pk: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("current_version"), pk=pk)
    require(request.user, "surveys.view_results", survey)
    return survey


def results(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    survey = _results_survey(request, pk)
    questions = selectors.survey_questions(survey)
    filter_form = ResultsFilterForm(request.GET or None, questions=questions)
    filters = filter_form.filters()
    question_results = selectors.survey_results_cached(survey, filters)
    search = (request.GET.get("suche") or "").strip()
    texts = {
        r.key: selectors.text_answers(survey, r.key, search=search, filters=filters)
        for r in question_results
        if r.kind in {Kind.SHORT_TEXT, Kind.LONG_TEXT}
    }
    keys = filter_form.crosstab_keys()
    crosstab = selectors.crosstab_cached(survey, *keys, filters=filters) if keys else None
    charts = {r.key: r.chart for r in question_results if r.chart}
    from .maps import region_map

    maps = {r.key: m for r in question_results if (m := region_map(r))}
    crosstab_chart = (
        {
            "type": "stacked",
            "labels": [row["label"] for row in crosstab.rows],
            "series": [
                {"label": column["label"], "counts": [row["counts"][i] for row in crosstab.rows]}
                for i, column in enumerate(crosstab.columns)
            ],
        }
        if crosstab
        else None
    )
    return render(
        request,
        "surveys/results.html",
        {
            "survey": survey,
            "results": [(r, texts.get(r.key), maps.get(r.key)) for r in question_results],
            "has_maps": bool(maps),
            "charts": charts,
            "total": selectors.submitted_count(survey, filters),
            "filter_form": filter_form,
            "filters": filters,
            "search": search,
            "crosstab": crosstab,
            "crosstab_chart": crosstab_chart,
            "by_registry": selectors.results_by_registry(survey),
            "rate": selectors.response_rate(survey),
            "can_export": can(request.user, "surveys.export_results", survey),
            "can_edit": can(request.user, "surveys.change_survey", survey),
        },
    )


def results_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    survey = _results_survey(request, pk)
    require(request.user, "surveys.export_results", survey)
    if fmt == "csv":
        return exports.responses_csv(survey)
    if fmt == "xlsx":
        return exports.responses_xlsx(survey)
    return HttpResponse(
        _("Unbekanntes Format: %(fmt)s (erlaubt: csv, xlsx).") % {"fmt": fmt}, status=404
    )


def results_report(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The PDF report with charts: for staff, and for the ministry when the survey is shared
    with it (the same rule as the results page; filters of the page apply)."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    survey = _results_survey(request, pk)
    from .report import results_pdf

    filters = ResultsFilterForm(
        request.GET or None, questions=selectors.survey_questions(survey)
    ).filters()
    response = HttpResponse(results_pdf(survey, filters), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="umfrage-{survey.pk}-bericht.pdf"'
    return response


def initiative_results(request: HttpRequest, slug: str, initiative_slug: str) -> HttpResponse:
    """Public: the aggregated answers of one initiative's respondents, only for surveys that
    allow it, never anonymous ones, and only groups of at least MIN_GROUP_SIZE responses."""
    from industriedialog.registry.selectors import initiative_get_public

    from . import initiative_page
    from .charts import chart_svg

    initiative = initiative_get_public(initiative_slug)
    survey = initiative_page.initiative_survey_get(initiative.pk, slug)
    if survey is None:
        raise Http404
    results = initiative_page.initiative_results(survey, initiative.pk)
    return render(
        request,
        "surveys/initiative_results.html",
        {
            "survey": survey,
            "initiative": initiative,
            "total": survey.from_initiative,  # type: ignore[attr-defined]
            "sections": [(r, chart_svg(r.chart, title=r.text)) for r in results],
            "min_group_size": initiative_page.MIN_GROUP_SIZE,
        },
    )
