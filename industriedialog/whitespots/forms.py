from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import Indicator, State

from .selectors import SCORE_COMPONENTS, default_weights

SORTS = {
    "-score": _("Punktzahl (höchste zuerst)"),
    "name": _("Name"),
    "state": _("Bundesland"),
    "-population": _("Einwohnerzahl"),
    "-industry": _("Industriebeschäftigung"),
    "-distance": _("Abstand zur nächsten Initiative"),
}


def indicator_default() -> Indicator | None:
    """The indicator the ranking uses unless another is chosen: industry employment if
    imported, else the first one."""
    indicators = Indicator.objects.filter(values__isnull=False).distinct().order_by("name")
    preferred = indicators.filter(name__icontains="Verarbeitend").first()
    return preferred or indicators.first()


class RankingForm(forms.Form):
    bundesland = forms.ModelChoiceField(
        label=_("Bundesland"),
        queryset=State.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("alle"),
    )
    kennzahl = forms.ModelChoiceField(
        label=_("Kennzahl für Industriebeschäftigung"),
        queryset=Indicator.objects.filter(values__isnull=False).distinct().order_by("name"),
        required=False,
        empty_label=_("keine"),
    )
    sortierung = forms.ChoiceField(
        label=_("Sortierung"), choices=list(SORTS.items()), required=False
    )

    def __init__(self, data: Any = None) -> None:
        defaults = default_weights()
        if data is not None:  # options left out keep their defaults, also in the form
            data = data.copy()
            for key, weight in defaults.items():
                data.setdefault(f"g_{key}", str(weight))
            if "kennzahl" not in data:
                indicator = indicator_default()
                data["kennzahl"] = str(indicator.pk) if indicator else ""
        super().__init__(data)
        if data is None:
            indicator = indicator_default()
            self.fields["kennzahl"].initial = indicator.pk if indicator else None
        for component in SCORE_COMPONENTS:
            self.fields[f"g_{component.key}"] = forms.IntegerField(
                label=component.label,
                min_value=0,
                max_value=10,
                required=False,
                initial=defaults[component.key],
                widget=forms.NumberInput(attrs={"class": "kern-form-input__input weight-input"}),
            )

    def settings(self) -> dict[str, Any]:
        """The chosen options, or the defaults for anything missing or invalid."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        defaults = default_weights()
        weights = {}
        for key in defaults:
            value = data.get(f"g_{key}")
            weights[key] = defaults[key] if value is None else value
        indicator = data.get("kennzahl") if self.is_bound else indicator_default()
        return {
            "state": data.get("bundesland"),
            "indicator": indicator,
            "weights": weights,
            "sort": data.get("sortierung") or "-score",
        }


class IndicatorImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-Datei"), help_text=_("UTF-8, Trennzeichen Semikolon oder Komma, bis 5 MB.")
    )
    dry_run = forms.BooleanField(label=_("Nur prüfen, nichts speichern"), required=False)


class MapViewForm(forms.Form):
    ansicht = forms.ChoiceField(label=_("Karte zeigt"), required=False)

    def __init__(self, data: Any = None) -> None:
        super().__init__(data)
        choices: list[tuple[str, Any]] = [("abdeckung", _("Abdeckung durch Initiativen"))]
        choices += [
            (str(i.pk), i.name)
            for i in Indicator.objects.filter(values__isnull=False).distinct().order_by("name")
        ]
        self.fields["ansicht"].choices = choices  # type: ignore[attr-defined]

    def indicator_id(self) -> int | None:
        if self.is_bound and self.is_valid():
            value = self.cleaned_data.get("ansicht") or ""
            return int(value) if value.isdigit() else None
        return None
