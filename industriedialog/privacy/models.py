"""The log of data-subject requests (GDPR Art. 15, 17) and retention runs."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def subject_hash(email: str) -> str:
    """A stable pseudonym of an address: the log proves a request was handled without
    keeping the address of a person whose data was erased."""
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def mask_email(email: str) -> str:
    """``erika.muster@example.org`` → ``e***@example.org`` (for people reading the log)."""
    local, _sep, domain = normalise_email(email).partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


class PrivacyRequest(models.Model):
    class Kind(models.TextChoices):
        SEARCH = "search", _("Suche")
        EXPORT = "export", _("Auskunft (Export)")
        ERASE = "erase", _("Löschung")
        RETENTION = "retention", _("Aufbewahrungsfristen angewandt")

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bearbeitet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("Vorgang"), max_length=20, choices=Kind.choices)
    subject_hash = models.CharField(_("Person (Pseudonym)"), max_length=64, blank=True)
    subject_hint = models.CharField(_("Person"), max_length=260, blank=True)
    reason = models.CharField(_("Anlass / Vermerk"), max_length=255, blank=True)
    via = models.CharField(_("Weg"), max_length=20, default="web")
    result = models.JSONField(_("Ergebnis"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Datenschutz-Vorgang")
        verbose_name_plural = _("Datenschutz-Vorgänge")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_hint}"
