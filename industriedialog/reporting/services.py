"""Writes of the reporting module: targets and manual values, reports (issue = freeze),
and the advisory board. Every write is atomic, validated and, where it matters, logged."""

from __future__ import annotations

import datetime
import logging
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from industriedialog.common.models import audit_log

from .models import (
    AgendaItem,
    BoardDocument,
    BoardMeeting,
    BoardMember,
    Decision,
    Indicator,
    ManualValue,
    Period,
    Project,
    Report,
    Target,
    Task,
)

logger = logging.getLogger(__name__)


def _save(obj: Any, **fields: Any) -> Any:
    for name, value in fields.items():
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    return obj


# --- Targets and indicators ---------------------------------------------------------------


@transaction.atomic
def task_update(*, task: Task, actor: Any, title: str, description: str) -> Task:
    _save(task, title=title, description=description)
    audit_log("reporting.task_update", obj=task, actor=actor, data={"title": title})
    return task


@transaction.atomic
def indicator_save(*, actor: Any, indicator: Indicator | None = None, **fields: Any) -> Indicator:
    from . import indicators

    key = fields.get("computation", "")
    if key and key not in indicators.COMPUTATIONS:
        raise ValidationError({"computation": _("Unbekannte Berechnung.")})
    created = indicator is None
    indicator = _save(indicator or Indicator(), **fields)
    indicator.log_action(
        "reporting.indicator_create" if created else "reporting.indicator_update",
        actor=actor,
        data={"name": indicator.name, "computation": indicator.computation},
    )
    return indicator


@transaction.atomic
def targets_set(*, indicator: Indicator, actor: Any, values: dict[Period, Decimal | None]) -> None:
    """Sets (or with ``None`` removes) the target of each given period."""
    changes = {}
    for period, value in values.items():
        if period.project_id != indicator.task.project_id:
            raise ValidationError(_("Der Zeitraum gehört nicht zum Projekt der Kennzahl."))
        if value is None:
            Target.objects.filter(indicator=indicator, period=period).delete()
        else:
            target = Target.objects.filter(indicator=indicator, period=period).first()
            _save(target or Target(indicator=indicator, period=period), value=value)
        changes[period.label] = None if value is None else str(value)
    indicator.log_action("reporting.targets_set", actor=actor, data={"targets": changes})


@transaction.atomic
def manual_value_set(
    *,
    indicator: Indicator,
    period: Period,
    actor: Any,
    value: Decimal,
    note: str,
    evidence: UploadedFile | None = None,
) -> ManualValue:
    if not indicator.is_manual:
        raise ValidationError(
            _("„%(name)s“ wird aus den Daten berechnet und kann nicht eingetragen werden.")
            % {"name": indicator.name}
        )
    entry = ManualValue.objects.filter(indicator=indicator, period=period).first()
    entry = entry or ManualValue(indicator=indicator, period=period)
    if evidence is not None:
        entry.evidence = evidence
    _save(entry, value=value, note=note, recorded_by=actor)
    indicator.log_action(
        "reporting.manual_value_set",
        actor=actor,
        data={"period": period.label, "value": str(value), "note": note},
    )
    return entry


# --- Reports ---------------------------------------------------------------------------


@transaction.atomic
def report_create(*, project: Project, period: Period, kind: str, title: str, actor: Any) -> Report:
    if period.project_id != project.pk:
        raise ValidationError({"period": _("Der Zeitraum gehört nicht zu diesem Projekt.")})
    report = _save(Report(project=project), period=period, kind=kind, title=title)
    report.log_action("reporting.report_create", actor=actor, data={"title": title})
    return report


@transaction.atomic
def report_update_texts(*, report: Report, actor: Any, texts: dict[str, str]) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_frozen:
        raise ValidationError(_("Ein ausgestellter Bericht kann nicht mehr geändert werden."))
    _save(report, texts={k: v for k, v in texts.items() if v.strip()})
    report.log_action("reporting.report_texts", actor=actor)
    return report


def report_content(report: Report) -> dict[str, Any]:
    """The figures and texts of ``report`` as the print templates read them: the frozen
    snapshot of an issued report, otherwise live figures (preview)."""
    from . import selectors

    if report.snapshot:
        return report.snapshot  # type: ignore[no-any-return]
    figures = selectors.project_figures(report.project)
    reached = selectors.reached_by_region(report.period.starts_on, report.period.ends_on)
    return {
        "title": report.title,
        "kind": report.kind,
        "kind_label": str(report.get_kind_display()),
        "period_id": report.period_id,
        "period_label": report.period.label,
        "texts": report.texts,
        "figures": figures,
        "reached": {
            "total": reached["total"],
            "available": reached["available"],
            "states": reached["states"],
        },
        "frozen_at": None,
    }


@transaction.atomic
def report_issue(*, report: Report, actor: Any) -> Report:
    """Freezes the figures and queues the rendering of PDF and DOCX."""
    from .tasks import report_render_task

    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.is_frozen:
        raise ValidationError(_("Dieser Bericht ist bereits ausgestellt."))
    content = report_content(report)
    content["frozen_at"] = timezone.now().isoformat()
    _save(
        report,
        snapshot=content,
        status=Report.Status.RENDERING,
        issued_at=timezone.now(),
        issued_by=actor,
        error="",
    )
    report.log_action("reporting.report_issue", actor=actor, data={"title": report.title})
    report_render_task.enqueue(report.pk)
    return report


def report_render(*, report_id: int) -> str:
    """Renders the frozen snapshot to PDF and DOCX and stores both (task body)."""
    from .rendering import render_docx, render_pdf

    report = Report.objects.get(pk=report_id)
    if report.status != Report.Status.RENDERING or not report.snapshot:
        return str(report.status)
    name = slugify(f"{report.title}-{report.pk}") or f"bericht-{report.pk}"
    try:
        pdf = render_pdf(report.snapshot)
        docx = render_docx(report.snapshot)
    except Exception as exc:  # the status page shows it; staff may issue again
        logger.exception("Rendering report %s failed", report.pk)
        Report.objects.filter(pk=report.pk).update(
            status=Report.Status.FAILED, snapshot=None, error=str(exc)[:2000]
        )
        return str(Report.Status.FAILED)
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report_id)
        report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
        report.docx.save(f"{name}.docx", ContentFile(docx), save=False)
        report.status = Report.Status.ISSUED
        report.save(update_fields=["pdf", "docx", "status", "updated_at"])
    return str(report.status)


# --- Advisory board ------------------------------------------------------------------------


@transaction.atomic
def board_member_save(
    *, actor: Any, member: BoardMember | None = None, **fields: Any
) -> BoardMember:
    member = _save(member or BoardMember(), **fields)
    audit_log("reporting.board_member_save", obj=member, actor=actor, data={"name": member.name})
    return member


@transaction.atomic
def meeting_save(
    *,
    actor: Any,
    meeting: BoardMeeting | None = None,
    attendees: list[BoardMember] | None = None,
    **fields: Any,
) -> BoardMeeting:
    created = meeting is None
    meeting = _save(meeting or BoardMeeting(), **fields)
    if attendees is not None:
        meeting.attendees.set(attendees)
    meeting.log_action(
        "reporting.meeting_create" if created else "reporting.meeting_update",
        actor=actor,
        data={"title": meeting.title},
    )
    return meeting


@transaction.atomic
def agenda_item_add(
    *, meeting: BoardMeeting, actor: Any, title: str, presenter: str = ""
) -> AgendaItem:
    last = meeting.agenda.order_by("-position").values_list("position", flat=True).first() or 0
    item = _save(AgendaItem(meeting=meeting), position=last + 1, title=title, presenter=presenter)
    meeting.log_action("reporting.agenda_add", actor=actor, data={"title": title})
    return item


@transaction.atomic
def board_document_add(
    *, meeting: BoardMeeting, actor: Any, title: str, file: UploadedFile
) -> BoardDocument:
    document = _save(BoardDocument(meeting=meeting), title=title, file=file, uploaded_by=actor)
    meeting.log_action("reporting.document_add", actor=actor, data={"title": title})
    return document


@transaction.atomic
def decision_save(
    *,
    actor: Any,
    meeting: BoardMeeting | None = None,
    decision: Decision | None = None,
    text: str,
    owner: Any = None,
    due_on: datetime.date | None = None,
    status: str = Decision.Status.OPEN,
    follow_up: str = "",
) -> Decision:
    if decision is None:
        decision = Decision(meeting=meeting)
    decision = _save(
        decision, text=text, owner=owner, due_on=due_on, status=status, follow_up=follow_up
    )
    decision.log_action(
        "reporting.decision_save", actor=actor, data={"status": status, "text": text[:200]}
    )
    return decision
