"""Server-side latency of the foundation's public pages (in-process, no network).

Creates its own SQLite database in a temp dir (or uses DATABASE_URL), sets up the site pages,
then requests each page N times through Django's test client. Prints JSON:
{"page": {"p50_ms", "p95_ms", "max_ms", "queries"}, ..., "rss_mb"}.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("LOG_LEVEL", "ERROR")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

PAGES = [
    "/",
    "/en/",
    "/impressum/",
    "/leichte-sprache/",
    "/konto/login/",
    "/gibt-es-nicht/",
    "/healthz",
]
N = int(os.environ.get("BENCH_REQUESTS", "200"))


def main() -> None:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_site", verbosity=0)
    client = Client()
    out: dict[str, object] = {"requests_per_page": N, "database": connection.vendor}
    logging.disable(logging.WARNING)  # 404s of the bench are expected
    with override_settings(DEBUG=True):  # DEBUG only to count queries
        for path in PAGES:
            client.get(path)  # warm-up
            timings = []
            for _ in range(N):
                reset_queries()
                start = time.perf_counter()
                client.get(path)
                timings.append((time.perf_counter() - start) * 1000)
            queries = len(connection.queries)
            timings.sort()
            out[path] = {
                "p50_ms": round(statistics.median(timings), 2),
                "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
                "max_ms": round(timings[-1], 2),
                "queries": queries,
            }
    out["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
