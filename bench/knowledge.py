"""Knowledge platform figures (in-process, no network). Prints JSON:

- search: p50/p95 of the German search (stemmed query, database backend) over
  BENCH_PAGES synthetic knowledge pages (default 10,000) plus the demo content and
  BENCH_INITIATIVES synthetic registry initiatives (default 2,000; the search finds them too);
- cache: requests per second of a cached knowledge page and of a minimal Django view
  (plain HttpResponse, same middleware) in the same run, and their ratio.

Creates its own SQLite database in a temp dir (or uses DATABASE_URL).
"""

from __future__ import annotations

import json
import logging
import os
import random
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
from django.db import connection, transaction  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import translation  # noqa: E402
from modelsearch.signal_handlers import post_save_signal_handler  # noqa: E402
from wagtail.models import Locale  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from config import urls as project_urls  # noqa: E402
from industriedialog.knowledge.models import IndexPage  # noqa: E402
from industriedialog.knowledge.search import knowledge_search  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
INITIATIVES = int(os.environ.get("BENCH_INITIATIVES", "2000"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "200"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "1000"))
CACHED_PAGE = "/werkzeugkiste/veranstaltungsformate/zukunftswerkstatt/"
WORDS = (
    "Industrie Region Fachkräfte Ausbildung Dialog Akzeptanz Digitalisierung Innovation "
    "Gründung Fläche Infrastruktur Energie Klima Transformation Strukturwandel Integration "
    "Unternehmen Gewerkschaften Kammern Verwaltung Schulen Hochschulen Netzwerk Werkstatt "
    "Zukunft Veranstaltung Beteiligung Bürgerinnen Bürger Betriebe Beschäftigte planen "
    "gestalten fördern stärken entwickeln verbinden gewinnen sichern Standort Wandel"
).split()
SEARCHES = [
    "Zukunftswerkstatt planen",
    "Fachkräfte sichern",
    "Industrieinitiativen gründen",
    "Energie Transformation",
    "Akzeptanz Dialog Bürger",
    "Digitalisierung",
]


def minimal_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


urlpatterns = [path("bench-minimal/", minimal_view), *project_urls.urlpatterns]


def synthetic_pages(count: int) -> float:
    """Create ``count`` section pages with German text below the start page; seconds taken."""
    rng = random.Random(42)  # noqa: S311 - reproducible filler text
    parent = IndexPage.objects.get(slug="aktuelles", locale__language_code="de")
    start = time.perf_counter()
    post_save.disconnect(post_save_signal_handler, sender=IndexPage)
    created = []
    with transaction.atomic():
        for number in range(count):
            words = rng.choices(WORDS, k=60)
            title = " ".join(rng.choices(WORDS, k=4)) + f" {number}"
            page = IndexPage(
                title=title,
                slug=f"synthetisch-{number}",
                intro=" ".join(words[:20]) + ".",
                body=json.dumps([{"type": "paragraph", "value": f"<p>{' '.join(words)}.</p>"}]),
            )
            parent.add_child(instance=page)
            created.append(page)
    backend = get_search_backend()
    for offset in range(0, len(created), 500):
        backend.add_bulk(IndexPage, created[offset : offset + 500])
    post_save.connect(post_save_signal_handler, sender=IndexPage)
    return time.perf_counter() - start


def synthetic_initiatives(count: int) -> int:
    """Registry entries with German texts and search stems (registry/synthetic.py)."""
    from django.conf import settings

    from industriedialog.regions.reference import DEFAULT_SOURCE_CSV
    from industriedialog.regions.services import regions_load
    from industriedialog.registry.synthetic import synthetic_generate

    if count <= 0:
        return 0
    regions_load(csv_path=Path(settings.BASE_DIR) / DEFAULT_SOURCE_CSV)
    synthetic_generate(initiatives=count, organisations=count * 5, seed=1)
    return count


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)]


def search_timings() -> dict[str, float]:
    locale = Locale.objects.get(language_code="de")
    timings = []
    with translation.override("de"):
        for number in range(QUERIES):
            query = SEARCHES[number % len(SEARCHES)]
            start = time.perf_counter()
            result = knowledge_search(query=query, locale=locale)
            list(result["hits"] or [])
            timings.append((time.perf_counter() - start) * 1000)
    return {
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "max_ms": round(max(timings), 2),
    }


def throughput(client: Client, url: str) -> float:
    client.get(url)
    start = time.perf_counter()
    for _ in range(REQUESTS):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)  # noqa: S101
    return REQUESTS / (time.perf_counter() - start)


def main() -> None:
    logging.disable(logging.WARNING)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_site", verbosity=0)
    seconds = synthetic_pages(PAGES)
    out: dict[str, object] = {
        "database": connection.vendor,
        "pages": PAGES,
        "initiatives": synthetic_initiatives(INITIATIVES),
    }
    out["setup_s"] = round(seconds, 1)
    out["search"] = search_timings()
    hits = knowledge_search(
        query="Zukunftswerkstatt planen", locale=Locale.objects.get(language_code="de")
    )
    out["search"]["hits_zukunftswerkstatt_planen"] = hits["count"]  # type: ignore[index]
    with override_settings(ROOT_URLCONF=__name__, KNOWLEDGE_PAGE_CACHE_SECONDS=300):
        client = Client()
        minimal = throughput(client, "/bench-minimal/")
        cached = throughput(client, CACHED_PAGE)
        assert client.get(CACHED_PAGE)["X-Page-Cache"] == "hit"  # noqa: S101
    out["cache"] = {
        "requests": REQUESTS,
        "minimal_view_rps": round(minimal, 1),
        "cached_page_rps": round(cached, 1),
        "ratio": round(cached / minimal, 3),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
