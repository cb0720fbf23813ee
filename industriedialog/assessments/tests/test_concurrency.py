"""Several representatives starting and completing at once, on PostgreSQL with threads
(SQLite serialises all writes and cannot show the race, so the test is skipped there)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from industriedialog.assessments import services
from industriedialog.assessments.models import Answer, Assessment, Criterion
from industriedialog.assessments.tests.factories import answer_all
from industriedialog.registry.tests.factories import InitiativeFactory, representative_of

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


def test_parallel_starts_share_one_assessment_with_one_set_of_facts():
    services.catalogue_load_initial()
    initiative = InitiativeFactory()
    reps = [representative_of(initiative) for _ in range(8)]
    start = _in_thread(lambda user: services.assessment_start(initiative=initiative, user=user).pk)
    with ThreadPoolExecutor(max_workers=8) as pool:
        pks = set(pool.map(start, reps))
    assert len(pks) == 1
    assert Assessment.objects.count() == 1
    prefilled = Criterion.objects.exclude(prefill="").count()
    assert Answer.objects.filter(is_prefilled=True).count() == prefilled


def test_parallel_completions_complete_once():
    services.catalogue_load_initial()
    initiative = InitiativeFactory()
    reps = [representative_of(initiative) for _ in range(4)]
    assessment = services.assessment_start(initiative=initiative, user=reps[0])
    answer_all(assessment, 3, user=reps[0])

    def complete(user):  # type: ignore[no-untyped-def]
        try:
            services.assessment_complete(assessment=assessment, user=user)
            return "done"
        except ValidationError:
            return "refused"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(_in_thread(complete), reps))
    assert outcomes.count("done") == 1 and outcomes.count("refused") == 3
    assert Assessment.objects.filter(is_latest=True).count() == 1
