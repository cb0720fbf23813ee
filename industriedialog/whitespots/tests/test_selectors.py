"""Coverage rules: regional vs state-level, inactive and founding initiatives, mergers; and the
priority ranking of white spots."""

from __future__ import annotations

import pytest

from industriedialog.regions.models import District, State
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.registry.vocabularies import Level, Status
from industriedialog.whitespots.selectors import (
    CoverageKind,
    coverage_compute,
    default_weights,
    white_spots_rank,
)

pytestmark = pytest.mark.django_db

EICHSFELD, ERFURT, HAMBURG = "16061", "16051", "02000"


def _regional(ags: str, *, status: str = Status.ACTIVE, level: str = Level.REGION, name: str = ""):
    district = District.objects.get(ags=ags)
    initiative = InitiativeFactory(
        level=level, status=status, states=[district.state], **({"name": name} if name else {})
    )
    initiative.districts.set([district])
    return initiative


def _state_level(code: str, *, status: str = Status.ACTIVE):
    return InitiativeFactory(
        level=Level.STATE, status=status, states=[State.objects.get(code=code)]
    )


def test_without_initiatives_every_district_is_uncovered(regions):
    coverage = coverage_compute()
    assert len(coverage) == 400
    assert {entry.coverage for entry in coverage.values()} == {CoverageKind.NONE}


def test_regional_initiative_covers_only_its_districts(regions):
    initiative = _regional(ERFURT)
    coverage = coverage_compute()
    assert coverage[ERFURT].coverage == CoverageKind.REGIONAL
    assert [r.pk for r in coverage[ERFURT].regional] == [initiative.pk]
    assert coverage[EICHSFELD].coverage == CoverageKind.NONE


def test_state_level_initiative_covers_all_districts_of_its_state_but_leaves_white_spots(regions):
    _state_level("TH")
    coverage = coverage_compute()
    thuringia = [e for e in coverage.values() if e.state_code == "TH"]
    assert len(thuringia) == 22
    assert all(e.coverage == CoverageKind.STATE_ONLY for e in thuringia)
    assert all(e.is_white_spot for e in thuringia)  # a Land initiative is no regional one
    assert coverage[HAMBURG].coverage == CoverageKind.NONE


def test_state_level_initiative_with_named_districts_still_counts_as_state_level(regions):
    initiative = _state_level("TH")
    initiative.districts.set([District.objects.get(ags=ERFURT)])
    assert coverage_compute()[ERFURT].coverage == CoverageKind.STATE_ONLY


def test_regional_coverage_wins_over_state_level(regions):
    _state_level("TH")
    _regional(ERFURT, level=Level.MUNICIPALITY)
    entry = coverage_compute()[ERFURT]
    assert entry.coverage == CoverageKind.REGIONAL
    assert len(entry.state_level) == 1


@pytest.mark.parametrize("status", [Status.DORMANT, Status.ENDED])
def test_dormant_and_ended_initiatives_do_not_cover(regions, status):
    _regional(ERFURT, status=status)
    _state_level("TH", status=status)
    entry = coverage_compute()[ERFURT]
    assert entry.coverage == CoverageKind.NONE
    assert entry.regional == entry.state_level == entry.founding == []


def test_founding_initiative_is_listed_apart_and_does_not_cover(regions):
    _regional(EICHSFELD, status=Status.FOUNDING, name="Industrieinitiative Eichsfeld")
    entry = coverage_compute()[EICHSFELD]
    assert entry.coverage == CoverageKind.NONE
    assert [r.name for r in entry.founding] == ["Industrieinitiative Eichsfeld"]


def test_link_to_a_former_district_covers_its_successor(regions):
    _regional("16056")  # Eisenach, merged into the Wartburgkreis in 2021
    coverage = coverage_compute()
    assert "16056" not in coverage
    assert coverage["16063"].coverage == CoverageKind.REGIONAL


def test_coverage_takes_a_fixed_number_of_queries(regions, django_assert_max_num_queries):
    for ags in (ERFURT, EICHSFELD, HAMBURG, "16063"):
        _regional(ags)
    _state_level("TH")
    with django_assert_max_num_queries(4):
        coverage_compute()


def test_ranking_lists_only_white_spots_with_the_highest_score_first(regions):
    _regional(ERFURT)
    ranked = white_spots_rank(coverage_compute(), weights=default_weights())
    assert ERFURT not in {r.district.ags for r in ranked}
    assert len(ranked) == 399
    scores = [r.score for r in ranked]
    assert scores == sorted(scores, reverse=True)
    assert [r.rank for r in ranked[:3]] == [1, 2, 3]


def test_ranking_weights_change_the_order(regions):
    only_population = dict.fromkeys(default_weights(), 0) | {"population": 1}
    ranked = white_spots_rank(coverage_compute(), weights=only_population)
    assert ranked[0].district.ags == "11000"  # Berlin, the most populous district
    assert ranked[0].score == 100.0
    only_distance = dict.fromkeys(default_weights(), 0) | {"distance": 1}
    _regional(HAMBURG)
    ranked = white_spots_rank(coverage_compute(), weights=only_distance)
    far = ranked[0].district
    assert far.state_code in {"BY", "BW", "SN"}  # farthest from Hamburg is in the south
    assert ranked[0].distance_km > 500


def test_ranking_uses_the_chosen_indicator(regions):
    from industriedialog.regions.models import Indicator, IndicatorValue

    indicator = Indicator.objects.create(name="Beschäftigte im Verarbeitenden Gewerbe")
    IndicatorValue.objects.create(
        indicator=indicator,
        district=District.objects.get(ags=EICHSFELD),
        year=2023,
        value=99999,
        source="Test",
    )
    weights = dict.fromkeys(default_weights(), 0) | {"industry": 1}
    ranked = white_spots_rank(coverage_compute(), weights=weights, indicator=indicator)
    assert ranked[0].district.ags == EICHSFELD
    assert ranked[0].industry == 99999


def test_cached_coverage_follows_registry_changes_at_once(regions):
    from industriedialog.registry.services import initiative_update
    from industriedialog.whitespots.selectors import coverage_current

    initiative = _regional(ERFURT, status=Status.FOUNDING)
    assert coverage_current()[ERFURT].coverage == CoverageKind.NONE
    initiative_update(initiative=initiative, status=Status.ACTIVE)
    assert coverage_current()[ERFURT].coverage == CoverageKind.REGIONAL
    initiative.districts.add(District.objects.get(ags=EICHSFELD))
    assert coverage_current()[EICHSFELD].coverage == CoverageKind.REGIONAL
    initiative.districts.remove(District.objects.get(ags=ERFURT))
    assert coverage_current()[ERFURT].coverage == CoverageKind.NONE
