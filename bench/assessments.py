"""Self-assessment: benchmark aggregates and peer matching with 2,000 initiatives and 5,000
completed assessments (target: p95 <= 300 ms for both together).

Uses a throw-away database (bench/_setup.py): PostgreSQL with BENCH_DATABASE_URL, else SQLite.
Migrates, loads the regions, generates 2,000 synthetic initiatives (registry/synthetic.py),
the first criteria catalogue and 5,000 completed assessments (two or three years per initiative,
scores drawn at random, 30 % opted in to peer matching). Then, for N random initiatives:
``benchmark`` + ``peer_suggestions`` (with the catalogue read), and the whole result page
through the test client as a representative.

Prints JSON with p50/p95 wall-clock and CPU milliseconds (CPU = this process only: on a
busy machine it shows what the work costs when wall-clock figures wait for a CPU).
"""

from __future__ import annotations

import json
import logging
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase, percentile  # noqa: E402

bench_db = BenchDatabase("industriedialog_assessments_bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

INITIATIVES = int(os.environ.get("BENCH_INITIATIVES", "2000"))
ASSESSMENTS = int(os.environ.get("BENCH_ASSESSMENTS", "5000"))
N = int(os.environ.get("BENCH_REQUESTS", "200"))
TARGET_MS = 300


def _figures(wall: list[float], cpu: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(percentile(wall, 0.5), 1),
        "p95_ms": round(percentile(wall, 0.95), 1),
        "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
        "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
    }


def _assessments(rng: random.Random) -> int:
    from industriedialog.assessments.models import Assessment, PeerOptIn
    from industriedialog.assessments.selectors import catalogue_current, catalogue_dimensions
    from industriedialog.registry.models import Initiative

    catalogue = catalogue_current()
    assert catalogue is not None  # noqa: S101
    keys = [d.key for d in catalogue_dimensions(catalogue)]
    ids = list(Initiative.objects.filter(is_synthetic=True).values_list("pk", flat=True))
    this_year = timezone.localdate().year
    per_initiative = {pk: 2 for pk in ids}
    for pk in rng.sample(ids, max(0, ASSESSMENTS - 2 * len(ids))):
        per_initiative[pk] = 3
    rows = []
    now = timezone.now()
    for pk, count in per_initiative.items():
        base = rng.uniform(1.5, 4.0)
        for k in range(count):
            year = this_year - (count - 1 - k)
            scores = {
                key: round(min(5.0, max(1.0, base + rng.uniform(-1.2, 1.2) + 0.2 * k)), 2)
                for key in keys
            }
            rows.append(
                Assessment(
                    initiative_id=pk,
                    catalogue=catalogue,
                    year=year,
                    state=Assessment.State.COMPLETED,
                    completed_at=now,
                    scores=scores,
                    overall=round(sum(scores.values()) / len(scores), 2),
                    is_latest=k == count - 1,
                )
            )
    Assessment.objects.bulk_create(rows, batch_size=1000)
    PeerOptIn.objects.bulk_create(
        [PeerOptIn(initiative_id=pk) for pk in ids if rng.random() < 0.3], batch_size=1000
    )
    return len(rows)


def main() -> None:
    from industriedialog.accounts.tests.factories import representative_user
    from industriedialog.assessments import selectors, services
    from industriedialog.assessments.models import Assessment
    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load
    from industriedialog.registry.models import Representation
    from industriedialog.registry.synthetic import synthetic_generate

    logging.disable(logging.WARNING)
    call_command("migrate", verbosity=0, interactive=False)
    regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
    rng = random.Random(1)  # noqa: S311
    start = time.perf_counter()
    synthetic_generate(initiatives=INITIATIVES, organisations=INITIATIVES * 4, seed=1)
    services.catalogue_load_initial()
    created = _assessments(rng)
    generate_s = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a running database has them

    latest = list(
        Assessment.objects.filter(is_latest=True).select_related("initiative", "catalogue")
    )
    sample = rng.sample(latest, min(N, len(latest)))
    wall, cpu, peers_found, bench_shown = [], [], 0, 0
    for assessment in sample:
        t0, c0 = time.perf_counter(), time.process_time()
        dimensions = selectors.catalogue_dimensions(assessment.catalogue)
        bench = selectors.benchmark(assessment)
        peers = selectors.peer_suggestions(assessment, dimensions)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        peers_found += len(peers)
        bench_shown += bool(bench)

    # the whole result page, as a representative of the initiative
    page_wall, page_cpu = [], []
    user = representative_user()
    client = Client()
    client.force_login(user)
    for assessment in sample[: max(20, N // 4)]:
        Representation.objects.create(
            user=user, initiative=assessment.initiative, state=Representation.State.APPROVED
        )
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.get(f"/selbstbewertung/bewertung/{assessment.pk}/", HTTP_HOST="localhost")
        page_wall.append((time.perf_counter() - t0) * 1000)
        page_cpu.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200, response.status_code  # noqa: S101

    figures = _figures(wall, cpu)
    out = {
        "database": connection.vendor,
        "initiatives": INITIATIVES,
        "assessments": created,
        "generate_s": round(generate_s, 1),
        "requests": len(sample),
        "benchmark_and_peer_matching": {**figures, "target_p95_ms": TARGET_MS,
                                        "met": figures["p95_ms"] <= TARGET_MS},
        "avg_peers_suggested": round(peers_found / len(sample), 2),
        "share_with_benchmark": round(bench_shown / len(sample), 2),
        "result_page": _figures(page_wall, page_cpu),
    }  # fmt: skip
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    try:
        main()
    finally:
        bench_db.drop()
