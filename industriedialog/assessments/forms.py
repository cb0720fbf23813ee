from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_LEVEL, Answer, Criterion, Dimension, Prefill


class StepForm(forms.Form):
    """The questions of one dimension that the registry does not answer: a level each, and
    an optional note."""

    def __init__(
        self,
        *args: Any,
        criteria: list[Criterion],
        mine: dict[int, Answer],
        require_all: bool = False,
        **kwargs: Any,
    ) -> None:
        initial = {}
        for pk, answer in mine.items():
            initial[f"c{pk}"] = str(answer.level)
            initial[f"n{pk}"] = answer.note
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.ChoiceField(
                label=criterion.question_text,
                help_text=criterion.help,
                choices=[
                    (str(i), _("Stufe %(n)d: %(text)s") % {"n": i, "text": text})
                    for i, text in enumerate(criterion.level_texts, start=1)
                ],
                widget=forms.RadioSelect,
                required=require_all,
                error_messages={"required": _("Bitte wählen Sie eine Stufe.")},
            )
            self.fields[f"n{criterion.pk}"] = forms.CharField(
                label=_("Anmerkung zu „%s“") % criterion.question_text,
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"c{c.pk}"], self[f"n{c.pk}"]) for c in self.criteria]

    def answers(self) -> dict[int, tuple[int, str]]:
        result = {}
        for criterion in self.criteria:
            level = self.cleaned_data.get(f"c{criterion.pk}")
            if level:
                result[criterion.pk] = (int(level), self.cleaned_data.get(f"n{criterion.pk}", ""))
        return result


class TargetsForm(forms.Form):
    def __init__(self, *args: Any, dimensions: list[Dimension], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dimensions = dimensions
        choices = [("", _("kein Ziel"))] + [
            (str(i), _("Stufe %d") % i) for i in range(1, MAX_LEVEL + 1)
        ]
        for dimension in dimensions:
            self.fields[dimension.key] = forms.TypedChoiceField(
                label=dimension.label,
                choices=choices,
                coerce=int,
                empty_value=0,  # type: ignore[arg-type]
                required=False,
            )

    def targets(self) -> dict[str, int]:
        return {key: value for key, value in self.cleaned_data.items() if value}


class ContactRequestForm(forms.Form):
    peer = forms.IntegerField(widget=forms.HiddenInput)
    dimension = forms.SlugField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Nachricht an die Servicestelle"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Worüber möchten Sie sich austauschen? Die Servicestelle stellt den Kontakt her."
        ),
    )


class ContactDecisionForm(forms.Form):
    note = forms.CharField(label=_("Vermerk"), required=False, max_length=255)


def _pair(form: forms.Form, name: str, label: Any, *, required: bool, textarea: bool) -> None:
    widget = forms.Textarea(attrs={"rows": 2}) if textarea else forms.TextInput
    form.fields[f"{name}_de"] = forms.CharField(
        label=_("%s (Deutsch)") % label, required=required, widget=widget
    )
    form.fields[f"{name}_en"] = forms.CharField(
        label=_("%s (Englisch)") % label, required=False, widget=widget
    )


class DimensionForm(forms.Form):
    weight = forms.IntegerField(label=_("Gewicht"), min_value=1, max_value=10)

    def __init__(self, *args: Any, dimension: Dimension, **kwargs: Any) -> None:
        initial = {
            "weight": dimension.weight,
            "title_de": dimension.title.get("de", ""),
            "title_en": dimension.title.get("en", ""),
            "description_de": dimension.description.get("de", ""),
            "description_en": dimension.description.get("en", ""),
        }
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        _pair(self, "title", _("Titel"), required=True, textarea=False)
        _pair(self, "description", _("Beschreibung"), required=False, textarea=True)
        self.order_fields(["title_de", "title_en", "description_de", "description_en", "weight"])

    def data_for_service(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "title": {"de": d["title_de"], "en": d["title_en"]},
            "description": {"de": d["description_de"], "en": d["description_en"]},
            "weight": d["weight"],
        }


def toolbox_page_queryset() -> Any:
    from wagtail.models import Locale, Page

    pages = Page.objects.live().filter(depth__gt=2)
    if Locale.objects.exists():
        pages = pages.filter(locale=Locale.get_default())
    return pages.order_by("title")


class CriterionForm(forms.Form):
    key = forms.SlugField(label=_("Kennung"), max_length=40)
    weight = forms.IntegerField(label=_("Gewicht"), min_value=1, max_value=10)
    prefill = forms.ChoiceField(
        label=_("aus dem Verzeichnis"),
        required=False,
        choices=[("", _("nein, wird gefragt")), *Prefill.choices],
        help_text=_(
            "Vorbelegte Kriterien werden nicht gefragt, sondern aus dem Verzeichnis berechnet."
        ),
    )
    toolbox_pages = forms.ModelMultipleChoiceField(  # type: ignore[var-annotated]
        label=_("Seiten der Werkzeugkiste"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, criterion: Criterion, **kwargs: Any) -> None:
        initial: dict[str, Any] = {
            "key": criterion.key,
            "weight": criterion.weight,
            "prefill": criterion.prefill,
            "question_de": criterion.question.get("de", ""),
            "question_en": criterion.question.get("en", ""),
            "help_de": criterion.help_text.get("de", ""),
            "help_en": criterion.help_text.get("en", ""),
        }
        if criterion.pk:
            initial["toolbox_pages"] = list(criterion.toolbox_pages.all())
        for i, level in enumerate(criterion.levels, start=1):
            initial[f"level{i}_de"] = level.get("de", "")
            initial[f"level{i}_en"] = level.get("en", "")
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["toolbox_pages"].queryset = toolbox_page_queryset()  # type: ignore[attr-defined]
        _pair(self, "question", _("Frage"), required=True, textarea=False)
        _pair(self, "help", _("Hilfetext"), required=False, textarea=True)
        for i in range(1, MAX_LEVEL + 1):
            _pair(self, f"level{i}", _("Stufe %d") % i, required=i <= 4, textarea=False)
        self.order_fields(
            ["key", "question_de", "question_en", "help_de", "help_en"]
            + [f"level{i}_{lang}" for i in range(1, MAX_LEVEL + 1) for lang in ("de", "en")]
            + ["weight", "prefill", "toolbox_pages"]
        )

    def data_for_service(self) -> dict[str, Any]:
        d = self.cleaned_data
        levels = [
            {"de": d[f"level{i}_de"], "en": d[f"level{i}_en"]}
            for i in range(1, MAX_LEVEL + 1)
            if d.get(f"level{i}_de")
        ]
        return {
            "key": d["key"],
            "weight": d["weight"],
            "prefill": d["prefill"] or "",
            "question": {"de": d["question_de"], "en": d["question_en"]},
            "help_text": {"de": d["help_de"], "en": d["help_en"]},
            "levels": levels,
            "toolbox_pages": list(d["toolbox_pages"]),
        }
