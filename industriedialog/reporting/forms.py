from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from industriedialog.accounts.roles import STAFF_ROLES, group_name

from . import indicators
from .models import BoardMeeting, BoardMember, Decision, Indicator, Period, Report, Task


class PeriodForm(forms.Form):
    zeitraum = forms.ModelChoiceField(
        label=_("Berichtszeitraum"), queryset=Period.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zeitraum"].queryset = project.periods.all()  # type: ignore[attr-defined]


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "description"]


class IndicatorForm(forms.ModelForm):
    computation = forms.ChoiceField(label=_("Berechnung"), required=False)

    class Meta:
        model = Indicator
        fields = ["task", "name", "computation", "unit", "description", "position"]

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = project.tasks.all()  # type: ignore[attr-defined]
        self.fields["computation"].choices = [  # type: ignore[attr-defined]
            ("", _("manuell erfasst (mit Vermerk und Nachweis)")),
            *indicators.choices(),
        ]
        self.fields["computation"].help_text = Indicator._meta.get_field("computation").help_text


class TargetsForm(forms.Form):
    """One optional target per period of the project."""

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.periods = list(indicator.task.project.periods.all())
        current = {t.period_id: t.value for t in indicator.targets.all()}
        for period in self.periods:
            self.fields[f"period_{period.pk}"] = forms.DecimalField(
                label=_("Zielwert %(period)s") % {"period": period.label},
                required=False,
                min_value=0,
                max_digits=12,
                decimal_places=2,
                initial=current.get(period.pk),
            )

    def values(self) -> dict[Period, Any]:
        return {p: self.cleaned_data.get(f"period_{p.pk}") for p in self.periods}


class ManualValueForm(forms.Form):
    period = forms.ModelChoiceField(label=_("Zeitraum"), queryset=Period.objects.none())
    value = forms.DecimalField(label=_("Istwert"), min_value=0, max_digits=12, decimal_places=2)
    note = forms.CharField(
        label=_("Vermerk"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Woher stammt der Wert?"),
    )
    evidence = forms.FileField(label=_("Nachweis (PDF, DOCX, XLSX, Bild)"), required=False)

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = indicator.task.project.periods.all()  # type: ignore[attr-defined]


class ReportForm(forms.ModelForm):
    class Meta:
        model = Report
        fields = ["kind", "period", "title"]

    def __init__(self, *args: Any, project: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = project.periods.all()  # type: ignore[attr-defined]


class ReportTextsForm(forms.Form):
    """The staff-written text blocks: a summary and one text per task."""

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["summary"] = forms.CharField(
            label=_("Zusammenfassung"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 6}),
            initial=report.texts.get("summary", ""),
            help_text=_("Absätze durch eine Leerzeile trennen."),
        )
        for task in report.project.tasks.all():
            key = f"task-{task.pk}"
            self.fields[key] = forms.CharField(
                label=_("Teilaufgabe %(number)s: %(title)s")
                % {"number": task.number, "title": task.title},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
                initial=report.texts.get(key, ""),
            )


class BoardMemberForm(forms.ModelForm):
    class Meta:
        model = BoardMember
        fields = ["name", "organisation", "role", "email", "is_active"]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = BoardMeeting
        fields = ["title", "held_on", "location", "attendees", "minutes"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "attendees": forms.CheckboxSelectMultiple,
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Thema"), max_length=255)
    presenter = forms.CharField(label=_("Vortragende Person"), max_length=150, required=False)


class BoardDocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=255)
    file = forms.FileField(label=_("Datei (PDF, DOCX, XLSX, PPTX, Bild)"))


def staff_users() -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[group_name(r) for r in STAFF_ROLES])
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


class DecisionForm(forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "owner", "due_on", "status", "follow_up"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_users()  # type: ignore[attr-defined]
