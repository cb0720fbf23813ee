"""Name badges of the confirmed participants as a PDF (WeasyPrint), eight per A4 page."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

from .models import Event
from .vocabularies import RegistrationStatus


def badges_pdf(event: Event) -> bytes:
    return badges_document(event).write_pdf()


def badges_document(event: Event) -> Any:
    """The laid-out badge pages (a WeasyPrint document)."""
    from weasyprint import HTML

    participants = event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
        "initiative"
    )
    html = render_to_string(
        "events/badges_pdf.html", {"event": event, "participants": participants.order_by("name")}
    )
    return HTML(string=html).render()
