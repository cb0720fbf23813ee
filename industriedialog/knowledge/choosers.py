"""Editor choosers for models of other apps: registry initiatives on good-practice pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


class InitiativeFilterForm(BaseFilterForm):
    q = forms.CharField(label=_("Name, Kurzname oder Ort"), required=False)

    def filter(self, objects: QuerySet) -> QuerySet:
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(
                Q(name__icontains=query) | Q(short_name__icontains=query) | Q(seat__icontains=query)
            )
        return objects


class InitiativeChooseMixin:
    filter_form_class = InitiativeFilterForm
    ordering = ["name"]


class InitiativeChooseView(InitiativeChooseMixin, ChooseView):
    pass


class InitiativeChooseResultsView(InitiativeChooseMixin, ChooseResultsView):
    pass


class InitiativeChooserViewSet(ChooserViewSet):
    model = "registry.Initiative"
    icon = "group"
    choose_one_text = _("Initiative auswählen")
    choose_another_text = _("Andere Initiative auswählen")
    edit_item_text = _("Initiative bearbeiten")
    choose_view_class = InitiativeChooseView
    choose_results_view_class = InitiativeChooseResultsView
    per_page = 20

    def get_object_list(self) -> Any:
        from industriedialog.registry.selectors import initiatives_public

        return initiatives_public()


initiative_chooser_viewset = InitiativeChooserViewSet("initiative_chooser")
InitiativeChooserWidget = initiative_chooser_viewset.widget_class
