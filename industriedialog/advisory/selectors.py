"""Reads of the founding pipeline, shared by the board, the list, the district card and the
staff dashboard."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from industriedialog.accounts.permissions import can
from industriedialog.regions.models import District

from .models import OPEN_STAGES, Consultation, FoundingCase, FoundingStep, Stage


def _overdue_steps(today: datetime.date) -> QuerySet[FoundingStep]:
    return FoundingStep.objects.open().filter(due_on__lt=today)


def founding_cases_annotated(*, today: datetime.date | None = None) -> QuerySet[FoundingCase]:
    """Cases with what a board card and a list row show, in a fixed number of queries."""
    today = today or timezone.localdate()
    return (
        FoundingCase.objects.select_related("owner", "initiative")
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.select_related("state")),
        )
        .annotate(
            next_due_on=Min("steps__due_on", filter=Q(steps__done_at__isnull=True)),
            open_step_count=Count("steps", filter=Q(steps__done_at__isnull=True), distinct=True),
            is_overdue=Exists(_overdue_steps(today).filter(case=OuterRef("pk"))),
        )
    )


def founding_board(cases: QuerySet[FoundingCase]) -> list[tuple[str, str, list[FoundingCase]]]:
    """Columns of the board: (stage, label, cases) in pipeline order."""
    columns: dict[str, list[FoundingCase]] = {stage: [] for stage in Stage.values}
    for case in cases.order_by("next_due_on", "name"):
        columns[case.stage].append(case)
    return [(stage, str(label), columns[stage]) for stage, label in Stage.choices]


def founding_cases_open_for_district(user: Any, district: District) -> list[FoundingCase]:
    """Open cases touching ``district``: staff only; everybody else gets an empty list, so a
    public page can never show internal founding work."""
    if not can(user, "advisory.view_founding_cases"):
        return []
    return list(
        FoundingCase.objects.filter(districts=district, stage__in=OPEN_STAGES)
        .select_related("owner")
        .order_by("name")
    )


def steps_overdue(*, today: datetime.date | None = None) -> QuerySet[FoundingStep]:
    return (
        _overdue_steps(today or timezone.localdate())
        .filter(case__stage__in=OPEN_STAGES)
        .select_related("case", "owner")
    )


def advisory_staff_tasks(user: Any) -> list[Any]:
    """For the staff dashboard: overdue next steps of open founding cases."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import StaffTask

    if not can(user, "advisory.view_founding_cases"):
        return []
    return [
        StaffTask(
            key="founding_overdue",
            label=_("Überfällige Schritte in Gründungsfällen"),
            count=steps_overdue().values("case").distinct().count(),
            url=reverse("advisory:case_list") + "?ueberfaellig=1",
        )
    ]


# --- Advice log: figures for reporting ---------------------------------------------------------


def count_consultations(start: datetime.date, end: datetime.date) -> int:
    """Consultations held from ``start`` to ``end`` (both days included)."""
    return Consultation.objects.in_period(start, end).count()


def initiatives_consulted(start: datetime.date, end: datetime.date) -> set[int]:
    """Ids of registry initiatives with at least one consultation from ``start`` to ``end``
    (inclusive): named on the consultation, or the registry entry of its founding case."""
    consultations = Consultation.objects.in_period(start, end)
    direct = consultations.filter(initiatives__isnull=False).values_list("initiatives", flat=True)
    via_case = consultations.filter(founding_case__initiative__isnull=False).values_list(
        "founding_case__initiative", flat=True
    )
    return set(direct) | set(via_case)


def initiatives_reached(start: datetime.date, end: datetime.date) -> set[int]:
    """The ministry's "initiatives reached": distinct initiatives with at least one
    consultation or event participation from ``start`` to ``end`` (inclusive)."""
    from industriedialog.events.selectors import initiatives_with_event_participation

    return initiatives_consulted(start, end) | initiatives_with_event_participation(start, end)
