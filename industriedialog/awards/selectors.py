"""Reads of the award competition: what a juror may see, progress, the ranking with its tie
rule, and the figures other apps read (reporting, the initiative page, the timeline)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import (
    AwardCall,
    Category,
    Criterion,
    Eligibility,
    JuryScore,
    Phase,
    Submission,
    SubmissionStatus,
)

# The documented tie rule (shown on the ranking page and in the README).
TIE_RULE = [
    gettext_lazy("höhere gewichtete Gesamtpunktzahl (auf drei Nachkommastellen)"),
    gettext_lazy(
        "höherer Mittelwert im Kriterium mit dem höchsten Gewicht (bei gleichem Gewicht das "
        "zuerst aufgeführte)"
    ),
    gettext_lazy("weniger erklärte Befangenheiten (mehr unabhängige Bewertungen)"),
    gettext_lazy("Entscheidung der Jurysitzung, mit Begründung festgehalten"),
]

THOUSANDTH = Decimal("0.001")


# --- Juries ------------------------------------------------------------------------------


def juror_submissions(call: AwardCall, juror: Any) -> QuerySet[Submission]:
    """The entries ``juror`` may see: eligible, submitted, in a category of their team, and
    without a declared conflict. The one place deciding it (views use the rules too)."""
    return (
        Submission.objects.filter(
            call=call,
            status=SubmissionStatus.SUBMITTED,
            eligibility=Eligibility.ELIGIBLE,
            category__jurors=juror,
        )
        .exclude(conflicts__juror=juror)
        .select_related("category", "initiative")
        .order_by("category__position", "pk")
    )


def juror_open_conflict_candidates(call: AwardCall, juror: Any) -> QuerySet[Submission]:
    """Entries of the juror's categories before scoring (to declare conflicts early)."""
    return (
        Submission.objects.filter(
            call=call, status=SubmissionStatus.SUBMITTED, category__jurors=juror
        )
        .exclude(eligibility=Eligibility.INELIGIBLE)
        .exclude(conflicts__juror=juror)
        .select_related("category", "initiative")
    )


def calls_for_juror(juror: Any) -> QuerySet[AwardCall]:
    return (
        AwardCall.objects.filter(categories__jurors=juror)
        .exclude(phase=Phase.PREPARATION)
        .distinct()
        .order_by("-opens_at")
    )


def juror_scores(submission: Submission, juror: Any) -> dict[int, JuryScore]:
    return {s.criterion_id: s for s in submission.scores.filter(juror=juror)}


def other_jurors_scores(submission: Submission, juror: Any) -> list[JuryScore]:
    """Other jurors' scores: only once the result is locked."""
    if not submission.call.is_locked:
        return []
    return list(
        submission.scores.exclude(juror=juror)
        .select_related("juror", "criterion")
        .order_by("criterion__position", "juror_id")
    )


@dataclass
class JurorProgress:
    juror: Any
    assigned: int
    conflicts: int
    complete: int

    @property
    def to_score(self) -> int:
        return self.assigned - self.conflicts

    @property
    def percent(self) -> int:
        return round(100 * self.complete / self.to_score) if self.to_score else 100


def jury_progress(call: AwardCall) -> list[JurorProgress]:
    """Per juror: entries in their categories, conflicts, entries scored on every criterion."""
    in_review = Submission.objects.filter(
        call=call, status=SubmissionStatus.SUBMITTED, eligibility=Eligibility.ELIGIBLE
    )
    criteria_count = call.criteria.count()
    rows = []
    jurors: dict[int, Any] = {}
    for category in call.categories.prefetch_related("jurors"):
        for juror in category.jurors.all():
            jurors[juror.pk] = juror
    for juror in sorted(jurors.values(), key=lambda j: (j.last_name, j.first_name, j.pk)):
        mine = in_review.filter(category__jurors=juror)
        conflicts = mine.filter(conflicts__juror=juror).count()
        complete = (
            mine.exclude(conflicts__juror=juror)
            .annotate(n=Count("scores", filter=Q(scores__juror=juror)))
            .filter(n__gte=criteria_count)
            .count()
        )
        rows.append(JurorProgress(juror, mine.count(), conflicts, complete))
    return rows


def juror_progress_for(call: AwardCall, juror: Any) -> JurorProgress:
    for row in jury_progress(call):
        if row.juror.pk == juror.pk:
            return row
    return JurorProgress(juror, 0, 0, 0)


# --- Ranking ------------------------------------------------------------------------------


@dataclass
class RankRow:
    submission: Submission
    total: Decimal | None
    juror_totals: list[Decimal]
    criterion_means: dict[int, Decimal]
    conflicts: int
    rank: int = 0
    decided_by: str = ""  # which step of TIE_RULE separated it from the entry above
    tied_with_previous: bool = False
    unresolved_tie: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def spread(self) -> Decimal | None:
        if len(self.juror_totals) < 2:
            return None
        return max(self.juror_totals) - min(self.juror_totals)


def _mean(values: list[Decimal]) -> Decimal:
    return (sum(values, Decimal(0)) / len(values)).quantize(THOUSANDTH, ROUND_HALF_UP)


def primary_criterion(criteria: list[Criterion]) -> Criterion | None:
    counting = [c for c in criteria if c.counts_toward_total]
    if not counting:
        return None
    return sorted(counting, key=lambda c: (-c.weight, c.position, c.pk))[0]


def ranking_compute(call: AwardCall) -> dict[Category, list[RankRow]]:
    """The ranking per category. A juror's total is the weighted mean of their points over the
    criteria that count (Σ weight·points / Σ weight), only if they scored all of them; an
    entry's total is the mean of its jurors' totals. Ties follow TIE_RULE."""
    criteria = list(call.criteria.all())
    counting = [c for c in criteria if c.counts_toward_total]
    weight_sum = sum(c.weight for c in counting)
    primary = primary_criterion(criteria)
    submissions = list(
        Submission.objects.filter(
            call=call, status=SubmissionStatus.SUBMITTED, eligibility=Eligibility.ELIGIBLE
        )
        .select_related("category", "initiative")
        .annotate(conflict_count=Count("conflicts", distinct=True))
    )
    scores: dict[int, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for s in JuryScore.objects.filter(submission__in=submissions, juror__isnull=False).values(
        "submission_id", "juror_id", "criterion_id", "value"
    ):
        scores[s["submission_id"]][s["juror_id"]][s["criterion_id"]] = s["value"]

    by_category: dict[Category, list[RankRow]] = {}
    categories = {c.pk: c for c in call.categories.all()}
    for category in categories.values():
        by_category[category] = []
    for submission in submissions:
        per_juror = scores.get(submission.pk, {})
        juror_totals = []
        for values in per_juror.values():
            if counting and all(c.pk in values for c in counting):
                weighted = sum((Decimal(c.weight * values[c.pk]) for c in counting), Decimal(0))
                juror_totals.append((weighted / weight_sum).quantize(THOUSANDTH, ROUND_HALF_UP))
        means = {}
        for criterion in criteria:
            points = [Decimal(v[criterion.pk]) for v in per_juror.values() if criterion.pk in v]
            if points:
                means[criterion.pk] = _mean(points)
        row = RankRow(
            submission=submission,
            total=_mean(juror_totals) if juror_totals else None,
            juror_totals=juror_totals,
            criterion_means=means,
            conflicts=submission.conflict_count,  # type: ignore[attr-defined]
        )
        by_category[categories[submission.category_id]].append(row)

    def key(row: RankRow) -> tuple:
        primary_mean = row.criterion_means.get(primary.pk, Decimal(0)) if primary else Decimal(0)
        return (
            row.total is None,
            -(row.total or Decimal(0)),
            -primary_mean,
            row.conflicts,
            row.submission.tie_break_position or 10_000,
            row.submission.pk,
        )

    for rows in by_category.values():
        rows.sort(key=key)
        for index, row in enumerate(rows):
            row.rank = index + 1
            if index == 0 or row.total is None:
                continue
            above = rows[index - 1]
            if above.total != row.total:
                continue
            row.tied_with_previous = True
            a, b = key(above), key(row)
            if a[2] != b[2]:
                row.decided_by = str(TIE_RULE[1])
            elif a[3] != b[3]:
                row.decided_by = str(TIE_RULE[2])
            elif (
                above.submission.tie_break_position
                and row.submission.tie_break_position
                and above.submission.tie_break_position != row.submission.tie_break_position
            ):
                row.decided_by = str(TIE_RULE[3])
            else:
                row.unresolved_tie = above.unresolved_tie = True
                row.rank = above.rank
    return by_category


# --- Public ---------------------------------------------------------------------------


def calls_open() -> QuerySet[AwardCall]:
    return AwardCall.objects.filter(phase=Phase.SUBMISSION).order_by("closes_at")


def calls_archive() -> QuerySet[AwardCall]:
    return AwardCall.objects.published().order_by("-publish_on")


def winners(call: AwardCall) -> QuerySet[Submission]:
    return (
        call.submissions.filter(status=SubmissionStatus.SUBMITTED, eligibility=Eligibility.ELIGIBLE)
        .exclude(award_title="")
        .select_related("initiative", "category")
        .order_by("category__position", "final_rank", "pk")
    )


def submissions_of_user(user: Any) -> QuerySet[Submission]:
    """Entries of all initiatives ``user`` represents (approved claims only)."""
    from industriedialog.registry.models import Representation

    return (
        Submission.objects.filter(
            initiative__representations__user=user,
            initiative__representations__state=Representation.State.APPROVED,
        )
        .select_related("call", "category", "initiative")
        .order_by("-created_at")
        .distinct()
    )


# --- Contracts with other apps ------------------------------------------------------------


def _submitted_in(start: datetime.date, end: datetime.date) -> QuerySet[Submission]:
    return Submission.objects.filter(
        status=SubmissionStatus.SUBMITTED,
        submitted_at__date__gte=start,
        submitted_at__date__lte=end,
    )


def count_award_submissions(start: datetime.date, end: datetime.date) -> int:
    """Entries submitted in the period (inclusive), without drafts and withdrawn ones."""
    return _submitted_in(start, end).count()


def initiatives_with_submission(start: datetime.date, end: datetime.date) -> set[int]:
    return set(_submitted_in(start, end).values_list("initiative_id", flat=True))


def initiative_timeline_entries(initiative: Any) -> list[Any]:
    from django.urls import reverse

    from industriedialog.common.timeline import TimelineEntry

    entries = []
    for submission in (
        Submission.objects.filter(initiative=initiative)
        .exclude(status=SubmissionStatus.DRAFT)
        .select_related("call", "category")
    ):
        moment = submission.submitted_at or submission.created_at
        detail = submission.get_status_display()
        if submission.status == SubmissionStatus.SUBMITTED:
            detail = submission.get_eligibility_display()
            if submission.eligibility == Eligibility.INELIGIBLE:
                detail += f": {submission.eligibility_reason}"
            if submission.award_title and submission.call.is_published:
                detail = submission.award_title
        entries.append(
            TimelineEntry(
                date=timezone.localtime(moment).date(),
                kind="award",
                label=_("Wettbewerb"),
                title=f"{submission.call.title} – {submission.category.name}",
                url=reverse("awards:staff_submissions", kwargs={"pk": submission.call_id}),
                detail=str(detail),
            )
        )
    return entries


def initiative_awards_section(initiative: Any) -> Any:
    """The badge section on an initiative's public page: its published awards."""
    from industriedialog.registry.selectors import InitiativeSection, SectionLink

    links = [
        SectionLink(
            title=f"{s.award_title}: {s.call.title}",
            url=s.call.get_absolute_url() + f"#beitrag-{s.pk}",
            text=s.category.name,
        )
        for s in Submission.objects.filter(
            initiative=initiative,
            call__in=AwardCall.objects.published(),
            status=SubmissionStatus.SUBMITTED,
            eligibility=Eligibility.ELIGIBLE,
        )
        .exclude(award_title="")
        .select_related("call", "category")
        .order_by("-call__publish_on")
    ]
    if not links:
        return None
    return InitiativeSection(key="awards", heading=_("Auszeichnungen"), links=links)


def awards_staff_tasks(user: Any) -> list[Any]:
    """Submitted entries whose eligibility is not decided yet."""
    from django.urls import reverse

    from industriedialog.accounts.permissions import can
    from industriedialog.registry.selectors import StaffTask

    if not can(user, "awards.manage_calls"):
        return []
    pending = Submission.objects.filter(
        status=SubmissionStatus.SUBMITTED, eligibility=Eligibility.PENDING
    ).exclude(call__phase=Phase.PUBLISHED)
    count = pending.count()
    call_id = pending.values_list("call_id", flat=True).first()
    url = (
        reverse("awards:staff_submissions", kwargs={"pk": call_id})
        if call_id
        else reverse("awards:staff_call_list")
    )
    return [
        StaffTask(
            key="award_eligibility",
            label=_("Wettbewerbsbeiträge zu prüfen"),
            count=count,
            url=url,
        )
    ]
