"""Reads of the self-assessment: catalogue, results, benchmark, peer matching, network view,
and the figures other modules read (reporting, timeline, staff dashboard)."""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from industriedialog.accounts.permissions import can
from industriedialog.common.timeline import TimelineEntry
from industriedialog.registry.models import Initiative, Membership
from industriedialog.registry.vocabularies import ACTOR_GROUP_OF_KIND, TRIPARTITE_GROUPS

from .models import (
    MAX_LEVEL,
    Answer,
    Assessment,
    CatalogueVersion,
    ContactRequest,
    Criterion,
    Dimension,
    PeerOptIn,
)
from .scoring import CriterionResult, criterion_results

# Anonymity: a benchmark figure needs at least this many other initiatives behind it.
BENCHMARK_MIN_INITIATIVES = 5
# A peer counts as strong in a dimension from this score on (scale 1–5).
PEER_STRONG_SCORE = 3.5
PEER_SUGGESTIONS = 3
WEAK_SCORE = 2.5


# --- catalogue -------------------------------------------------------------------------------


def catalogue_current() -> CatalogueVersion | None:
    """The newest published catalogue: new assessments use it."""
    return (
        CatalogueVersion.objects.filter(state=CatalogueVersion.State.PUBLISHED)
        .order_by("-number")
        .first()
    )


def catalogue_dimensions(catalogue: CatalogueVersion) -> list[Dimension]:
    """Dimensions with their criteria and linked toolbox pages, in order (three queries)."""
    criteria = Criterion.objects.order_by("position", "id").prefetch_related("toolbox_pages")
    return list(
        catalogue.dimensions.order_by("position", "id").prefetch_related(
            Prefetch("criteria", queryset=criteria)
        )
    )


# --- an initiative's assessments ----------------------------------------------------------


def assessments_of(initiative: Initiative) -> QuerySet[Assessment]:
    return Assessment.objects.filter(initiative=initiative).order_by("-year")


def assessment_answers(assessment: Assessment) -> list[Answer]:
    return list(assessment.answers.all())


def assessment_results(
    assessment: Assessment, dimensions: list[Dimension] | None = None
) -> tuple[list[Dimension], dict[int, CriterionResult]]:
    dimensions = (
        dimensions if dimensions is not None else catalogue_dimensions(assessment.catalogue)
    )
    return dimensions, criterion_results(dimensions, assessment_answers(assessment))


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 100


def user_progress(
    dimensions: list[Dimension], answers: list[Answer], user: Any
) -> tuple[Progress, dict[str, Progress]]:
    """How many questions (not pre-filled) ``user`` has answered, overall and per dimension."""
    prefilled = {a.criterion_id for a in answers if a.is_prefilled}
    mine = {a.criterion_id for a in answers if a.user_id == user.pk and not a.is_prefilled}
    per_dimension = {}
    answered = total = 0
    for dimension in dimensions:
        asked = [c.pk for c in dimension.criteria.all() if c.pk not in prefilled]
        done = sum(1 for pk in asked if pk in mine)
        per_dimension[dimension.key] = Progress(done, len(asked))
        answered += done
        total += len(asked)
    return Progress(answered, total), per_dimension


def previous_assessment(assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.completed()
        .filter(initiative_id=assessment.initiative_id, year__lt=assessment.year)
        .order_by("-year")
        .first()
    )


def trend_rows(assessment: Assessment, dimensions: list[Dimension]) -> list[dict[str, Any]]:
    """The initiative's own completed assessments up to this one, oldest first."""
    history = list(
        Assessment.objects.completed()
        .filter(initiative_id=assessment.initiative_id, year__lte=assessment.year)
        .order_by("year")
        .only("year", "scores", "overall")
    )
    return [
        {
            "year": past.year,
            "overall": past.overall,
            "scores": [past.scores.get(d.key) for d in dimensions],
        }
        for past in history
    ]


# --- benchmark -------------------------------------------------------------------------------


def benchmark(assessment: Assessment) -> dict[str, dict[str, Any]]:
    """Per dimension: mean score of the other initiatives of the same level (their newest
    completed assessment), only where at least BENCHMARK_MIN_INITIATIVES stand behind it.
    Never returns a single initiative's value (no minimum, maximum or list)."""
    rows = (
        Assessment.objects.filter(is_latest=True, initiative__level=assessment.initiative.level)
        .exclude(initiative_id=assessment.initiative_id)
        .values_list("scores", flat=True)
    )
    values: dict[str, list[float]] = defaultdict(list)
    for scores in rows:
        for key, score in scores.items():
            values[key].append(score)
    return {
        key: {"mean": round(statistics.fmean(v), 2), "count": len(v)}
        for key, v in values.items()
        if len(v) >= BENCHMARK_MIN_INITIATIVES
    }


# --- peer matching ---------------------------------------------------------------------------


@dataclass
class Profile:
    level: str
    fields: set[int] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)


def _profiles(initiative_ids: list[int]) -> dict[int, Profile]:
    """Level, fields of action and actor groups of many initiatives in three queries."""
    profiles = {
        pk: Profile(level=level)
        for pk, level in Initiative.objects.filter(pk__in=initiative_ids).values_list("pk", "level")
    }
    through = Initiative.fields_of_action.through
    for pk, field_id in through.objects.filter(initiative_id__in=initiative_ids).values_list(
        "initiative_id", "fieldofaction_id"
    ):
        profiles[pk].fields.add(field_id)
    for pk, kind in Membership.objects.filter(initiative_id__in=initiative_ids).values_list(
        "initiative_id", "organisation__kind"
    ):
        group = ACTOR_GROUP_OF_KIND.get(kind)
        if group:
            profiles[pk].groups.add(group)
    return profiles


def _jaccard(a: set[Any], b: set[Any]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def similarity(a: Profile, b: Profile) -> float:
    """0–1: same level, shared fields of action, alike structure (actor groups, tripartite)."""
    tripartite_a = all(g in a.groups for g in TRIPARTITE_GROUPS)
    tripartite_b = all(g in b.groups for g in TRIPARTITE_GROUPS)
    return (
        0.35 * (a.level == b.level)
        + 0.35 * _jaccard(a.fields, b.fields)
        + 0.2 * _jaccard(a.groups, b.groups)
        + 0.1 * (tripartite_a == tripartite_b)
    )


@dataclass(frozen=True)
class PeerSuggestion:
    initiative: Initiative
    dimension_key: str
    dimension_label: str
    similarity: float


def weakest_dimensions(scores: dict[str, float], count: int = 3) -> list[str]:
    return [key for key, _ in sorted(scores.items(), key=lambda item: (item[1], item[0]))[:count]]


def peer_suggestions(
    assessment: Assessment, dimensions: list[Dimension], *, limit: int = PEER_SUGGESTIONS
) -> list[PeerSuggestion]:
    """For the weakest dimensions: opted-in initiatives strong there and similar otherwise.
    The peers' scores are used for ranking only and never returned."""
    if not assessment.scores:
        return []
    weak = weakest_dimensions(assessment.scores)
    candidates = list(
        Assessment.objects.filter(
            is_latest=True,
            initiative__assessment_peer_opt_in__isnull=False,
            initiative__status="active",
        )
        .exclude(initiative_id=assessment.initiative_id)
        .values_list("initiative_id", "scores")
    )
    if not candidates:
        return []
    profiles = _profiles([assessment.initiative_id, *(pk for pk, _ in candidates)])
    own = profiles[assessment.initiative_id]
    ranked: list[tuple[float, int, str]] = []
    for pk, scores in candidates:
        sim = similarity(own, profiles[pk])
        for key in weak:
            score = scores.get(key)
            if score is None or score < PEER_STRONG_SCORE or score <= assessment.scores[key]:
                continue
            # strength in the weak dimension counts, similarity decides between equals
            ranked.append((sim + (score - PEER_STRONG_SCORE) / MAX_LEVEL, pk, key))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[tuple[int, str, float]] = []
    seen: set[int] = set()
    # first one peer per weak dimension, then the best remaining
    for rank_pass in (0, 1):
        for value, pk, key in ranked:
            if len(chosen) >= limit or pk in seen:
                continue
            if rank_pass == 0 and key in {k for _, k, _ in chosen}:
                continue
            chosen.append((pk, key, value))
            seen.add(pk)
    labels = {d.key: d.label for d in dimensions}
    initiatives = Initiative.objects.in_bulk([pk for pk, _, _ in chosen])
    return [
        PeerSuggestion(
            initiative=initiatives[pk],
            dimension_key=key,
            dimension_label=labels.get(key, key),
            similarity=round(similarity(own, profiles[pk]), 2),
        )
        for pk, key, _ in chosen
    ]


def peer_opt_in_of(initiative: Initiative) -> PeerOptIn | None:
    return PeerOptIn.objects.filter(initiative=initiative).first()


# --- staff: the network ----------------------------------------------------------------------

SCORE_BANDS = ((1.0, 2.0), (2.0, 3.0), (3.0, 4.0), (4.0, 5.01))


def latest_assessments() -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(is_latest=True)
        .select_related("initiative", "catalogue")
        .order_by("initiative__name")
    )


def network_overview(dimensions: list[Dimension]) -> dict[str, Any]:
    """Distribution of the newest scores per dimension and the dimensions weak across the
    network (mean ascending): input for network-meeting topics."""
    rows = list(Assessment.objects.filter(is_latest=True).values_list("scores", flat=True))
    per_dimension: list[dict[str, Any]] = []
    for dimension in dimensions:
        values = [scores[dimension.key] for scores in rows if dimension.key in scores]
        bands = [sum(1 for v in values if low <= v < high) for low, high in SCORE_BANDS]
        per_dimension.append(
            {
                "key": dimension.key,
                "label": dimension.label,
                "count": len(values),
                "mean": round(statistics.fmean(values), 2) if values else None,
                "bands": bands,
                "weak_share": round(100 * sum(1 for v in values if v < WEAK_SCORE) / len(values))
                if values
                else None,
            }
        )
    weak = sorted((d for d in per_dimension if d["mean"] is not None), key=lambda d: d["mean"])
    return {"dimensions": per_dimension, "weak": weak[:3], "initiatives": len(rows)}


def contact_requests_open() -> QuerySet[ContactRequest]:
    return ContactRequest.objects.filter(state=ContactRequest.State.OPEN).select_related(
        "from_initiative", "to_initiative", "requested_by"
    )


@dataclass(frozen=True)
class StaffTask:
    key: str
    label: str
    count: int
    url: str


def assessments_staff_tasks(user: Any) -> list[StaffTask]:
    """Contact requests from peer matching that wait for staff to broker them."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if not can(user, "assessments.broker_contacts"):
        return []
    return [
        StaffTask(
            key="assessment_contacts",
            label=_("Kontaktanfragen aus dem Peer-Matching"),
            count=contact_requests_open().count(),
            url=reverse("assessments:staff_contact_list"),
        )
    ]


# --- figures for other modules (contracts.md) --------------------------------------------


def _completed_between(start: datetime.date, end: datetime.date) -> QuerySet[Assessment]:
    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    return Assessment.objects.completed().filter(completed_at__gte=since, completed_at__lt=until)


def count_completed_assessments(start: datetime.date, end: datetime.date) -> int:
    """Assessments completed between ``start`` and ``end`` (inclusive)."""
    return _completed_between(start, end).count()


def initiatives_with_assessment(start: datetime.date, end: datetime.date) -> set[int]:
    """Ids of initiatives that completed an assessment in the period (inclusive)."""
    return set(_completed_between(start, end).values_list("initiative_id", flat=True))


def initiative_timeline_entries(initiative: Initiative) -> list[TimelineEntry]:
    """Completed self-assessments for the staff-only history of an initiative."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    entries = []
    for assessment in Assessment.objects.completed().filter(
        initiative=initiative, completed_at__isnull=False
    ):
        entries.append(
            TimelineEntry(
                date=timezone.localdate(assessment.completed_at),  # type: ignore[arg-type]
                kind="assessment",
                label=_("Selbstbewertung"),
                title=_("Selbstbewertung %d abgeschlossen") % assessment.year,
                url=reverse("assessments:result", kwargs={"pk": assessment.pk}),
                detail=_("Gesamtergebnis %s von 5")
                % f"{assessment.overall or 0:.1f}".replace(".", ","),
            )
        )
    return entries
