"""The one filter set of the registry: used by the directory, the exports, the widget and the
open-data API, so a filtered URL means the same everywhere."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import State

from .models import FieldOfAction, Initiative, Membership
from .vocabularies import TRIPARTITE_GROUPS, ActorGroup, Level, Status, kinds_of_group

SORT_CHOICES = [
    ("relevance", _("Relevanz")),
    ("name", _("Name (A–Z)")),
    ("-name", _("Name (Z–A)")),
    ("-founded", _("Gründung (neueste zuerst)")),
    ("founded", _("Gründung (älteste zuerst)")),
    ("-updated", _("zuletzt aktualisiert")),
]

_ORDERINGS = {
    "name": ["name", "id"],
    "-name": ["-name", "-id"],
    "-founded": ["-founded_year", "name"],
    "founded": ["founded_year", "name"],
    "-updated": ["-updated_at", "name"],
}


def actor_group_present(group: str) -> Exists:
    return Exists(
        Membership.objects.filter(
            initiative=OuterRef("pk"), organisation__kind__in=kinds_of_group(group)
        )
    )


def tripartite_condition() -> Q:
    return Q(*(actor_group_present(g) for g in TRIPARTITE_GROUPS))


class InitiativeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Suchbegriff"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    state = django_filters.ModelMultipleChoiceFilter(
        queryset=State.objects.order_by("name"),
        to_field_name="code",
        method="filter_states",
        label=_("Bundesland"),
        widget=forms.CheckboxSelectMultiple,
    )
    # distinct=False: a plain column filter cannot duplicate rows, and DISTINCT over the
    # annotated listing query is what made PostgreSQL slow.
    level = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Level.choices, label=_("Ebene"), widget=forms.CheckboxSelectMultiple
    )
    status = django_filters.MultipleChoiceFilter(
        distinct=False,
        choices=Status.choices,
        label=_("Status"),
        widget=forms.CheckboxSelectMultiple,
    )
    field = django_filters.ModelMultipleChoiceFilter(
        queryset=FieldOfAction.objects.all(),
        to_field_name="code",
        method="filter_fields",
        label=_("Handlungsfeld"),
        widget=forms.CheckboxSelectMultiple,
    )
    actors = django_filters.MultipleChoiceFilter(
        distinct=False,
        choices=ActorGroup.choices,
        method="filter_actor_groups",
        label=_("Beteiligte Akteursgruppen"),
        help_text=_("Alle gewählten Gruppen sind in der Initiative vertreten."),
        widget=forms.CheckboxSelectMultiple,
    )
    tripartite = django_filters.BooleanFilter(
        method="filter_tripartite",
        label=_("nur tripartite Initiativen"),
        help_text=_("Wirtschaft, Gewerkschaften sowie Politik und Verwaltung sind beteiligt."),
        widget=forms.CheckboxInput,
    )
    founded_from = django_filters.NumberFilter(
        field_name="founded_year",
        lookup_expr="gte",
        label=_("gegründet ab (Jahr)"),
        widget=forms.NumberInput(attrs={"min": 1945, "max": 2100, "inputmode": "numeric"}),
    )
    founded_to = django_filters.NumberFilter(
        field_name="founded_year",
        lookup_expr="lte",
        label=_("gegründet bis (Jahr)"),
        widget=forms.NumberInput(attrs={"min": 1945, "max": 2100, "inputmode": "numeric"}),
    )
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES,
        method="filter_sort",
        label=_("Sortierung"),
        empty_label=None,
        null_label=None,
    )

    class Meta:
        model = Initiative
        fields: list[str] = []

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from .selectors import initiatives_search

        return initiatives_search(value, queryset)

    def filter_states(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return queryset
        through = Initiative.states.through.objects.filter(state__in=value)
        return queryset.filter(pk__in=through.values("initiative_id"))

    def filter_fields(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return queryset
        through = Initiative.fields_of_action.through.objects.filter(fieldofaction__in=value)
        return queryset.filter(pk__in=through.values("initiative_id"))

    def filter_actor_groups(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        for group in value:
            queryset = queryset.filter(actor_group_present(group))
        return queryset

    def filter_tripartite(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value:
            return queryset.filter(tripartite_condition())
        return queryset

    def filter_sort(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset  # applied in ``qs`` after all filters, see below

    @property
    def qs(self) -> QuerySet:
        queryset = super().qs
        data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        sort = data.get("sort") or ("relevance" if data.get("q") else "name")
        if sort == "relevance":
            query = (data.get("q") or "").strip()
            if not query:
                return queryset.order_by("name", "id")
            return queryset.annotate(
                name_match=Case(
                    When(name__icontains=query, then=Value(0)),
                    When(short_name__icontains=query, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            ).order_by("name_match", "name", "id")
        return queryset.order_by(*_ORDERINGS.get(sort, ["name", "id"]))
