"""Content-Security-Policy (django-csp 4): one strict policy for the site, a looser one for
the Wagtail admin only.

The site's own pages run no inline script or style (scripts and styles are static files,
JSON data sits in ``json_script`` blocks, which are not executed), so the policy is
``'self'`` without ``'unsafe-inline'``. Wagtail's admin under ``/cms/`` still writes inline
``style`` attributes and a few inline scripts (rich-text editor, choosers, previews); it
gets ``settings.CMS_CONTENT_SECURITY_POLICY`` instead. Only signed-in staff with a second
factor reach those pages.
"""

from __future__ import annotations

from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CMS_CSP_PATH_PREFIXES))
        ):
            parts.config = cms_directives()
        return parts


def cms_directives() -> dict[str, Any]:
    return dict(settings.CMS_CONTENT_SECURITY_POLICY["DIRECTIVES"])
