from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from .permissions import can


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if can(request.user, "accounts.access_staff_area"):
            return reverse("accounts:staff_dashboard")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """E-mails go out in the recipient's chosen language, not the request's."""
        from .models import User

        user = context.get("user") or User.objects.filter(email__iexact=email).first()
        language = getattr(user, "language", None) or translation.get_language() or "de"
        with translation.override(language):
            super().send_mail(template_prefix, email, context)
