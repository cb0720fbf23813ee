"""Rate limits for public forms that anyone may send (allauth's rate-limit store, so the
counters live in the shared cache and hold across app servers).

Limits are named in ``settings.ACCOUNT_RATE_LIMITS`` (e.g. ``"event_register": "20/h/ip"``);
a refused request gets the German 429 page (``templates/429.html``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.core import ratelimit
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def too_many_requests(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 429 page, also used by allauth (login, sign-up, password reset) via handler429."""
    return render(request, "429.html", status=429)


def limit_posts(
    action: str, key: Callable[[HttpRequest], str] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: count each POST against the limit ``action``; over it, answer 429
    without running the view. ``key`` picks a per-target key (e.g. the e-mail address) for
    limits with a ``/key`` part."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST":
                target = key(request) if key else None
                if not ratelimit.consume(request, action=action, key=target):
                    return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def posted_email(request: HttpRequest) -> str:
    return (request.POST.get("email") or "").strip().lower()[:254]
