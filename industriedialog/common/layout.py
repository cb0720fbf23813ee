"""The parts of the page layout that come from the CMS (menu pages, footer pages).

They are the same for every visitor of one host and language, but reading them costs several
queries on every request. They are cached per host and language until any page, site or
locale changes: every such change starts a new *content generation* (see ``signals``), and
entries of older generations are never read again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language

GENERATION_KEY = "layout:content-generation"


def content_generation() -> int:
    return int(cache.get_or_set(GENERATION_KEY, 1, None) or 1)


def content_changed() -> None:
    """Start a new content generation: every cached layout part is read afresh."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(GENERATION_KEY, 2, None)


def cached_layout_part(request: HttpRequest, name: str, build: Callable[[], Any]) -> Any:
    """``build()``'s value for this host and language, from the cache while content is
    unchanged. The value must be plain data (no model instances, no lazy strings)."""
    seconds = int(getattr(settings, "LAYOUT_CACHE_SECONDS", 300))
    if seconds <= 0:
        return build()
    key = f"layout:{content_generation()}:{name}:{request.get_host()}:{get_language()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, seconds)
    return value
