"""Local demo and development (`make run`): needs nothing configured — SQLite, console e-mail,
local-memory cache. DEBUG stays off by default so visitors see the real German error pages;
set DEBUG=true for Django's debug pages."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=False)
DEMO_MODE = True  # allows create_demo_accounts and demo_totp
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
LOG_FORMAT = env.str("LOG_FORMAT", default="plain")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # type: ignore[index]  # noqa: F405
LOGGING["loggers"]["wagtail"] = {"level": "WARNING"}  # type: ignore[index]  # noqa: F405
# Static files straight from the source folders, without collectstatic.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True
# Background tasks (search indexing, newsletter sending) run right away, so `make run` needs
# no worker; TASKS_BACKEND=django_tasks_db.DatabaseBackend plus `manage.py db_worker` runs
# them in the background as in production.
TASKS = {
    "default": {
        "BACKEND": env.str(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
