"""Reads of editorial pages used by the layout and by other apps."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Locale

from .models import ContentPage


def site_pages_for_request(request: HttpRequest) -> dict[str, ContentPage]:
    """The special pages (imprint, privacy, ...) in the active language, German as fallback.

    Leichte Sprache is a German text by nature, so it is always the German page."""
    wanted = {
        ContentPage.Kind.IMPRINT,
        ContentPage.Kind.PRIVACY,
        ContentPage.Kind.ACCESSIBILITY,
        ContentPage.Kind.EASY_LANGUAGE,
    }
    try:
        active = Locale.get_active()
    except Locale.DoesNotExist:
        return {}
    pages = ContentPage.objects.live().public().filter(kind__in=wanted).select_related("locale")
    found: dict[str, ContentPage] = {}
    for page in pages:
        is_active = page.locale_id == active.pk
        if page.kind == ContentPage.Kind.EASY_LANGUAGE:
            is_active = page.locale.language_code == "de"
        if is_active or page.kind not in found:
            found[page.kind] = page
    return found
