"""Access rules of the surveys URLs (permission matrix, see common/tests/access_rules.py).
The world's survey is not shared with the ministry, so its results are staff-only."""

from industriedialog.common.tests.access_rules import (
    EVERYONE,
    MINISTRY,
    STAFF,
    Rule,
    public,
    staff,
    staff_post_only,
    token,
)


def _survey(w):  # type: ignore[no-untyped-def]
    return {"pk": w.survey.pk}


def _question(w):  # type: ignore[no-untyped-def]
    return {"pk": w.survey.pk, "question_pk": w.question.pk}


RULES = {
    "surveys:staff_survey_list": staff(),
    "surveys:staff_survey_create": staff(),
    "surveys:staff_survey_edit": staff(kwargs=_survey),
    "surveys:staff_question_create": staff(kwargs=_survey),
    "surveys:staff_question_edit": staff(kwargs=_question),
    "surveys:staff_question_move": staff_post_only(kwargs=_question),
    "surveys:staff_preview": staff(kwargs=_survey),
    "surveys:staff_invitations": staff(kwargs=_survey),
    "surveys:staff_response_rate": staff(kwargs=_survey),
    "surveys:staff_survey_action": staff_post_only(
        kwargs=lambda w: {"pk": w.survey.pk, "action": "close"}
    ),
    "surveys:results_list": Rule(read=STAFF | {MINISTRY}),
    "surveys:results": Rule(read=STAFF, kwargs=_survey),
    "surveys:results_export": Rule(read=STAFF, kwargs=lambda w: {"pk": w.survey.pk, "fmt": "csv"}),
    # Respondents
    "surveys:respond_start": Rule(
        read=EVERYONE, write=EVERYONE, kwargs=lambda w: {"slug": w.survey.slug}
    ),
    "surveys:respond_token": token(kwargs=lambda w: {"slug": w.survey.slug, "token": "falsch"}),
    "surveys:respond_resume": token(kwargs=lambda w: {"slug": w.survey.slug, "key": w.draft_key}),
    "surveys:respond_page": token(
        kwargs=lambda w: {"slug": w.survey.slug, "key": w.draft_key, "page": 1}
    ),
    "surveys:respond_thanks": public(kwargs=lambda w: {"slug": w.survey.slug}),
}
