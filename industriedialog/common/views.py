"""Operational and site-wide views."""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Load balancer probe: 200 if the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not healthy"
        logger.error("healthz: database unavailable", extra={"error": str(exc)})
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def data_sources(request: HttpRequest) -> HttpResponse:
    """Attribution for reference data and licences of the bundled front-end assets."""
    return render(request, "common/data_sources.html")


# Seconds a client should wait before retrying when the database is unreachable (a restart or
# fail-over takes a few seconds).
DATABASE_RETRY_AFTER = 5


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500. Called inside Django's ``except`` block, so the exception is at hand: the
    database being unreachable (restart, fail-over, connection dropped) is a temporary state,
    answered with 503 and Retry-After so that clients and nginx know a retry is right;
    everything else is a 500. Neither page touches the database."""
    # Rendered without the request: context processors read the database (site settings,
    # menu), and a failing error page would leave only gunicorn's bare 500.
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def bench_minimal(request: HttpRequest) -> HttpResponse:
    """The ceiling of the load script (bench/load.py): the whole middleware stack, no
    database, no template. Routed only when settings.BENCH_ENDPOINTS is on."""
    return HttpResponse(b"ok", content_type="text/plain")
