"""Server-side latency of the registry with 2,000 initiatives and 20,000 organisations.

Sets up a throw-away database: a SQLite file in a temp dir, or, when BENCH_DATABASE_URL or
DATABASE_URL points to PostgreSQL, a dedicated database ``industriedialog_bench`` on that
server (created and dropped again). Migrates, loads the regions, generates the synthetic data,
then requests each page N times through Django's test client (after a warm-up). Parts that are
not installed yet are reported as ``skipped``. Finally times an import of 10,000 rows.
Prints JSON: {"database", "generate_s", "<page>": {"p50_ms", "p95_ms", "max_ms", "cpu_p95_ms",
"queries", "target_p95_ms"}, "import_10000_rows": {...}, "rss_mb"}. ``cpu_p95_ms`` is this
process's CPU time (with SQLite including the database): on a busy machine it shows what the
request costs when wall-clock figures are inflated by waiting for a CPU.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("LOG_LEVEL", "ERROR")

BENCH_DATABASE = "industriedialog_bench"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase  # noqa: E402

bench_db = BenchDatabase(BENCH_DATABASE)
TMP = bench_db.tmp

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

N = int(os.environ.get("BENCH_REQUESTS", "200"))
N_EXPORT = int(os.environ.get("BENCH_EXPORT_REQUESTS", "20"))
INITIATIVES = int(os.environ.get("BENCH_INITIATIVES", "2000"))
ORGANISATIONS = int(os.environ.get("BENCH_ORGANISATIONS", "20000"))
DIRECTORY_QUERY = "state=NW&level=region&field=skilled_workers&q=Industrie"


def _measure(client: Client, path: str, n: int, target_ms: int | None = None) -> dict:
    response = client.get(path)  # warm-up
    if response.status_code == 404:
        return {"skipped": "not installed (404)", "path": path}
    if response.status_code >= 500:
        return {"error": f"HTTP {response.status_code}", "path": path}
    timings, cpu = [], []
    for _ in range(n):
        reset_queries()
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    timings.sort()
    cpu.sort()
    figures: dict[str, object] = {
        "path": path,
        "status": response.status_code,
        "requests": n,
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(timings[math.ceil(len(timings) * 0.95) - 1], 2),
        "max_ms": round(timings[-1], 2),
        "cpu_p95_ms": round(cpu[math.ceil(len(cpu) * 0.95) - 1], 2),
        "queries": len(connection.queries),
        "bytes": len(response.content),
    }
    if target_ms is not None:
        figures["target_p95_ms"] = target_ms
        figures["meets_target"] = figures["p95_ms"] <= target_ms  # type: ignore[operator]
    return figures


def _url(name: str, **kwargs: object) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def _pages(client: Client) -> dict[str, object]:
    from industriedialog.registry.models import Initiative

    out: dict[str, object] = {}
    directory = _url("registry:initiative_list")
    out["directory"] = (
        _measure(client, f"{directory}?{DIRECTORY_QUERY}", N, 50)
        if directory
        else {"skipped": "directory not installed"}
    )
    api = _measure(client, "/api/v1/initiatives/?state=NW", N, 50)
    out["api_list"] = {"skipped": "api not installed"} if "skipped" in api else api
    busiest = (
        Initiative.objects.filter(states__code="NW")
        .annotate(n=Count("memberships"))
        .order_by("-n", "pk")
        .first()
    )
    detail = busiest and _url("registry:initiative_detail", slug=busiest.slug)
    out["detail"] = (
        _measure(client, detail, N, 30) if detail else {"skipped": "detail page not installed"}
    )
    for fmt in ("csv", "xlsx", "json"):
        export = _url("registry:initiative_export", fmt=fmt)
        out[f"export_{fmt}_state_nw"] = (
            _measure(client, f"{export}?state=NW", N_EXPORT)
            if export
            else {"skipped": "export not installed"}
        )
    export_all = _url("registry:initiative_export", fmt="csv")
    if export_all:
        out["export_csv_all"] = _measure(client, export_all, N_EXPORT)
    return out


def _import_file(rows: int, bad_every: int) -> bytes:
    """A CSV in the import format with a malformed row (unknown state) every ``bad_every``."""
    from industriedialog.registry.imports import HEADERS

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    states = [("NW", "05111"), ("BY", "09162"), ("TH", "16061"), ("SN", "14522")]
    for n in range(rows):
        state, ags = states[n % len(states)]
        if n % bad_every == bad_every - 1:
            state = "XY"
        values = {
            "Name": f"Importierte Initiative {n}",
            "Ebene": "Region",
            "Bundesländer": state,
            "Kreise": ags,
            "Gründungsjahr": "2018",
            "Handlungsfelder": "Fachkräfte und Ausbildung; Strukturwandel",
            "Mitgliedsunternehmen": str(n % 90 + 5),
        }
        writer.writerow([values.get(h, "") for h in HEADERS])
    return buffer.getvalue().encode()


def _import_figures() -> dict[str, object]:
    try:
        from industriedialog.registry.imports import import_run_execute, import_run_preview
    except ImportError:
        return {"skipped": "import not installed"}
    content = _import_file(10_000, 200)
    start = time.perf_counter()
    run = import_run_preview(content=content, filename="bench.csv", actor=None)
    preview_s = time.perf_counter() - start
    start = time.perf_counter()
    outcome = import_run_execute(run=run, actor=None, only_valid=True)
    return {
        "rows": run.total_rows,
        "error_rows": run.error_rows,
        "created": outcome.created,
        "preview_s": round(preview_s, 2),
        "import_s": round(time.perf_counter() - start, 2),
    }


def main() -> None:
    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load
    from industriedialog.registry.synthetic import synthetic_generate

    logging.disable(logging.WARNING)  # 404s of parts not installed yet are expected
    call_command("migrate", verbosity=0, interactive=False)
    regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
    start = time.perf_counter()
    generated = synthetic_generate(initiatives=INITIATIVES, organisations=ORGANISATIONS, seed=1)
    generate_s = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a running database has them
    out: dict[str, object] = {
        "database": connection.vendor,
        "requests_per_page": N,
        "generated": generated.__dict__,
        "generate_s": round(generate_s, 2),
    }
    with override_settings(DEBUG=True):  # DEBUG only to count queries
        out.update(_pages(Client(raise_request_exception=False)))
    out["import_10000_rows"] = _import_figures()
    out["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        bench_db.drop()
