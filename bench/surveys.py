"""Surveys under load, on PostgreSQL (BENCH_DATABASE_URL or DATABASE_URL; SQLite is refused:
it serialises writers, so the figures would say nothing about production).

1. Collection: gunicorn serves the app with the production configuration
   (deploy/gunicorn.conf.py: gthread, 2 x cores + 1 workers with 2 threads each, preload_app,
   JSON access log; BENCH_WORKERS overrides the worker count) on a free port.
   BENCH_SUBMISSIONS (1,000) complete submissions of a one-page, 8-question survey are sent
   by BENCH_CLIENTS (50) concurrent client threads, each on a kept-alive connection (as nginx
   keeps its upstream pool), each submission with its own client-generated key; every tenth
   is sent a second time (a retry after a network error). The submission rate limit stays
   active, with a limit the single bench address cannot reach. Checks: 0 lost, 0 doubled,
   13 answer rows per response. CPU: the gunicorn workers' user+system time and the client's
   own, per request (PostgreSQL's share is not included); and the 1-minute load average,
   since the timings depend on what else runs on the machine.
2. Results: a 20-question survey with BENCH_RESPONSES (100,000) responses written in bulk;
   the process is first warmed on a small survey of the same questions (imports, template
   compilation: once per worker), then the results page is requested through Django's test
   client: the first request computes everything afresh in the database ("cold"), later ones
   come from the cache (keyed by the number of submitted responses). Also a cross-tab and a
   filtered page.

Prints JSON: {"database", "submissions": {"sent", "retries", "stored", "lost", "doubled",
"answers_per_response_ok", "seconds", "per_second", "server_cpu_ms_per_request",
"client_cpu_ms_per_request", "load_average_1min", "cores", "target_per_second"}, "results": {
"responses", "answers", "generate_s", "process_warmup_small_survey_ms", "page_cold_ms",
"page_p50_ms", "page_max_ms", "crosstab_cold_ms", "crosstab_p50_ms", "filtered_cold_ms",
"target_ms"}}.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("LOG_LEVEL", "ERROR")

BENCH_DATABASE = "industriedialog_surveys_bench"
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "1000"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "50"))
RESPONSES = int(os.environ.get("BENCH_RESPONSES", "100000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "0"))  # 0: as in production

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import BenchDatabase  # noqa: E402

bench_db = BenchDatabase(BENCH_DATABASE, require_postgres=True)
DATABASE_URL = bench_db.url

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from industriedialog.accounts.tests.factories import login_with_second_factor, staff_user  # noqa: E402
from industriedialog.surveys import services  # noqa: E402
from industriedialog.surveys.models import Answer, Response, Survey  # noqa: E402
from industriedialog.surveys.questions import ANSWERED, Kind  # noqa: E402


def _survey(title: str, kinds: list[tuple[str, dict]]) -> Survey:
    survey = services.survey_create(actor=None, title={"de": title}, mode=Survey.Mode.PUBLIC)
    for number, (kind, extra) in enumerate(kinds, start=1):
        data = {"kind": kind, "page": 1, "text": {"de": f"Frage {number}"}, **extra}
        if kind in {Kind.SINGLE, Kind.MULTIPLE, Kind.MATRIX, Kind.RANKING}:
            data.setdefault("options_text", "Eins\nZwei\nDrei\nVier")
        services.question_save(survey=survey, actor=None, data=data)
    services.survey_publish(survey=survey, actor=None)
    return survey


SUBMIT_KINDS = [
    (Kind.SINGLE, {"is_required": True}),
    (Kind.MULTIPLE, {}),
    (Kind.GRADE, {}),
    (Kind.LIKERT, {}),
    (Kind.NUMBER, {"min_value": 0, "max_value": 1000}),
    (Kind.SHORT_TEXT, {}),
    (Kind.REGION, {"region_level": "state"}),
    (Kind.MATRIX, {}),
]
# q1 o1, q2 o1+o3 (+ answered), q3 2, q4 4, q5 42, q6 text, q7 BY, q8 four rows → 13 rows
FORM = {
    "q1": "o1",
    "q2": ["o1", "o3"],
    "q3": "2",
    "q4": "4",
    "q5": "42",
    "q6": "Gute Idee",
    "q7": "BY",
    "q8__o1": "1",
    "q8__o2": "2",
    "q8__o3": "3",
    "q8__o4": "4",
    "action": "next",
}
ROWS_PER_RESPONSE = 13  # and the "answered" row of the multiple-choice question


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cpu_seconds_of_children(pid: int) -> float:
    """User + system CPU time of the gunicorn workers (children of ``pid``), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    for child in children:
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def _collection(survey: Survey) -> dict:
    port = _free_port()
    settings_dir = tempfile.mkdtemp(prefix="surveys-bench-")
    # As in production: persistent database connections, static files indexed once at start
    # (the test settings re-scan them on every request).
    Path(settings_dir, "bench_settings.py").write_text(
        "from config.settings.test import *  # noqa: F403\n"
        "WHITENOISE_AUTOREFRESH = False\n"
        "DATABASES['default']['CONN_MAX_AGE'] = 60  # noqa: F405\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": DATABASE_URL,
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{settings_dir}:{ROOT}",
    }
    # The production gunicorn configuration (deploy/gunicorn.conf.py: gthread workers,
    # 2 x cores + 1 processes with 2 threads, preload_app, JSON access log); only the port,
    # and the worker count when BENCH_WORKERS is given, come from here.
    if WORKERS:
        env["GUNICORN_WORKERS"] = str(WORKERS)
    env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    # All requests come from one address: the submission rate limit stays active (its cost
    # is measured) but high enough not to refuse the bench's 1,000 submissions.
    env["SURVEY_SUBMIT_RATE_LIMIT"] = "1000000/m/ip,1000000/m/key"
    env["GUNICORN_LOG_LEVEL"] = "warning"
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--backlog",
            "2048",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        start_path = f"/umfragen/{survey.slug}/"

        def session() -> tuple[str, str]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", start_path)
            response = conn.getresponse()
            body = response.read().decode()
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            conn.close()
            if not (cookie and token):
                raise RuntimeError("CSRF-Token fehlt")
            return cookie.group(1), token.group(1)

        sessions = [session() for _ in range(CLIENTS)]
        keys = [uuid.uuid4() for _ in range(SUBMISSIONS)]
        jobs = [(i, key) for i, key in enumerate(keys)]
        jobs += [(i, keys[i]) for i in range(0, SUBMISSIONS, 10)]  # retries of every tenth
        statuses: list[int] = []

        local = threading.local()

        def post(job: tuple[int, uuid.UUID]) -> int:
            """One POST on this client thread's kept-alive connection (as nginx keeps a pool
            of upstream connections to gunicorn); a new connection if the server closed it."""
            index, key = job
            cookie, token = sessions[index % CLIENTS]
            body = urllib.parse.urlencode({**FORM, "csrfmiddlewaretoken": token}, doseq=True)
            for attempt in (1, 2):
                if getattr(local, "conn", None) is None:
                    local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                try:
                    local.conn.request(
                        "POST",
                        f"/umfragen/{survey.slug}/antwort/{key}/1/",
                        body,
                        {
                            "Content-Type": "application/x-www-form-urlencoded",
                            "Cookie": f"csrftoken={cookie}",
                            "Referer": f"http://127.0.0.1:{port}/",
                        },
                    )
                    response = local.conn.getresponse()
                    response.read()
                    return response.status
                except (http.client.HTTPException, ConnectionError):
                    # A dropped kept-alive connection: the same request again on a new one
                    # (the key makes it idempotent, as any retry after a network error).
                    local.conn.close()
                    local.conn = None
                    if attempt == 2:
                        raise
            raise AssertionError("unreachable")

        server_cpu_before = _cpu_seconds_of_children(server.pid)
        client_cpu_before = time.process_time()
        began = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            statuses = list(pool.map(post, jobs))
        seconds = time.perf_counter() - began
        server_cpu = _cpu_seconds_of_children(server.pid) - server_cpu_before
        client_cpu = time.process_time() - client_cpu_before
        load = os.getloadavg()[0]
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    stored = Response.objects.filter(survey=survey, submitted_on__isnull=False).count()
    per_response = (
        Answer.objects.filter(survey=survey).values("response").distinct().count(),
        Answer.objects.filter(survey=survey).count(),
    )
    return {
        "sent": len(jobs),
        "retries": len(jobs) - SUBMISSIONS,
        "http_302": statuses.count(302),
        "other_status": sorted({s for s in statuses if s != 302}),
        "stored": stored,
        "lost": SUBMISSIONS - stored if stored < SUBMISSIONS else 0,
        "doubled": stored - SUBMISSIONS if stored > SUBMISSIONS else 0,
        "answers_per_response_ok": per_response == (SUBMISSIONS, SUBMISSIONS * ROWS_PER_RESPONSE),
        "seconds": round(seconds, 2),
        "per_second": round(len(jobs) / seconds, 1),
        "server_workers": WORKERS or "production default (2 x cores + 1, gthread, 2 threads)",
        "server_cpu_ms_per_request": round(1000 * server_cpu / len(jobs), 2),
        "client_cpu_ms_per_request": round(1000 * client_cpu / len(jobs), 2),
        "load_average_1min": round(load, 2),
        "cores": os.cpu_count(),
        "target_per_second": 200,
    }


RESULT_KINDS = [
    *[(Kind.SINGLE, {}) for _ in range(7)],
    (Kind.MULTIPLE, {}),
    (Kind.MULTIPLE, {}),
    (Kind.GRADE, {}),
    (Kind.GRADE, {}),
    (Kind.LIKERT, {}),
    (Kind.LIKERT, {}),
    (Kind.NUMBER, {"min_value": 0, "max_value": 100}),
    (Kind.REGION, {"region_level": "state"}),
    (Kind.REGION, {"region_level": "district"}),
    (Kind.MATRIX, {}),
    (Kind.RANKING, {}),
    (Kind.DATE, {}),
    (Kind.SHORT_TEXT, {}),
]


def _measure(client: Client, path: str, n: int = 5) -> list[float]:
    """Timings in ms; the first is the cold request (nothing cached yet)."""
    timings = []
    for _ in range(n):
        began = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - began) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return timings


def _generate(survey: Survey, count: int) -> None:
    """Responses and answers written by INSERT … SELECT in PostgreSQL (the benchmark measures
    reading; Python objects for 2.7 million rows would dominate). The SQL holds only numbers
    and codes from this script and the reference data, no outside input."""
    from industriedialog.regions.models import District, State

    states = (
        "ARRAY[" + ",".join(f"'{c}'" for c in State.objects.values_list("code", flat=True)) + "]"
    )
    districts = (
        "ARRAY["
        + ",".join(f"'{a}'" for a in District.objects.current().values_list("ags", flat=True))
        + "]"
    )
    version = survey.current_version_id
    sql = [
        "INSERT INTO surveys_response (survey_id, version_id, key, draft, last_page, "  # noqa: S608
        "started_on, submitted_on, is_synthetic) "
        f"SELECT {survey.pk}, {version}, gen_random_uuid(), '{{}}', 1, current_date, "
        f"current_date, true FROM generate_series(1, {count})",
    ]
    insert = (
        "INSERT INTO surveys_answer "
        "(survey_id, response_id, question_key, item, choice, number, text)"
    )
    responses = f"FROM surveys_response r WHERE r.survey_id = {survey.pk}"

    def scale(key: str, top: int, item: str = "") -> str:
        return (
            f"{insert} SELECT {survey.pk}, id, '{key}', '{item}', n::text, n, '' FROM "  # noqa: S608
            f"(SELECT r.id, 1 + floor(random() * {top})::int AS n {responses}) AS s"
        )

    for number, (kind, extra) in enumerate(RESULT_KINDS, start=1):
        key = f"q{number}"
        if kind == Kind.SINGLE:
            sql.append(
                f"{insert} SELECT {survey.pk}, r.id, '{key}', '', 'o' || "
                f"(1 + floor(random() * 4))::int, NULL, '' {responses}"
            )
        elif kind == Kind.MULTIPLE:
            sql += [
                f"{insert} SELECT {survey.pk}, r.id, '{key}', '', 'o{i}', NULL, '' "
                f"{responses} AND random() < 0.5"
                for i in range(1, 5)
            ]
            sql.append(
                f"{insert} SELECT DISTINCT {survey.pk}, response_id, '{key}', "  # noqa: S608
                f"'{ANSWERED}', '', NULL::numeric, '' FROM surveys_answer "
                f"WHERE survey_id = {survey.pk} AND question_key = '{key}'"
            )
        elif kind in {Kind.GRADE, Kind.LIKERT}:
            sql.append(scale(key, 6 if kind == Kind.GRADE else 5))
        elif kind in {Kind.MATRIX, Kind.RANKING}:
            sql += [scale(key, 5 if kind == Kind.MATRIX else 4, f"o{i}") for i in range(1, 5)]
        elif kind == Kind.NUMBER:
            sql.append(
                f"{insert} SELECT {survey.pk}, r.id, '{key}', '', '', "
                f"floor(random() * 101), '' {responses}"
            )
        elif kind == Kind.REGION:
            values = districts if extra.get("region_level") == "district" else states
            sql.append(
                f"{insert} SELECT {survey.pk}, r.id, '{key}', '', ({values})"
                f"[1 + floor(random() * array_length({values}, 1))::int], NULL, '' {responses}"
            )
        elif kind == Kind.DATE:
            sql.append(
                f"INSERT INTO surveys_answer (survey_id, response_id, question_key, item, "
                f"choice, date, text) SELECT {survey.pk}, r.id, '{key}', '', '', "
                f"current_date - floor(random() * 900)::int, '' {responses}"
            )
        elif kind == Kind.SHORT_TEXT:
            sql.append(
                f"{insert} SELECT {survey.pk}, r.id, '{key}', '', '', NULL, "
                f"(ARRAY['Mehr Austausch', 'Weniger Bürokratie', 'Fachkräfte'])"
                f"[1 + floor(random() * 3)::int] {responses} AND random() < 0.3"
            )
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)


def _results() -> dict:
    survey = _survey("Ergebnisse mit 100.000 Antworten", RESULT_KINDS)
    began = time.perf_counter()
    _generate(survey, RESPONSES)
    generate_s = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE surveys_answer")
        cursor.execute("VACUUM ANALYZE surveys_response")
    client = Client()
    login_with_second_factor(client, staff_user())
    if Response.objects.filter(survey=survey).count() != RESPONSES:
        raise RuntimeError("Antworten fehlen")
    # The process is warmed first on a small survey of the same questions (imports, template
    # compilation: once per gunicorn worker, not per survey), so "cold" below means: nothing of
    # the big survey cached, every figure aggregated afresh by the database.
    small = _survey("Aufwärmen", RESULT_KINDS)
    services.responses_generate(survey=small, count=50)
    warmup = _measure(client, f"/umfragen/auswertung/{small.pk}/", n=1)
    page = _measure(client, f"/umfragen/auswertung/{survey.pk}/")
    crosstab = _measure(client, f"/umfragen/auswertung/{survey.pk}/?rows=q15&columns=q10")
    filtered = _measure(client, f"/umfragen/auswertung/{survey.pk}/?filter=q1:o2")
    return {
        "questions": len(RESULT_KINDS),
        "responses": RESPONSES,
        "answers": Answer.objects.filter(survey=survey).count(),
        "generate_s": round(generate_s, 1),
        "process_warmup_small_survey_ms": round(warmup[0], 1),
        "page_cold_ms": round(page[0], 1),
        "page_p50_ms": round(statistics.median(page[1:]), 1),
        "page_max_ms": round(max(page[1:]), 1),
        "crosstab_cold_ms": round(crosstab[0], 1),
        "crosstab_p50_ms": round(statistics.median(crosstab[1:]), 1),
        "filtered_cold_ms": round(filtered[0], 1),
        "target_ms": 1000,
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory():
        call_command("load_regions", verbosity=0)
    figures: dict = {"database": "postgresql"}
    figures["submissions"] = _collection(_survey("Sammeln unter Last", SUBMIT_KINDS))
    figures["results"] = _results()
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    try:
        main()
    finally:
        bench_db.drop()
