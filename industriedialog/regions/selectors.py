"""Reads of the reference data used across apps."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from .models import District, State


def district_resolve(ags: str) -> District | None:
    """The current district for an AGS, following mergers (16056 Eisenach → 16063)."""
    district = District.objects.select_related("state", "successor").filter(ags=ags.strip()).first()
    seen: set[int] = set()
    while district is not None and district.successor_id is not None and district.pk not in seen:
        seen.add(district.pk)
        district = District.objects.select_related("state", "successor").get(
            pk=district.successor_id
        )
    return district


def districts_current() -> QuerySet[District]:
    return District.objects.current().select_related("state")


def states_with_counts() -> QuerySet[State]:
    return State.objects.annotate(
        district_count=Count("districts", filter=Q(districts__successor__isnull=True))
    ).order_by("name")
