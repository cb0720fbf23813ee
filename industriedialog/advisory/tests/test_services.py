"""The founding pipeline: moving through the stages and "gegründet" writing the registry."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from industriedialog.accounts.tests.factories import staff_user
from industriedialog.advisory.models import FoundingStep, PartnerResponse, Stage
from industriedialog.advisory.selectors import advisory_staff_tasks, steps_overdue
from industriedialog.advisory.services import (
    founding_case_found,
    founding_case_move,
    founding_partner_add,
    founding_step_add,
)
from industriedialog.common.models import AuditLogEntry
from industriedialog.registry.models import Initiative, Organisation
from industriedialog.registry.tests.factories import InitiativeFactory, OrganisationFactory
from industriedialog.registry.vocabularies import Level, OrganisationKind, Status
from industriedialog.whitespots.selectors import CoverageKind, coverage_compute

from .factories import FoundingCaseFactory

pytestmark = pytest.mark.django_db


def test_case_moves_through_the_stages_with_a_log_entry(regions):
    case, actor = FoundingCaseFactory(), staff_user()
    for stage in (Stage.FIRST_MEETING, Stage.WORKSHOP, Stage.DECLARATION):
        founding_case_move(case=case, stage=stage, actor=actor)
    case.refresh_from_db()
    assert case.stage == Stage.DECLARATION
    moves = AuditLogEntry.objects.filter(action="advisory.case_moved").order_by("id")
    assert [e.data["stage"] for e in moves][-1] == [Stage.WORKSHOP, Stage.DECLARATION]


def test_moving_to_founded_needs_the_founding_action(regions):
    case = FoundingCaseFactory()
    with pytest.raises(ValidationError, match="Gegründet"):
        founding_case_move(case=case, stage=Stage.FOUNDED, actor=staff_user())
    case.refresh_from_db()
    assert case.stage == Stage.FIRST_CONTACT


def test_founding_creates_the_registry_entry_and_covers_the_district(regions):
    actor = staff_user()
    case = FoundingCaseFactory(name="Industrieinitiative Eichsfeld", districts=["16061"])
    known = OrganisationFactory(name="IHK Erfurt", kind=OrganisationKind.IHK)
    founding_partner_add(
        case=case, actor=actor, organisation=known, response=PartnerResponse.COMMITTED
    )
    founding_partner_add(
        case=case,
        actor=actor,
        name="IG Metall Nordhausen",
        kind=OrganisationKind.UNION,
        response=PartnerResponse.COMMITTED,
    )
    founding_partner_add(
        case=case,
        actor=actor,
        name="Firma Absage",
        kind=OrganisationKind.COMPANY,
        response=PartnerResponse.DECLINED,
    )
    assert coverage_compute()["16061"].coverage == CoverageKind.NONE

    initiative = founding_case_found(case=case, actor=actor, founded_on=datetime.date(2025, 3, 1))

    assert initiative.name == "Industrieinitiative Eichsfeld"
    assert (initiative.level, initiative.status) == (Level.REGION, Status.ACTIVE)
    assert initiative.founded_year == 2025
    assert [s.code for s in initiative.states.all()] == ["TH"]
    assert [d.ags for d in initiative.districts.all()] == ["16061"]
    members = sorted(m.organisation.name for m in initiative.memberships.all())
    assert members == ["IG Metall Nordhausen", "IHK Erfurt"]
    assert not Organisation.objects.filter(name="Firma Absage").exists()
    case.refresh_from_db()
    assert (case.stage, case.initiative) == (Stage.FOUNDED, initiative)
    assert coverage_compute()["16061"].coverage == CoverageKind.REGIONAL
    assert AuditLogEntry.objects.filter(action="registry.initiative_created").count() == 1


def test_founding_activates_an_entry_already_listed_as_in_founding(regions):
    existing = InitiativeFactory(name="Industrieinitiative Eichsfeld", status=Status.FOUNDING)
    case = FoundingCaseFactory(districts=["16061"], initiative=existing)
    founding_case_found(case=case, actor=staff_user(), name="Industrieinitiative Eichsfeld")
    existing.refresh_from_db()
    assert existing.status == Status.ACTIVE
    assert Initiative.objects.filter(name="Industrieinitiative Eichsfeld").count() == 1
    assert coverage_compute()["16061"].coverage == CoverageKind.REGIONAL


def test_founding_twice_or_from_a_stopped_case_is_refused(regions):
    case = FoundingCaseFactory()
    founding_case_found(case=case, actor=staff_user())
    with pytest.raises(ValidationError, match="bereits gegründet"):
        founding_case_found(case=case, actor=staff_user())
    stopped = FoundingCaseFactory(stage=Stage.STOPPED)
    with pytest.raises(ValidationError, match="abgebrochen"):
        founding_case_found(case=stopped, actor=staff_user())
    assert Initiative.objects.count() == 1


def test_overdue_steps_reach_the_staff_dashboard(regions):
    case, actor = FoundingCaseFactory(), staff_user()
    today = timezone.localdate()
    founding_step_add(
        case=case, actor=actor, title="Anrufen", due_on=today - datetime.timedelta(days=2)
    )
    founding_step_add(
        case=case, actor=actor, title="Workshop", due_on=today + datetime.timedelta(days=9)
    )
    assert [s.title for s in steps_overdue()] == ["Anrufen"]
    [task] = advisory_staff_tasks(actor)
    assert task.count == 1
    FoundingStep.objects.filter(title="Anrufen").update(done_at=datetime.datetime.now(datetime.UTC))
    assert advisory_staff_tasks(actor)[0].count == 0
