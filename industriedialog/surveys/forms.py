"""Forms of the survey builder, invitations and results filters (German errors at the field)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Question, Survey
from .questions import CATEGORICAL_KINDS, KINDS_WITH_OPTIONS, Kind, option_label, scale_of
from .services import options_format


class SurveyForm(forms.Form):
    title_de = forms.CharField(label=_("Titel (Deutsch)"), max_length=200)
    title_en = forms.CharField(label=_("Titel (Englisch)"), max_length=200, required=False)
    intro_de = forms.CharField(
        label=_("Einleitung (Deutsch)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    intro_en = forms.CharField(
        label=_("Einleitung (Englisch)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    mode = forms.ChoiceField(
        label=_("Teilnahme"),
        choices=Survey.Mode.choices,
        widget=forms.RadioSelect,
        help_text=_("Anonym: keine Konten, keine Tokens, keine IP-Adressen, nur das Datum."),
    )
    closes_on = forms.DateField(
        label=_("Teilnahme möglich bis einschließlich"),
        required=False,
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Bitte ein gültiges Datum eingeben (TT.MM.JJJJ).")},
    )
    is_shared_with_ministry = forms.BooleanField(
        label=_("Ergebnisse für das Ministerium freigeben (nur lesen)"), required=False
    )
    shows_on_initiative_page = forms.BooleanField(
        label=_("Ergebnisse einer Initiative dürfen auf ihrer Seite erscheinen"), required=False
    )

    @classmethod
    def initial_for(cls, survey: Survey) -> dict:
        return {
            "title_de": survey.title.get("de", ""),
            "title_en": survey.title.get("en", ""),
            "intro_de": survey.intro.get("de", ""),
            "intro_en": survey.intro.get("en", ""),
            "mode": survey.mode,
            "closes_on": survey.closes_on,
            "is_shared_with_ministry": survey.is_shared_with_ministry,
            "shows_on_initiative_page": survey.shows_on_initiative_page,
        }

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": {"de": data["title_de"], "en": data["title_en"]},
            "intro": {"de": data["intro_de"], "en": data["intro_en"]},
            "mode": data["mode"],
            "closes_on": data["closes_on"],
            "is_shared_with_ministry": data["is_shared_with_ministry"],
            "shows_on_initiative_page": data["shows_on_initiative_page"],
        }


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Fragetyp"), choices=Kind.choices)
    page = forms.IntegerField(
        label=_("Seite"),
        min_value=1,
        max_value=50,
        initial=1,
        error_messages={
            "min_value": _("Seiten beginnen bei 1."),
            "invalid": _("Bitte eine ganze Zahl."),
        },
    )
    text_de = forms.CharField(label=_("Frage (Deutsch)"), max_length=500)
    text_en = forms.CharField(label=_("Frage (Englisch)"), max_length=500, required=False)
    help_de = forms.CharField(label=_("Hilfetext (Deutsch)"), max_length=500, required=False)
    help_en = forms.CharField(label=_("Hilfetext (Englisch)"), max_length=500, required=False)
    is_required = forms.BooleanField(label=_("Pflichtfrage"), required=False)
    options_text = forms.CharField(
        label=_("Antwortmöglichkeiten bzw. Zeilen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eine je Zeile, Deutsch | Englisch. Für Auswahl, Matrix und Rangfolge."),
    )
    has_other = forms.BooleanField(label=_("„Sonstiges“ mit Freitext anbieten"), required=False)
    is_randomised = forms.BooleanField(
        label=_("Antwortmöglichkeiten in zufälliger Reihenfolge zeigen"), required=False
    )
    min_value = forms.DecimalField(label=_("kleinster Wert (Zahl)"), required=False, localize=True)
    max_value = forms.DecimalField(label=_("größter Wert (Zahl)"), required=False, localize=True)
    region_level = forms.ChoiceField(
        label=_("Regionsebene"),
        required=False,
        choices=[("", "–"), ("state", _("Bundesland")), ("district", _("Kreis"))],
    )
    condition = forms.ChoiceField(
        label=_("Nur zeigen, wenn …"),
        required=False,
        help_text=_("Eine Antwort auf eine Auswahlfrage einer früheren Seite."),
    )

    def __init__(self, *args: Any, survey: Survey, question: Question | None = None, **kwargs: Any):
        if question is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "kind": question.kind,
                "page": question.page,
                "text_de": question.text.get("de", ""),
                "text_en": question.text.get("en", ""),
                "help_de": question.help.get("de", ""),
                "help_en": question.help.get("en", ""),
                "is_required": question.is_required,
                "options_text": options_format(question.options or []),
                "has_other": question.has_other,
                "is_randomised": question.is_randomised,
                "min_value": question.min_value,
                "max_value": question.max_value,
                "region_level": question.region_level,
                "condition": (
                    f"{question.condition_key}:{question.condition_values[0]}"
                    if question.condition_key and question.condition_values
                    else ""
                ),
            }
        super().__init__(*args, **kwargs)
        choices: list[tuple[str, Any]] = [("", _("immer zeigen"))]
        sources = survey.questions.all()
        if question is not None:
            sources = sources.exclude(pk=question.pk)
        for source in sources:
            if source.kind not in CATEGORICAL_KINDS or source.kind in {
                Kind.REGION,
                Kind.INITIATIVE,
            }:
                continue
            values = (
                [(k, str(v)) for k, v in scale_of(source.kind)]
                if source.kind in {Kind.LIKERT, Kind.GRADE}
                else [(o["key"], option_label(o)) for o in source.options or []]
            )
            for value, label in values:
                choices.append(
                    (f"{source.key}:{value}", f"{source.key} „{str(source)[:50]}“ = {label}")
                )
        cast(forms.ChoiceField, self.fields["condition"]).choices = choices

    def clean(self) -> dict:
        data: dict[str, Any] = super().clean() or {}
        if data.get("kind") in KINDS_WITH_OPTIONS:
            lines = [ln for ln in (data.get("options_text") or "").splitlines() if ln.strip()]
            if len(lines) < 2:
                self.add_error(
                    "options_text", _("Bitte mindestens zwei Antwortmöglichkeiten (je Zeile eine).")
                )
        if data.get("kind") == Kind.REGION and not data.get("region_level"):
            self.add_error("region_level", _("Bitte wählen Sie Bundesland oder Kreis."))
        return data

    def service_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        key, _sep, value = (data["condition"] or "").partition(":")
        return {
            "kind": data["kind"],
            "page": data["page"],
            "text": {"de": data["text_de"], "en": data["text_en"]},
            "help": {"de": data["help_de"], "en": data["help_en"]},
            "is_required": data["is_required"],
            "options_text": data["options_text"] if data["kind"] in KINDS_WITH_OPTIONS else "",
            "has_other": data["has_other"] and data["kind"] in {Kind.SINGLE, Kind.MULTIPLE},
            "is_randomised": data["is_randomised"],
            "min_value": data["min_value"],
            "max_value": data["max_value"],
            "region_level": data["region_level"] if data["kind"] == Kind.REGION else "",
            "condition_key": key,
            "condition_values": [value] if key else [],
        }


class InvitationForm(forms.Form):
    addresses = forms.CharField(
        label=_("E-Mail-Adressen"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Eine je Zeile, z. B. „Erika Muster <erika@example.org>“ oder nur die Adresse."
        ),
    )
    language = forms.ChoiceField(
        label=_("Sprache der Einladung"), choices=[("de", _("Deutsch")), ("en", _("Englisch"))]
    )


class RegistryInvitationForm(forms.Form):
    states = forms.MultipleChoiceField(
        label=_("Ansprechpersonen der Initiativen in diesen Bundesländern"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    kinds = forms.MultipleChoiceField(
        label=_("Ansprechpersonen der Organisationen dieser Art"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from industriedialog.regions.models import State
        from industriedialog.registry.vocabularies import OrganisationKind

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["states"]).choices = list(
            State.objects.values_list("code", "name")
        )
        cast(forms.ChoiceField, self.fields["kinds"]).choices = OrganisationKind.choices

    def clean(self) -> dict:
        data: dict[str, Any] = super().clean() or {}
        if not data.get("states") and not data.get("kinds"):
            raise forms.ValidationError(
                _("Bitte wählen Sie mindestens ein Bundesland oder eine Art von Organisation.")
            )
        return data


class ResultsFilterForm(forms.Form):
    """Filter by one answer, and a cross-tab of two questions (GET, bookmarkable)."""

    filter = forms.ChoiceField(label=_("Nur Antworten mit"), required=False)
    rows = forms.ChoiceField(label=_("Kreuztabelle: Zeilen"), required=False)
    columns = forms.ChoiceField(label=_("Spalten"), required=False)

    def __init__(self, *args: Any, questions: list[dict], **kwargs: Any) -> None:
        from .selectors import category_labels

        super().__init__(*args, **kwargs)
        filters: list[tuple[str, Any]] = [("", _("alle Antworten"))]
        pickable: list[tuple[str, Any]] = [("", "–")]
        for q in questions:
            if q["kind"] not in CATEGORICAL_KINDS:
                continue
            from .questions import text_in_language

            title = f"{q['key']}: {text_in_language(q['text'])[:60]}"
            pickable.append((q["key"], title))
            if q["kind"] in {Kind.REGION, Kind.INITIATIVE}:
                continue
            for value, label in category_labels(q).items():
                filters.append((f"{q['key']}:{value}", f"{title} = {label}"))
        cast(forms.ChoiceField, self.fields["filter"]).choices = filters
        cast(forms.ChoiceField, self.fields["rows"]).choices = pickable
        cast(forms.ChoiceField, self.fields["columns"]).choices = pickable

    def filters(self) -> dict[str, str]:
        if not self.is_valid() or not self.cleaned_data.get("filter"):
            return {}
        key, _sep, value = self.cleaned_data["filter"].partition(":")
        return {key: value}

    def crosstab_keys(self) -> tuple[str, str] | None:
        if not self.is_valid():
            return None
        rows, columns = self.cleaned_data.get("rows"), self.cleaned_data.get("columns")
        if rows and columns and rows != columns:
            return rows, columns
        return None
