"""The calendar's filters (django-filter): one FilterSet for the page and the iCal feed."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import State
from industriedialog.registry.models import EventFormat

from .models import Event
from .vocabularies import EventKind

WHEN_CHOICES = [("upcoming", _("kommende")), ("past", _("vergangene")), ("all", _("alle"))]
ONLINE_CHOICES = [("", _("alle")), ("1", _("nur online")), ("0", _("nur vor Ort"))]


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=EventKind.choices, label=_("Art"), empty_label=_("alle Arten")
    )
    format = django_filters.ModelChoiceFilter(
        queryset=EventFormat.objects.all(),
        to_field_name="code",
        label=_("Format"),
        empty_label=_("alle Formate"),
    )
    state = django_filters.ModelChoiceFilter(
        queryset=State.objects.order_by("name"),
        to_field_name="code",
        label=_("Bundesland"),
        empty_label=_("alle Länder"),
    )
    online = django_filters.ChoiceFilter(
        choices=ONLINE_CHOICES[1:],
        method="filter_online",
        label=_("Ort"),
        empty_label=_("online und vor Ort"),
    )
    von = django_filters.DateFilter(
        field_name="starts_at",
        lookup_expr="date__gte",
        label=_("ab Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    bis = django_filters.DateFilter(
        field_name="starts_at",
        lookup_expr="date__lte",
        label=_("bis Datum"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    zeitraum = django_filters.ChoiceFilter(
        choices=WHEN_CHOICES,
        method="filter_when",
        label=_("Zeitraum"),
        empty_label=None,
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_online(self, queryset: QuerySet[Event], name: str, value: Any) -> QuerySet[Event]:
        return queryset.filter(is_online=value == "1") if value in {"0", "1"} else queryset

    def filter_when(self, queryset: QuerySet[Event], name: str, value: Any) -> QuerySet[Event]:
        now = timezone.now()
        if value == "past":
            return queryset.past(now).order_by("-starts_at", "-id")  # type: ignore[attr-defined]
        if value == "all":
            return queryset
        return queryset.upcoming(now)  # type: ignore[attr-defined]

    @property
    def qs(self) -> QuerySet[Event]:
        queryset = super().qs
        # "kommende" is the default when the parameter is missing.
        if not (self.data or {}).get("zeitraum"):
            queryset = queryset.upcoming(timezone.now())  # type: ignore[attr-defined]
        return queryset
