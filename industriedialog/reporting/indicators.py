"""The registry of computed indicators: each key names a function ``(start, end) -> value``
over live data of the other apps, read through their selectors or with one aggregate query.
Dates are inclusive. A function whose module is not installed (yet) raises
``ModuleUnavailable``; the dashboard then says "Modul noch nicht verfügbar"."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

Value = float | int | None


class ModuleUnavailable(Exception):  # noqa: N818
    """The module a computation reads from is not installed or lacks the contract function."""


@dataclass(frozen=True)
class Computation:
    key: str
    label: str | Promise
    unit: str | Promise
    module: str
    compute: Callable[[datetime.date, datetime.date], Value]


COMPUTATIONS: dict[str, Computation] = {}


def computation(key: str, label: str | Promise, unit: str | Promise = "", module: str = "") -> Any:
    def register(func: Callable[[datetime.date, datetime.date], Value]) -> Any:
        COMPUTATIONS[key] = Computation(key, label, unit, module, func)
        return func

    return register


def contract(path: str) -> Callable[..., Any]:
    """A sibling's selector by dotted path, or ``ModuleUnavailable`` if the app is missing."""
    app_module = path.rsplit(".", 2)[0]
    if not apps.is_installed(app_module):
        raise ModuleUnavailable(path)
    try:
        return import_string(path)  # type: ignore[no-any-return]
    except ImportError as exc:
        raise ModuleUnavailable(path) from exc


def compute(key: str, start: datetime.date, end: datetime.date) -> Value:
    return COMPUTATIONS[key].compute(start, end)


def choices() -> list[tuple[str, str]]:
    return [(c.key, str(c.label)) for c in COMPUTATIONS.values()]


# --- Task 1: reach, consultations, events --------------------------------------------------


def reached_ids(start: datetime.date, end: datetime.date) -> set[int]:
    """Ids of the initiatives reached in the period (cached: the indicator and the map of
    reached initiatives both need them)."""
    from .cache import cached_figure

    selector = contract("industriedialog.advisory.selectors.initiatives_reached")
    return cached_figure(  # type: ignore[no-any-return]
        "initiatives_reached_ids", start, end, lambda: set(selector(start, end))
    )


@computation("initiatives_reached", _("Initiativen erreicht"), _("Initiativen"), "advisory")
def initiatives_reached(start: datetime.date, end: datetime.date) -> Value:
    """Distinct initiatives with at least one consultation or event participation."""
    return len(reached_ids(start, end))


@computation("consultations", _("Beratungen"), _("Beratungen"), "advisory")
def consultations(start: datetime.date, end: datetime.date) -> Value:
    return int(contract("industriedialog.advisory.selectors.count_consultations")(start, end))


def _held_events(start: datetime.date, end: datetime.date, **filters: Any) -> Any:
    from industriedialog.events.models import Event

    return Event.objects.filter(
        starts_at__date__gte=start, starts_at__date__lte=end, starts_at__lte=timezone.now()
    ).filter(**filters)


def _participants(events: Any) -> int:
    from industriedialog.events.models import Registration
    from industriedialog.events.vocabularies import RegistrationStatus

    return Registration.objects.filter(
        event__in=events, status=RegistrationStatus.CONFIRMED
    ).count()


@computation("events_held", _("Veranstaltungen durchgeführt"), _("Veranstaltungen"), "events")
def events_held(start: datetime.date, end: datetime.date) -> Value:
    """Events of every kind that began in the period (and not after today)."""
    return _held_events(start, end).count()


@computation("event_participants", _("Teilnehmende an Veranstaltungen"), _("Personen"), "events")
def event_participants(start: datetime.date, end: datetime.date) -> Value:
    """Confirmed registrations of the events held in the period."""
    return _participants(_held_events(start, end))


@computation("network_meetings", _("Netzwerktreffen"), _("Treffen"), "events")
def network_meetings(start: datetime.date, end: datetime.date) -> Value:
    from industriedialog.events.vocabularies import EventKind

    return _held_events(start, end, kind=EventKind.NETWORK_MEETING).count()


# --- Task 2: new initiatives ---------------------------------------------------------------


@computation("initiatives_founded", _("Neue Initiativen gegründet"), _("Initiativen"), "registry")
def initiatives_founded(start: datetime.date, end: datetime.date) -> Value:
    """Registry entries with a founding date in the period, plus founding cases that
    reached "gegründet" in the period (counted once if both)."""
    from industriedialog.registry.models import Initiative

    ids = set(
        Initiative.objects.real()
        .filter(founded_on__gte=start, founded_on__lte=end)
        .values_list("pk", flat=True)
    )
    extra = 0
    if apps.is_installed("industriedialog.advisory"):
        from industriedialog.advisory.models import FoundingCase, Stage

        cases = FoundingCase.objects.filter(
            stage=Stage.FOUNDED, founded_on__gte=start, founded_on__lte=end
        ).values_list("initiative_id", flat=True)
        for initiative_id in cases:
            if initiative_id is None:
                extra += 1
            else:
                ids.add(initiative_id)
    return len(ids) + extra


# --- Task 3: webinars ----------------------------------------------------------------------


@computation("webinars_held", _("Webinare durchgeführt"), _("Webinare"), "events")
def webinars_held(start: datetime.date, end: datetime.date) -> Value:
    from industriedialog.events.vocabularies import EventKind

    return _held_events(start, end, kind=EventKind.WEBINAR).count()


@computation("webinar_participants", _("Teilnehmende an Webinaren"), _("Personen"), "events")
def webinar_participants(start: datetime.date, end: datetime.date) -> Value:
    from industriedialog.events.vocabularies import EventKind

    return _participants(_held_events(start, end, kind=EventKind.WEBINAR))


# --- Task 4: surveys, self-assessments, award ----------------------------------------------


def _surveys_run(start: datetime.date, end: datetime.date) -> Any:
    """Published surveys open at some time in the period: first published on or before its
    end, not closed before its start."""
    from industriedialog.surveys.models import Survey

    return (
        Survey.objects.annotate(first_published=Min("versions__published_at"))
        .filter(first_published__date__lte=min(end, timezone.localdate()))
        .filter(Q(closes_on__isnull=True) | Q(closes_on__gte=start))
    )


@computation("surveys_run", _("Umfragen durchgeführt"), _("Umfragen"), "surveys")
def surveys_run(start: datetime.date, end: datetime.date) -> Value:
    return _surveys_run(start, end).count()


@computation("survey_response_rate", _("Rücklaufquote der Umfragen"), "%", "surveys")
def survey_response_rate(start: datetime.date, end: datetime.date) -> Value:
    """Submitted responses to personal invitations sent in the period, per sent invitation,
    over the surveys run in the period (anonymous surveys have no rate)."""
    from industriedialog.surveys.models import Invitation

    counts = Invitation.objects.filter(
        survey__in=_surveys_run(start, end).values("pk"),
        sent_at__date__gte=start,
        sent_at__date__lte=end,
    ).aggregate(
        sent=Count("pk"), submitted=Count("pk", filter=Q(response__submitted_on__isnull=False))
    )
    if not counts["sent"]:
        return None
    return round(100 * counts["submitted"] / counts["sent"], 1)


@computation("survey_responses", _("Antworten auf Umfragen"), _("Antworten"), "surveys")
def survey_responses(start: datetime.date, end: datetime.date) -> Value:
    from industriedialog.surveys.models import Response

    return Response.objects.filter(submitted_on__gte=start, submitted_on__lte=end).count()


@computation(
    "assessments_completed", _("Selbstbewertungen abgeschlossen"), _("Bewertungen"), "assessments"
)
def assessments_completed(start: datetime.date, end: datetime.date) -> Value:
    path = "industriedialog.assessments.selectors.count_completed_assessments"
    return int(contract(path)(start, end))


@computation("award_submissions", _("Wettbewerbsbeiträge"), _("Beiträge"), "awards")
def award_submissions(start: datetime.date, end: datetime.date) -> Value:
    return int(contract("industriedialog.awards.selectors.count_award_submissions")(start, end))


# --- Task 0: the registry; tasks 6–7: reporting and the advisory board ---------------------


@computation(
    "initiatives_registered", _("Initiativen im Verzeichnis"), _("Initiativen"), "registry"
)
def initiatives_registered(start: datetime.date, end: datetime.date) -> Value:
    """Initiatives in the registry at the end of the period (not ended, no test data)."""
    from industriedialog.registry.models import Initiative
    from industriedialog.registry.vocabularies import Status

    return (
        Initiative.objects.real()
        .filter(created_at__date__lte=end)
        .exclude(status=Status.ENDED)
        .count()
    )


@computation("board_meetings", _("Sitzungen des Fachbeirats"), _("Sitzungen"), "reporting")
def board_meetings(start: datetime.date, end: datetime.date) -> Value:
    from .models import BoardMeeting

    return BoardMeeting.objects.filter(held_on__gte=start, held_on__lte=end).count()


@computation(
    "reports_issued", _("Berichte an das Ministerium ausgestellt"), _("Berichte"), "reporting"
)
def reports_issued(start: datetime.date, end: datetime.date) -> Value:
    from .models import Report

    return Report.objects.filter(
        status=Report.Status.ISSUED, issued_at__date__gte=start, issued_at__date__lte=end
    ).count()
