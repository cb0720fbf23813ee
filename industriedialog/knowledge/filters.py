"""Filters of the public lists: material library, section pages, search."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import KnowledgeDocument, TargetGroup, Topic


class DocumentFilter(django_filters.FilterSet):
    art = django_filters.ChoiceFilter(
        field_name="material_type",
        label=_("Art des Materials"),
        choices=KnowledgeDocument.MaterialType.choices,
        empty_label=_("Alle Arten"),
    )
    thema = django_filters.ChoiceFilter(
        field_name="topics__key",
        label=_("Thema"),
        choices=Topic.Key.choices,
        empty_label=_("Alle Themen"),
    )
    jahr = django_filters.NumberFilter(
        label=_("Jahr"), method="filter_year", widget=forms.NumberInput(attrs={"min": 1990})
    )

    class Meta:
        model = KnowledgeDocument
        fields: list[str] = []

    def filter_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.filter(Q(year=value) | Q(year__isnull=True, created_at__year=value))


class SectionFilterForm(forms.Form):
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle Themen")), *Topic.Key.choices]
    )
    zielgruppe = forms.ChoiceField(
        label=_("Zielgruppe"),
        required=False,
        choices=[("", _("Alle Zielgruppen")), *TargetGroup.Key.choices],
    )
