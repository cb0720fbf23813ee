"""Reads of the founding pipeline, shared by the board, the list, the district card and the
staff dashboard."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from industriedialog.accounts.permissions import can
from industriedialog.regions.models import District

from .models import (
    OPEN_STAGES,
    Consultation,
    ConsultationQuerySet,
    FoundingCase,
    FoundingStep,
    Stage,
)


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


# --- Advice log: lists, staff tasks, timeline ----------------------------------------------------


def consultations_for_list() -> ConsultationQuerySet:
    return Consultation.objects.select_related(
        "staff_member", "founding_case", "organisation"
    ).prefetch_related("initiatives", "topics", "contact_persons")


def follow_ups_overdue(*, today: datetime.date | None = None) -> ConsultationQuerySet:
    return (
        consultations_for_list()
        .follow_ups_overdue(today or timezone.localdate())
        .order_by("follow_up_due_on", "id")
    )


def consultations_per_staff_member(start: datetime.date, end: datetime.date) -> list[Any]:
    """Per staff member: consultations, minutes and open follow-ups in the period, busiest
    first (consultations whose staff account is gone appear with ``staff_member=None``)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Sum

    rows = (
        Consultation.objects.in_period(start, end)
        .values("staff_member")
        .annotate(
            consultations=Count("pk"),
            minutes=Sum("duration_minutes"),
            open_follow_ups=Count(
                "pk", filter=~Q(follow_up="") & Q(follow_up_done_at__isnull=True)
            ),
        )
        .order_by("-consultations")
    )
    users = get_user_model().objects.in_bulk([r["staff_member"] for r in rows if r["staff_member"]])
    return [
        {
            **row,
            "staff_member": users.get(row["staff_member"]),
            "hours": (row["minutes"] or 0) / 60,
        }
        for row in rows
    ]


def consultations_of_initiative(initiative: Any) -> QuerySet[Consultation]:
    """Consultations naming the initiative or its founding case."""
    return (
        Consultation.objects.filter(
            Q(initiatives=initiative) | Q(founding_case__initiative=initiative)
        )
        .distinct()
        .select_related("staff_member")
    )


def advisory_follow_up_tasks(user: Any) -> list[Any]:
    """For the staff dashboard (STAFF_TASK_PROVIDERS): overdue follow-ups of consultations."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import StaffTask

    if not can(user, "advisory.view_consultations"):
        return []
    return [
        StaffTask(
            key="consultation_follow_ups_overdue",
            label=_("Überfälliges Nachfassen nach Beratungen"),
            count=Consultation.objects.follow_ups_overdue(timezone.localdate()).count(),
            url=reverse("advisory:follow_ups"),
        )
    ]


def initiative_timeline_entries(initiative: Any) -> list[Any]:
    """INITIATIVE_TIMELINE_PROVIDERS: the initiative's consultations."""
    from django.utils.translation import gettext as _

    from industriedialog.common.timeline import TimelineEntry

    entries = []
    for c in consultations_of_initiative(initiative).prefetch_related("topics"):
        minutes = _("%(minutes)s Min.") % {"minutes": c.duration_minutes}
        who = c.staff_member.display_name or c.staff_member.email if c.staff_member else ""
        topics = ", ".join(str(t) for t in c.topics.all())
        entries.append(
            TimelineEntry(
                date=c.date,
                kind="consultation",
                label=_("Beratung"),
                title=f"{c.get_kind_display()}: {c.summary[:120]}",
                url=c.get_absolute_url(),
                detail=" · ".join(part for part in (minutes, who, topics) if part),
            )
        )
    return entries
