"""Reads for an initiative's public page: the aggregated results of the responses linked to
the initiative, for surveys that allow it (kept apart from selectors.py, whose end other
modules append to; the registry calls ``initiative_surveys_section`` through
settings.INITIATIVE_SECTION_PROVIDERS)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from .models import Survey
from .questions import TEXT_KINDS, Kind
from .selectors import QuestionResult, survey_results

# Fewer responses than this from one initiative, or to one question, are never shown on the
# initiative's public page: with 1-4 respondents a share or a mean could reveal what a single
# person answered. Free texts, dates and smallest/largest numbers are never shown there.
MIN_GROUP_SIZE = 5


def _initiative_counts(initiative_id: int) -> Any:  # QuerySet[Survey], annotated
    return (
        Survey.objects.filter(
            shows_on_initiative_page=True,
            current_version__isnull=False,
            state__in=[Survey.State.PUBLISHED, Survey.State.CLOSED],
        )
        .exclude(mode=Survey.Mode.ANONYMOUS)
        .annotate(
            from_initiative=Count(
                "responses",
                filter=Q(
                    responses__initiative_id=initiative_id,
                    responses__submitted_on__isnull=False,
                ),
            )
        )
    )


def surveys_for_initiative_page(initiative_id: int) -> list[Survey]:
    """Surveys whose results may appear on the initiative's page: the survey allows it, it is
    not anonymous, and at least MIN_GROUP_SIZE responses are linked to the initiative."""
    return list(
        _initiative_counts(initiative_id)
        .filter(from_initiative__gte=MIN_GROUP_SIZE)
        .order_by("-created_at")
    )


def initiative_survey_get(initiative_id: int, slug: str) -> Survey | None:
    return next((s for s in surveys_for_initiative_page(initiative_id) if s.slug == slug), None)


def initiative_results(survey: Survey, initiative_id: int) -> list[QuestionResult]:
    """The aggregates of one initiative's responses, without anything that could show a
    single respondent's answer: questions with fewer than MIN_GROUP_SIZE answers, free texts,
    dates and the smallest/largest number are left out."""
    shown = []
    for result in survey_results(survey, initiative_id=initiative_id):
        if result.kind in {*TEXT_KINDS, Kind.DATE}:
            continue
        if result.matrix:
            if min((row["total"] for row in result.matrix), default=0) < MIN_GROUP_SIZE:
                continue
        elif result.respondents < MIN_GROUP_SIZE:
            continue
        result.minimum = result.maximum = None
        shown.append(result)
    return shown


def initiative_surveys_section(initiative: Any) -> Any:
    """Provider for the initiative's public page (settings.INITIATIVE_SECTION_PROVIDERS)."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    from industriedialog.registry.selectors import InitiativeSection, SectionLink

    links = [
        SectionLink(
            title=survey.display_title,
            url=reverse(
                "surveys:initiative_results",
                kwargs={"slug": survey.slug, "initiative_slug": initiative.slug},
            ),
            text=_("%(n)s Antworten aus dieser Initiative, zusammengefasst")
            % {"n": survey.from_initiative},  # type: ignore[attr-defined]
        )
        for survey in surveys_for_initiative_page(initiative.pk)
    ]
    return InitiativeSection(key="surveys", heading=_("Umfrage-Ergebnisse"), links=links)
