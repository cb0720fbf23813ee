"""Whole-page cache for public knowledge pages (pages with view restrictions excluded).

Anonymous GET requests without query string are served from the cache. The CSRF token is
the only per-visitor part of the layout: pages are rendered with a placeholder that is
replaced by the visitor's own token on every response. Publishing any page or changing a
document starts a new cache generation, so lists and menus never show stale entries."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "__knowledge_csrf_token__"
GENERATION_KEY = "knowledge:page-cache:generation"


def cache_seconds() -> int:
    return int(getattr(settings, "KNOWLEDGE_PAGE_CACHE_SECONDS", 0))


def is_cacheable(request: HttpRequest) -> bool:
    if request.method != "GET" or request.GET or cache_seconds() <= 0:
        return False
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    # Pending flash messages belong to one visitor (cookie or session storage).
    has_session_messages = hasattr(request, "session") and "_messages" in request.session
    return "messages" not in request.COOKIES and not has_session_messages


def page_cache_invalidate() -> None:
    """Start a new generation: every cached page is rendered afresh on its next request."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _key(request: HttpRequest) -> str:
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return f"knowledge:page:{generation}:{request.get_host()}:{get_language()}:{request.path}"


def _from_html(request: HttpRequest, html: str, *, was_cached: bool) -> HttpResponse:
    response = HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
    response["X-Page-Cache"] = "hit" if was_cached else "miss"
    return response


class PageCacheMiddleware:
    """Answers a cached page before URL routing: Wagtail's page lookup is the costly part."""

    SKIP_PREFIXES = ("/cms/", "/static/", "/media/", "/dokumente/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(self.SKIP_PREFIXES) and is_cacheable(request):
            html = cache.get(_key(request))
            if html is not None:
                return _from_html(request, html, was_cached=True)
        return self.get_response(request)


def serve_cached(
    request: HttpRequest, render: Callable[[dict], HttpResponse], *, is_cacheable_page: bool
) -> HttpResponse:
    """``render(extra_context)`` produces the page; cached as HTML if the request allows it."""
    if not is_cacheable_page or not is_cacheable(request):
        return render({})
    key = _key(request)
    html = cache.get(key)
    was_cached = html is not None
    if html is None:
        rendered = render({"csrf_token": CSRF_PLACEHOLDER})
        if hasattr(rendered, "render"):
            rendered.render()
        if rendered.status_code != 200 or rendered.cookies:
            return render({})
        html = rendered.content.decode()
        cache.set(key, html, cache_seconds())
    return _from_html(request, html, was_cached=was_cached)
