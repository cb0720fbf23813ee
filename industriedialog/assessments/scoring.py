"""Merging the representatives' answers and computing scores (pure functions on rows)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Answer, Criterion, Dimension, level_to_score

# Two representatives disagree when their levels for a criterion differ by this much or more.
DISAGREEMENT_SPREAD = 2


@dataclass
class CriterionResult:
    criterion: Criterion
    levels: list[int] = field(default_factory=list)  # one per person (or the registry fact)
    is_prefilled: bool = False
    fact: str = ""

    @property
    def is_answered(self) -> bool:
        return bool(self.levels)

    @property
    def mean_level(self) -> float | None:
        return sum(self.levels) / len(self.levels) if self.levels else None

    @property
    def score(self) -> float | None:
        mean = self.mean_level
        return None if mean is None else level_to_score(mean, self.criterion.level_count)

    @property
    def is_disputed(self) -> bool:
        return len(self.levels) > 1 and max(self.levels) - min(self.levels) >= DISAGREEMENT_SPREAD

    @property
    def next_level_text(self) -> str:
        """The description of the next level up: the concrete next step."""
        mean = self.mean_level
        if mean is None:
            return ""
        texts = self.criterion.level_texts
        index = int(mean)  # levels are 1-based: the next level's index is floor(mean)
        return texts[index] if index < len(texts) else ""


def criterion_results(
    dimensions: Iterable[Dimension], answers: Iterable[Answer]
) -> dict[int, CriterionResult]:
    """All answers of an assessment merged per criterion (every person counts once)."""
    results: dict[int, CriterionResult] = {}
    for dimension in dimensions:
        for criterion in dimension.criteria.all():
            results[criterion.pk] = CriterionResult(criterion=criterion)
    for answer in answers:
        result = results.get(answer.criterion_id)
        if result is None:
            continue
        result.levels.append(answer.level)
        if answer.is_prefilled:
            result.is_prefilled = True
            result.fact = answer.fact
    return results


def dimension_scores(
    dimensions: Iterable[Dimension], results: dict[int, CriterionResult]
) -> dict[str, float]:
    """Weighted mean of the answered criteria per dimension, on the scale 1–5."""
    scores: dict[str, float] = {}
    for dimension in dimensions:
        total = weights = 0.0
        for criterion in dimension.criteria.all():
            score = results[criterion.pk].score
            if score is not None:
                total += score * criterion.weight
                weights += criterion.weight
        if weights:
            scores[dimension.key] = round(total / weights, 2)
    return scores


def overall_score(dimensions: Iterable[Dimension], scores: dict[str, float]) -> float | None:
    weighted = [(scores[d.key], d.weight) for d in dimensions if d.key in scores]
    if not weighted:
        return None
    return round(sum(s * w for s, w in weighted) / sum(w for _, w in weighted), 2)


def levels_by_user(answers: Iterable[Answer]) -> dict[int | None, dict[int, int]]:
    by_user: dict[int | None, dict[int, int]] = defaultdict(dict)
    for answer in answers:
        if not answer.is_prefilled:
            by_user[answer.user_id][answer.criterion_id] = answer.level
    return by_user
