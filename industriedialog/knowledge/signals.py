"""Decoupled side effect: a published, unpublished, moved or deleted page or a changed
document makes the page cache start afresh."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import page_cache_invalidate
from .models import KnowledgeDocument


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(**kwargs: Any) -> None:
    page_cache_invalidate()


@receiver(post_delete)
def _maybe_page_deleted(sender: type, **kwargs: Any) -> None:
    if issubclass(sender, Page):
        page_cache_invalidate()


@receiver(post_save, sender=KnowledgeDocument)
@receiver(post_delete, sender=KnowledgeDocument)
def _document_changed(**kwargs: Any) -> None:
    page_cache_invalidate()
