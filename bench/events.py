"""Events: registrations racing for the last places, and the calendar with 5,000 events.

Needs PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/x):
creates a dedicated database ``industriedialog_events_bench`` on that server and drops it
again. SQLite serialises every write and cannot show the race, so without PostgreSQL the
script prints ``{"skipped": ...}``.

1. Concurrent registrations: a live server (Django's threaded WSGI server) and 500 visitors
   in parallel threads, each fetching the form, submitting it, and confirming the e-mail
   link (double opt-in), for an event with 100 places. Expected: exactly 100 confirmed,
   400 on the waitlist, 0 errors.
2. Calendar: 5,000 published events; p50/p95 of ``/veranstaltungen/`` (plain, filtered,
   page 50) over N requests through the test client, target p95 <= 50 ms.

Prints JSON: {"database", "registrations": {...}, "calendar": {...}}. ``cpu_p95_ms`` is this
process's CPU time per request: on a busy machine it shows what a request costs when
wall-clock figures are inflated by waiting for a CPU.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import json
import logging
import math
import os
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("LOG_LEVEL", "ERROR")

BENCH_DATABASE = "industriedialog_events_bench"
VISITORS = int(os.environ.get("BENCH_VISITORS", "500"))
PLACES = int(os.environ.get("BENCH_PLACES", "100"))
THREADS = int(os.environ.get("BENCH_THREADS", "50"))
CALENDAR_EVENTS = int(os.environ.get("BENCH_EVENTS", "5000"))
N = int(os.environ.get("BENCH_REQUESTS", "200"))

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase  # noqa: E402

bench_db = BenchDatabase(BENCH_DATABASE, require_postgres=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve() -> tuple[ThreadedWSGIServer, str]:
    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=True)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _post_form(opener: urllib.request.OpenerDirector, url: str, data: dict[str, str]) -> str:
    """GET the page for its CSRF token, then POST the form; returns the response body."""
    page = opener.open(url, timeout=60).read().decode()  # noqa: S310 - our own http URL
    token = CSRF_INPUT.search(page)
    if token is None:
        raise RuntimeError(f"no form on {url}")
    body = urllib.parse.urlencode({"csrfmiddlewaretoken": token[1], **data}).encode()
    request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
    return opener.open(request, timeout=60).read().decode()  # noqa: S310 - our own http URL


def _visitor(base: str, slug: str, number: int) -> str:
    from industriedialog.events.models import Registration

    try:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        email = f"besucherin-{number}@example.org"
        _post_form(
            opener,
            f"{base}/veranstaltungen/{slug}/anmelden/",
            {"name": f"Besucherin {number}", "email": email, "privacy": "on"},
        )
        # The confirmation link would arrive by e-mail; the bench reads its token directly.
        token = Registration.objects.get(event__slug=slug, email_normalised=email).token
        page = _post_form(opener, f"{base}/anmeldung/{token}/bestaetigen/", {})
        if "Sie sind angemeldet." in page:
            return "confirmed"
        if "Sie stehen auf der Warteliste." in page:
            return "waitlisted"
        return "unexpected"
    except Exception as error:  # noqa: BLE001 - every failure counts as an error
        return f"error: {type(error).__name__}: {error}"
    finally:
        connections.close_all()


def registrations() -> dict[str, object]:
    from industriedialog.events.models import Event

    start = timezone.now() + datetime.timedelta(days=30)
    Event.objects.create(
        title="Ansturm",
        slug="ansturm",
        kind="regional_dialogue",
        venue_name="Stadthalle",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        capacity=PLACES,
    )
    server, base = _serve()
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(lambda n: _visitor(base, "ansturm", n), range(VISITORS)))
    took = time.perf_counter() - began
    server.shutdown()
    errors = [r for r in results if r.startswith("error") or r == "unexpected"]
    in_db = dict(
        Event.objects.get(slug="ansturm")
        .registrations.values_list("status")
        .annotate(n=django.db.models.Count("pk"))
    )
    return {
        "visitors": VISITORS,
        "places": PLACES,
        "threads": THREADS,
        "confirmed": results.count("confirmed"),
        "waitlisted": results.count("waitlisted"),
        "errors": len(errors),
        "first_errors": errors[:3],
        "in_database": in_db,
        "seconds": round(took, 2),
        "registrations_per_s": round(VISITORS / took, 1),
        "requests_per_s": round(VISITORS * 4 / took, 1),
        "ok": results.count("confirmed") == PLACES
        and results.count("waitlisted") == VISITORS - PLACES
        and not errors,
    }


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def _measure(client: Client, path: str) -> dict[str, object]:
    for _ in range(5):
        if client.get(path).status_code != 200:
            raise RuntimeError(f"{path} does not answer 200")
    times, cpu = [], []
    for _ in range(N):
        began, began_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        times.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(_percentile(times, 95), 1),
        "max_ms": round(max(times), 1),
        "cpu_p95_ms": round(_percentile(cpu, 95), 1),
        "target_p95_ms": 50,
    }


def calendar() -> dict[str, object]:
    from industriedialog.events.models import Event
    from industriedialog.regions.models import State
    from industriedialog.registry.models import EventFormat

    states = list(State.objects.all())
    formats = list(EventFormat.objects.all())
    kinds = ["regional_dialogue", "network_meeting", "webinar", "workshop", "kick_off"]
    now = timezone.now()
    events = []
    for i in range(CALENDAR_EVENTS):
        start = now + datetime.timedelta(hours=7 * i - 24 * 365)
        online = i % 5 == 0
        events.append(
            Event(
                title=f"Veranstaltung {i}",
                slug=f"veranstaltung-{i}",
                kind=kinds[i % len(kinds)],
                format=formats[i % len(formats)],
                state=None if online else states[i % len(states)],
                is_online=online,
                venue_name="" if online else "Rathaus",
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=3),
                capacity=50,
            )
        )
    Event.objects.bulk_create(events, batch_size=1000)
    with connections["default"].cursor() as cursor:
        cursor.execute("ANALYZE")
    client = Client()
    return {
        "events": CALENDAR_EVENTS,
        "requests": N,
        "calendar": _measure(client, "/veranstaltungen/"),
        "calendar_filtered": _measure(client, "/veranstaltungen/?kind=workshop&state=BW&online=0"),
        "calendar_page_50": _measure(client, "/veranstaltungen/?page=50"),
        "calendar_past": _measure(client, "/veranstaltungen/?zeitraum=past"),
    }


def main() -> None:
    logging.disable(logging.WARNING)
    try:
        call_command("migrate", verbosity=0)
        call_command("load_regions", verbosity=0)
        call_command("setup_site", verbosity=0)
        result = {
            "database": "postgresql",
            "registrations": registrations(),
            "calendar": calendar(),
        }
        print(json.dumps(result, indent=2, ensure_ascii=False))
    finally:
        bench_db.drop()


if __name__ == "__main__":
    main()
