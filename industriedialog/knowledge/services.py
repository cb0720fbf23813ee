"""Writes to the editorial page tree."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Site

from industriedialog.accounts.roles import Role, group_name

from .models import ContentPage, HomePage
from .site_content import HOME, PAGES

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


@dataclass
class SetupResult:
    created: list[str] = field(default_factory=list)


def _publish(page: Page) -> None:
    page.save_revision().publish()


@transaction.atomic
def site_setup(*, hostname: str = "localhost", port: int = 80) -> SetupResult:
    """Create the German and English start pages and the legal pages if missing (idempotent:
    existing pages, also edited ones, are left alone)."""
    result = SetupResult()
    de, _ = Locale.objects.get_or_create(language_code="de")
    en, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:  # a flushed database (Wagtail's migration normally creates the root)
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=de))

    home = HomePage.objects.filter(locale=de).first()
    if home is None:
        home = HomePage(
            title=HOME["de"]["title"],
            slug="start",
            locale=de,
            intro=HOME["de"]["intro"],
            body=json.dumps(HOME["de"]["body"]),
        )
        root.add_child(instance=home)
        _publish(home)
        result.created.append("Startseite (de)")
    _site_point_to(home, hostname=hostname, port=port)
    # Wagtail's welcome page is of no use once our start page exists.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()

    en_home = home.get_translation_or_none(en)
    if en_home is None:
        en_home = home.copy_for_translation(en)
        en_home.title = HOME["en"]["title"]
        en_home.intro = HOME["en"]["intro"]
        en_home.body = json.dumps(HOME["en"]["body"])
        en_home.save()
        _publish(en_home)
        result.created.append("Startseite (en)")

    for kind, texts in PAGES.items():
        de_page = ContentPage.objects.filter(locale=de, kind=kind).first()
        if de_page is None:
            de_page = _content_page(kind, texts["de"], parent=home, locale=de)
            result.created.append(f"{de_page.title} (de)")
        if "en" in texts and de_page.get_translation_or_none(en) is None:
            en_page = de_page.copy_for_translation(en)
            _fill(en_page, kind, texts["en"])
            en_page.save()
            _publish(en_page)
            result.created.append(f"{en_page.title} (en)")
        if kind == ContentPage.Kind.EASY_LANGUAGE and home.easy_language_page_id is None:
            home.easy_language_page = de_page
            home.save_revision().publish()

    _grant_editor_page_permissions(root)
    return result


def _fill(page: ContentPage, kind: str, text: tuple) -> None:
    slug, title, intro, body, in_menu = text
    page.slug, page.title, page.intro = slug, title, intro
    page.body = json.dumps(body)
    page.kind = kind
    page.show_in_menus = in_menu


def _content_page(kind: str, text: tuple, *, parent: Page, locale: Locale) -> ContentPage:
    page = ContentPage(locale=locale)
    _fill(page, kind, text)
    parent.add_child(instance=page)
    _publish(page)
    return page


def _site_point_to(home: Page, *, hostname: str, port: int) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Industriedialog",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Industriedialog"
        site.save()


def _grant_editor_page_permissions(root: Page) -> None:
    group = Group.objects.filter(name=group_name(Role.EDITOR)).first()
    if group is None:
        return
    for codename in EDITOR_PAGE_PERMISSIONS:
        perm = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename=codename
        ).first()
        if perm is not None:
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
