"""Back-office forms of the registry. They validate; the services write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import District, State

from .changes import INITIATIVE_FIELDS
from .models import (
    ContactPerson,
    EventFormat,
    FieldOfAction,
    Initiative,
    Membership,
    Organisation,
    TargetGroup,
)
from .vocabularies import ConsentMethod, MembershipRole

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_DECLARATION_BYTES = 10 * 1024 * 1024


class SocialLinksField(forms.CharField):
    """One URL per line, stored as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        links = [line.strip() for line in text.splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for number, link in enumerate(links, start=1):
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("Zeile %(line)s: „%(link)s“ ist keine gültige Web-Adresse (https://…)."),
                    params={"line": number, "link": link},
                ) from None
        return links


class InitiativeForm(forms.ModelForm):
    states = forms.ModelMultipleChoiceField(
        queryset=State.objects.order_by("name"),
        label=_("Bundesländer"),
        widget=forms.CheckboxSelectMultiple,
    )
    districts = forms.ModelMultipleChoiceField(
        queryset=District.objects.current().select_related("state").order_by("state__name", "name"),
        label=_("abgedeckte Kreise"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_(
            "Mehrfachauswahl mit Strg (Mac: Cmd). Bei Initiativen auf Landesebene nicht nötig: "
            "sie decken das ganze Land ab."
        ),
    )
    fields_of_action = forms.ModelMultipleChoiceField(
        queryset=FieldOfAction.objects.all(),
        label=_("Handlungsfelder"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        queryset=TargetGroup.objects.all(),
        label=_("Zielgruppen"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    formats = forms.ModelMultipleChoiceField(
        queryset=EventFormat.objects.all(),
        label=_("genutzte Formate"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    social_links = SocialLinksField(
        label=_("Social-Media-Profile"), required=False, help_text=_("Eine Adresse je Zeile.")
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("Ich habe die ähnlichen Einträge geprüft: es ist keine Dublette."),
        required=False,
    )

    class Meta:
        model = Initiative
        fields = [*INITIATIVE_FIELDS, "logo", "founding_declaration"]
        widgets = {
            "founded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
            "mission_statement": forms.Textarea(attrs={"rows": 3}),
            "goals": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, similar: list[Initiative] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.similar = similar or []
        self.fields["seat_district"].queryset = (  # type: ignore[attr-defined]
            District.objects.current().order_by("name")
        )
        office = self.fields["office_host"]
        if self.instance.pk:
            office.queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
                memberships__initiative=self.instance
            ).distinct()
            office.help_text = _("Eine der Mitgliedsorganisationen.")
        else:
            office.queryset = Organisation.objects.none()  # type: ignore[attr-defined]
            office.help_text = _("Nach dem Anlegen aus den Mitgliedern wählbar.")
        if not self.similar:
            del self.fields["confirm_not_duplicate"]

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if logo and getattr(logo, "size", 0) > MAX_LOGO_BYTES:
            raise ValidationError(_("Das Logo darf höchstens 2 MB groß sein."))
        return logo

    def clean_founding_declaration(self) -> Any:
        document = self.cleaned_data.get("founding_declaration")
        if document and getattr(document, "size", 0) > MAX_DECLARATION_BYTES:
            raise ValidationError(_("Die Gründungserklärung darf höchstens 10 MB groß sein."))
        if document and hasattr(document, "read") and not getattr(document, "_committed", True):
            head = document.read(5)
            document.seek(0)
            if head != b"%PDF-":
                raise ValidationError(_("Die Gründungserklärung muss eine PDF-Datei sein."))
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.similar and not data.get("confirm_not_duplicate"):
            raise ValidationError(
                _(
                    "Es gibt ähnliche Einträge im selben Bundesland. Bitte prüfen Sie die Liste "
                    "und bestätigen Sie, dass es keine Dublette ist."
                ),
                code="possible_duplicate",
            )
        return data

    def service_data(self) -> dict[str, Any]:
        """The cleaned values the services take (model fields and many-to-many lists)."""
        data = {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
        }
        for name in ("logo", "founding_declaration"):
            if data.get(name) is False:  # "clear" ticked
                data[name] = ""
            elif data.get(name) is None:
                data.pop(name)
        for name in ("states", "districts", "fields_of_action", "target_groups", "formats"):
            data[name] = list(data[name])
        return data


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "district", "website"]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = (  # type: ignore[attr-defined]
            District.objects.current().order_by("name")
        )


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "since"]
        widgets = {"since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class MembershipAddForm(forms.Form):
    """Add an existing organisation (found by search) or a new one, with its role."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(),
        label=_("Organisation"),
        required=False,
        widget=forms.RadioSelect,
    )
    new_name = forms.CharField(label=_("oder neue Organisation: Name"), required=False)
    new_kind = forms.ChoiceField(
        label=_("Art der neuen Organisation"),
        choices=[("", "–")] + list(Organisation._meta.get_field("kind").choices or []),
        required=False,
    )
    role = forms.ChoiceField(label=_("Rolle"), choices=MembershipRole.choices)
    since = forms.DateField(
        label=_("seit"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, candidates: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["organisation"].queryset = candidates  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organisation") and not data.get("new_name"):
            raise ValidationError(
                _("Bitte eine Organisation aus der Suche wählen oder eine neue benennen.")
            )
        if data.get("new_name") and not data.get("new_kind"):
            self.add_error("new_kind", _("Bitte die Art der neuen Organisation angeben."))
        return data


class ContactPersonForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("Die Person hat der Veröffentlichung zugestimmt"),
        required=False,
        help_text=_("Ohne Einwilligung sieht nur die Servicestelle die Kontaktdaten."),
    )
    consent_method_choice = forms.ChoiceField(
        label=_("Art der Einwilligung"),
        choices=[("", "–"), *ConsentMethod.choices],
        required=False,
    )
    consent_note_text = forms.CharField(
        label=_("Vermerk zur Einwilligung"),
        required=False,
        help_text=_("z. B. „E-Mail vom 12.03.2026 im Postfach der Servicestelle“"),
    )

    class Meta:
        model = ContactPerson
        fields = ["name", "function", "organisation", "email", "phone"]

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            memberships__initiative=initiative
        ).distinct()
        if self.instance.pk:
            self.fields["consent"].initial = self.instance.has_consent
            self.fields["consent_method_choice"].initial = self.instance.consent_method
            self.fields["consent_note_text"].initial = self.instance.consent_note

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("consent") and not data.get("consent_method_choice"):
            self.add_error(
                "consent_method_choice",
                _("Bitte angeben, wie die Einwilligung erteilt wurde."),
            )
        return data
