"""The one permission helper: "may user U do action A on object O?"."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied


def can(user: Any, action: str, obj: Any = None) -> bool:
    """True if ``user`` may perform ``action`` (a permission name such as
    ``"registry.change_initiative"``) on ``obj``; object rules live in each app's rules.py."""
    if user is None:
        user = AnonymousUser()
    return bool(user.has_perm(action, obj))


def require(user: Any, action: str, obj: Any = None) -> None:
    """Raise PermissionDenied (a German 403 page) unless ``can`` says yes."""
    if not can(user, action, obj):
        raise PermissionDenied


def permission_required(action: str):  # type: ignore[no-untyped-def]
    """View decorator: visitors are sent to the login page, signed-in users without the
    permission get a 403 page."""
    from functools import wraps

    from django.contrib.auth.views import redirect_to_login

    def decorator(view):  # type: ignore[no-untyped-def]
        @wraps(view)
        def wrapped(request, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, action)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
