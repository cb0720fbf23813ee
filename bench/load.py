"""Load on the production topology (deploy/cluster: nginx, two gunicorn app servers,
PostgreSQL, Redis), driven by wrk over HTTPS on loopback.

Targets: the start page, the initiative directory and one initiative, a knowledge page, the
search, the open-data API (list and detail), survey submissions (POST with a CSRF token, each
with a fresh response key, to a published public survey created for the run) and, as the
ceiling, a minimal Django view (/_bench/minimal/: the whole middleware stack, no database, no
template; routed only with BENCH_ENDPOINTS=true). Every figure is also given as a ratio to
the ceiling, so that results from a loaded machine still compare.

Each target runs BENCH_SECONDS (10) with BENCH_CONNECTIONS (8) connections on BENCH_THREADS
(2) wrk threads, and stops early after BENCH_MAX_REQUESTS (3,000) answers. App-server and
PostgreSQL CPU time per request are read from /proc around each target: they depend far less
on other load on the machine than latencies do.

Cluster: by default a private one in a temp dir (ports from BENCH_PORT_BASE, 19000), started
with the bench endpoint and wiped afterwards. BENCH_CLUSTER_DIR=var/cluster (and
CLUSTER_HTTPS_PORT if not 8443) uses a running cluster instead; it must have been started with
CLUSTER_BENCH_ENDPOINTS=true.

Needs wrk (Debian package) and the cluster's packages; without them prints {"skipped": ...}.
Prints JSON: {"machine": {...}, "targets": {name: {"requests", "seconds", "per_second",
"p50_ms", "p95_ms", "p99_ms", "errors", "statuses", "app_cpu_ms_per_request",
"db_cpu_ms_per_request", "ratio_per_second", "ratio_p50"}}, "survey": {"confirmed", "stored",
"connections", "lost"}} – stored may exceed confirmed by the submissions still in flight when wrk
stopped (at most one per connection in the warm-up and in the measured run), never fall short.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLUSTER = ROOT / "deploy" / "cluster"
PYTHON = ROOT / ".venv" / "bin" / "python"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
THREADS = int(os.environ.get("BENCH_THREADS", "2"))
MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "3000"))
SURVEY_SLUG = "bench-lastumfrage"
TICKS = os.sysconf("SC_CLK_TCK")

SETUP = f"""
import json
from django.core.management import call_command
from industriedialog.knowledge.models import EventFormatPage
from industriedialog.registry.models import Initiative
from industriedialog.surveys import services
from industriedialog.surveys.models import Response, Survey
from industriedialog.surveys.questions import Kind

if not Initiative.objects.exists():
    call_command("load_demo_initiatives", verbosity=0)
survey = Survey.objects.filter(slug="{SURVEY_SLUG}").first()
if survey is None:
    survey = services.survey_create(
        actor=None, title={{"de": "Lasttest"}}, mode=Survey.Mode.PUBLIC, slug="{SURVEY_SLUG}"
    )
    for kind, extra in [
        (Kind.SINGLE, {{"is_required": True, "options_text": "Ja\\nNein"}}),
        (Kind.MULTIPLE, {{"options_text": "Eins\\nZwei\\nDrei"}}),
        (Kind.GRADE, {{}}),
        (Kind.NUMBER, {{"min_value": 0, "max_value": 1000}}),
        (Kind.SHORT_TEXT, {{}}),
        (Kind.REGION, {{"region_level": "state"}}),
    ]:
        services.question_save(
            survey=survey,
            actor=None,
            data={{"kind": kind, "page": 1, "text": {{"de": "Frage"}}, **extra}},
        )
    services.survey_publish(survey=survey, actor=None)
initiative = Initiative.objects.filter(status="active").order_by("pk").first()
page = EventFormatPage.objects.live().public().order_by("pk").first()
print("BENCH " + json.dumps({{
    "initiative": initiative.slug,
    "knowledge": page.url,
    "responses": Response.objects.filter(survey=survey, submitted_on__isnull=False).count(),
}}))
"""
SURVEY_FORM = "q1=o1&q2=o1&q2=o3&q3=2&q4=42&q5=Gute+Idee&q6=BY&action=next"

LUA = r"""
local threads, counter = {}, 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(os.time() * 100 + id)
  ok, bad, n, max = 0, 0, 0, tonumber(args[1])
  statuses = {}
end
local function uuid()
  return (("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"):gsub("[xy]", function(c)
    return string.format("%x", c == "x" and math.random(0, 15) or math.random(8, 11))
  end))
end
function request()
  if METHOD == "POST" then
    return wrk.format("POST", PATH .. uuid() .. "/1/", HEADERS, BODY)
  end
  return wrk.format("GET", PATH, HEADERS)
end
function response(status, headers, body)
  n = n + 1
  if status == EXPECTED then ok = ok + 1 else bad = bad + 1 end
  statuses[status] = (statuses[status] or 0) + 1
  if n >= max then wrk.thread:stop() end
end
function done(summary, latency, requests)
  local ok_all, bad_all, counts, seen = 0, 0, {}, {}
  for _, t in ipairs(threads) do
    ok_all = ok_all + t:get("ok")
    bad_all = bad_all + t:get("bad")
    for code, count in pairs(t:get("statuses")) do
      counts[code] = (counts[code] or 0) + count
    end
  end
  for code, count in pairs(counts) do
    seen[#seen + 1] = string.format('"%d": %d', code, count)
  end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "us": %d, "p50": %d, "p95": %d, "p99": %d, "ok": %d, "bad": %d, ' ..
    '"socket_errors": %d, "statuses": [%s]}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), ok_all, bad_all, e.connect + e.read + e.write + e.timeout,
    table.concat(seen, ", ")))
end
"""


def _missing() -> list[str]:
    found = {
        "wrk": shutil.which("wrk"),
        "nginx": shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"),
        "redis-server": shutil.which("redis-server"),
        "postgresql": glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        "openssl": shutil.which("openssl"),
    }
    return [name for name, ok in found.items() if not ok]


def _lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal here (ASCII only)


def _cpu_ticks(pid_files: list[Path]) -> int:
    """CPU time of the processes in the pid files, their descendants and ended children."""
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        stats[pid] = fields
        children.setdefault(int(fields[1]), []).append(pid)
    total = 0
    for pid_file in pid_files:
        if not pid_file.exists():
            continue
        todo = [int(pid_file.read_text().split()[0])]
        while todo:
            pid = todo.pop()
            if pid in stats:
                # Fields after ")": utime, stime, cutime, cstime at 11-14. cutime/cstime hold
                # the children that ended (gunicorn recycles workers, PostgreSQL backends end
                # with their connection), so nothing is lost between two readings.
                total += sum(int(value) for value in stats[pid][11:15])
            todo += children.get(pid, [])
    return total


class Cluster:
    def __init__(self) -> None:
        self.own = not os.environ.get("BENCH_CLUSTER_DIR")
        if self.own:
            self.dir = Path(tempfile.mkdtemp(prefix="industriedialog-load-"))
            self.dir.chmod(0o755)  # PostgreSQL runs as its own user
            base = int(os.environ.get("BENCH_PORT_BASE", "19000"))
            self.ports = {
                "CLUSTER_HTTPS_PORT": str(base + 443),
                "CLUSTER_APP1_PORT": str(base + 101),
                "CLUSTER_APP2_PORT": str(base + 102),
                "CLUSTER_PG_PORT": str(base + 432),
                "CLUSTER_REDIS_PORT": str(base + 379),
            }
        else:
            self.dir = Path(os.environ["BENCH_CLUSTER_DIR"]).resolve()
            self.ports = {"CLUSTER_HTTPS_PORT": os.environ.get("CLUSTER_HTTPS_PORT", "8443")}
        self.base = f"https://127.0.0.1:{self.ports['CLUSTER_HTTPS_PORT']}"

    def _cluster(self, command: str) -> None:
        env = {
            **os.environ,
            **self.ports,
            "CLUSTER_DIR": str(self.dir),
            "CLUSTER_BENCH_ENDPOINTS": "true",
            # One client address: keep the survey submission limit out of the measurement.
            "CLUSTER_SURVEY_SUBMIT_RATE_LIMIT": "1000000/m/ip,1000000/m/key",
        }
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.pop("DATABASE_URL", None)
        result = subprocess.run(  # noqa: S603
            [str(CLUSTER), command], env=env, capture_output=True, text=True, timeout=900
        )
        if result.returncode:
            raise SystemExit(f"deploy/cluster {command}: {result.stdout}{result.stderr}")

    def start(self) -> None:
        if self.own:
            self._cluster("start")

    def stop(self) -> None:
        if self.own:
            self._cluster("wipe")
            shutil.rmtree(self.dir, ignore_errors=True)

    def manage_shell(self, code: str) -> str:
        env = {**os.environ}
        for line in (self.dir / "env").read_text().splitlines():
            key, _, value = line.partition("=")
            env[key] = value
        result = subprocess.run(  # noqa: S603
            [str(PYTHON), "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )
        return result.stdout

    def app_pid_files(self) -> list[Path]:
        return sorted(self.dir.glob("app-*.pid"))

    def db_pid_files(self) -> list[Path]:
        return [self.dir / "pg" / "postmaster.pid"]


def _csrf(cluster: Cluster, path: str) -> tuple[str, str]:
    import requests

    session = requests.Session()
    session.trust_env = False
    session.verify = str(cluster.dir / "tls.crt")
    page = session.get(cluster.base + path, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    if page.status_code != 200 or not token:
        raise SystemExit(f"{path}: kein Formular ({page.status_code})")
    return session.cookies["csrftoken"], token.group(1)


def _run_target(
    cluster: Cluster,
    name: str,
    path: str,
    *,
    method: str = "GET",
    expected: int = 200,
    seconds: int = SECONDS,
    **extra,
) -> dict:
    headers = {"Accept-Language": "de", "Accept-Encoding": "gzip"}
    body = ""
    if method == "POST":
        cookie, token = extra["csrf"]
        headers.update(
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": cluster.base + f"/umfragen/{SURVEY_SLUG}/",
                "Origin": cluster.base,
            }
        )
        body = f"{SURVEY_FORM}&csrfmiddlewaretoken={token}"
    lua_headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items())
    script = Path(tempfile.mkdtemp(prefix="load-lua-")) / f"{name}.lua"
    script.write_text(
        f"METHOD = {_lua_string(method)}\nPATH = {_lua_string(path)}\n"
        f"HEADERS = {{{lua_headers}}}\nBODY = {_lua_string(body)}\nEXPECTED = {expected}\n" + LUA
    )
    per_thread = max(1, MAX_REQUESTS // THREADS)
    app_before = _cpu_ticks(cluster.app_pid_files())
    db_before = _cpu_ticks(cluster.db_pid_files())
    result = subprocess.run(  # noqa: S603
        [
            shutil.which("wrk") or "/usr/bin/wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            cluster.base + "/",
            "--",
            str(per_thread),
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    app_ticks = _cpu_ticks(cluster.app_pid_files()) - app_before
    db_ticks = _cpu_ticks(cluster.db_pid_files()) - db_before
    shutil.rmtree(script.parent, ignore_errors=True)
    line = next(row for row in result.stdout.splitlines() if row.startswith("WRK "))
    raw = json.loads(line[4:].replace('"statuses": [', '"statuses": {').replace("]}", "}}"))
    requests_done = max(raw["requests"], 1)
    seconds = raw["us"] / 1e6
    return {
        "path": path,
        "method": method,
        "requests": raw["requests"],
        "seconds": round(seconds, 2),
        "per_second": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50"] / 1000, 1),
        "p95_ms": round(raw["p95"] / 1000, 1),
        "p99_ms": round(raw["p99"] / 1000, 1),
        "errors": raw["bad"] + raw["socket_errors"],
        "statuses": raw["statuses"],
        "app_cpu_ms_per_request": round(app_ticks * 1000 / TICKS / requests_done, 2),
        "db_cpu_ms_per_request": round(db_ticks * 1000 / TICKS / requests_done, 2),
    }


def main() -> None:
    missing = _missing()
    if missing:
        print(json.dumps({"skipped": f"Debian-Pakete fehlen: {', '.join(missing)}"}))
        return
    cluster = Cluster()
    load_before = os.getloadavg()
    began = time.perf_counter()
    cluster.start()
    try:
        data_line = next(
            row for row in cluster.manage_shell(SETUP).splitlines() if row.startswith("BENCH ")
        )
        data = json.loads(data_line[6:])
        csrf = _csrf(cluster, f"/umfragen/{SURVEY_SLUG}/")
        targets = [
            ("minimal", "/_bench/minimal/", {}),
            ("home", "/", {}),
            ("directory", "/initiativen/", {}),
            ("initiative", f"/initiativen/{data['initiative']}/", {}),
            ("knowledge_page", data["knowledge"], {}),
            ("search", "/suche/?q=Zukunftswerkstatt", {}),
            ("api_list", "/api/v1/initiatives/", {}),
            ("api_detail", f"/api/v1/initiatives/{data['initiative']}/", {}),
            (
                "survey_submit",
                f"/umfragen/{SURVEY_SLUG}/antwort/",
                {"method": "POST", "expected": 302, "csrf": csrf},
            ),
        ]
        warm_up_confirmed = 0
        for name, path, extra in targets:  # warm-up: connections, caches, lazy imports
            warm = _run_target(cluster, name, path, seconds=1, **extra)
            if name == "survey_submit":
                warm_up_confirmed = warm["statuses"].get("302", 0)
        results = {name: _run_target(cluster, name, path, **extra) for name, path, extra in targets}
        if results["minimal"]["errors"] == results["minimal"]["requests"]:
            raise SystemExit(
                "/_bench/minimal/ fehlt: den Cluster mit CLUSTER_BENCH_ENDPOINTS=true starten."
            )
        ceiling = results["minimal"]
        for figures in results.values():
            figures["ratio_per_second"] = round(figures["per_second"] / ceiling["per_second"], 3)
            figures["ratio_p50"] = round(figures["p50_ms"] / max(ceiling["p50_ms"], 0.1), 1)
        stored = json.loads(
            next(
                row for row in cluster.manage_shell(SETUP).splitlines() if row.startswith("BENCH ")
            )[6:]
        )["responses"]
        # Stored = confirmed (warm-up and measured) plus those still in flight when wrk
        # stopped (at most one per connection and run): none may be missing.
        survey = {
            "confirmed": results["survey_submit"]["statuses"].get("302", 0) + warm_up_confirmed,
            "stored": stored - data["responses"],
            "connections": CONNECTIONS,
        }
        survey["lost"] = max(0, survey["confirmed"] - survey["stored"])
    finally:
        cluster.stop()
    print(
        json.dumps(
            {
                "machine": {
                    "cpus": os.cpu_count(),
                    "loadavg_before": [round(x, 2) for x in load_before],
                    "loadavg_after": [round(x, 2) for x in os.getloadavg()],
                    "connections": CONNECTIONS,
                    "wrk_threads": THREADS,
                    "seconds_per_target": SECONDS,
                    "max_requests_per_target": MAX_REQUESTS,
                    "total_seconds": round(time.perf_counter() - began, 1),
                },
                "targets": results,
                "survey": survey,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    sys.exit(main())
