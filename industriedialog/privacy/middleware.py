"""Audit log of staff reads of personal data: every successful GET of a view listed in
``settings.PERSONAL_DATA_VIEWS`` (contact details, participant lists and exports) writes
``personal_data.viewed`` with the view, its arguments and the reader. Writes are logged by
each app's services; the privacy pages log themselves (PrivacyRequest)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from industriedialog.common.models import audit_log


class PersonalDataAccessLogMiddleware:
    def __init__(self, get_response):  # type: ignore[no-untyped-def]
        self.get_response = get_response
        self.views = frozenset(settings.PERSONAL_DATA_VIEWS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        user = getattr(request, "user", None)
        if (
            match is not None
            and match.view_name in self.views
            and request.method == "GET"
            and response.status_code == 200
            and user is not None
            and user.is_authenticated
        ):
            audit_log(
                "personal_data.viewed",
                actor=user,
                data={
                    "view": match.view_name,
                    "path": request.path,
                    "arguments": {k: str(v) for k, v in match.kwargs.items()},
                    "query": request.GET.urlencode()[:500],
                },
            )
        return response
