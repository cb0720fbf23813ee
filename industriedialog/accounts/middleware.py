"""Staff and administrators must have passed TOTP in this session before anything else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from .selectors import has_totp, requires_second_factor
from .services import session_passed_second_factor

# Pages a staff member without a completed second factor may still open: setting up TOTP,
# signing out, switching language, and the health probe.
ALLOWED_URL_NAMES = frozenset(
    {
        "mfa_activate_totp",
        "mfa_reauthenticate",
        "account_reauthenticate",
        "account_logout",
        "set_language",
        "healthz",
    }
)
ALLOWED_PREFIXES = ("/static/", "/media/")


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not self._is_allowed(request)
            and requires_second_factor(user)
            and not session_passed_second_factor(request)
        ):
            return self._refuse(request)
        return self.get_response(request)

    @staticmethod
    def _is_allowed(request: HttpRequest) -> bool:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.url_name in ALLOWED_URL_NAMES

    @staticmethod
    def _refuse(request: HttpRequest) -> HttpResponse:
        user = request.user
        if has_totp(user):
            # A session that skipped the code (e.g. an old session): sign in again, with code.
            logout(request)
            messages.error(
                request,
                _("Bitte melden Sie sich erneut an und bestätigen Sie mit Ihrem Einmalcode."),
            )
            return HttpResponseRedirect(f"{reverse('account_login')}?next={request.path}")
        messages.warning(
            request,
            _(
                "Für Konten der Servicestelle ist ein zweiter Faktor Pflicht. Bitte richten Sie "
                "jetzt eine Authenticator-App (TOTP) ein."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))
