"""Helpers for the tests that drive deploy/cluster (test_cluster.py, test_cluster_faults.py).

One cluster serves every cluster test of a session (the ``cluster`` fixture in conftest.py):
starting it takes most of the time. Ports: CLUSTER_TEST_PORT_BASE (default 18000) plus fixed
offsets, so that two checkouts on one machine can run the tests side by side."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
CLUSTER = ROOT / "deploy" / "cluster"
PYTHON = ROOT / ".venv" / "bin" / "python"
_BASE = int(os.environ.get("CLUSTER_TEST_PORT_BASE", "18000"))
PORTS = {
    "CLUSTER_HTTPS_PORT": str(_BASE + 443),
    "CLUSTER_APP1_PORT": str(_BASE + 101),
    "CLUSTER_APP2_PORT": str(_BASE + 102),
    "CLUSTER_PG_PORT": str(_BASE + 432),
    "CLUSTER_REDIS_PORT": str(_BASE + 379),
}
BASE = f"https://127.0.0.1:{PORTS['CLUSTER_HTTPS_PORT']}"
APP_SERVERS = {f"app-{PORTS['CLUSTER_APP1_PORT']}", f"app-{PORTS['CLUSTER_APP2_PORT']}"}

MISSING = [
    name
    for name, found in {
        "nginx": shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"),
        "redis-server": shutil.which("redis-server"),
        "postgresql": glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        "openssl": shutil.which("openssl"),
    }.items()
    if not found
]


def cluster_command(command: str, run_dir: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **PORTS,
        "CLUSTER_DIR": str(run_dir),
        "CLUSTER_WORKERS": "1",
        # All test traffic comes from one address: the survey submission limit (60 per 10
        # minutes per IP in production) would refuse the fault tests' submissions with 429.
        "CLUSTER_SURVEY_SUBMIT_RATE_LIMIT": "100000/m/ip,100000/m/key",
        **extra,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603
        [str(CLUSTER), command], env=env, capture_output=True, text=True, timeout=600
    )


def manage(run_dir: Path, *args: str) -> str:
    """A management command with the app servers' environment; returns its output."""
    env = {**os.environ}
    for line in (run_dir / "env").read_text().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    result = subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    )
    return result.stdout


def http_session(run_dir: Path) -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # no proxy, and no CA bundle from the environment overriding:
    session.verify = str(run_dir / "tls.crt")  # the cluster's self-signed certificate
    return session


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (from /proc; no psutil needed)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree
