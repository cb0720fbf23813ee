"""Forms of the award competition. They validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from industriedialog.accounts.roles import Role, group_name
from industriedialog.registry.models import Initiative

from .models import AwardCall, Category, Criterion, FieldKind, FormField, Phase

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CallForm(forms.ModelForm):
    class Meta:
        model = AwardCall
        fields = [
            "title",
            "slug",
            "description",
            "opens_at",
            "closes_at",
            "publish_on",
            "require_active",
            "founded_before",
            "blind_review",
        ]
        widgets = {
            "opens_at": DATETIME_WIDGET,
            "closes_at": DATETIME_WIDGET,
            "publish_on": DATE_WIDGET,
            "founded_before": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Der Einsendeschluss muss nach dem Beginn liegen."))
        publish = data.get("publish_on")
        if closes and publish and publish < closes.date():
            self.add_error(
                "publish_on", _("Die Veröffentlichung kann nicht vor dem Einsendeschluss liegen.")
            )
        return data


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Phase"), choices=Phase.choices)


class JurorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name() or obj.email} ({obj.email})"


class CategoryForm(forms.ModelForm):
    jurors = JurorChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Jury dieser Kategorie"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Personen mit der Rolle „Jury“."),
    )

    class Meta:
        model = Category
        fields = ["name", "description", "position", "jurors"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["jurors"].queryset = (  # type: ignore[attr-defined]
            get_user_model()
            .objects.filter(groups__name=group_name(Role.JURY), is_active=True)
            .order_by("last_name", "first_name")
        )


class FormFieldForm(forms.ModelForm):
    class Meta:
        model = FormField
        fields = [
            "label",
            "help_text",
            "kind",
            "required",
            "min_length",
            "max_length",
            "max_size_mb",
            "is_identifying",
            "position",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("min_length"), data.get("max_length")
        if low and high and low > high:
            self.add_error("max_length", _("Die Höchstlänge ist kleiner als die Mindestlänge."))
        if data.get("kind") == FieldKind.TEXT and not high:
            self.add_error("max_length", _("Bitte begrenzen Sie die Länge eines Textfelds."))
        return data


class CriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = [
            "name",
            "description",
            "weight",
            "scale_min",
            "scale_max",
            "counts_toward_total",
            "position",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("scale_min"), data.get("scale_max")
        if low is not None and high is not None and high <= low:
            self.add_error("scale_max", _("Das Ende der Skala muss größer als der Anfang sein."))
        return data


def parts_formset(model: Any, form: Any, call: AwardCall, data: Any = None) -> Any:
    formset_class: Any = forms.modelformset_factory(model, form=form, extra=1, can_delete=True)
    return formset_class(
        data, queryset=model.objects.filter(call=call), prefix=model.__name__.lower()
    )


class StartForm(forms.Form):
    initiative: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=Initiative.objects.none(), label=_("Für welche Initiative?")
    )
    category: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=Category.objects.none(), label=_("Kategorie")
    )

    def __init__(self, *args: Any, call: AwardCall, initiatives: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = initiatives  # type: ignore[attr-defined]
        self.fields["category"].queryset = call.categories.all()  # type: ignore[attr-defined]


class _DraftMixin:
    """Marked required (label, error summary) but an empty draft field is no error: the
    completeness check before submitting says what is missing."""

    def validate(self, value: Any) -> None:
        if value in self.empty_values:  # type: ignore[attr-defined]
            return
        super().validate(value)  # type: ignore[misc]


class DraftCharField(_DraftMixin, forms.CharField):
    pass


class DraftURLField(_DraftMixin, forms.URLField):
    pass


class SubmissionForm(forms.Form):
    """The call's configured fields. Text and link answers only; files are uploaded one by
    one."""

    use_required_attribute = False

    def __init__(self, *args: Any, fields: list[FormField], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in fields:
            if f.kind == FieldKind.TEXT:
                attrs = {"rows": 6 if (f.max_length or 0) > 300 else 3}
                if f.max_length:
                    attrs["maxlength"] = f.max_length
                self.fields[f.key] = DraftCharField(
                    label=f.label,
                    help_text=_help(f),
                    required=f.required,
                    max_length=f.max_length,
                    widget=forms.Textarea(attrs=attrs),
                )
            elif f.kind == FieldKind.LINK:
                self.fields[f.key] = DraftURLField(
                    label=f.label,
                    help_text=f.help_text,
                    required=f.required,
                    assume_scheme="https",
                    max_length=500,
                )


def _help(f: FormField) -> str:
    parts = [f.help_text] if f.help_text else []
    if f.min_length and f.max_length:
        parts.append(
            str(_("%(min)s bis %(max)s Zeichen.") % {"min": f.min_length, "max": f.max_length})
        )
    elif f.max_length:
        parts.append(str(_("Höchstens %(max)s Zeichen.") % {"max": f.max_length}))
    return " ".join(parts)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Datei"))


class EligibilityForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[("eligible", _("zulassen")), ("ineligible", _("nicht zulassen"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Begründung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bei „nicht zulassen“ Pflicht; die Vertretung sieht sie."),
    )


class ConflictForm(forms.Form):
    note = forms.CharField(
        label=_("Art der Befangenheit"),
        required=False,
        max_length=255,
        help_text=_("z. B. „Mitglied im Lenkungskreis“. Nur die Servicestelle sieht es."),
    )


class ScoreForm(forms.Form):
    """Points and a comment per criterion."""

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for c in criteria:
            counts = "" if c.counts_toward_total else str(_(" Zählt nicht zur Gesamtpunktzahl."))
            self.fields[f"c{c.pk}_value"] = forms.IntegerField(
                label=_("%(name)s: Punkte") % {"name": c.name},
                required=False,
                min_value=c.scale_min,
                max_value=c.scale_max,
                help_text=_("%(min)s (schwach) bis %(max)s (herausragend), Gewicht %(weight)s.")
                % {"min": c.scale_min, "max": c.scale_max, "weight": c.weight}
                + counts,
            )
            self.fields[f"c{c.pk}_comment"] = forms.CharField(
                label=_("%(name)s: Kommentar") % {"name": c.name},
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def values(self) -> dict[int, tuple[int | None, str]]:
        return {
            c.pk: (
                self.cleaned_data.get(f"c{c.pk}_value"),
                self.cleaned_data.get(f"c{c.pk}_comment") or "",
            )
            for c in self.criteria
        }


class AwardForm(forms.Form):
    award_title = forms.CharField(label=_("Auszeichnung"), required=False, max_length=100)
    laudation = forms.CharField(
        label=_("Laudatio"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
