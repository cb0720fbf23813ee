"""Shared set-up of the bench scripts: a throw-away database, then Django.

Each script calls :func:`prepare` **before** importing anything from Django:

    from _setup import BenchDatabase
    bench_db = BenchDatabase("industriedialog_events_bench", require_postgres=True)
    import django; django.setup()
    ...
    try:
        main()
    finally:
        bench_db.drop()

The database is a SQLite file in a temp dir, or, when ``BENCH_DATABASE_URL`` or
``DATABASE_URL`` points to PostgreSQL, a dedicated database of the given name on that server,
created here and dropped again by :meth:`BenchDatabase.drop`. The development database is
never touched. Scripts whose figure only means something on PostgreSQL (races, concurrent
writes) pass ``require_postgres=True``: without PostgreSQL they print ``{"skipped": …}`` and
exit 0.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("LOG_LEVEL", "ERROR")

POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql"}


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (``share`` 0–1) of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


class BenchDatabase:
    """A throw-away database for one bench run; sets ``DATABASE_URL`` for Django."""

    def __init__(self, name: str, *, require_postgres: bool = False) -> None:
        self.name = name
        self.tmp = tempfile.mkdtemp(prefix="industriedialog-bench-")
        given = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or ""
        self.server_url = given if urlsplit(given).scheme in POSTGRES_SCHEMES else ""
        if require_postgres and not self.server_url:
            shutil.rmtree(self.tmp, ignore_errors=True)
            print(json.dumps({"skipped": "braucht PostgreSQL: BENCH_DATABASE_URL=postgres://…"}))
            sys.exit(0)
        if self.server_url:
            self.url = urlunsplit(urlsplit(self.server_url)._replace(path=name))
            self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            self.execute(f"CREATE DATABASE {name}")
        else:
            self.url = f"sqlite:///{self.tmp}/bench.sqlite3"
        os.environ["DATABASE_URL"] = self.url
        os.environ.setdefault("PRIVATE_MEDIA_ROOT", f"{self.tmp}/private")

    @property
    def vendor(self) -> str:
        return "postgresql" if self.server_url else "sqlite"

    def execute(self, statement: str) -> None:
        """Run a statement on the server's ``postgres`` database, outside a transaction."""
        import psycopg

        parts = urlsplit(self.server_url)
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def drop(self) -> None:
        """Close Django's connections, drop the database, remove the temp dir."""
        from django.db import connections

        connections.close_all()
        if self.server_url:
            self.execute(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")
        shutil.rmtree(self.tmp, ignore_errors=True)
