"""Configuration from the environment: production checks, broken variables."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 20 + "-production-secret-key-for-the-check-only-0123456789",
    "ALLOWED_HOSTS": "industriedialog.example.org",
    "DATABASE_URL": "sqlite:////tmp/industriedialog-check.sqlite3",
}


def test_check_deploy_with_production_environment_reports_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_broken_database_url_stops_with_one_line_naming_it():
    result = _manage(
        "check", DATABASE_URL="kaputt://nirgendwo", DJANGO_SETTINGS_MODULE="config.settings.local"
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DATABASE_URL" in lines[0]


def test_unreachable_database_stops_with_one_clear_line():
    result = _manage(
        "migrate",
        DATABASE_URL="postgres://nobody@127.0.0.1:9/none",
        DJANGO_SETTINGS_MODULE="config.settings.local",
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "DATABASE_URL" in lines[0]


def test_cache_and_email_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND']); print(s.EMAIL_BACKEND); print(s.EMAIL_HOST)"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        REDIS_URL="redis://127.0.0.1:6379/1",
        EMAIL_URL="smtp+tls://u:p@mail.example.org:587",
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE,
        env=env,  # noqa: S603
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out == [
        "industriedialog.common.cache.FailoverRedisCache",
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
    ]


@pytest.mark.django_db
def test_pages_still_load_when_redis_is_down(client, settings, site_pages):
    # Nothing listens on port 1: every cache call fails and must count as a miss.
    settings.CACHES = {
        "default": {
            "BACKEND": "industriedialog.common.cache.FailoverRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    assert client.get("/initiativen/").status_code == 200
    assert client.get("/").status_code == 200


def test_the_wsgi_entry_point_freezes_start_up_objects_out_of_the_garbage_collector():
    # Without the freeze, full collections walked every module object: 150-180 ms pauses.
    code = "import gc, config.wsgi; print(gc.get_freeze_count())"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE,
        env=env,  # noqa: S603
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(out.strip().splitlines()[-1]) > 100_000
