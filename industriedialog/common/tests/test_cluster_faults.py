"""Faults in the production topology (deploy/cluster), with requests through nginx only:

- Redis stops: the site stays up (pages, sessions, logins), caching is off; when Redis is
  back, the app servers use it again without a restart.
- PostgreSQL restarts during survey submissions: every submission is either stored once or
  refused with 503 and Retry-After, and the client's retry with the same key (the response's
  idempotency key in the URL) stores it once. Nothing is lost, nothing doubled.
- One app server is killed (SIGKILL) under load: no request fails that was not already in
  flight when it died (nginx retries idempotent requests on the other server).

Shares the session's cluster with test_cluster.py; each test leaves it running and whole."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import redis
import requests

from .cluster_support import (
    APP_SERVERS,
    BASE,
    MISSING,
    PORTS,
    cluster_command,
    http_session,
    manage,
    process_tree,
)

pytestmark = [
    pytest.mark.cluster,
    # One cluster per run: with `pytest -n` (--dist loadgroup) all cluster tests share a worker.
    pytest.mark.xdist_group("cluster"),
    pytest.mark.skipif(bool(MISSING), reason=f"Debian-Pakete fehlen: {', '.join(MISSING)}"),
]

EMAIL, PASSWORD = "cluster-faults@example.org", "Cluster-Fehler-Passwort-2026"
SURVEY_SLUG = "cluster-ausfall-umfrage"
SETUP = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from industriedialog.registry.models import Initiative
from industriedialog.surveys import services
from industriedialog.surveys.models import Survey
from industriedialog.surveys.questions import Kind

user, _ = get_user_model().objects.get_or_create(email="{EMAIL}", defaults={{"is_active": True}})
user.set_password("{PASSWORD}")
user.save()
EmailAddress.objects.update_or_create(
    user=user, email="{EMAIL}", defaults={{"verified": True, "primary": True}}
)
Initiative.objects.get_or_create(
    slug="cluster-ausfall-initiative",
    defaults={{"name": "Ausfall-Initiative", "level": "region", "status": "active"}},
)
if not Survey.objects.filter(slug="{SURVEY_SLUG}").exists():
    survey = services.survey_create(
        actor=None, title={{"de": "Ausfalltest"}}, mode=Survey.Mode.PUBLIC, slug="{SURVEY_SLUG}"
    )
    for kind, extra in [
        (Kind.SINGLE, {{"is_required": True, "options_text": "Ja\\nNein"}}),
        (Kind.GRADE, {{}}),
        (Kind.SHORT_TEXT, {{}}),
    ]:
        services.question_save(
            survey=survey,
            actor=None,
            data={{"kind": kind, "page": 1, "text": {{"de": "Frage"}}, **extra}},
        )
    services.survey_publish(survey=survey, actor=None)
"""
ANSWERS = {"q1": "o1", "q2": "2", "q3": "Stabil", "action": "next"}
ANSWER_ROWS = 3


@pytest.fixture(scope="module")
def fault_data(cluster):
    manage(cluster, "shell", "-c", SETUP)
    return cluster


def _login(session: requests.Session) -> requests.Response:
    session.get(BASE + "/konto/login/", timeout=10)
    return session.post(
        BASE + "/konto/login/",
        data={
            "login": EMAIL,
            "password": PASSWORD,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": BASE + "/konto/login/"},
        allow_redirects=False,
        timeout=10,
    )


# --- Redis --------------------------------------------------------------------------------------
def test_site_stays_up_without_redis_and_uses_it_again_when_it_is_back(fault_data):
    run_dir = fault_data
    store = redis.Redis(host="127.0.0.1", port=int(PORTS["CLUSTER_REDIS_PORT"]))
    session = http_session(run_dir)
    assert _login(session).status_code == 302
    assert session.get(BASE + "/", timeout=10).status_code == 200
    assert store.dbsize() > 0  # sessions and page fragments are cached

    pid = int((run_dir / "redis.pid").read_text())
    os.kill(pid, signal.SIGTERM)
    _wait(lambda: not Path(f"/proc/{pid}").exists(), "Redis did not stop")
    with pytest.raises(redis.ConnectionError):
        store.ping()

    for path in ("/", "/initiativen/", "/initiativen/cluster-ausfall-initiative/", "/wissen/"):
        for _ in range(2):  # both app servers
            assert session.get(BASE + path, timeout=10).status_code == 200, path
    # The session opened before (cached_db: kept in PostgreSQL too) is still valid ...
    own = session.get(BASE + "/meine-initiativen/", allow_redirects=False, timeout=10)
    assert own.status_code == 200
    # ... and a new login works (its rate limit counts nothing while Redis is away).
    fresh = http_session(run_dir)
    assert _login(fresh).status_code == 302
    assert fresh.get(BASE + "/meine-initiativen/", allow_redirects=False).status_code == 200

    started = cluster_command("start", run_dir, CLUSTER_SKIP_PREPARE="1")
    assert started.returncode == 0, started.stdout + started.stderr
    assert store.ping() and store.dbsize() == 0  # a fresh, empty Redis

    def caching_again() -> bool:
        assert session.get(BASE + "/", timeout=10).status_code == 200
        return store.dbsize() > 0

    # Each process tries Redis again 5 s after its last failure (common/cache.py).
    _wait(caching_again, "the app servers did not start caching again", seconds=20)
    own = session.get(BASE + "/meine-initiativen/", allow_redirects=False, timeout=10)
    assert own.status_code == 200


# --- PostgreSQL ---------------------------------------------------------------------------------
@dataclass
class SubmissionLog:
    stored: list[str] = field(default_factory=list)  # keys the client saw confirmed
    refused: list[tuple[int, str]] = field(default_factory=list)  # (status, retry-after)
    failed: list[str] = field(default_factory=list)  # anything else: a defect
    lock: threading.Lock = field(default_factory=threading.Lock)


def _submit(session: requests.Session, token: str, key: str, log: SubmissionLog) -> None:
    """One submission as a careful client sends it: on 503 (or a broken connection) the same
    POST again after a pause, with the same key, until it is confirmed."""
    url = f"{BASE}/umfragen/{SURVEY_SLUG}/antwort/{key}/1/"
    for _attempt in range(60):
        try:
            response = session.post(
                url,
                data={**ANSWERS, "csrfmiddlewaretoken": token},
                headers={"Referer": BASE + f"/umfragen/{SURVEY_SLUG}/"},
                allow_redirects=False,
                timeout=15,
            )
        except requests.ConnectionError:
            time.sleep(0.3)
            continue
        if response.status_code == 302 and response.headers["Location"].endswith("/danke/"):
            with log.lock:
                log.stored.append(key)
            return
        if response.status_code == 503 and "Vorübergehend nicht erreichbar" in response.text:
            with log.lock:
                log.refused.append((503, response.headers.get("Retry-After", "")))
            time.sleep(0.3)
            continue
        with log.lock:
            log.failed.append(f"{response.status_code} {key}")
        return
    with log.lock:
        log.failed.append(f"gave up {key}")


def test_postgresql_restart_loses_and_doubles_no_survey_submission(fault_data):
    run_dir = fault_data
    log = SubmissionLog()
    stop = threading.Event()

    def client() -> None:
        session = http_session(run_dir)
        page = session.get(f"{BASE}/umfragen/{SURVEY_SLUG}/", timeout=10)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token, page.status_code
        while not stop.is_set():
            _submit(session, token.group(1), str(uuid.uuid4()), log)

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    time.sleep(2)
    before_restart = len(log.stored)
    pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    pg_ctl = [*as_postgres, str(pg_bin / "pg_ctl"), "-D", str(run_dir / "pg")]
    _run([*pg_ctl, "-m", "fast", "-w", "stop"])
    time.sleep(2)  # submissions keep coming while the database is away
    _run(
        [
            *pg_ctl,
            "-w",
            "-l",
            str(run_dir / "log" / "postgresql.log"),
            "-o",
            f"-p {PORTS['CLUSTER_PG_PORT']} -k {run_dir / 'pg'} -c listen_addresses=127.0.0.1",
            "start",
        ]
    )
    restarted = len(log.stored)
    time.sleep(3)
    stop.set()
    for thread in clients:
        thread.join(60)

    assert not log.failed, log.failed  # no 500, no lost connection left unanswered
    assert log.refused, "no submission hit the restart: the test proved nothing"
    assert {retry for _, retry in log.refused} == {"5"}  # every refusal says when to retry
    assert len(log.stored) > restarted >= before_restart > 0  # stored before and after
    output = manage(
        run_dir,
        "shell",
        "-c",
        "import json\n"
        "from django.db.models import Count\n"
        "from industriedialog.surveys.models import Response\n"
        f"rows = Response.objects.filter(survey__slug='{SURVEY_SLUG}')"
        ".annotate(n=Count('answers')).values_list('key', 'submitted_on', 'n')\n"
        "print('ROWS', json.dumps([[str(k), bool(s), n] for k, s, n in rows]))",
    )
    stored = json.loads(output.split("ROWS ", 1)[1])
    assert sorted(key for key, _, _ in stored) == sorted(log.stored)  # none lost, none extra
    assert all(submitted for _, submitted, _ in stored)  # no half-stored drafts
    assert {answers for _, _, answers in stored} == {ANSWER_ROWS}  # no answer stored twice


# --- app server killed --------------------------------------------------------------------------
def test_killing_an_app_server_under_load_fails_no_request_beyond_those_in_flight(fault_data):
    run_dir = fault_data
    victim = f"app-{PORTS['CLUSTER_APP1_PORT']}"
    paths = ["/", "/initiativen/", "/initiativen/cluster-ausfall-initiative/", "/healthz"]
    lock = threading.Lock()
    results: list[tuple[float, float, int, str]] = []  # start, end, status, served by
    killed_at: list[float] = []
    stop = threading.Event()

    def client(number: int) -> None:
        session = http_session(run_dir)
        i = number
        while not stop.is_set():
            began = time.monotonic()
            try:
                response = session.get(BASE + paths[i % len(paths)], timeout=20)
                status, server = response.status_code, response.headers.get("X-Served-By", "")
            except requests.RequestException:
                status, server = 0, ""
            with lock:
                results.append((began, time.monotonic(), status, server))
            i += 1

    clients = [threading.Thread(target=client, args=(n,)) for n in range(6)]
    for thread in clients:
        thread.start()
    time.sleep(2)
    master = int((run_dir / f"{victim}.pid").read_text())
    tree = process_tree(master)
    killed_at.append(time.monotonic())
    for pid in tree:  # the gunicorn master and its workers, all at once, no clean-up
        os.kill(pid, signal.SIGKILL)
    time.sleep(4)
    stop.set()
    for thread in clients:
        thread.join(30)

    kill = killed_at[0]
    before = [r for r in results if r[1] < kill]
    after = [r for r in results if r[0] > kill]
    failed = [r for r in results if r[2] != 200]
    in_flight = [r for r in results if r[0] <= kill <= r[1]]
    assert {server for *_, server in before} == APP_SERVERS  # both served before
    assert len(after) > 20 and {server for *_, server in after} == APP_SERVERS - {victim}
    # Only a request that was already running when the server died may fail (nginx retries
    # even those when they are idempotent, so usually none does).
    assert all(r in in_flight for r in failed), (failed, kill)
    assert len(failed) <= len(in_flight) <= len(clients)

    restarted = cluster_command("start", run_dir, CLUSTER_SKIP_PREPARE="1")
    assert restarted.returncode == 0, restarted.stdout + restarted.stderr
    _wait(
        lambda: (
            {
                http_session(run_dir).get(BASE + "/healthz").headers.get("X-Served-By")
                for _ in range(6)
            }
            == APP_SERVERS
        ),
        "the restarted app server gets no requests",
        seconds=30,
    )


# --- helpers ------------------------------------------------------------------------------------
def _run(command: list[str]) -> None:
    import subprocess

    subprocess.run(command, check=True, capture_output=True, timeout=120)  # noqa: S603


def _wait(condition, message: str, seconds: float = 15) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(message)
