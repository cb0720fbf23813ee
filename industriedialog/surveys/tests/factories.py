"""Test helpers: surveys built through the services, as staff would build them."""

from __future__ import annotations

import uuid
from typing import Any

from industriedialog.surveys import services
from industriedialog.surveys.models import Response, Survey
from industriedialog.surveys.questions import Kind


def make_survey(mode: str = Survey.Mode.PUBLIC, *, publish: bool = True, **fields: Any) -> Survey:
    """A two-page survey with a branching question:
    q1 single (Ja/Nein, required) → q2 number 0–100 (only if Ja, page 2),
    q3 grade (page 2), q4 state picker (page 1), q5 short text (page 2)."""
    survey = services.survey_create(
        actor=None, title={"de": "Testumfrage", "en": "Test survey"}, mode=mode, **fields
    )
    q1 = services.question_save(
        survey=survey,
        actor=None,
        data={
            "kind": Kind.SINGLE,
            "page": 1,
            "is_required": True,
            "text": {"de": "Arbeiten Sie grenzüberschreitend?", "en": "Cross-border?"},
            "options_text": "Ja | Yes\nNein | No",
        },
    )
    services.question_save(
        survey=survey,
        actor=None,
        data={
            "kind": Kind.REGION,
            "page": 1,
            "region_level": "state",
            "text": {"de": "Bundesland"},
        },
    )
    services.question_save(
        survey=survey,
        actor=None,
        data={
            "kind": Kind.NUMBER,
            "page": 2,
            "min_value": 0,
            "max_value": 100,
            "text": {"de": "Wie viele Partner?"},
            "condition_key": q1.key,
            "condition_values": [q1.options[0]["key"]],
        },
    )
    services.question_save(
        survey=survey,
        actor=None,
        data={"kind": Kind.GRADE, "page": 2, "is_required": True, "text": {"de": "Schulnote"}},
    )
    services.question_save(
        survey=survey,
        actor=None,
        data={"kind": Kind.SHORT_TEXT, "page": 2, "text": {"de": "Anmerkungen"}},
    )
    if publish:
        services.survey_publish(survey=survey, actor=None)
    return survey


def submit(survey: Survey, values: dict[str, Any], *, key: uuid.UUID | None = None) -> Response:
    """A complete response in one go (the last page's submit)."""
    return services.response_save_page(
        survey=survey,
        key=key or uuid.uuid4(),
        field_names=list(values),
        values=values,
        page=99,
        submit=True,
        create=True,
    )
