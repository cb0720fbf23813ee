from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

from .permissions import can


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        if can(request.user, "accounts.access_staff_area"):
            return reverse("accounts:staff_dashboard")
        return super().get_login_redirect_url(request)
