"""The figures the reporting module reads (contracts.md): consultations counted and
initiatives reached in an inclusive date range."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from industriedialog.advisory.selectors import (
    count_consultations,
    initiatives_consulted,
    initiatives_reached,
)
from industriedialog.events.selectors import initiatives_with_event_participation
from industriedialog.events.tests.factories import EventFactory, attended
from industriedialog.events.vocabularies import RegistrationStatus
from industriedialog.registry.tests.factories import InitiativeFactory

from .factories import ConsultationFactory, FoundingCaseFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)


def _on(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_count_includes_both_edges_and_nothing_outside():
    for day in (
        datetime.date(2024, 12, 31),
        START,
        datetime.date(2025, 2, 14),
        END,
        datetime.date(2025, 4, 1),
    ):
        ConsultationFactory(date=day)
    assert count_consultations(START, END) == 3
    assert count_consultations(START, START) == 1
    assert count_consultations(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)) == 0


def test_initiatives_consulted_are_distinct_ids_in_the_period():
    a, b, c, outside = (
        InitiativeFactory(),
        InitiativeFactory(),
        InitiativeFactory(),
        InitiativeFactory(),
    )
    ConsultationFactory(date=START, initiatives=[a, b])
    ConsultationFactory(date=END, initiatives=[a])
    ConsultationFactory(date=datetime.date(2025, 4, 1), initiatives=[outside])
    ConsultationFactory(date=datetime.date(2024, 12, 31), initiatives=[outside])
    # a consultation on a founding case counts for the case's registry entry
    ConsultationFactory(
        date=datetime.date(2025, 2, 1), founding_case=FoundingCaseFactory(initiative=c)
    )
    # one on a case without an entry counts for no initiative
    ConsultationFactory(date=datetime.date(2025, 2, 1), founding_case=FoundingCaseFactory())
    assert initiatives_consulted(START, END) == {a.pk, b.pk, c.pk}


def test_event_participation_by_organiser_partner_or_confirmed_participant():
    organiser, partner, sender, unconfirmed, late = (InitiativeFactory() for _ in range(5))
    EventFactory(starts_at=_on(START, 9), ends_at=_on(START, 12), organiser=organiser)
    last = EventFactory(starts_at=_on(END, 18), ends_at=_on(END, 20))
    last.partners.add(partner)
    attended(last, initiative=sender)
    waiting = attended(last, initiative=unconfirmed)
    waiting.status = RegistrationStatus.WAITLISTED  # only confirmed participants count
    waiting.save()
    EventFactory(starts_at=_on(datetime.date(2025, 4, 1), 9), organiser=late)
    assert initiatives_with_event_participation(START, END) == {organiser.pk, partner.pk, sender.pk}


def test_reached_is_the_union_of_consultations_and_events():
    consulted, met, both, neither = (InitiativeFactory() for _ in range(4))
    ConsultationFactory(date=START, initiatives=[consulted, both])
    event = EventFactory(starts_at=_on(END), ends_at=_on(END, 12), organiser=met)
    event.partners.add(both)
    ConsultationFactory(date=datetime.date(2025, 5, 1), initiatives=[neither])
    reached = initiatives_reached(START, END)
    assert reached == {consulted.pk, met.pk, both.pk}
    assert len(reached) == 3  # "both" counted once
