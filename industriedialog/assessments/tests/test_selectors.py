from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from industriedialog.assessments import selectors
from industriedialog.assessments.models import Assessment
from industriedialog.assessments.tests.factories import DIMENSIONS, completed_assessment
from industriedialog.registry.models import FieldOfAction
from industriedialog.registry.services import vocabularies_ensure
from industriedialog.registry.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def _others(count: int, levels: int = 3, **kwargs) -> list[Assessment]:  # type: ignore[no-untyped-def]
    return [completed_assessment(levels=levels, **kwargs) for _ in range(count)]


def test_benchmark_is_hidden_below_five_other_initiatives(catalogue):
    own = completed_assessment(levels=2)
    _others(4)
    assert selectors.benchmark(own) == {}


def test_benchmark_shows_only_the_mean_of_at_least_five_others(catalogue):
    own = completed_assessment(levels=2)
    others = [completed_assessment(levels=level) for level in (1, 2, 3, 4, 4)]
    bench = selectors.benchmark(own)
    assert set(bench) == set(DIMENSIONS)
    expected = sum(o.scores["networking"] for o in others) / 5
    assert bench["networking"] == {"mean": pytest.approx(expected, abs=0.01), "count": 5}
    # no single initiative's value can be read off: only mean and count are returned
    for figure in bench.values():
        assert set(figure) == {"mean", "count"}


def test_benchmark_leaves_out_the_own_initiative_and_other_levels(catalogue):
    own = completed_assessment(levels=2)
    _others(4)
    _others(3, level="state")
    assert selectors.benchmark(own) == {}  # 4 others of the same level, 3 of another


def test_benchmark_uses_each_initiatives_newest_assessment_only(catalogue):
    own = completed_assessment(levels=2)
    initiative = InitiativeFactory()
    completed_assessment(initiative, 1, year=2024)
    completed_assessment(initiative, 1, year=2025)
    _others(3)
    assert selectors.benchmark(own) == {}  # 4 initiatives, although 5 assessments


def test_peers_are_opted_in_strong_in_a_weak_dimension_and_similar(catalogue):
    vocabularies_ensure()
    skilled = FieldOfAction.objects.get(code="skilled_workers")
    energy = FieldOfAction.objects.get(code="energy")
    own = completed_assessment(levels={**dict.fromkeys(DIMENSIONS, 4), "networking": 1})
    own.initiative.fields_of_action.set([skilled])
    alike = completed_assessment(levels=4, opted_in=True)
    alike.initiative.fields_of_action.set([skilled])
    unlike = completed_assessment(levels=4, opted_in=True, level="state")
    unlike.initiative.fields_of_action.set([energy])
    completed_assessment(levels=4)  # strong, but not opted in
    completed_assessment(levels=1, opted_in=True)  # opted in, but weak
    dimensions = selectors.catalogue_dimensions(own.catalogue)
    peers = selectors.peer_suggestions(own, dimensions)
    names = [p.initiative for p in peers]
    assert names == [alike.initiative, unlike.initiative]
    assert peers[0].dimension_key in selectors.weakest_dimensions(own.scores)
    assert peers[0].similarity > peers[1].similarity


def test_at_most_three_peers_are_suggested(catalogue):
    own = completed_assessment(levels=1)
    _others(5, levels=4, opted_in=True)
    dimensions = selectors.catalogue_dimensions(own.catalogue)
    assert len(selectors.peer_suggestions(own, dimensions)) == 3


def test_reporting_figures_count_completions_in_the_period_inclusive(catalogue):
    first = completed_assessment()
    second = completed_assessment()
    day = datetime.date(2026, 3, 31)
    tz = timezone.get_current_timezone()
    Assessment.objects.filter(pk=first.pk).update(
        completed_at=datetime.datetime(2026, 3, 31, 23, 30, tzinfo=tz)
    )
    Assessment.objects.filter(pk=second.pk).update(
        completed_at=datetime.datetime(2026, 4, 1, 0, 30, tzinfo=tz)
    )
    assert selectors.count_completed_assessments(datetime.date(2026, 1, 1), day) == 1
    assert selectors.initiatives_with_assessment(datetime.date(2026, 1, 1), day) == {
        first.initiative_id
    }
    assert selectors.count_completed_assessments(day, datetime.date(2026, 4, 1)) == 2


def test_timeline_lists_completed_assessments_of_the_initiative(catalogue):
    assessment = completed_assessment()
    completed_assessment()  # another initiative
    entries = selectors.initiative_timeline_entries(assessment.initiative)
    assert len(entries) == 1
    assert entries[0].kind == "assessment"
    assert entries[0].url.endswith(f"/bewertung/{assessment.pk}/")


def test_network_overview_names_the_weakest_dimensions(catalogue):
    for _ in range(3):
        completed_assessment(levels={**dict.fromkeys(DIMENSIONS, 4), "impact": 1})
    dimensions = selectors.catalogue_dimensions(selectors.catalogue_current())
    overview = selectors.network_overview(dimensions)
    assert overview["weak"][0]["key"] == "impact"
    impact = next(d for d in overview["dimensions"] if d["key"] == "impact")
    assert impact["bands"] == [3, 0, 0, 0] and impact["weak_share"] == 100
