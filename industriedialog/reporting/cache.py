"""Computed figures are cached per computation and period under a data version; any write
to a model the figures read from bumps the version, so a cached figure is never stale."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "reporting:data-version"
TIMEOUT = 60 * 60 * 24

# Models whose rows feed a computed indicator (missing apps are skipped).
SOURCE_MODELS = (
    "events.Event",
    "events.Registration",
    "surveys.Survey",
    "surveys.SurveyVersion",
    "surveys.Invitation",
    "surveys.Response",
    "registry.Initiative",
    "advisory.FoundingCase",
    "advisory.Consultation",
    "assessments.Assessment",
    "awards.Submission",
    "reporting.BoardMeeting",
    "reporting.Report",
)


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return int(version)


def bump(*args: Any, **kwargs: Any) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def cached_figure(
    key: str, start: datetime.date, end: datetime.date, compute: Callable[[], Any]
) -> Any:
    cache_key = f"reporting:v{data_version()}:{key}:{start.isoformat()}:{end.isoformat()}"
    hit = cache.get(cache_key, default=cache)
    if hit is not cache:
        return hit
    value = compute()
    cache.set(cache_key, value, TIMEOUT)
    return value


def _bump_on_m2m(sender: Any, action: str, **kwargs: Any) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        bump()


def connect_invalidation() -> None:
    for label in SOURCE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        post_save.connect(bump, sender=model, dispatch_uid=f"reporting-save-{label}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"reporting-delete-{label}")
    m2m_changed.connect(_bump_on_m2m, dispatch_uid="reporting-m2m")
