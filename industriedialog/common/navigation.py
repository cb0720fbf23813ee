"""Main navigation: one list for the modules; an entry appears once its module is installed."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .layout import cached_layout_part


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str


# Modules of DOMAIN.md in the order a visitor meets them. A module's entry shows as soon as
# its URL name exists, so a feature app only has to register its URLs.
MODULE_NAVIGATION = [
    NavItem(_("Initiativen"), "registry:initiative_list"),
    NavItem(_("Weiße Flecken"), "whitespots:map"),
    NavItem(_("Wissen"), "knowledge:index"),
    NavItem(_("Veranstaltungen"), "events:event_list"),
    NavItem(_("Selbstbewertung"), "assessments:index"),
    NavItem(_("Wettbewerb"), "awards:index"),
]


def navigation_items(request: HttpRequest) -> list[dict]:
    items = []
    path = request.path
    for item in MODULE_NAVIGATION:
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        items.append(
            {"label": item.label, "url": url, "is_current": path.startswith(url), "is_module": True}
        )
    for page in cached_layout_part(request, "menu-pages", lambda: _menu_pages(request)):
        items.append({**page, "is_current": path.startswith(page["url"] or "#")})
    return items


def _menu_pages(request: HttpRequest) -> list[dict]:
    """Editor-chosen pages (Wagtail's "show in menus") below the start page of this language:
    label and URL of each, as plain data for the layout cache."""
    from wagtail.models import Locale, Page, Site

    site = Site.find_for_request(request)
    if site is None:
        return []
    root = site.root_page
    try:
        root = root.get_translation(Locale.get_active())
    except (Page.DoesNotExist, Locale.DoesNotExist):
        pass
    pages = root.get_children().live().public().in_menu().specific()
    return [{"label": p.title, "url": p.url} for p in pages]
