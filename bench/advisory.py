"""Advice log with 3 years of data: 5,000 consultations over 300 initiatives.

Measures (N requests each, test client, staff session): the consultation list (first page,
filtered by initiative, text search), an initiative's history page, the overdue follow-ups,
the CSV export of all 5,000 rows, and the reporting figure ``initiatives_reached`` over three
years. SQLite by default; PostgreSQL with BENCH_DATABASE_URL=postgres://…

Prints JSON: {"database", "<name>": {"p50_ms", "p95_ms", "cpu_p95_ms", "queries"}, ...}.
``cpu_p95_ms`` is this process's CPU time: on a busy machine it shows the real cost when
wall-clock figures are inflated by waiting for a CPU.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase, percentile  # noqa: E402

bench_db = BenchDatabase("industriedialog_advisory_bench")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

N = int(os.environ.get("BENCH_REQUESTS", "30"))
CONSULTATIONS = int(os.environ.get("BENCH_CONSULTATIONS", "5000"))


def seed() -> tuple[int, int]:
    from industriedialog.accounts.tests.factories import staff_user
    from industriedialog.advisory.models import Consultation, ConsultationKind
    from industriedialog.regions.models import State
    from industriedialog.registry.models import FieldOfAction, Initiative
    from industriedialog.registry.services import vocabularies_ensure

    vocabularies_ensure()
    state = State.objects.create(code="TH", ags="16", nuts1="DEG", name="Thüringen")
    initiatives = Initiative.objects.bulk_create(
        Initiative(name=f"Initiative {i}", slug=f"initiative-{i}", level="region", status="active")
        for i in range(300)
    )
    Initiative.states.through.objects.bulk_create(
        Initiative.states.through(initiative_id=i.pk, state_id=state.pk) for i in initiatives
    )
    staff = [staff_user() for _ in range(6)]
    rng = random.Random(7)  # noqa: S311 - test data
    today = timezone.localdate()
    kinds = ConsultationKind.values
    rows = []
    for n in range(CONSULTATIONS):
        day = today - datetime.timedelta(days=rng.randrange(3 * 365))
        follow = n % 5 == 0
        rows.append(
            Consultation(
                kind=kinds[n % len(kinds)],
                date=day,
                duration_minutes=rng.choice([15, 30, 60, 90, 180]),
                staff_member=staff[n % len(staff)],
                summary=f"Beratung {n} zu Fachkräften, Akzeptanz und Transformation.",
                follow_up="Rückruf" if follow else "",
                follow_up_due_on=day + datetime.timedelta(days=14) if follow else None,
            )
        )
    consultations = Consultation.objects.bulk_create(rows, batch_size=1000)
    topics = list(FieldOfAction.objects.all())
    Consultation.initiatives.through.objects.bulk_create(
        [
            Consultation.initiatives.through(
                consultation_id=c.pk, initiative_id=initiatives[rng.randrange(300)].pk
            )
            for c in consultations
        ],
        batch_size=2000,
    )
    Consultation.topics.through.objects.bulk_create(
        [
            Consultation.topics.through(
                consultation_id=c.pk, fieldofaction_id=rng.choice(topics).pk
            )
            for c in consultations
        ],
        batch_size=2000,
    )
    return staff[0].pk, initiatives[0].pk


def measure(name: str, func, results: dict) -> None:  # type: ignore[no-untyped-def]
    func()  # warm-up
    walls, cpus = [], []
    with CaptureQueriesContext(connection) as queries:
        func()
    for _ in range(N):
        w, c = time.perf_counter(), time.process_time()
        func()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    results[name] = {
        "p50_ms": round(percentile(walls, 0.5), 1),
        "p95_ms": round(percentile(walls, 0.95), 1),
        "cpu_p95_ms": round(percentile(cpus, 0.95), 1),
        "queries": len(queries),
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    staff_pk, initiative_pk = seed()
    from django.contrib.auth import get_user_model

    from industriedialog.accounts.tests.factories import login_with_second_factor
    from industriedialog.advisory.selectors import initiatives_reached

    client = Client()
    login_with_second_factor(client, get_user_model().objects.get(pk=staff_pk))

    def get(path: str):  # type: ignore[no-untyped-def]
        def run() -> None:
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path}: {response.status_code}")

        return run

    today = timezone.localdate()
    results: dict = {"database": bench_db.vendor, "consultations": CONSULTATIONS}
    measure("list", get("/intern/beratungen/"), results)
    measure("list_initiative", get(f"/intern/beratungen/?initiative={initiative_pk}"), results)
    measure("list_search", get("/intern/beratungen/?suche=akzeptanz+fachkr"), results)
    measure("history", get(f"/intern/beratungen/initiative/{initiative_pk}/"), results)
    measure("follow_ups", get("/intern/beratungen/nachfassen/"), results)
    measure("export_csv_all", get("/intern/beratungen/export.csv"), results)
    measure(
        "initiatives_reached_3y",
        lambda: initiatives_reached(today - datetime.timedelta(days=3 * 365), today),
        results,
    )
    print(json.dumps(results))


try:
    main()
finally:
    bench_db.drop()
