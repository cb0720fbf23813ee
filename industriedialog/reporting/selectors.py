"""Reads of the reporting module. ``project_figures`` is the one place that turns targets,
computed and manual values into the figures the dashboard shows and an issued report freezes,
so both always agree."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import indicators
from .cache import cached_figure
from .models import BoardMeeting, Decision, Indicator, ManualValue, Period, Project, Report, Task

ACHIEVED = "achieved"
OPEN = "open"
NO_TARGET = "no_target"
NO_VALUE = "no_value"
UNAVAILABLE = "unavailable"


def status_label(status: str) -> str:
    return str(
        {
            ACHIEVED: _("erreicht"),
            OPEN: _("offen"),
            NO_TARGET: _("kein Zielwert"),
            NO_VALUE: _("kein Wert erfasst"),
            UNAVAILABLE: _("Modul noch nicht verfügbar"),
        }[status]
    )


def current_project() -> Project | None:
    today = timezone.localdate()
    return (
        Project.objects.filter(starts_on__lte=today, ends_on__gte=today)
        .order_by("-starts_on")
        .first()
        or Project.objects.order_by("-starts_on").first()
    )


def periods_of(project: Project) -> list[Period]:
    return list(project.periods.all())


def _number(value: Decimal | float | int | None) -> float | int | None:
    if value is None:
        return None
    number = float(value)
    return int(number) if number.is_integer() else round(number, 2)


def _computed(key: str, period: Period) -> tuple[Any, bool]:
    """(value, available) of a computed indicator, cached per period and data version."""
    if key not in indicators.COMPUTATIONS:
        return None, False

    def compute() -> tuple[Any, bool]:
        try:
            return _number(indicators.compute(key, period.starts_on, period.ends_on)), True
        except indicators.ModuleUnavailable:
            return None, False

    return tuple(cached_figure(key, period.starts_on, period.ends_on, compute))  # type: ignore[return-value]


def figure_status(actual: Any, target: Any, available: bool) -> str:
    if not available:
        return UNAVAILABLE
    if actual is None:
        return NO_VALUE
    if target is None:
        return NO_TARGET
    return ACHIEVED if actual >= target else OPEN


def project_figures(project: Project, periods: list[Period] | None = None) -> dict[str, Any]:
    """Every indicator of every task with target, actual and status per period, as plain
    JSON-serialisable data (the report snapshot stores exactly this)."""
    periods = periods if periods is not None else periods_of(project)
    period_ids = [p.pk for p in periods]
    tasks = Task.objects.filter(project=project).prefetch_related(
        Prefetch(
            "indicators",
            queryset=Indicator.objects.prefetch_related("targets").order_by("position", "id"),
        )
    )
    manual = {
        (m.indicator_id, m.period_id): m
        for m in ManualValue.objects.filter(
            indicator__task__project=project, period_id__in=period_ids
        )
    }
    result_tasks = []
    for task in tasks:
        rows = []
        for indicator in task.indicators.all():
            targets = {t.period_id: t.value for t in indicator.targets.all()}
            computation = indicators.COMPUTATIONS.get(indicator.computation)
            values: dict[str, dict[str, Any]] = {}
            for period in periods:
                note = ""
                if indicator.is_manual:
                    entry = manual.get((indicator.pk, period.pk))
                    actual, available = (_number(entry.value), True) if entry else (None, True)
                    note = entry.note if entry else ""
                else:
                    actual, available = _computed(indicator.computation, period)
                target = _number(targets.get(period.pk))
                values[str(period.pk)] = {
                    "target": target,
                    "actual": actual,
                    "status": figure_status(actual, target, available),
                    "note": note,
                }
            rows.append(
                {
                    "id": indicator.pk,
                    "name": indicator.name,
                    "unit": indicator.unit or (str(computation.unit) if computation else ""),
                    "description": indicator.description,
                    "computation": indicator.computation,
                    "is_manual": indicator.is_manual,
                    "values": values,
                }
            )
        result_tasks.append(
            {
                "id": task.pk,
                "number": task.number,
                "title": task.title,
                "description": task.description,
                "indicators": rows,
            }
        )
    return {
        "project": {
            "name": project.name,
            "client": project.client,
            "reference": project.reference,
            "starts_on": project.starts_on.isoformat(),
            "ends_on": project.ends_on.isoformat(),
        },
        "periods": [
            {
                "id": p.pk,
                "label": p.label,
                "starts_on": p.starts_on.isoformat(),
                "ends_on": p.ends_on.isoformat(),
                "is_whole_term": p.is_whole_term,
            }
            for p in periods
        ],
        "tasks": result_tasks,
    }


def figures_for_period(figures: dict[str, Any], period_id: int) -> list[dict[str, Any]]:
    """Tasks with each indicator's figure in one period and its series over the periods
    that are not the whole term (for the trend chart)."""
    key = str(period_id)
    series_periods = [p for p in figures["periods"] if not p["is_whole_term"]]
    tasks = []
    for task in figures["tasks"]:
        rows = []
        for row in task["indicators"]:
            rows.append(
                {
                    **row,
                    **row["values"][key],
                    "status_label": status_label(row["values"][key]["status"]),
                    "series": [
                        {"label": p["label"], **row["values"][str(p["id"])]} for p in series_periods
                    ],
                }
            )
        tasks.append({**task, "indicators": rows})
    return tasks


def status_counts(tasks: list[dict[str, Any]]) -> dict[str, int]:
    counts = {ACHIEVED: 0, OPEN: 0, NO_TARGET: 0, NO_VALUE: 0, UNAVAILABLE: 0}
    for task in tasks:
        for row in task["indicators"]:
            counts[row["status"]] += 1
    return counts


def reached_by_region(start: datetime.date, end: datetime.date) -> dict[str, Any]:
    """Reached initiatives counted per covered district (AGS) and per state (code)."""

    def compute() -> dict[str, Any]:
        from industriedialog.registry.models import Initiative

        try:
            ids = list(indicators.reached_ids(start, end))
        except indicators.ModuleUnavailable:
            return {"available": False, "total": 0, "districts": {}, "states": []}
        districts = dict(
            Initiative.districts.through.objects.filter(initiative_id__in=ids)
            .values_list("district__ags")
            .annotate(n=Count("initiative_id", distinct=True))
        )
        states = list(
            Initiative.states.through.objects.filter(initiative_id__in=ids)
            .values_list("state__code", "state__name")
            .annotate(n=Count("initiative_id", distinct=True))
            .order_by("state__name")
        )
        return {
            "available": True,
            "total": len(ids),
            "districts": districts,
            "states": [{"code": c, "name": name, "count": n} for c, name, n in states],
        }

    return cached_figure("reached_by_region", start, end, compute)  # type: ignore[no-any-return]


def reached_districts_by_state(districts: dict[str, int]) -> list[dict[str, Any]]:
    """The keyboard alternative to the map: districts with reached initiatives by state."""
    from industriedialog.regions.models import District

    rows = (
        District.objects.current()
        .filter(ags__in=list(districts))
        .select_related("state")
        .order_by("state__name", "name")
    )
    grouped: dict[str, dict[str, Any]] = {}
    for district in rows:
        group = grouped.setdefault(
            district.state.code,
            {"code": district.state.code, "name": district.state.name, "districts": []},
        )
        group["districts"].append(
            {"ags": district.ags, "name": district.name, "count": districts[district.ags]}
        )
    return list(grouped.values())


def indicators_of(project: Project) -> QuerySet[Indicator]:
    return Indicator.objects.filter(task__project=project).select_related("task")


def reports_for(user: Any, project: Project) -> QuerySet[Report]:
    from industriedialog.accounts.permissions import can

    reports = Report.objects.filter(project=project).select_related("period", "issued_by")
    if can(user, "reporting.manage_reports"):
        return reports
    return reports.filter(status=Report.Status.ISSUED)


def board_meetings() -> QuerySet[BoardMeeting]:
    return BoardMeeting.objects.annotate(
        decision_count=Count("decisions", distinct=True),
        document_count=Count("documents", distinct=True),
    ).order_by("-held_on")


def decisions_open() -> QuerySet[Decision]:
    return (
        Decision.objects.exclude(status=Decision.Status.DONE)
        .select_related("meeting", "owner")
        .order_by("due_on", "id")
    )


def reporting_staff_tasks(user: Any) -> list[Any]:
    """Staff dashboard: overdue follow-ups of advisory board decisions."""
    from django.urls import reverse

    from industriedialog.accounts.permissions import can
    from industriedialog.registry.selectors import StaffTask

    if not can(user, "reporting.manage_board"):
        return []
    overdue = decisions_open().filter(due_on__lt=timezone.localdate()).count()
    return [
        StaffTask(
            key="board_decisions",
            label=_("Überfällige Beschlüsse des Fachbeirats"),
            count=overdue,
            url=reverse("reporting:board"),
        )
    ]
