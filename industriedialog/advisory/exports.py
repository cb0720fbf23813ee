"""The consultation list as CSV or XLSX (the registry's table writers: no formula injection).
Staff only: the export holds contact names."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from industriedialog.registry.exports import CONTENT_TYPES, table_csv, table_xlsx

from .models import Consultation


def consultations_export(
    consultations: QuerySet[Consultation], file_format: str
) -> tuple[bytes, str, str]:
    """Returns ``(content, content type, file name)``."""
    headers = [
        _("Datum"),
        _("Art"),
        _("Dauer (Minuten)"),
        _("beraten von"),
        _("Initiativen"),
        _("Gründungsfall"),
        _("Organisation"),
        _("Ansprechpersonen"),
        _("weitere Gesprächspartner"),
        _("Themen"),
        _("Zusammenfassung"),
        _("Ergebnis"),
        _("Nachfassen"),
        _("fällig am"),
        _("erledigt"),
    ]
    rows: list[list[Any]] = [
        [
            c.date.isoformat(),
            c.get_kind_display(),
            c.duration_minutes,
            (c.staff_member.display_name or c.staff_member.email) if c.staff_member else "",
            "; ".join(i.name for i in c.initiatives.all()),
            c.founding_case.name if c.founding_case else "",
            c.organisation.name if c.organisation else "",
            "; ".join(p.name for p in c.contact_persons.all()),
            c.other_participants,
            "; ".join(str(t) for t in c.topics.all()),
            c.summary,
            c.outcome,
            c.follow_up,
            c.follow_up_due_on.isoformat() if c.follow_up_due_on else "",
            (_("ja") if c.follow_up_done_at else _("nein")) if c.follow_up else "",
        ]
        for c in consultations
    ]
    name = f"beratungen.{file_format}"
    if file_format == "xlsx":
        return table_xlsx(headers, rows, sheet_title=_("Beratungen")), CONTENT_TYPES["xlsx"], name
    return table_csv(headers, rows), CONTENT_TYPES["csv"], name
