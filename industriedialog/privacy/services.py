"""Data-subject requests across all apps: each app that stores personal data has a
``privacy`` module (contract 3, listed in ``settings.PERSONAL_DATA_PROVIDERS``) with

- ``export_person(email) -> dict``: everything stored about that person, JSON-serialisable;
- ``erase_person(email) -> dict[str, int]``: what it deleted or anonymised, by kind (records
  reports need are anonymised, not deleted);
- optionally ``apply_retention(today, *, dry_run) -> dict[str, int]``.

Erasure runs the providers in reverse order, so ``accounts`` (listed first) deletes the
account last and the other apps can still find what belongs to it.
"""

from __future__ import annotations

import datetime
import importlib
import logging
from types import ModuleType
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from industriedialog.common.models import audit_log

from .models import PrivacyRequest, mask_email, normalise_email, subject_hash

logger = logging.getLogger(__name__)


def providers() -> list[tuple[str, ModuleType]]:
    """(label, module) for every registered provider, in settings order. The label is the
    app's name (``industriedialog.events.privacy`` → ``events``)."""
    found = []
    for path in settings.PERSONAL_DATA_PROVIDERS:
        module = importlib.import_module(path)
        found.append((path.rsplit(".", 2)[-2], module))
    return found


def _jsonable(data: Any) -> Any:
    """Round-trip through Django's encoder: dates, decimals and UUIDs become strings."""
    import json

    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def export_person(email: str, *, actor: Any = None, reason: str = "", via: str = "web") -> dict:
    email = normalise_email(email)
    data: dict[str, Any] = {
        "email": email,
        "exported_at": timezone.now(),
        "data": {label: module.export_person(email) for label, module in providers()},
    }
    found = {label: _count_items(part) for label, part in data["data"].items()}
    _record(PrivacyRequest.Kind.EXPORT, email, actor, reason, via, {"found": found})
    return _jsonable(data)


def find_person(email: str, *, actor: Any = None) -> dict[str, int]:
    """How many records each app holds about ``email`` (the staff search); logged too,
    since looking someone up is itself processing of their data."""
    email = normalise_email(email)
    found = {label: _count_items(module.export_person(email)) for label, module in providers()}
    _record(PrivacyRequest.Kind.SEARCH, email, actor, "", "web", {"found": found})
    return found


@transaction.atomic
def erase_person(
    email: str, *, actor: Any = None, reason: str = "", via: str = "web"
) -> dict[str, dict[str, int]]:
    email = normalise_email(email)
    result = {label: module.erase_person(email) for label, module in reversed(providers())}
    _record(PrivacyRequest.Kind.ERASE, email, actor, reason, via, result)
    return result


def apply_retention(
    today: datetime.date | None = None,
    *,
    dry_run: bool = False,
    actor: Any = None,
    via: str = "web",
) -> dict[str, dict[str, int]]:
    today = today or timezone.localdate()
    result: dict[str, dict[str, int]] = {}
    for label, module in providers():
        apply = getattr(module, "apply_retention", None)
        if apply is None:
            continue
        with transaction.atomic():
            result[label] = apply(today, dry_run=dry_run)
    if not dry_run:
        record = PrivacyRequest.objects.create(
            actor=_actor(actor),
            kind=PrivacyRequest.Kind.RETENTION,
            via=via,
            reason=f"Stichtag {today:%d.%m.%Y}",
            result=result,
        )
        audit_log("privacy.retention_applied", obj=record, actor=actor, data=result)
    return result


def _count_items(part: Any) -> int:
    """Records in one app's export: the length of each list, 1 for each non-empty object."""
    if isinstance(part, list):
        return len(part)
    if isinstance(part, dict):
        return sum(_count_items(value) for value in part.values())
    return 0


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def _record(
    kind: str, email: str, actor: Any, reason: str, via: str, result: dict
) -> PrivacyRequest:
    record = PrivacyRequest.objects.create(
        actor=_actor(actor),
        kind=kind,
        subject_hash=subject_hash(email),
        subject_hint=mask_email(email),
        reason=reason[:255],
        via=via,
        result=result,
    )
    audit_log(f"privacy.{kind}", obj=record, actor=actor, data={"result": result})
    logger.info("privacy request", extra={"kind": kind, "subject": record.subject_hint})
    return record
