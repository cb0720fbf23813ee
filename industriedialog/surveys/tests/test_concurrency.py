"""Concurrent submissions on PostgreSQL: retries racing each other store one response each,
with each answer once. (SQLite serialises all writers, so this only runs on PostgreSQL.)"""

from __future__ import annotations

import threading
import uuid

import pytest
from django.conf import settings
from django.db import connections

from industriedialog.surveys import services
from industriedialog.surveys.models import Answer, Response, Survey

from .factories import make_survey

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="Nebenläufigkeitstest braucht PostgreSQL (DATABASE_URL=postgres://…)",
    ),
]


def _race(jobs: list) -> list[BaseException]:  # type: ignore[type-arg]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(jobs))

    def run(job):  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            job()
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_concurrent_retries_store_one_response_each(regions):
    survey = make_survey()
    keys = [uuid.uuid4() for _ in range(15)]
    values = {"q1": "o1", "q2": "BY", "q3": "4", "q4": "2", "q5": "ok"}

    def submit(key):  # type: ignore[no-untyped-def]
        return lambda: services.response_save_page(
            survey=Survey.objects.get(pk=survey.pk),
            key=key,
            field_names=list(values),
            values=values,
            page=2,
            submit=True,
            create=True,
        )

    errors = _race([submit(key) for key in keys for _attempt in range(3)])
    assert errors == []
    assert Response.objects.filter(survey=survey).count() == 15
    assert Response.objects.filter(survey=survey, submitted_on__isnull=True).count() == 0
    assert Answer.objects.filter(survey=survey).count() == 15 * 5


def test_concurrent_first_uses_of_a_token_make_one_response(regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    (invitation,) = services.invitations_add(
        survey=survey, actor=None, entries=[{"email": "ahk@example.org"}]
    )
    seen: list[int] = []

    def open_link():  # type: ignore[no-untyped-def]
        seen.append(services.response_for_invitation(invitation=invitation).pk)

    assert _race([open_link for _ in range(8)]) == []
    assert Response.objects.filter(invitation=invitation).count() == 1
    assert len(set(seen)) == 1
