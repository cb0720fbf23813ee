from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import State

from .forms import staff_users
from .models import FoundingCase, Stage


class FoundingCaseFilter(django_filters.FilterSet):
    bundesland = django_filters.ModelChoiceFilter(
        queryset=State.objects.order_by("name"),
        to_field_name="code",
        field_name="districts__state",
        label=_("Bundesland"),
        empty_label=_("alle"),
        distinct=True,
    )
    phase = django_filters.ChoiceFilter(
        field_name="stage", choices=Stage.choices, label=_("Phase"), empty_label=_("alle")
    )
    zustaendig = django_filters.ModelChoiceFilter(
        queryset=staff_users(), field_name="owner", label=_("zuständig"), empty_label=_("alle")
    )
    ueberfaellig = django_filters.BooleanFilter(
        method="filter_overdue",
        label=_("nur mit überfälligen Schritten"),
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = FoundingCase
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["zustaendig"].queryset = staff_users()
        self.filters["zustaendig"].field.label_from_instance = lambda u: u.display_name or u.email

    def filter_overdue(
        self, queryset: QuerySet[FoundingCase], name: str, value: bool
    ) -> QuerySet[FoundingCase]:
        return queryset.filter(is_overdue=True) if value else queryset  # type: ignore[misc]
