"""Participant list as CSV or XLSX (the registry's table writers: no formula injection)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from industriedialog.registry.exports import CONTENT_TYPES, table_csv, table_xlsx

from .models import Event
from .selectors import registrations_for_staff


def participants_export(event: Event, file_format: str) -> tuple[bytes, str, str]:
    """Returns ``(content, content type, file name)``; cancelled registrations are left out."""
    headers = [
        _("Name"),
        _("E-Mail"),
        _("Organisation"),
        _("Initiative"),
        _("Funktion"),
        _("Stand"),
        _("Bedarfe zur Barrierefreiheit"),
        _("in der Teilnehmendenliste sichtbar"),
        _("anwesend"),
    ]
    rows: list[list[Any]] = [
        [
            r.name,
            r.email,
            r.organisation,
            r.initiative.name if r.initiative else "",
            r.role,
            r.get_status_display(),
            r.accessibility_needs,
            _("ja") if r.consents_to_list else _("nein"),
            _("ja") if r.attended_at else _("nein"),
        ]
        for r in registrations_for_staff(event).exclude(status="cancelled")
    ]
    name = f"teilnehmende-{event.slug}.{file_format}"
    if file_format == "xlsx":
        return table_xlsx(headers, rows, sheet_title=_("Teilnehmende")), CONTENT_TYPES["xlsx"], name
    return table_csv(headers, rows), CONTENT_TYPES["csv"], name
