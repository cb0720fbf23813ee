from django.http import HttpRequest

from industriedialog.common.layout import cached_layout_part

from .selectors import site_pages_for_request


def site_pages(request: HttpRequest) -> dict:
    """Footer links (imprint, privacy, accessibility) and the Leichte-Sprache page: title and
    URL of each, cached with the rest of the layout."""

    def build() -> dict[str, dict[str, str]]:
        pages = site_pages_for_request(request)
        return {kind: {"title": page.title, "url": page.url} for kind, page in pages.items()}

    return {"site_pages": cached_layout_part(request, "site-pages", build)}
