"""Test helpers: completed assessments with chosen levels, through the services."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from industriedialog.assessments import selectors, services
from industriedialog.assessments.models import Answer, Assessment, PeerOptIn
from industriedialog.registry.models import Initiative
from industriedialog.registry.tests.factories import InitiativeFactory

DIMENSIONS = (
    "goals",
    "alliance",
    "resources",
    "activities",
    "communication",
    "young-people",
    "networking",
    "impact",
)


def answer_all(assessment: Assessment, levels: dict[str, int] | int, *, user: Any = None) -> None:
    """Answer every asked criterion of ``assessment`` (capped at each criterion's levels)."""
    for dimension in selectors.catalogue_dimensions(assessment.catalogue):
        level = levels if isinstance(levels, int) else levels.get(dimension.key, 1)
        for criterion in dimension.criteria.all():
            if criterion.prefill:
                continue
            Answer.objects.update_or_create(
                assessment=assessment,
                criterion=criterion,
                user=user,
                defaults={"level": min(level, criterion.level_count)},
            )


def completed_assessment(
    initiative: Initiative | None = None,
    levels: dict[str, int] | int = 3,
    *,
    year: int | None = None,
    user: Any = None,
    opted_in: bool = False,
    **initiative_kwargs: Any,
) -> Assessment:
    initiative = initiative or InitiativeFactory(**initiative_kwargs)
    year = year or timezone.localdate().year
    assessment = services.assessment_start(
        initiative=initiative, user=user, today=datetime.date(year, 6, 1)
    )
    answer_all(assessment, levels, user=user)
    assessment = services.assessment_complete(assessment=assessment, user=user)
    if opted_in:
        PeerOptIn.objects.get_or_create(initiative=initiative)
    return assessment
