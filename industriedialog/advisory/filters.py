from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import State
from industriedialog.registry.models import FieldOfAction, Initiative

from .forms import staff_users
from .models import Consultation, ConsultationKind, FoundingCase, Stage

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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


class ConsultationFilter(django_filters.FilterSet):
    """Filters of the consultation list (German query parameters, shared by the export)."""

    suche = django_filters.CharFilter(method="filter_text", label=_("Suche"))
    von = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("von"), widget=DATE_INPUT
    )
    bis = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("bis"), widget=DATE_INPUT
    )
    art = django_filters.ChoiceFilter(
        field_name="kind", choices=ConsultationKind.choices, label=_("Art"), empty_label=_("alle")
    )
    beraterin = django_filters.ModelChoiceFilter(
        queryset=staff_users(),
        field_name="staff_member",
        label=_("beraten von"),
        empty_label=_("alle"),
    )
    initiative = django_filters.ModelChoiceFilter(
        queryset=Initiative.objects.real().order_by("name"),
        field_name="initiatives",
        label=_("Initiative"),
        empty_label=_("alle"),
        distinct=True,
    )
    thema = django_filters.ModelChoiceFilter(
        queryset=FieldOfAction.objects.all(),
        to_field_name="code",
        field_name="topics",
        label=_("Thema"),
        empty_label=_("alle"),
        distinct=True,
    )
    nachfassen = django_filters.ChoiceFilter(
        method="filter_follow_up",
        label=_("Nachfassen"),
        empty_label=_("alle"),
        choices=[
            ("offen", _("offen")),
            ("ueberfaellig", _("überfällig")),
            ("erledigt", _("erledigt")),
        ],
    )

    class Meta:
        model = Consultation
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["beraterin"].queryset = staff_users()
        self.filters["beraterin"].field.label_from_instance = lambda u: u.display_name or u.email

    def filter_text(
        self, queryset: QuerySet[Consultation], name: str, value: str
    ) -> QuerySet[Consultation]:
        for word in value.split():
            queryset = queryset.filter(
                Q(summary__icontains=word)
                | Q(outcome__icontains=word)
                | Q(follow_up__icontains=word)
                | Q(initiatives__name__icontains=word)
                | Q(founding_case__name__icontains=word)
                | Q(organisation__name__icontains=word)
            ).distinct()
        return queryset

    def filter_follow_up(
        self, queryset: QuerySet[Consultation], name: str, value: str
    ) -> QuerySet[Consultation]:
        if value == "offen":
            return queryset.follow_ups_open()  # type: ignore[attr-defined, no-any-return]
        if value == "ueberfaellig":
            return queryset.follow_ups_overdue(timezone.localdate())  # type: ignore[attr-defined, no-any-return]
        if value == "erledigt":
            return queryset.exclude(follow_up="").filter(follow_up_done_at__isnull=False)
        return queryset
