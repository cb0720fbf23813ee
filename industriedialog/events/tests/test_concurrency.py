"""Capacity under concurrent confirmations and repeated submits, on PostgreSQL with threads
(SQLite serialises all writes and cannot show the race, so the test is skipped there)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from industriedialog.events import services
from industriedialog.events.models import Registration
from industriedialog.events.tests.factories import EventFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (row locks, real concurrency)"
    ),
]


def _in_thread(func):  # type: ignore[no-untyped-def]
    def run(*args):  # type: ignore[no-untyped-def]
        try:
            return func(*args)
        finally:
            connections.close_all()

    return run


def test_parallel_confirmations_never_exceed_capacity():
    event = EventFactory(capacity=10)
    tokens = [
        services.registration_submit(event=event, name=f"P{i}", email=f"p{i}@example.org")[0].token
        for i in range(40)
    ]
    confirm = _in_thread(lambda token: services.registration_confirm(token=token).status)
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(confirm, tokens))
    assert statuses.count("confirmed") == 10
    assert statuses.count("waitlisted") == 30
    assert event.registrations.filter(status="confirmed").count() == 10


def test_parallel_identical_submits_create_one_registration():
    event = EventFactory(capacity=10)
    submit = _in_thread(
        lambda _i: (
            services.registration_submit(event=event, name="Erika", email="erika@example.org")[0].pk
        )
    )
    with ThreadPoolExecutor(max_workers=10) as pool:
        ids = set(pool.map(submit, range(10)))
    assert len(ids) == 1
    assert Registration.objects.filter(event=event).count() == 1


def test_parallel_cancellations_move_each_waiting_person_up_once():
    event = EventFactory(capacity=5)
    regs = [
        services.registration_confirm(
            token=services.registration_submit(
                event=event, name=f"P{i}", email=f"p{i}@example.org"
            )[0].token
        )
        for i in range(10)
    ]
    holders = [r for r in regs if r.status == "confirmed"]
    cancel = _in_thread(lambda r: len(services.registration_cancel(registration=r)))
    with ThreadPoolExecutor(max_workers=5) as pool:
        moved = sum(pool.map(cancel, holders))
    assert moved == 5
    assert event.registrations.filter(status="confirmed").count() == 5
    assert event.registrations.filter(status="waitlisted").count() == 0
