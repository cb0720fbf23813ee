"""Reads of the events module, also for the reporting module and the staff dashboard."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from industriedialog.accounts.permissions import can
from industriedialog.registry.models import Initiative

from .models import Event, Feedback, PlanningTask, Registration
from .vocabularies import EventKind, RegistrationStatus, TaskStatus

Period = tuple[datetime.date, datetime.date]

RATING_FIELDS = ("rating_overall", "rating_content", "rating_organisation", "rating_usefulness")


def events_public() -> QuerySet[Event]:
    return Event.objects.published().select_related("format", "state", "district")


def event_get_public(slug: str, user: Any = None) -> Event:
    """A published event; staff also see unpublished drafts."""
    event = (
        Event.objects.select_related("format", "state", "district", "organiser")
        .prefetch_related("target_groups", "partners", "materials", "programme")
        .filter(slug=slug)
        .first()
    )
    if event is None or (not event.is_published and not can(user, "events.manage_events")):
        raise Http404
    return event


def event_place_counts(event: Event) -> dict[str, int]:
    counts = event.registrations.aggregate(
        confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        attended=Count("pk", filter=Q(attended_at__isnull=False)),
    )
    counts["free"] = max(event.capacity - counts["confirmed"], 0)
    return counts


def participants_public(event: Event) -> QuerySet[Registration]:
    """Who may be named to other visitors: confirmed people who consented to the list."""
    return event.registrations.filter(
        status=RegistrationStatus.CONFIRMED, consents_to_list=True
    ).select_related("initiative")


def registrations_for_staff(event: Event) -> QuerySet[Registration]:
    return event.registrations.select_related("initiative").order_by(
        "status", "waitlisted_at", "name", "id"
    )


def registration_by_token(token: str) -> Registration | None:
    return Registration.objects.select_related("event").filter(token=token).first()


def planning_tasks_overdue(today: datetime.date | None = None) -> QuerySet[PlanningTask]:
    today = today or timezone.localdate()
    return (
        PlanningTask.objects.filter(due_on__lt=today)
        .exclude(status=TaskStatus.DONE)
        .select_related("event", "owner")
        .order_by("due_on", "event__starts_at", "id")
    )


def events_staff_tasks(user: Any) -> list[Any]:
    """Staff dashboard: overdue planning tasks across all events."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import StaffTask

    if not can(user, "events.manage_events"):
        return []
    return [
        StaffTask(
            key="event_planning",
            label=_("Überfällige Planungsaufgaben für Veranstaltungen"),
            count=planning_tasks_overdue().count(),
            url=reverse("events:staff_tasks_overdue"),
        )
    ]


def feedback_summary(event: Event) -> dict[str, Any]:
    """Averages and the distribution of each rating (1–5), and the free-text comments."""
    rows = Feedback.objects.filter(event=event)
    averages = rows.aggregate(**{name: Avg(name) for name in RATING_FIELDS}, total=Count("pk"))
    distributions = {}
    for name in RATING_FIELDS:
        counts = dict(rows.values_list(name).annotate(n=Count("pk")).values_list(name, "n"))
        distributions[name] = [counts.get(value, 0) for value in range(1, 6)]
    scales = [
        {
            "name": name,
            "label": str(Feedback._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
            "average": averages[name],
            "distribution": distributions[name],
        }
        for name in RATING_FIELDS
    ]
    comments = list(rows.exclude(comment="").values_list("comment", flat=True))
    return {"total": averages["total"], "scales": scales, "comments": comments}


# --- Figures for the reporting module ------------------------------------------------------


def _in_period(period: Period | None) -> Q:
    if period is None:
        return Q()
    start, end = period
    return Q(starts_at__date__gte=start, starts_at__date__lte=end)


def participants_per_event(period: Period | None = None) -> list[dict[str, Any]]:
    """Confirmed registrations and check-ins per event."""
    events = (
        Event.objects.filter(_in_period(period))
        .annotate(
            participants=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            attended=Count("registrations", filter=Q(registrations__attended_at__isnull=False)),
        )
        .order_by("starts_at")
    )
    return [
        {
            "event": e.title,
            "slug": e.slug,
            "starts_at": e.starts_at,
            "kind": e.kind,
            "participants": e.participants,  # type: ignore[attr-defined]
            "attended": e.attended,  # type: ignore[attr-defined]
        }
        for e in events
    ]


def participants_per_kind(period: Period | None = None) -> dict[str, int]:
    rows = (
        Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
        .filter(**_registration_period(period))
        .values_list("event__kind")
        .annotate(n=Count("pk"))
    )
    counts = dict(rows)
    return {str(kind): counts.get(kind, 0) for kind in EventKind.values}


def participants_per_state(period: Period | None = None) -> dict[str, int]:
    """Per state code of the event; online events are counted under ``"online"``."""
    rows = (
        Registration.objects.filter(status=RegistrationStatus.CONFIRMED)
        .filter(**_registration_period(period))
        .values_list("event__state__code", "event__is_online")
        .annotate(n=Count("pk"))
    )
    result: dict[str, int] = {}
    for code, is_online, n in rows:
        key = "online" if is_online else (code or "")
        result[key] = result.get(key, 0) + n
    return result


def _registration_period(period: Period | None) -> dict[str, Any]:
    if period is None:
        return {}
    return {"event__starts_at__date__gte": period[0], "event__starts_at__date__lte": period[1]}


def initiatives_reached_through_events(period: Period | None = None) -> QuerySet[Initiative]:
    """Initiatives that organised, partnered in or sent a confirmed participant to an event
    in ``period`` (by event start date)."""
    events = Event.objects.filter(_in_period(period))
    return Initiative.objects.filter(
        Q(organised_events__in=events)
        | Q(partner_events__in=events)
        | Q(
            event_registrations__event__in=events,
            event_registrations__status=RegistrationStatus.CONFIRMED,
        )
    ).distinct()


def initiatives_with_event_participation(start: datetime.date, end: datetime.date) -> set[int]:
    """Ids of initiatives that organised, partnered in or sent a confirmed participant to an
    event starting from ``start`` to ``end`` (both days included)."""
    return set(initiatives_reached_through_events((start, end)).values_list("pk", flat=True))


def initiative_timeline_entries(initiative: Initiative) -> list[Any]:
    """INITIATIVE_TIMELINE_PROVIDERS: events the initiative organised, partnered in or
    attended (confirmed registrations naming it), one entry per event."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.common.timeline import TimelineEntry

    roles: dict[int, set[str]] = {}
    participants: dict[int, int] = {}
    for pk in Event.objects.filter(organiser=initiative).values_list("pk", flat=True):
        roles.setdefault(pk, set()).add(_("veranstaltet"))
    for pk in Event.objects.filter(partners=initiative).values_list("pk", flat=True):
        roles.setdefault(pk, set()).add(_("Partner"))
    confirmed = (
        Registration.objects.filter(initiative=initiative, status=RegistrationStatus.CONFIRMED)
        .values_list("event")
        .annotate(n=Count("pk"))
    )
    for pk, n in confirmed:
        roles.setdefault(pk, set()).add(_("teilgenommen"))
        participants[pk] = n
    entries = []
    for event in Event.objects.filter(pk__in=roles).order_by("starts_at"):
        detail = ", ".join(sorted(roles[event.pk]))
        if event.pk in participants:
            detail += " · " + _("%(n)s Person(en) angemeldet") % {"n": participants[event.pk]}
        entries.append(
            TimelineEntry(
                date=event.local_start.date(),
                kind="event",
                label=_("Veranstaltung"),
                title=event.title,
                url=reverse("events:staff_participants", kwargs={"pk": event.pk}),
                detail=f"{event.get_kind_display()} · {detail}",
            )
        )
    return entries
