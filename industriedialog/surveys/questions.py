"""Question types: what each kind asks, the form fields that ask it, which draft values make
an earlier answer "match" a condition, and how a submitted value becomes Answer rows."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SINGLE = "single", _("Einfachauswahl")
    MULTIPLE = "multiple", _("Mehrfachauswahl")
    LIKERT = "likert", _("Zustimmungsskala (1–5)")
    GRADE = "grade", _("Schulnote (1–6)")
    NUMBER = "number", _("Zahl")
    DATE = "date", _("Datum")
    SHORT_TEXT = "short_text", _("kurzer Text")
    LONG_TEXT = "long_text", _("langer Text")
    MATRIX = "matrix", _("Matrix (Zeilen × Zustimmungsskala)")
    RANKING = "ranking", _("Rangfolge")
    REGION = "region", _("Bundesland oder Kreis")
    INITIATIVE = "initiative", _("Initiative aus dem Verzeichnis")


LIKERT_SCALE = [
    ("1", _("stimme gar nicht zu")),
    ("2", _("stimme eher nicht zu")),
    ("3", _("teils, teils")),
    ("4", _("stimme eher zu")),
    ("5", _("stimme voll zu")),
]
GRADE_SCALE = [
    ("1", _("1 – sehr gut")),
    ("2", _("2 – gut")),
    ("3", _("3 – befriedigend")),
    ("4", _("4 – ausreichend")),
    ("5", _("5 – mangelhaft")),
    ("6", _("6 – ungenügend")),
]
OTHER = "other"
# A multiple-choice answer also stores one row with this item: "answered this question", so
# the number of respondents is a plain count, not a COUNT(DISTINCT) over all chosen options.
ANSWERED = "_answered"

# Kinds whose staff-defined options are the answers (or, for matrix and ranking, the rows).
KINDS_WITH_OPTIONS = {Kind.SINGLE, Kind.MULTIPLE, Kind.MATRIX, Kind.RANKING}
# Kinds that store one category per response: usable in conditions, filters and cross-tabs.
CATEGORICAL_KINDS = {Kind.SINGLE, Kind.MULTIPLE, Kind.LIKERT, Kind.GRADE, Kind.REGION}
CATEGORICAL_KINDS |= {Kind.INITIATIVE}
SCALE_KINDS = {Kind.LIKERT, Kind.GRADE}
TEXT_KINDS = {Kind.SHORT_TEXT, Kind.LONG_TEXT}

REQUIRED = _("Bitte beantworten Sie diese Frage.")


def text_in_language(texts: dict | None) -> str:
    texts = texts or {}
    language = (get_language() or "de")[:2]
    return texts.get(language) or texts.get("de") or ""


def scale_of(kind: str) -> list[tuple[str, Any]]:
    return GRADE_SCALE if kind == Kind.GRADE else LIKERT_SCALE


def region_choices(level: str) -> list:
    """States (code, name) or districts (AGS, name) grouped by state, from the reference data
    (cached for ten minutes: every respondent page with a region question needs them)."""
    from django.core.cache import cache

    return (
        cache.get_or_set(f"surveys:region_choices:{level}", lambda: _region_choices(level), 600)
        or []
    )


def _region_choices(level: str) -> list:
    from industriedialog.regions.models import District, State

    if level == "district":
        groups: dict[str, list] = {}
        for ags, name, state in (
            District.objects.current()
            .order_by("state__name", "name")
            .values_list("ags", "name", "state__name")
        ):
            groups.setdefault(state, []).append((ags, name))
        return list(groups.items())
    return list(State.objects.order_by("name").values_list("code", "name"))


def region_labels(level: str, keys: list[str] | None = None) -> dict[str, str]:
    """Names of states or districts (also former districts: old answers keep their name);
    only those of ``keys`` when given (the reference data hold some 16,000 former
    districts)."""
    from industriedialog.regions.models import District, State

    if level == "district":
        districts = District.objects.all()
        if keys is not None:
            districts = districts.filter(ags__in=keys)
        return dict(districts.values_list("ags", "name"))
    return dict(State.objects.values_list("code", "name"))


def initiative_choices() -> list[tuple[str, str]]:
    from industriedialog.registry.selectors import initiatives_public

    return [(str(pk), name) for pk, name in initiatives_public().values_list("pk", "name")]


def initiative_labels(keys: list[str]) -> dict[str, str]:
    from industriedialog.registry.models import Initiative

    ids = [int(k) for k in keys if k.isdigit()]
    return {
        str(pk): name
        for pk, name in Initiative.objects.filter(pk__in=ids).values_list("pk", "name")
    }


@dataclass
class QuestionBlock:
    """One question on a respondent page with the bound fields that answer it."""

    question: dict
    fields: list = field(default_factory=list)
    other: Any = None

    @property
    def kind(self) -> str:
        return self.question["kind"]

    @property
    def text(self) -> str:
        return text_in_language(self.question["text"])

    @property
    def help(self) -> str:
        return text_in_language(self.question.get("help"))

    @property
    def is_group(self) -> bool:
        return self.kind in {Kind.MATRIX, Kind.RANKING}

    @property
    def errors(self) -> list:
        found = []
        for bound in [*self.fields, self.other]:
            if bound is not None and bound.errors:
                found.append((bound, bound.errors[0]))
        return found


def option_label(option: dict) -> str:
    return text_in_language({"de": option.get("de"), "en": option.get("en")})


def ordered_options(question: dict, seed: str) -> list[dict]:
    options = list(question.get("options") or [])
    if question.get("random"):
        random.Random(f"{seed}:{question['key']}").shuffle(options)  # noqa: S311 - order only
    return options


class ResponsePageForm(forms.Form):
    """The questions of one page; fields are added from the frozen definition."""

    def __init__(self, *args: Any, questions: list[dict], seed: str, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.questions = questions
        self._names: dict[str, list[str]] = {}
        for question in questions:
            self._names[question["key"]] = list(self._add_fields(question, seed))

    def _add_fields(self, q: dict, seed: str):  # type: ignore[no-untyped-def]
        key, kind = q["key"], q["kind"]
        required = bool(q.get("required"))
        label = text_in_language(q["text"])
        help_text = text_in_language(q.get("help"))
        messages = {
            "required": REQUIRED,
            "invalid_choice": _("Bitte wählen Sie eine der Antworten."),
        }
        options: list[tuple[str, Any]] = [
            (o["key"], option_label(o)) for o in ordered_options(q, seed)
        ]
        if kind in {Kind.SINGLE, Kind.MULTIPLE}:
            if q.get("other"):
                options.append((OTHER, _("Sonstiges")))
            field_class = forms.ChoiceField if kind == Kind.SINGLE else forms.MultipleChoiceField
            widget = forms.RadioSelect if kind == Kind.SINGLE else forms.CheckboxSelectMultiple
            self.fields[key] = field_class(
                label=label,
                help_text=help_text,
                required=required,
                choices=options,
                widget=widget,
                error_messages=messages,
            )
            yield key
            if q.get("other"):
                self.fields[f"{key}__other"] = forms.CharField(
                    label=_("Sonstiges, und zwar"), required=False, max_length=500
                )
                yield f"{key}__other"
        elif kind in SCALE_KINDS:
            self.fields[key] = forms.ChoiceField(
                label=label,
                help_text=help_text,
                required=required,
                choices=scale_of(kind),
                widget=forms.RadioSelect,
                error_messages=messages,
            )
            yield key
        elif kind == Kind.NUMBER:
            low, high = q.get("min"), q.get("max")
            self.fields[key] = forms.DecimalField(
                label=label,
                help_text=help_text,
                required=required,
                localize=True,
                min_value=Decimal(low) if low is not None else None,
                max_value=Decimal(high) if high is not None else None,
                max_digits=14,
                decimal_places=4,
                widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                error_messages={
                    "required": REQUIRED,
                    "invalid": _("Bitte geben Sie eine Zahl ein, z. B. 12 oder 3,5."),
                    "min_value": _("Bitte geben Sie eine Zahl ab %(limit_value)s ein."),
                    "max_value": _("Bitte geben Sie eine Zahl bis %(limit_value)s ein."),
                    "max_digits": _("Diese Zahl ist zu lang."),
                    "max_decimal_places": _("Höchstens vier Nachkommastellen."),
                },
            )
            yield key
        elif kind == Kind.DATE:
            self.fields[key] = forms.DateField(
                label=label,
                help_text=help_text,
                required=required,
                input_formats=["%Y-%m-%d", "%d.%m.%Y"],
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                error_messages={
                    "required": REQUIRED,
                    "invalid": _("Bitte geben Sie ein gültiges Datum ein (TT.MM.JJJJ)."),
                },
            )
            yield key
        elif kind in TEXT_KINDS:
            long = kind == Kind.LONG_TEXT
            self.fields[key] = forms.CharField(
                label=label,
                help_text=help_text,
                required=required,
                max_length=5000 if long else 300,
                widget=forms.Textarea(attrs={"rows": 5}) if long else forms.TextInput,
                error_messages={
                    "required": REQUIRED,
                    "max_length": _(
                        "Bitte höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
                    ),
                },
            )
            yield key
        elif kind == Kind.MATRIX:
            for option in options:
                name = f"{key}__{option[0]}"
                self.fields[name] = forms.ChoiceField(
                    label=option[1],
                    required=required,
                    choices=LIKERT_SCALE,
                    widget=forms.RadioSelect,
                    error_messages=messages,
                )
                yield name
        elif kind == Kind.RANKING:
            ranks = [("", "–"), *[(str(i), str(i)) for i in range(1, len(options) + 1)]]
            for option in options:
                name = f"{key}__{option[0]}"
                self.fields[name] = forms.ChoiceField(
                    label=option[1],
                    required=required,
                    choices=ranks,
                    error_messages=messages,
                )
                yield name
        elif kind == Kind.REGION:
            level = q.get("region") or "state"
            self.fields[key] = forms.ChoiceField(
                label=label,
                help_text=help_text,
                required=required,
                choices=[("", _("Bitte wählen")), *region_choices(level)],
                error_messages=messages,
            )
            yield key
        elif kind == Kind.INITIATIVE:
            self.fields[key] = forms.ChoiceField(
                label=label,
                help_text=help_text,
                required=required,
                choices=[("", _("Bitte wählen")), *initiative_choices()],
                error_messages=messages,
            )
            yield key

    def clean(self) -> dict:
        data: dict[str, Any] = super().clean() or {}
        for q in self.questions:
            key = q["key"]
            if q["kind"] in {Kind.SINGLE, Kind.MULTIPLE} and q.get("other"):
                chosen = data.get(key) or []
                chosen = [chosen] if isinstance(chosen, str) else chosen
                if OTHER in chosen and not (data.get(f"{key}__other") or "").strip():
                    self.add_error(f"{key}__other", _("Bitte beschreiben Sie „Sonstiges“."))
            if q["kind"] == Kind.RANKING:
                names = self._names[key]
                given = [data.get(n) for n in names if data.get(n)]
                if len(given) != len(set(given)):
                    for name in names:
                        value = data.get(name)
                        if value and given.count(value) > 1:
                            self.add_error(name, _("Jeder Rang darf nur einmal vergeben werden."))
        return data

    def blocks(self) -> list[QuestionBlock]:
        blocks = []
        for q in self.questions:
            names = self._names[q["key"]]
            block = QuestionBlock(question=q)
            for name in names:
                if name.endswith("__other"):
                    block.other = self[name]
                else:
                    block.fields.append(self[name])
            blocks.append(block)
        return blocks

    def draft_values(self) -> dict[str, Any]:
        """Cleaned values as JSON for the response's draft."""
        values: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value in (None, "", []):
                continue
            if isinstance(value, Decimal):
                value = decimal_text(value)
            elif isinstance(value, datetime.date):
                value = value.isoformat()
            values[name] = value
        return values


def decimal_text(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros ("50", "2.5")."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def page_field_names(questions: list[dict]) -> list[str]:
    names = []
    for q in questions:
        key = q["key"]
        names.append(key)
        names.append(f"{key}__other")
        names.extend(f"{key}__{o['key']}" for o in q.get("options") or [])
    return names


def matches(question: dict, draft: dict) -> bool:
    """True if ``question`` is shown for the answers so far (no condition: always)."""
    condition = question.get("condition")
    if not condition:
        return True
    value = draft.get(condition["key"])
    given = set(value) if isinstance(value, list) else {value}
    return bool(given & set(condition["values"]))


def answers_from_draft(definition: dict, draft: dict) -> list[dict]:
    """The Answer rows (as field dicts) of a response: only questions shown to the
    respondent, one row per value."""
    rows: list[dict] = []
    for q in definition["questions"]:
        if not matches(q, draft):
            continue
        key, kind = q["key"], q["kind"]
        value = draft.get(key)
        if kind in {Kind.SINGLE, Kind.MULTIPLE, Kind.REGION, Kind.INITIATIVE}:
            chosen = value if isinstance(value, list) else ([value] if value else [])
            if kind == Kind.MULTIPLE and chosen:
                rows.append({"question_key": key, "item": ANSWERED})
            for choice in chosen:
                text = draft.get(f"{key}__other", "") if choice == OTHER else ""
                rows.append({"question_key": key, "choice": str(choice), "text": text})
        elif kind in SCALE_KINDS and value:
            rows.append({"question_key": key, "choice": str(value), "number": Decimal(value)})
        elif kind == Kind.NUMBER and value not in (None, ""):
            try:
                rows.append({"question_key": key, "number": Decimal(str(value))})
            except InvalidOperation:
                continue
        elif kind == Kind.DATE and value:
            rows.append({"question_key": key, "date": datetime.date.fromisoformat(value)})
        elif kind in TEXT_KINDS and value:
            rows.append({"question_key": key, "text": str(value)})
        elif kind in {Kind.MATRIX, Kind.RANKING}:
            for option in q.get("options") or []:
                cell = draft.get(f"{key}__{option['key']}")
                if cell:
                    rows.append(
                        {
                            "question_key": key,
                            "item": option["key"],
                            "choice": str(cell),
                            "number": Decimal(cell),
                        }
                    )
    return rows
