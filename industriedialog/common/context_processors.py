from django.conf import settings
from django.http import HttpRequest

from .navigation import navigation_items


def site(request: HttpRequest) -> dict:
    return {
        "site_name": "Industriedialog",
        "main_navigation": navigation_items(request),
        "debug": settings.DEBUG,
    }
