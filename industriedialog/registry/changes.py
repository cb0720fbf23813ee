"""Field-level snapshots of registry entries: the basis of the change history and of the
representatives' change proposals (both compare two snapshots).

Values are JSON-friendly: dates as ISO strings, foreign keys as primary keys, many-to-many
fields as sorted lists of codes or keys.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import Initiative, Organisation

# Fields of an initiative that staff edit and that representatives may propose to change.
INITIATIVE_FIELDS = [
    "name",
    "short_name",
    "level",
    "status",
    "states",
    "districts",
    "seat",
    "seat_district",
    "office_host",
    "founded_year",
    "founded_on",
    "description",
    "mission_statement",
    "goals",
    "fields_of_action",
    "target_groups",
    "formats",
    "meeting_frequency",
    "member_company_count",
    "website",
    "social_links",
    "source",
]
# Representatives may not move their entry to another state or change its status alone:
# those go through staff directly.
PROPOSABLE_FIELDS = [f for f in INITIATIVE_FIELDS if f not in {"status", "states", "level"}]

ORGANISATION_FIELDS = ["name", "kind", "district", "website"]

_CODE_M2M = {"fields_of_action", "target_groups", "formats"}


def _value(obj: models.Model, name: str) -> Any:
    field: Any = obj._meta.get_field(name)
    if field.many_to_many:
        related = getattr(obj, name).all()
        if name in _CODE_M2M:
            return sorted(r.code for r in related)
        if name == "states":
            return sorted(r.code for r in related)
        if name == "districts":
            return sorted(r.ags for r in related)
        return sorted(r.pk for r in related)
    if field.is_relation:
        return getattr(obj, field.attname)
    value = getattr(obj, name)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    return value


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: _value(obj, name) for name in fields}


def initiative_snapshot(initiative: Initiative) -> dict[str, Any]:
    return snapshot(initiative, INITIATIVE_FIELDS)


def organisation_snapshot(organisation: Organisation) -> dict[str, Any]:
    return snapshot(organisation, ORGANISATION_FIELDS)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value differs."""
    return {
        name: [before.get(name), after.get(name)]
        for name in after
        if before.get(name) != after.get(name)
    }


def field_label(model: type[models.Model], name: str) -> str:
    try:
        field: Any = model._meta.get_field(name)
        return str(field.verbose_name)
    except Exception:  # noqa: BLE001 - unknown field names (old log entries) show as they are
        return name


def display_value(model: type[models.Model], name: str, value: Any) -> str:
    """A snapshot value as a person reads it (labels instead of codes, names instead of keys)."""
    if value in (None, "", []):
        return "–"
    field: Any = model._meta.get_field(name)
    if field.many_to_many:
        related = field.related_model
        if name in _CODE_M2M:
            choices = dict(related._meta.get_field("code").choices or [])  # type: ignore[union-attr]
            return ", ".join(str(choices.get(code, code)) for code in value)
        if name == "states":
            names = dict(
                related._default_manager.filter(code__in=value).values_list("code", "name")
            )  # type: ignore[union-attr]
            return ", ".join(names.get(code, code) for code in value)
        if name == "districts":
            names = dict(related._default_manager.filter(ags__in=value).values_list("ags", "name"))  # type: ignore[union-attr]
            return ", ".join(f"{names.get(ags, ags)} ({ags})" for ags in value)
        return ", ".join(str(v) for v in value)
    if field.is_relation:
        target = field.related_model._default_manager.filter(pk=value).first()  # type: ignore[union-attr]
        return str(target) if target is not None else f"#{value}"
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if isinstance(field, models.DateField) and isinstance(value, str):
        return date_format(datetime.date.fromisoformat(value), "SHORT_DATE_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    return str(value)
