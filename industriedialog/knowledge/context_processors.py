from django.http import HttpRequest

from .selectors import site_pages_for_request


def site_pages(request: HttpRequest) -> dict:
    """Footer links (imprint, privacy, accessibility) and the Leichte-Sprache page."""
    return {"site_pages": site_pages_for_request(request)}
