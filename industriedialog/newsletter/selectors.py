"""Reads of the newsletter: the public archive."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from .models import Issue


def issues_archived() -> QuerySet[Issue]:
    """Issues that have been sent, newest first: the public archive."""
    return Issue.objects.filter(status=Issue.Status.SENT).order_by("-sent_at", "-pk")


def issue_get_archived(pk: int) -> Issue:
    return get_object_or_404(issues_archived(), pk=pk)
