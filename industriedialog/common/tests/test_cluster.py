"""The production topology of deploy/cluster: nginx in front of two gunicorn app servers,
PostgreSQL, Redis and a task worker, all on loopback. Requests go through nginx only.

Proves what a second app server could break: a session opened on one server is valid on the
other, the cache (here: the failed-login counter) is shared, and a task queued by an app
server is run by the worker. Skipped when the Debian packages are not installed (CI installs
them)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests

from .cluster_support import APP_SERVERS, BASE, MISSING, ROOT, http_session, manage

EMAIL, PASSWORD = "cluster-test@example.org", "Cluster-Test-Passwort-2026"
LOCKED_EMAIL = "cluster-lockout@example.org"

pytestmark = [
    pytest.mark.cluster,
    # One cluster per run: with `pytest -n` (--dist loadgroup) all cluster tests share a worker.
    pytest.mark.xdist_group("cluster"),
    pytest.mark.skipif(bool(MISSING), reason=f"Debian-Pakete fehlen: {', '.join(MISSING)}"),
]

SETUP = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from industriedialog.registry.models import Initiative
for email in ("{EMAIL}", "{LOCKED_EMAIL}"):
    user, _ = get_user_model().objects.get_or_create(email=email, defaults={{"is_active": True}})
    user.set_password("{PASSWORD}")
    user.save()
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={{"verified": True, "primary": True}}
    )
Initiative.objects.get_or_create(
    slug="cluster-test-initiative",
    defaults={{"name": "Cluster-Test-Initiative", "level": "region", "status": "active"}},
)
"""


@pytest.fixture(scope="module")
def accounts(cluster):
    manage(cluster, "shell", "-c", SETUP)
    return cluster


def _session(run_dir: Path) -> requests.Session:
    return http_session(run_dir)


@pytest.fixture
def browser_session(accounts):
    return _session(accounts)


def _served_by(session: requests.Session, path: str, n: int) -> list[tuple[int, str]]:
    answers = []
    for _ in range(n):
        response = session.get(BASE + path, allow_redirects=False, timeout=10)
        answers.append((response.status_code, response.headers.get("X-Served-By", "")))
    return answers


def _login(session: requests.Session, password: str, email: str = EMAIL) -> requests.Response:
    session.get(BASE + "/konto/login/", timeout=10)
    return session.post(
        BASE + "/konto/login/",
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": BASE + "/konto/login/"},
        allow_redirects=False,
        timeout=10,
    )


def test_nginx_balances_over_both_app_servers_and_serves_static_files(cluster, browser_session):
    answers = _served_by(browser_session, "/healthz", 6)
    assert {status for status, _ in answers} == {200}
    assert {server for _, server in answers} == APP_SERVERS
    css = browser_session.get(BASE + "/static/css/site.css", timeout=10)
    assert css.status_code == 200 and "X-Served-By" not in css.headers  # nginx, not the app


def test_static_files_are_served_compressed_with_long_cache_headers(cluster, browser_session):
    manifest = json.loads((ROOT / "staticfiles" / "staticfiles.json").read_text())["paths"]
    hashed = "/static/" + manifest["css/site.css"]  # e.g. css/site.0123456789ab.css
    response = browser_session.get(BASE + hashed, headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"  # the precompressed .gz copy
    cache_control = response.headers["Cache-Control"]
    assert "immutable" in cache_control and "max-age=315360000" in cache_control
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # A name without a hash may change in place: cached briefly only.
    plain = browser_session.get(BASE + "/static/css/site.css")
    assert plain.headers["Cache-Control"] == "max-age=3600"


def test_the_api_answers_a_current_copy_with_304_through_nginx(cluster, browser_session):
    url = BASE + "/api/v1/initiatives/"
    first = browser_session.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200 and first.headers["Content-Encoding"] == "gzip"
    # nginx's compression weakens the ETag (W/"..."); Django compares weakly for GET.
    assert first.headers["ETag"].startswith('W/"')
    for _ in range(2):  # either app server
        again = browser_session.get(
            url, headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]}
        )
        assert again.status_code == 304 and again.content == b""


def test_a_session_opened_on_one_app_server_is_valid_on_the_other(cluster, browser_session):
    assert _login(browser_session, PASSWORD).status_code == 302
    answers = _served_by(browser_session, "/meine-initiativen/", 6)
    assert {server for _, server in answers} == APP_SERVERS
    assert {status for status, _ in answers} == {200}, answers  # never sent back to login


def test_failed_logins_are_counted_across_app_servers(cluster, browser_session):
    # 5 failures for one account lock it; spread over two servers, only a shared cache
    # (Redis) sees all five.
    for _ in range(5):
        assert _login(browser_session, "falsch", LOCKED_EMAIL).status_code == 200
    locked = _login(browser_session, PASSWORD, LOCKED_EMAIL)
    assert locked.status_code in {200, 429}
    assert "/meine-initiativen/" not in locked.headers.get("Location", "")
    page = browser_session.get(BASE + "/meine-initiativen/", allow_redirects=False)
    assert page.status_code == 302 and "/konto/login/" in page.headers["Location"]


def test_a_task_queued_by_an_app_server_is_run_by_the_worker(cluster, browser_session):
    session = _session(cluster)
    assert _login(session, PASSWORD).status_code == 302
    url = BASE + "/initiativen/cluster-test-initiative/vertreten/"
    session.get(url, timeout=10)
    response = session.post(
        url,
        data={
            "message": "Ich leite die Geschäftsstelle.",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        headers={"Referer": url},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302
    deadline = time.monotonic() + 60
    mails: list[Path] = []
    while time.monotonic() < deadline and not mails:
        mails = [
            p for p in (cluster / "mail").glob("*") if "servicestelle@localhost" in p.read_text()
        ]
        time.sleep(0.5)
    assert mails, "the worker did not send the staff notice within 60 s"
