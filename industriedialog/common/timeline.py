"""An initiative's history across modules (staff only): consultations, events attended,
surveys answered, self-assessments, award submissions, ...

Each feature app contributes a function ``initiative -> list[TimelineEntry]`` listed in
``settings.INITIATIVE_TIMELINE_PROVIDERS``, so no app imports another to build the page.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from industriedialog.registry.models import Initiative


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str  # machine key of the module, e.g. "consultation", "event", "survey"
    label: str  # translated kind, e.g. "Beratung", "Veranstaltung"
    title: str
    url: str = ""
    detail: str = ""


def initiative_timeline(initiative: Initiative) -> list[TimelineEntry]:
    """All providers' entries for ``initiative``, newest first."""
    entries: list[TimelineEntry] = []
    for dotted in getattr(settings, "INITIATIVE_TIMELINE_PROVIDERS", []):
        entries.extend(import_string(dotted)(initiative))
    return sorted(entries, key=lambda entry: entry.date, reverse=True)
