"""Reporting pages under /intern/berichte/ and the advisory board under /intern/fachbeirat/:
staff read and write; the ministry and the advisory board read (writes answer 403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from industriedialog.accounts.permissions import can, permission_required, require
from industriedialog.regions.selectors import district_shapes_url

from . import charts, selectors, services
from .forms import (
    AgendaItemForm,
    BoardDocumentForm,
    BoardMemberForm,
    DecisionForm,
    IndicatorForm,
    ManualValueForm,
    MeetingForm,
    PeriodForm,
    ReportForm,
    ReportTextsForm,
    TargetsForm,
    TaskForm,
)
from .models import (
    BoardDocument,
    BoardMeeting,
    BoardMember,
    Decision,
    Indicator,
    ManualValue,
    Project,
    Report,
    Task,
)
from .rendering import report_context

VIEW = "reporting.view_dashboard"
MANAGE = "reporting.manage_indicators"
VIEW_REPORTS = "reporting.view_reports"
MANAGE_REPORTS = "reporting.manage_reports"
VIEW_BOARD = "reporting.view_board"
MANAGE_BOARD = "reporting.manage_board"


def _project() -> Project:
    project = selectors.current_project()
    if project is None:
        raise Http404(_("Es ist noch kein Projekt angelegt (manage.py load_demo_reporting)."))
    return project


def _apply_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _form_page(
    request: HttpRequest, form: Any, *, title: str, section: str, cancel_url: str
) -> HttpResponse:
    return render(
        request,
        "reporting/form_page.html",
        {"form": form, "title": title, "section": section, "cancel_url": cancel_url},
        status=400 if form.errors else 200,
    )


def _file(field: Any) -> FileResponse:
    if not field:
        raise Http404
    return FileResponse(
        field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1]
    )


# --- Dashboard ------------------------------------------------------------------------------


@permission_required(VIEW)
def dashboard(request: HttpRequest) -> HttpResponse:
    project = _project()
    periods = selectors.periods_of(project)
    form = PeriodForm(request.GET or None, project=project)
    period = form.cleaned_data.get("zeitraum") if form.is_valid() else None
    if period is None:
        today = timezone.localdate()
        period = next(
            (p for p in periods if p.starts_on <= today <= p.ends_on and not p.is_whole_term),
            next((p for p in periods if p.is_whole_term), periods[0] if periods else None),
        )
    if period is None:
        raise Http404(_("Das Projekt hat noch keinen Berichtszeitraum."))
    form = PeriodForm(initial={"zeitraum": period.pk}, project=project)
    figures = selectors.project_figures(project, periods)
    tasks = selectors.figures_for_period(figures, period.pk)
    for task in tasks:
        for row in task["indicators"]:
            row["actual_text"] = charts.format_number(row["actual"])
            row["target_text"] = charts.format_number(row["target"])
            row["chart"] = (
                charts.bar_chart_svg(f"chart-{row['id']}", row["name"], row["series"])
                if row["status"] != selectors.UNAVAILABLE and len(row["series"]) > 1
                else ""
            )
            for point in row["series"]:
                point["actual_text"] = charts.format_number(point["actual"])
                point["target_text"] = charts.format_number(point["target"])
    reached = selectors.reached_by_region(period.starts_on, period.ends_on)
    return render(
        request,
        "reporting/dashboard.html",
        {
            "project": project,
            "period": period,
            "form": form,
            "tasks": tasks,
            "counts": selectors.status_counts(tasks),
            "reached": reached,
            "reached_list": selectors.reached_districts_by_state(reached["districts"]),
            "shapes_url": district_shapes_url(),
            "can_manage": can(request.user, MANAGE),
        },
    )


# --- Indicators and targets -------------------------------------------------------------------


@permission_required(VIEW)
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("task__project"), pk=pk)
    require(request.user, VIEW, indicator)
    return _indicator_page(request, indicator)


def _indicator_page(
    request: HttpRequest,
    indicator: Indicator,
    targets_form: TargetsForm | None = None,
    manual_form: ManualValueForm | None = None,
) -> HttpResponse:
    figures = selectors.project_figures(indicator.task.project)
    row = next(r for t in figures["tasks"] for r in t["indicators"] if r["id"] == indicator.pk)
    values = []
    for p in figures["periods"]:
        value = row["values"][str(p["id"])]
        values.append(
            {
                "period": p,
                **value,
                "status_label": selectors.status_label(value["status"]),
                "actual_text": charts.format_number(value["actual"]),
                "target_text": charts.format_number(value["target"]),
            }
        )
    manage = can(request.user, MANAGE, indicator)
    if manage:
        targets_form = targets_form or TargetsForm(indicator=indicator)
        if indicator.is_manual:
            manual_form = manual_form or ManualValueForm(indicator=indicator)
    has_errors = bool(
        (targets_form and targets_form.errors) or (manual_form and manual_form.errors)
    )
    return render(
        request,
        "reporting/indicator_detail.html",
        {
            "indicator": indicator,
            "row": row,
            "values": values,
            "manual_values": indicator.manual_values.select_related("period", "recorded_by"),
            "can_manage": manage,
            "targets_form": targets_form,
            "manual_form": manual_form,
        },
        status=400 if has_errors else 200,
    )


@permission_required(MANAGE)
def indicator_create(request: HttpRequest) -> HttpResponse:
    return _indicator_form(request, None)


@permission_required(MANAGE)
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator, pk=pk)
    require(request.user, MANAGE, indicator)
    return _indicator_form(request, indicator)


def _indicator_form(request: HttpRequest, indicator: Indicator | None) -> HttpResponse:
    project = indicator.task.project if indicator else _project()
    form = IndicatorForm(request.POST or None, instance=indicator, project=project)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            saved = services.indicator_save(
                actor=request.user,
                indicator=Indicator.objects.get(pk=indicator.pk) if indicator else None,
                **data,
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Die Kennzahl wurde gespeichert."))
            return redirect(saved.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("%(name)s bearbeiten") % {"name": indicator.name}
        if indicator
        else _("Neue Kennzahl"),
        section="dashboard",
        cancel_url=indicator.get_absolute_url() if indicator else reverse("reporting:dashboard"),
    )


@permission_required(MANAGE)
@require_POST
def targets_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("task__project"), pk=pk)
    require(request.user, MANAGE, indicator)
    form = TargetsForm(request.POST, indicator=indicator)
    if form.is_valid():
        services.targets_set(indicator=indicator, actor=request.user, values=form.values())
        messages.success(request, _("Die Zielwerte wurden gespeichert."))
        return redirect(indicator.get_absolute_url())
    return _indicator_page(request, indicator, targets_form=form)


@permission_required(MANAGE)
@require_POST
def manual_value_add(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(Indicator.objects.select_related("task__project"), pk=pk)
    require(request.user, MANAGE, indicator)
    form = ManualValueForm(request.POST, request.FILES, indicator=indicator)
    if form.is_valid():
        try:
            services.manual_value_set(indicator=indicator, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Der Wert wurde gespeichert."))
            return redirect(indicator.get_absolute_url())
    return _indicator_page(request, indicator, manual_form=form)


@permission_required(VIEW)
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    entry = get_object_or_404(ManualValue.objects.select_related("indicator"), pk=pk)
    require(request.user, VIEW, entry.indicator)
    return _file(entry.evidence)


@permission_required(MANAGE)
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    require(request.user, MANAGE, task)
    form = TaskForm(request.POST or None, instance=task)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_update(
                task=Task.objects.get(pk=task.pk), actor=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Die Teilaufgabe wurde gespeichert."))
            return redirect("reporting:dashboard")
    return _form_page(
        request,
        form,
        title=_("Teilaufgabe %(number)s bearbeiten") % {"number": task.number},
        section="dashboard",
        cancel_url=reverse("reporting:dashboard"),
    )


# --- Reports --------------------------------------------------------------------------------


@permission_required(VIEW_REPORTS)
def report_list(request: HttpRequest) -> HttpResponse:
    project = _project()
    manage = can(request.user, MANAGE_REPORTS)
    form = ReportForm(request.POST or None, project=project) if manage else None
    if request.method == "POST":
        require(request.user, MANAGE_REPORTS)
        if form is not None and form.is_valid():
            try:
                report = services.report_create(
                    project=project, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                _apply_errors(form, exc)
            else:
                messages.success(request, _("Der Berichtsentwurf wurde angelegt."))
                return redirect(report.get_absolute_url())
    return render(
        request,
        "reporting/report_list.html",
        {
            "project": project,
            "reports": selectors.reports_for(request.user, project),
            "form": form,
        },
        status=400 if form is not None and form.errors else 200,
    )


def _report(request: HttpRequest, pk: int, action: str = "reporting.view_report") -> Report:
    report = get_object_or_404(Report.objects.select_related("project", "period"), pk=pk)
    require(request.user, action, report)
    return report


@permission_required(VIEW_REPORTS)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    manage = can(request.user, MANAGE_REPORTS, report)
    texts_form = None
    if manage and not report.is_frozen:
        texts_form = ReportTextsForm(request.POST or None, report=report)
        if request.method == "POST" and texts_form.is_valid():
            try:
                services.report_update_texts(
                    report=report, actor=request.user, texts=texts_form.cleaned_data
                )
            except ValidationError as exc:
                _apply_errors(texts_form, exc)
            else:
                messages.success(request, _("Die Texte wurden gespeichert."))
                return redirect(report.get_absolute_url())
    elif request.method == "POST":
        require(request.user, MANAGE_REPORTS, report)
        messages.error(request, _("Ein ausgestellter Bericht kann nicht mehr geändert werden."))
        return redirect(report.get_absolute_url())
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "texts_form": texts_form,
            "can_manage": manage,
            **report_context(services.report_content(report)),
        },
    )


@permission_required(MANAGE_REPORTS)
@require_POST
def report_issue(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk, MANAGE_REPORTS)
    try:
        report = services.report_issue(report=report, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        report.refresh_from_db()
        if report.status == Report.Status.ISSUED:
            messages.success(request, _("Der Bericht ist ausgestellt; PDF und DOCX liegen bereit."))
        elif report.status == Report.Status.FAILED:
            messages.error(request, _("Die Berichtsdateien konnten nicht erzeugt werden."))
        else:
            messages.info(request, _("Der Bericht ist eingefroren; PDF und DOCX werden erzeugt."))
    return redirect(report.get_absolute_url())


@permission_required(VIEW_REPORTS)
def report_status(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx partial polled while the files are being rendered."""
    report = _report(request, pk)
    return render(request, "reporting/includes/report_status.html", {"report": report})


@permission_required(VIEW_REPORTS)
def report_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    report = _report(request, pk)
    if report.status != Report.Status.ISSUED or fmt not in {"pdf", "docx"}:
        raise Http404
    return _file(report.pdf if fmt == "pdf" else report.docx)


# --- Advisory board -----------------------------------------------------------------------


@permission_required(VIEW_BOARD)
def board(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "reporting/board.html",
        {
            "members": BoardMember.objects.all(),
            "meetings": selectors.board_meetings(),
            "decisions": selectors.decisions_open(),
            "today": timezone.localdate(),
            "can_manage": can(request.user, MANAGE_BOARD),
        },
    )


@permission_required(MANAGE_BOARD)
def member_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    member = get_object_or_404(BoardMember, pk=pk) if pk else None
    require(request.user, MANAGE_BOARD, member)
    form = BoardMemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.board_member_save(
                actor=request.user,
                member=BoardMember.objects.get(pk=member.pk) if member else None,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Das Mitglied wurde gespeichert."))
            return redirect("reporting:board")
    return _form_page(
        request,
        form,
        title=member.name if member else _("Neues Mitglied des Fachbeirats"),
        section="board",
        cancel_url=reverse("reporting:board"),
    )


@permission_required(MANAGE_BOARD)
def meeting_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    meeting = get_object_or_404(BoardMeeting, pk=pk) if pk else None
    require(request.user, MANAGE_BOARD, meeting)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        attendees = list(data.pop("attendees"))
        try:
            saved = services.meeting_save(
                actor=request.user,
                meeting=BoardMeeting.objects.get(pk=meeting.pk) if meeting else None,
                attendees=attendees,
                **data,
            )
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Die Sitzung wurde gespeichert."))
            return redirect(saved.get_absolute_url())
    return _form_page(
        request,
        form,
        title=meeting.title if meeting else _("Neue Sitzung des Fachbeirats"),
        section="board",
        cancel_url=meeting.get_absolute_url() if meeting else reverse("reporting:board"),
    )


@permission_required(VIEW_BOARD)
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(
        BoardMeeting.objects.prefetch_related(
            "attendees",
            "agenda",
            "documents",
            Prefetch("decisions", queryset=Decision.objects.select_related("owner")),
        ),
        pk=pk,
    )
    require(request.user, VIEW_BOARD, meeting)
    manage = can(request.user, MANAGE_BOARD, meeting)
    return render(
        request,
        "reporting/meeting_detail.html",
        {
            "meeting": meeting,
            "can_manage": manage,
            "today": timezone.localdate(),
            "agenda_form": AgendaItemForm() if manage else None,
            "document_form": BoardDocumentForm() if manage else None,
            "decision_form": DecisionForm() if manage else None,
        },
    )


def _meeting_for_write(request: HttpRequest, pk: int) -> BoardMeeting:
    meeting = get_object_or_404(BoardMeeting, pk=pk)
    require(request.user, MANAGE_BOARD, meeting)
    return meeting


def _form_error_message(form: Any) -> str:
    return " ".join(
        f"{form.fields[name].label}: {' '.join(errors)}"
        if name in form.fields
        else " ".join(errors)
        for name, errors in form.errors.items()
    )


@permission_required(MANAGE_BOARD)
@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_write(request, pk)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        services.agenda_item_add(meeting=meeting, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Der Tagesordnungspunkt wurde eingetragen."))
    else:
        messages.error(request, _form_error_message(form))
    return redirect(meeting.get_absolute_url() + "#tagesordnung")


@permission_required(MANAGE_BOARD)
@require_POST
def document_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_write(request, pk)
    form = BoardDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.board_document_add(meeting=meeting, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Die Unterlage wurde gespeichert."))
    else:
        messages.error(request, _form_error_message(form))
    return redirect(meeting.get_absolute_url() + "#unterlagen")


@permission_required(VIEW_BOARD)
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(BoardDocument.objects.select_related("meeting"), pk=pk)
    require(request.user, VIEW_BOARD, document.meeting)
    return _file(document.file)


@permission_required(MANAGE_BOARD)
@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_write(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        services.decision_save(actor=request.user, meeting=meeting, **form.cleaned_data)
        messages.success(request, _("Der Beschluss wurde eingetragen."))
    else:
        messages.error(request, _form_error_message(form))
    return redirect(meeting.get_absolute_url() + "#beschluesse")


@permission_required(MANAGE_BOARD)
def decision_edit(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision.objects.select_related("meeting"), pk=pk)
    require(request.user, MANAGE_BOARD, decision.meeting)
    form = DecisionForm(request.POST or None, instance=decision)
    if request.method == "POST" and form.is_valid():
        services.decision_save(
            actor=request.user, decision=Decision.objects.get(pk=decision.pk), **form.cleaned_data
        )
        messages.success(request, _("Der Beschluss wurde gespeichert."))
        return redirect(decision.meeting.get_absolute_url() + "#beschluesse")
    return _form_page(
        request,
        form,
        title=_("Beschluss bearbeiten"),
        section="board",
        cancel_url=decision.meeting.get_absolute_url() + "#beschluesse",
    )
