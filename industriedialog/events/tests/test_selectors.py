"""Figures for the reporting module."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from industriedialog.events import selectors
from industriedialog.events.tests.factories import EventFactory, attended, confirmed
from industriedialog.registry.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_participants_per_event_kind_and_state(regions):
    from industriedialog.regions.models import State

    bw = State.objects.get(code="BW")
    workshop = EventFactory(kind="workshop", state=bw, capacity=5)
    webinar = EventFactory(kind="webinar", is_online=True, venue_name="", capacity=5)
    confirmed(workshop)
    confirmed(workshop)
    confirmed(webinar)
    per_event = {row["slug"]: row["participants"] for row in selectors.participants_per_event()}
    assert per_event == {workshop.slug: 2, webinar.slug: 1}
    per_kind = selectors.participants_per_kind()
    assert (per_kind["workshop"], per_kind["webinar"], per_kind["network_meeting"]) == (2, 1, 0)
    assert selectors.participants_per_state() == {"BW": 2, "online": 1}


def test_initiatives_reached_through_events_in_a_period():
    organiser, partner, sender, elsewhere = (InitiativeFactory() for _ in range(4))
    start = timezone.now() - datetime.timedelta(days=10)
    event = EventFactory(organiser=organiser, starts_at=start, ends_at=start)
    event.partners.add(partner)
    attended(event, initiative=sender)
    later = timezone.now() + datetime.timedelta(days=400)
    EventFactory(organiser=elsewhere, starts_at=later, ends_at=later)
    today = timezone.localdate()
    period = (today - datetime.timedelta(days=30), today)
    reached = set(selectors.initiatives_reached_through_events(period))
    assert reached == {organiser, partner, sender}
