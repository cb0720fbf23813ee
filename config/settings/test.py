"""Tests: fast hashing, in-memory e-mail, tasks run immediately; database from DATABASE_URL."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # type: ignore[index]  # noqa: F405
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "german"}
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
