"""Building, versioning, invitations, reminders and loss-free collection."""

from __future__ import annotations

import datetime
import uuid

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from industriedialog.common.models import AuditLogEntry
from industriedialog.surveys import services
from industriedialog.surveys.models import Answer, Invitation, Response, Survey
from industriedialog.surveys.questions import Kind

from .factories import make_survey, submit

pytestmark = pytest.mark.django_db


def test_editing_a_published_survey_keeps_answers_with_their_version(regions):
    survey = make_survey()
    first = submit(survey, {"q1": "o1", "q3": "12", "q4": "2"})
    question = survey.questions.get(key="q1")
    services.question_save(
        survey=survey,
        actor=None,
        question=question,
        data={"options_text": "Ja, regelmäßig | Yes\nNein | No"},
    )
    services.survey_publish(survey=survey, actor=None)
    second = submit(survey, {"q1": "o3", "q4": "1"})
    first.refresh_from_db()
    assert first.version.number == 1 and second.version.number == 2
    assert first.version.definition["questions"][0]["options"][0]["de"] == "Ja"
    assert Answer.objects.get(response=first, question_key="q1").choice == "o1"
    # "Nein" kept its key: its answers keep their meaning across versions
    assert [o["key"] for o in survey.questions.get(key="q1").options] == ["o3", "o2"]


def test_publishing_without_changes_makes_no_new_version(regions):
    survey = make_survey()
    services.survey_publish(survey=survey, actor=None)
    assert survey.versions.count() == 1


def test_a_condition_must_point_to_an_earlier_page(regions):
    survey = make_survey(publish=False)
    with pytest.raises(ValidationError) as error:
        services.question_save(
            survey=survey,
            actor=None,
            data={
                "kind": Kind.SHORT_TEXT,
                "page": 1,
                "text": {"de": "x"},
                "condition_key": "q1",
                "condition_values": ["o1"],
            },
        )
    assert "früheren Seite" in str(error.value)


def test_choice_questions_need_two_options(regions):
    survey = make_survey(publish=False)
    with pytest.raises(ValidationError) as error:
        services.question_save(
            survey=survey,
            actor=None,
            data={"kind": Kind.SINGLE, "page": 1, "text": {"de": "x"}, "options_text": "nur eine"},
        )
    assert "mindestens zwei" in str(error.value)


def test_resubmitting_the_same_key_stores_one_response(regions):
    survey = make_survey()
    key = uuid.uuid4()
    submit(survey, {"q1": "o1", "q3": "5", "q4": "1"}, key=key)
    submit(survey, {"q1": "o2", "q4": "3"}, key=key)  # a retry, even with other values
    assert Response.objects.filter(survey=survey).count() == 1
    assert sorted(Answer.objects.values_list("question_key", "choice")) == [
        ("q1", "o1"),
        ("q3", ""),
        ("q4", "1"),
    ]


def test_hidden_questions_store_no_answer(regions):
    survey = make_survey()
    response = submit(survey, {"q1": "o2", "q3": "12", "q4": "2"})
    assert not response.answers.filter(question_key="q3").exists()


def test_partial_answers_are_kept_until_submitted(regions):
    survey = make_survey()
    key = uuid.uuid4()
    services.response_save_page(
        survey=survey,
        key=key,
        field_names=["q1", "q2"],
        values={"q1": "o1"},
        page=1,
        create=True,
    )
    response = Response.objects.get(key=key)
    assert response.draft == {"q1": "o1"} and not response.is_submitted
    assert not Answer.objects.exists()


def test_a_closed_survey_takes_no_answers(regions):
    survey = make_survey(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(services.ResponseClosed):
        submit(survey, {"q1": "o1"})


def test_anonymous_responses_store_nothing_that_identifies(regions):
    from industriedialog.accounts.tests.factories import UserFactory

    survey = make_survey(Survey.Mode.ANONYMOUS)
    user = UserFactory()
    response = services.response_save_page(
        survey=survey,
        key=uuid.uuid4(),
        field_names=["q1"],
        values={"q1": "o1", "q4": "1"},
        page=2,
        submit=True,
        create=True,
        user=user,
    )
    row = Response.objects.values().get(pk=response.pk)
    assert row["user_id"] is None and row["invitation_id"] is None
    assert row["initiative_id"] is None and row["organisation_id"] is None
    assert row["submitted_at"] is None  # only dates, nothing finer than a day
    assert isinstance(row["submitted_on"], datetime.date)
    assert not isinstance(row["started_on"], datetime.datetime)
    assert row["draft"] == {}
    datetime_columns = [
        f.name for f in Response._meta.concrete_fields if f.get_internal_type() == "DateTimeField"
    ]
    assert all(row[name] is None for name in datetime_columns)
    assert not [f for f in Answer._meta.concrete_fields if f.get_internal_type() == "DateTimeField"]
    assert not AuditLogEntry.objects.filter(action__contains="response").exists()


def test_anonymous_survey_cannot_take_invitations(regions):
    survey = make_survey(Survey.Mode.ANONYMOUS)
    with pytest.raises(ValidationError):
        services.invitations_add(survey=survey, actor=None, entries=[{"email": "a@example.org"}])


def test_one_response_per_token(regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    (invitation,) = services.invitations_add(
        survey=survey, actor=None, entries=[{"email": "AHK@example.org"}]
    )
    first = services.response_for_invitation(invitation=invitation)
    again = services.response_for_invitation(invitation=invitation)
    assert first.pk == again.pk
    assert invitation.email == "ahk@example.org"


def test_an_address_is_invited_once(regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    services.invitations_add(survey=survey, actor=None, entries=[{"email": "a@example.org"}])
    again = services.invitations_add(
        survey=survey, actor=None, entries=[{"email": "A@example.org"}, {"email": "b@example.org"}]
    )
    assert [i.email for i in again] == ["b@example.org"]


def test_bad_address_line_names_the_line():
    with pytest.raises(ValidationError) as error:
        services.invitation_lines_parse("a@example.org\nErika <keine-adresse>")
    assert "Zeile 2" in str(error.value)


def test_invitations_are_sent_once_and_reminders_only_to_those_who_have_not_answered(regions):
    survey = make_survey(Survey.Mode.PERSONAL)
    services.invitations_add(
        survey=survey,
        actor=None,
        entries=[{"email": f"ahk{i}@example.org"} for i in range(3)],
    )
    assert services.invitations_send(survey=survey, actor=None) == 3
    assert services.invitations_send(survey=survey, actor=None) == 0
    assert len(mail.outbox) == 3
    assert "/umfragen/" in mail.outbox[0].body and "/t/" in mail.outbox[0].body
    answered = Invitation.objects.get(email="ahk0@example.org")
    response = services.response_for_invitation(invitation=answered)
    submit(survey, {"q1": "o2", "q4": "2"}, key=response.key)
    mail.outbox.clear()
    reminded = services.reminders_schedule(survey=survey)
    assert len(reminded) == 2 and answered.pk not in reminded
    assert sorted(m.to[0] for m in mail.outbox) == ["ahk1@example.org", "ahk2@example.org"]
    assert "Erinnerung" in mail.outbox[0].subject
    assert services.reminders_schedule(survey=survey) == []  # not again within a week
    later = timezone.now() + datetime.timedelta(days=8)
    assert len(services.reminders_schedule(now=later)) == 2


def test_registry_invitations_keep_the_link_to_initiative_and_organisation(regions):
    from industriedialog.regions.models import State
    from industriedialog.registry.models import ContactPerson, Organisation
    from industriedialog.registry.tests.factories import InitiativeFactory

    bavaria = State.objects.get(code="BY")
    initiative = InitiativeFactory(states=[bavaria])
    ContactPerson.objects.create(
        initiative=initiative, name="Ohne Einwilligung", email="by@example.org"
    )
    ContactPerson.objects.create(
        initiative=InitiativeFactory(states=[State.objects.get(code="SH")]),
        name="Nord",
        email="sh@example.org",
    )
    chamber = Organisation.objects.create(name="AHK Polen", kind="ihk")
    ContactPerson.objects.create(
        initiative=InitiativeFactory(), organisation=chamber, name="AHK", email="pl@ahk.example"
    )
    survey = make_survey(Survey.Mode.PERSONAL)
    created = services.invitations_add_from_registry(
        survey=survey, actor=None, state_codes=["BY"], organisation_kinds=["ihk"]
    )
    assert sorted(i.email for i in created) == ["by@example.org", "pl@ahk.example"]
    by = next(i for i in created if i.email == "by@example.org")
    response = services.response_for_invitation(invitation=by)
    assert response.initiative == initiative
    ahk = next(i for i in created if i.email == "pl@ahk.example")
    assert services.response_for_invitation(invitation=ahk).organisation == chamber


def test_duplicate_copies_questions_without_responses(regions):
    survey = make_survey()
    submit(survey, {"q1": "o1", "q4": "1"})
    copy = services.survey_duplicate(survey=survey, actor=None)
    assert copy.state == Survey.State.DRAFT and copy.slug != survey.slug
    assert list(copy.questions.values_list("key", flat=True)) == ["q1", "q2", "q3", "q4", "q5"]
    assert not copy.responses.exists()


def test_a_question_others_depend_on_cannot_be_deleted(regions):
    survey = make_survey()
    with pytest.raises(ValidationError):
        services.question_delete(question=survey.questions.get(key="q1"), actor=None)


def test_randomised_options_are_shuffled_per_respondent_but_stable_on_reload():
    from industriedialog.surveys.questions import ordered_options

    question = {
        "key": "q1",
        "random": True,
        "options": [{"key": f"o{i}", "de": str(i)} for i in range(1, 9)],
    }
    orders = {
        tuple(o["key"] for o in ordered_options(question, str(uuid.uuid4()))) for _ in range(5)
    }
    assert len(orders) > 1
    key = str(uuid.uuid4())
    assert ordered_options(question, key) == ordered_options(question, key)
