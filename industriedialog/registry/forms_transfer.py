"""Forms of the import: the upload, the decision after the preview, and the form that checks
each row of an import file (so a row gets Django's German messages plus ours)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from industriedialog.regions.models import District, State
from industriedialog.regions.selectors import district_resolve

from .models import EventFormat, FieldOfAction, Initiative, TargetGroup
from .vocabularies import EventFormatCode, FieldOfActionCode, Level, Status, TargetGroupCode

MAX_FILE_SIZE = 10 * 1024 * 1024
AGS_PATTERN = re.compile(r"\d{5}")

T = TypeVar("T")


def normalise(value: str) -> str:
    """Case- and whitespace-insensitive form of a name or label."""
    return " ".join(value.casefold().split())


@lru_cache(maxsize=32)
def german_labels(choices: type[models.TextChoices]) -> dict[str, str]:
    """Code → German label: the import/export file format is German in every UI language."""
    with translation.override("de"):
        return {code: str(label) for code, label in choices.choices}


def _choice_lookup(choices: type[models.TextChoices]) -> dict[str, str]:
    return _choice_lookup_in(choices, translation.get_language())


@lru_cache(maxsize=64)
def _choice_lookup_in(choices: type[models.TextChoices], language: str | None) -> dict[str, str]:
    """Label (German or in the active language) or code → code."""
    lookup = {normalise(code): code for code in choices.values}
    lookup.update({normalise(label): code for code, label in german_labels(choices).items()})
    lookup.update({normalise(str(label)): code for code, label in choices.choices})
    return lookup


class LabelChoiceField(forms.Field):
    """One value of a vocabulary given by its label or its code ("Kommune" or "municipality")."""

    def __init__(
        self,
        *,
        choices: type[models.TextChoices],
        invalid_message: Any,
        default: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.choices_class = choices
        self.invalid_message = invalid_message
        self.default = default

    def to_python(self, value: Any) -> str:
        text = normalise(str(value or ""))
        if not text:
            return self.default
        code = _choice_lookup(self.choices_class).get(text)
        if code is None:
            raise ValidationError(
                self.invalid_message,
                code="invalid_choice",
                params={
                    "value": str(value).strip(),
                    "allowed": ", ".join(german_labels(self.choices_class).values()),
                },
            )
        return code


def split_values(
    value: str, resolve: Callable[[str], T | None], *, max_merge: int = 1
) -> tuple[list[T], list[str]]:
    """Resolve a cell holding several values separated by ``,`` or ``;``.

    Up to ``max_merge`` neighbouring parts are tried together first, so a label that contains
    a comma ("Energie, Klima und Transformation") is still recognised. Returns the resolved
    objects (without repeats) and the parts that could not be resolved."""
    parts = [p.strip() for p in re.split(r"[;,]", value or "") if p.strip()]
    found: list[T] = []
    unknown: list[str] = []
    i = 0
    while i < len(parts):
        for width in range(min(max_merge, len(parts) - i), 0, -1):
            obj = resolve(", ".join(parts[i : i + width]))
            if obj is not None:
                if obj not in found:
                    found.append(obj)
                i += width
                break
        else:
            unknown.append(parts[i])
            i += 1
    return found, unknown


@dataclass
class RowLookups:
    """Reference data loaded once per import file, so checking a row needs no query."""

    states: dict[str, State]
    fields_of_action: dict[str, FieldOfAction]
    target_groups: dict[str, TargetGroup]
    formats: dict[str, EventFormat]
    state_codes: list[str]
    _districts: dict[str, District | None] = field(default_factory=dict)

    @classmethod
    def load(cls) -> RowLookups:
        states = list(State.objects.order_by("code"))
        by_key: dict[str, State] = {}
        for state in states:
            by_key[normalise(state.code)] = state
            by_key[normalise(state.name)] = state
        return cls(
            states=by_key,
            fields_of_action=_vocabulary(FieldOfAction.objects.all(), FieldOfActionCode),
            target_groups=_vocabulary(TargetGroup.objects.all(), TargetGroupCode),
            formats=_vocabulary(EventFormat.objects.all(), EventFormatCode),
            state_codes=[s.code for s in states],
        )

    def district(self, ags: str) -> District | None:
        """The current district for an AGS (a former one resolves to its successor)."""
        if ags not in self._districts:
            self._districts[ags] = district_resolve(ags)
        return self._districts[ags]


def _vocabulary(entries: Iterable[Any], choices: type[models.TextChoices]) -> dict[str, Any]:
    """Code, German label or label in the active language → vocabulary entry."""
    german = german_labels(choices)
    lookup: dict[str, Any] = {}
    for entry in entries:
        lookup[normalise(entry.code)] = entry
        lookup[normalise(german.get(entry.code, entry.code))] = entry
        lookup[normalise(str(entry.label))] = entry
    return lookup


class InitiativeImportRowForm(forms.ModelForm):
    """One row of an import file. The many-to-many columns arrive as text and are resolved
    against ``lookups``; the model's own validation (``Initiative.clean``) runs as well."""

    level = LabelChoiceField(
        choices=Level,
        label=_("Ebene"),
        invalid_message=_("„%(value)s“ ist keine gültige Ebene (erlaubt: %(allowed)s)."),
    )
    status = LabelChoiceField(
        choices=Status,
        label=_("Status"),
        required=False,
        default=Status.ACTIVE,
        invalid_message=_("„%(value)s“ ist kein gültiger Status (erlaubt: %(allowed)s)."),
    )
    states = forms.CharField(label=_("Bundesländer"))
    districts = forms.CharField(label=_("Kreise"), required=False)
    founded_on = forms.DateField(
        label=_("Gründungsdatum"),
        required=False,
        input_formats=["%d.%m.%Y", "%Y-%m-%d"],
        error_messages={
            "invalid": _(
                "Bitte ein gültiges Datum im Format TT.MM.JJJJ (z. B. 01.09.2016) oder "
                "JJJJ-MM-TT angeben."
            )
        },
    )
    fields_of_action = forms.CharField(label=_("Handlungsfelder"), required=False)
    target_groups = forms.CharField(label=_("Zielgruppen"), required=False)
    formats = forms.CharField(label=_("Formate"), required=False)
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Initiative
        fields = [
            "name",
            "short_name",
            "level",
            "status",
            "seat",
            "founded_year",
            "founded_on",
            "description",
            "mission_statement",
            "goals",
            "member_company_count",
            "website",
            "source",
        ]

    def __init__(self, *args: Any, lookups: RowLookups, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lookups = lookups

    def clean_states(self) -> list[State]:
        found, unknown = split_values(
            self.cleaned_data["states"], lambda v: self.lookups.states.get(normalise(v))
        )
        if unknown:
            raise ValidationError(
                [
                    ValidationError(
                        _("„%(value)s“ ist kein Bundesland-Kürzel (erlaubt: %(allowed)s)."),
                        code="unknown_state",
                        params={"value": v, "allowed": ", ".join(self.lookups.state_codes)},
                    )
                    for v in unknown
                ]
            )
        return found

    def clean_districts(self) -> list[District]:
        errors = []
        found: list[District] = []
        for part in re.split(r"[;,]", self.cleaned_data["districts"] or ""):
            ags = part.strip()
            if not ags:
                continue
            if len(ags) == 4 and ags.isdigit():
                ags = "0" + ags  # a spreadsheet dropped the leading zero (01001 → 1001)
            if not AGS_PATTERN.fullmatch(ags):
                errors.append(
                    ValidationError(
                        _(
                            "„%(value)s“ ist kein gültiger Kreisschlüssel (AGS: fünf Ziffern, "
                            "z. B. 16061)."
                        ),
                        code="invalid_ags",
                        params={"value": part.strip()},
                    )
                )
                continue
            district = self.lookups.district(ags)
            if district is None:
                errors.append(
                    ValidationError(
                        _("Unter dem Kreisschlüssel „%(value)s“ ist kein Kreis bekannt."),
                        code="unknown_ags",
                        params={"value": ags},
                    )
                )
            elif district not in found:
                found.append(district)
        if errors:
            raise ValidationError(errors)
        return found

    def _clean_vocabulary(
        self,
        name: str,
        lookup: dict[str, Any],
        choices: type[models.TextChoices],
        message: Any,
    ) -> list[Any]:
        found, unknown = split_values(
            self.cleaned_data[name], lambda v: lookup.get(normalise(v)), max_merge=3
        )
        if unknown:
            allowed = "; ".join(german_labels(choices).values())
            raise ValidationError(
                [ValidationError(message, params={"value": v, "allowed": allowed}) for v in unknown]
            )
        return found

    def clean_fields_of_action(self) -> list[FieldOfAction]:
        return self._clean_vocabulary(
            "fields_of_action",
            self.lookups.fields_of_action,
            FieldOfActionCode,
            _("„%(value)s“ ist kein bekanntes Handlungsfeld (erlaubt: %(allowed)s)."),
        )

    def clean_target_groups(self) -> list[TargetGroup]:
        return self._clean_vocabulary(
            "target_groups",
            self.lookups.target_groups,
            TargetGroupCode,
            _("„%(value)s“ ist keine bekannte Zielgruppe (erlaubt: %(allowed)s)."),
        )

    def clean_formats(self) -> list[EventFormat]:
        return self._clean_vocabulary(
            "formats",
            self.lookups.formats,
            EventFormatCode,
            _("„%(value)s“ ist kein bekanntes Format (erlaubt: %(allowed)s)."),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        states = data.get("states")
        if states is not None:
            codes = {s.code for s in states}
            outside = [d for d in data.get("districts") or [] if d.state.code not in codes]
            if outside:
                self.add_error(
                    "districts",
                    [
                        ValidationError(
                            _(
                                "Der Kreis %(ags)s (%(name)s) liegt in %(state)s; bitte "
                                "„%(code)s“ auch unter „Bundesländer“ angeben."
                            ),
                            code="district_outside_states",
                            params={
                                "ags": d.ags,
                                "name": d.name,
                                "state": d.state.name,
                                "code": d.state.code,
                            },
                        )
                        for d in outside
                    ],
                )
        return data


class _SharedFields(dict):  # type: ignore[type-arg]
    """Form fields that every row form uses as they are instead of deep-copying them: the
    fields keep no per-row state, and copying 18 fields for 20,000 rows would cost seconds."""

    def __deepcopy__(self, memo: dict[int, Any]) -> _SharedFields:
        return self


InitiativeImportRowForm.base_fields = _SharedFields(InitiativeImportRowForm.base_fields)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Importdatei"),
        help_text=_("CSV (UTF-8, Trennzeichen Semikolon oder Komma) oder XLSX, höchstens 10 MB."),
        widget=forms.FileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.name.lower().endswith(".xls"):
            raise ValidationError(
                _(
                    "Das alte Excel-Format .xls wird nicht unterstützt. Bitte speichern Sie die "
                    "Datei als Excel-Arbeitsmappe (.xlsx) oder als CSV (UTF-8)."
                ),
                code="xls",
            )
        FileExtensionValidator(["csv", "xlsx"])(upload)
        if upload.size > MAX_FILE_SIZE:
            raise ValidationError(
                _("Die Datei ist %(size)s groß; erlaubt sind höchstens %(max)s."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "max": filesizeformat(MAX_FILE_SIZE)},
            )
        return upload


class ImportExecuteForm(forms.Form):
    only_valid = forms.BooleanField(
        label=_("Nur die gültigen Zeilen importieren"),
        help_text=_(
            "Fehlerhafte Zeilen und Dubletten werden übersprungen; Sie können sie danach "
            "korrigiert in einer neuen Datei importieren."
        ),
        required=False,
    )
