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


def extend_world(w):  # type: ignore[no-untyped-def]
    """A survey shown on the initiative's page, with five responses from the initiative."""
    from industriedialog.surveys.initiative_page import MIN_GROUP_SIZE
    from industriedialog.surveys.models import Response
    from industriedialog.surveys.tests.factories import make_survey, submit

    w.initiative_survey = make_survey(slug="umfrage-initiative", shows_on_initiative_page=True)
    for _ in range(MIN_GROUP_SIZE):
        response = submit(w.initiative_survey, {"q1": "o1"})
        Response.objects.filter(pk=response.pk).update(initiative=w.initiative)


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
    # The PDF report follows the results page: staff (the world's survey is not shared with
    # the ministry; the shared case is tested in test_report). No write path.
    "surveys:results_report": Rule(read=STAFF, kwargs=_survey),
    # An initiative's aggregated results are public (aggregates of >= 5 responses only).
    "surveys:initiative_results": public(
        kwargs=lambda w: {"slug": w.initiative_survey.slug, "initiative_slug": w.initiative.slug}
    ),
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
