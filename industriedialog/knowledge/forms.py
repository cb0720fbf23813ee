"""Forms of the public knowledge pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Topic
from .search import KINDS


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Suchbegriff"), max_length=200, required=False)
    art = forms.ChoiceField(
        label=_("Art des Inhalts"),
        required=False,
        choices=[("", _("Alle Inhalte")), *((key, label) for key, (label, _m) in KINDS.items())],
    )
    thema = forms.ChoiceField(
        label=_("Thema"), required=False, choices=[("", _("Alle Themen")), *Topic.Key.choices]
    )
