"""Template helpers for the KERN design system and the language switch."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.urls import translate_url
from django.utils.translation import override

register = template.Library()


@register.filter
def widget_kind(bound_field: forms.BoundField) -> str:
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return "choices"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


@register.filter
def kern_widget(bound_field: forms.BoundField) -> str:
    """Render the widget with KERN classes and ARIA links to its hint and error text."""
    kind = widget_kind(bound_field)
    classes = {
        "checkbox": "kern-form-check__checkbox",
        "select": "kern-form-input__select",
        "input": "kern-form-input__input",
    }.get(kind, "")
    if bound_field.errors and classes:
        classes += f" {classes.split()[0]}--error"
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
    attrs: dict[str, Any] = {}
    if classes:
        attrs["class"] = classes
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def language_url(context: template.Context, language: str) -> str:
    """URL of the current page in ``language``: the Wagtail translation if the page has one,
    else the start page of that language; for Django views the translated URL."""
    page = context.get("page")
    request = context.get("request")
    if page is not None and hasattr(page, "get_translations"):
        from wagtail.models import Locale, Page

        try:
            locale = Locale.objects.get(language_code=language)
        except Locale.DoesNotExist:
            return "/"
        translation = page.get_translation_or_none(locale)
        if translation is not None and translation.live:
            return translation.url or "/"
        root = Page.objects.filter(depth=2, locale=locale).live().first()
        return (root.url if root else None) or ("/" if language == "de" else f"/{language}/")
    path = request.get_full_path() if request else "/"
    with override(language):
        return translate_url(path, language)
