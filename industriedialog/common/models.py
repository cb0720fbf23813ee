"""Base models and the audit log shared by every app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        abstract = True


class AuditLogEntry(models.Model):
    """Who did what to which object, when: for questions from funders and data subjects."""

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ausgeführt von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("Aktion"), max_length=100)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("Objekttyp"), null=True, blank=True, on_delete=models.SET_NULL
    )
    object_id = models.CharField(_("Objekt-ID"), max_length=64, blank=True)
    object_repr = models.CharField(_("Objekt"), max_length=255, blank=True)
    data = models.JSONField(_("Details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Protokolleintrag")
        verbose_name_plural = _("Protokoll")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class LoggedModel(models.Model):
    """Mixin: models whose changes go into the audit log via ``log_action``."""

    class Meta:
        abstract = True

    def log_action(
        self, action: str, *, actor: Any = None, data: dict | None = None
    ) -> AuditLogEntry:
        return audit_log(action, obj=self, actor=actor, data=data)


def audit_log(
    action: str, *, obj: models.Model | None = None, actor: Any = None, data: dict | None = None
) -> AuditLogEntry:
    """Write one audit-log entry; ``actor`` may be anonymous (stored as empty)."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return AuditLogEntry.objects.create(
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        data=data or {},
    )
