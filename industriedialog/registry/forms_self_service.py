"""Forms of the representatives' self-service and of the staff review of their requests."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import District

from .changes import PROPOSABLE_FIELDS, field_label, initiative_snapshot
from .forms import SocialLinksField
from .models import Initiative, Organisation
from .selectors import ProposalRow
from .vocabularies import EventFormatCode, FieldOfActionCode, MeetingFrequency, TargetGroupCode

_TEXT_FIELDS = ("name", "short_name", "seat", "description", "mission_statement", "goals", "source")
_LONG_TEXT_FIELDS = ("description", "mission_statement", "goals")
_CODE_FIELDS = {
    "fields_of_action": FieldOfActionCode,
    "target_groups": TargetGroupCode,
    "formats": EventFormatCode,
}
_CHECKBOXES = {"class": "kern-form-check__checkbox"}
# The order a representative reads the form in: texts first, then region, facts, links.
_FORM_ORDER = [
    "name",
    "short_name",
    "description",
    "mission_statement",
    "goals",
    "fields_of_action",
    "target_groups",
    "formats",
    "meeting_frequency",
    "seat",
    "seat_district",
    "districts",
    "office_host",
    "founded_year",
    "founded_on",
    "member_company_count",
    "website",
    "social_links",
    "source",
]


def _label(name: str) -> str:
    return capfirst(field_label(Initiative, name))


class RepresentationRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Ihre Funktion in der Initiative"),
        help_text=_(
            "Zum Beispiel: Leiterin der Geschäftsstelle, Sprecher des Lenkungskreises. Die "
            "Servicestelle prüft damit Ihren Antrag."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RepresentationDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Entscheidung"),
        choices=[("approve", _("bestätigen")), ("reject", _("ablehnen"))],
    )
    note = forms.CharField(label=_("Vermerk"), max_length=255, required=False)

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class RepresentationRevokeForm(forms.Form):
    note = forms.CharField(label=_("Vermerk"), max_length=255, required=False)


def _same_text(a: Any, b: Any) -> bool:
    """Equal apart from line endings and surrounding blanks (browsers send CRLF)."""

    def norm(value: Any) -> str:
        return str(value or "").replace("\r\n", "\n").strip()

    return norm(a) == norm(b)


class ChangeProposalForm(forms.Form):
    """The proposable fields of one initiative, prefilled with today's values.

    ``snapshot_values`` turns the input into the snapshot form of ``changes.py`` so that
    ``change_proposal_submit`` can keep only what differs."""

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        self.initiative = initiative
        self.current = initiative_snapshot(initiative)
        kwargs.setdefault("initial", self._initial())
        super().__init__(*args, **kwargs)
        for name in _TEXT_FIELDS:
            model_field: Any = Initiative._meta.get_field(name)
            widget = forms.Textarea(attrs={"rows": 6}) if name in _LONG_TEXT_FIELDS else None
            self.fields[name] = forms.CharField(
                label=_label(name),
                max_length=model_field.max_length,
                required=not model_field.blank,
                help_text=model_field.help_text,
                widget=widget,
            )
        self.fields["founded_year"] = forms.IntegerField(
            label=_label("founded_year"),
            min_value=1945,
            max_value=2100,
            required=False,
        )
        self.fields["founded_on"] = forms.DateField(
            label=_label("founded_on"),
            required=False,
            help_text=Initiative._meta.get_field("founded_on").help_text,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        district_choices = self._district_choices()
        self.fields["districts"] = forms.MultipleChoiceField(
            label=_label("districts"),
            choices=[(ags, label) for ags, _pk, label in district_choices],
            required=False,
            help_text=_("Kreise und kreisfreie Städte in Ihrem Bundesland, die Sie abdecken."),
            widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOXES),
        )
        self.fields["seat_district"] = forms.TypedChoiceField(
            label=_label("seat_district"),
            choices=[
                ("", _("– keine Angabe –")),
                *[(str(pk), label) for _ags, pk, label in district_choices],
            ],
            coerce=int,
            empty_value=None,
            required=False,
        )
        self.fields["office_host"] = forms.TypedChoiceField(
            label=_label("office_host"),
            choices=[("", _("– keine Angabe –")), *self._office_host_choices()],
            coerce=int,
            empty_value=None,
            required=False,
            help_text=_(
                "Zur Auswahl stehen die Mitglieder der Initiative. Fehlt eine Organisation, "
                "schreiben Sie es bitte in die Anmerkung."
            ),
        )
        for name, codes in _CODE_FIELDS.items():
            self.fields[name] = forms.MultipleChoiceField(
                label=_label(name),
                choices=codes.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple(attrs=_CHECKBOXES),
            )
        self.fields["meeting_frequency"] = forms.ChoiceField(
            label=_label("meeting_frequency"),
            choices=[("", _("– keine Angabe –")), *MeetingFrequency.choices],
            required=False,
        )
        self.fields["member_company_count"] = forms.IntegerField(
            label=_label("member_company_count"), min_value=0, required=False
        )
        self.fields["website"] = forms.URLField(
            label=_label("website"), required=False, assume_scheme="https"
        )
        self.fields["social_links"] = SocialLinksField(
            label=_label("social_links"),
            required=False,
            help_text=_("Eine Adresse je Zeile, zum Beispiel https://www.linkedin.com/company/…"),
        )
        self.fields["comment"] = forms.CharField(
            label=_("Anmerkung für die Servicestelle"),
            required=False,
            max_length=2000,
            help_text=_("Zum Beispiel, woher die neuen Angaben stammen."),
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        self.order_fields(
            [
                *[name for name in _FORM_ORDER if name in PROPOSABLE_FIELDS],
                *[name for name in PROPOSABLE_FIELDS if name not in _FORM_ORDER],
                "comment",
            ]
        )

    def _initial(self) -> dict[str, Any]:
        initial = {name: self.current[name] for name in PROPOSABLE_FIELDS}
        initial["social_links"] = "\n".join(str(link) for link in self.current["social_links"])
        return initial

    def _district_choices(self) -> list[tuple[str, int, str]]:
        """Today's districts of the initiative's states, plus any it already has."""
        districts = District.objects.current().filter(
            state__in=self.initiative.states.all()
        ) | District.objects.filter(pk__in=self.initiative.districts.values("pk"))
        if self.initiative.seat_district_id:
            districts = districts | District.objects.filter(pk=self.initiative.seat_district_id)
        return [
            (d.ags, d.pk, f"{d.name} ({d.ags})")
            for d in districts.distinct().order_by("name", "ags")
        ]

    def _office_host_choices(self) -> list[tuple[str, str]]:
        organisations = Organisation.objects.filter(memberships__initiative=self.initiative)
        if self.initiative.office_host_id:
            organisations = organisations | Organisation.objects.filter(
                pk=self.initiative.office_host_id
            )
        return [(str(o.pk), o.name) for o in organisations.distinct().order_by("name", "pk")]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        year, day = cleaned.get("founded_year"), cleaned.get("founded_on")
        if day and year and day.year != year:
            self.add_error("founded_on", _("Das Gründungsdatum passt nicht zum Gründungsjahr."))
        elif day and not year:
            cleaned["founded_year"] = day.year
        return cleaned

    def snapshot_values(self) -> dict[str, Any]:
        """The input in snapshot form (see ``changes._value``)."""
        data = self.cleaned_data
        values: dict[str, Any] = {}
        for name in PROPOSABLE_FIELDS:
            value = data.get(name)
            if name in _TEXT_FIELDS:
                current = self.current[name]
                text = str(value or "")
                value = current if _same_text(text, current) else text.replace("\r\n", "\n")
            elif name == "founded_on":
                value = value.isoformat() if value else None
            elif name in _CODE_FIELDS or name == "districts":
                value = sorted(value or [])
            elif name in ("meeting_frequency", "website"):
                value = value or ""
            values[name] = value
        return values

    @property
    def comment(self) -> str:
        return str(self.cleaned_data.get("comment") or "")


DECISION_CHOICES = [("accept", _("übernehmen")), ("reject", _("ablehnen"))]


class ProposalDecisionForm(forms.Form):
    """One accept/reject choice per proposed field; every field needs one."""

    def __init__(self, *args: Any, rows: list[ProposalRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[self._name(row.field)] = forms.ChoiceField(
                label=row.label,
                choices=DECISION_CHOICES,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "kern-form-check__radio"}),
            )

    @staticmethod
    def _name(field: str) -> str:
        return f"decision_{field}"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        missing = [row for row in self.rows if not cleaned.get(self._name(row.field))]
        for row in missing:
            self.add_error(self._name(row.field), _("Bitte „übernehmen“ oder „ablehnen“ wählen."))
        if missing:
            raise ValidationError(
                _("Für jedes Feld ist eine Entscheidung nötig (fehlt: %(fields)s)."),
                params={"fields": ", ".join(row.label for row in missing)},
            )
        return cleaned

    def decisions(self) -> dict[str, bool]:
        return {
            row.field: self.cleaned_data[self._name(row.field)] == "accept" for row in self.rows
        }

    def rows_with_fields(self) -> list[tuple[ProposalRow, forms.BoundField]]:
        return [(row, self[self._name(row.field)]) for row in self.rows]
