"""Forms of the events module. They validate; the services write."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from industriedialog.regions.models import District, State
from industriedialog.registry.models import EventFormat, Initiative, TargetGroup

from .models import Event, PlanningTask
from .vocabularies import RATING_CHOICES, TaskStatus

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PROGRAMME_LINE = re.compile(r"^(\d{1,2})[:.](\d{2})\s+(.+)$")
TEMPLATE_LINE = re.compile(r"^([+-]?\d+)\s*[;:]\s*(.+)$")


class ProgrammeField(forms.CharField):
    """One programme item per line: "10:00 Begrüßung"."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(f"{t:%H:%M} {title}" for t, title in value)
        return value

    def to_python(self, value: Any) -> list[tuple[datetime.time, str]]:  # type: ignore[override]
        items = []
        for number, line in enumerate((super().to_python(value) or "").splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = PROGRAMME_LINE.match(line)
            try:
                if match is None:
                    raise ValueError
                time = datetime.time(int(match[1]), int(match[2]))
            except ValueError:
                raise ValidationError(
                    _("Zeile %(line)s: „%(text)s“ beginnt nicht mit einer Uhrzeit wie 10:00."),
                    params={"line": number, "text": line},
                ) from None
            items.append((time, match[3].strip()[:255]))
        return items


class EventForm(forms.ModelForm):
    format = forms.ModelChoiceField(
        queryset=EventFormat.objects.all(),
        label=_("Format"),
        required=False,
        help_text=_("Bestimmt die Planungsvorlage, aus der die Aufgaben entstehen."),
    )
    target_groups = forms.ModelMultipleChoiceField(
        queryset=TargetGroup.objects.all(),
        label=_("Zielgruppen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partners = forms.ModelMultipleChoiceField(
        queryset=Initiative.objects.real().order_by("name"),
        label=_("Partner-Initiativen"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Mehrfachauswahl mit Strg (Mac: Cmd)."),
    )
    materials = forms.ModelMultipleChoiceField(
        queryset=get_document_model().objects.order_by("title"),
        label=_("Material (Dokumente)"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
    )
    programme = ProgrammeField(
        label=_("Programm"),
        required=False,
        help_text=_("Ein Programmpunkt je Zeile, mit Uhrzeit: „10:00 Begrüßung“."),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "kind",
            "format",
            "description",
            "target_groups",
            "starts_at",
            "ends_at",
            "time_zone",
            "is_online",
            "online_url",
            "state",
            "district",
            "venue_name",
            "venue_address",
            "venue_accessibility",
            "organiser",
            "partners",
            "capacity",
            "registration_opens_at",
            "registration_closes_at",
            "is_public",
            "is_published",
            "speakers",
            "materials",
            "recording_url",
        ]
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "registration_opens_at": DATETIME_WIDGET,
            "registration_closes_at": DATETIME_WIDGET,
            "description": forms.Textarea(attrs={"rows": 5}),
            "venue_accessibility": forms.Textarea(attrs={"rows": 3}),
            "speakers": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = State.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["district"].queryset = (  # type: ignore[attr-defined]
            District.objects.current().select_related("state").order_by("name")
        )
        self.fields["organiser"].queryset = (  # type: ignore[attr-defined]
            Initiative.objects.real().order_by("name")
        )
        if self.instance.pk:
            self.initial["programme"] = [
                (p.starts_at, p.title) for p in self.instance.programme.all()
            ]

    def service_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        return data


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Vor- und Nachname"), max_length=150)
    email = forms.EmailField(
        label=_("E-Mail"), help_text=_("An diese Adresse schicken wir den Bestätigungslink.")
    )
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    initiative = forms.ModelChoiceField(
        queryset=Initiative.objects.real().order_by("name"),
        label=_("Initiative"),
        required=False,
        help_text=_("Falls Sie für eine Industrieinitiative teilnehmen."),
    )
    role = forms.CharField(label=_("Funktion"), max_length=150, required=False)
    accessibility_needs = forms.CharField(
        label=_("Bedarfe zur Barrierefreiheit"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("z. B. Gebärdensprachdolmetschung, stufenloser Zugang, Induktionsschleife."),
    )
    consents_to_list = forms.BooleanField(
        label=_("Mein Name und meine Organisation dürfen in der Teilnehmendenliste erscheinen."),
        required=False,
    )
    privacy = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben zur Organisation der Veranstaltung "
            "gespeichert werden."
        ),
        error_messages={"required": _("Ohne diese Einwilligung ist keine Anmeldung möglich.")},
    )


class CancelForm(forms.Form):
    confirm = forms.BooleanField(label=_("Ja, ich möchte meine Anmeldung stornieren."))


class FeedbackForm(forms.Form):
    rating_overall = forms.TypedChoiceField(
        label=_("Gesamteindruck"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = sehr schlecht, 5 = sehr gut"),
    )
    rating_content = forms.TypedChoiceField(
        label=_("Inhalte"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = sehr schlecht, 5 = sehr gut"),
    )
    rating_organisation = forms.TypedChoiceField(
        label=_("Organisation"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = sehr schlecht, 5 = sehr gut"),
    )
    rating_usefulness = forms.TypedChoiceField(
        label=_("Nutzen für die eigene Arbeit"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 = sehr gering, 5 = sehr hoch"),
    )
    comment = forms.CharField(
        label=_("Was sollen wir beibehalten, was verbessern?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Bitte keine Namen oder andere persönliche Angaben."),
    )


def staff_members() -> Any:
    """Active staff (and administrators): the people planning tasks can be assigned to."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from industriedialog.accounts.roles import STAFF_ROLES, group_name

    groups = [group_name(role) for role in STAFF_ROLES]
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name__in=groups))
        .distinct()
        .order_by("email")
    )


class PlanningTaskForm(forms.ModelForm):
    class Meta:
        model = PlanningTask
        fields = ["status", "owner", "due_on"]
        widgets = {"due_on": DATE_WIDGET}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_members()  # type: ignore[attr-defined]
        self.fields["status"].choices = TaskStatus.choices  # type: ignore[attr-defined]


class PlanningTaskAddForm(forms.Form):
    title = forms.CharField(label=_("Neue Aufgabe"), max_length=200)
    due_on = forms.DateField(label=_("fällig am"), widget=DATE_WIDGET)


class PlanningTemplateForm(forms.Form):
    note = forms.CharField(
        label=_("Hinweise"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    tasks = forms.CharField(
        label=_("Aufgaben"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Eine Aufgabe je Zeile: Tage zum Termin; Aufgabe – z. B. „-70; Raum buchen“ "
            "(10 Wochen vorher) oder „14; Dokumentation veröffentlichen“ (2 Wochen danach)."
        ),
    )

    def clean_tasks(self) -> list[tuple[int, str]]:
        items = []
        for number, line in enumerate(self.cleaned_data["tasks"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            match = TEMPLATE_LINE.match(line)
            if match is None or not -730 <= int(match[1]) <= 365:
                raise ValidationError(
                    _(
                        "Zeile %(line)s: „%(text)s“ hat nicht die Form „Tage; Aufgabe“ "
                        "(Tage zwischen -730 und 365)."
                    ),
                    params={"line": number, "text": line},
                )
            items.append((int(match[1]), match[2].strip()[:200]))
        if not items:
            raise ValidationError(_("Bitte mindestens eine Aufgabe eintragen."))
        return items


class InvitationsForm(forms.Form):
    emails = forms.CharField(
        label=_("E-Mail-Adressen"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Eine Adresse je Zeile."),
    )

    def clean_emails(self) -> list[str]:
        emails = []
        for number, line in enumerate(self.cleaned_data["emails"].splitlines(), start=1):
            line = line.strip()
            if not line:
                continue
            try:
                validate_email(line)
            except ValidationError:
                raise ValidationError(
                    _("Zeile %(line)s: „%(text)s“ ist keine gültige E-Mail-Adresse."),
                    params={"line": number, "text": line},
                ) from None
            emails.append(line)
        return emails


class ParticipantsMessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=150)
    body = forms.CharField(
        label=_("Nachricht"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Die Anrede mit Namen wird automatisch vorangestellt."),
    )
