"""Bench of the award competition: the ranking (weighted totals, spread, tie rule) and the
jury's list for a large call, 300 admitted entries x 5 jurors x 6 criteria (9,000 scores).

    python bench/awards.py                      # SQLite in a temp dir
    BENCH_DATABASE_URL=postgres://… python bench/awards.py

Prints JSON: p50/p95 wall and CPU milliseconds and the number of queries per call.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase, percentile  # noqa: E402

bench_db = BenchDatabase("industriedialog_awards_bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

ENTRIES, JURORS, CRITERIA, RUNS = 300, 5, 6, 20


def _setup():  # type: ignore[no-untyped-def]
    import datetime

    from industriedialog.accounts.models import User
    from industriedialog.accounts.roles import Role
    from industriedialog.accounts.services import user_set_roles
    from industriedialog.awards.models import (
        AwardCall,
        Category,
        Criterion,
        Eligibility,
        JuryScore,
        Phase,
        Submission,
        SubmissionStatus,
    )
    from industriedialog.registry.models import Initiative

    now = timezone.now()
    call = AwardCall.objects.create(
        title="Bench",
        slug="bench",
        description="Bench",
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
        publish_on=timezone.localdate(),
        phase=Phase.SCORING,
    )
    categories = [Category.objects.create(call=call, name=f"K{i}", position=i) for i in range(3)]
    criteria = [
        Criterion.objects.create(
            call=call, name=f"C{i}", weight=1 + i % 3, counts_toward_total=i < 5, position=i
        )
        for i in range(CRITERIA)
    ]
    jurors = []
    for i in range(JURORS):
        user = User.objects.create_user(email=f"juror{i}@example.org", password=None)
        user_set_roles(user=user, roles=[Role.JURY])
        jurors.append(user)
    for category in categories:
        category.jurors.set(jurors)
    initiatives = Initiative.objects.bulk_create(
        Initiative(name=f"Initiative {i}", slug=f"initiative-{i}", level="region")
        for i in range(ENTRIES)
    )
    submissions = Submission.objects.bulk_create(
        Submission(
            call=call,
            category=categories[i % 3],
            initiative=initiative,
            status=SubmissionStatus.SUBMITTED,
            submitted_at=now,
            eligibility=Eligibility.ELIGIBLE,
        )
        for i, initiative in enumerate(initiatives)
    )
    JuryScore.objects.bulk_create(
        JuryScore(
            submission=s,
            juror=j,
            criterion=c,
            value=1 + (s.pk * 7 + j.pk * 3 + c.pk) % 5,
        )
        for s in submissions
        for j in jurors
        for c in criteria
    )
    return call, jurors[0]


def _measure(func) -> dict[str, float]:  # type: ignore[no-untyped-def]
    wall, cpu, queries = [], [], 0
    for _ in range(RUNS):
        began, began_cpu = time.perf_counter(), time.process_time()
        with CaptureQueriesContext(connection) as captured:
            func()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        queries = len(captured)
    return {
        "p50_ms": round(percentile(wall, 0.5), 1),
        "p95_ms": round(percentile(wall, 0.95), 1),
        "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
        "queries": queries,
    }


def main() -> None:
    from industriedialog.awards import selectors

    call_command("migrate", verbosity=0)
    call, juror = _setup()
    result = {
        "database": bench_db.vendor,
        "entries": ENTRIES,
        "scores": ENTRIES * JURORS * CRITERIA,
        "ranking_compute": _measure(lambda: selectors.ranking_compute(call)),
        "jury_progress": _measure(lambda: selectors.jury_progress(call)),
        "juror_submissions": _measure(lambda: list(selectors.juror_submissions(call, juror))),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        bench_db.drop()
