"""Catalogue texts are data, not code: each text field holds ``{"de": …, "en": …}``.

One JSON field per text (never ``_de``/``_en`` column pairs); German is the source and the
fallback when a translation is missing.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

LANGUAGES = ("de", "en")


def localized(value: Any, language: str | None = None) -> str:
    """The text of ``value`` in the active language, German if there is none."""
    if not isinstance(value, dict):
        return str(value or "")
    code = (language or get_language() or "de")[:2]
    return str(value.get(code) or value.get("de") or "")


def text(de: str, en: str = "") -> dict[str, str]:
    return {"de": de, "en": en}
