"""Operations: the database-unavailable page and the load script's bench-only view."""

from __future__ import annotations

import importlib

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client
from django.urls import clear_url_caches, resolve, reverse

from industriedialog.accounts.tests.factories import PASSWORD, UserFactory
from industriedialog.common.views import server_error

from .test_settings import PRODUCTION, _manage


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
    ],
)
def test_database_unreachable_is_a_503_asking_to_retry(rf, error):
    try:
        raise error
    except type(error):
        response = server_error(rf.get("/umfragen/x/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "Vorübergehend nicht erreichbar" in body
    assert "erneut" in body


def test_other_errors_stay_a_500(rf):
    try:
        raise ValueError("bug")
    except ValueError:
        response = server_error(rf.get("/x"))
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.fixture
def fresh_urls(settings):
    def load(enabled: bool):  # type: ignore[no-untyped-def]
        settings.BENCH_ENDPOINTS = enabled
        import config.urls

        importlib.reload(config.urls)
        clear_url_caches()
        return config.urls

    yield load
    load(False)


def test_bench_view_is_routed_only_when_switched_on(fresh_urls, client, db):
    fresh_urls(False)
    assert resolve("/_bench/minimal/").url_name != "bench_minimal"  # Wagtail's catch-all
    assert client.get("/_bench/minimal/").status_code == 404
    fresh_urls(True)
    response = client.get("/_bench/minimal/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_bench_view_does_not_exist_in_production_by_default():
    probe = (
        "from django.conf import settings; from django.urls import resolve\n"
        "print(resolve('/_bench/minimal/').url_name, settings.BENCH_ENDPOINTS)"
    )
    result = _manage("shell", "-c", probe, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    name, enabled = result.stdout.split()[-2:]
    assert name != "bench_minimal" and enabled == "False"


DEAD_REDIS = {
    "default": {
        "BACKEND": "industriedialog.common.cache.FailoverRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
}


def _login(client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.mark.django_db
def test_logins_work_and_are_still_limited_while_redis_is_down(client, settings):
    # django-redis alone answers cache.add with "not added" when Redis is away, and
    # allauth's rate limiter then refused every login with 429.
    settings.CACHES = DEAD_REDIS
    user, victim = UserFactory(), UserFactory()
    assert _login(client, user.email, PASSWORD).status_code == 302
    other = Client()
    for _ in range(settings.ACCOUNT_LOGIN_FAILED_ATTEMPTS):
        _login(other, victim.email, "falsch-falsch-falsch")
    locked = _login(other, victim.email, PASSWORD)  # counted in this process's memory
    assert locked.status_code in (200, 429)
    assert "Zu viele" in locked.content.decode()


def test_an_unreachable_redis_is_retried_only_after_a_pause(settings):
    from django.core.cache import cache

    settings.CACHES = DEAD_REDIS
    cache.set("k", "lokal")
    assert not cache.redis_reachable  # type: ignore[attr-defined]
    assert cache.get("k") == "lokal"  # answered from memory, no new connection attempt
    assert cache.add("lock", True) is True and cache.add("lock", True) is False
