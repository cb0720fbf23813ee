"""Any change to pages, sites or locales starts a new content generation (see ``layout``)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .layout import content_changed


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_event(**kwargs: Any) -> None:
    content_changed()


@receiver(post_save)
@receiver(post_delete)
def _content_saved_or_deleted(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page | Site | Locale):
        content_changed()
