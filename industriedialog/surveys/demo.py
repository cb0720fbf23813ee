"""Demo surveys for `make run`: the chamber-of-commerce survey with a branching question and
ten personal invitations, and the anonymous acceptance survey with school grades by state."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from . import services
from .models import Survey
from .questions import Kind

CHAMBER_SLUG = "ahk-zusammenarbeit"
ACCEPTANCE_SLUG = "akzeptanz-industrie"
CHAMBERS = [
    ("Polen", "pl"),
    ("Tschechien", "cz"),
    ("Österreich", "at"),
    ("Schweiz", "ch"),
    ("Frankreich", "fr"),
    ("Niederlande", "nl"),
    ("Belgien", "be"),
    ("Dänemark", "dk"),
    ("Luxemburg", "lu"),
    ("Italien", "it"),
]


def _q(survey: Survey, **data: Any) -> Any:
    data.setdefault("help", {})
    return services.question_save(survey=survey, actor=None, data=data)


@transaction.atomic
def demo_surveys_load(*, responses: int = 240) -> list[Survey]:
    """Create both demo surveys unless they exist (idempotent)."""
    made = []
    if not Survey.objects.filter(slug=CHAMBER_SLUG).exists():
        made.append(_chamber_survey())
    if not Survey.objects.filter(slug=ACCEPTANCE_SLUG).exists():
        made.append(_acceptance_survey(responses))
    return made


def _chamber_survey() -> Survey:
    survey = services.survey_create(
        actor=None,
        slug=CHAMBER_SLUG,
        title={
            "de": "Grenzüberschreitende Zusammenarbeit der Auslandshandelskammern",
            "en": "Cross-border cooperation of the German chambers of commerce abroad",
        },
        intro={
            "de": "Zehn Auslandshandelskammern berichten, wie sie mit regionalen "
            "Industrieinitiativen zusammenarbeiten. Dauer: etwa 5 Minuten.",
            "en": "Ten chambers of commerce abroad report on their cooperation with regional "
            "industry initiatives. About 5 minutes.",
        },
        mode=Survey.Mode.PERSONAL,
    )
    yes_no = "Ja | Yes\nNein | No"
    q1 = _q(
        survey,
        kind=Kind.SINGLE,
        page=1,
        is_required=True,
        options_text=yes_no,
        text={
            "de": "Arbeiten Sie bereits mit einer regionalen Industrieinitiative in "
            "Deutschland zusammen?",
            "en": "Do you already cooperate with a regional industry initiative in Germany?",
        },
    )
    yes, no = (o["key"] for o in q1.options)
    _q(
        survey,
        kind=Kind.INITIATIVE,
        page=2,
        condition_key=q1.key,
        condition_values=[yes],
        text={
            "de": "Mit welcher Initiative arbeiten Sie vor allem zusammen?",
            "en": "Which initiative do you mainly work with?",
        },
    )
    _q(
        survey,
        kind=Kind.MATRIX,
        page=2,
        condition_key=q1.key,
        condition_values=[yes],
        options_text="Fachkräfte | Skilled workers\nMarkterschließung | Market entry\n"
        "Innovation | Innovation\nEnergie und Klima | Energy and climate",
        text={
            "de": "Die Zusammenarbeit bringt uns in diesen Feldern voran.",
            "en": "The cooperation helps us in these fields.",
        },
    )
    _q(
        survey,
        kind=Kind.MULTIPLE,
        page=2,
        condition_key=q1.key,
        condition_values=[no],
        has_other=True,
        options_text="Keine Ansprechperson bekannt | No contact known\n"
        "Zu wenig Zeit | Not enough time\nSprachbarrieren | Language barriers",
        text={
            "de": "Was hat eine Zusammenarbeit bisher verhindert?",
            "en": "What has prevented cooperation so far?",
        },
    )
    _q(
        survey,
        kind=Kind.GRADE,
        page=3,
        is_required=True,
        text={
            "de": "Wie bewerten Sie die Sichtbarkeit der deutschen Industrieinitiativen im "
            "Ausland (Schulnote)?",
            "en": "How do you grade the visibility of German industry initiatives abroad?",
        },
    )
    _q(
        survey,
        kind=Kind.RANKING,
        page=3,
        options_text="Delegationsreisen | Delegation trips\nWebinare | Webinars\n"
        "Gemeinsame Messen | Joint trade fairs",
        text={
            "de": "Welche Formate wünschen Sie sich am meisten?",
            "en": "Which formats would you like most?",
        },
    )
    _q(
        survey,
        kind=Kind.LONG_TEXT,
        page=3,
        text={
            "de": "Was sollte die Servicestelle anders machen?",
            "en": "What should the service centre do differently?",
        },
    )
    services.survey_publish(survey=survey, actor=None)
    invitations = services.invitations_add(
        survey=survey,
        actor=None,
        entries=[
            {"email": f"kooperation@ahk-{code}.example", "name": f"AHK {country}"}
            for country, code in CHAMBERS
        ],
    )
    from django.utils import timezone

    survey.invitations.update(sent_at=timezone.now())
    answers = [
        {q1.key: yes, "grade": "2", "text": "Mehr gemeinsame Delegationsreisen."},
        {q1.key: no, "grade": "4", "text": "Eine feste Ansprechperson je Land."},
        {q1.key: yes, "grade": "3", "text": ""},
        {q1.key: yes, "grade": "2", "text": "Webinare auf Englisch anbieten."},
        {q1.key: no, "grade": "5", "text": ""},
        {q1.key: yes, "grade": "1", "text": "Weiter so."},
    ]
    definition = survey.current_version.definition  # type: ignore[union-attr]
    keys = {q["kind"]: q for q in definition["questions"]}
    for invitation, given in zip(invitations, answers, strict=False):
        response = services.response_for_invitation(invitation=invitation)
        draft: dict[str, Any] = {q1.key: given[q1.key]}
        if given[q1.key] == yes:
            matrix = keys[Kind.MATRIX]
            draft.update({f"{matrix['key']}__{o['key']}": "4" for o in matrix["options"]})
        else:
            draft[keys[Kind.MULTIPLE]["key"]] = [keys[Kind.MULTIPLE]["options"][0]["key"]]
        draft[keys[Kind.GRADE]["key"]] = given["grade"]
        ranking = keys[Kind.RANKING]
        draft.update(
            {f"{ranking['key']}__{o['key']}": str(i) for i, o in enumerate(ranking["options"], 1)}
        )
        if given["text"]:
            draft[keys[Kind.LONG_TEXT]["key"]] = given["text"]
        services.response_save_page(
            survey=survey,
            key=response.key,
            field_names=list(draft),
            values=draft,
            page=3,
            submit=True,
        )
    return survey


def _acceptance_survey(responses: int) -> Survey:
    survey = services.survey_create(
        actor=None,
        slug=ACCEPTANCE_SLUG,
        title={
            "de": "Wie sichtbar ist die Industrie in Ihrer Region?",
            "en": "How visible is industry in your region?",
        },
        intro={
            "de": "Eine anonyme Umfrage unter Bürgerinnen und Bürgern. Wir speichern nichts, "
            "was Sie erkennbar macht.",
            "en": "An anonymous survey among citizens. Nothing that identifies you is stored.",
        },
        mode=Survey.Mode.ANONYMOUS,
        is_shared_with_ministry=True,
    )
    _q(
        survey,
        kind=Kind.REGION,
        page=1,
        region_level="state",
        is_required=True,
        text={"de": "In welchem Bundesland wohnen Sie?", "en": "Which state do you live in?"},
    )
    _q(
        survey,
        kind=Kind.GRADE,
        page=1,
        is_required=True,
        text={
            "de": "Wie sichtbar ist die Industrie in Ihrer Region? Bitte geben Sie eine Schulnote.",
            "en": "How visible is industry in your region? Please give a school grade.",
        },
        help={
            "de": "1 = sehr gut sichtbar, 6 = gar nicht sichtbar",
            "en": "1 = very visible, 6 = not visible at all",
        },
    )
    _q(
        survey,
        kind=Kind.LIKERT,
        page=1,
        text={
            "de": "Die Industrie ist wichtig für die Zukunft meiner Region.",
            "en": "Industry matters for the future of my region.",
        },
    )
    _q(
        survey,
        kind=Kind.NUMBER,
        page=2,
        min_value=14,
        max_value=110,
        text={"de": "Wie alt sind Sie?", "en": "How old are you?"},
    )
    _q(
        survey,
        kind=Kind.SHORT_TEXT,
        page=2,
        text={
            "de": "Was würde die Industrie in Ihrer Region sichtbarer machen?",
            "en": "What would make industry in your region more visible?",
        },
    )
    services.survey_publish(survey=survey, actor=None)
    services.responses_generate(survey=survey, count=responses, seed=7, synthetic=False)
    return survey
