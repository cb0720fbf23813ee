"""Template helpers of the knowledge pages."""

from __future__ import annotations

from django import template

from ..search import document_info as _document_info
from ..selectors import PageVersions, page_versions

register = template.Library()


@register.filter
def document_info(document) -> str:  # type: ignore[no-untyped-def]
    """ "PDF, 1,2 MB": file type and size for the link text of a document."""
    return _document_info(document) if document else ""


@register.simple_tag
def versions_of(page) -> PageVersions:  # type: ignore[no-untyped-def]
    return page_versions(page)
