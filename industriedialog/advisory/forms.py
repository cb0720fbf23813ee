from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import District
from industriedialog.registry.models import ContactPerson, FieldOfAction, Initiative, Organisation
from industriedialog.registry.vocabularies import OrganisationKind, Status

from .models import Consultation, ConsultationKind, FoundingCase, PartnerResponse, Stage


def staff_users() -> Any:
    from industriedialog.accounts.roles import Role, group_name

    groups = [group_name(r) for r in (Role.ADVISOR, Role.EDITOR, Role.ANALYST)]
    users = get_user_model().objects.filter(is_active=True)
    return (users.filter(groups__name__in=groups) | users.filter(is_superuser=True)).distinct()


class DistrictChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: District) -> str:  # type: ignore[override]
        return f"{obj.name} ({obj.ags}, {obj.state.code})"


class FoundingCaseForm(forms.ModelForm):
    districts = DistrictChoiceField(
        label=_("Kreise"),
        queryset=District.objects.current().select_related("state").order_by("state__name", "name"),
        help_text=_("Mehrfachauswahl mit Strg bzw. ⌘."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = FoundingCase
        fields = ["name", "level", "districts", "owner", "notes", "initiative"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_users()  # type: ignore[attr-defined]
        self.fields["owner"].label_from_instance = lambda u: u.display_name or u.email  # type: ignore[attr-defined]
        self.fields["initiative"].queryset = Initiative.objects.filter(  # type: ignore[attr-defined]
            status=Status.FOUNDING
        ).order_by("name")
        self.fields["initiative"].label = _("Schon als „in Gründung“ im Verzeichnis")


class MoveForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Phase"), choices=[(s, label) for s, label in Stage.choices if s != Stage.FOUNDED]
    )


class FoundForm(forms.Form):
    name = forms.CharField(label=_("Name der Initiative im Verzeichnis"), max_length=255)
    founded_on = forms.DateField(
        label=_("Gründungsdatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class StepForm(forms.Form):
    title = forms.CharField(label=_("Nächster Schritt"), max_length=255)
    due_on = forms.DateField(
        label=_("fällig am"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("zuständig"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = staff_users()  # type: ignore[attr-defined]
        self.fields["owner"].label_from_instance = lambda u: u.display_name or u.email  # type: ignore[attr-defined]


class PartnerForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation aus dem Verzeichnis"),
        queryset=Organisation.objects.filter(is_synthetic=False).order_by("name"),
        required=False,
    )
    name = forms.CharField(
        label=_("oder: Name (noch nicht im Verzeichnis)"), max_length=255, required=False
    )
    kind = forms.ChoiceField(
        label=_("Art"), choices=[("", "–"), *OrganisationKind.choices], required=False
    )
    response = forms.ChoiceField(
        label=_("Stand"), choices=PartnerResponse.choices, initial=PartnerResponse.ASKED
    )
    note = forms.CharField(label=_("Notiz"), max_length=255, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organisation") and not (data.get("name") and data.get("kind")):
            raise forms.ValidationError(
                _("Bitte eine Organisation aus dem Verzeichnis wählen oder Name und Art angeben.")
            )
        return data


class PartnerResponseForm(forms.Form):
    response = forms.ChoiceField(label=_("Stand"), choices=PartnerResponse.choices)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=255)
    file = forms.FileField(
        label=_("Datei"), help_text=_("PDF, Office-Dokument oder Bild, bis 10 MB.")
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("Die Datei ist größer als 10 MB."))
        return upload


# --- Advice log --------------------------------------------------------------------------------

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _picker(size: int = 6) -> forms.SelectMultiple:
    """A native multiple select (keyboard: arrows, Space/Strg) that ``picker.js`` gives a
    type-to-filter box."""
    return forms.SelectMultiple(attrs={"size": size, "data-picker": ""})


class ContactChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ContactPerson) -> str:  # type: ignore[override]
        where = obj.initiative.name if obj.initiative_id else ""
        if obj.organisation_id:
            where = obj.organisation.name  # type: ignore[union-attr]
        return f"{obj.name} ({where})" if where else obj.name


class ConsultationForm(forms.ModelForm):
    kind = forms.ChoiceField(
        label=_("Art"),
        choices=ConsultationKind.choices,
        widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
    )
    initiatives = forms.ModelMultipleChoiceField(
        label=_("Initiativen"),
        queryset=Initiative.objects.none(),
        required=False,
        widget=_picker(8),
        help_text=_(
            "Tippen Sie in das Suchfeld, um die Liste zu verkürzen; Mehrfachauswahl mit Strg "
            "(Mac: Cmd) bzw. Leertaste."
        ),
    )
    contact_persons = ContactChoiceField(
        label=_("Ansprechpersonen"),
        queryset=ContactPerson.objects.none(),
        required=False,
        widget=_picker(6),
        help_text=_("Nur Ansprechpersonen der gewählten Initiativen oder der Organisation."),
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Themen (Handlungsfelder)"),
        queryset=FieldOfAction.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "kern-form-check__checkbox"}),
    )

    class Meta:
        model = Consultation
        fields = [
            "kind",
            "date",
            "duration_minutes",
            "staff_member",
            "initiatives",
            "founding_case",
            "organisation",
            "contact_persons",
            "other_participants",
            "topics",
            "summary",
            "outcome",
            "follow_up",
            "follow_up_due_on",
        ]
        widgets = {
            "date": DATE_WIDGET,
            "follow_up_due_on": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "duration_minutes": forms.NumberInput(attrs={"min": 1, "max": 1440, "step": 5}),
        }
        help_texts = {
            "follow_up": _("Was ist als Nächstes zu tun? Mit Fälligkeitsdatum."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff_member"].queryset = staff_users()  # type: ignore[attr-defined]
        self.fields["staff_member"].label_from_instance = lambda u: u.display_name or u.email  # type: ignore[attr-defined]
        self.fields["initiatives"].queryset = Initiative.objects.real().order_by("name")  # type: ignore[attr-defined]
        self.fields["founding_case"].queryset = FoundingCase.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            is_synthetic=False
        ).order_by("name")
        self.fields["organisation"].widget.attrs["data-picker"] = ""
        self.fields["contact_persons"].queryset = (  # type: ignore[attr-defined]
            ContactPerson.objects.exclude(initiative__is_synthetic=True)
            .select_related("initiative", "organisation")
            .order_by("name")
        )

    def clean(self) -> dict[str, Any]:
        """The checks across fields, so the error summary lists them together with the field
        errors (the service checks them again)."""
        data = super().clean() or {}
        if not (data.get("initiatives") or data.get("founding_case") or data.get("organisation")):
            self.add_error(
                "initiatives",
                _(
                    "Bitte mindestens eine Initiative, einen Gründungsfall oder eine "
                    "Organisation angeben."
                ),
            )
        if data.get("follow_up") and not data.get("follow_up_due_on"):
            if "follow_up_due_on" not in self.errors:
                self.add_error(
                    "follow_up_due_on", _("Bitte ein Fälligkeitsdatum für das Nachfassen angeben.")
                )
        if data.get("follow_up_due_on") and not data.get("follow_up"):
            self.add_error("follow_up", _("Bitte angeben, was nachgefasst werden soll."))
        return data
