"""Target vs actual: statuses, manual values, the cache, the map figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from industriedialog.advisory.tests.factories import ConsultationFactory
from industriedialog.registry.tests.factories import InitiativeFactory
from industriedialog.reporting import selectors, services
from industriedialog.reporting.demo import load_demo_reporting
from industriedialog.reporting.models import Indicator, Target

from .factories import make_indicator, make_project, make_task, period

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 5, 6)


def _figure(project, indicator, label="2025"):  # type: ignore[no-untyped-def]
    figures = selectors.project_figures(project)
    row = next(r for t in figures["tasks"] for r in t["indicators"] if r["id"] == indicator.pk)
    return row["values"][str(period(project, label).pk)]


def test_status_is_achieved_when_the_actual_reaches_the_target() -> None:
    project = make_project()
    indicator = make_indicator(
        make_task(project), "Beratungen", "consultations", {"2025": 2, "2026": 3}
    )
    ConsultationFactory.create_batch(2, date=DAY)
    assert _figure(project, indicator) == {
        "target": 2,
        "actual": 2,
        "status": "achieved",
        "note": "",
    }
    assert _figure(project, indicator, "2026")["status"] == "open"
    assert _figure(project, indicator, "2027")["status"] == "no_target"
    assert _figure(project, indicator, "Gesamt")["status"] == "no_target"


def test_a_manual_indicator_shows_the_recorded_value_and_note() -> None:
    project = make_project()
    indicator = make_indicator(make_task(project), "Seitenaufrufe", "", {"2025": 1000})
    assert _figure(project, indicator)["status"] == "no_value"
    services.manual_value_set(
        indicator=indicator,
        period=period(project, "2025"),
        actor=None,
        value=Decimal("1250"),
        note="Webanalyse Januar",
    )
    assert _figure(project, indicator) == {
        "target": 1000,
        "actual": 1250,
        "status": "achieved",
        "note": "Webanalyse Januar",
    }


def test_computed_indicators_cannot_be_typed_in() -> None:
    project = make_project()
    indicator = make_indicator(make_task(project), "Beratungen", "consultations")
    with pytest.raises(ValidationError):
        services.manual_value_set(
            indicator=indicator, period=period(project, "2025"), actor=None, value=5, note="x"
        )


def test_a_missing_module_is_reported_as_unavailable(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A computation whose app is not installed (here: a module that does not exist) shows
    "unavailable" instead of failing the dashboard."""
    from industriedialog.reporting import indicators

    def from_a_missing_module(start, end):  # type: ignore[no-untyped-def]
        return indicators.contract("industriedialog.not_installed.selectors.count")(start, end)

    monkeypatch.setitem(
        indicators.COMPUTATIONS,
        "not_installed",
        indicators.Computation("not_installed", "Fehlt", "", "", from_a_missing_module),
    )
    project = make_project()
    indicator = make_indicator(make_task(project), "Fehlt", "not_installed", {"2025": 5})
    assert _figure(project, indicator)["status"] == "unavailable"


def test_cached_figures_change_when_the_data_changes() -> None:
    project = make_project()
    indicator = make_indicator(make_task(project), "Beratungen", "consultations")
    ConsultationFactory(date=DAY)
    assert _figure(project, indicator)["actual"] == 1
    ConsultationFactory(date=DAY)
    assert _figure(project, indicator)["actual"] == 2


def test_targets_set_and_removed() -> None:
    project = make_project()
    indicator = make_indicator(make_task(project), "Beratungen", "consultations", {"2026": 9})
    services.targets_set(
        indicator=indicator,
        actor=None,
        values={period(project, "2025"): Decimal(4), period(project, "2026"): None},
    )
    assert dict(Target.objects.values_list("period__label", "value")) == {"2025": Decimal(4)}


def test_reached_initiatives_by_district_and_state(regions) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from industriedialog.regions.models import District

    eichsfeld = District.objects.get(ags="16061")
    one = InitiativeFactory()
    one.districts.set([eichsfeld])
    two = InitiativeFactory()
    two.districts.set([eichsfeld, District.objects.get(ags="16062")])
    ConsultationFactory(date=DAY, initiatives=[one, two])
    reached = selectors.reached_by_region(datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    assert reached["total"] == 2
    assert reached["districts"] == {"16061": 2, "16062": 1}
    assert reached["states"] == [{"code": "TH", "name": "Thüringen", "count": 2}]
    listing = selectors.reached_districts_by_state(reached["districts"])
    assert [d["name"] for d in listing[0]["districts"]] == ["Eichsfeld", "Nordhausen"]


def test_demo_loader_is_idempotent_and_targets_sixty_reached_initiatives() -> None:
    first = load_demo_reporting()
    second = load_demo_reporting()
    assert first["indicators"] == Indicator.objects.count() > 10
    assert not any(second.values())
    reached = Indicator.objects.get(name="Initiativen erreicht")
    assert reached.computation == "initiatives_reached"
    assert reached.targets.get(period__is_whole_term=True).value == 60
