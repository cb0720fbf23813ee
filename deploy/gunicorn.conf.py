"""Gunicorn configuration for Industriedialog in production.

Started by deploy/systemd/industriedialog-web@.service, one instance per port:

    gunicorn -c deploy/gunicorn.conf.py config.wsgi:application

config/wsgi.py defaults DJANGO_SETTINGS_MODULE to config.settings.production. Every value
below can be overridden from the environment (GUNICORN_*); the defaults suit nginx on the
same host (deploy/nginx/industriedialog.conf).

Access log: one JSON object per line on stdout (journald), matching the app's own JSON
logs and carrying the X-Request-ID that nginx sets, so one request can be followed from
nginx through gunicorn into Django's log lines.
"""

import json
import logging
import multiprocessing
import os
from datetime import UTC, datetime

from gunicorn import glogging


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


# --- Application and socket -------------------------------------------------------------------
wsgi_app = "config.wsgi:application"
bind = [os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")]
# Only nginx on this host may set X-Forwarded-Proto/-For (Django trusts X-Forwarded-Proto).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# --- Workers ----------------------------------------------------------------------------------
# gthread: threads per worker, and keep-alive connections from nginx's upstream pool
# (the sync worker ignores keep-alive).
workers = _env_int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = _env_int("GUNICORN_THREADS", 2)
# Heartbeat files in RAM: a slow or full disk must not make the arbiter kill workers.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - heartbeat files only, no data
# Load the app once in the master: faster worker start, less memory (copy-on-write).
# Consequence: new code needs a restart, not a HUP reload.
preload_app = True
# Recycle workers now and then against slow leaks; the jitter keeps them from restarting
# all at once.
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# --- Timeouts (seconds) -----------------------------------------------------------------------
# A request taking longer than this kills its worker; nginx's proxy_read_timeout is longer.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Longer than nginx's upstream keepalive_timeout (60s), so nginx closes idle connections
# first and never reuses one gunicorn has just dropped.
keepalive = _env_int("GUNICORN_KEEPALIVE", 75)

# --- Control socket ---------------------------------------------------------------------------
# gunicornc's socket. Under systemd each instance gets its own RuntimeDirectory; the default
# ($HOME/.gunicorn/gunicorn.ctl) would be shared by both instances and is read-only there.
if os.environ.get("RUNTIME_DIRECTORY"):
    control_socket = os.path.join(os.environ["RUNTIME_DIRECTORY"].split(":")[0], "gunicorn.ctl")

# --- Logging ----------------------------------------------------------------------------------
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
errorlog = "-"
accesslog = "-"
# One JSON object per line. Strings are JSON-escaped by JsonAccessLogger below; status,
# duration_ms and bytes are numbers.
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "request_id": "%({x-request-id}i)s", '
    '"method": "%(m)s", "path": "%(U)s", "query": "%(q)s", "status": %(s)s, '
    '"duration_ms": %(M)s, "bytes": %(B)s, "forwarded_for": "%({x-forwarded-for}i)s", '
    '"user_agent": "%(a)s"}'
)


class JsonSafeAtoms(glogging.SafeAtoms):
    """Atoms escaped for use inside JSON strings.

    Gunicorn's own SafeAtoms only escapes double quotes; a backslash or a control character
    in a (percent-decoded) path or header would still break the JSON line.
    """

    def __init__(self, atoms: dict) -> None:
        dict.__init__(self)
        for key, value in atoms.items():
            if isinstance(value, str):
                value = json.dumps(value, ensure_ascii=False)[1:-1]
            self[key] = value
        # Bytes sent is None when nothing was sent; keep the field numeric.
        if self.get("B") is None:
            self["B"] = 0


class JsonErrorFormatter(logging.Formatter):
    """gunicorn's own messages (start, worker boot/exit, tracebacks) as JSON lines."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "pid": record.process,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class JsonAccessLogger(glogging.Logger):
    """Access lines as valid JSON with an ISO 8601 UTC timestamp; the error log as JSON too
    unless LOG_FORMAT=plain (the same switch as the app's own logs)."""

    atoms_wrapper_class = JsonSafeAtoms

    def now(self) -> str:
        return datetime.now(UTC).isoformat(timespec="milliseconds")

    def setup(self, cfg) -> None:  # type: ignore[no-untyped-def]
        super().setup(cfg)
        if os.environ.get("LOG_FORMAT", "json").strip().lower() != "plain":
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonErrorFormatter())


logger_class = JsonAccessLogger
